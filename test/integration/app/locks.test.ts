import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import { readRequestState } from "../../../core/approvals/read-request-state.js";
import {
  environmentLockPath,
  openEnvironmentLock,
  sealEnvironmentLock,
} from "../../../core/approvals/environment-lock-record.js";
import { parseAppKey, requestStateMacKey } from "../../../core/crypto/app-key.js";
import { generateAppKeyText } from "../../../core/crypto/app-key.js";
import { loadSodium } from "../../../core/crypto/sodium.js";
import {
  BACKUP_REPO,
  createScenario,
  OWNER,
  policyYaml,
  startAppHarness,
  type AppHarness,
  type Scenario,
} from "../../helpers/app-harness.js";
import { tempDir } from "../../helpers/temp-dir.js";

/**
 * `/snapgate lock|unlock|status|show|diff` through the real app, over HTTP,
 * with signed webhooks, against the sandbox: a lock is an app-signed record
 * in the backup repository; while it holds, restores are refused, approvals
 * do not move a request on, the environment's gate check run fails and its
 * deployment protection rule rejects; unlock lifts all of it. A lock record
 * the app did not sign is a clear error, never "unlocked".
 */
let h: AppHarness;
let lk: Scenario;
let forged: Scenario;
const work = tempDir("snapgate-app-locks-");

beforeAll(async () => {
  h = await startAppHarness();
  h.gh.createUser({ login: "outsider" });
  h.gh.createUser({ login: "alice" });
  // Scheduled runs of nightly.yml may use the restore environment while nothing is locked (ADR 0607).
  lk = await createScenario(
    h,
    work,
    "lk",
    `${policyYaml(h.keys, "lk")}\nrestore_environment: { scheduled_workflows: [nightly.yml] }\n`,
  );
  h.gh.addCollaborator(OWNER, lk.repo, "outsider", "read");
  h.gh.addCollaborator(OWNER, lk.repo, "alice", "write");
  await lk.snapshot({
    "deploy/app.yaml": "replicas: 1\n",
    "deploy/`odd`\u202ename.yaml": "x: 1\n",
  });
  await lk.snapshot({
    "deploy/app.yaml": "replicas: 2\n",
    "deploy/`odd`\u202ename.yaml": "x: 1\n",
  });
  forged = await createScenario(h, work, "fg");
  await forged.snapshot({ "deploy/app.yaml": "replicas: 1\n" });
});
afterEach(() => h.gh.assertClean());
afterAll(() => h.close());

async function command(body: string, user = "dev", on: Scenario = lk): Promise<number> {
  const commentId = h.gh.addIssueComment({
    owner: OWNER,
    repo: on.repo,
    number: on.pull.number,
    user,
    body,
  });
  const delivery = await h.gh.webhooks.deliver(
    h.app.appId,
    "issue_comment",
    await h.gh.webhooks.payloads.issueComment({ commentId, action: "created" }),
  );
  expect(delivery.status).toBe(200);
  return commentId;
}

/** The one reply to a command and the reactions on it. */
async function ask(
  body: string,
  user = "dev",
  on: Scenario = lk,
): Promise<{ id: number; reply: string; reactions: Record<string, number> }> {
  const id = await command(body, user, on);
  const comments = (
    await h.reader.issues.listComments({
      owner: OWNER,
      repo: on.repo,
      issue_number: on.pull.number,
      per_page: 100,
    })
  ).data;
  const replies = comments.filter((comment) =>
    comment.body?.includes(`<!-- snapgate:reply-to ${id} -->`),
  );
  expect(replies).toHaveLength(1);
  const counts = (comments.find((comment) => comment.id === id)?.reactions ??
    {}) as unknown as Record<string, number>;
  return {
    id,
    reply: replies[0]!.body ?? "",
    reactions: Object.fromEntries(["eyes", "+1", "-1"].map((name) => [name, counts[name] ?? 0])),
  };
}

const lockRecords = (environment: string) => h.store.listRecords(`locks/${environment}/`);
const auditEvents = async () =>
  (await h.store.readAuditLines()).map(
    (line) => JSON.parse(line) as { type: string; actor?: { login?: string }; details?: unknown },
  );

