import { parseArgs } from "node:util";
import { SnapgateError } from "../core/errors.js";

export interface BenchArgs {
  /** Names of the benchmarks to run, in registry order; all when --only is not given. */
  only: string[];
  markdown: boolean;
  help: boolean;
}

export const BENCH_USAGE = `Usage: npm run bench -- [--only NAME]... [--markdown]

  --only NAME   run only this benchmark (repeat or comma-separate for several)
  --markdown    print Markdown tables (for the README) instead of plain text
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
  return {
    only: requested.length > 0 ? known.filter((name) => requested.includes(name)) : [...known],
    markdown: values.markdown ?? false,
    help: values.help ?? false,
  };
}
