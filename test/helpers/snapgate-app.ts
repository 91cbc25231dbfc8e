import { appManifest } from "../../sandbox/harness/snapgate-app.js";
import type { Permissions } from "../../sandbox/index.js";

// Moved to sandbox/harness so the demo (scripts/demo-github.ts) and the tests share it.
export * from "../../sandbox/harness/snapgate-app.js";

/**
 * What the documented workflows' App token holds on the backup repository
 * (the GitHub store's client): app.yml's contents and metadata grants, never more.
 */
export function backupRepoGrants(): Permissions {
  const { contents, metadata } = appManifest().permissions;
  return { contents, metadata };
}
