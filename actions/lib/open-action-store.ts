import { tmpdir } from "node:os";
import { info, setSecret } from "@actions/core";
import type { Store } from "../../core/store/store.js";
import { requestOidcToken } from "./request-oidc-token.js";
import type { StoreSettings } from "./store-settings.js";

/**
 * The store the settings name; the GitHub client is loaded only for a backup
 * repository, the S3 SDK only for an S3 store. With aws-role-arn the job's
 * OIDC token goes to a 0600 file for the SDK's default chain, which assumes
 * the role (core's prepareWebIdentity, openS3Store); the temporary
 * credentials are masked.
 */
export async function openActionStore(settings: StoreSettings): Promise<Store> {
  if (settings.kind === "local") {
    const { LocalDirStore } = await import("../../core/store/local-dir-store.js");
    return new LocalDirStore(settings.dir);
  }
  if (settings.kind === "s3") {
    // The SDK warns on every run under Node 20 that its 2027 releases need Node 22 (ADR 1404).
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
    const [{ openS3Store }, { prepareWebIdentity }] = await Promise.all([
      import("../../core/store/s3/open-s3-store.js"),
      import("../../core/store/s3/prepare-web-identity.js"),
    ]);
    if (settings.oidc) {
      const token = await requestOidcToken(settings.oidc.audience);
      Object.assign(
        process.env,
        prepareWebIdentity(token, settings.oidc, process.env.RUNNER_TEMP ?? tmpdir()),
      );
    }
    const { store, credentials } = await openS3Store(
      settings.spec,
      {
        ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
        ...(settings.region ? { region: settings.region } : {}),
      },
      settings.options,
    );
    if (settings.oidc) {
      setSecret(credentials.secretAccessKey);
      if (credentials.sessionToken) setSecret(credentials.sessionToken);
      // The access key id is no secret: it is what the provider's audit log (CloudTrail) shows.
      info(
        `Assumed ${settings.oidc.roleArn} with the job's OIDC token (session ${settings.oidc.sessionName}, access key ${credentials.accessKeyId}).`,
      );
    }
    return store;
  }
  const [{ createGitHubClient }, { GitHubStore }] = await Promise.all([
    import("../../core/github/github-client.js"),
    import("../../core/store/github-store.js"),
  ]);
  const client = createGitHubClient({
    token: settings.token,
    baseUrl: settings.apiUrl,
    userAgent: "snapgate-action",
  });
  return new GitHubStore(client, {
    owner: settings.owner,
    repo: settings.repo,
    branch: settings.branch,
  });
}
