import { describe, expect, it } from "@jest/globals";
import { assertRecordPath, RECORD_ROOTS } from "../../../core/store/record-path.js";
import { isSnapgateError } from "../../../core/errors.js";

describe("assertRecordPath", () => {
  it.each([
    "verifications/prod/2025-01-02T03:04:05Z-ab12.json",
    "tombstones/x",
    "requests/r-1/approvals/octocat@12.json",
    "approvals/a_b.c-d",
    "drills/2025/01/drill.json",
  ])("accepts %s", (path) => {
    expect(() => assertRecordPath(path)).not.toThrow();
  });

  it.each([
    ["a root alone", "verifications"],
    ["an unknown root", "secrets/x.json"],
    ["an absolute path", "/verifications/x.json"],
    ["a '..' segment", "verifications/../manifests/prod/0000000001.json"],
    ["a '.' segment", "verifications/./x"],
    ["a hidden segment", "verifications/.hidden"],
    ["an empty segment", "verifications//x"],
    ["a trailing slash", "verifications/x/"],
    ["a backslash", "verifications/a\\b"],
    ["a space", "verifications/a b"],
    ["a NUL byte", "verifications/a\0b"],
    ["a segment over 128 characters", `verifications/${"a".repeat(129)}`],
    ["the empty string", ""],
  ])("refuses %s", (_, path) => {
    let error: unknown;
    try {
      assertRecordPath(path);
    } catch (caught) {
      error = caught;
    }
    expect(isSnapgateError(error, "UNSAFE_PATH")).toBe(true);
    expect((error as Error).message).toContain("is not a valid record path");
    // The fix lists the roots a record may live under.
    for (const root of RECORD_ROOTS) expect((error as Error).message).toContain(root);
  });
});
