import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import { readApprovalRequest } from "../../../core/approvals/approval-request.js";
import { readRequestState } from "../../../core/approvals/read-request-state.js";
import {
  REQUEST_EXECUTION_FORMAT,
  readRequestExecution,
  requestExecutionPath,
} from "../../../core/approvals/request-execution.js";
import { requestStateMacKey } from "../../../core/crypto/app-key.js";
import { policyDigest } from "../../../core/policy/policy-digest.js";
import { forgetSnapshots } from "../../../core/snapshot/forget-snapshots.js";
import { planForgetSnapshots } from "../../../core/snapshot/plan-forget-snapshots.js";
import { pruneBlobs } from "../../../core/snapshot/prune-blobs.js";
import { tier0ReleaseCheck } from "../../../core/snapshot/tier0-release-check.js";
import { loadSodium } from "../../../core/crypto/sodium.js";
import { resolveSnapshot } from "../../../core/snapshot/resolve-snapshot.js";
import { listForgotten, readTombstone, tombstonePath } from "../../../core/snapshot/tombstone.js";
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
 * `/snapgate forget` of a tier-0 snapshot through the real app: the request
 * needs the same quorum as a restore; once reached, the app checks
 * everything again, claims the request's execution record, writes the signed
 * decided record and tombstones the snapshot with the core forget code.
 */
let h: AppHarness;
let fg: Scenario;
const work = tempDir("snapgate-app-forget-request-");

beforeAll(async () => {
  h = await startAppHarness();
  for (const login of ["alice", "bob", "outsider"]) h.gh.createUser({ login });
  fg = await createScenario(
    h,
    work,
    "fg",
    policyYaml(h.keys, "fg", { tier: "tier0" }).replace(
      "tier0: { max_age: 24h }",
      "tier0: { max_age: 24h, approvals: 2 }",
    ),
  );
  h.gh.addCollaborator(OWNER, fg.repo, "alice", "write");
  h.gh.addCollaborator(OWNER, fg.repo, "bob", "maintain");
  h.gh.addCollaborator(OWNER, fg.repo, "outsider", "read");
  await fg.snapshot({ "deploy/app.yaml": "replicas: 1\n" });
  await fg.snapshot({ "deploy/app.yaml": "replicas: 2\n" });
  await fg.snapshot({ "deploy/app.yaml": "replicas: 3\n" });
});
afterEach(() => h.gh.assertClean());
afterAll(() => h.close());

async function ask(body: string, user = "dev") {
  const commentId = h.gh.addIssueComment({
    owner: OWNER,
    repo: fg.repo,
    number: fg.pull.number,
    user,
    body,
  });
  const delivery = await h.gh.webhooks.deliver(
    h.app.appId,
    "issue_comment",
    await h.gh.webhooks.payloads.issueComment({ commentId, action: "created" }),
  );
  expect(delivery.status).toBe(200);
  return { id: commentId, ...(await answersTo(commentId)) };
}

