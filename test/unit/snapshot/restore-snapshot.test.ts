import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { LocalDirStore } from "../../../core/store/local-dir-store.js";
import { createSnapshot } from "../../../core/snapshot/create-snapshot.js";
import { loadSnapshot, type LoadedSnapshot } from "../../../core/snapshot/load-snapshot.js";
import { resolveSnapshot } from "../../../core/snapshot/resolve-snapshot.js";
import {
  restoreSnapshot,
  safeMode,
  type RestoreOptions,
} from "../../../core/snapshot/restore-snapshot.js";
import { makeKeys, type TestKeys } from "../../helpers/keys.js";
import { tempDir } from "../../helpers/temp-dir.js";

const work = tempDir();
const store = new LocalDirStore(join(work, "store"));
let keys: TestKeys;
let snapshot: LoadedSnapshot;
let count = 0;
const newTarget = (): string => join(work, `target${++count}`);

beforeAll(async () => {
  keys = await makeKeys();
  const tree = join(work, "tree");
  mkdirSync(join(tree, "conf/sub"), { recursive: true });
  writeFileSync(join(tree, "conf/a.yaml"), "a: 1\n");
  writeFileSync(join(tree, "conf/sub/b.yaml"), "b: 2\n");
  symlinkSync("a.yaml", join(tree, "conf/link.yaml"));
  await createSnapshot({
    store,
    root: tree,
    paths: ["conf"],
    stream: "prod",
    phase: "manual",
    recipients: [keys.age.recipient],
    writerKey: keys.writer,
  });
  snapshot = await loadSnapshot(store, await resolveSnapshot(store, "prod@1"));
});

const restore = (target: string, extra: Partial<RestoreOptions> = {}) =>
  restoreSnapshot({
    store,
    snapshot,
    opener: keys.opener,
    trustedKeys: [keys.verifyKey],
    target,
    ...extra,
  });

