import { fileURLToPath } from "node:url";
import { asSnapgateError } from "../core/errors.js";
import { BENCH_USAGE, parseBenchArgs } from "./parse-bench-args.js";
import { benches } from "./registry.js";
import { runBenches } from "./run-benches.js";

/** `npm run bench -- [--only NAME] [--repeat N] [--markdown]`: see bench/README.md. */
try {
  const args = parseBenchArgs(
    process.argv.slice(2),
    benches.map((bench) => bench.name),
  );
  if (args.help) {
    console.log(BENCH_USAGE);
  } else {
    await runBenches(
      benches.filter((bench) => args.only.includes(bench.name)),
      {
        markdown: args.markdown,
        repeat: args.repeat,
        repoRoot: fileURLToPath(new URL("..", import.meta.url)),
      },
    );
  }
} catch (error) {
  console.error(`snapgate bench: ${asSnapgateError(error).message}`);
  process.exitCode = 1;
}
