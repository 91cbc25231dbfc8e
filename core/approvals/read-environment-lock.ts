import { loadSodium } from "../crypto/sodium.js";
import type { Store } from "../store/store.js";
import { readNewestEnvironmentLock } from "./read-newest-environment-lock.js";
import type { EnvironmentLock } from "./request-lifecycle.js";

/**
 * Whether `environment` is locked, from its newest app-signed lock revision
 * in the backup repository: the lock, or null when it is not locked. A
 * record that is not signed by one of `appKeys` (the policy's keys.app), or
 * was altered, throws INTEGRITY: it is never read as "unlocked".
 */
export async function readEnvironmentLock(
  store: Store,
  environment: string,
  appKeys: readonly string[],
  listed?: readonly string[],
): Promise<EnvironmentLock | null> {
  const newest = await readNewestEnvironmentLock(
    store,
    await loadSodium(),
    environment,
    appKeys,
    listed,
  );
  return newest?.lock ?? null;
}
