import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "@jest/globals";
import { isSnapgateError } from "../../../core/errors.js";
import { measure } from "../../../bench/harness/measure.js";
import { measureNodeProcess } from "../../../bench/harness/measure-node-process.js";
import { GNU_TIME, measureProcess } from "../../../bench/harness/measure-process.js";

const work = mkdtempSync(join(tmpdir(), "snapgate-measure-test-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A script that touches `megabytes` of memory, so its peak RSS must exceed it. */
const allocate = join(work, "allocate.mjs");
writeFileSync(
  allocate,
  `const mb = Number(process.argv[2]);
const block = Buffer.alloc(mb * 1e6, 1);
process.stdout.write("held " + block.length);
if (process.argv[3]) { process.stderr.write("failing on purpose"); process.exit(Number(process.argv[3])); }
`,
);

describe("measureNodeProcess", () => {
  it("reports the peak RSS of the child, not of this process", async () => {
    const big = await measureNodeProcess(allocate, ["200"]);
    const small = await measureNodeProcess(allocate, ["1"]);
    expect(big.exitCode).toBe(0);
    expect(big.stdout).toBe("held 200000000");
    expect(big.rssSource).toBe("node-resource-usage");
    expect(big.peakRssBytes).toBeGreaterThan(200e6);
    // The 200 MB the big child touched shows as the difference, and this (large) jest process
    // does not leak into the small child's figure, as Linux's ru_maxrss would across exec.
    expect((big.peakRssBytes ?? 0) - (small.peakRssBytes ?? Infinity)).toBeGreaterThan(150e6);
    expect(small.peakRssBytes).toBeLessThan(Math.min(150e6, process.memoryUsage().rss));
    expect(small.peakRssBytes).toBeGreaterThan(10e6);
    expect(big.wallMs).toBeGreaterThan(0);
  });

  it("throws a SnapgateError with the child's stderr when it fails, unless allowed", async () => {
    const error = await measureNodeProcess(allocate, ["1", "3"]).then(
      () => new Error("expected a rejection"),
      (caught: unknown) => caught,
    );
    expect(isSnapgateError(error, "IO")).toBe(true);
    expect((error as Error).message).toMatch(/exited with code 3: failing on purpose/);

    const allowed = await measureNodeProcess(allocate, ["1", "4"], { allowFailure: true });
    expect(allowed.exitCode).toBe(4);
    expect(allowed.peakRssBytes).toBeGreaterThan(0);
  });

  it("reports no peak for a child killed by a signal", async () => {
    const hang = join(work, "hang.mjs");
    writeFileSync(hang, "setInterval(() => {}, 1000);\n");
    const killed = await measureNodeProcess(hang, [], { timeoutMs: 300, allowFailure: true });
    expect(killed.signal).toBe("SIGKILL");
    expect(killed.peakRssBytes).toBeNull();
  });
});

const withGnuTime = existsSync(GNU_TIME) ? describe : describe.skip;
withGnuTime("measureProcess (GNU time; apt-get install -y time)", () => {
  it("reports the peak RSS of any command", async () => {
    const big = await measureProcess(process.execPath, [allocate, "200"]);
    const small = await measureProcess(process.execPath, [allocate, "1"]);
    expect(big.rssSource).toBe("gnu-time");
    expect(big.stdout).toBe("held 200000000");
    expect(big.peakRssBytes).toBeGreaterThan(200e6);
    // A bare Node.js process's RSS differs between machines (70-170 MB seen); the 200 MB the
    // big child touched must show as the difference.
    expect((big.peakRssBytes ?? 0) - (small.peakRssBytes ?? Infinity)).toBeGreaterThan(150e6);
  });

  it("still reads the peak when the command fails and failure is allowed", async () => {
    const failed = await measureProcess(process.execPath, [allocate, "1", "5"], {
      allowFailure: true,
    });
    expect(failed.exitCode).toBe(5);
    expect(failed.stderr).toContain("failing on purpose");
    expect(failed.peakRssBytes).toBeGreaterThan(10e6);
  });
});

describe("measure", () => {
  it("returns the label, the value and a wall time", async () => {
    const result = await measure("sum", async () => 2 + 2);
    expect(result.label).toBe("sum");
    expect(result.value).toBe(4);
    expect(result.wallMs).toBeGreaterThanOrEqual(0);
  });
});