/** The backup repository's head commit. */
async function backupHead(): Promise<string> {
  return (await h.reader.git.getRef({ owner: OWNER, repo: BACKUP_REPO, ref: "heads/main" })).data
    .object.sha;
}

/**
 * The push webhook GitHub sends when the app writes to the backup repository
 * (the sandbox sends none by itself here): the app re-evaluates the gates of
 * the environments whose store paths moved.
 */
async function backupPushed(before: string): Promise<void> {
  const delivery = await h.gh.webhooks.deliver(
    h.app.appId,
    "push",
    await h.gh.webhooks.payloads.push({
      owner: OWNER,
      repo: BACKUP_REPO,
      ref: "refs/heads/main",
      before,
      after: await backupHead(),
    }),
  );
  expect(delivery.status).toBe(200);
}

/** The newest gate check run on the scenario's pull request head. */
async function latestRun(on: Scenario) {
  const runs = (
    await h.reader.checks.listForRef({
      owner: OWNER,
      repo: on.repo,
      ref: on.pull.headSha,
      filter: "latest",
    })
  ).data.check_runs;
  expect(runs).toHaveLength(1);
  return runs[0]!;
}

/** A new pull_request delivery for the scenario's head: the gate check run it posts. */
async function gateRun(on: Scenario) {
  const delivery = await h.gh.webhooks.deliver(
    h.app.appId,
    "pull_request",
    await h.gh.webhooks.payloads.pullRequest({
      owner: OWNER,
      repo: on.repo,
      number: on.pull.number,
      action: "synchronize",
    }),
  );
  expect(delivery.status).toBe(200);
  return latestRun(on);
}

async function protectionReview(
  on: Scenario,
  environment: string,
  run: { event?: string; workflow?: string } = {},
) {
  const runId = await h.gh.createWaitingRun({
    owner: OWNER,
    repo: on.repo,
    branch: "main",
    environment,
    appId: h.app.appId,
    ...run,
  });
  await h.gh.webhooks.deliver(
    h.app.appId,
    "deployment_protection_rule",
    await h.gh.webhooks.payloads.deploymentProtectionRule({ runId }),
  );
  const [review] = h.gh.workflowRun(runId).reviews;
  return review!;
}

