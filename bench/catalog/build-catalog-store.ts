import { writeFileSync } from "node:fs";
import { appendFile, mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { canonicalJson } from "../../core/crypto/canonical-json.js";
import { generateAgeKeyPair } from "../../core/crypto/age-keys.js";
import { signManifest } from "../../core/crypto/manifest-signature.js";
import { sha256Hex } from "../../core/crypto/sha256-hex.js";
import { loadSodium } from "../../core/crypto/sodium.js";
import {
  generateWriterKeyText,
  parseWriterKey,
  writerSigner,
} from "../../core/crypto/writer-key.js";
import { classifyPath } from "../../core/policy/classify-path.js";
import { loadPolicy } from "../../core/policy/load-policy.js";
import { memoryPolicySource } from "../../core/policy/policy-source.js";
import { catalogEntryOf } from "../../core/snapshot/catalog-entry.js";
import { createSnapshot } from "../../core/snapshot/create-snapshot.js";
import { LocalDirStore } from "../../core/store/local-dir-store.js";
import { catalogPath, headPath, manifestPath } from "../../core/store/store.js";
import { MANIFEST_FORMAT, PHASES, type FileEntry, type ManifestBody } from "../../core/types.js";
import { SeededRandom } from "../corpus/seeded-random.js";

export interface CatalogStoreOptions {
  environments: readonly string[];
  perEnvironment: number;
  seed: number;
  /** Time of the first snapshot; the others follow `stepMs` apart, round-robin over the environments. */
  start?: Date;
  stepMs?: number;
}

export interface CatalogStore {
  store: string;
  /** The writer's verify key (sgw1...), for `snapgate verify`. */
  verifyKey: string;
  snapshots: number;
}

const TREE: Record<string, string> = {
  "deploy/db/VERSION": "42\n",
  "deploy/api/config.yaml": "replicas: 3\nimage: api:1.0.0\n",
  "deploy/web/site.conf": "server { listen 443; }\n",
};

/**
 * A local store with many snapshots of a tiny tree, for catalog benchmarks.
 * The first snapshot is taken by the snapshot engine (real encrypted blobs);
 * the rest reuse its file entries (each with a different mix of components)
 * and are written straight into the store's layout: signed, hash-chained
 * manifests, month-sharded catalog lines and heads, the same bytes a commit
 * writes, but without a lock and an fsync per snapshot (a commit through the
 * port costs a few milliseconds, far too slow for 10,000). No audit events
 * are written for them.
 */
export async function buildCatalogStore(
  dir: string,
  options: CatalogStoreOptions,
): Promise<CatalogStore> {
  const sodium = await loadSodium();
  const recipient = generateAgeKeyPair(sodium).recipient;
  const writer = parseWriterKey(generateWriterKeyText(), "bench");
  const verifyKey = writerSigner(sodium, writer).verifyKey;
  const tree = join(dir, "tree");
  for (const [path, content] of Object.entries(TREE)) {
    await mkdir(dirname(join(tree, path)), { recursive: true });
    await writeFile(join(tree, path), content);
  }
  const policy = await loadPolicy(
    memoryPolicySource({
      ".github/snapgate.yml": `keys: { recipients: [${recipient}], writers: [{ key: ${verifyKey} }] }
tiers: { tier1: { max_age: 24h } }
environments: { ${options.environments.map((env) => `${env}: { tier: tier1 }`).join(", ")} }
components:
  - { name: payments-db, paths: ["deploy/db/**"] }
  - { name: api, paths: ["deploy/api/**"] }
  - { name: web, paths: ["deploy/web/**"] }
`,
    }),
  );
  const storeDir = join(dir, "store");
  const store = new LocalDirStore(storeDir);
  const start = options.start ?? new Date("2024-01-01T00:00:00Z");
  const stepMs = options.stepMs ?? 3_600_000;
  const [first] = options.environments;
  if (!first) throw new Error("buildCatalogStore needs an environment");
  const seed = await createSnapshot({
    store,
    root: tree,
    paths: ["."],
    stream: first,
    phase: "post",
    time: start,
    recipients: [recipient],
    writerKey: writer,
    classify: (path) => classifyPath(policy, path, first),
    now: () => start,
  });
  const files = seed.manifest?.files ?? [];
  const fileOf = (component: string) =>
    files.find((file) => file.component === component) as FileEntry;

  const random = new SeededRandom(options.seed);
  const shards = new Map<string, string[]>();
  let snapshots = 1;
  for (const [envIndex, stream] of options.environments.entries()) {
    let prev: string | null = stream === first ? (seed.id as string) : null;
    const writes: Array<{ path: string; bytes: Uint8Array }> = [];
    let seq = stream === first ? 1 : 0;
    let head = { seq: 1, id: seed.id as string };
    for (let i = seq; i < options.perEnvironment; i++) {
      seq += 1;
      const time = new Date(
        start.getTime() + (i * options.environments.length + envIndex) * stepMs,
      ).toISOString();
      const phase = random.pick(PHASES);
      const components = [
        "api",
        ...(random.chance(0.3) ? ["payments-db"] : []),
        ...(random.chance(0.5) ? ["web"] : []),
      ];
      const body: ManifestBody = {
        format: MANIFEST_FORMAT,
        stream,
        seq,
        prev,
        phase,
        time,
        writtenAt: time,
        metadata: {
          environment: stream,
          commit: random.hex(40),
          runUrl: `https://github.com/acme/app/actions/runs/${1_000_000 + snapshots}`,
          deployer: random.pick(["alice", "bob", "carol", "deploy-bot"]),
          ...(phase === "pre" && random.chance(0.5)
            ? { changeId: `CHG${String(random.int(0, 9_999_999)).padStart(7, "0")}` }
            : {}),
          tags: [
            ...(random.chance(0.02) ? ["release"] : []),
            ...(phase === "scheduled" ? ["nightly"] : []),
          ],
        },
        policyDigest: null,
        recipients: [recipient],
        // The seed's files are sealed to its recipient set: define it here too.
        ...(seed.manifest?.recipientSets ? { recipientSets: seed.manifest.recipientSets } : {}),
        files: components.map(fileOf).sort((a, b) => (a.path < b.path ? -1 : 1)),
      };
      const manifest = signManifest(sodium, body, writer);
      const bytes = new TextEncoder().encode(canonicalJson(manifest));
      const id = sha256Hex(bytes);
      writes.push({ path: manifestPath(stream, seq), bytes });
      const shard = catalogPath(stream, new Date(time));
      shards.set(shard, [
        ...(shards.get(shard) ?? []),
        JSON.stringify(catalogEntryOf(manifest, id)),
      ]);
      prev = id;
      head = { seq, id };
      snapshots += 1;
    }
    await mkdir(join(storeDir, "manifests", stream), { recursive: true });
    // Synchronous on purpose: for thousands of small files it beats the thread pool.
    for (const { path, bytes } of writes) writeFileSync(store.path(path), bytes, { mode: 0o444 });
    await mkdir(join(storeDir, "heads"), { recursive: true });
    await writeFile(store.path(headPath(stream)), `${JSON.stringify(head)}\n`);
  }
  for (const [shard, lines] of shards) {
    await mkdir(dirname(store.path(shard)), { recursive: true });
    await appendFile(store.path(shard), lines.map((line) => `${line}\n`).join(""));
  }
  return { store: storeDir, verifyKey, snapshots };
}
