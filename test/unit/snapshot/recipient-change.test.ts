import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { SeededRandom } from "../../../bench/corpus/seeded-random.js";
import { LocalDirStore } from "../../../core/store/local-dir-store.js";
import { createSnapshot } from "../../../core/snapshot/create-snapshot.js";
import { resolveSnapshot } from "../../../core/snapshot/resolve-snapshot.js";
import { loadSnapshot } from "../../../core/snapshot/load-snapshot.js";
import { restoreSnapshot } from "../../../core/snapshot/restore-snapshot.js";
import { StatCache } from "../../../core/snapshot/stat-cache.js";
import { verifySnapshots } from "../../../core/snapshot/verify-snapshots.js";
import { readAllCatalogs } from "../../../core/snapshot/read-catalog.js";
import { assertIdentityIsRecipient } from "../../../core/snapshot/assert-identity-is-recipient.js";
import { recipientGaps } from "../../../core/snapshot/recipient-gaps.js";
import { blobPath, parseBlobFileName } from "../../../core/store/store.js";
import type { Manifest, RegularFileEntry } from "../../../core/types.js";
import { commitCraftedManifest } from "../../helpers/craft-manifest.js";
import { makeKeys, type TestKeys } from "../../helpers/keys.js";
import { tempDir } from "../../helpers/temp-dir.js";

const work = tempDir();
let r1: TestKeys;
let r2: TestKeys;
let r3: TestKeys;
let count = 0;

beforeAll(async () => {
  [r1, r2, r3] = await Promise.all([makeKeys(), makeKeys(), makeKeys()]);
});

