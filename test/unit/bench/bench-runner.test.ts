import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import { isSnapgateError } from "../../../core/errors.js";
import type { Bench } from "../../../bench/bench.js";
import { parseBenchArgs } from "../../../bench/parse-bench-args.js";
import { benches } from "../../../bench/registry.js";
import { runBenches } from "../../../bench/run-benches.js";

function usageError(argv: string[]): unknown {
  try {
    parseBenchArgs(argv, ["corpus", "snapshot", "restore"]);
  } catch (error) {
    return error;
  }
  return new Error("expected a usage error");
}

describe("parseBenchArgs", () => {
  it("runs everything by default, in registry order", () => {
    expect(parseBenchArgs([], ["corpus", "snapshot"])).toEqual({
      only: ["corpus", "snapshot"],
      markdown: false,
      help: false,
    });
  });

  it("takes --only repeated or comma-separated, and --markdown", () => {
    const args = parseBenchArgs(
      ["--only", "restore", "--only=corpus,snapshot", "--markdown"],
      ["corpus", "snapshot", "restore"],
    );
    expect(args).toEqual({ only: ["corpus", "snapshot", "restore"], markdown: true, help: false });
  });

  it("names the benchmarks that exist when asked for one that does not", () => {
    const error = usageError(["--only", "snapshots"]);
    expect(isSnapgateError(error, "USAGE")).toBe(true);
    expect((error as Error).message).toBe(
      "Unknown benchmark: snapshots. Choose from: corpus, snapshot, restore.",
    );
  });

  it("rejects unknown flags and stray arguments with the usage", () => {
    for (const argv of [["--fast"], ["corpus"]]) {
      const error = usageError(argv);
      expect(isSnapgateError(error, "USAGE")).toBe(true);
      expect((error as Error).message).toContain("Usage: npm run bench");
    }
  });
});

describe("runBenches", () => {
  const probe = (fail: boolean): Bench & { seenDir?: string } => {
    const bench: Bench & { seenDir?: string } = {
      name: "probe",
      description: "Writes a file into its work directory.",
      columns: [
        { key: "case", header: "case" },
        { key: "bytes", header: "size", unit: "KB" },
      ],
      async run({ workDir, repoRoot }) {
        bench.seenDir = workDir;
        writeFileSync(join(workDir, "data"), "x".repeat(2500));
        if (fail) throw new Error("probe failed");
        return [
          { case: existsSync(join(repoRoot, "package.json")) ? "root ok" : "no root", bytes: 2500 },
        ];
      },
    };
    return bench;
  };

  it("prints a table per bench and removes its work directory", async () => {
    const bench = probe(false);
    let output = "";
    await runBenches([bench], {
      markdown: false,
      repoRoot: process.cwd(),
      write: (text) => (output += text),
    });
    expect(output).toMatch(/^Snapgate benchmarks on .+, Node v\d+/);
    expect(output).toContain("probe: Writes a file into its work directory.");
    expect(output).toContain("root ok        2.5");
    expect(existsSync(bench.seenDir as string)).toBe(false);
  });

  it("removes the work directory when a bench fails, and passes the failure on", async () => {
    const bench = probe(true);
    await expect(
      runBenches([bench], { markdown: true, repoRoot: process.cwd(), write: () => undefined }),
    ).rejects.toThrow("probe failed");
    expect(existsSync(bench.seenDir as string)).toBe(false);
  });

  it("registers benches under unique kebab-case names", () => {
    const names = benches.map((bench) => bench.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});
