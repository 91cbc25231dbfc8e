import { describe, expect, it } from "@jest/globals";
import { checkApproval } from "../../../core/approvals/check-approval.js";
import { closeRequestRun } from "../../../core/approvals/close-request-run.js";
import { decideDispatch } from "../../../core/approvals/decide-dispatch.js";
import {
  decideRestoreRelease,
  type RestoreRunFacts,
} from "../../../core/approvals/decide-restore-release.js";
import { decidedRequestRecord } from "../../../core/approvals/decided-request-record.js";
import { recordDispatchFailure } from "../../../core/approvals/record-dispatch-failure.js";
import {
  openRequestDispatch,
  requestDispatchPath,
  sealRequestDispatch,
  type RequestDispatchRecord,
} from "../../../core/approvals/request-dispatch-record.js";
import type { LifecycleRequest, RequestRun } from "../../../core/approvals/request-lifecycle.js";
import { signApprovalRequest } from "../../../core/approvals/request-signature.js";
import { loadSodium } from "../../../core/crypto/sodium.js";
import type { EligibilityFacts } from "../../../core/approvals/decide-eligibility.js";
import { policyDigest } from "../../../core/policy/policy-digest.js";
import type { Policy } from "../../../core/policy/policy.js";
import { makeKeys } from "../../helpers/keys.js";
import { BOB, CAROL, ELIGIBLE, minutesLater, SNAP } from "./lifecycle-fixtures.js";
import { approved, askedRestore } from "./lifecycle-requests.js";

async function approvedRestore(): Promise<{ policy: Policy; request: LifecycleRequest }> {
  const { policy, request } = await askedRestore();
  const one = approved(request, policy, BOB, minutesLater(5), 601);
  return { policy, request: approved(one, policy, CAROL, minutesLater(6), 602) };
}

const RUN: RequestRun = {
  workflow: "snapgate-restore.yml",
  ref: "main",
  issue: 7,
  id: 4242,
  url: "https://github.com/acme/svc/actions/runs/4242",
  dispatchedAt: minutesLater(7).toISOString(),
  conclusion: null,
  completedAt: null,
};

async function dispatched(): Promise<{ policy: Policy; request: LifecycleRequest }> {
  const { policy, request } = await approvedRestore();
  const decision = decideDispatch(
    request,
    {
      deliveryId: "d-1",
      policy,
      approvers: new Map<number, EligibilityFacts>([
        [BOB.id, ELIGIBLE],
        [CAROL.id, ELIGIBLE],
      ]),
      lock: null,
      backupVerified: true,
      executed: false,
    },
    minutesLater(7),
  );
  expect(decision.dispatch).toBe(true);
  return { policy, request: { ...decision.state, run: RUN } };
}

function record(request: LifecycleRequest): RequestDispatchRecord {
  return {
    format: "snapgate.request-dispatch/v1",
    request: request.id,
    digest: request.digest,
    repository: "acme/svc",
    workflow: "snapgate-restore.yml",
    ref: "main",
    issue: 7,
    run: { id: 4242, url: RUN.url! },
    at: RUN.dispatchedAt,
    deliveryId: "d-1",
    signature: { alg: "ed25519", key: "sga1x", value: "" },
  };
}

function facts(request: LifecycleRequest, changes: Partial<RestoreRunFacts> = {}): RestoreRunFacts {
  return {
    run: {
      id: 4242,
      attempt: 1,
      event: "workflow_dispatch",
      path: ".github/workflows/snapgate-restore.yml",
      triggeringActor: { login: "snapgate[bot]", type: "Bot" },
    },
    dispatch: record(request),
    request,
    recordProblem: null,
    executed: false,
    lock: null,
    ...changes,
  };
}

describe("the decided record of an approved request", () => {
  it("is what checkApproval accepts once the app signs it: approved, the counted approvals, the digest", async () => {
    const sodium = await loadSodium();
    const keys = await makeKeys();
    const { policy, request } = await approvedRestore();
    const body = decidedRequestRecord(request);
    expect(body).toMatchObject({ state: "approved", digest: request.digest, id: request.id });
    expect(body.approvals.map((approval) => approval.user.login)).toEqual(["bob", "carol"]);
    const signed = signApprovalRequest(sodium, body, keys.app);
    const check = checkApproval(sodium, signed, {
      action: "restore",
      environment: request.subject.environment,
      snapshots: [SNAP],
      paths: request.subject.paths ?? [],
      policyDigest: `sha256:${policyDigest(policy)}`,
      requiredApprovals: 2,
      appKeys: [keys.appVerifyKey],
      now: minutesLater(8),
    });
    expect(check.approvers.sort()).toEqual(["bob", "carol"]);
  });
});

