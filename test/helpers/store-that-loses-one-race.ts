import type { SnapshotCommit, Store } from "../../core/store/store.js";
import type { TestKeys } from "./keys.js";
import { commitCraftedManifest } from "./craft-manifest.js";

/**
 * `store` as a snapshot sees it when another writer commits an (empty)
 * snapshot of `stream` between its view and its first commit: the snapshot
 * loses that race once. `winner()` is the other writer's manifest id.
 */
export function storeThatLosesOneRace<S extends Store>(
  store: S,
  keys: TestKeys,
  stream: string,
): { racing: S; winner: () => string } {
  let winner = "";
  const racing = Object.create(store) as S;
  racing.commitSnapshot = async (commit: SnapshotCommit) => {
    if (!winner) {
      winner = await commitCraftedManifest(store, keys.writer, stream, [], [keys.age.recipient]);
    }
    return store.commitSnapshot(commit);
  };
  return { racing, winner: () => winner };
}
