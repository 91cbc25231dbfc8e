import { describe, expect, it } from "@jest/globals";
import { applyCommand, type CommandFacts } from "../../../core/approvals/apply-command.js";
import { checkApproval, type ApprovalExpectation } from "../../../core/approvals/check-approval.js";
import type { ApprovalRequest, RequestState } from "../../../core/approvals/approval-request.js";
import { loadSodium } from "../../../core/crypto/sodium.js";
import { makeKeys, signRequest } from "../../helpers/keys.js";
import type { EligibilityFacts } from "../../../core/approvals/decide-eligibility.js";
import type {
  EnvironmentLock,
  LifecycleRequest,
} from "../../../core/approvals/request-lifecycle.js";
import { policyDigest } from "../../../core/policy/policy-digest.js";
import type { Policy } from "../../../core/policy/policy.js";
import {
  ALICE,
  BOB,
  CAROL,
  DEPENDABOT,
  ELIGIBLE,
  FILES,
  NOW,
  SNAP,
  command,
  lifecyclePolicy,
  minutesLater,
} from "./lifecycle-fixtures.js";
import { commandFacts } from "./lifecycle-requests.js";

const appKeys = makeKeys();

/** checkApproval on the record as the Snapgate App writes it: signed with its app key. */
async function checkSignedApproval(
  request: Omit<ApprovalRequest, "signature">,
  expected: Omit<ApprovalExpectation, "appKeys">,
) {
  const keys = await appKeys;
  return checkApproval(await loadSodium(), await signRequest(request, keys.app), {
    ...expected,
    appKeys: [keys.appVerifyKey],
  });
}

const ID = "r-abcdefghijkl";
const OTHER_ID = "r-zzzzzzzzzzzz";
const facts = commandFacts;

async function created(
  options: { paths?: string[]; files?: string[]; policy?: Policy; action?: string } = {},
): Promise<{ policy: Policy; request: LifecycleRequest }> {
  const policy = options.policy ?? (await lifecyclePolicy());
  const outcome = applyCommand(
    null,
    command(options.action ?? "restore", {
      args: { snapshot: SNAP.slice(0, 12) },
      // forget names its snapshot exactly and takes no --env
      environment: options.action === "forget" ? null : "prod",
      paths: options.paths ?? [],
      reason: "roll back the bad deploy",
    }),
    ALICE,
    facts(policy, {
      create: { id: ID, environment: "prod", snapshots: [SNAP], files: options.files ?? FILES },
    }),
    NOW,
  );
  expect(outcome.refusal).toBeNull();
  return { policy, request: outcome.state as LifecycleRequest };
}

function approve(
  request: LifecycleRequest,
  policy: Policy,
  actor = BOB,
  at = minutesLater(10),
  changes: Partial<CommandFacts> = {},
  id = request.id,
) {
  return applyCommand(
    request,
    command("approve", { args: { request: id } }),
    actor,
    facts(policy, changes),
    at,
  );
}

