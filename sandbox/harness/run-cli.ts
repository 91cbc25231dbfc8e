import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { main } from "../../cli/main.js";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout parsed as JSON (for --json runs). */
  json: () => unknown;
}

function result(code: number, stdout: string, stderr: string): CliRun {
  return { code, stdout, stderr, json: () => JSON.parse(stdout) as unknown };
}

/** The stat cache of CLI runs goes to the suite's temp directory (test/global-setup.ts), not ~/.cache. */
function testCacheEnv(): NodeJS.ProcessEnv {
  const dir = process.env.SNAPGATE_CACHE_DIR;
  return dir ? { SNAPGATE_CACHE_DIR: dir } : {};
}

/** Runs the CLI in-process (fast, counts toward coverage). */
export async function runCli(
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await main(args, {
    cwd: options.cwd,
    env: { ...testCacheEnv(), ...(options.env ?? {}) },
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    interactive: false,
  });
  return result(code, stdout, stderr);
}

export const CLI_BUNDLE = fileURLToPath(new URL("../../dist/cli/index.js", import.meta.url));

/** Runs the bundled CLI as a real process, as a user or a workflow would. */
export function spawnCli(
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<CliRun> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [CLI_BUNDLE, ...args], {
      cwd: options.cwd,
      env: { PATH: process.env.PATH, ...testCacheEnv(), ...(options.env ?? {}) },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolvePromise(result(code ?? -1, stdout, stderr)));
  });
}
