import {
  createSnapshot,
  type CreateSnapshotOptions,
  type SnapshotResult,
} from "../../core/snapshot/create-snapshot.js";
import type { Store } from "../../core/store/store.js";
import type { TestKeys } from "./keys.js";

/**
 * A snapshot of all of `root`: stream prod, phase post, sealed to the test key
 * alone and signed by its writer key; `extra` changes any of it. Not for a test
 * that mocks a module createSnapshot loads (the crypto pool's node:os): it
 * imports createSnapshot first.
 */
export function snapshotTree(
  store: Store,
  root: string,
  keys: TestKeys,
  extra: Partial<CreateSnapshotOptions> = {},
): Promise<SnapshotResult> {
  return createSnapshot({
    store,
    root,
    paths: ["."],
    stream: "prod",
    phase: "post",
    recipients: [keys.age.recipient],
    writerKey: keys.writer,
    ...extra,
  });
}
