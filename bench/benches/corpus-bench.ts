import { join } from "node:path";
import type { Bench, Row } from "../bench.js";
import { DEFAULT_CORPUS, generateCorpus } from "../corpus/generate-corpus.js";
import { mutateCorpus } from "../corpus/mutate-corpus.js";
import { summarizeCorpus, type CorpusSummary } from "../corpus/summarize-corpus.js";
import { measure } from "../harness/measure.js";

/** Generates the default corpus and mutates 1% of it; the figures every other bench starts from. */
export const corpusBench: Bench = {
  name: "corpus",
  description: `The benchmark corpus (seed ${DEFAULT_CORPUS.seed}, ${DEFAULT_CORPUS.files} files, ${DEFAULT_CORPUS.targetBytes / 1e6} MB target) and a 1% mutation of it.`,
  columns: [
    { key: "step", header: "step" },
    { key: "files", header: "files", unit: "count" },
    { key: "bytes", header: "size", unit: "MB" },
    { key: "gzipBytes", header: "gzip", unit: "MB" },
    { key: "ratio", header: "ratio", unit: "x" },
    { key: "largest", header: "largest file", unit: "MB" },
    { key: "touched", header: "files touched", unit: "count" },
    { key: "wallMs", header: "time", unit: "ms", digits: 0 },
  ],
  async run({ workDir }) {
    const dir = join(workDir, "corpus");
    const generated = await measure("generate", () => generateCorpus(dir, DEFAULT_CORPUS));
    const mutated = await measure("mutate 1%", () =>
      mutateCorpus(dir, { seed: DEFAULT_CORPUS.seed, fraction: 0.01 }),
    );
    const { changed, added, removed } = mutated.value;
    const afterMutation = await summarizeCorpus(dir);
    return [
      summaryRow("generate", generated.value, generated.wallMs),
      {
        ...summaryRow("mutate 1%", afterMutation, mutated.wallMs),
        touched: changed.length + added.length + removed.length,
      },
    ];
  },
};

function summaryRow(step: string, summary: CorpusSummary, wallMs: number): Row {
  return {
    step,
    files: summary.files,
    bytes: summary.bytes,
    gzipBytes: summary.gzipBytes,
    ratio: summary.bytes / summary.gzipBytes,
    largest: summary.largestFile.bytes,
    wallMs,
  };
}
