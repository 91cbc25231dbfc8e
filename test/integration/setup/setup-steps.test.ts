import { afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Octokit } from "@octokit/rest";
import { loadPolicy } from "../../../core/policy/load-policy.js";
import { memoryPolicySource } from "../../../core/policy/policy-source.js";
import { startSandbox, type Sandbox } from "../../../sandbox/index.js";
import type { RulesetSpec } from "../../../sandbox/index.js";
import { runCli, spawnCli, type CliRun } from "../../helpers/run-cli.js";
import { sealSecret } from "../../helpers/seal-secret.js";
import { registerSnapgateApp } from "../../helpers/snapgate-app.js";

/**
 * docs/setup.md, performed as written: its `sh` blocks are read from the page
 * and run in order against the sandbox, `gh api` through the sandbox's REST
 * API with the organization owner's token, `snapgate` through the CLI bundle.
 * A changed command in the page changes what runs here.
 *
 * Sandbox admin helpers stand in where a person uses GitHub's web pages,
 * and where the sandbox does not serve GitHub's API:
 * - registering the App from app.yml (the manifest flow's pages): registerSnapgateApp;
 * - installing it: installApp;
 * - clearing "Allow administrators to bypass": setEnvironmentAdminBypass (no API sets it);
 * - `gh repo create`: createRepo (the sandbox serves no repository creation);
 * - rulesets (`POST`/`PUT .../rulesets`): addRuleset/updateRuleset with the page's JSON
 *   bodies (the sandbox serves reading rulesets only);
 * - `gh variable set`: not performed (the sandbox has no variables API); listed below.
 */

const ROOT = new URL("../../../", import.meta.url).pathname;
const PAGE = readFileSync(join(ROOT, "docs/setup.md"), "utf8");
const OWNER = "acme";

interface Command {
  /** The command line, continuation lines joined. */
  line: string;
  /** A heredoc's body, and whether $VARIABLES expand in it (an unquoted tag). */
  stdin?: { text: string; expand: boolean };
  /** NAME of `NAME=$(...)`: the command's output is kept as a variable. */
  capture?: string;
}

interface Step {
  number: number;
  title: string;
  commands: Command[];
  /** The `text` blocks: what only GitHub's pages do. */
  ui: string;
}

/** The numbered steps of the page, each with the commands of its `sh` blocks, in order. */
function readSteps(page: string): Step[] {
  const steps: Step[] = [];
  let step: Step | null = null;
  const lines = page.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heading = /^## (?:(\d+)\. )?(.+)$/.exec(line);
    if (heading) {
      step = heading[1]
        ? { number: Number(heading[1]), title: heading[2]!, commands: [], ui: "" }
        : null;
      if (step) steps.push(step);
      continue;
    }
    const fence = /^```(\w+)$/.exec(line);
    if (!fence) continue;
    const body: string[] = [];
    for (i++; i < lines.length && lines[i] !== "```"; i++) body.push(lines[i]!);
    if (!step) continue;
    if (fence[1] === "text") step.ui += body.join("\n") + "\n";
    if (fence[1] === "sh") step.commands.push(...readCommands(body));
  }
  return steps;
}

