/**
 * `npx tsx bench/manifest-layouts.ts`: bytes of manifest an incremental
 * snapshot writes under each layout ADR 1101 compared, on the bench corpus's
 * 2,000 paths (seed 1) with 1% of the files changed (edits, adds, removes), in
 * two patterns: spread over the tree (seeded random) and clustered in two
 * directories. Pure computation: entries have the real field lengths (hex ids,
 * recipient set), no file is written. Bytes only: they do not vary by machine.
 */
import { createHash } from "node:crypto";
import { planCorpus } from "./corpus/plan-corpus.js";
import { SeededRandom } from "./corpus/seeded-random.js";
import { buildManifestNodes } from "../core/snapshot/build-manifest-nodes.js";
import type { FileEntry } from "../core/types.js";

const hex = (text: string, length = 64) =>
  createHash("sha256").update(text).digest("hex").slice(0, length);
const SET = hex("set", 32);

function entry(path: string, size: number, version: number): FileEntry {
  return {
    type: "file",
    path,
    mode: 420,
    size,
    blob: hex(`${path}@${version}`),
    encoding: size > 4096 ? "gzip" : "none",
    ciphertextSha256: hex(`c:${path}@${version}`),
    recipientSet: SET,
  };
}

/** A root's fields besides its node ids, at their real lengths (metadata, recipients, signature). */
const ROOT_HEADER = JSON.stringify({
  format: "snapgate.manifest/v2",
  stream: "prod",
  seq: 12,
  prev: hex("prev"),
  phase: "post",
  time: "2026-12-03T07:49:33.668Z",
  writtenAt: "2026-12-03T07:49:33.668Z",
  metadata: { environment: "prod", tags: [], commit: hex("commit", 40) },
  policyDigest: `sha256:${hex("policy")}`,
  recipients: [`age1${"q".repeat(58)}`],
  recipientSets: { [SET]: { recipients: [`age1${"q".repeat(58)}`] } },
  signature: { alg: "ed25519", key: `sgw1${"q".repeat(58)}`, value: `${"A".repeat(86)}==` },
}).length;

type Layout = (files: FileEntry[]) => { root: number; nodes: Map<string, number> };

const nodeOf = (files: FileEntry[]) => {
  const text = JSON.stringify({ format: "snapgate.manifest-node/v1", files });
  return [hex(text), text.length] as const;
};
const rootWith = (ids: string[]) => ROOT_HEADER + JSON.stringify({ nodes: ids }).length;

function runs(boundaryBelow: number, maxFiles: number): Layout {
  return (files) => {
    const built = buildManifestNodes(files, { boundaryBelow, maxFiles });
    return {
      root: rootWith(built.ids),
      nodes: new Map(built.files.map((node) => [node.id, node.bytes.length])),
    };
  };
}

const layouts: Record<string, Layout> = {
  "v1: every file in the manifest": (files) => ({
    root: ROOT_HEADER + JSON.stringify({ files }).length,
    nodes: new Map(),
  }),
  "v2 (chosen): path-hash runs, 1 in 16, at most 64": (files) => {
    const built = buildManifestNodes(files);
    return {
      root: rootWith(built.ids),
      nodes: new Map(built.files.map((node) => [node.id, node.bytes.length])),
    };
  },
  "alternative: path-hash runs, 1 in 8, at most 32": runs(32, 32),
  "alternative: path-hash runs, 1 in 32, at most 128": runs(8, 128),
  "alternative: one node per directory": (files) => {
    const byDir = new Map<string, FileEntry[]>();
    for (const file of files) {
      const dir = file.path.slice(0, Math.max(0, file.path.lastIndexOf("/")));
      byDir.set(dir, [...(byDir.get(dir) ?? []), file]);
    }
    const nodes = new Map([...byDir.values()].map(nodeOf));
    return { root: rootWith([...nodes.keys()]), nodes };
  },
  "alternative: fixed runs of 16 files": (files) => {
    const nodes = new Map<string, number>();
    for (let i = 0; i < files.length; i += 16) {
      const [id, size] = nodeOf(files.slice(i, i + 16));
      nodes.set(id, size);
    }
    return { root: rootWith([...nodes.keys()]), nodes };
  },
};

const plan = planCorpus(1, 2000, 25_000_000).sort((a, b) => (a.path < b.path ? -1 : 1));
const before = plan.map((file) => entry(file.path, file.targetBytes, 1));
const sizeOf = (i: number) => plan[i]?.targetBytes ?? 0;

/** 1% of 2,000: 14 edits, 3 adds next to existing files, 3 removes. */
function change(picks: number[]): FileEntry[] {
  const edits = new Set(picks.slice(0, 14));
  const removes = new Set(picks.slice(14, 17));
  const after = before
    .map((file, i) => (edits.has(i) ? entry(file.path, sizeOf(i), 2) : file))
    .filter((_, i) => !removes.has(i));
  for (const i of picks.slice(17, 20)) {
    const path = before[i]!.path.replace(/[^/]*$/, `added-${i}.yaml`);
    after.push(entry(path, 2048, 1));
  }
  return after.sort((a, b) => (a.path < b.path ? -1 : 1));
}

const rng = new SeededRandom("manifest-layouts:1");
const spread = new Set<number>();
while (spread.size < 20) spread.add(Math.floor(rng.next() * before.length));
const dirs = [...new Set(before.map((file) => file.path.replace(/\/[^/]*$/, "")))];
const crowded = dirs
  .map((dir) => ({ dir, n: before.filter((file) => file.path.startsWith(`${dir}/`)).length }))
  .sort((a, b) => b.n - a.n)
  .slice(0, 2)
  .map((d) => d.dir);
const clustered = before
  .map((file, i) => (crowded.some((dir) => file.path.startsWith(`${dir}/`)) ? i : -1))
  .filter((i) => i >= 0)
  .slice(0, 20);

const kb = (n: number) => `${(n / 1000).toFixed(1)} KB`;
console.log(`2,000 paths of the bench corpus (seed 1), ${dirs.length} directories; 1% changed`);
console.log(
  "| layout | nodes (reads on GitHub: 1 per 100) | full snapshot | incremental, spread | incremental, 2 directories |",
);
console.log("| --- | --- | --- | --- | --- |");
for (const [name, layout] of Object.entries(layouts)) {
  const first = layout(before);
  const full = first.root + [...first.nodes.values()].reduce((a, b) => a + b, 0);
  const incremental = (picks: number[]) => {
    const next = layout(change(picks));
    let added = next.root;
    for (const [id, size] of next.nodes) if (!first.nodes.has(id)) added += size;
    return added;
  };
  console.log(
    `| ${name} | ${first.nodes.size} | ${kb(full)} | ${kb(incremental([...spread]))} | ${kb(incremental(clustered))} |`,
  );
}
