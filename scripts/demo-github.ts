// The demo's second act (`npm run demo -- --github`): Snapgate's release flow
// on the local GitHub sandbox with the real app and the bundled actions. The
// scenario lives in sandbox/scenarios/release-flow.ts, which the integration
// test test/integration/demo/release-flow.test.ts runs too.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runReleaseFlow } from "../sandbox/scenarios/release-flow.js";

const bold = (text: string) => (process.stdout.isTTY ? `\x1b[1m${text}\x1b[0m` : text);
const work = mkdtempSync(join(tmpdir(), "snapgate-demo-github-"));
const started = Date.now();
try {
  const outcome = await runReleaseFlow({
    workDir: work,
    // Step headings ("1. ...") in bold, their explanations as they come.
    say: (line) => console.log(/^\d\. /.test(line) ? `\n${bold(`# ${line}`)}` : line),
  });
  console.log(
    `\nDone in ${((Date.now() - started) / 1000).toFixed(1)} s. To look at, in ${outcome.outDir}:`,
  );
  console.log("  config-backups/   a git clone of the backup repository");
  console.log("  audit.jsonl       the audit log (hash-chained events, one per line)");
  console.log("  report.html       this month's compliance report");
  console.log("  dashboard.html    the dashboard");
  console.log(`Delete ${work} when you are finished.`);
} catch (error) {
  console.error(`\ndemo: ${error instanceof Error ? error.message : String(error)}`);
  console.error(`The demo stops here; what it wrote is in ${work}.`);
  process.exitCode = 1;
}
