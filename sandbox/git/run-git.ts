import { spawn } from "node:child_process";
import { SnapgateError } from "../../core/errors.js";

export interface GitResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs git on a bare repository, feeding `input` to its stdin; a non-zero
 * exit is returned, not thrown, unless `check` is set.
 */
export function runGit(
  gitDir: string,
  args: readonly string[],
  options: { check?: boolean; input?: Buffer } = {},
): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = spawn("git", ["--git-dir", gitDir, ...args], {
      env: { ...process.env, GIT_TERMINAL_PROMPT: "0" },
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      const result = {
        code: code ?? 1,
        stdout: Buffer.concat(stdout).toString("utf8"),
        stderr: Buffer.concat(stderr).toString("utf8"),
      };
      if (result.code !== 0 && options.check) {
        reject(
          new SnapgateError("IO", `git ${args.join(" ")} failed: ${result.stderr.trim()}`, {
            fix: "This is a sandbox bug or a broken sandbox repository; check the repository with `git fsck`.",
          }),
        );
        return;
      }
      resolve(result);
    });
    // A git command that exits without reading its input closes the pipe; its exit code tells what happened.
    child.stdin.on("error", () => {});
    if (options.input) child.stdin.end(options.input);
    else child.stdin.end();
  });
}
