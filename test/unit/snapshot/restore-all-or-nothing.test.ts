import { spawnSync } from "node:child_process";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { LocalDirStore } from "../../../core/store/local-dir-store.js";
import { blobPath } from "../../../core/store/store.js";
import { blobRefOf } from "../../../core/snapshot/blob-ref-of.js";
import { createSnapshot } from "../../../core/snapshot/create-snapshot.js";
import { loadSnapshot, type LoadedSnapshot } from "../../../core/snapshot/load-snapshot.js";
import { resolveSnapshot } from "../../../core/snapshot/resolve-snapshot.js";
import { restoreSnapshot, type RestoreOptions } from "../../../core/snapshot/restore-snapshot.js";
import type { BlobOpener } from "../../../core/crypto/blob-opener.js";
import type { RegularFileEntry } from "../../../core/types.js";
import { commitCraftedManifest } from "../../helpers/craft-manifest.js";
import { makeKeys, type TestKeys } from "../../helpers/keys.js";
import { tempDir } from "../../helpers/temp-dir.js";

/** Every path below `dir`, relative, directories with a trailing / (what a failed restore must not leave). */
function listTree(dir: string, prefix = ""): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    return entry.isDirectory() ? [`${path}/`, ...listTree(dir, path)] : [path];
  });
}

const work = tempDir();
const store = new LocalDirStore(join(work, "store"));
let keys: TestKeys;
let small: LoadedSnapshot;
let large: LoadedSnapshot;
let count = 0;
const newTarget = (): string => join(work, `target${++count}`);

/** The opener, counting what it decrypts. */
function countingOpener(): { opener: BlobOpener; opened: () => number } {
  let opened = 0;
  const opener = Object.create(keys.opener) as BlobOpener;
  opener.open = (...args: Parameters<BlobOpener["open"]>) => {
    opened++;
    return keys.opener.open(...args);
  };
  return { opener, opened: () => opened };
}

const restore = (snapshot: LoadedSnapshot, target: string, extra: Partial<RestoreOptions> = {}) =>
  restoreSnapshot({
    store,
    snapshot,
    opener: keys.opener,
    trustedKeys: [keys.verifyKey],
    target,
    ...extra,
  });

async function snapshotTree(stream: string, files: Record<string, string>) {
  const tree = join(work, `tree-${stream}`);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(tree, path, ".."), { recursive: true });
    writeFileSync(join(tree, path), content);
  }
  await createSnapshot({
    store,
    root: tree,
    paths: ["."],
    stream,
    phase: "manual",
    recipients: [keys.age.recipient],
    writerKey: keys.writer,
  });
  return loadSnapshot(store, await resolveSnapshot(store, `${stream}@1`));
}

beforeAll(async () => {
  keys = await makeKeys();
  const files: Record<string, string> = {};
  for (let i = 0; i < 23; i++) files[`d${i}/f${i}.yaml`] = `n: ${i}\n`;
  small = await snapshotTree("small", files);
  // More files than one window of blobs (100): presence is checked by a listing first.
  const many: Record<string, string> = {};
  for (let i = 0; i < 130; i++) many[`w/f${String(i).padStart(3, "0")}.txt`] = `large ${i}\n`;
  large = await snapshotTree("large", many);
});

/** The file that holds the entry's content: its blob, or its pack (ADR 1114). */
function blobFile(entry: RegularFileEntry): string {
  return join(work, "store", blobPath(blobRefOf(entry)));
}

