import { spawn } from "node:child_process";
import { SnapgateError } from "../../core/errors.js";

export interface ChildOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Written to the child's stdin, which is then closed. */
  input?: string | Buffer;
  /** Kill the child (SIGKILL) after this many milliseconds. */
  timeoutMs?: number;
  /** Return a failed run instead of throwing. */
  allowFailure?: boolean;
}

export interface ChildResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  /** Wall time from spawn to exit, measured by this process. */
  wallMs: number;
  stdout: string;
  stderr: string;
}

/** Spawns a command without a shell, collects its output and times it from spawn to exit. */
export function runChild(
  command: string,
  args: readonly string[],
  options: ChildOptions = {},
  describe = [command, ...args].join(" "),
): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ["pipe", "pipe", "pipe"],
      timeout: options.timeoutMs,
      killSignal: "SIGKILL",
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
    child.on("error", (error) =>
      reject(
        new SnapgateError("IO", `Cannot start \`${describe}\`: ${error.message}.`, {
          fix: "Check that the command is installed and on PATH.",
          cause: error,
        }),
      ),
    );
    child.on("close", (exitCode, signal) => {
      const result: ChildResult = {
        exitCode,
        signal,
        wallMs: performance.now() - start,
        stdout: Buffer.concat(stdout).toString("utf8"),
        stderr: Buffer.concat(stderr).toString("utf8"),
      };
      if (exitCode !== 0 && !options.allowFailure) {
        const how = signal ? `was killed by ${signal}` : `exited with code ${exitCode}`;
        reject(
          new SnapgateError("IO", `\`${describe}\` ${how}: ${result.stderr.trim().slice(-2000)}`, {
            fix: "Run the command by hand to see the whole error, or pass allowFailure to inspect it.",
            details: { exitCode, signal },
          }),
        );
        return;
      }
      resolve(result);
    });
    child.stdin.on("error", () => {
      // The child may exit without reading its input; its exit code tells the story.
    });
    child.stdin.end(options.input);
  });
}