describe("dispatch records", () => {
  it("open only when signed by an app key of the policy, unaltered, and about the run their path names", async () => {
    const sodium = await loadSodium();
    const keys = await makeKeys();
    const { request } = await dispatched();
    const { signature: _unsigned, format: _format, ...body } = record(request);
    const sealed = sealRequestDispatch(sodium, body, keys.app);
    expect(sealed.path).toBe(requestDispatchPath(4242));
    expect(openRequestDispatch(sodium, sealed.bytes, 4242, [keys.appVerifyKey])).toMatchObject({
      request: request.id,
      run: { id: 4242 },
    });
    expect(() => openRequestDispatch(sodium, sealed.bytes, 4243, [keys.appVerifyKey])).toThrow(
      "not the record of the run its path names",
    );
    expect(() => openRequestDispatch(sodium, sealed.bytes, 4242, [])).toThrow(
      "signed by a key that is not an app key of the policy",
    );
    const altered = new TextEncoder().encode(
      Buffer.from(sealed.bytes).toString("utf8").replace('"acme/svc"', '"acme/other"'),
    );
    expect(() => openRequestDispatch(sodium, altered, 4242, [keys.appVerifyKey])).toThrow(
      "its signature does not match its contents",
    );
    expect(() =>
      openRequestDispatch(sodium, new TextEncoder().encode("{"), 4242, [keys.appVerifyKey]),
    ).toThrow("it is not JSON");
  });
});

describe("decideRestoreRelease", () => {
  it("approves the first attempt of the run the app dispatched for a dispatched, unexecuted request", async () => {
    const { request } = await dispatched();
    expect(decideRestoreRelease(facts(request))).toEqual({
      answer: "approved",
      reasons: [],
      requestId: request.id,
      rule: "dispatched-request",
    });
  });

  it("rejects a manual dispatch, and waits for a bot's dispatch whose record is not written yet", async () => {
    const { request } = await dispatched();
    const manual = decideRestoreRelease(
      facts(request, {
        dispatch: null,
        run: { ...facts(request).run, triggeringActor: { login: "mallory", type: "User" } },
      }),
    );
    expect(manual.answer).toBe("rejected");
    expect(manual.reasons[0]).toContain(
      "(workflow_dispatch by @mallory) is not a run the Snapgate App dispatched",
    );
    expect(decideRestoreRelease(facts(request, { dispatch: null })).answer).toBe("wait");
    // A bot's re-run is not waited for.
    const rerun = decideRestoreRelease(
      facts(request, { dispatch: null, run: { ...facts(request).run, attempt: 2 } }),
    );
    expect(rerun.answer).toBe("rejected");
  });

  it("rejects a re-run, another request's run, another workflow, a forged record, an executed or locked request", async () => {
    const { request } = await dispatched();
    const base = facts(request).run;
    const cases: Array<[Partial<RestoreRunFacts>, string]> = [
      [
        { run: { ...base, attempt: 2 } },
        "this is attempt 2 of run 4242: a re-run never gets the restore identity",
      ],
      [
        { request: { ...request, run: { ...RUN, id: 99 } } },
        `request ${request.id} runs as run 99, not as run 4242`,
      ],
      [
        { request: { ...request, digest: "sha256:other" } },
        "is not the request the run was dispatched for",
      ],
      [
        { run: { ...base, path: ".github/workflows/other.yml" } },
        "not of the dispatched snapgate-restore.yml",
      ],
      [{ dispatch: "The dispatch record of run 4242 cannot be trusted: x." }, "cannot be trusted"],
      [
        { recordProblem: "Request r cannot be trusted: its signature does not match its contents" },
        "its signature does not match",
      ],
      [{ executed: true }, "already ran; a request runs once"],
      [{ request: { ...request, state: "executed" } }, "is executed, not waiting for its run"],
      [{ request: null }, `there is no request ${request.id}`],
      [
        { lock: { environment: "prod", by: BOB, reason: "freeze", at: "", commentId: 1 } },
        "prod is locked by @bob (freeze)",
      ],
    ];
    for (const [change, reason] of cases) {
      const release = decideRestoreRelease(facts(request, change));
      expect({ answer: release.answer, reasons: release.reasons.join("; ") }).toEqual({
        answer: "rejected",
        reasons: expect.stringContaining(reason),
      });
    }
  });
});