describe("restoreSnapshot", () => {
  it("strips setuid, setgid and sticky bits", () => {
    expect(safeMode(0o7755)).toBe(0o755);
    expect(safeMode(0o4644)).toBe(0o644);
    expect(safeMode(0o600)).toBe(0o600);
  });

  it("restores files and links, reporting progress for each", async () => {
    const target = newTarget();
    const progress: Array<[number, number]> = [];
    const result = await restore(target, { onProgress: (d, t) => progress.push([d, t]) });
    expect(result).toMatchObject({ files: 2, symlinks: 1, bytes: 10, dryRun: false, target });
    expect(result.plan).toEqual([
      { path: "conf/a.yaml", action: "create" },
      { path: "conf/link.yaml", action: "create" },
      { path: "conf/sub/b.yaml", action: "create" },
    ]);
    expect(progress.map(([d]) => d)).toEqual([1, 2, 3]);
    expect(progress.every(([, t]) => t === 3)).toBe(true);
    expect(readFileSync(join(target, "conf/sub/b.yaml"), "utf8")).toBe("b: 2\n");
    expect(readlinkSync(join(target, "conf/link.yaml"))).toBe("a.yaml");
  });

  it("restores only what --include selects", async () => {
    const target = newTarget();
    const result = await restore(target, { include: ["conf/sub/**"] });
    expect(result.plan.map((p) => p.path)).toEqual(["conf/sub/b.yaml"]);
    expect(readdirSync(join(target, "conf"))).toEqual(["sub"]);
  });

  it("an --include that matches nothing is NOT_FOUND, and nothing is written", async () => {
    const target = newTarget();
    await expect(restore(target, { include: ["nope/**", "*.txt"] })).rejects.toMatchObject({
      code: "NOT_FOUND",
      summary: "No file of the snapshot matches --include nope/** *.txt.",
    });
    expect(existsSync(target)).toBe(false);
  });

  it("a signature by an untrusted key is refused before anything is written", async () => {
    const target = newTarget();
    const other = await makeKeys();
    const error = await restore(target, { trustedKeys: [other.verifyKey] }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ code: "INTEGRITY" });
    expect((error as Error).message).toContain(
      "is not a trusted writer key. Nothing was restored.",
    );
    expect(existsSync(target)).toBe(false);
    // The explicit opt-out restores anyway.
    await expect(
      restore(target, { trustedKeys: [other.verifyKey], skipSignatureCheck: true }),
    ).resolves.toMatchObject({ files: 2 });
  });

  it("refuses a non-empty target unless asked to overwrite, and then leaves other files alone", async () => {
    const target = newTarget();
    mkdirSync(join(target, "conf"), { recursive: true });
    writeFileSync(join(target, "conf/a.yaml"), "old\n");
    writeFileSync(join(target, "mine.txt"), "keep\n");
    await expect(restore(target)).rejects.toMatchObject({
      code: "USAGE",
      summary: `The restore target ${target} is not empty.`,
    });
    expect(readFileSync(join(target, "conf/a.yaml"), "utf8")).toBe("old\n");
    await restore(target, { overwrite: true });
    expect(readFileSync(join(target, "conf/a.yaml"), "utf8")).toBe("a: 1\n");
    expect(readFileSync(join(target, "mine.txt"), "utf8")).toBe("keep\n");
  });

  it("refuses a target that is a file or a symlink, with --force and in a dry run too", async () => {
    const file = newTarget();
    writeFileSync(file, "x");
    await expect(restore(file)).rejects.toMatchObject({
      code: "UNSAFE_PATH",
      summary: `The restore target ${file} is not a directory.`,
    });
    const link = newTarget();
    mkdirSync(`${link}-real`);
    writeFileSync(`${link}-real/conf`, "mine\n");
    symlinkSync(`${link}-real`, link);
    for (const extra of [{}, { overwrite: true }, { overwrite: true, dryRun: true }]) {
      await expect(restore(link, extra)).rejects.toMatchObject({
        code: "UNSAFE_PATH",
        summary: `The restore target ${link} is not a directory (it is a symlink, to ${link}-real). Nothing was written.`,
      });
    }
    expect(readdirSync(`${link}-real`)).toEqual(["conf"]);
  });

  it("with overwrite, never writes through a symlink or onto a file in the way, and lists every conflict", async () => {
    const outside = join(work, "outside");
    mkdirSync(outside);
    const viaLink = newTarget();
    mkdirSync(viaLink);
    symlinkSync(outside, join(viaLink, "conf"));
    const error = await restore(viaLink, { overwrite: true }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      code: "UNSAFE_PATH",
      summary: `Refusing to write conf/a.yaml: ${join(viaLink, "conf")} is a symlink (and 2 more: 'conf/link.yaml' (${join(viaLink, "conf")} is a symlink), 'conf/sub/b.yaml' (${join(viaLink, "conf")} is a symlink)). Nothing was written.`,
    });
    expect(readdirSync(outside)).toEqual([]);
    expect(readdirSync(viaLink)).toEqual(["conf"]);

    const fileInTheWay = newTarget();
    mkdirSync(join(fileInTheWay, "conf"), { recursive: true });
    writeFileSync(join(fileInTheWay, "conf/sub"), "a file");
    await expect(
      restore(fileInTheWay, { overwrite: true, include: ["conf/sub/**"] }),
    ).rejects.toMatchObject({
      code: "UNSAFE_PATH",
      summary: `Refusing to write conf/sub/b.yaml: ${join(fileInTheWay, "conf/sub")} is not a directory. Nothing was written.`,
    });
  });

  it("with overwrite, a directory where the snapshot has a file stops it before any file is replaced", async () => {
    const target = newTarget();
    mkdirSync(join(target, "conf/sub/b.yaml"), { recursive: true });
    writeFileSync(join(target, "conf/a.yaml"), "old\n");
    symlinkSync("elsewhere", join(target, "conf/link.yaml"));
    const error = await restore(target, { overwrite: true }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      code: "UNSAFE_PATH",
      summary: `Refusing to write conf/sub/b.yaml: ${join(target, "conf/sub/b.yaml")} is a directory. Nothing was written.`,
      details: { conflicts: [{ path: "conf/sub/b.yaml" }] },
    });
    // Nothing was replaced, and no temp file is left.
    expect(readFileSync(join(target, "conf/a.yaml"), "utf8")).toBe("old\n");
    expect(readlinkSync(join(target, "conf/link.yaml"))).toBe("elsewhere");
    expect(readdirSync(join(target, "conf")).sort()).toEqual(["a.yaml", "link.yaml", "sub"]);
  });

  it("a dry run says what it would create, update (and what differs) or leave, and writes nothing", async () => {
    const target = newTarget();
    mkdirSync(join(target, "conf/sub"), { recursive: true });
    writeFileSync(join(target, "conf/a.yaml"), "a: 1\n");
    symlinkSync("a.yaml", join(target, "conf/link.yaml"));
    const result = await restore(target, { dryRun: true });
    expect(result.dryRun).toBe(true);
    expect(result.plan).toEqual([
      { path: "conf/a.yaml", action: "unchanged" },
      { path: "conf/link.yaml", action: "unchanged" },
      { path: "conf/sub/b.yaml", action: "create" },
    ]);
    // Same content, another mode; a link to somewhere else; a file where the link was.
    chmodSync(join(target, "conf/a.yaml"), 0o600);
    unlinkSync(join(target, "conf/link.yaml"));
    symlinkSync("sub/b.yaml", join(target, "conf/link.yaml"));
    writeFileSync(join(target, "conf/sub/b.yaml"), "b: 3\n");
    expect((await restore(target, { dryRun: true })).plan).toEqual([
      { path: "conf/a.yaml", action: "update", changes: ["mode"] },
      { path: "conf/link.yaml", action: "update", changes: ["target"] },
      { path: "conf/sub/b.yaml", action: "update", changes: ["content"] },
    ]);
    unlinkSync(join(target, "conf/link.yaml"));
    writeFileSync(join(target, "conf/link.yaml"), "a: 1\n");
    writeFileSync(join(target, "conf/a.yaml"), "a: 2\n");
    chmodSync(join(target, "conf/a.yaml"), 0o755);
    expect((await restore(target, { dryRun: true })).plan.slice(0, 2)).toEqual([
      { path: "conf/a.yaml", action: "update", changes: ["content", "mode"] },
      { path: "conf/link.yaml", action: "update", changes: ["type"] },
    ]);
    expect(readFileSync(join(target, "conf/a.yaml"), "utf8")).toBe("a: 2\n");
    // A dry run into a missing directory creates nothing.
    const missing = newTarget();
    await restore(missing, { dryRun: true });
    expect(existsSync(missing)).toBe(false);
  });
});
