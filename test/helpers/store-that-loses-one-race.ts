import type { SnapshotCommit, Store } from "../../core/store/store.js";
import type { TestKeys } from "./keys.js";
import { commitCraftedManifest } from "./craft-manifest.js";

/**
 * `store` as a snapshot sees it when another writer commits a snapshot of
 * `stream` between its view and its first commit: the snapshot loses that race
 * once. The other writer's commit is `commitWinner` (by default an empty
 * manifest, with no audit event); `winner()` is its manifest id.
 */
export function storeThatLosesOneRace<S extends Store>(
  store: S,
  keys: TestKeys,
  stream: string,
  commitWinner: () => Promise<string> = () =>
    commitCraftedManifest(store, keys.writer, stream, [], [keys.age.recipient]),
): { racing: S; winner: () => string } {
  let winner = "";
  const racing = Object.create(store) as S;
  racing.commitSnapshot = async (commit: SnapshotCommit) => {
    if (!winner) winner = await commitWinner();
    return store.commitSnapshot(commit);
  };
  return { racing, winner: () => winner };
}
