import type { Sodium } from "../crypto/sodium.js";
import { SnapgateError } from "../errors.js";
import type { Store } from "../store/store.js";
import {
  environmentLockPath,
  LOCK_REVISION_NAME,
  openEnvironmentLock,
  type EnvironmentLockRecord,
} from "./environment-lock-record.js";

/**
 * The newest lock revision of an environment, checked against the policy's
 * app keys (INTEGRITY when it fails), or null when the environment was never
 * locked. `listed` is the revisions' paths when the caller already has them
 * (the gate's stream index), which saves the listing.
 */
export async function readNewestEnvironmentLock(
  store: Store,
  sodium: Sodium,
  environment: string,
  appKeys: readonly string[],
  listed?: readonly string[],
): Promise<EnvironmentLockRecord | null> {
  const paths = listed ?? (await store.listRecords(`locks/${environment}/`));
  const revisions = paths
    .map((path) => Number(LOCK_REVISION_NAME.exec(path.split("/").pop() ?? "")?.[1] ?? Number.NaN))
    .filter((revision) => Number.isInteger(revision) && revision > 0);
  if (revisions.length === 0) return null;
  const revision = Math.max(...revisions);
  const path = environmentLockPath(environment, revision);
  const bytes = await store.readRecord(path);
  if (bytes === null) {
    // Listed but gone: never read as "unlocked".
    throw new SnapgateError("INTEGRITY", `The lock record ${path} was listed but cannot be read.`, {
      fix: `Check the backup repository's history for ${path}; then lock or unlock ${environment} again through the Snapgate App.`,
    });
  }
  return openEnvironmentLock(sodium, bytes, { environment, revision }, appKeys);
}
