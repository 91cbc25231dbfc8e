import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { Octokit } from "@octokit/rest";
import { parse } from "yaml";
import { readRequestState } from "../../core/approvals/read-request-state.js";
import type { LifecycleRequest } from "../../core/approvals/request-lifecycle.js";
import { requestStateMacKey } from "../../core/crypto/app-key.js";
import type { Sandbox } from "../index.js";
import type { WorkflowRunView } from "../webhooks/workflow-run-view.js";
import {
  BACKUP_REPO,
  OWNER,
  policyYaml,
  startAppHarness,
  type AppHarness,
} from "../harness/app-harness.js";
import { cloneInto, runAction, workflowEnv, type ActionRun } from "../harness/run-action.js";
import { runCli, type CliRun } from "../harness/run-cli.js";
import { runWorkflowJob, secretInput } from "../harness/run-workflow-job.js";
import { sealSecret } from "../harness/seal-secret.js";
import { workflowStepInputs } from "../harness/workflow-step.js";

const REPO = "shop";
const RELEASE = "release/1.4";
const example = (name: string) =>
  readFileSync(new URL(`../../docs/examples/${name}`, import.meta.url), "utf8");
/** The live configuration before the release, what the release deploys, and what the failed deploy left. */
const BEFORE = {
  "deploy/app.yaml": "name: shop\nreplicas: 3\nimage: shop:1.3.0\n",
  "k8s/ingress.yaml": "kind: Ingress\nhost: shop.example.com\n",
};
const RELEASED = { ...BEFORE, "deploy/app.yaml": "name: shop\nreplicas: 3\nimage: shop:1.4.0\n" };
const BROKEN = {
  "deploy/app.yaml": "name: shop\nreplicas: 0\nimage: shop:1.4.0\n",
  "k8s/ingress.yaml": "kind: Ingress\nhost: shop-canary.example.com\n",
};

/** What the scenario saw, read back from the sandbox and the files it left: the test asserts it. */
export interface ReleaseFlowOutcome {
  /** Where the backup clone, the audit log, the report and the dashboard are. */
  outDir: string;
  files: { clone: string; auditLog: string; report: string; dashboard: string };
  /** The gate's check runs on the pull request's head, oldest first, after each step. */
  gate: { red: (string | null)[]; green: (string | null)[] };
  preSnapshot: string;
  deployRun: Pick<WorkflowRunView, "event" | "branch" | "status" | "conclusion" | "jobs">;
  rollback: { outputs: Record<string, string>; restored: Record<string, string> };
  request: LifecycleRequest;
  restoreRun: Pick<
    WorkflowRunView,
    "event" | "triggeringActor" | "conclusion" | "reviews" | "jobs"
  >;
  restored: Record<string, string>;
  audit: { ok: boolean; events: number; types: string[] };
  report: string;
  dashboard: string;
}

/** A step that did not do what it should: the demo stops with this message and exits non-zero. */
function check(condition: boolean, step: string, what: string, detail: unknown = ""): void {
  if (condition) return;
  const shown = typeof detail === "string" ? detail : JSON.stringify(detail, null, 2);
  throw new Error(`Step "${step}" misbehaved: ${what}${shown ? `\n${shown}` : ""}`);
}

/** Files under `dir` (relative paths, text), `.git` left out. */
function tree(dir: string, under: string[]): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const full = join(at, entry.name);
      if (entry.isDirectory()) walk(full);
      else files[relative(dir, full)] = readFileSync(full, "utf8");
    }
  };
  for (const top of under) walk(join(dir, top));
  return Object.fromEntries(Object.entries(files).sort(([a], [b]) => a.localeCompare(b)));
}

function write(dir: string, files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
}

function git(cwd: string, ...args: string[]): void {
  const run = spawnSync("git", args, { cwd, encoding: "utf8" });
  if (run.status !== 0) throw new Error(`git ${args.join(" ")} failed: ${run.stderr}`);
}

/** A workflow_dispatch run's `inputs` context: the declared defaults, then what the dispatch gave. */
function dispatchInputs(
  workflowText: string,
  given: Record<string, unknown>,
): Record<string, unknown> {
  const workflow = parse(workflowText) as {
    on?: { workflow_dispatch?: { inputs?: Record<string, { default?: unknown }> } };
  };
  const declared = workflow.on?.workflow_dispatch?.inputs ?? {};
  return {
    ...Object.fromEntries(
      Object.entries(declared).map(([name, spec]) => [name, spec.default ?? ""]),
    ),
    ...given,
  };
}

