import { resolve } from "node:path";
import { SnapgateError } from "../core/errors.js";
import { LocalDirStore } from "../core/store/local-dir-store.js";
import type { Store } from "../core/store/store.js";
import type { GitHubClient } from "../core/github/github-client.js";
import type { GitHubStoreLocation } from "../core/store/github-store.js";
import type { S3LockDefaults } from "../core/store/s3/s3-lock-retention.js";
import { stringValue, type CliContext, type ParsedArgs } from "./command.js";

export const STORE_OPTION = {
  store: { type: "string" as const },
  token: { type: "string" as const },
  "api-url": { type: "string" as const },
  endpoint: { type: "string" as const },
  region: { type: "string" as const },
  "object-lock-mode": { type: "string" as const },
  "retain-days": { type: "string" as const },
};

/** Help lines for STORE_OPTION's GitHub options, which every store command takes. */
export const GITHUB_STORE_HELP = [
  "--token TOKEN  for a github:// store: a token with contents access (or GITHUB_TOKEN)",
  "--api-url URL  for a github:// store: the API to use (or GITHUB_API_URL; GitHub Enterprise Server)",
];

/** Help lines for STORE_OPTION's S3 options. */
export const S3_STORE_HELP = [
  "--endpoint URL  for an s3:// store: an S3-compatible endpoint (or SNAPGATE_S3_ENDPOINT, AWS_ENDPOINT_URL_S3); unset: AWS",
  "--region R  for an s3:// store: the bucket's region (or AWS_REGION; default us-east-1)",
  "--object-lock-mode M  for an s3:// store with Object Lock: GOVERNANCE or COMPLIANCE retention on blobs, nodes, manifests, audit (snapshot: overrides the tier's retention.object_lock.mode)",
  "--retain-days N  retain-until is N days after each write (snapshot: overrides the tier's retention.floor.min_age)",
];

/**
 * --store DIR (the embedded default) or github://OWNER/REPO[@branch] (token
 * from --token or GITHUB_TOKEN, API from --api-url or GITHUB_API_URL), or
 * SNAPGATE_STORE. The GitHub client is loaded only when a GitHub store is used.
 */
export async function openStore(
  args: ParsedArgs,
  context: CliContext,
  /** For an s3:// store, what the policy's tier asks (snapshot); --object-lock-mode and --retain-days override it. */
  defaults: S3LockDefaults = {},
): Promise<Store> {
  const spec = storeSpec(args, context);
  if (spec.startsWith("s3://")) return openS3Store(spec, args, context, defaults);
  if (!spec.startsWith("github://")) return new LocalDirStore(resolve(context.cwd, spec));
  const { client, location } = await openGitHub(args, context);
  const { GitHubStore } = await import("../core/store/github-store.js");
  return new GitHubStore(client, location);
}

export function storeSpec(args: ParsedArgs, context: CliContext): string {
  const spec = stringValue(args, "store") ?? context.env.SNAPGATE_STORE;
  if (!spec) {
    throw new SnapgateError("USAGE", "No store was given.", {
      fix: "Pass --store DIR (a local directory), --store github://OWNER/REPO or --store s3://BUCKET/PREFIX, or set SNAPGATE_STORE.",
    });
  }
  return spec;
}

/** The GitHub client and repository of a github:// store. */
export async function openGitHub(
  args: ParsedArgs,
  context: CliContext,
): Promise<{ client: GitHubClient; location: GitHubStoreLocation }> {
  const spec = storeSpec(args, context);
  const [{ createGitHubClient }, { parseGitHubStoreSpec }] = await Promise.all([
    import("../core/github/github-client.js"),
    import("../core/store/github-store.js"),
  ]);
  const location = parseGitHubStoreSpec(spec);
  const token = stringValue(args, "token") ?? context.env.GITHUB_TOKEN;
  if (!token) {
    throw new SnapgateError("USAGE", `${spec} needs a GitHub token.`, {
      fix: "Pass --token or set GITHUB_TOKEN (a GitHub App installation token or a fine-grained token with contents access to the backup repository).",
    });
  }
  const client = createGitHubClient({
    token,
    baseUrl: stringValue(args, "api-url") ?? context.env.GITHUB_API_URL ?? "https://api.github.com",
    ...(context.env.SNAPGATE_RETRY_AFTER_MS
      ? { retryAfterBaseValue: Number(context.env.SNAPGATE_RETRY_AFTER_MS) }
      : {}),
  });
  return { client, location };
}

/**
 * An s3:// store: endpoint from --endpoint, SNAPGATE_S3_ENDPOINT or
 * AWS_ENDPOINT_URL_S3, credentials from the SDK's default chain (resolved
 * before the command starts, core's openS3Store). The SDK is loaded only when
 * an S3 store is used.
 */
async function openS3Store(
  spec: string,
  args: ParsedArgs,
  context: CliContext,
  defaults: S3LockDefaults,
): Promise<Store> {
  const [{ openS3Store: open }, { s3LockRetention }] = await Promise.all([
    import("../core/store/s3/open-s3-store.js"),
    import("../core/store/s3/s3-lock-retention.js"),
  ]);
  const lock = s3LockRetention(
    stringValue(args, "object-lock-mode"),
    stringValue(args, "retain-days"),
    defaults,
    { mode: "--object-lock-mode", days: "--retain-days" },
  );
  // The bucket comes from the spec (openS3Store parses it).
  const { store } = await open(spec, s3ClientSettings("", args, context), {
    ...(lock ? { lock } : {}),
    ...(defaults.legalHold ? { legalHold: true } : {}),
  });
  return store;
}

/**
 * An s3:// store's bucket, endpoint (--endpoint, SNAPGATE_S3_ENDPOINT or
 * AWS_ENDPOINT_URL_S3) and region (--region, AWS_REGION, AWS_DEFAULT_REGION).
 */
export function s3ClientSettings(
  bucket: string,
  args: ParsedArgs,
  context: CliContext,
): { bucket: string; endpoint?: string; region?: string } {
  // The SDK warns on every run under Node 20 that its 2027 releases will need Node 22: nothing a
  // user of this build can act on (the bundled SDK is pinned), so it is off unless asked for.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  const endpoint =
    stringValue(args, "endpoint") ??
    context.env.SNAPGATE_S3_ENDPOINT ??
    context.env.AWS_ENDPOINT_URL_S3;
  const region =
    stringValue(args, "region") ?? context.env.AWS_REGION ?? context.env.AWS_DEFAULT_REGION;
  return { bucket, ...(endpoint ? { endpoint } : {}), ...(region ? { region } : {}) };
}
