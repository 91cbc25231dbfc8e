import { afterEach, describe, expect, it, jest } from "@jest/globals";
import { s3ServerAvailable } from "../../helpers/s3-server.js";
import { tempDir } from "../../helpers/temp-dir.js";

describe("s3ServerAvailable: the S3 suites skip only off CI", () => {
  const empty = tempDir();
  const saved = { PATH: process.env.PATH, CI: process.env.CI };
  afterEach(() => {
    process.env.PATH = saved.PATH;
    if (saved.CI === undefined) delete process.env.CI;
    else process.env.CI = saved.CI;
    jest.restoreAllMocks();
  });

  it("without radosgw on PATH: skips with the packages to install, off CI", () => {
    process.env.PATH = empty;
    delete process.env.CI;
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    expect(s3ServerAvailable()).toBe(false);
    expect(String(warn.mock.calls[0]?.[0])).toContain("SKIPPED");
    expect(String(warn.mock.calls[0]?.[0])).toContain("radosgw");
  });

  it("without radosgw on PATH: fails in CI", () => {
    process.env.PATH = empty;
    process.env.CI = "true";
    expect(() => s3ServerAvailable()).toThrow(/radosgw is not installed, and CI must run/);
  });
});
