import { describe, expect, it } from "@jest/globals";
import { applyCommand } from "../../../core/approvals/apply-command.js";
import { countApprovals } from "../../../core/approvals/count-approvals.js";
import type { RepositoryPermission } from "../../../core/approvals/decide-eligibility.js";
import type { LifecycleRequest } from "../../../core/approvals/request-lifecycle.js";
import type { Policy } from "../../../core/policy/policy.js";
import {
  ALICE,
  BOB,
  CAROL,
  DEPENDABOT,
  command,
  lifecyclePolicy,
  minutesLater,
} from "./lifecycle-fixtures.js";
import { REQUEST_ID, askedRestore, commandFacts } from "./lifecycle-requests.js";

const PEOPLE = [ALICE, BOB, CAROL, { id: 104, login: "dan" }, DEPENDABOT];
const PERMISSIONS: RepositoryPermission[] = ["admin", "write", "write", "read", "none"];
const TERMINAL = new Set(["denied", "cancelled", "expired", "executed"]);

describe("request lifecycle (property: random command sequences)", () => {
  it("never approves without the quorum of distinct non-requester approvers, never moves a closed request, and audits each change", async () => {
    const { policy, request: asked } = await askedRestore();
    const changed: Policy = await lifecyclePolicy("alerts: { late_after: 30m }\n");
    let seed = 20261202;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    let approvedSeen = 0;
    for (let run = 0; run < 150; run++) {
      let request: LifecycleRequest = asked;
      let minute = 1;
      for (let step = 0; step < 12; step++) {
        minute += Math.floor(random() * 40);
        const actor = pick(PEOPLE);
        const name = pick(["approve", "approve", "approve", "deny", "cancel"]);
        const id = random() < 0.9 ? REQUEST_ID : "r-zzzzzzzzzzzz";
        const facts = commandFacts(random() < 0.05 ? changed : policy, {
          eligibility: {
            permission: pick(PERMISSIONS),
            bot: actor.login.endsWith("[bot]"),
            inRole: pick([true, true, false, null]),
          },
        });
        const before = request;
        const outcome = applyCommand(
          before,
          command(name, { args: { request: id } }),
          actor,
          facts,
          minutesLater(minute),
        );
        const after = outcome.state as LifecycleRequest;
        if (TERMINAL.has(before.state)) expect(after).toBe(before);
        if (outcome.refusal !== null && !["expired", "policy-changed"].includes(outcome.refusal))
          expect(after).toBe(before);
        if (outcome.refusal === null) {
          expect(outcome.auditEvents).toHaveLength(1);
          expect(outcome.auditEvents[0]).toMatchObject({
            actor: { kind: "user", id: actor.id, login: actor.login },
            deliveryId: facts.deliveryId,
            requestDigest: asked.digest,
          });
        }
        const ids = after.approvals.map((approval) => approval.user.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids).not.toContain(ALICE.id);
        expect(ids).not.toContain(DEPENDABOT.id);
        if (after.state === "approved") {
          approvedSeen += 1;
          expect(countApprovals(after).length).toBeGreaterThanOrEqual(after.quorum.required);
        }
        expect(after.digest).toBe(asked.digest);
        request = after;
      }
    }
    // The sequences reach approval often enough for the property to mean something.
    expect(approvedSeen).toBeGreaterThan(10);
  });
});