describe("/snapgate lock and unlock", () => {
  it("refuses someone who is not an eligible approver with 👎, audits it, and writes no lock", async () => {
    const { reply, reactions } = await ask(`/snapgate lock --env lk --reason "mine"`, "outsider");
    expect(reactions).toEqual({ eyes: 1, "+1": 0, "-1": 1 });
    expect(reply).toContain(
      "**Not run:** Not locked: @outsider has read access to this repository; approvers need write access or more",
    );
    expect(await lockRecords("lk")).toEqual([]);
    const [last] = (await auditEvents()).slice(-1);
    expect(last).toMatchObject({
      type: "environment.lock-refused",
      actor: { login: "outsider" },
      details: { command: "lock", refusal: "not-eligible" },
    });
  });

  it("a lock blocks restores and approvals, fails the gate and the protection rule; unlock lifts it", async () => {
    // A request asked for before the lock...
    const asked = await ask(`/snapgate restore lk@1 --reason "INC-1 rollback"`);
    const request = readRequestState(asked.reply, requestStateMacKey(h.keys.app))!;
    expect(request.state).toBe("pending");
    expect((await gateRun(lk)).conclusion).toBe("success");

    let before = await backupHead();
    const locked = await ask(`/snapgate lock --env lk --reason "INC-9 change freeze"`);
    expect(locked.reactions).toEqual({ eyes: 1, "+1": 1, "-1": 0 });
    expect(locked.reply).toContain("🔒 lk is locked by @dev: INC-9 change freeze.");
    // An app-signed record in the backup repository, and an audit event.
    expect(await lockRecords("lk")).toEqual([environmentLockPath("lk", 1)]);
    const sodium = await loadSodium();
    const record = openEnvironmentLock(
      sodium,
      (await h.store.readRecord(environmentLockPath("lk", 1)))!,
      { environment: "lk", revision: 1 },
      [h.keys.appVerifyKey],
    );
    expect(record.lock).toMatchObject({ by: { login: "dev" }, reason: "INC-9 change freeze" });
    expect((await auditEvents()).slice(-1)[0]).toMatchObject({
      type: "environment.locked",
      actor: { login: "dev" },
    });
    // A redelivery of the lock's webhook writes nothing more and replies nothing more.
    const [delivery] = h.gh.webhooks.deliveries.slice(-1);
    await h.gh.webhooks.redeliver(delivery!.id);
    expect(await lockRecords("lk")).toHaveLength(1);
    // A second lock changes nothing and says who holds it.
    const again = await ask(`/snapgate lock --env lk --reason "me too"`, "alice");
    expect(again.reply).toContain("lk is already locked by @dev");
    expect(await lockRecords("lk")).toHaveLength(1);

    // status shows the holder and the reason, and the open request.
    const status = await ask("/snapgate status --env lk");
    expect(status.reply).toContain("🔒 **lk** is locked by @dev since");
    expect(status.reply).toContain(": `INC-9 change freeze`.");
    expect(status.reply).toContain(`- \`${request.id}\`: restore of **lk**, pending, 0 of 1`);
    const one = await ask(`/snapgate status ${request.id}`);
    expect(one.reply).toContain(`**Request \`${request.id}\`** (restore of **lk**): pending`);
    expect(one.reply).toContain("locked by @dev");

    // ...is not approved while the lock holds, and no new one is created.
    const approval = await ask(`/snapgate approve ${request.id}`, "alice");
    expect(approval.reactions["-1"]).toBe(1);
    expect(approval.reply).toContain("lk is locked by @dev");
    expect((await h.store.listRecords(`requests/${request.id}/`)).length).toBe(1);
    const requests = await h.store.listRecords("requests/");
    const refused = await ask(`/snapgate restore lk@2 --reason "INC-2"`);
    expect(refused.reply).toContain("**Not run:**");
    expect(refused.reply).toContain("lk is locked by @dev");
    expect(await h.store.listRecords("requests/")).toEqual(requests);

    // The lock's push re-evaluates the open gate, which passed: its new check run fails with the
    // holder and the reason. The protection rule rejects.
    await backupPushed(before);
    const run = await latestRun(lk);
    expect(run.conclusion).toBe("failure");
    expect(run.output.title).toBe("1 of 9 conditions do not pass: lock.");
    expect(run.output.summary).toContain("| lock | ❌ fail | lk is locked by @dev since");
    expect(run.output.summary).toContain(": INC-9 change freeze.");
    // A new snapshot would not help: no "Snapshot now" button.
    expect(h.gh.checkRunActions(run.id)).toEqual([]);
    const review = await protectionReview(lk, "lk");
    expect(review).toMatchObject({ environment: "lk", state: "rejected" });
    expect(review.comment).toContain("lock");
    // A listed workflow's scheduled run gets no restore identity while an environment is locked.
    const scheduled = { event: "schedule", workflow: "nightly.yml" };
    const held = await protectionReview(lk, "snapgate-restore", scheduled);
    expect(held).toMatchObject({ environment: "snapgate-restore", state: "rejected" });
    expect(held.comment).toContain(
      "lk is locked by @dev (INC-9 change freeze): scheduled runs get the restore identity only while no environment is locked",
    );

    // Unlock: the gate passes again, the approval counts, restores may be asked for.
    before = await backupHead();
    const unlocked = await ask("/snapgate unlock --env lk", "alice");
    expect(unlocked.reply).toContain("🔓 lk is unlocked by @alice (it was locked by @dev since");
    expect(await lockRecords("lk")).toEqual([
      environmentLockPath("lk", 1),
      environmentLockPath("lk", 2),
    ]);
    expect((await auditEvents()).slice(-1)[0]).toMatchObject({ type: "environment.unlocked" });
    await backupPushed(before);
    expect((await latestRun(lk)).conclusion).toBe("success");
    expect((await protectionReview(lk, "lk")).state).toBe("approved");
    const released = await protectionReview(lk, "snapgate-restore", scheduled);
    expect(released).toMatchObject({ environment: "snapgate-restore", state: "approved" });
    expect(released.comment).toContain("(rule: scheduled workflow)");
    expect((await ask("/snapgate status --env lk")).reply).toContain("**lk** is not locked.");
    const approved = await ask(`/snapgate approve ${request.id}`, "alice");
    expect(approved.reply).toContain(`Request ${request.id} is approved`);
    const twice = await ask("/snapgate unlock --env lk");
    expect(twice.reply).toContain("lk is not locked.");
  });

  it("a lock record the app did not sign is a clear error, never 'unlocked'", async () => {
    const sodium = await loadSodium();
    const stranger = parseAppKey(generateAppKeyText(), "a stranger's key");
    // Someone who can push to the backup repository forges an "unlocked" revision.
    await h.store.writeRecords([
      sealEnvironmentLock(
        sodium,
        {
          environment: "fg",
          revision: 1,
          lock: null,
          by: { id: 1, login: "mallory" },
          at: new Date().toISOString(),
        },
        stranger,
      ),
    ]);
    const status = await ask("/snapgate status --env fg", "dev", forged);
    expect(status.reply).toContain(
      "**`status` failed:** The lock record of fg (locks/fg/0001.json) cannot be trusted: it is signed by a key that is not an app key of the policy (keys.app).",
    );
    expect(status.reply).toContain("Check who pushed it (git log)");
    const restore = await ask(`/snapgate restore fg@1 --reason "now"`, "dev", forged);
    expect(restore.reply).toContain("**`restore` failed:** The lock record of fg");
    expect(restore.reactions["-1"]).toBe(1);
    const lock = await ask(`/snapgate lock --env fg --reason "x"`, "dev", forged);
    expect(lock.reply).toContain("**`lock` failed:** The lock record of fg");
    expect(await lockRecords("fg")).toHaveLength(1);
    const run = await gateRun(forged);
    expect(run.conclusion).toBe("failure");
    expect(run.output.summary).toContain("| lock | ⚠️ unknown | The lock of fg cannot be read:");
    expect((await protectionReview(forged, "fg")).state).toBe("rejected");
  });

  it("environment names are validated by the grammar before anything is read", async () => {
    h.gh.resetLog();
    const hostile = await ask(`/snapgate lock --env 'lk;rm -rf /' --reason "x"`);
    expect(hostile.reply).toContain("is not an environment name");
    const traversal = await ask("/snapgate unlock --env ../lk");
    expect(traversal.reply).toContain("is not an environment name");
    const unknown = await ask(`/snapgate lock --env nope --reason "x"`);
    expect(unknown.reply).toContain("The policy has no environment 'nope'.");
    expect(await lockRecords("lk")).toHaveLength(2);
  });
});

