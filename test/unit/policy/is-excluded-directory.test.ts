import { describe, expect, it } from "@jest/globals";
import { isExcluded } from "../../../core/policy/is-excluded.js";
import { isExcludedDirectory } from "../../../core/policy/is-excluded-directory.js";

describe("isExcludedDirectory: a walk may skip a directory only when all below it is excluded", () => {
  it.each([
    [[], "node_modules", true],
    [[], "app/node_modules", true],
    [[], "deploy/.terraform", true],
    [[], "deploy", false],
    [["build/**"], "build", true],
    [["**/*.bak"], "backups", false],
    // A negation could take a file back in: never skip then.
    [["!**/node_modules/keep.json"], "node_modules", false],
    [["!legacy/**", "cache/**"], "cache", true],
    [["cache/**", "!cache/keep/**"], "cache", false],
  ] as const)("exclude %j, %s -> %s", (exclude, dir, expected) => {
    expect(isExcludedDirectory({ exclude: [...exclude] }, dir)).toBe(expected);
  });

  it("agrees with isExcluded for files below a skipped directory", () => {
    const policy = { exclude: ["build/**", "!**/*.keep"] };
    expect(isExcludedDirectory(policy, "build")).toBe(false);
    expect(isExcluded(policy, "build/a.keep")).toBe(false);
    expect(isExcludedDirectory({ exclude: ["build/**"] }, "build")).toBe(true);
    expect(isExcluded({ exclude: ["build/**"] }, "build/x/y.txt")).toBe(true);
  });
});
