import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { LocalDirStore } from "../../../core/store/local-dir-store.js";
import { loadSnapshot } from "../../../core/snapshot/load-snapshot.js";
import { readCatalog } from "../../../core/snapshot/read-catalog.js";
import { verifySnapshots } from "../../../core/snapshot/verify-snapshots.js";
import { makeKeys, type TestKeys } from "../../helpers/keys.js";
import { spawnCli } from "../../helpers/run-cli.js";
import { tempDir } from "../../helpers/temp-dir.js";

// The local store's commit makes blobs and nodes durable with `sync -f` (syncfs) when it has
// more than 64 of them. 1,200 new small files are packed (ADR 1114): ~50 packs and ~80 nodes. A `sync` first on the bundled CLI's PATH logs each call, then runs the
// real one, so the barriers are counted, not timed (ADR 1111: one for every staged byte of
// blobs and nodes, one for their new names).
const work = tempDir();
const tree = join(work, "tree");
const bin = join(work, "bin");
const log = join(work, "sync.log");
const FILES = 1200;
let keys: TestKeys;

const syncCalls = (): string[][] =>
  readFileSync(log, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => line.split(" "));

/** Every file under `dir`, relative. */
const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));

beforeAll(async () => {
  keys = await makeKeys();
  const realSync = execFileSync("sh", ["-c", "command -v sync"], { encoding: "utf8" }).trim();
  mkdirSync(bin);
  writeFileSync(join(bin, "sync"), `#!/bin/sh\necho "$*" >> '${log}'\nexec ${realSync} "$@"\n`);
  chmodSync(join(bin, "sync"), 0o755);
  writeFileSync(join(work, "writer.key"), keys.writerText, { mode: 0o600 });
  for (let i = 0; i < FILES; i++) {
    const dir = join(tree, "deploy", `d${i % 7}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `f${i}.yaml`), `name: f${i}\nreplicas: ${i}\n`.repeat(3));
  }
});

const snapshot = async (store: LocalDirStore): Promise<{ newBlobs: number }> => {
  const run = await spawnCli(
    [
      "snapshot",
      ...["--store", store.location, "--env", "prod", "--phase", "pre", "--root", tree],
      ...["--recipient", keys.age.recipient, "--writer-key", "writer.key", "--json", "deploy"],
    ],
    { cwd: work, env: { PATH: `${bin}:${process.env.PATH ?? ""}` } },
  );
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  return run.json() as { newBlobs: number };
};

describe.each(process.platform === "linux" ? ["linux"] : [])("commit barriers (%s)", () => {
  it("a first snapshot of 1,200 files: 2 syncfs calls for its packs and nodes, none left as temp files", async () => {
    writeFileSync(log, "");
    const store = new LocalDirStore(join(work, "store"));
    const result = await snapshot(store);
    expect(result.newBlobs).toBe(FILES);
    // One barrier for the bytes of blobs and nodes together, one for their new names.
    const blobs = store.path("blobs");
    const nodes = store.path("nodes");
    expect(syncCalls()).toEqual([
      ["-f", blobs, nodes],
      ["-f", blobs, nodes],
    ]);
    const stored = filesUnder(blobs);
    const [entry] = await readCatalog(store, "prod");
    const loaded = await loadSnapshot(store, entry as NonNullable<typeof entry>);
    const packs = new Set(
      loaded.manifest.files.map((file) => (file.type === "file" ? file.pack?.blob : undefined)),
    );
    expect(packs.has(undefined)).toBe(false);
    expect(stored).toHaveLength(packs.size);
    expect(filesUnder(nodes).length + packs.size).toBeGreaterThan(64);
    expect(stored.filter((file) => file.includes(".snapgate-tmp-"))).toEqual([]);
    expect(filesUnder(nodes).filter((file) => file.includes(".snapgate-tmp-"))).toEqual([]);
    expect(loaded.manifest.files).toHaveLength(FILES);
  });

  it("what it committed opens: every blob decrypts to its recorded size (verify, restore level)", async () => {
    const store = new LocalDirStore(join(work, "store"));
    const report = await verifySnapshots({
      store,
      snapshots: await readCatalog(store, "prod"),
      trustedKeys: [keys.verifyKey],
      level: "restore",
      opener: keys.opener,
      writerKey: keys.writer,
    });
    expect(report).toMatchObject({ ok: true, blobsChecked: FILES });
  });
});