describe("/snapgate show and diff", () => {
  it("show: metadata and paths, escaped, without decrypting; diff: what changed", async () => {
    const show = await ask("/snapgate show lk@2");
    expect(show.reply).toContain("**Snapshot `lk@2`**");
    expect(show.reply).toContain("- `deploy/app.yaml` (");
    // A path with backticks and a bidi override stays one code span and shows the override.
    expect(show.reply).toContain("- ``deploy/`odd`\\u202ename.yaml`` (");
    expect(show.reply).not.toContain("\u202e");
    expect(show.reply).not.toContain("replicas");
    const latest = await ask("/snapgate show latest --env lk");
    expect(latest.reply).toContain("**Snapshot `lk@2`**");

    const diff = await ask("/snapgate diff lk@1 lk@2");
    expect(diff.reply).toContain("**Diff** `lk@1`");
    expect(diff.reply).toContain("0 added, 0 removed, 1 changed, 1 unchanged");
    expect(diff.reply).toContain("- changed `deploy/app.yaml` (content)");
    const previous = await ask("/snapgate diff lk@2");
    expect(previous.reply).toContain("- changed `deploy/app.yaml` (content)");
    const across = await ask("/snapgate diff lk@1 fg@1");
    expect(across.reply).toContain("fg@1 is a snapshot of fg, but --env says lk.");
  });

  it("need write access, like list", async () => {
    for (const body of ["/snapgate show lk@1", "/snapgate diff lk@1 lk@2", "/snapgate status"]) {
      const { reply } = await ask(body, "outsider");
      expect(reply).toContain(
        "needs write access to this repository, which @outsider does not have.",
      );
    }
  });
});
