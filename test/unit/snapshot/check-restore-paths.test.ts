import { describe, expect, it } from "@jest/globals";
import {
  assertSafeRestorePaths,
  findUnsafeRestorePaths,
} from "../../../core/snapshot/check-restore-paths.js";
import type { FileEntry } from "../../../core/types.js";

const file = (path: string): FileEntry => ({
  type: "file",
  path,
  mode: 0o644,
  size: 1,
  blob: "0".repeat(64),
  encoding: "none",
  ciphertextSha256: "0".repeat(64),
});
const link = (path: string, target: string): FileEntry => ({ type: "symlink", path, target });

describe("findUnsafeRestorePaths", () => {
  it("accepts ordinary trees, relative links inside them and long-but-legal names", () => {
    expect(
      findUnsafeRestorePaths([
        file("deploy/prod/app.yaml"),
        file("deploy/prod/.env"),
        file(`deploy/${"n".repeat(255)}`),
        link("deploy/prod/current.yaml", "app.yaml"),
        link("deploy/staging", "prod"),
        link("deploy/prod/up.yaml", "../prod/app.yaml"),
      ]),
    ).toEqual([]);
  });

  it.each([
    ["", "the path is empty"],
    ["a\0b", "the path contains a NUL byte"],
    ["/etc/passwd", "the path is absolute"],
    ["a//b", "the path has an empty segment (// or a trailing /)"],
    ["a/b/", "the path has an empty segment (// or a trailing /)"],
    ["a/./b", "the path has a '.' segment"],
    ["../outside", "the path has a '..' segment"],
    [`a/${"é".repeat(128)}`, "a path segment is longer than 255 bytes"],
  ])("refuses the path %p: %s", (path, reason) => {
    expect(findUnsafeRestorePaths([file(path)])).toEqual([{ path, reason }]);
  });

  it("accepts names only some file systems cannot hold: that depends on the target", () => {
    expect(
      findUnsafeRestorePaths([
        file("App.yaml"),
        file("app.yaml"),
        file("caf\u00e9"),
        file("cafe\u0301"),
        file("a\\b"),
        file("C:/Windows/x"),
      ]),
    ).toEqual([]);
  });

  it("refuses a file under another file or under a symlink, and a path listed twice", () => {
    expect(
      findUnsafeRestorePaths([file("a"), file("a/b"), link("l", "dir"), file("l/x"), file("a")]),
    ).toEqual([
      { path: "a", reason: "the path is listed twice" },
      { path: "a/b", reason: "its parent 'a' is a file in the same snapshot" },
      { path: "l/x", reason: "it would be written through the symlink 'l'" },
    ]);
  });

  it("compares parents exactly: 'Conf' beside 'conf/x' is for the target's file system to judge", () => {
    expect(findUnsafeRestorePaths([file("Conf"), file("conf/x")])).toEqual([]);
  });

  it.each([
    [link("l", ""), "the symlink target is empty or contains NUL"],
    [link("l", "a\0b"), "the symlink target is empty or contains NUL"],
  ])("refuses the symlink %p", (entry, reason) => {
    expect(findUnsafeRestorePaths([entry])).toEqual([{ path: entry.path, reason }]);
  });

  it("accepts symlinks whatever their target: they are only warned about", () => {
    expect(
      findUnsafeRestorePaths([
        link("etc/localtime", "/usr/share/zoneinfo/UTC"),
        link("d/l", "../../x"),
        link("up", ".."),
        link("l", "up/x"),
      ]),
    ).toEqual([]);
  });

  it("checks empty directories as paths too", () => {
    expect(
      findUnsafeRestorePaths([file("a"), link("l", "x")], ["ok/empty", "../up", "a", "l/d", "a/d"]),
    ).toEqual([
      { path: "../up/", reason: "the path has a '..' segment" },
      { path: "a/", reason: "the snapshot also lists it as a file" },
      { path: "l/d/", reason: "it would be written through the symlink 'l'" },
      { path: "a/d/", reason: "its parent 'a' is a file in the same snapshot" },
    ]);
  });
});

describe("assertSafeRestorePaths", () => {
  it("passes a safe manifest", () => {
    expect(() => assertSafeRestorePaths([file("a")], "snapshot prod@1")).not.toThrow();
  });

  it("names the first problem, counts the rest, escapes NUL and lists all in the details", () => {
    let error: unknown;
    try {
      assertSafeRestorePaths([file("x\0y"), file("/abs"), file("../up")], "snapshot prod@1");
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({
      code: "UNSAFE_PATH",
      summary:
        "Refusing to restore snapshot prod@1: 'x\\0y' is unsafe (the path contains a NUL byte) and 2 more. Nothing was written.",
    });
    expect((error as { details: { problems: unknown[] } }).details.problems).toHaveLength(3);
  });
});
