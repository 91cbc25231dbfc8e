import { readdirSync } from "node:fs";
import type { LocalDirStore } from "../../core/store/local-dir-store.js";

/** The path of a stream's only catalog shard (catalog/<env>/<yyyy>-<mm>.jsonl) in a test store. */
export function catalogShard(store: LocalDirStore, stream: string): string {
  const shards = readdirSync(store.path(`catalog/${stream}`)).filter((name) =>
    name.endsWith(".jsonl"),
  );
  if (shards.length !== 1)
    throw new Error(`expected one catalog shard for ${stream}, found ${shards.length}`);
  return store.path(`catalog/${stream}/${shards[0]}`);
}