async function answersTo(commentId: number) {
  const comments = (
    await h.reader.issues.listComments({
      owner: OWNER,
      repo: fg.repo,
      issue_number: fg.pull.number,
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
    reactions: Object.fromEntries(
      ["eyes", "+1", "-1", "rocket", "confused"].map((name) => [name, counts[name] ?? 0]),
    ),
  };
}

const statusOf = async (askingComment: number) => {
  const [body] = (await answersTo(askingComment)).replies;
  return { body: body!, state: readRequestState(body!, requestStateMacKey(h.keys.app))! };
};
const forgottenSeqs = async () => [...((await listForgotten(h.store, "fg")).get("fg") ?? [])];
const audit = async () =>
  (await h.store.readAuditLines()).map(
    (line) =>
      JSON.parse(line) as {
        type: string;
        actor: { kind: string; login?: string };
        subject: Record<string, unknown>;
        details?: Record<string, unknown>;
      },
  );

describe("/snapgate forget of a tier-0 snapshot", () => {
  let request = "";
  let asking = 0;

  it("creates a request with tier-0's quorum; the requester and a reader cannot approve, and nothing is forgotten before quorum", async () => {
    const asked = await ask(`/snapgate forget fg@1 --env fg --reason "GDPR erasure ticket 77"`);
    asking = asked.id;
    expect(asked.reactions).toMatchObject({ eyes: 1, "+1": 1, "-1": 0 });
    const { state, body } = await statusOf(asked.id);
    request = state.id;
    expect(state).toMatchObject({
      action: "forget",
      state: "pending",
      requester: { login: "dev" },
      quorum: { tier: "tier0", required: 2 },
      subject: { environment: "fg", snapshots: [(await resolveSnapshot(h.store, "fg@1")).id] },
    });
    expect(body).toContain("needs 2 approval(s)");

    const self = await ask(`/snapgate approve ${request}`);
    expect(self.replies[0]).toContain(`Not recorded: you asked for request ${request}`);
    const reader = await ask(`/snapgate approve ${request}`, "outsider");
    expect(reader.replies[0]).toContain("@outsider has read access to this repository");
    const one = await ask(`/snapgate approve ${request}`, "alice");
    expect(one.replies[0]).toContain("Approval by @alice recorded: 1 of 2.");

    // Without quorum nothing is deleted, claimed or decided.
    expect(await forgottenSeqs()).toEqual([]);
    expect(await h.store.readRecord(requestExecutionPath(request))).toBeNull();
    expect(await h.store.readRecord(`requests/${request}.json`)).toBeNull();
  });

  it("forgets once the quorum is reached: tombstone, signed decided record, execution record, audit naming the approvers", async () => {
    const final = await ask(`/snapgate approve ${request}`, "bob");
    expect(final.reactions).toMatchObject({ "+1": 1, rocket: 1, "-1": 0 });
    expect(final.replies[0]).toContain(`Request ${request} is approved (2 of 2).`);
    expect(final.replies[0]).toContain("Forgotten: fg@1 (tombstoned, approved by @alice, @bob).");

    expect(await forgottenSeqs()).toEqual([1]);
    const tombstone = await readTombstone(h.store, tombstonePath("fg", 1));
    expect(tombstone).toMatchObject({
      approval: request,
      reasons: [expect.stringContaining(request)],
    });
    // The decided record passes the check `snapgate forget --approval` makes.
    const record = await readApprovalRequest(h.store, request);
    expect(record).toMatchObject({
      action: "forget",
      state: "approved",
      signature: { key: h.keys.appVerifyKey },
    });
    expect(record.approvals.map((approval) => approval.user.login)).toEqual(["alice", "bob"]);
    expect(await readRequestExecution(h.store, request)).toMatchObject({
      format: REQUEST_EXECUTION_FORMAT,
      request,
      action: "forget",
      environment: "fg",
    });
    const { state, body } = await statusOf(asking);
    expect(state.state).toBe("executed");
    expect(body).toContain(`Snapgate forget request \`${request}\`: executed`);

    const events = await audit();
    const dispatched = events.find(
      (event) => event.type === "request.dispatched" && event.subject["request"] === request,
    );
    expect(dispatched?.details?.["approvers"]).toEqual([
      { login: "alice", id: expect.any(Number) },
      { login: "bob", id: expect.any(Number) },
    ]);
    const forgotten = events.filter((event) => event.type === "snapshot.forgotten");
    expect(forgotten).toEqual([
      expect.objectContaining({
        actor: { kind: "app" },
        subject: expect.objectContaining({ stream: "fg", seq: 1 }),
        details: expect.objectContaining({ approval: request, approvers: ["alice", "bob"] }),
      }),
    ]);
    expect(events.map((event) => event.type)).toContain("request.executed");
  });

  it("a redelivered final approval forgets nothing more", async () => {
    const everything = async () => [
      ...(await h.store.listRecords("requests")),
      ...(await h.store.listRecords("tombstones")),
    ];
    const records = await everything();
    const lines = (await h.store.readAuditLines()).length;
    const [delivery] = h.gh.webhooks.deliveries.slice(-1);
    await h.gh.webhooks.redeliver(delivery!.id);
    expect(await everything()).toEqual(records);
    expect((await h.store.readAuditLines()).length).toBe(lines);
    // An approval after it ran is refused by the request's own state.
    const late = await ask(`/snapgate approve ${request}`, "octo-admin");
    expect(late.replies[0]).toContain(
      `Request ${request} already ran (executed); a request runs once.`,
    );
    expect(await forgottenSeqs()).toEqual([1]);
  });

  it("a request another instance already claimed (its execution record exists) does not run again", async () => {
    const asked = await ask(`/snapgate forget fg@2 --reason "rotate out"`);
    const { state } = await statusOf(asked.id);
    await ask(`/snapgate approve ${state.id}`, "alice");
    // What a second app instance leaves when it won the claim first.
    await h.store.writeRecords([
      {
        path: requestExecutionPath(state.id),
        bytes: new TextEncoder().encode(
          JSON.stringify({
            format: REQUEST_EXECUTION_FORMAT,
            request: state.id,
            digest: state.digest,
            action: "forget",
            environment: "fg",
            snapshot: state.subject.snapshots[0],
            paths: [],
            run: null,
            at: new Date().toISOString(),
          }),
        ),
      },
    ]);
    const final = await ask(`/snapgate approve ${state.id}`, "bob");
    expect(final.replies[0]).toContain(`**Not run:** Request ${state.id} is approved (2 of 2).`);
    expect(final.replies[0]).toContain(
      "it already ran; a request runs once. Nothing was forgotten.",
    );
    expect(final.reactions).toMatchObject({ confused: 1, rocket: 0 });
    expect(await forgottenSeqs()).toEqual([1]);
    expect(await h.store.readRecord(`requests/${state.id}.json`)).toBeNull();
    const [refused] = (await audit()).filter(
      (event) => event.type === "request.dispatch-refused" && event.subject["request"] === state.id,
    );
    expect(refused).toBeDefined();
  });

  it("the core forget refuses a record with a forged quorum written into the store", async () => {
    const policy = await fg.policy();
    const third = await resolveSnapshot(h.store, "fg@3");
    const plan = await planForgetSnapshots(h.store, policy, "fg", [third.id], "forged");
    const genuine = await readApprovalRequest(h.store, request);
    const { signature: _dropped, ...unsigned } = genuine;
    const forged = {
      ...unsigned,
      id: "r-forgedforged",
      subject: { ...unsigned.subject, snapshots: [third.id] },
      approvals: [
        { user: { id: 900001, login: "ceo" }, at: unsigned.createdAt, digest: unsigned.digest },
        { user: { id: 900002, login: "ciso" }, at: unsigned.createdAt, digest: unsigned.digest },
      ],
    };
    await expect(
      forgetSnapshots(h.store, plan, {
        approval: forged,
        policyDigest: `sha256:${policyDigest(policy)}`,
        appKeys: policy.keys.app ?? [],
        now: new Date(),
      }),
    ).rejects.toThrow(
      "Request r-forgedforged cannot be trusted: it is not signed by the Snapgate App.",
    );
    expect(await forgottenSeqs()).toEqual([1]);
  });

  it("checks each approver again when the quorum is reached: one who lost access voids the run", async () => {
    const asked = await ask(`/snapgate forget fg@3 --reason "old"`);
    const { state } = await statusOf(asked.id);
    await ask(`/snapgate approve ${state.id}`, "alice");
    h.gh.addCollaborator(OWNER, fg.repo, "alice", "read");
    try {
      const final = await ask(`/snapgate approve ${state.id}`, "bob");
      expect(final.replies[0]).toContain(
        "1 of its approvers are eligible now; the tier needs 2. Nothing was forgotten.",
      );
    } finally {
      h.gh.addCollaborator(OWNER, fg.repo, "alice", "write");
    }
    expect(await forgottenSeqs()).toEqual([1]);
    expect(await h.store.readRecord(requestExecutionPath(state.id))).toBeNull();
  });

  it("prune deletes the blobs of the snapshot the app forgot: its tombstone names the approved request", async () => {
    const policy = await fg.policy();
    const result = await pruneBlobs(h.store, {
      graceMs: 0,
      now: new Date(),
      releaseCheck: tier0ReleaseCheck({
        store: h.store,
        policy,
        sodium: await loadSodium(),
        approvals: [],
      }),
    });
    expect(result.held).toEqual([]);
    expect(result.deleted).toEqual([expect.objectContaining({ reason: "forgotten" })]);
    // Audit is never pruned: the forget's events are still there, and the prune's.
    const types = (await audit()).map((event) => event.type);
    expect(types).toEqual(expect.arrayContaining(["snapshot.forgotten", "blobs.pruned"]));
  });
});