describe("a failed restore leaves the target as it was", () => {
  it("a wrong identity is refused before any directory is made, so a retry works", async () => {
    const target = newTarget();
    const other = await makeKeys();
    await expect(restore(small, target, { opener: other.opener })).rejects.toMatchObject({
      code: "WRONG_KEY",
    });
    expect(existsSync(target)).toBe(false);
    await expect(restore(small, target)).resolves.toMatchObject({ files: 23 });
  });

  it("a file that fails to decrypt removes every temp file and directory the restore made", async () => {
    // The writer says one file is a byte longer than it is: found only once it is decrypted.
    const files = small.manifest.files.map((file) =>
      file.path === "d17/f17.yaml" && file.type === "file"
        ? { ...file, size: file.size + 1 }
        : file,
    );
    await commitCraftedManifest(
      store,
      keys.writer,
      "crafted",
      files,
      [keys.age.recipient],
      undefined,
      {
        ...(small.manifest.recipientSets ? { recipientSets: small.manifest.recipientSets } : {}),
      },
    );
    const crafted = await loadSnapshot(store, await resolveSnapshot(store, "crafted@1"));
    const target = newTarget();
    await expect(restore(crafted, target)).rejects.toMatchObject({
      code: "INTEGRITY",
      summary: expect.stringContaining("decrypted to 6 bytes; the manifest says 7"),
    });
    expect(existsSync(target)).toBe(false);
    // Into an existing target with --force: it keeps exactly what it had.
    mkdirSync(join(target, "d3"), { recursive: true });
    writeFileSync(join(target, "d3/f3.yaml"), "mine\n");
    await expect(restore(crafted, target, { overwrite: true })).rejects.toMatchObject({
      code: "INTEGRITY",
    });
    expect(listTree(target)).toEqual(["d3/", "d3/f3.yaml"]);
    expect(readFileSync(join(target, "d3/f3.yaml"), "utf8")).toBe("mine\n");
  });

  it("a missing blob is found before anything is decrypted or created (one window)", async () => {
    const entry = small.manifest.files.find((f) => f.path === "d9/f9.yaml") as RegularFileEntry;
    const blob = blobFile(entry);
    const saved = readFileSync(blob);
    unlinkSync(blob);
    try {
      const { opener, opened } = countingOpener();
      const target = newTarget();
      await expect(restore(small, target, { opener })).rejects.toMatchObject({
        code: "INTEGRITY",
        details: { kind: "missing-blob", path: "d9/f9.yaml" },
      });
      expect(opened()).toBe(0);
      expect(existsSync(target)).toBe(false);
    } finally {
      writeFileSync(blob, saved);
    }
  });

  it("a missing blob beyond the first window is found before anything is decrypted", async () => {
    const entry = large.manifest.files.find((f) => f.path === "w/f120.txt") as RegularFileEntry;
    const blob = blobFile(entry);
    // 130 new files: packed (ADR 1114), so every file of that pack is missing with it.
    expect(entry.pack).toBeDefined();
    const lost = large.manifest.files
      .filter((f) => f.type === "file" && blobFile(f) === blob)
      .map((f) => f.path);
    expect(lost).toContain("w/f120.txt");
    const saved = readFileSync(blob);
    unlinkSync(blob);
    try {
      const { opener, opened } = countingOpener();
      const target = newTarget();
      mkdirSync(target);
      await expect(restore(large, target, { opener })).rejects.toMatchObject({
        code: "INTEGRITY",
        details: { kind: "missing-blob", paths: lost },
      });
      expect(opened()).toBe(0);
      expect(listTree(target)).toEqual([]);
    } finally {
      writeFileSync(blob, saved);
    }
    await expect(restore(large, newTarget())).resolves.toMatchObject({ files: 130 });
  });
});

