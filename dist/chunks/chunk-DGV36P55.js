import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  stringValue
} from "./chunk-6P64A6B4.js";
import {
  LocalDirStore
} from "./chunk-6W22FECZ.js";
import {
  SnapgateError
} from "./chunk-6KERQ4ZL.js";

// cli/open-store.ts
import { resolve } from "node:path";
var STORE_OPTION = {
  store: { type: "string" },
  token: { type: "string" },
  "api-url": { type: "string" }
};
var GITHUB_STORE_HELP = [
  "--token TOKEN  for a github:// store: a token with contents access (or GITHUB_TOKEN)",
  "--api-url URL  for a github:// store: the API to use (or GITHUB_API_URL; GitHub Enterprise Server)"
];
async function openStore(args, context) {
  const spec = storeSpec(args, context);
  if (!spec.startsWith("github://")) return new LocalDirStore(resolve(context.cwd, spec));
  const { client, location } = await openGitHub(args, context);
  const { GitHubStore } = await import("./github-store-NOHZWKAE.js");
  return new GitHubStore(client, location);
}
function storeSpec(args, context) {
  const spec = stringValue(args, "store") ?? context.env.SNAPGATE_STORE;
  if (!spec) {
    throw new SnapgateError("USAGE", "No store was given.", {
      fix: "Pass --store DIR (a local directory) or --store github://OWNER/REPO, or set SNAPGATE_STORE."
    });
  }
  return spec;
}
async function openGitHub(args, context) {
  const spec = storeSpec(args, context);
  const [{ createGitHubClient }, { parseGitHubStoreSpec }] = await Promise.all([
    import("./github-client-WIWDC7AJ.js"),
    import("./github-store-NOHZWKAE.js")
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

export {
  STORE_OPTION,
  GITHUB_STORE_HELP,
  openStore,
  storeSpec,
  openGitHub
};
