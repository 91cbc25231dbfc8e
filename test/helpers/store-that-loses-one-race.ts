import type { LocalDirStore } from "../../core/store/local-dir-store.js";
import type { SnapshotCommit } from "../../core/store/store.js";
import type { TestKeys } from "./keys.js";
import { commitCraftedManifest } from "./craft-manifest.js";

/**
 * `store` as a snapshot sees it when another writer commits an (empty)
 * snapshot of `stream` between its view and its first commit: the snapshot
 * loses that race once. `winner()` is the other writer's manifest id.
 */
export function storeThatLosesOneRace(
  store: LocalDirStore,
  keys: TestKeys,
  stream: string,
): { racing: LocalDirStore; winner: () => string } {
  let winner = "";
  const racing = Object.create(store) as LocalDirStore;
  racing.commitSnapshot = async (commit: SnapshotCommit) => {
    if (!winner) {
      winner = await commitCraftedManifest(store, keys.writer, stream, [], [keys.age.recipient]);
    }
    return store.commitSnapshot(commit);
  };
  return { racing, winner: () => winner };
}