function newTree(files: Record<string, string>): string {
  const root = join(work, `tree${++count}`);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

async function restoreWith(store: LocalDirStore, seq: number, keys: TestKeys): Promise<string> {
  const target = join(work, `restored${++count}`);
  await restoreSnapshot({
    store,
    snapshot: await loadSnapshot(store, await resolveSnapshot(store, `prod@${seq}`)),
    opener: keys.opener,
    trustedKeys: [r1.verifyKey],
    target,
  });
  return target;
}

describe("a recipient change between snapshots", () => {
  it("seals unchanged files again: the latest snapshot restores with the new recipient alone", async () => {
    const root = newTree({ "deploy/a.yaml": "a: 1\n", "deploy/b.yaml": "b: 1\n" });
    const store = new LocalDirStore(join(work, `store${++count}`));
    const cacheDir = join(work, `cache${count}`);
    const snap = (recipient: string) =>
      createSnapshot({
        store,
        root,
        paths: ["deploy"],
        stream: "prod",
        phase: "pre",
        recipients: [recipient],
        writerKey: r1.writer,
        // Opened per snapshot, as each CLI run does.
        statCache: StatCache.open(cacheDir, root, r1.writer.macKey),
        // Files written just now are racily clean; pretend the scan is later so the cache is used.
        now: () => new Date(Date.now() + 60_000),
      });
    await snap(r1.age.recipient);
    writeFileSync(join(root, "deploy/b.yaml"), "b: 22\n");
    const second = await snap(r2.age.recipient);
    // The stat cache vouched for a.yaml's content id; its blob was sealed again all the same.
    expect(second.cachedFiles).toBe(1);
    expect(second.newBlobs).toBe(2);

    const target = await restoreWith(store, 2, r2);
    expect(readFileSync(join(target, "deploy/a.yaml"), "utf8")).toBe("a: 1\n");
    expect(readFileSync(join(target, "deploy/b.yaml"), "utf8")).toBe("b: 22\n");
    // The first snapshot is untouched: still R1's.
    const first = await restoreWith(store, 1, r1);
    expect(readFileSync(join(first, "deploy/b.yaml"), "utf8")).toBe("b: 1\n");

    // Back to R1: the blobs sealed to R1 before are reused, not sealed a third time.
    const third = await snap(r1.age.recipient);
    expect(third.newBlobs).toBe(1);
    const back = await restoreWith(store, 3, r1);
    expect(readFileSync(join(back, "deploy/b.yaml"), "utf8")).toBe("b: 22\n");
  });

  it("is worth a snapshot under --skip-unchanged even when no file changed", async () => {
    const root = newTree({ "deploy/a.yaml": "a: 1\n" });
    const store = new LocalDirStore(join(work, `store${++count}`));
    const snap = (recipients: string[]) =>
      createSnapshot({
        store,
        root,
        paths: ["deploy"],
        stream: "prod",
        phase: "pre",
        recipients,
        writerKey: r1.writer,
        skipUnchanged: true,
      });
    await snap([r1.age.recipient]);
    expect((await snap([r1.age.recipient])).skipped).toBe(true);
    const changed = await snap([r1.age.recipient, r2.age.recipient]);
    expect(changed.skipped).toBe(false);
    const target = await restoreWith(store, 2, r2);
    expect(readFileSync(join(target, "deploy/a.yaml"), "utf8")).toBe("a: 1\n");
  });
});

describe("property: every snapshot restores with each of its recipients' identities", () => {
  it.each([1, 2, 3])("holds for random recipient sets and edits (seed %i)", async (seed) => {
    const random = new SeededRandom(`recipients-${seed}`);
    const everyone = [r1, r2, r3];
    const paths = ["c/a.txt", "c/b.txt", "c/d/e.txt", "c/f.txt"];
    const root = newTree({});
    const store = new LocalDirStore(join(work, `store${++count}`));
    const cacheDir = join(work, `cache${count}`);
    const taken: Array<{ seq: number; holders: TestKeys[]; files: Map<string, string> }> = [];
    let clock = Date.now();
    for (let step = 0; step < 6; step++) {
      // Edits: change, add or remove files (at least one file remains).
      for (const path of paths) {
        const roll = random.next();
        const absolute = join(root, path);
        if (roll < 0.35) {
          mkdirSync(join(absolute, ".."), { recursive: true });
          // Each content has its own size: a rewrite within one timestamp tick cannot fool the stat cache.
          writeFileSync(absolute, `${path} ${"+".repeat(random.int(0, 3))}\n`);
        } else if (roll < 0.45) rmSync(absolute, { force: true });
      }
      mkdirSync(join(root, "c"), { recursive: true });
      writeFileSync(join(root, "c/keep.txt"), `kept ${"+".repeat(random.int(0, 1))}\n`);
      const holders = everyone.filter(() => random.chance(0.5));
      if (holders.length === 0) holders.push(random.pick(everyone));
      clock += 60_000;
      const now = clock;
      const result = await createSnapshot({
        store,
        root,
        paths: ["c"],
        stream: "prod",
        phase: "scheduled",
        recipients: holders.map((keys) => keys.age.recipient),
        writerKey: r1.writer,
        // Opened per snapshot, as each CLI run does.
        statCache: StatCache.open(cacheDir, root, r1.writer.macKey),
        now: () => new Date(now),
      });
      const files = new Map<string, string>();
      for (const path of [...paths, "c/keep.txt"]) {
        try {
          files.set(path, readFileSync(join(root, path), "utf8"));
        } catch {
          // removed in this step
        }
      }
      taken.push({ seq: result.seq as number, holders, files });
    }
    for (const { seq, holders, files } of taken) {
      for (const holder of holders) {
        const target = await restoreWith(store, seq, holder);
        for (const [path, content] of files)
          expect([seq, path, readFileSync(join(target, path), "utf8")]).toEqual([
            seq,
            path,
            content,
          ]);
      }
    }
  });
});

/** A store with one snapshot of one file, sealed to R1 by this version. */
async function sealedToR1(): Promise<{ store: LocalDirStore; manifest: Manifest }> {
  const root = newTree({ "deploy/a.yaml": "a: 1\n" });
  const store = new LocalDirStore(join(work, `store${++count}`));
  const result = await createSnapshot({
    store,
    root,
    paths: ["deploy"],
    stream: "prod",
    phase: "pre",
    recipients: [r1.age.recipient, r1.age.recipient],
    writerKey: r1.writer,
  });
  return { store, manifest: result.manifest as Manifest };
}

const verify = async (store: LocalDirStore, level: "structure" | "restore", keys = r1) =>
  verifySnapshots({
    store,
    snapshots: await readAllCatalogs(store),
    trustedKeys: [r1.verifyKey],
    level,
    opener: keys.opener,
  });

/** Renames a file's blob as an older version named it (no recipient set) and returns its entry as that version recorded it. */
function asOlderVersionWroteIt(store: LocalDirStore, file: RegularFileEntry): RegularFileEntry {
  const { recipientSet, ...legacy } = file;
  const ref = { id: file.blob, sha256: file.ciphertextSha256, encoding: file.encoding };
  renameSync(store.path(blobPath({ ...ref, recipientSet })), store.path(blobPath(ref)));
  return legacy;
}

describe("the manifest records each blob's recipient set", () => {
  it("names the set in the manifest and in the blob's file name, each recipient once", async () => {
    const { store, manifest } = await sealedToR1();
    const file = manifest.files[0] as RegularFileEntry;
    expect(manifest.recipients).toEqual([r1.age.recipient]);
    expect(manifest.recipientSets).toEqual({
      [file.recipientSet as string]: { recipients: [r1.age.recipient] },
    });
    const [name] = readdirSync(store.path(`blobs/${file.blob.slice(0, 2)}`));
    expect(parseBlobFileName(name as string)?.recipientSet).toBe(file.recipientSet);
    expect(recipientGaps(manifest)).toEqual([]);
  });

  it("verify reports a snapshot whose listed recipient cannot open a file; restore refuses it up front", async () => {
    const { store, manifest } = await sealedToR1();
    // A faulty writer lists R2 but reuses the blob sealed to R1 alone.
    await commitCraftedManifest(
      store,
      r1.writer,
      "prod",
      manifest.files,
      [r2.age.recipient],
      undefined,
      {
        recipientSets: manifest.recipientSets,
      },
    );
    const report = await verify(store, "structure");
    expect(report.snapshots.map((s) => s.problems.map((p) => [p.kind, p.path]))).toEqual([
      [],
      [["recipients", "deploy/a.yaml"]],
    ]);
    expect(report.snapshots[1]?.problems[0]?.message).toContain(r2.age.recipient);

    const crafted = (await loadSnapshot(store, await resolveSnapshot(store, "prod@2"))).manifest;
    expect(() => assertIdentityIsRecipient(r2.opener, crafted)).toThrow(
      expect.objectContaining({
        code: "WRONG_KEY",
        summary: expect.stringContaining("deploy/a.yaml"),
      }),
    );
  });

  it("old manifests (no recipient sets, old blob names) still parse, verify and restore", async () => {
    const { store, manifest } = await sealedToR1();
    const legacy = asOlderVersionWroteIt(store, manifest.files[0] as RegularFileEntry);
    await commitCraftedManifest(store, r1.writer, "prod", [legacy], [r1.age.recipient]);
    const report = await verify(store, "restore");
    expect(report.snapshots.map((s) => s.problems.map((p) => p.kind))).toEqual([
      ["missing-blob"],
      [],
    ]);
    const target = await restoreWith(store, 2, r1);
    expect(readFileSync(join(target, "deploy/a.yaml"), "utf8")).toBe("a: 1\n");
  });

  it("an old manifest that lists a key its blob is not sealed to: restore-level verify reports the file, and the error names each key once", async () => {
    const { store, manifest } = await sealedToR1();
    const legacy = asOlderVersionWroteIt(store, manifest.files[0] as RegularFileEntry);
    // What the old code wrote after a recipient change: R2 listed, the blob sealed to R1.
    await commitCraftedManifest(store, r1.writer, "prod", [legacy], [r2.age.recipient]);
    expect((await verify(store, "structure")).snapshots[1]?.problems).toEqual([]);
    const report = await verify(store, "restore", r2);
    expect(report.snapshots[1]?.problems.map((p) => [p.kind, p.path])).toEqual([
      ["decrypt", "deploy/a.yaml"],
    ]);
    const error = await restoreWith(store, 2, r2).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: "WRONG_KEY" });
    const summary = (error as { summary: string }).summary;
    expect(summary.split(r2.age.recipient)).toHaveLength(2);
  });
});
