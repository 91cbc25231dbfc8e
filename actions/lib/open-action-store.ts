import type { Store } from "../../core/store/store.js";
import type { StoreSettings } from "./store-settings.js";

/** The store the settings name; the GitHub client is loaded only for a backup repository. */
export async function openActionStore(settings: StoreSettings): Promise<Store> {
  if (settings.kind === "local") {
    const { LocalDirStore } = await import("../../core/store/local-dir-store.js");
    return new LocalDirStore(settings.dir);
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
