import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  stringValue
} from "./chunk-6P64A6B4.js";
import {
  LocalDirStore
} from "./chunk-S5A4YI2O.js";
import {
  SnapgateError
} from "./chunk-6KERQ4ZL.js";

// cli/open-store.ts
import { resolve } from "node:path";
var STORE_OPTION = {
  store: { type: "string" },
  token: { type: "string" },
  "api-url": { type: "string" },
  endpoint: { type: "string" },
  region: { type: "string" },
  "object-lock-mode": { type: "string" },
  "retain-days": { type: "string" }
};
var GITHUB_STORE_HELP = [
  "--token TOKEN  for a github:// store: a token with contents access (or GITHUB_TOKEN)",
  "--api-url URL  for a github:// store: the API to use (or GITHUB_API_URL; GitHub Enterprise Server)"
];
var S3_STORE_HELP = [
  "--endpoint URL  for an s3:// store: an S3-compatible endpoint (or SNAPGATE_S3_ENDPOINT, AWS_ENDPOINT_URL_S3); unset: AWS",
  "--region R  for an s3:// store: the bucket's region (or AWS_REGION; default us-east-1)",
  "--object-lock-mode M  for an s3:// store with Object Lock: GOVERNANCE or COMPLIANCE retention on blobs, nodes, manifests, audit (snapshot: overrides the tier's retention.object_lock.mode)",
  "--retain-days N  retain-until is N days after each write (snapshot: overrides the tier's retention.floor.min_age)"
];
async function openStore(args, context, defaults = {}) {
  const spec = storeSpec(args, context);
  if (spec.startsWith("s3://")) return openS3Store(spec, args, context, defaults);
  if (!spec.startsWith("github://")) return new LocalDirStore(resolve(context.cwd, spec));
  const { client, location } = await openGitHub(args, context);
  const { GitHubStore } = await import("./github-store-RM47VBET.js");
  return new GitHubStore(client, location);
}
function storeSpec(args, context) {
  const spec = stringValue(args, "store") ?? context.env.SNAPGATE_STORE;
  if (!spec) {
    throw new SnapgateError("USAGE", "No store was given.", {
      fix: "Pass --store DIR (a local directory), --store github://OWNER/REPO or --store s3://BUCKET/PREFIX, or set SNAPGATE_STORE."
    });
  }
  return spec;
}
async function openGitHub(args, context) {
  const spec = storeSpec(args, context);
  const [{ createGitHubClient }, { parseGitHubStoreSpec }] = await Promise.all([
    import("./github-client-QPB33CWE.js"),
    import("./github-store-RM47VBET.js")
  ]);
  const location = parseGitHubStoreSpec(spec);
  const token = stringValue(args, "token") ?? context.env.GITHUB_TOKEN;
  if (!token) {
    throw new SnapgateError("USAGE", `${spec} needs a GitHub token.`, {
      fix: "Pass --token or set GITHUB_TOKEN (a GitHub App installation token or a fine-grained token with contents access to the backup repository)."
    });
  }
  const client = createGitHubClient({
    token,
    baseUrl: stringValue(args, "api-url") ?? context.env.GITHUB_API_URL ?? "https://api.github.com",
    ...context.env.SNAPGATE_RETRY_AFTER_MS ? { retryAfterBaseValue: Number(context.env.SNAPGATE_RETRY_AFTER_MS) } : {}
  });
  return { client, location };
}
async function openS3Store(spec, args, context, defaults) {
  const [{ openS3Store: open }, { s3LockRetention }] = await Promise.all([
    import("./open-s3-store-XHEHEWH6.js"),
    import("./s3-lock-retention-A3LDYAMM.js")
  ]);
  const lock = s3LockRetention(
    stringValue(args, "object-lock-mode"),
    stringValue(args, "retain-days"),
    defaults,
    { mode: "--object-lock-mode", days: "--retain-days" }
  );
  const { store } = await open(spec, s3ClientSettings("", args, context), {
    ...lock ? { lock } : {},
    ...defaults.legalHold ? { legalHold: true } : {}
  });
  return store;
}
function s3ClientSettings(bucket, args, context) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  const endpoint = stringValue(args, "endpoint") ?? context.env.SNAPGATE_S3_ENDPOINT ?? context.env.AWS_ENDPOINT_URL_S3;
  const region = stringValue(args, "region") ?? context.env.AWS_REGION ?? context.env.AWS_DEFAULT_REGION;
  return { bucket, ...endpoint ? { endpoint } : {}, ...region ? { region } : {} };
}

export {
  STORE_OPTION,
  GITHUB_STORE_HELP,
  S3_STORE_HELP,
  openStore,
  storeSpec,
  openGitHub,
  s3ClientSettings
};
