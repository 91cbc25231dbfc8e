import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import { blobRefOf } from "../../../core/snapshot/blob-ref-of.js";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { loadPolicy } from "../../../core/policy/load-policy.js";
import { memoryPolicySource } from "../../../core/policy/policy-source.js";
import { createSnapshot } from "../../../core/snapshot/create-snapshot.js";
import { forgetSnapshots } from "../../../core/snapshot/forget-snapshots.js";
import { planForget } from "../../../core/snapshot/plan-forget.js";
import { pruneBlobs } from "../../../core/snapshot/prune-blobs.js";
import { openManifest } from "../../../core/snapshot/open-manifest.js";
import { LocalDirStore } from "../../../core/store/local-dir-store.js";
import type { Store } from "../../../core/store/store.js";
import { makeKeys, type TestKeys } from "../../helpers/keys.js";
import { tempDir } from "../../helpers/temp-dir.js";

const work = tempDir();
const FILES = 8;
const ROUNDS = 30;
const template = join(work, "template");
const treeA = join(work, "tree-a");
let keys: TestKeys;

function writeTree(tree: string, content: string): void {
  mkdirSync(tree, { recursive: true });
  for (let i = 0; i < FILES; i++) writeFileSync(join(tree, `f${i}.yaml`), `${content} ${i}\n`);
}

const snapshot = (store: Store, tree: string) =>
  createSnapshot({
    store,
    root: tree,
    paths: ["."],
    stream: "dev",
    phase: "manual",
    recipients: [keys.age.recipient],
    writerKey: keys.writer,
  });

/** A small seeded generator (mulberry32): each round's interleaving can be replayed. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function ticks(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
}

const PORT_CALLS = new Set([
  "beginWrite",
  "commitSnapshot",
  "listStreams",
  "listManifestSeqs",
  "readManifest",
  "readCatalog",
  "listBlobs",
  "deleteBlobs",
  "listRecords",
  "readRecord",
  "findBlobs",
  "stageBlob",
]);

/**
 * The store (or a write view) as seen by one task: before each port call the
 * task yields a random number of turns, so the other task's calls fall in
 * between at a different point each round. A write view is handed out the
 * same way.
 */
function jittered<T extends object>(target: T, random: () => number): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      const value = Reflect.get(object, property, receiver) as unknown;
      if (typeof value !== "function") return value;
      if (typeof property !== "string" || !PORT_CALLS.has(property)) return value.bind(object);
      return async (...args: unknown[]) => {
        await ticks(Math.floor(random() * 6));
        const result = (await (value as (...a: unknown[]) => Promise<unknown>).apply(
          object,
          args,
        )) as unknown;
        return property === "beginWrite" ? jittered(result as object, random) : result;
      };
    },
  });
}

/** Blob references of the newest manifest of dev that are not in the store. */
async function missingBlobsOfNewest(store: LocalDirStore): Promise<number> {
  const seq = (await store.listManifestSeqs("dev")).at(-1) as number;
  const manifest = await openManifest(
    store,
    (await store.readManifest("dev", seq)) as Uint8Array,
    "newest",
  );
  let missing = 0;
  for (const file of manifest.files) {
    if (file.type !== "file") continue;
    if ((await store.readBlob(blobRefOf(file))) === null) missing += 1;
  }
  return missing;
}

beforeAll(async () => {
  keys = await makeKeys();
  const policy = await loadPolicy(
    memoryPolicySource({
      ".github/snapgate.yml": `keys: { recipients: [${keys.age.recipient}], writers: [{ key: ${keys.verifyKey} }] }
tiers: { tier1: { max_age: 24h, retention: { keep: { last: 1 } } } }
environments: { dev: { tier: tier1 } }
`,
    }),
  );
  // Snapshot 1 holds content A; snapshot 2 (content B) makes 1 forgettable. Each round
  // copies this store and races a prune (deleting A's blobs) against a new snapshot of A.
  const store = new LocalDirStore(template);
  writeTree(treeA, "a");
  await snapshot(store, treeA);
  const treeB = join(work, "tree-b");
  writeTree(treeB, "b");
  await snapshot(store, treeB);
  const now = new Date();
  const plan = await planForget({ store, policy, environment: "dev", now });
  await forgetSnapshots(store, plan, { approval: null, policyDigest: null, now, appKeys: [] });
});

describe("prune racing a snapshot (local store)", () => {
  it("never commits a snapshot whose blobs are gone, over many seeded interleavings", async () => {
    const damaged: string[] = [];
    const now = new Date(Date.now() + 60_000);
    for (let round = 0; round < ROUNDS; round++) {
      const root = join(work, `store${round}`);
      cpSync(template, root, { recursive: true });
      const store = new LocalDirStore(root);
      const random = seeded(round + 1);
      const [pruned, taken] = await Promise.all([
        pruneBlobs(jittered(store, random), { graceMs: 0, now }),
        ticks(round % 20).then(() => snapshot(jittered(store, random), treeA)),
      ]);
      const missing = await missingBlobsOfNewest(store);
      if (missing > 0 || pruned.damaged.length > 0)
        damaged.push(`round ${round}: seq ${taken.seq} lacks ${missing} blob(s)`);
    }
    expect(damaged).toEqual([]);
  });
});
