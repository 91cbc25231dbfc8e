import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

const REPO = fileURLToPath(new URL("../..", import.meta.url));

export interface ActionAnnotation {
  level: string;
  properties: Record<string, string>;
  message: string;
}

export interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  annotations: ActionAnnotation[];
  /** Values the step registered with ::add-mask:: (the runner hides them from the log). */
  masked: string[];
  /** stdout without the ::add-mask:: commands: what the log shows before the runner masks it. */
  log: string;
}

interface ActionYml {
  inputs?: Record<string, { default?: string; required?: boolean }>;
  runs: { using: string; main: string };
}

/** The GitHub context variables of a workflow run, as the runner sets them. */
export function workflowEnv(run: {
  repository?: string;
  runId?: number;
  actor?: string;
  apiUrl: string;
  sha?: string;
  ref?: string;
  workflow?: string;
  eventName?: string;
}): Record<string, string> {
  return {
    GITHUB_ACTIONS: "true",
    GITHUB_SERVER_URL: "https://github.com",
    GITHUB_API_URL: run.apiUrl,
    GITHUB_GRAPHQL_URL: `${run.apiUrl}/graphql`,
    GITHUB_REPOSITORY: run.repository ?? "acme/service",
    GITHUB_RUN_ID: String(run.runId ?? 1000),
    GITHUB_RUN_ATTEMPT: "1",
    GITHUB_RUN_NUMBER: "7",
    GITHUB_ACTOR: run.actor ?? "octocat",
    GITHUB_SHA: run.sha ?? "0123456789abcdef0123456789abcdef01234567",
    GITHUB_REF: run.ref ?? "refs/heads/release/1.2",
    GITHUB_WORKFLOW: run.workflow ?? "deploy",
    GITHUB_EVENT_NAME: run.eventName ?? "push",
  };
}

/**
 * Runs an action the way the runner does: `node <runs.main>` from its
 * action.yml, inputs as INPUT_<NAME> (upper-cased, dashes kept) with the
 * action.yml defaults for inputs not given, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY
 * and GITHUB_EVENT_PATH files, and the given context variables. Async (the
 * sandbox serves from this process).
 */
export async function runAction(
  action: string,
  options: {
    cwd: string;
    inputs: Record<string, string>;
    env: Record<string, string>;
    event?: unknown;
  },
): Promise<ActionRun> {
  const actionDir = action === "." ? REPO : join(REPO, "actions", action);
  const yml = parse(readFileSync(join(actionDir, "action.yml"), "utf8")) as ActionYml;
  if (yml.runs.using !== "node24") throw new Error(`${action}: runs.using is ${yml.runs.using}`);
  const files = mkdtempSync(join(tmpdir(), "snapgate-runner-"));
  try {
    const output = join(files, "output");
    const summary = join(files, "summary");
    const event = join(files, "event.json");
    writeFileSync(output, "");
    writeFileSync(summary, "");
    writeFileSync(event, JSON.stringify(options.event ?? {}));
    const inputEnv: Record<string, string> = {};
    for (const [name, spec] of Object.entries(yml.inputs ?? {})) {
      if (spec.default !== undefined) inputEnv[`INPUT_${name.toUpperCase()}`] = spec.default;
    }
    for (const [name, value] of Object.entries(options.inputs)) {
      inputEnv[`INPUT_${name.toUpperCase()}`] = value;
    }
    const { code, stdout, stderr } = await spawnNode(resolve(actionDir, yml.runs.main), {
      cwd: options.cwd,
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? files,
        RUNNER_TEMP: files,
        ...options.env,
        ...inputEnv,
        GITHUB_OUTPUT: output,
        GITHUB_STEP_SUMMARY: summary,
        GITHUB_EVENT_PATH: event,
      },
    });
    const lines = stdout.split("\n");
    return {
      code,
      stdout,
      stderr,
      outputs: parseOutputs(readFileSync(output, "utf8")),
      summary: readFileSync(summary, "utf8"),
      annotations: lines.flatMap(parseAnnotation),
      masked: lines
        .filter((line) => line.startsWith("::add-mask::"))
        .map((line) => line.slice("::add-mask::".length)),
      log: lines.filter((line) => !line.startsWith("::add-mask::")).join("\n"),
    };
  } finally {
    rmSync(files, { recursive: true, force: true });
  }
}

function spawnNode(
  script: string,
  options: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [script], { cwd: options.cwd, env: options.env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolvePromise({ code: code ?? -1, stdout, stderr }));
  });
}

/** GITHUB_OUTPUT as @actions/core writes it: `name<<DELIMITER\nvalue\nDELIMITER\n`. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split("\n");
  for (let index = 0; index < lines.length; index += 1) {
    const match = /^([^<]+)<<(.+)$/.exec(lines[index] ?? "");
    if (!match?.[1] || !match[2]) continue;
    const value: string[] = [];
    for (index += 1; index < lines.length && lines[index] !== match[2]; index += 1)
      value.push(lines[index] ?? "");
    outputs[match[1]] = value.join("\n");
  }
  return outputs;
}

/** `::error file=a.yml,title=T::message` with the toolkit's escapes undone. */
function parseAnnotation(line: string): ActionAnnotation[] {
  const match = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/.exec(line);
  if (!match?.[1]) return [];
  const unescape = (text: string) =>
    text
      .replace(/%0D/g, "\r")
      .replace(/%0A/g, "\n")
      .replace(/%3A/g, ":")
      .replace(/%2C/g, ",")
      .replace(/%25/g, "%");
  const properties: Record<string, string> = {};
  for (const pair of (match[2] ?? "").split(",").filter(Boolean)) {
    const [key, ...value] = pair.split("=");
    properties[key ?? ""] = unescape(value.join("="));
  }
  return [{ level: match[1], properties, message: unescape(match[3] ?? "") }];
}

/** The bare repository of the sandbox, cloned with git into `into`, for reading what an action wrote. */
export function cloneInto(bareRepository: string, into: string): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    rmSync(into, { recursive: true, force: true });
    const child = spawn("git", ["clone", "--quiet", bareRepository, into], {
      cwd: dirname(into),
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolvePromise() : reject(new Error(`git clone failed: ${stderr}`)),
    );
  });
}
