import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import { isSnapgateError } from "../../../core/errors.js";
import type { Bench } from "../../../bench/bench.js";
import { parseBenchArgs } from "../../../bench/parse-bench-args.js";
import { benches } from "../../../bench/registry.js";
import { runBenches } from "../../../bench/run-benches.js";
import { medianRows } from "../../../bench/harness/median-rows.js";

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
      repeat: 1,
      peers: false,
      help: false,
    });
  });

  it("takes --only repeated or comma-separated, and --markdown", () => {
    const args = parseBenchArgs(
      ["--only", "restore", "--only=corpus,snapshot", "--markdown"],
      ["corpus", "snapshot", "restore"],
    );
    expect(args).toEqual({
      only: ["corpus", "snapshot", "restore"],
      markdown: true,
      repeat: 1,
      peers: false,
      help: false,
    });
  });

  it("runs only the peer comparison for --peers alone, and the benchmarks named with --only too", () => {
    expect(parseBenchArgs(["--peers"], ["corpus", "snapshot"])).toMatchObject({
      only: [],
      peers: true,
    });
    expect(parseBenchArgs(["--peers", "--only", "corpus"], ["corpus", "snapshot"])).toMatchObject({
      only: ["corpus"],
      peers: true,
    });
  });

  it("takes --repeat N from 1 to 50, and says what to write otherwise", () => {
    expect(parseBenchArgs(["--repeat", "5"], ["corpus"]).repeat).toBe(5);
    for (const bad of ["0", "2.5", "many", "51"]) {
      const error = usageError(["--repeat", bad]);
      expect(isSnapgateError(error, "USAGE")).toBe(true);
      expect((error as Error).message).toBe(
        `--repeat '${bad}' is not a whole number from 1 to 50. Use e.g. --repeat 5 (an odd number gives a true median).`,
      );
    }
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

  it("repeats a bench that can judge its rows and shows the medians; one that cannot runs once", async () => {
    let calls = 0;
    const times = [30, 10, 20];
    const judged: Bench = {
      name: "judged",
      description: "Times something.",
      columns: [
        { key: "step", header: "step" },
        { key: "ms", header: "time", unit: "ms", digits: 0 },
        { key: "verdict", header: "", unit: "text" },
      ],
      async run() {
        const ms = times[calls++] ?? 0;
        return [{ step: "work", ms, verdict: ms <= 15 ? "ok" : "OVER" }];
      },
      judge: (row) => ({ ...row, verdict: (row.ms as number) <= 25 ? "median ok" : "median OVER" }),
    };
    const once = probe(false);
    let onceRuns = 0;
    const run = once.run.bind(once);
    once.run = (context) => {
      onceRuns++;
      return run(context);
    };
    let output = "";
    await runBenches([judged, once], {
      markdown: false,
      repeat: 3,
      repoRoot: process.cwd(),
      write: (text) => (output += text),
    });
    expect(calls).toBe(3);
    expect(onceRuns).toBe(1);
    expect(output).toContain("judged: Times something. Median of 3 runs.");
    expect(output).toMatch(/work\s+20\s+median ok/);
    expect(output).toContain("probe: Writes a file into its work directory.\n");
  });

  it("medianRows refuses runs whose rows are not the same steps", () => {
    expect(() => medianRows([[{ step: "a", ms: 1 }], [{ step: "b", ms: 2 }]], "step")).toThrow(
      "Repeated runs disagree on row 1 ('a').",
    );
    expect(
      medianRows(
        [
          [{ step: "a", ms: 5, note: "first" }],
          [{ step: "a", ms: 1, note: "second" }],
          [{ step: "a", ms: 3, note: "third" }],
        ],
        "step",
      ),
    ).toEqual([{ step: "a", ms: 3, note: "first" }]);
  });

  it("registers benches under unique kebab-case names", () => {
    const names = benches.map((bench) => bench.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});