describe("decideRestoreRelease for scheduled runs (restore_environment.scheduled_workflows)", () => {
  const scheduled = (
    changes: Partial<RestoreRunFacts["run"]> = {},
    more: Partial<RestoreRunFacts> = {},
  ): RestoreRunFacts => ({
    run: {
      id: 5150,
      attempt: 1,
      event: "schedule",
      path: ".github/workflows/scheduled-snapshot.yml",
      triggeringActor: { login: "alice", type: "User" },
      headBranch: "main",
      ...changes,
    },
    dispatch: null,
    request: null,
    recordProblem: null,
    executed: false,
    lock: null,
    schedule: {
      workflows: ["scheduled-snapshot.yml", "scheduled-drill.yml"],
      defaultBranch: "main",
    },
    ...more,
  });

  it("approves the first attempt of a scheduled default-branch run of a listed workflow, naming the rule", () => {
    expect(decideRestoreRelease(scheduled())).toEqual({
      answer: "approved",
      reasons: [],
      requestId: null,
      rule: "scheduled-workflow",
    });
    expect(
      decideRestoreRelease(scheduled({ path: ".github/workflows/scheduled-drill.yml" })).answer,
    ).toBe("approved");
  });

  it("rejects a manual dispatch of a listed workflow, an unlisted workflow, another branch, a re-run and a locked environment, each with why", () => {
    const cases: Array<[RestoreRunFacts, string]> = [
      [
        scheduled({ event: "workflow_dispatch" }),
        "(workflow_dispatch by @alice) is not a run the Snapgate App dispatched",
      ],
      [
        scheduled({
          event: "workflow_dispatch",
          triggeringActor: { login: "x[bot]", type: "Bot" },
        }),
        "",
      ],
      [
        scheduled({ path: ".github/workflows/nightly.yml" }),
        "scheduled run of .github/workflows/nightly.yml, which restore_environment.scheduled_workflows in the default branch's policy does not list (it lists scheduled-snapshot.yml, scheduled-drill.yml)",
      ],
      [scheduled({}, { schedule: undefined }), "does not list (it lists none)"],
      [
        scheduled({ headBranch: "feature" }),
        "is of branch feature, not of the default branch main",
      ],
      [
        scheduled({}, { schedule: { workflows: ["scheduled-snapshot.yml"], defaultBranch: null } }),
        "not of the default branch",
      ],
      [
        scheduled({ attempt: 2 }),
        "this is attempt 2 of scheduled run 5150: a re-run never gets the restore identity",
      ],
      [
        scheduled(
          {},
          { lock: { environment: "prod", by: BOB, reason: "freeze", at: "", commentId: 1 } },
        ),
        "prod is locked by @bob (freeze): scheduled runs get the restore identity only while no environment is locked",
      ],
      [scheduled({ event: "push" }), "(push by @alice) is not a run the Snapgate App dispatched"],
    ];
    for (const [input, reason] of cases) {
      const release = decideRestoreRelease(input);
      if (reason === "") {
        // A bot's dispatch is waited for (its dispatcher answers): never approved here.
        expect(release).toMatchObject({ answer: "wait", rule: null });
        continue;
      }
      expect({
        answer: release.answer,
        rule: release.rule,
        reasons: release.reasons.join("; "),
      }).toEqual({
        answer: "rejected",
        rule: null,
        reasons: expect.stringContaining(reason),
      });
    }
  });
});

describe("the end of a dispatched request", () => {
  it("a successful run executes it, any other conclusion fails it, each with the run's link and an audit event", async () => {
    const { request } = await dispatched();
    const ok = closeRequestRun(
      request,
      { id: 4242, url: RUN.url!, conclusion: "success" },
      "d-9",
      minutesLater(9),
    );
    expect(ok.state).toMatchObject({
      state: "executed",
      closed: null,
      run: { conclusion: "success" },
    });
    expect(ok.auditEvents[0]).toMatchObject({
      type: "request.executed",
      details: { run: RUN.url, conclusion: "success" },
    });
    const bad = closeRequestRun(
      request,
      { id: 4242, url: RUN.url!, conclusion: "failure" },
      "d-9",
      minutesLater(9),
    );
    expect(bad.state).toMatchObject({ state: "failed", run: { conclusion: "failure" } });
    expect(bad.state.closed?.reason).toBe(`the restore run ended with failure: ${RUN.url}`);
    expect(bad.auditEvents[0]).toMatchObject({ type: "request.failed", deliveryId: "d-9" });
    // Another run, or a request no longer running (a redelivery), changes nothing.
    expect(
      closeRequestRun(request, { id: 1, url: "u", conclusion: "success" }, "d", minutesLater(9))
        .state,
    ).toBe(request);
    expect(
      closeRequestRun(
        ok.state,
        { id: 4242, url: RUN.url!, conclusion: "failure" },
        "d",
        minutesLater(10),
      ).state,
    ).toBe(ok.state);
  });

  it("a dispatch that failed fails the request for good, with why and what to do", async () => {
    const { request } = await approvedRestore();
    const failed = recordDispatchFailure(
      request,
      { workflow: "snapgate-restore.yml", ref: "main", issue: 7 },
      { message: "GitHub answered 502.", fix: "Check GitHub's status." },
      "d-5",
      minutesLater(8),
    );
    expect(failed.state).toMatchObject({ state: "failed", run: { id: null, url: null } });
    expect(failed.state.closed?.reason).toBe(
      "dispatching snapgate-restore.yml on main failed: GitHub answered 502.",
    );
    expect(failed.reply).toContain("Check GitHub's status. A request runs once: ask for a new one");
    expect(failed.auditEvents[0]).toMatchObject({
      type: "request.dispatch-failed",
      requestDigest: request.digest,
    });
    // It had its chance: a later dispatch decision refuses it.
    expect(
      decideDispatch(
        failed.state,
        {
          deliveryId: "d-6",
          policy: (await approvedRestore()).policy,
          approvers: new Map(),
          lock: null,
          backupVerified: true,
          executed: false,
        },
        minutesLater(9),
      ).refusal,
    ).toBe("already-executed");
  });
});
