import { SnapgateError } from "../../core/errors.js";
import type { DashboardSettings } from "./dashboard-settings.js";

/**
 * Exchanges the web flow's code for a user access token at GitHub's
 * `POST /login/oauth/access_token` (JSON asked with Accept). GitHub answers
 * its errors (bad_verification_code, incorrect_client_credentials,
 * redirect_uri_mismatch) with 200 and an `error` field: each becomes a
 * PERMISSION error that says what to do. The token is returned, never logged.
 */
export async function exchangeOAuthCode(
  settings: DashboardSettings,
  code: string,
  redirectUri: string,
): Promise<string> {
  let answer: Response;
  try {
    answer = await fetch(`${settings.webUrl}/login/oauth/access_token`, {
      method: "POST",
      headers: { accept: "application/json", "content-type": "application/json" },
      body: JSON.stringify({
        client_id: settings.clientId,
        client_secret: settings.clientSecret,
        code,
        redirect_uri: redirectUri,
      }),
    });
  } catch (error) {
    throw new SnapgateError("REMOTE", `GitHub could not be reached to finish the sign-in.`, {
      fix: "Try signing in again in a moment.",
      cause: error,
    });
  }
  let body: { access_token?: unknown; error?: unknown; error_description?: unknown } = {};
  try {
    body = (await answer.json()) as typeof body;
  } catch {
    // Handled below: no token.
  }
  if (answer.ok && typeof body.access_token === "string" && body.access_token.length > 0)
    return body.access_token;
  const error = typeof body.error === "string" ? body.error : `HTTP ${answer.status}`;
  const description =
    typeof body.error_description === "string" ? ` (${body.error_description})` : "";
  const fix =
    error === "incorrect_client_credentials" || error === "redirect_uri_mismatch"
      ? "The app's operator must check GITHUB_CLIENT_ID, GITHUB_CLIENT_SECRET and SNAPGATE_PUBLIC_URL against the GitHub App's settings (Client ID, client secrets, Callback URL)."
      : "Sign in again: a sign-in code is good once and for ten minutes.";
  throw new SnapgateError("PERMISSION", `GitHub refused the sign-in: ${error}${description}.`, {
    fix,
    details: { error },
  });
}
