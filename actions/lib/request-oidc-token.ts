import { getIDToken, setSecret } from "@actions/core";
import { SnapgateError } from "../../core/errors.js";

/**
 * The job's GitHub OIDC token for `audience`, from the runner's token
 * endpoint (ACTIONS_ID_TOKEN_REQUEST_URL with the bearer
 * ACTIONS_ID_TOKEN_REQUEST_TOKEN, which the runner sets only for a job with
 * `permissions: id-token: write`), masked before anything can log it.
 */
export async function requestOidcToken(
  audience: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string> {
  if (!env.ACTIONS_ID_TOKEN_REQUEST_URL || !env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) {
    throw new SnapgateError(
      "PERMISSION",
      "aws-role-arn needs the job's OIDC token, and this job may not request one (ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN are not set).",
      {
        fix: "Add `permissions: { id-token: write, contents: read }` to the job (or the workflow). Runs of pull requests from forks never get a token: run the S3 snapshot on push, schedule or workflow_dispatch.",
      },
    );
  }
  let token: string;
  try {
    token = await getIDToken(audience);
  } catch (error) {
    throw new SnapgateError(
      "PERMISSION",
      `The runner's OIDC token endpoint refused a token for audience '${audience}': ${String((error as Error)?.message ?? error).replace(/\s+/g, " ")}`,
      {
        fix: "Check that the job has `permissions: id-token: write` and re-run it (its request token lasts only as long as the job); on GitHub Enterprise Server, check that Actions OIDC is enabled.",
      },
    );
  }
  setSecret(token);
  return token;
}
