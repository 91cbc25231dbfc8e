import { SnapgateError } from "../../core/errors.js";

/** Who a user access token belongs to: `GET /user`. */
export async function readSignedInUser(
  apiUrl: string,
  token: string,
): Promise<{ login: string; id: number }> {
  const answer = await fetch(`${apiUrl}/user`, {
    headers: {
      accept: "application/vnd.github+json",
      authorization: `Bearer ${token}`,
      "x-github-api-version": "2022-11-28",
    },
  });
  const body = (await answer.json().catch(() => ({}))) as { login?: unknown; id?: unknown };
  if (!answer.ok || typeof body.login !== "string" || typeof body.id !== "number") {
    throw new SnapgateError(
      "PERMISSION",
      `GitHub did not say who signed in (HTTP ${answer.status}).`,
      {
        fix: "Sign in again.",
      },
    );
  }
  return { login: body.login, id: body.id };
}
