import { fileURLToPath } from "node:url";
import { asSnapgateError } from "../core/errors.js";
import { BENCH_USAGE, parseBenchArgs } from "./parse-bench-args.js";
import { benches } from "./registry.js";
import { runBenches } from "./run-benches.js";
import { runPeerComparison } from "./peers/run-peer-comparison.js";

/** `npm run bench -- [--only NAME] [--repeat N] [--markdown] [--peers]`: see bench/README.md. */
try {
  const args = parseBenchArgs(
    process.argv.slice(2),
    benches.map((bench) => bench.name),
  );
  if (args.help) {
    console.log(BENCH_USAGE);
  } else {
    const repoRoot = fileURLToPath(new URL("..", import.meta.url));
    await runBenches(
      benches.filter((bench) => args.only.includes(bench.name)),
      { markdown: args.markdown, repeat: args.repeat, repoRoot },
    );
    if (args.peers) {
      await runPeerComparison({
        repoRoot,
        repeat: args.repeat,
        markdown: args.markdown,
        write: (text) => process.stdout.write(text),
      });
    }
  }
} catch (error) {
  console.error(`snapgate bench: ${asSnapgateError(error).message}`);
  process.exitCode = 1;
}
