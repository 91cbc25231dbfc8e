import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import {
  flushFiles,
  TEMP_PREFIX,
  tempPathFor,
  writeFileAtomic,
  writeTempFile,
} from "../../../core/store/atomic-file.js";
import { tempDir } from "../../helpers/temp-dir.js";

const work = tempDir();
let count = 0;
/** A fresh, empty directory per test. */
const freshDir = (): string => {
  const dir = join(work, `case${++count}`);
  mkdirSync(dir);
  return dir;
};
const tempFilesIn = (dir: string): string[] =>
  readdirSync(dir).filter((name) => name.startsWith(TEMP_PREFIX));

describe("tempPathFor", () => {
  it("names a temp file beside the target, different each time", () => {
    const target = join(work, "some/dir/a-very-long-file-name-that-goes-on-and-on-and-on.json");
    const first = tempPathFor(target);
    expect(dirname(first)).toBe(dirname(target));
    expect(basename(first).startsWith(TEMP_PREFIX)).toBe(true);
    expect(tempPathFor(target)).not.toBe(first);
  });
});

describe("writeFileAtomic", () => {
  it("creates missing parents, writes the bytes and replaces an existing file", async () => {
    const dir = freshDir();
    const target = join(dir, "a/b/file.txt");
    expect(await writeFileAtomic(target, "one")).toBe(true);
    expect(await writeFileAtomic(target, new TextEncoder().encode("two"))).toBe(true);
    expect(readFileSync(target, "utf8")).toBe("two");
    expect(tempFilesIn(dirname(target))).toEqual([]);
  });

  it("sets the exact mode despite the umask when asked", async () => {
    const dir = freshDir();
    const target = join(dir, "exact.sh");
    await writeFileAtomic(target, "#!/bin/sh\n", { mode: 0o757, exactMode: true });
    expect(statSync(target).mode & 0o7777).toBe(0o757);
  });

  it("an exclusive write succeeds once, then returns false and keeps the first content", async () => {
    const dir = freshDir();
    const target = join(dir, "record.json");
    expect(await writeFileAtomic(target, "first", { exclusive: true })).toBe(true);
    expect(await writeFileAtomic(target, "second", { exclusive: true })).toBe(false);
    expect(readFileSync(target, "utf8")).toBe("first");
  });

  it("an exclusive write that loses leaves no temp file behind", async () => {
    const dir = freshDir();
    const target = join(dir, "manifest.json");
    writeFileSync(target, "winner");
    expect(await writeFileAtomic(target, "loser", { exclusive: true })).toBe(false);
    expect(readdirSync(dir)).toEqual(["manifest.json"]);
  });

  it("with parentExists, a missing parent is an error rather than created", async () => {
    const dir = freshDir();
    await expect(
      writeFileAtomic(join(dir, "missing/file.txt"), "x", { parentExists: true }),
    ).rejects.toMatchObject({ code: "ENOENT" });
    expect(existsSync(join(dir, "missing"))).toBe(false);
  });

  it("a failed rename removes the temp file and rethrows", async () => {
    const dir = freshDir();
    // A non-empty directory in the way: rename(2) of a file onto it fails.
    mkdirSync(join(dir, "target/inside"), { recursive: true });
    await expect(writeFileAtomic(join(dir, "target"), "x")).rejects.toHaveProperty("code");
    expect(tempFilesIn(dir)).toEqual([]);
  });
});

describe("writeTempFile", () => {
  it("writes the bytes to a new temp file beside the target with the mode, leaving the target alone", async () => {
    const dir = freshDir();
    const target = join(dir, "blob.age");
    const temp = await writeTempFile(target, new Uint8Array([1, 2, 3]), 0o444);
    expect(dirname(temp)).toBe(dir);
    expect(basename(temp).startsWith(TEMP_PREFIX)).toBe(true);
    expect([...readFileSync(temp)]).toEqual([1, 2, 3]);
    expect(statSync(temp).mode & 0o777).toBe(0o444);
    expect(existsSync(target)).toBe(false);
  });
});

describe("flushFiles", () => {
  const makeFiles = (dir: string, n: number): string[] =>
    Array.from({ length: n }, (_, i) => {
      const path = join(dir, `f${i}`);
      writeFileSync(path, String(i));
      return path;
    });

  it("does nothing for an empty list", async () => {
    await expect(flushFiles(join(work, "does-not-exist"), [])).resolves.toBeUndefined();
  });

  it("fsyncs each file of a short list (so a missing one is an error)", async () => {
    const dir = freshDir();
    const files = makeFiles(dir, 3);
    await expect(flushFiles(dir, files)).resolves.toBeUndefined();
    await expect(flushFiles(dir, [...files, join(dir, "gone")])).rejects.toMatchObject({
      code: "ENOENT",
    });
  });

  it("flushes a long list with one file-system sync on Linux, per file elsewhere or if that fails", async () => {
    const dir = freshDir();
    const files = [...makeFiles(dir, 70), join(dir, "gone")];
    if (process.platform === "linux") {
      // One syncfs(2) for the whole file system: no file is opened, so the missing one goes unnoticed.
      await expect(flushFiles(dir, files)).resolves.toBeUndefined();
    }
    // `sync -f` on a directory that does not exist fails: the fallback opens every file.
    await expect(flushFiles(join(dir, "no-such-dir"), files)).rejects.toMatchObject({
      code: "ENOENT",
    });
  });
});

describe("flushFiles on directories", () => {
  it("syncs directories (the names renamed into them) one by one, or all at once", async () => {
    const dir = freshDir();
    const few = [dir];
    await expect(flushFiles(dir, few)).resolves.toBeUndefined();
    const many = Array.from({ length: 70 }, (_, i) => join(dir, `d${i}`));
    for (const sub of many) mkdirSync(sub);
    await expect(flushFiles(dir, many)).resolves.toBeUndefined();
    await expect(flushFiles(dir, [join(dir, "missing")])).rejects.toMatchObject({
      code: "ENOENT",
    });
  });
});
