/**
 * `npx tsx bench/blob-layouts.ts`: what sealing a first snapshot's 2,000
 * files costs on one thread under each blob layout ADR 1114 compares: one age
 * file per blob (today), or the files' encoded contents concatenated into
 * packs, each pack one age file. Every layout reads each file, computes its
 * keyed id and gzips it (level 1, kept when it saves 10%) exactly as a snapshot
 * does, seals to two fresh recipients with the snapshot's age code, and writes
 * each age file as a temp file in a blob folder. Nothing else of a snapshot
 * (walk, manifest, commit) is included. Each round writes into new folders;
 * all are removed at the end, so no layout runs just after another's deletions.
 * Prints medians of the rounds after the first: wall, user and system CPU,
 * age files written (= X25519 multiplications / 4 with two recipients) and
 * bytes stored. `--markdown` prints the table as Markdown.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { generateAgeKeyPair, parseRecipient } from "../core/crypto/age-keys.js";
import { OpenSslX25519Recipient } from "../core/crypto/age-x25519.js";
import { computeBlobId } from "../core/crypto/blob-id.js";
import { sealAgeV1 } from "../core/crypto/seal-age-v1.js";
import { sha256Hex } from "../core/crypto/sha256-hex.js";
import { loadSodium } from "../core/crypto/sodium.js";
import { writeSealedTempFile } from "../core/crypto/write-sealed-temp-file.js";
import { readRegularFile } from "../core/snapshot/read-regular-file.js";
import { DEFAULT_CORPUS, generateCorpus } from "./corpus/generate-corpus.js";
import { formatTable } from "./harness/format-table.js";
import { percentile } from "./harness/percentile.js";

interface Layout {
  name: string;
  /** A pack is sealed once its encoded members reach this many bytes or files; 1 file: no packs. */
  maxBytes: number;
  maxFiles: number;
}

const LAYOUTS: Layout[] = [
  { name: "one age file per blob (today)", maxBytes: 0, maxFiles: 1 },
  { name: "packs of up to 64 files", maxBytes: Infinity, maxFiles: 64 },
  { name: "packs of up to 1 MiB", maxBytes: 1 << 20, maxFiles: Infinity },
  { name: "packs of up to 4 MiB", maxBytes: 4 << 20, maxFiles: Infinity },
];
const ROUNDS = 6;

function listFiles(dir: string, into: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) listFiles(path, into);
    else if (entry.isFile()) into.push(path);
  }
  return into;
}

/** Seals `files` under `layout` into `out`; returns the age files written and their bytes. */
function sealAll(
  files: readonly string[],
  layout: Layout,
  out: string,
  macKey: Uint8Array,
  recipients: readonly OpenSslX25519Recipient[],
): { ageFiles: number; bytes: number } {
  let members: Uint8Array[] = [];
  let pending = 0;
  let ageFiles = 0;
  let bytes = 0;
  const made = new Set<string>();
  const seal = () => {
    if (members.length === 0) return;
    const plaintext = members.length === 1 ? (members[0] as Uint8Array) : Buffer.concat(members);
    const ciphertext = sealAgeV1(plaintext, recipients);
    sha256Hex(ciphertext);
    const dir = join(out, computeBlobId(macKey, plaintext).slice(0, 2));
    if (!made.has(dir)) mkdirSync(dir, { recursive: true });
    made.add(dir);
    writeSealedTempFile(dir, ciphertext);
    ageFiles += 1;
    bytes += ciphertext.length;
    members = [];
    pending = 0;
  };
  for (const file of files) {
    const { content } = readRegularFile(file, file, {});
    computeBlobId(macKey, content);
    let encoded: Uint8Array = content;
    if (content.length >= 64) {
      const gzipped = gzipSync(content, { level: 1 });
      if (gzipped.length < content.length * 0.9) encoded = gzipped;
    }
    members.push(encoded);
    pending += encoded.length;
    if (members.length >= layout.maxFiles || pending >= layout.maxBytes) seal();
  }
  seal();
  return { ageFiles, bytes };
}

const work = mkdtempSync(join(tmpdir(), "snapgate-blob-layouts-"));
try {
  const tree = join(work, "tree");
  await generateCorpus(tree, DEFAULT_CORPUS);
  const files = listFiles(tree).sort();
  const sodium = await loadSodium();
  const recipients = [generateAgeKeyPair(sodium), generateAgeKeyPair(sodium)]
    .map((pair) => pair.recipient)
    .sort()
    .map((recipient) => new OpenSslX25519Recipient(parseRecipient(recipient)));
  const macKey = sodium.randombytes_buf(32);
  const samples = new Map<string, number[][]>();
  const counts = new Map<string, { ageFiles: number; bytes: number }>();
  for (let round = 0; round < ROUNDS; round++) {
    // A different order each round, so no layout always runs first or last.
    const order = LAYOUTS.map((_, i) => LAYOUTS[(i + round) % LAYOUTS.length] as Layout);
    for (const layout of order) {
      const out = join(work, `round-${round}-${LAYOUTS.indexOf(layout)}`);
      mkdirSync(out);
      const cpu = process.cpuUsage();
      const start = performance.now();
      counts.set(layout.name, sealAll(files, layout, out, macKey, recipients));
      const wall = performance.now() - start;
      const used = process.cpuUsage(cpu);
      // The first round warms the code and the page cache.
      if (round > 0)
        samples.set(layout.name, [
          ...(samples.get(layout.name) ?? []),
          [wall, used.user / 1000, used.system / 1000],
        ]);
    }
  }
  const median = (name: string, column: number) =>
    percentile(
      (samples.get(name) ?? []).map((row) => row[column] ?? 0),
      50,
    );
  const today = LAYOUTS[0]?.name ?? "";
  process.stdout.write(
    `Sealing the bench corpus's ${files.length} files on one thread, medians of ${ROUNDS - 1} rounds:\n` +
      formatTable(
        LAYOUTS.map(({ name }) => ({
          name,
          wall: median(name, 0),
          user: median(name, 1),
          system: median(name, 2),
          ratio: median(name, 0) / Math.max(1, median(today, 0)),
          ageFiles: counts.get(name)?.ageFiles,
          stored: counts.get(name)?.bytes,
        })),
        [
          { key: "name", header: "layout", unit: "text" },
          { key: "wall", header: "wall", unit: "ms", digits: 0 },
          { key: "user", header: "user CPU", unit: "ms", digits: 0 },
          { key: "system", header: "system CPU", unit: "ms", digits: 0 },
          { key: "ratio", header: "wall vs today", unit: "x" },
          { key: "ageFiles", header: "age files", unit: "count" },
          { key: "stored", header: "stored", unit: "MB" },
        ],
        { markdown: process.argv.includes("--markdown") },
      ) +
      "\n",
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