/**
 * Snapgate's release flow on the local sandbox, with the real app (as the
 * tests start it, over HTTP, signed webhooks) and the bundled actions run as
 * the runner runs them, their inputs read from the documented workflows
 * (docs/examples/deploy.yml, snapgate-restore.yml): the gate is red on a
 * release pull request; the deploy's pre-deploy snapshot turns it green;
 * the deploy fails and its rollback restores that snapshot; a restore is
 * asked for in a comment and approved by two others; the app, as the
 * snapgate-restore environment's protection rule, releases the dispatched
 * job, which restores; workflow_run closes the request; the audit chain
 * verifies and the month's report and the dashboard are written. Each step
 * checks its own outcome and throws when it misbehaves. Shared by
 * `npm run demo -- --github` and test/integration/demo/release-flow.test.ts,
 * so the two cannot drift. Needs the bundled actions in dist/.
 */
export async function runReleaseFlow(options: {
  say: (line: string) => void;
  workDir: string;
  /** Called once the sandbox is set up, before step 1: the test breaks GitHub here (faults) to see a step fail. */
  prepare?: (gh: Sandbox) => void;
}): Promise<ReleaseFlowOutcome> {
  const { say, workDir } = options;
  const outDir = join(workDir, "look-here");
  mkdirSync(outDir, { recursive: true });
  const h = await startAppHarness();
  try {
    return await flow(h, say, workDir, outDir, options.prepare ?? (() => undefined));
  } finally {
    await h.close();
  }
}

