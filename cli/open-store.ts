import { resolve } from "node:path";
import { SnapgateError } from "../core/errors.js";
import { LocalDirStore } from "../core/store/local-dir-store.js";
import type { Store } from "../core/store/store.js";
import type { GitHubClient } from "../core/github/github-client.js";
import type { GitHubStoreLocation } from "../core/store/github-store.js";
import { stringValue, type CliContext, type ParsedArgs } from "./command.js";

export const STORE_OPTION = {
  store: { type: "string" as const },
  token: { type: "string" as const },
  "api-url": { type: "string" as const },
};

/** Help lines for STORE_OPTION's GitHub options, which every store command takes. */
export const GITHUB_STORE_HELP = [
  "--token TOKEN  for a github:// store: a token with contents access (or GITHUB_TOKEN)",
  "--api-url URL  for a github:// store: the API to use (or GITHUB_API_URL; GitHub Enterprise Server)",
];

/**
 * --store DIR (the embedded default) or github://OWNER/REPO[@branch] (token
 * from --token or GITHUB_TOKEN, API from --api-url or GITHUB_API_URL), or
 * SNAPGATE_STORE. The GitHub client is loaded only when a GitHub store is used.
 */
export async function openStore(args: ParsedArgs, context: CliContext): Promise<Store> {
  const spec = storeSpec(args, context);
  if (!spec.startsWith("github://")) return new LocalDirStore(resolve(context.cwd, spec));
  const { client, location } = await openGitHub(args, context);
  const { GitHubStore } = await import("../core/store/github-store.js");
  return new GitHubStore(client, location);
}

export function storeSpec(args: ParsedArgs, context: CliContext): string {
  const spec = stringValue(args, "store") ?? context.env.SNAPGATE_STORE;
  if (!spec) {
    throw new SnapgateError("USAGE", "No store was given.", {
      fix: "Pass --store DIR (a local directory) or --store github://OWNER/REPO, or set SNAPGATE_STORE.",
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
