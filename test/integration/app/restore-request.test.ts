import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import { readRequestState } from "../../../core/approvals/read-request-state.js";
import {
  openRequestState,
  requestStatePath,
} from "../../../core/approvals/request-state-record.js";
import { requestStateMacKey } from "../../../core/crypto/app-key.js";
import { loadSodium } from "../../../core/crypto/sodium.js";
import { resolveSnapshot } from "../../../core/snapshot/resolve-snapshot.js";
import {
  createScenario,
  OWNER,
  policyYaml,
  startAppHarness,
  type AppHarness,
  type Scenario,
} from "../../helpers/app-harness.js";
import { tempDir } from "../../helpers/temp-dir.js";

/**
 * `/snapgate restore` through the real app: a request is created from live
 * facts, its first state revision is written to the backup repository signed
 * with the app key, the creation is audited, and the answer is one status
 * comment; whoever may not ask gets 👎 and why, and nothing is written.
 */
let h: AppHarness;
let scenario: Scenario;
/** A repository whose requests need two approvals. */
let twoOf: Scenario;
const work = tempDir("snapgate-app-restore-request-");

beforeAll(async () => {
  h = await startAppHarness();
  h.gh.createUser({ login: "outsider" });
  scenario = await createScenario(h, work, "rq");
  h.gh.addCollaborator(OWNER, scenario.repo, "outsider", "read");
  await scenario.snapshot({ "deploy/app.yaml": "replicas: 1\n", "docs/notes.md": "a\n" });
  await scenario.snapshot({ "deploy/app.yaml": "replicas: 2\n", "docs/notes.md": "a\n" });
  for (const login of ["alice", "bob"]) h.gh.createUser({ login });
  twoOf = await createScenario(
    h,
    work,
    "ap",
    policyYaml(h.keys, "ap").replace(
      "tier1: { max_age: 24h }",
      "tier1: { max_age: 24h, approvals: 2 }",
    ),
  );
  h.gh.addCollaborator(OWNER, twoOf.repo, "outsider", "read");
  h.gh.addCollaborator(OWNER, twoOf.repo, "alice", "write");
  h.gh.addCollaborator(OWNER, twoOf.repo, "bob", "maintain");
  await twoOf.snapshot({ "deploy/app.yaml": "replicas: 1\n" });
  await twoOf.snapshot({ "deploy/app.yaml": "replicas: 3\n" });
});
afterEach(() => h.gh.assertClean());
afterAll(() => h.close());

