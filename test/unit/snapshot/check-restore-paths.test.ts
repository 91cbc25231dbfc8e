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
    ["a\\b", "the path contains a backslash"],
    ["/etc/passwd", "the path is absolute"],
    ["C:/Windows/x", "the path starts with a drive letter"],
    ["a//b", "the path has an empty segment (// or a trailing /)"],
    ["a/b/", "the path has an empty segment (// or a trailing /)"],
    ["a/./b", "the path has a '.' segment"],
    ["../outside", "the path has a '..' segment"],
    [`a/${"é".repeat(128)}`, "a path segment is longer than 255 bytes"],
  ])("refuses the path %p: %s", (path, reason) => {
    expect(findUnsafeRestorePaths([file(path)])).toEqual([{ path, reason }]);
  });

  it("refuses paths that collide on case-insensitive or normalising file systems", () => {
    expect(
      findUnsafeRestorePaths([
        file("App.yaml"),
        file("app.yaml"),
        file("caf\u00e9"),
        file("cafe\u0301"),
      ]),
    ).toEqual([
      { path: "app.yaml", reason: "it collides with 'App.yaml' on case-insensitive file systems" },
      {
        path: "cafe\u0301",
        reason: "it collides with 'caf\u00e9' on case-insensitive file systems",
      },
    ]);
  });

  it("refuses a file under another file or under a symlink", () => {
    expect(findUnsafeRestorePaths([file("a"), file("a/b"), link("l", "dir"), file("l/x")])).toEqual(
      [
        { path: "a/b", reason: "its parent 'a' is a file in the same snapshot" },
        { path: "l/x", reason: "it would be written through the symlink 'l'" },
      ],
    );
  });

  it.each([
    [link("l", ""), "the symlink target is empty or contains NUL"],
    [link("l", "a\0b"), "the symlink target is empty or contains NUL"],
    [link("l", "/etc/shadow"), "the symlink points to the absolute path /etc/shadow"],
    [link("d/l", "../../x"), "the symlink points outside the restore directory (../../x)"],
    [link("l", ".."), "the symlink points outside the restore directory (..)"],
  ])("refuses the symlink %p", (entry, reason) => {
    expect(findUnsafeRestorePaths([entry])).toEqual([{ path: entry.path, reason }]);
  });

  it("refuses a symlink whose target passes through another symlink", () => {
    expect(findUnsafeRestorePaths([link("up", ".."), link("l", "up/x")])).toEqual([
      { path: "up", reason: "the symlink points outside the restore directory (..)" },
      { path: "l", reason: "the symlink's target passes through another symlink (up/x)" },
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
