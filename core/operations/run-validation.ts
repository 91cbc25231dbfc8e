import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import type { DrillValidation } from "./drill-record.js";

/** Output kept in the record; the hash covers all of it. */
export const VALIDATION_OUTPUT_LIMIT = 64 * 1024;

export interface ValidationOptions {
  command: string;
  /** The restored directory: the command's working directory and SNAPGATE_DRILL_DIR. */
  cwd: string;
  timeoutMs: number;
  env: NodeJS.ProcessEnv;
  /** Milliseconds now; injected so tests measure without timing. */
  clock: () => number;
}

/**
 * Runs the user's validation command through the shell, in its own process
 * group so a timeout kills everything it started. Output (stdout and stderr
 * as they arrive) is captured up to a cap; a command that cannot start is a
 * failed validation (exit code null), not an exception.
 */
export function runValidation(options: ValidationOptions): Promise<DrillValidation> {
  const started = options.clock();
  const hash = createHash("sha256");
  const kept: Buffer[] = [];
  let keptBytes = 0;
  let truncated = false;
  const collect = (chunk: Buffer) => {
    hash.update(chunk);
    const room = VALIDATION_OUTPUT_LIMIT - keptBytes;
    if (chunk.length > room) truncated = true;
    if (room > 0) {
      kept.push(chunk.subarray(0, room));
      keptBytes += Math.min(room, chunk.length);
    }
  };
  return new Promise((resolvePromise) => {
    let timedOut = false;
    const child = spawn("/bin/sh", ["-c", options.command], {
      cwd: options.cwd,
      env: { ...options.env, SNAPGATE_DRILL_DIR: options.cwd },
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
      } catch {
        child.kill("SIGKILL");
      }
    }, options.timeoutMs);
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    const finish = (exitCode: number | null, extra?: string) => {
      clearTimeout(timer);
      if (extra) collect(Buffer.from(extra));
      const output = Buffer.concat(kept).toString("utf8");
      resolvePromise({
        command: options.command,
        exitCode: timedOut ? null : exitCode,
        timedOut,
        durationMs: Math.max(0, Math.round(options.clock() - started)),
        output,
        outputSha256: hash.digest("hex"),
        outputTruncated: truncated,
      });
    };
    child.on("error", (error) => finish(null, `could not start: ${error.message}\n`));
    child.on("close", (code) => finish(code));
  });
}
