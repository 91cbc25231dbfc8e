import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ProcessMeasurement } from "./process-measurement.js";
import { runChild, type ChildOptions } from "./run-child.js";

export interface NodeProcessOptions extends ChildOptions {
  /** Node flags placed before the script, e.g. ["--max-old-space-size=256"]. */
  nodeArgs?: readonly string[];
}

/**
 * Runs `node <script> ...args` and measures its wall time and peak RSS. A
 * preloaded module (--import, a data: URL) writes the process's high-water
 * RSS in KiB to a file on exit: VmHWM from /proc/self/status on Linux, else
 * `process.resourceUsage().maxRSS`. VmHWM comes first because Linux carries
 * ru_maxrss over exec from the forked copy of the parent, so a small child of
 * a big parent would report the parent's size. Needs no system package. Limits: child
 * processes the script spawns are not counted, and a process killed by a
 * signal reports nothing (peakRssBytes null).
 */
export async function measureNodeProcess(
  script: string,
  args: readonly string[],
  options: NodeProcessOptions = {},
): Promise<ProcessMeasurement> {
  const reportDir = await mkdtemp(join(tmpdir(), "snapgate-rss-"));
  const reportFile = join(reportDir, "maxrss");
  try {
    // --import is not inherited by grandchildren (unlike NODE_OPTIONS), so only this process reports.
    const reporter =
      `import { readFileSync, writeFileSync } from "node:fs";` +
      `const hwm = () => { try { return Number(/VmHWM:\\s+(\\d+)/.exec(readFileSync("/proc/self/status", "utf8"))[1]); } catch { return process.resourceUsage().maxRSS; } };` +
      `process.on("exit", () => writeFileSync(${JSON.stringify(reportFile)}, String(hwm())));`;
    const nodeArgs = [
      ...(options.nodeArgs ?? []),
      "--import",
      `data:text/javascript,${encodeURIComponent(reporter)}`,
      script,
      ...args,
    ];
    const result = await runChild(
      process.execPath,
      nodeArgs,
      options,
      ["node", script, ...args].join(" "),
    );
    const reported = await readFile(reportFile, "utf8").catch(() => null);
    return {
      ...result,
      peakRssBytes: reported === null ? null : Number(reported) * 1024,
      rssSource: "node-resource-usage",
    };
  } finally {
    await rm(reportDir, { recursive: true, force: true });
  }
}
