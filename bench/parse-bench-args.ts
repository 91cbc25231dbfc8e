import { parseArgs } from "node:util";
import { SnapgateError } from "../core/errors.js";

export interface BenchArgs {
  /** Names of the benchmarks to run, in registry order; all when --only is not given. */
  only: string[];
  markdown: boolean;
  /** Runs of each timed benchmark; the tables show the median. */
  repeat: number;
  /** Also run restic (and borg) side by side with Snapgate: bench/peers/. */
  peers: boolean;
  help: boolean;
}

export const BENCH_USAGE = `Usage: npm run bench -- [--only NAME]... [--repeat N] [--markdown] [--peers]

  --only NAME   run only this benchmark (repeat or comma-separate for several)
  --repeat N    run the timed benchmarks N times and show the median of each figure (default 1)
  --markdown    print Markdown tables (for the README) instead of plain text
  --peers       compare with restic (required) and borg (when installed) in the same run; alone it
                runs only that comparison, with --only also the benchmarks named
  --help        show this help`;

/** Reads the bench command line; unknown flags and benchmark names are errors that list what exists. */
export function parseBenchArgs(argv: readonly string[], known: readonly string[]): BenchArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        only: { type: "string", multiple: true },
        markdown: { type: "boolean", default: false },
        repeat: { type: "string", default: "1" },
        peers: { type: "boolean", default: false },
        help: { type: "boolean", default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new SnapgateError("USAGE", `${(error as Error).message}.`, { fix: BENCH_USAGE });
  }
  const requested = (values.only ?? []).flatMap((value) =>
    value
      .split(",")
      .map((name) => name.trim())
      .filter(Boolean),
  );
  const unknown = requested.filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    throw new SnapgateError("USAGE", `Unknown benchmark: ${unknown.join(", ")}.`, {
      fix: `Choose from: ${known.join(", ")}.`,
    });
  }
  const repeat = Number(values.repeat);
  if (!Number.isInteger(repeat) || repeat < 1 || repeat > 50) {
    throw new SnapgateError(
      "USAGE",
      `--repeat '${values.repeat}' is not a whole number from 1 to 50.`,
      {
        fix: "Use e.g. --repeat 5 (an odd number gives a true median).",
      },
    );
  }
  const peers = values.peers ?? false;
  return {
    // --peers alone is the comparison only: the other benchmarks take minutes and measure other things.
    only:
      requested.length > 0
        ? known.filter((name) => requested.includes(name))
        : peers
          ? []
          : [...known],
    markdown: values.markdown ?? false,
    repeat,
    peers,
    help: values.help ?? false,
  };
}