describe("a new or empty target is written in one staging directory and renamed into place (ADR 1108)", () => {
  const paths = (): string[] => small.manifest.files.map((file) => file.path);

  it("a restore that fails mid-way never wrote into the target, and removes its staging directory", async () => {
    const parent = join(work, "staged-a");
    const target = join(parent, "target");
    let seen: { targetExists: boolean; parent: string[]; staged: string[] } | undefined;
    let calls = 0;
    const opener = Object.create(keys.opener) as BlobOpener;
    opener.open = (...args: Parameters<BlobOpener["open"]>) => {
      if (++calls === 12) {
        // What a crash at this moment would leave behind.
        const names = readdirSync(parent);
        seen = {
          targetExists: existsSync(target),
          parent: names,
          staged: listTree(join(parent, names[0] as string)).filter((p) => !p.endsWith("/")),
        };
        return Promise.reject(new Error("injected failure"));
      }
      return keys.opener.open(...args);
    };
    await expect(restore(small, target, { opener })).rejects.toThrow("injected failure");
    expect(seen?.targetExists).toBe(false);
    expect(seen?.parent).toEqual([
      expect.stringMatching(new RegExp(`^target\\.snapgate-restore-${process.pid}-[0-9a-f]{12}$`)),
    ]);
    // Files sit under their final relative names inside the staging directory (no temp names);
    // 11 opens started with at most 8 in flight, so at least 4 were written.
    expect(seen?.staged.length).toBeGreaterThanOrEqual(4);
    for (const path of seen?.staged ?? []) expect(paths()).toContain(path);
    // The failure removed the staging directory and the parent the restore made.
    expect(existsSync(parent)).toBe(false);
    await expect(restore(small, target)).resolves.toMatchObject({ files: 23 });
    expect(readdirSync(parent)).toEqual(["target"]);
  });

  it("an empty target that a failed restore was writing stays empty, with its own mode", async () => {
    const parent = join(work, "staged-b");
    const target = join(parent, "target");
    mkdirSync(target, { recursive: true, mode: 0o750 });
    let calls = 0;
    const opener = Object.create(keys.opener) as BlobOpener;
    opener.open = (...args: Parameters<BlobOpener["open"]>) =>
      ++calls === 5 ? Promise.reject(new Error("injected failure")) : keys.opener.open(...args);
    await expect(restore(small, target, { opener })).rejects.toThrow("injected failure");
    expect(readdirSync(parent)).toEqual(["target"]);
    expect(listTree(target)).toEqual([]);
    // A successful restore replaces the empty directory and keeps its mode.
    await restore(small, target);
    expect(readdirSync(parent)).toEqual(["target"]);
    expect(statSync(target).mode & 0o777).toBe(0o750);
    expect(
      listTree(target)
        .filter((p) => !p.endsWith("/"))
        .sort(),
    ).toEqual([...paths()].sort());
    expect(readFileSync(join(target, "d7/f7.yaml"), "utf8")).toBe("n: 7\n");
  });

  it("every file gets exactly its mode, also those the umask would strip (fchmod only then)", async () => {
    const modes: Record<string, number> = {
      "m/open.txt": 0o666,
      "m/group.sh": 0o775,
      "m/all.sh": 0o777,
      "m/private.env": 0o600,
      "m/shared.yaml": 0o640,
      "m/plain.yaml": 0o644,
    };
    const files = Object.fromEntries(Object.keys(modes).map((path) => [path, `${path}\n`]));
    const tree = join(work, "tree-modes");
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(join(tree, path, ".."), { recursive: true });
      writeFileSync(join(tree, path), content);
      chmodSync(join(tree, path), modes[path] as number);
    }
    await createSnapshot({
      store,
      root: tree,
      paths: ["."],
      stream: "modes",
      phase: "manual",
      recipients: [keys.age.recipient],
      writerKey: keys.writer,
    });
    const snapshot = await loadSnapshot(store, await resolveSnapshot(store, "modes@1"));
    const previous = process.umask(0o022);
    try {
      const target = newTarget();
      await restore(snapshot, target);
      for (const [path, mode] of Object.entries(modes))
        expect([path, statSync(join(target, path)).mode & 0o7777]).toEqual([path, mode]);
      // The per-file path (a non-empty target, --force) too.
      const full = newTarget();
      mkdirSync(full);
      writeFileSync(join(full, "keep.txt"), "mine\n");
      await restore(snapshot, full, { overwrite: true });
      for (const [path, mode] of Object.entries(modes))
        expect([path, statSync(join(full, path)).mode & 0o7777]).toEqual([path, mode]);
    } finally {
      process.umask(previous);
    }
  });

  it("a staging directory a killed restore left is removed by the next restore into that target", async () => {
    const parent = join(work, "staged-c");
    mkdirSync(parent);
    const target = join(parent, "target");
    // The pid of a process that has exited: its restore was killed after staging some files.
    const dead = spawnSync(process.execPath, ["-e", ""]).pid as number;
    const crashed = `target.snapgate-restore-${dead}-0123456789ab`;
    mkdirSync(join(parent, crashed, "d0"), { recursive: true });
    writeFileSync(join(parent, crashed, "d0/f0.yaml"), "n: ");
    // Not touched: a restore still running (a live pid), and another target's leftovers.
    const running = `target.snapgate-restore-${process.ppid}-abcdefabcdef`;
    const other = `other.snapgate-restore-${dead}-0123456789ab`;
    mkdirSync(join(parent, running));
    mkdirSync(join(parent, other));
    await expect(restore(small, target)).resolves.toMatchObject({ files: 23 });
    expect(readdirSync(parent).sort()).toEqual([other, "target", running].sort());
    expect(readFileSync(join(target, "d0/f0.yaml"), "utf8")).toBe("n: 0\n");
  });
});