describe("applyCommand: restore creates a request", () => {
  it("binds it to the snapshot, environment, paths and policy digest, with the tier-0 quorum of the most critical file", async () => {
    const { policy, request } = await created();
    expect(request).toMatchObject({
      id: ID,
      action: "restore",
      state: "pending",
      requester: ALICE,
      subject: {
        environment: "prod",
        snapshots: [SNAP],
        paths: [],
        policyDigest: `sha256:${policyDigest(policy)}`,
      },
      quorum: { tier: "tier0", required: 2, file: "k8s/secrets/db.yaml" },
      createdAt: NOW.toISOString(),
      expiresAt: minutesLater(240).toISOString(),
    });
    expect(request.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it("a request touching only tier-1 files of prod needs tier-1's quorum", async () => {
    const { request } = await created({ paths: ["k8s/api/**"] });
    expect(request.quorum).toMatchObject({ tier: "tier1", required: 1 });
  });

  it("records who asked, with the delivery id and the request digest, in the audit event", async () => {
    const policy = await lifecyclePolicy();
    const outcome = applyCommand(
      null,
      command("restore", { environment: "prod" }),
      ALICE,
      facts(policy, {
        deliveryId: "d-1",
        create: { id: ID, environment: "prod", snapshots: [SNAP], files: FILES },
      }),
      NOW,
    );
    const request = outcome.state as LifecycleRequest;
    expect(outcome.auditEvents).toEqual([
      expect.objectContaining({
        type: "request.created",
        time: NOW,
        actor: { kind: "user", login: "alice", id: 101 },
        deliveryId: "d-1",
        requestDigest: request.digest,
        subject: expect.objectContaining({ request: ID, environment: "prod" }),
      }),
    ]);
  });

  it("refuses a requester without permission, a bot and a locked environment", async () => {
    const policy = await lifecyclePolicy();
    const create = { id: ID, environment: "prod", snapshots: [SNAP], files: FILES };
    const asked = command("restore", { environment: "prod" });
    const reader = applyCommand(
      null,
      asked,
      ALICE,
      facts(policy, { create, eligibility: { ...ELIGIBLE, permission: "read" } }),
      NOW,
    );
    expect(reader).toMatchObject({ state: null, refusal: "not-eligible", auditEvents: [] });
    const bot = applyCommand(null, asked, DEPENDABOT, facts(policy, { create }), NOW);
    expect(bot).toMatchObject({ state: null, refusal: "bot" });
    const lock: EnvironmentLock = {
      environment: "prod",
      by: CAROL,
      reason: "incident 42",
      at: NOW.toISOString(),
      commentId: 1,
    };
    const locked = applyCommand(null, asked, ALICE, facts(policy, { create, lock }), NOW);
    expect(locked).toMatchObject({ state: null, refusal: "locked" });
    expect(locked.reply).toContain("@carol");
    expect(locked.reply).toContain("incident 42");
  });

  it("takes the environment from the snapshots and refuses a command naming another", async () => {
    const policy = await lifecyclePolicy();
    const outcome = applyCommand(
      null,
      command("restore", { environment: "vault" }),
      ALICE,
      facts(policy, { create: { id: ID, environment: "prod", snapshots: [SNAP], files: FILES } }),
      NOW,
    );
    expect(outcome).toMatchObject({ state: null, refusal: "wrong-environment" });
    expect(outcome.reply).toContain("of prod");
  });

  it("a dry run creates nothing", async () => {
    const policy = await lifecyclePolicy();
    const outcome = applyCommand(
      null,
      command("restore", { environment: "prod", dryRun: true }),
      ALICE,
      facts(policy, { create: { id: ID, environment: "prod", snapshots: [SNAP], files: FILES } }),
      NOW,
    );
    expect(outcome).toMatchObject({ state: null, refusal: "dry-run", auditEvents: [] });
  });
});

describe("applyCommand: approvals", () => {
  it("counts distinct eligible approvers until the tier's quorum, and the result passes checkApproval", async () => {
    const { policy, request } = await created();
    const first = approve(request, policy, BOB);
    expect(first.refusal).toBeNull();
    expect(first.state?.state).toBe("pending");
    expect(first.reply).toContain("1 of 2");
    const second = approve(first.state as LifecycleRequest, policy, CAROL, minutesLater(20));
    expect(second.state?.state).toBe("approved");
    expect(second.auditEvents[0]).toMatchObject({
      type: "request.approved",
      actor: { kind: "user", login: "carol", id: 103 },
      requestDigest: request.digest,
    });
    const done = second.state as LifecycleRequest;
    const { approvers } = await checkSignedApproval(
      {
        format: "snapgate.request/v1",
        ...done,
        reason: done.reason ?? undefined,
        state: done.state as RequestState,
      },
      {
        action: "restore",
        environment: "prod",
        snapshots: [SNAP],
        paths: [],
        policyDigest: `sha256:${policyDigest(policy)}`,
        requiredApprovals: 2,
        now: minutesLater(30),
      },
    );
    expect(approvers.sort()).toEqual(["bob", "carol"]);
  });

  it("refuses self-approval", async () => {
    const { policy, request } = await created();
    const outcome = approve(request, policy, ALICE);
    expect(outcome).toMatchObject({ state: request, refusal: "self-approval" });
    expect(outcome.auditEvents[0]).toMatchObject({
      type: "request.refused",
      details: { refusal: "self-approval" },
    });
  });

  it("refuses an approver without permission or outside roles.approvers", async () => {
    const { policy, request } = await created();
    const noWrite = approve(request, policy, BOB, minutesLater(5), {
      eligibility: { ...ELIGIBLE, permission: "triage" },
    });
    expect(noWrite).toMatchObject({ state: request, refusal: "not-eligible" });
    const notInRole = approve(request, policy, BOB, minutesLater(5), {
      eligibility: { ...ELIGIBLE, inRole: false },
    });
    expect(notInRole).toMatchObject({ state: request, refusal: "not-eligible" });
  });

  it("never counts a bot, even one GitHub reports as a writer in the role", async () => {
    const { policy, request } = await created();
    expect(approve(request, policy, DEPENDABOT)).toMatchObject({ state: request, refusal: "bot" });
    const typed: EligibilityFacts = { ...ELIGIBLE, bot: true };
    expect(approve(request, policy, BOB, minutesLater(5), { eligibility: typed })).toMatchObject({
      refusal: "bot",
    });
  });

  it("counts the same person (numeric id) once, even under a new login", async () => {
    const { policy, request } = await created();
    const once = approve(request, policy, BOB).state as LifecycleRequest;
    const again = approve(once, policy, { id: BOB.id, login: "bob-renamed" }, minutesLater(11));
    expect(again).toMatchObject({ state: once, refusal: "duplicate-approval" });
    expect(once.state).toBe("pending");
  });

  it("refuses an approval naming another request", async () => {
    const { policy, request } = await created();
    const outcome = approve(request, policy, BOB, minutesLater(5), {}, OTHER_ID);
    expect(outcome).toMatchObject({ state: request, refusal: "wrong-request" });
    expect(outcome.reply).toContain(OTHER_ID);
  });

  it("closes an expired request and records nothing more", async () => {
    const { policy, request } = await created();
    const outcome = approve(request, policy, BOB, minutesLater(240));
    expect(outcome.refusal).toBe("expired");
    expect(outcome.state).toMatchObject({ state: "expired", approvals: [] });
    expect(outcome.auditEvents[0]).toMatchObject({
      type: "request.expired",
      actor: { kind: "app" },
    });
    expect(
      approve(outcome.state as LifecycleRequest, policy, CAROL, minutesLater(241)).refusal,
    ).toBe("not-pending");
  });

  it("voids the request when the policy changed mid-request", async () => {
    const { policy, request } = await created();
    const first = approve(request, policy, BOB).state as LifecycleRequest;
    const changed = await lifecyclePolicy("alerts: { late_after: 30m }\n");
    expect(policyDigest(changed)).not.toBe(policyDigest(policy));
    const outcome = approve(first, changed, CAROL, minutesLater(20));
    expect(outcome.refusal).toBe("policy-changed");
    expect(outcome.state?.state).toBe("cancelled");
    expect(outcome.state?.closed?.reason).toMatch(/policy changed/);
  });

  it("a lock blocks approving a restore", async () => {
    const { policy, request } = await created();
    const lock: EnvironmentLock = {
      environment: "prod",
      by: CAROL,
      reason: "freeze",
      at: NOW.toISOString(),
      commentId: 1,
    };
    expect(approve(request, policy, BOB, minutesLater(5), { lock })).toMatchObject({
      state: request,
      refusal: "locked",
    });
  });

  it("refuses anything on an executed request", async () => {
    const { policy, request } = await created();
    const ran: LifecycleRequest = { ...request, state: "executed" };
    expect(approve(ran, policy, BOB)).toMatchObject({ state: ran, refusal: "already-executed" });
  });
});

describe("applyCommand: deny and cancel", () => {
  it("one eligible deny blocks the request, approvals or not", async () => {
    const { policy, request } = await created();
    const first = approve(request, policy, BOB).state as LifecycleRequest;
    const denied = applyCommand(
      first,
      command("deny", { args: { request: ID }, reason: "wrong snapshot" }),
      CAROL,
      facts(policy),
      minutesLater(15),
    );
    expect(denied.refusal).toBeNull();
    expect(denied.state).toMatchObject({
      state: "denied",
      denials: [{ user: CAROL, reason: "wrong snapshot" }],
    });
    expect(
      approve(denied.state as LifecycleRequest, policy, { id: 104, login: "dan" }, minutesLater(16))
        .refusal,
    ).toBe("not-pending");
  });

  it("an ineligible deny blocks nothing", async () => {
    const { policy, request } = await created();
    const outcome = applyCommand(
      request,
      command("deny", { args: { request: ID } }),
      BOB,
      facts(policy, { eligibility: { ...ELIGIBLE, permission: "read" } }),
      minutesLater(5),
    );
    expect(outcome).toMatchObject({ state: request, refusal: "not-eligible" });
  });

  it("only the requester cancels", async () => {
    const { policy, request } = await created();
    const byBob = applyCommand(
      request,
      command("cancel", { args: { request: ID } }),
      BOB,
      facts(policy),
      minutesLater(5),
    );
    expect(byBob).toMatchObject({ state: request, refusal: "not-requester" });
    const byAlice = applyCommand(
      request,
      command("cancel", { args: { request: ID } }),
      ALICE,
      facts(policy),
      minutesLater(5),
    );
    expect(byAlice.state).toMatchObject({ state: "cancelled", closed: { by: ALICE } });
  });
});

describe("applyCommand: forget", () => {
  it("a tier-0 forget needs the same quorum as a restore: one approval is not enough, two are", async () => {
    const { policy, request } = await created({ action: "forget" });
    expect(request).toMatchObject({
      action: "forget",
      subject: { environment: "prod" },
      quorum: { tier: "tier0", required: 2 },
    });
    expect(request.subject.paths).toBeUndefined();
    const one = approve(request, policy, BOB).state as LifecycleRequest;
    expect(one.state).toBe("pending");
    const expectation = {
      action: "forget" as const,
      environment: "prod",
      snapshots: [SNAP],
      policyDigest: `sha256:${policyDigest(policy)}`,
      requiredApprovals: 2,
      now: minutesLater(30),
    };
    await expect(
      checkSignedApproval(
        {
          format: "snapgate.request/v1",
          ...one,
          reason: undefined,
          state: one.state as RequestState,
        },
        expectation,
      ),
    ).rejects.toThrow(/1 valid approval/);
    const two = approve(one, policy, CAROL, minutesLater(20)).state as LifecycleRequest;
    expect(two.state).toBe("approved");
    expect(
      (
        await checkSignedApproval(
          {
            format: "snapgate.request/v1",
            ...two,
            reason: undefined,
            state: two.state as RequestState,
          },
          expectation,
        )
      ).approvers,
    ).toHaveLength(2);
  });

  it("a lock does not block a forget (locks are about restores)", async () => {
    const { policy, request } = await created({ action: "forget" });
    const lock: EnvironmentLock = {
      environment: "prod",
      by: CAROL,
      reason: null,
      at: NOW.toISOString(),
      commentId: 1,
    };
    expect(approve(request, policy, BOB, minutesLater(5), { lock }).refusal).toBeNull();
  });
});
