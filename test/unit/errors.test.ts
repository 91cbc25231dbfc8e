import { readFileSync } from "node:fs";
import { describe, expect, it } from "@jest/globals";
import { asSnapgateError, isSnapgateError, SnapgateError } from "../../core/errors.js";

describe("SnapgateError", () => {
  it("appends the fix to the message and keeps both apart", () => {
    const cause = new Error("root cause");
    const error = new SnapgateError("CONFIG", "The key is malformed.", {
      fix: "Run keygen again.",
      details: { line: 3 },
      cause,
    });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("SnapgateError");
    expect(error.message).toBe("The key is malformed. Run keygen again.");
    expect(error.summary).toBe("The key is malformed.");
    expect(error.fix).toBe("Run keygen again.");
    expect(error.cause).toBe(cause);
    expect(error.toJSON()).toEqual({
      code: "CONFIG",
      message: "The key is malformed. Run keygen again.",
      fix: "Run keygen again.",
      details: { line: 3 },
    });
  });

  it("without a fix or details, the JSON has no fix and empty details", () => {
    const error = new SnapgateError("NOT_FOUND", "No such snapshot.");
    expect(error.message).toBe("No such snapshot.");
    expect(error.toJSON()).toEqual({
      code: "NOT_FOUND",
      message: "No such snapshot.",
      details: {},
    });
    expect(JSON.parse(JSON.stringify(error))).toEqual(error.toJSON());
  });
});

describe("isSnapgateError", () => {
  it("recognises the family, optionally by code", () => {
    const error = new SnapgateError("IO", "x");
    expect(isSnapgateError(error)).toBe(true);
    expect(isSnapgateError(error, "IO")).toBe(true);
    expect(isSnapgateError(error, "CONFIG")).toBe(false);
    expect(isSnapgateError(new Error("x"))).toBe(false);
    expect(isSnapgateError({ code: "IO", message: "x" })).toBe(false);
  });
});

describe("asSnapgateError", () => {
  it("passes a SnapgateError through unchanged", () => {
    const error = new SnapgateError("CONFLICT", "Lost a race.");
    expect(asSnapgateError(error)).toBe(error);
  });

  it("turns a file system error into IO with the errno and the path", () => {
    let thrown: unknown;
    try {
      readFileSync("/nonexistent/snapgate/file");
    } catch (caught) {
      thrown = caught;
    }
    const error = asSnapgateError(thrown);
    expect(error.code).toBe("IO");
    expect(error.summary).toContain("ENOENT");
    expect(error.summary).toContain("/nonexistent/snapgate/file");
    expect(error.summary.endsWith(".")).toBe(true);
    expect(error.fix).toMatch(/path exists/);
    expect(error.details).toEqual({ errno: "ENOENT", path: "/nonexistent/snapgate/file" });
    expect(error.cause).toBe(thrown);
  });

  it("an error with a code but no syscall is not a file system error", () => {
    const coded = Object.assign(new Error("socket hang up"), { code: "ECONNRESET" });
    expect(asSnapgateError(coded)).toMatchObject({
      code: "REMOTE",
      summary: "Unexpected failure: socket hang up",
    });
  });

  it.each([
    [new TypeError("x is not a function"), "Unexpected failure: x is not a function"],
    ["a thrown string", "Unexpected failure: a thrown string"],
    [null, "Unexpected failure: null"],
    [undefined, "Unexpected failure: undefined"],
  ])("wraps anything else as an unexpected failure (%p)", (thrown, summary) => {
    const error = asSnapgateError(thrown);
    expect(error).toBeInstanceOf(SnapgateError);
    expect(error.code).toBe("REMOTE");
    expect(error.summary).toBe(summary);
    expect(error.fix).toMatch(/report it/);
    expect(error.cause).toBe(thrown);
  });
});
