import type { CreateSnapshotOptions, SnapshotResult } from "../../core/snapshot/create-snapshot.js";
import type { Store } from "../../core/store/store.js";
import type { TestKeys } from "./keys.js";
import { snapshotTree } from "./snapshot-tree.js";

/**
 * The tests' usual snapshot: `deploy/` under `root`, stream prod, phase pre,
 * sealed to the test key alone and signed by its writer key; `extra` changes
 * any of it. Not for a test that mocks a module createSnapshot loads (the
 * crypto pool's node:os): it imports createSnapshot first.
 */
export function snapshotDeploy(
  store: Store,
  root: string,
  keys: TestKeys,
  extra: Partial<CreateSnapshotOptions> = {},
): Promise<SnapshotResult> {
  return snapshotTree(store, root, keys, { paths: ["deploy"], phase: "pre", ...extra });
}
