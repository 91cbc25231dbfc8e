import { execFile } from "node:child_process";
import { SnapgateError } from "../../core/errors.js";

export interface GitResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs git on a bare repository; a non-zero exit is returned, not thrown, unless `check` is set. */
export function runGit(
  gitDir: string,
  args: readonly string[],
  options: { check?: boolean } = {},
): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    execFile(
      "git",
      ["--git-dir", gitDir, ...args],
      { maxBuffer: 256 * 1024 * 1024, env: { ...process.env, GIT_TERMINAL_PROMPT: "0" } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        if (code !== 0 && options.check) {
          reject(
            new SnapgateError("IO", `git ${args.join(" ")} failed: ${stderr.trim()}`, {
              fix: "This is a sandbox bug or a broken sandbox repository; check the repository with `git fsck`.",
            }),
          );
          return;
        }
        resolve({ code, stdout, stderr });
      },
    );
  });
}