function readCommands(lines: string[]): Command[] {
  const commands: Command[] = [];
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    while (line.endsWith("\\")) line = `${line.slice(0, -1).trimEnd()} ${lines[++i]!.trim()}`;
    if (line.trim() === "" || line.trim() === ")") continue;
    const command: Command = { line: line.replace(/\s+#\s[^'"]*$/, "").trim() };
    const capture = /^([A-Z_]+)=\$\((.*?)\)?$/.exec(command.line);
    if (capture) {
      command.capture = capture[1]!;
      command.line = capture[2]!.trim();
    }
    const heredoc = /\s*<<(')?(\w+)\1$/.exec(command.line);
    if (heredoc) {
      command.line = command.line.slice(0, heredoc.index).trim();
      const text: string[] = [];
      for (i++; lines[i] !== heredoc[2]; i++) text.push(lines[i]!);
      command.stdin = { text: text.join("\n") + "\n", expand: heredoc[1] === undefined };
    }
    commands.push(command);
  }
  return commands;
}

/** Splits a command line as the shell does for the forms the page uses: quotes, no globbing. */
function words(line: string): string[] {
  const out: string[] = [];
  const pattern = /"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g;
  let current = "";
  let last = 0;
  for (let match = pattern.exec(line); match; match = pattern.exec(line)) {
    if (match.index > last && current !== "") {
      out.push(current);
      current = "";
    }
    current += match[1] ?? match[2] ?? match[3] ?? "";
    last = pattern.lastIndex;
    if (line[last] === undefined || /\s/.test(line[last]!)) {
      out.push(current);
      current = "";
    }
  }
  return out;
}

interface SetupRun {
  gh: Sandbox;
  appId: number;
  installationId: number;
  /** Where the page's files (keys, policy) were written. */
  work: string;
  /** The organization owner's token: what `gh` is logged in with. */
  token: string;
  vars: Record<string, string>;
  /** The last doctor run. */
  doctor: CliRun | null;
  /** Commands the sandbox cannot check. */
  unchecked: string[];
}

interface SetupOptions {
  /** Commands (or UI steps, named "ui:...") to leave out, as a person who skips a piece. */
  skip?: (step: number, line: string) => boolean;
  /** Run the CLI bundle (as a user does) or in-process (faster, for the negative runs). */
  bundle?: boolean;
  /** The token doctor runs with, if not the owner's. */
  doctorToken?: (gh: Sandbox) => string;
  /** The App the ruleset and protection rule name instead of Snapgate's (a wrong registration). */
  otherApp?: boolean;
}

/** Runs docs/setup.md from zero on a fresh sandbox. */
async function performSetup(options: SetupOptions = {}): Promise<SetupRun> {
  const skip = options.skip ?? (() => false);
  const gh = await startSandbox({ webhookSideEffects: false });
  const work = mkdtempSync(join(tmpdir(), "snapgate-setup-"));
  workDirs.push(work);
  gh.createUser({ login: "octo-owner" });
  gh.createOrg({ login: OWNER, admins: ["octo-owner"] });
  // The repository that deploys and restores exists already: it is the reader's own.
  await gh.createRepo({
    owner: OWNER,
    name: "service",
    private: true,
    files: { "README.md": "service\n" },
  });
  const token = gh.createToken({
    actor: "octo-owner",
    repositories: "all",
    permissions: {
      administration: "write",
      contents: "write",
      actions: "write",
      secrets: "write",
      environments: "write",
    },
  });
  const octokit = new Octokit({
    baseUrl: gh.url,
    auth: token,
    log: { debug() {}, info() {}, warn() {}, error() {} },
  });
  const run: SetupRun = {
    gh,
    appId: 0,
    installationId: 0,
    work,
    token,
    vars: {},
    doctor: null,
    unchecked: [],
  };
  const cliEnv = () => ({
    GITHUB_TOKEN: options.doctorToken ? options.doctorToken(gh) : token,
    GITHUB_API_URL: gh.url,
    SNAPGATE_RETRY_AFTER_MS: "1",
  });
  const expand = (text: string) =>
    text.replace(/\$\{?([A-Z_]+)\}?/g, (whole, name: string) => {
      const value = run.vars[name];
      if (value === undefined) throw new Error(`docs/setup.md uses $${name} before setting it`);
      return value;
    });
  const fileText = (path: string) =>
    readFileSync(existsSync(join(work, path)) ? join(work, path) : join(ROOT, path), "utf8");

  for (const step of readSteps(PAGE)) {
    // What the page's `text` blocks ask of GitHub's pages, before the step's commands.
    if (step.number === 2) {
      const app = registerSnapgateApp(gh);
      run.appId = app.appId;
      const named = options.otherApp
        ? gh.createApp({
            slug: "third-party-gate",
            permissions: { deployments: "write" },
            events: ["deployment_protection_rule"],
          })
        : app;
      run.vars["APP_ID"] = String(named.appId);
      run.vars["CLIENT_ID"] = app.clientId;
      writeFileSync(join(work, "snapgate.private-key.pem"), app.privateKeyPem);
      if (options.otherApp) gh.installApp(named.appId, OWNER, "all");
    }
    if (step.number === 3)
      run.installationId = gh.installApp(run.appId, OWNER, ["service", "config-backups"]);
    for (const command of step.commands) {
      if (skip(step.number, command.line)) continue;
      const stdinText = command.stdin
        ? command.stdin.expand
          ? expand(command.stdin.text)
          : command.stdin.text
        : undefined;
      const line = expand(command.line).replace(
        /"?\$\(base64 -w0 "?([^")]+)"?\)"?/g,
        (_whole, path: string) => Buffer.from(fileText(path)).toString("base64"),
      );
      const argv = words(line.replace(/\s<\s(\S+)$/, ""));
      const redirected = /\s<\s(\S+)$/.exec(line)?.[1];
      const input = redirected ? fileText(redirected) : stdinText;
      let output = "";
      const [program, ...args] = argv;
      if (program === "export") {
        const [name] = args[0]!.split("=");
        // The App's ids come from registering it (step 2), not from the page's examples.
        if (name !== "APP_ID" && name !== "CLIENT_ID")
          run.vars[name!] = args[0]!.slice(name!.length + 1);
      } else if (program === "cat" && args[0] === ">") {
        writeFileSync(join(work, args[1]!), input ?? "");
      } else if (program === "snapgate") {
        const cli = options.bundle ? spawnCli : runCli;
        const result = await cli(args, { cwd: work, env: cliEnv() });
        if (args[0] === "doctor") run.doctor = result;
        else expect({ line, code: result.code, stderr: result.stderr }).toMatchObject({ code: 0 });
        output = result.stdout;
      } else if (program === "gh") {
        output = await ghCommand(run, octokit, args, input);
      } else {
        throw new Error(`docs/setup.md runs '${program}', which this test does not know: ${line}`);
      }
      if (command.capture) run.vars[command.capture] = output.trim();
    }
    if (step.number === 4 && !skip(4, "ui:admin-bypass"))
      gh.setEnvironmentAdminBypass(OWNER, "service", "snapgate-restore", false);
  }
  return run;
}

function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at === -1 ? undefined : args[at + 1];
}

/** `gh repo create`, `gh api`, `gh secret set`, `gh variable set`, as the page uses them. */
async function ghCommand(
  run: SetupRun,
  octokit: Octokit,
  args: string[],
  input: string | undefined,
): Promise<string> {
  const { gh } = run;
  const [group, verb] = args;
  if (group === "repo" && verb === "create") {
    const [owner, name] = args[2]!.split("/");
    expect(args).toEqual(expect.arrayContaining(["--private", "--add-readme"]));
    await gh.createRepo({
      owner: owner!,
      name: name!,
      private: true,
      files: { "README.md": `# ${name}\n` },
    });
    return "";
  }
  if (group === "secret" && verb === "set") {
    const name = args[2]!;
    const environment = option(args, "--env");
    const [owner, repo] = option(args, "--repo")!.split("/");
    const value = option(args, "--body") ?? input ?? "";
    const scope = environment ? `/environments/${environment}` : "";
    const key = await octokit.request(`GET /repos/{owner}/{repo}${scope}/secrets/public-key`, {
      owner,
      repo,
    });
    await octokit.request(`PUT /repos/{owner}/{repo}${scope}/secrets/{secret_name}`, {
      owner,
      repo,
      secret_name: name,
      key_id: (key.data as { key_id: string }).key_id,
      encrypted_value: await sealSecret((key.data as { key: string }).key, value),
    });
    return "";
  }
  if (group === "variable" && verb === "set") {
    run.unchecked.push(args.join(" "));
    return "";
  }
  if (group !== "api")
    throw new Error(`docs/setup.md runs 'gh ${group} ${verb}', which this test does not know`);
  const method = option(args, "--method") ?? "GET";
  const path = args
    .slice(1)
    .find((arg, index, all) => !arg.startsWith("-") && !all[index - 1]?.startsWith("-"))!;
  const body: Record<string, unknown> =
    option(args, "--input") === "-" ? (JSON.parse(input ?? "{}") as Record<string, unknown>) : {};
  args.forEach((arg, index) => {
    if (arg !== "-f" && arg !== "-F") return;
    const field = args[index + 1]!;
    const [name] = field.split("=");
    const value = field.slice(name!.length + 1);
    body[name!] = arg === "-F" && /^\d+$/.test(value) ? Number(value) : value;
  });
  let answer: Record<string, unknown>;
  const ruleset = /^repos\/([^/]+)\/([^/]+)\/rulesets(?:\/(\d+))?$/.exec(path);
  if (ruleset) {
    // The sandbox serves no ruleset writes: the same JSON, through its admin helper.
    if (method === "POST")
      answer = { id: gh.addRuleset(ruleset[1]!, ruleset[2]!, body as unknown as RulesetSpec) };
    else {
      gh.updateRuleset(ruleset[1]!, ruleset[2]!, Number(ruleset[3]), body as Partial<RulesetSpec>);
      answer = {};
    }
  } else {
    answer = (await octokit.request(`${method} /${path}`, body)).data as Record<string, unknown>;
  }
  const jq = option(args, "--jq");
  return jq ? String(answer[jq.replace(/^\./, "")]) : JSON.stringify(answer);
}

interface Finding {
  check: string;
  ok: boolean | null;
  detail: string;
  fix?: string;
}

/** The page's doctor command again, with --json. */
async function doctorReport(
  run: SetupRun,
  token = run.token,
): Promise<{ ok: boolean; findings: Finding[] }> {
  const doctor = readSteps(PAGE).find((step) => step.number === 7)!.commands[0]!;
  const args = words(doctor.line.replace("$APP_ID", String(run.appId))).slice(1);
  const result = await runCli([...args, "--json"], {
    cwd: ROOT,
    env: { GITHUB_TOKEN: token, GITHUB_API_URL: run.gh.url, SNAPGATE_RETRY_AFTER_MS: "1" },
  });
  return result.json() as { ok: boolean; findings: Finding[] };
}

function failing(report: {
  findings: Finding[];
}): Record<string, { ok: boolean | null; detail: string; fix: string }> {
  return Object.fromEntries(
    report.findings
      .filter((finding) => finding.ok !== true)
      .map((finding) => [
        finding.check,
        { ok: finding.ok, detail: finding.detail, fix: finding.fix ?? "" },
      ]),
  );
}

let sandboxes: Sandbox[] = [];
const workDirs: string[] = [];
afterEach(async () => {
  for (const dir of workDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  for (const gh of sandboxes) {
    gh.assertClean();
    await gh.close();
  }
  sandboxes = [];
});

async function setup(options: SetupOptions = {}): Promise<SetupRun> {
  const run = await performSetup(options);
  sandboxes.push(run.gh);
  return run;
}

describe("docs/setup.md", () => {
  let steps: Step[];
  beforeAll(() => {
    steps = readSteps(PAGE);
  });

  it("has the seven steps, in order, each with what to run", () => {
    expect(steps.map((step) => `${step.number}. ${step.title}`)).toEqual([
      "1. Create the backup repository and protect it",
      "2. Register the App from `app.yml`",
      "3. Install it",
      "4. Create the environments and their secrets",
      "5. Generate the keys",
      "6. Add the workflows",
      "7. Run `doctor`",
    ]);
    for (const step of steps) expect(step.commands.length + step.ui.length).toBeGreaterThan(0);
    // What the test does with admin helpers is what the page tells a person to do on GitHub's pages.
    expect(steps[1]!.ui).toContain("app-manifests/CODE/conversions");
    expect(steps[2]!.ui).toContain("acme/service, acme/config-backups");
    expect(steps[3]!.ui).toContain('"Allow administrators to bypass configured protection rules"');
  });

  it("names every permission app.yml asks for, and only those", () => {
    const manifest = readFileSync(join(ROOT, "app.yml"), "utf8");
    const asked = [...manifest.matchAll(/^ {2}([a-z_]+): (read|write)$/gm)].map(
      (m) => `${m[1]}: ${m[2]}`,
    );
    const table = [...PAGE.matchAll(/^\| `([a-z_]+: (?:read|write))` +\|/gm)].map((m) => m[1]);
    expect(table.sort()).toEqual(asked.sort());
  });

  it("run from zero with the CLI bundle, ends with doctor reporting nothing to fix", async () => {
    const run = await setup({ bundle: true });
    expect(run.doctor).not.toBeNull();
    expect({ code: run.doctor!.code, stderr: run.doctor!.stderr }).toEqual({ code: 0, stderr: "" });
    expect(run.doctor!.stdout).not.toMatch(/\bFIX\b|unknown|fix:/);
    const report = await doctorReport(run);
    expect(report.ok).toBe(true);
    expect(report.findings.every((finding) => finding.ok === true)).toBe(true);
    // Four about the backup repository, six about the restore environment.
    expect(report.findings).toHaveLength(10);
    // The keys went where the page says, and the policy it wrote loads.
    const reader = new Octokit({
      baseUrl: run.gh.url,
      auth: run.token,
      log: { debug() {}, info() {}, warn() {}, error() {} },
    });
    const secrets = async (environment: string) =>
      (
        await reader.request("GET /repos/{owner}/{repo}/environments/{environment_name}/secrets", {
          owner: OWNER,
          repo: "service",
          environment_name: environment,
        })
      ).data.secrets
        .map((secret: { name: string }) => secret.name)
        .sort();
    expect(await secrets("snapgate-restore")).toEqual(["SNAPGATE_APP_KEY", "SNAPGATE_IDENTITY"]);
    expect(await secrets("prod")).toEqual(["SNAPGATE_APP_KEY", "SNAPGATE_WRITER_KEY"]);
    const policyText = (
      await reader.request("GET /repos/{owner}/{repo}/contents/{path}", {
        owner: OWNER,
        repo: "service",
        path: ".github/snapgate.yml",
        headers: { accept: "application/vnd.github.raw+json" },
      })
    ).data as unknown as string;
    const policy = await loadPolicy(
      memoryPolicySource({ ".github/snapgate.yml": String(policyText) }),
    );
    expect(policy.backup).toEqual({ repository: "acme/config-backups", branch: "main" });
    expect(policy.keys.recipients).toEqual([run.vars["RECIPIENT"]]);
    // The workflows are docs/examples' own.
    const restore = await reader.request("GET /repos/{owner}/{repo}/contents/{path}", {
      owner: OWNER,
      repo: "service",
      path: ".github/workflows/snapgate-restore.yml",
      headers: { accept: "application/vnd.github.raw+json" },
    });
    expect(String(restore.data)).toBe(
      readFileSync(join(ROOT, "docs/examples/snapgate-restore.yml"), "utf8"),
    );
    // Unchecked: the sandbox has no Actions variables API.
    expect(run.unchecked).toEqual([
      `variable set SNAPGATE_CLIENT_ID --repo acme/service --body ${run.vars["CLIENT_ID"]}`,
    ]);

    // The setup can write a backup: a snapshot job's token is the App's, scoped to the backup
    // repository (actions/create-github-app-token), and the App bypasses the ruleset ...
    mkdirSync(join(run.work, "deploy/staging"), { recursive: true });
    writeFileSync(join(run.work, "deploy/staging/app.yaml"), "replicas: 2\n");
    const jobToken = run.gh.createInstallationToken(run.installationId, {
      repositories: ["config-backups"],
    });
    const snapshot = await runCli(
      [
        "snapshot",
        "--store",
        "github://acme/config-backups",
        "--env",
        "staging",
        "--phase",
        "manual",
        "--policy",
        "snapgate.yml",
        "--writer-key",
        "writer-key.txt",
        "--json",
      ],
      {
        cwd: run.work,
        env: { GITHUB_TOKEN: jobToken, GITHUB_API_URL: run.gh.url, SNAPGATE_RETRY_AFTER_MS: "1" },
      },
    );
    expect({ code: snapshot.code, stderr: snapshot.stderr }).toEqual({ code: 0, stderr: "" });
    expect(snapshot.json()).toMatchObject({ environment: "staging", seq: 1, files: 1 });
    // ... while the organization's owner cannot push there.
    await expect(
      reader.repos.createOrUpdateFileContents({
        owner: OWNER,
        repo: "config-backups",
        path: "forged.txt",
        message: "forged",
        content: Buffer.from("x").toString("base64"),
      }),
    ).rejects.toMatchObject({
      status: 422,
      message: expect.stringContaining("Repository rule violations"),
    });

    // A token that cannot see rulesets' bypass lists or repository secrets gets "unknown", never "ok".
    const weak = run.gh.createToken({
      actor: "octo-owner",
      repositories: "all",
      permissions: { contents: "read", actions: "read", environments: "read" },
    });
    const blind = await doctorReport(run, weak);
    expect(blind.ok).toBe(false);
    const unknown = blind.findings.filter((finding) => finding.ok === null);
    expect(unknown.map((finding) => finding.check)).toEqual([
      "pushes are restricted to the Snapgate App",
      "SNAPGATE_IDENTITY exists only in snapgate-restore",
    ]);
    for (const finding of unknown) expect(finding.fix).toMatch(/Run doctor with a token/);
  });

  describe("a step left out: doctor names the missing piece and its fix", () => {
    it("1, 4, 5, 6: no ruleset; no protection rule, branch policy or admin setting; no identity; no workflows", async () => {
      const run = await setup({
        skip: (step, line) =>
          (step === 1 && line.includes("/rulesets")) ||
          (step === 3 && line.includes("/rulesets/")) ||
          (step === 4 &&
            (line.includes("deployment_protection_rules") ||
              line.includes("deployment-branch-policies") ||
              line === "ui:admin-bypass")) ||
          (step === 5 && line.includes("SNAPGATE_IDENTITY")) ||
          step === 6,
      });
      const report = await doctorReport(run);
      expect(report.ok).toBe(false);
      const missing = failing(report);
      expect(Object.keys(missing).sort()).toEqual(
        [
          // 1
          "force pushes are blocked",
          "branch deletion is blocked",
          "pushes are restricted to the Snapgate App",
          // 4
          "the Snapgate App is the environment's protection rule",
          "administrators cannot bypass the protection rules",
          "a deployment branch policy limits which branches may restore",
          // 5
          "SNAPGATE_IDENTITY is a secret of snapgate-restore",
          // 6 (scheduled-snapshot.yml's verify job runs in snapgate-restore too)
          "a workflow's job runs in snapgate-restore",
        ].sort(),
      );
      for (const finding of Object.values(missing)) expect(finding.ok).toBe(false);
      expect(missing["force pushes are blocked"]!.fix).toContain('"Block force pushes"');
      expect(missing["branch deletion is blocked"]!.fix).toContain('"Restrict deletions"');
      expect(missing["pushes are restricted to the Snapgate App"]!.fix).toContain(
        '"Restrict updates"',
      );
      // The plan limit, said plainly: what still protects a restore without the rule.
      expect(missing["the Snapgate App is the environment's protection rule"]!.detail).toContain(
        "Custom deployment protection rules on private repositories need GitHub Enterprise Cloud; without the rule, the signed request record and the restore action's re-check are the only protection",
      );
      for (const check of [
        "the Snapgate App is the environment's protection rule",
        "administrators cannot bypass the protection rules",
        "a deployment branch policy limits which branches may restore",
        "SNAPGATE_IDENTITY is a secret of snapgate-restore",
      ])
        expect(missing[check]!.fix).toContain("settings/environments");
      expect(missing["a workflow's job runs in snapgate-restore"]!.fix).toContain(
        "docs/examples/snapgate-restore.yml",
      );
    });

    it("2: another app registered in the Snapgate App's place", async () => {
      const run = await setup({ otherApp: true });
      const missing = failing(await doctorReport(run));
      expect(Object.keys(missing)).toEqual([
        "pushes are restricted to the Snapgate App",
        "the Snapgate App is the environment's protection rule",
      ]);
      expect(missing["pushes are restricted to the Snapgate App"]).toMatchObject({
        detail: `the Snapgate App (id ${run.appId}) is not a bypass actor`,
        fix: expect.stringContaining('as a bypass actor ("Always allow")'),
      });
      expect(missing["the Snapgate App is the environment's protection rule"]!.detail).toContain(
        "third-party-gate",
      );
    });

    it("3: the App installed but not made the ruleset's bypass actor", async () => {
      const run = await setup({ skip: (step, line) => step === 3 && line.includes("/rulesets/") });
      const missing = failing(await doctorReport(run));
      expect(Object.keys(missing)).toEqual(["pushes are restricted to the Snapgate App"]);
      expect(missing["pushes are restricted to the Snapgate App"]).toMatchObject({
        detail: `the Snapgate App (id ${run.appId}) is not a bypass actor`,
        fix: expect.stringContaining('as a bypass actor ("Always allow")'),
      });
    });
  });
});
