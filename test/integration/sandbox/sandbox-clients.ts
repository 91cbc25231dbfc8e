import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { Octokit } from "@octokit/rest";
import type { Sandbox } from "../../../sandbox/index.js";

const run = promisify(execFile);

const quiet = { debug() {}, info() {}, warn() {}, error() {} };

/** A real Octokit REST client pointed at the sandbox, without request logging. */
export function octokitFor(gh: Sandbox, token?: string): Octokit {
  return new Octokit({ baseUrl: gh.url, log: quiet, ...(token ? { auth: token } : {}) });
}

/** The HTTP status of a failed Octokit call (throws if it did not fail). */
export async function statusOf(
  call: Promise<unknown>,
): Promise<{ status: number; message: string }> {
  try {
    await call;
  } catch (error) {
    const failure = error as {
      status?: number;
      message?: string;
      response?: { data?: { message?: string } };
    };
    return {
      status: failure.status ?? 0,
      message: failure.response?.data?.message ?? failure.message ?? "",
    };
  }
  throw new Error("expected the call to fail");
}

/** Runs git without blocking the event loop (the sandbox serves from this process). */
export async function git(args: string[], cwd?: string): Promise<string> {
  const { stdout } = await run("git", args, {
    cwd,
    env: { ...process.env, GIT_TERMINAL_PROMPT: "0" },
  });
  return stdout;
}

/** Clones a sandbox repository over smart HTTP with a token, as `actions/checkout` would, into a new directory under `parent`. */
export async function cloneOverHttp(
  gh: Sandbox,
  fullName: string,
  token: string,
  parent: string,
): Promise<string> {
  const target = mkdtempSync(join(parent, "clone-"));
  const url = new URL(`${gh.url}/${fullName}.git`);
  url.username = "x-access-token";
  url.password = token;
  await git(["clone", "--quiet", url.toString(), target]);
  return target;
}
