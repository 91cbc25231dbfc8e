import { access, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SnapgateError } from "../../core/errors.js";
import type { ProcessMeasurement } from "./process-measurement.js";
import { runChild, type ChildOptions } from "./run-child.js";

export const GNU_TIME = "/usr/bin/time";

/**
 * Runs any command under GNU time (`/usr/bin/time -f %M -o FILE`) and reads
 * its peak RSS: ru_maxrss from wait4(), in KiB, which covers the command and
 * the children it waited for. Needs Debian's `time` package
 * (`apt-get install -y time`). For Node scripts prefer measureNodeProcess,
 * which needs nothing installed. Wall time includes starting `time` itself
 * (about a millisecond).
 */
export async function measureProcess(
  command: string,
  args: readonly string[],
  options: ChildOptions = {},
): Promise<ProcessMeasurement> {
  try {
    await access(GNU_TIME);
  } catch {
    throw new SnapgateError("IO", `GNU time is not installed at ${GNU_TIME}.`, {
      fix: "Install it with `apt-get install -y time`, or measure a Node script with measureNodeProcess.",
    });
  }
  const reportDir = await mkdtemp(join(tmpdir(), "snapgate-rss-"));
  const reportFile = join(reportDir, "maxrss");
  try {
    const result = await runChild(
      GNU_TIME,
      ["-f", "%M", "-o", reportFile, command, ...args],
      options,
      [command, ...args].join(" "),
    );
    // On a failed command time writes a "Command exited with non-zero status" line first.
    const lines = (await readFile(reportFile, "utf8").catch(() => "")).trim().split("\n");
    const kib = Number(lines[lines.length - 1]);
    return {
      ...result,
      peakRssBytes: Number.isFinite(kib) && kib > 0 ? kib * 1024 : null,
      rssSource: "gnu-time",
    };
  } finally {
    await rm(reportDir, { recursive: true, force: true });
  }
}