async function flow(
  h: AppHarness,
  say: (line: string) => void,
  workDir: string,
  outDir: string,
  prepare: (gh: Sandbox) => void,
): Promise<ReleaseFlowOutcome> {
  const { gh } = h;
  const deployWorkflow = example("deploy.yml");
  const restoreWorkflow = example("snapgate-restore.yml");
  const quiet = async () => {
    for (let round = 0; round < 2; round++) {
      await gh.webhooks.settle();
      await h.server.idle();
    }
  };
  // As actions/create-github-app-token@v3 mints it in the documented workflows: the App's, scoped to the backup repository.
  const backupToken = gh.createInstallationToken(h.installationId, { repositories: [BACKUP_REPO] });
  const cli = (args: string[], cwd: string): Promise<CliRun> =>
    runCli(
      [
        ...args,
        "--store",
        `github://${OWNER}/${BACKUP_REPO}`,
        "--token",
        backupToken,
        "--api-url",
        gh.url,
      ],
      {
        cwd,
        env: { SNAPGATE_CACHE_DIR: join(workDir, ".cache") },
      },
    );

  say(
    `A GitHub sandbox on ${gh.url}: organisation ${OWNER}, its backup repository ${BACKUP_REPO}, the Snapgate App from app.yml, the app server on ${h.server.webhookUrl}`,
  );
  for (const login of ["alice", "bob", "carol"]) gh.createUser({ login });
  const policyText = policyYaml(h.keys, "prod", {
    snapshotWorkflow: false,
    body: '  - { name: k8s, paths: ["k8s/**"] }',
  })
    .replace("tier1: { max_age: 24h }", "tier1: { max_age: 24h, approvals: 2 }")
    .replace(
      "release_branches: [main] }",
      'release_branches: [main], paths: ["deploy/**", "k8s/**"], restore_workflow: snapgate-restore.yml }',
    );
  await gh.createRepo({
    owner: OWNER,
    name: REPO,
    files: {
      ".github/snapgate.yml": policyText,
      ".github/workflows/deploy.yml": deployWorkflow,
      ".github/workflows/snapgate-restore.yml": restoreWorkflow,
      ...BEFORE,
    },
  });
  for (const login of ["alice", "bob", "carol"]) gh.addCollaborator(OWNER, REPO, login, "write");
  const admin = new Octokit({
    baseUrl: gh.url,
    auth: gh.createToken({
      actor: "octo-admin",
      repositories: "all",
      permissions: { administration: "write", actions: "write", environments: "write" },
    }),
    log: { debug() {}, info() {}, warn() {}, error() {} },
  });
  // The environments of docs/setup.md: prod holds the writer key, the other two the identity;
  // snapgate-restore is released only by the App, from main, with no admin bypass.
  const environment = async (name: string, secret: string, value: string, rule: boolean) => {
    const where = { owner: OWNER, repo: REPO, environment_name: name };
    if (rule) {
      await admin.repos.createOrUpdateEnvironment({
        ...where,
        deployment_branch_policy: { protected_branches: false, custom_branch_policies: true },
      });
      await admin.repos.createDeploymentBranchPolicy({ ...where, name: "main", type: "branch" });
      await admin.repos.createDeploymentProtectionRule({ ...where, integration_id: h.app.appId });
      gh.setEnvironmentAdminBypass(OWNER, REPO, name, false);
    } else {
      await admin.repos.createOrUpdateEnvironment(where);
    }
    const key = await admin.actions.getEnvironmentPublicKey(where);
    await admin.actions.createOrUpdateEnvironmentSecret({
      ...where,
      secret_name: secret,
      key_id: key.data.key_id,
      encrypted_value: await sealSecret(key.data.key, value),
    });
  };
  await environment("prod", "SNAPGATE_WRITER_KEY", h.keys.writerText, false);
  await environment("snapgate-rollback", "SNAPGATE_IDENTITY", h.keys.age.identity, false);
  await environment("snapgate-restore", "SNAPGATE_IDENTITY", h.keys.age.identity, true);
  const headSha = await gh.commitFiles(OWNER, REPO, RELEASE, RELEASED, "shop 1.4.0", {
    author: "dev",
  });
  const pull = gh.createPullRequest({
    owner: OWNER,
    repo: REPO,
    head: RELEASE,
    base: "main",
    user: "dev",
  });
  say(
    `${OWNER}/${REPO}: its policy gates prod on main (approvals: 2), docs/examples/deploy.yml and snapgate-restore.yml as its workflows, and environments prod, snapgate-rollback and snapgate-restore (the App is its protection rule)`,
  );
  const gateRuns = async () =>
    (
      await h.reader.checks.listForRef({ owner: OWNER, repo: REPO, ref: headSha, filter: "all" })
    ).data.check_runs
      .filter((run) => run.app?.id === h.app.appId)
      .sort((a, b) => a.id - b.id);

  prepare(gh);
  // Like every test's afterEach: a request or response GitHub's OpenAPI description forbids fails the step.
  const clean = (step: string) => {
    try {
      gh.assertClean();
    } catch (error) {
      check(false, step, "the sandbox saw traffic GitHub would not", (error as Error).message);
    }
  };

  // 1. The gate is red.
  let step = "1. the gate is red on the release pull request";
  say(step);
  const opened = await gh.webhooks.deliver(
    h.app.appId,
    "pull_request",
    await gh.webhooks.payloads.pullRequest({
      owner: OWNER,
      repo: REPO,
      number: pull,
      action: "opened",
    }),
  );
  check(
    opened.status === 200,
    step,
    `the app answered the pull_request webhook with ${opened.status}`,
  );
  const red = await gateRuns();
  check(
    red.length === 1 && red[0]!.conclusion === "failure",
    step,
    "expected one failing check run",
    red,
  );
  say(
    `   pull request #${pull} (${RELEASE} -> main): "${red[0]!.name}" is ${red[0]!.conclusion}: ${red[0]!.output.title}`,
  );
  say("   why: prod has no snapshot yet, so nothing could be rolled back");
  // From here GitHub's own webhooks flow: pushes, deployment protection rules, workflow_run.
  gh.webhooks.sideEffects = true;

  // 2. The pre-deploy snapshot turns it green (inside the deploy run of deploy.yml).
  clean(step);
  step = "2. a pre-deploy snapshot turns the gate green";
  say(step);
  const deployRunId = await gh.runPush({
    owner: OWNER,
    repo: REPO,
    workflow: "deploy.yml",
    branch: RELEASE,
    actor: "dev",
  });
  say(
    `   the push to ${RELEASE} starts run ${deployRunId} of deploy.yml; the runner checks out ${headSha.slice(0, 7)}`,
  );
  const checkout = join(workDir, "runner", "deploy");
  mkdirSync(join(workDir, "runner"), { recursive: true });
  await cloneInto(gh.repoPath(OWNER, REPO), checkout);
  git(checkout, "checkout", "--quiet", RELEASE);
  const deployEnv = workflowEnv({
    apiUrl: gh.url,
    repository: `${OWNER}/${REPO}`,
    runId: deployRunId,
    actor: "dev",
    sha: headSha,
    ref: `refs/heads/${RELEASE}`,
    workflow: "deploy",
    eventName: "push",
  });
  const tokenStep = { token: { outputs: { token: backupToken } } };
  const context = (
    secrets: Readonly<Record<string, string>>,
    extra: Record<string, unknown> = {},
  ) => ({
    steps: tokenStep,
    secrets,
    vars: { CHANGE_ID: "CHG-1042", SNAPGATE_CLIENT_ID: "Iv23-snapgate" },
    github: { ref_name: RELEASE },
    ...extra,
  });
  let preSnapshot = "";
  let green: Awaited<ReturnType<typeof gateRuns>> = [];
  let preDeploy: Record<string, string> = {};
  const deployJob = await runWorkflowJob(gh, {
    runId: deployRunId,
    job: "deploy",
    step: async (secrets) => {
      // The deploy job can write backups, never read them: its environment holds no identity.
      check(
        secretInput(secrets, "SNAPGATE_WRITER_KEY") !== "" &&
          secretInput(secrets, "SNAPGATE_IDENTITY") === "",
        step,
        "the deploy job should get the writer key and not the identity",
        Object.keys(secrets),
      );
      const pre: ActionRun = await runAction(".", {
        cwd: checkout,
        inputs: workflowStepInputs(deployWorkflow, { job: "deploy", id: "pre" }, context(secrets)),
        env: deployEnv,
      });
      check(pre.code === 0, step, "the snapshot action failed", pre.stdout + pre.stderr);
      preSnapshot = pre.outputs["snapshot-id"] ?? "";
      preDeploy = tree(checkout, ["deploy", "k8s"]);
      say(
        `   the snapshot action (environment prod, phase pre) wrote prod@${pre.outputs.seq}: ${pre.outputs.files} files, encrypted, signed with the writer key from the prod environment`,
      );
      // Its push to the backup repository reaches the app, which decides the open gates again.
      await quiet();
      green = await gateRuns();
      check(
        green.map((run) => run.conclusion).join() === "failure,success",
        step,
        "expected the gate to be decided again, green",
        green.map((run) => ({ conclusion: run.conclusion, title: run.output.title })),
      );
      say(
        `   the push to ${BACKUP_REPO} reached the app; it decided again: ${green[1]!.conclusion}: ${green[1]!.output.title}`,
      );

      // 3. The deploy fails (./deploy.sh prod: the new pods never become ready).
      say("3. the deploy fails and rolls back automatically");
      write(checkout, BROKEN);
      say(
        "   ./deploy.sh prod changed replicas and the ingress, then its health check failed: exit 1",
      );
      return { code: 1 };
    },
  });
  clean(step);
  step = "3. the deploy fails and rolls back automatically";
  check(
    deployJob.started && deployJob.code === 1,
    step,
    "the deploy job should have run and failed",
    deployJob,
  );
  check(
    /^[0-9a-f]{64}$/.test(preSnapshot),
    step,
    "the deploy job has no pre-snapshot output",
    preSnapshot,
  );
  // rollback: `if: failure() && needs.deploy.outputs.pre-snapshot != ''` holds, so the runner runs it.
  let rollbackRun: ActionRun | null = null;
  const rollbackJob = await runWorkflowJob(gh, {
    runId: deployRunId,
    job: "rollback",
    step: async (secrets) => {
      rollbackRun = await runAction("restore", {
        cwd: checkout,
        inputs: workflowStepInputs(
          deployWorkflow,
          { job: "rollback", id: "restore" },
          context(secrets, { needs: { deploy: { outputs: { "pre-snapshot": preSnapshot } } } }),
        ),
        env: deployEnv,
      });
      return rollbackRun;
    },
  });
  const rolledBack = rollbackRun as ActionRun | null;
  check(
    rollbackJob.code === 0 && rolledBack !== null,
    step,
    "the rollback job failed",
    rolledBack ? rolledBack.stdout + rolledBack.stderr : rollbackJob,
  );
  const afterRollback = tree(checkout, ["deploy", "k8s"]);
  check(
    JSON.stringify(afterRollback) === JSON.stringify(preDeploy),
    step,
    "the rollback did not restore the pre-deploy files",
    { preDeploy, afterRollback },
  );
  check(
    rolledBack!.outputs.authorization === "same-run",
    step,
    "the rollback was not authorised as this run's own snapshot",
    rolledBack!.outputs,
  );
  await quiet();
  const deployRun = gh.workflowRun(deployRunId);
  check(deployRun.conclusion === "failure", step, "the deploy run should have failed", deployRun);
  say(
    `   the rollback job (environment snapgate-rollback, which holds the identity) restored prod@${rolledBack!.outputs.seq}, the snapshot this same run took (authorization: ${rolledBack!.outputs.authorization}): ${Object.keys(afterRollback).length} files equal to before the deploy`,
  );
  say("   no request was needed: a run may restore only the pre-deploy snapshot it took itself");

  // 4. A restore asked for in a comment, approved by two others.
  clean(step);
  step = "4. someone asks for a restore in a comment, two others approve";
  say(step);
  say(
    "   later, an incident: prod's ingress was changed by hand, and @dev wants prod@1's k8s files back",
  );
  const comments = async () =>
    (
      await h.reader.issues.listComments({
        owner: OWNER,
        repo: REPO,
        issue_number: pull,
        per_page: 100,
      })
    ).data;
  const replyTo = async (commentId: number) => {
    const found = (await comments()).filter((c) =>
      c.body?.includes(`<!-- snapgate:reply-to ${commentId} -->`),
    );
    check(
      found.length === 1,
      step,
      `expected one reply of the app to comment ${commentId}`,
      found.map((c) => c.body),
    );
    return found[0]!.body ?? "";
  };
  const comment = async (body: string, user: string) => {
    const commentId = gh.addIssueComment({ owner: OWNER, repo: REPO, number: pull, user, body });
    const delivery = await gh.webhooks.deliver(
      h.app.appId,
      "issue_comment",
      await gh.webhooks.payloads.issueComment({ commentId, action: "created" }),
    );
    check(
      [200, 202].includes(delivery.status),
      step,
      `the app answered ${body} with ${delivery.status}`,
    );
    await quiet();
    say(`   @${user}: ${body}`);
    return commentId;
  };
  const stateOf = async (asked: number) => {
    const state = readRequestState(await replyTo(asked), requestStateMacKey(h.keys.app));
    check(state !== null, step, "the app's status comment holds no request");
    return state!;
  };
  const asked = await comment(
    `/snapgate restore prod@1 --paths 'k8s/**' --reason "INC-77: the ingress was edited by hand"`,
    "dev",
  );
  const pending = await stateOf(asked);
  check(
    pending.state === "pending" && pending.quorum.required === 2,
    step,
    "expected a pending request needing 2 approvals",
    pending,
  );
  say(
    `   the app opened request ${pending.id} (bound to prod@1, k8s/**, the policy's digest); it needs 2 approvals from others than @dev`,
  );
  await comment(`/snapgate approve ${pending.id}`, "alice");
  check(gh.workflowRuns(OWNER, REPO).length === 1, step, "nothing may run after one approval");
  await comment(`/snapgate approve ${pending.id}`, "bob");

  // 5. The protection rule releases the restore job, which runs; workflow_run closes the request.
  clean(step);
  step = "5. the protection rule releases the restore job, which runs";
  say(step);
  const restoreRunView = gh
    .workflowRuns(OWNER, REPO)
    .find((run) => run.workflow === ".github/workflows/snapgate-restore.yml");
  check(
    restoreRunView !== undefined,
    step,
    "the app dispatched no restore workflow",
    gh.workflowRuns(OWNER, REPO),
  );
  const restoreRunId = restoreRunView!.id;
  const dispatched = await stateOf(asked);
  check(
    dispatched.state === "dispatched" && dispatched.run?.id === restoreRunId,
    step,
    "the request does not name its run",
    dispatched,
  );
  const released = gh.workflowRun(restoreRunId).reviews;
  check(
    released.length === 1 &&
      released[0]!.environment === "snapgate-restore" &&
      released[0]!.state === "approved",
    step,
    "the App did not release the snapgate-restore job",
    released,
  );
  say(
    `   the app dispatched run ${restoreRunId} of snapgate-restore.yml (request-id ${pending.id}); GitHub held its job for the environment's rule; the app approved this run only`,
  );
  const restoreCheckout = join(workDir, "runner", "restore");
  await cloneInto(gh.repoPath(OWNER, REPO), restoreCheckout);
  let restoreRun: ActionRun | null = null;
  const restoreJob = await runWorkflowJob(gh, {
    runId: restoreRunId,
    job: "restore",
    step: async (secrets) => {
      check(
        secretInput(secrets, "SNAPGATE_IDENTITY") !== "",
        step,
        "the released job got no identity",
      );
      restoreRun = await runAction("restore", {
        cwd: restoreCheckout,
        inputs: workflowStepInputs(
          restoreWorkflow,
          { job: "restore", id: "restore" },
          context(secrets, { inputs: dispatchInputs(restoreWorkflow, restoreRunView!.inputs) }),
        ),
        env: workflowEnv({
          apiUrl: gh.url,
          repository: `${OWNER}/${REPO}`,
          runId: restoreRunId,
          actor: "snapgate[bot]",
          ref: "refs/heads/main",
          workflow: "snapgate restore",
          eventName: "workflow_dispatch",
        }),
      });
      return restoreRun;
    },
  });
  const restoredBy = restoreRun as ActionRun | null;
  check(
    restoreJob.code === 0 && restoredBy !== null,
    step,
    "the restore job failed",
    restoredBy ? restoredBy.stdout + restoredBy.stderr : restoreJob,
  );
  const restored = tree(join(restoreCheckout, "restored"), ["k8s"]);
  check(
    JSON.stringify(restored) ===
      JSON.stringify({ "k8s/ingress.yaml": preDeploy["k8s/ingress.yaml"] }),
    step,
    "the restored files differ from prod@1's k8s files",
    restored,
  );
  await quiet();
  const closed = await stateOf(asked);
  check(
    closed.state === "executed" && closed.run?.conclusion === "success",
    step,
    "workflow_run did not close the request",
    closed,
  );
  say(
    `   the restore action re-checked the signed request, decrypted with the environment's identity and wrote restored/k8s/ingress.yaml, equal to prod@1's`,
  );
  say(`   the run finished; its workflow_run webhook closed request ${closed.id}: ${closed.state}`);

  // 6. Audit, report, dashboard.
  clean(step);
  step = "6. the audit chain verifies; the month's report and the dashboard are written";
  say(step);
  const verified = await cli(["audit", "verify", "--json"], restoreCheckout);
  const verdict = (verified.code === 0 ? verified.json() : {}) as { ok?: boolean; events?: number };
  check(
    verified.code === 0 && verdict.ok === true,
    step,
    "snapgate audit verify did not pass",
    verified.stdout + verified.stderr,
  );
  const auditLog = join(outDir, "audit.jsonl");
  const exported = await cli(
    [
      "audit",
      "export",
      "--since",
      new Date(Date.now() - 86_400_000).toISOString().slice(0, 10),
      "--output",
      auditLog,
    ],
    restoreCheckout,
  );
  check(exported.code === 0, step, "snapgate audit export failed", exported.stderr);
  const types = readFileSync(auditLog, "utf8")
    .trim()
    .split("\n")
    .map((line) => (JSON.parse(line) as { type: string }).type);
  say(
    `   snapgate audit verify: ${verdict.events} events, hash chain intact; exported to audit.jsonl (${[...new Set(types)].join(", ")})`,
  );
  const month = new Date().toISOString().slice(0, 7);
  const report = join(outDir, "report.html");
  const reported = await cli(
    ["report", "--month", month, "--format", "html", "--out", report],
    restoreCheckout,
  );
  check(reported.code === 0, step, "snapgate report failed", reported.stderr);
  const dashboard = join(outDir, "dashboard.html");
  const drawn = await cli(["dashboard", "--out", dashboard], restoreCheckout);
  check(drawn.code === 0, step, "snapgate dashboard failed", drawn.stderr);
  say(
    `   snapgate report --month ${month} wrote report.html; snapgate dashboard wrote dashboard.html`,
  );
  const clone = join(outDir, BACKUP_REPO);
  await cloneInto(gh.repoPath(OWNER, BACKUP_REPO), clone);
  say(
    `   a git clone of the backup repository is in ${BACKUP_REPO}/ (ciphertext, signed manifests, requests/, audit/)`,
  );

  clean(step);
  const restoreRunAfter = gh.workflowRun(restoreRunId);
  return {
    outDir,
    files: { clone, auditLog, report, dashboard },
    gate: { red: red.map((run) => run.conclusion), green: green.map((run) => run.conclusion) },
    preSnapshot,
    deployRun: {
      event: deployRun.event,
      branch: deployRun.branch,
      status: deployRun.status,
      conclusion: deployRun.conclusion,
      jobs: deployRun.jobs,
    },
    rollback: { outputs: rolledBack!.outputs, restored: afterRollback },
    request: closed,
    restoreRun: {
      event: restoreRunAfter.event,
      triggeringActor: restoreRunAfter.triggeringActor,
      conclusion: restoreRunAfter.conclusion,
      reviews: restoreRunAfter.reviews,
      jobs: restoreRunAfter.jobs,
    },
    restored,
    audit: { ok: verdict.ok === true, events: verdict.events ?? 0, types },
    report: readFileSync(report, "utf8"),
    dashboard: readFileSync(dashboard, "utf8"),
  };
}