async function command(body: string, user = "dev", on: Scenario = scenario): Promise<number> {
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

async function answersTo(
  commentId: number,
  on: Scenario = scenario,
): Promise<{ replies: string[]; reactions: Record<string, number> }> {
  const comments = (
    await h.reader.issues.listComments({
      owner: OWNER,
      repo: on.repo,
      issue_number: on.pull.number,
      per_page: 100,
    })
  ).data;
  const replies = comments
    .filter((comment) => comment.body?.includes(`<!-- snapgate:reply-to ${commentId} -->`))
    .map((comment) => comment.body ?? "");
  const own = comments.find((comment) => comment.id === commentId);
  const counts = (own?.reactions ?? {}) as unknown as Record<string, number>;
  return {
    replies,
    reactions: Object.fromEntries(["eyes", "+1", "-1"].map((name) => [name, counts[name] ?? 0])),
  };
}

const requestRecords = () => h.store.listRecords("requests/");
const auditTypes = async () =>
  (await h.store.readAuditLines()).map((line) => (JSON.parse(line) as { type: string }).type);

describe("/snapgate restore", () => {
  it("creates a request: one status comment, a signed first revision and an audit event", async () => {
    const wanted = await resolveSnapshot(h.store, "rq@1");
    const id = await command(
      `/snapgate restore rq@1 --paths 'deploy/**' --reason "INC-3321 bad ingress"`,
    );
    const { replies, reactions } = await answersTo(id);
    expect(replies).toHaveLength(1);
    expect(reactions).toEqual({ eyes: 1, "+1": 1, "-1": 0 });
    const reply = replies[0]!;
    expect(reply).toContain(
      "**What would change (against rq@2, the newest snapshot):** 0 to create, 1 to update, 0 to delete, 0 kept as extra, 0 unchanged: `deploy/app.yaml` (update)",
    );
    expect(reply).toContain("- **Asked by:** @dev: INC-3321 bad ingress");

    const state = readRequestState(reply, requestStateMacKey(h.keys.app));
    expect(state).toMatchObject({
      action: "restore",
      state: "pending",
      requester: { login: "dev" },
      reason: "INC-3321 bad ingress",
      commentId: id,
      subject: { environment: "rq", snapshots: [wanted.id], paths: ["deploy/**"] },
    });
    expect(reply).toContain(`Snapgate restore request \`${state!.id}\`: pending`);

    // The backup repository holds the truth: the same state, signed by the app key.
    const bytes = await h.store.readRecord(requestStatePath(state!.id, 1));
    const sodium = await loadSodium();
    expect(
      openRequestState(sodium, bytes!, { id: state!.id, revision: 1 }, [h.keys.appVerifyKey]),
    ).toEqual(state);
    const [last] = (await h.store.readAuditLines()).slice(-1);
    expect(JSON.parse(last!)).toMatchObject({
      type: "request.created",
      actor: { kind: "user", login: "dev" },
      subject: { request: state!.id, environment: "rq" },
      requestDigest: state!.digest,
    });

    // A redelivery creates nothing more and replies nothing more.
    const records = await requestRecords();
    const events = (await h.store.readAuditLines()).length;
    const [delivery] = h.gh.webhooks.deliveries.slice(-1);
    await h.gh.webhooks.redeliver(delivery!.id);
    expect(await requestRecords()).toEqual(records);
    expect((await h.store.readAuditLines()).length).toBe(events);
    expect((await answersTo(id)).replies).toHaveLength(1);
  });

  it("refuses people without write access with 👎 and why, and writes nothing", async () => {
    const records = await requestRecords();
    const types = await auditTypes();
    h.gh.resetLog();
    const id = await command(`/snapgate restore rq@1 --reason "let me"`, "outsider");
    const { replies, reactions } = await answersTo(id);
    expect(reactions).toEqual({ eyes: 1, "+1": 0, "-1": 1 });
    expect(replies[0]).toContain(
      "**Not run:** No request created: @outsider has read access to this repository; restorers need write access or more.",
    );
    expect(await requestRecords()).toEqual(records);
    expect(await auditTypes()).toEqual(types);
  });

  it("says what is wrong with the snapshot, and a dry run asks for nothing", async () => {
    const records = await requestRecords();
    const missing = await command(`/snapgate restore rq@9 --reason "INC-1"`);
    const answer = await answersTo(missing);
    expect(answer.replies[0]).toContain("**`restore` failed:** There is no snapshot rq@9");
    expect(answer.reactions["-1"]).toBe(1);
    const dry = await command(`/snapgate restore rq@1 --dry-run`);
    expect((await answersTo(dry)).replies[0]).toContain(
      "**Not run:** A dry run asks for nothing; no request was created.",
    );
    expect(await requestRecords()).toEqual(records);
  });
});

describe("/snapgate approve, deny and cancel", () => {
  const on = () => twoOf;
  const ask = async (body: string, user = "dev") => {
    const id = await command(body, user, on());
    return { id, ...(await answersTo(id, on())) };
  };
  /** The request's newest signed revision in the backup repository. */
  const revisions = async (request: string) =>
    (await h.store.listRecords(`requests/${request}/`)).map((path) => path.split("/").pop());
  const statusOf = async (askingComment: number) => {
    const [body] = (await answersTo(askingComment, on())).replies;
    return { body: body!, state: readRequestState(body!, requestStateMacKey(h.keys.app))! };
  };

  it("counts two eligible approvers other than the asker, edits the status comment and records each revision", async () => {
    const asked = await ask(`/snapgate restore ap@1 --reason "INC-3321 bad ingress"`);
    const { state: created } = await statusOf(asked.id);
    expect(created.quorum.required).toBe(2);
    const request = created.id;

    const self = await ask(`/snapgate approve ${request}`);
    expect(self.reactions["-1"]).toBe(1);
    expect(self.replies[0]).toContain(
      `**Not run:** Not recorded: you asked for request ${request}`,
    );
    const reader = await ask(`/snapgate approve ${request}`, "outsider");
    expect(reader.replies[0]).toContain("@outsider has read access to this repository");
    expect(await revisions(request)).toEqual(["state-0001.json"]);
    const refusals = (await h.store.readAuditLines())
      .map((line) => JSON.parse(line) as { type: string; details?: { refusal?: string } })
      .filter((event) => event.type === "request.refused")
      .map((event) => event.details?.refusal);
    expect(refusals.slice(-2)).toEqual(["self-approval", "not-eligible"]);

    const first = await ask(`/snapgate approve ${request}`, "alice");
    expect(first.reactions).toEqual({ eyes: 1, "+1": 1, "-1": 0 });
    expect(first.replies[0]).toContain("Approval by @alice recorded: 1 of 2.");
    const afterOne = await statusOf(asked.id);
    expect(afterOne.body).toContain("- **Approvals:** 1 of 2 (tier tier1): @alice");
    expect(afterOne.state.approvals.map((a) => a.user.login)).toEqual(["alice"]);
    const again = await ask(`/snapgate approve ${request}`, "alice");
    expect(again.replies[0]).toContain("@alice already approved");

    const second = await ask(`/snapgate approve ${request}`, "bob");
    // The quorum dispatches at once; this repository has no restore workflow, so the request fails, and says why.
    expect(second.replies[0]).toContain(`Request ${request} is approved (2 of 2).`);
    expect(second.replies[0]).toContain(
      `Request ${request} was approved but did not run: dispatching snapgate-restore.yml on main failed: GitHub answered 404`,
    );
    expect(second.replies[0]).toContain(
      "Add .github/workflows/snapgate-restore.yml (docs/examples/snapgate-restore.yml) to the default branch",
    );
    const done = await statusOf(asked.id);
    expect(done.state.state).toBe("failed");
    expect(done.state.approvals.map((a) => a.user.login)).toEqual(["alice", "bob"]);
    expect(await revisions(request)).toEqual([
      "execution.json",
      "state-0001.json",
      "state-0002.json",
      "state-0003.json",
      "state-0004.json",
    ]);
    const sodium = await loadSodium();
    const newest = await h.store.readRecord(requestStatePath(request, 4));
    expect(
      openRequestState(sodium, newest!, { id: request, revision: 4 }, [h.keys.appVerifyKey]),
    ).toEqual(done.state);
    // The decided record was written for the run, and burnt (execution.json) when no run started.
    expect(await h.store.readRecord(`requests/${request}.json`)).not.toBeNull();
  });

  it("one eligible deny closes a request; only the asker cancels", async () => {
    const denied = await ask(`/snapgate restore ap@2 --reason "try"`);
    const { state: one } = await statusOf(denied.id);
    const deny = await ask(`/snapgate deny ${one.id} --reason "not during the freeze"`, "bob");
    expect(deny.replies[0]).toContain(
      `Request ${one.id} is denied by @bob: not during the freeze.`,
    );
    expect((await statusOf(denied.id)).state.state).toBe("denied");
    const late = await ask(`/snapgate approve ${one.id}`, "alice");
    expect(late.replies[0]).toContain(`Request ${one.id} is denied`);

    const cancelled = await ask(`/snapgate restore ap@1 --reason "again"`);
    const { state: two } = await statusOf(cancelled.id);
    const notYours = await ask(`/snapgate cancel ${two.id}`, "alice");
    expect(notYours.replies[0]).toContain(`Only @dev, who asked, can cancel request ${two.id}`);
    const mine = await ask(`/snapgate cancel ${two.id}`);
    expect(mine.replies[0]).toContain(`Request ${two.id} is cancelled.`);
    expect((await statusOf(cancelled.id)).state.state).toBe("cancelled");
    const types = (await h.store.readAuditLines()).map(
      (line) => (JSON.parse(line) as { type: string }).type,
    );
    expect(types).toEqual(expect.arrayContaining(["request.denied", "request.cancelled"]));

    const unknown = await ask("/snapgate approve r-abcdefgh2345", "alice");
    expect(unknown.replies[0]).toContain("There is no request r-abcdefgh2345 here.");
  });
});

describe("editing or deleting a command comment revokes what it did", () => {
  const on = () => twoOf;
  const ask = async (body: string, user = "dev") => {
    const id = await command(body, user, on());
    return { id, ...(await answersTo(id, on())) };
  };
  const statusOf = async (askingComment: number) => {
    const [body] = (await answersTo(askingComment, on())).replies;
    return readRequestState(body!, requestStateMacKey(h.keys.app))!;
  };
  const change = async (commentId: number, kind: "edited" | "deleted", sender?: string) => {
    const previousBody =
      kind === "edited" ? h.gh.editIssueComment(commentId, "never mind") : undefined;
    if (kind === "deleted") h.gh.deleteIssueComment(commentId);
    const delivery = await h.gh.webhooks.deliver(
      h.app.appId,
      "issue_comment",
      await h.gh.webhooks.payloads.issueComment({
        commentId,
        action: kind,
        ...(previousBody !== undefined ? { previousBody } : {}),
        ...(sender ? { sender } : {}),
      }),
    );
    expect(delivery.status).toBe(200);
    return delivery;
  };
  const revisions = async (request: string) =>
    (await h.store.listRecords(`requests/${request}/`)).length;

  it("an edited approval is withdrawn; a redelivery changes nothing; a deleted request comment cancels it", async () => {
    const asked = await ask(`/snapgate restore ap@1 --reason "INC-7"`);
    const request = (await statusOf(asked.id)).id;
    // A second approval would dispatch it at once: one approval, then withdrawn.
    const byAlice = await ask(`/snapgate approve ${request}`, "alice");
    expect((await statusOf(asked.id)).approvals.map((a) => a.user.login)).toEqual(["alice"]);

    await change(byAlice.id, "edited");
    const pending = await statusOf(asked.id);
    expect(pending.state).toBe("pending");
    expect(pending.approvals).toEqual([]);
    const notes = (
      await h.reader.issues.listComments({
        owner: OWNER,
        repo: on().repo,
        issue_number: on().pull.number,
        per_page: 100,
      })
    ).data.filter((comment) => comment.body?.includes(`<!-- snapgate:revoked ${byAlice.id} -->`));
    expect(notes).toHaveLength(1);
    expect(notes[0]!.body).toContain(
      `The approval by @alice is withdrawn: its comment was edited. Request ${request} has 0 of 2.`,
    );
    const [last] = (await h.store.readAuditLines()).slice(-1);
    expect(JSON.parse(last!)).toMatchObject({
      type: "approval.revoked",
      subject: { request },
      details: { commentId: byAlice.id, change: "edited" },
    });

    const count = await revisions(request);
    const [delivery] = h.gh.webhooks.deliveries.slice(-1);
    await h.gh.webhooks.redeliver(delivery!.id);
    expect(await revisions(request)).toBe(count);

    await change(asked.id, "deleted");
    const cancelled = await statusOf(asked.id);
    expect(cancelled.state).toBe("cancelled");
    expect(cancelled.closed?.reason).toBe("the request's comment was deleted");
    expect(await revisions(request)).toBe(count + 1);
  });

  it("editing an ordinary comment costs no request", async () => {
    const id = h.gh.addIssueComment({
      owner: OWNER,
      repo: on().repo,
      number: on().pull.number,
      user: "dev",
      body: "LGTM",
    });
    h.gh.resetLog();
    await change(id, "edited");
    expect(h.gh.callCounts()).toEqual({});
  });
});
