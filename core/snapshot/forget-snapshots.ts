import { isSnapgateError, SnapgateError } from "../errors.js";
import type { Store } from "../store/store.js";
import type { ApprovalRequest } from "../approvals/approval-request.js";
import { checkApproval } from "../approvals/check-approval.js";
import { loadSodium } from "../crypto/sodium.js";
import { appendAuditEvents } from "../audit/append-audit-events.js";
import type { ForgetPlan } from "./plan-forget.js";
import { listForgotten, TOMBSTONE_FORMAT, tombstonePath, type Tombstone } from "./tombstone.js";

export interface ForgetOptions {
  /** The request that approves forgetting the plan's tier-0 snapshots (required when there are any). */
  approval: ApprovalRequest | null;
  /** Digest (`sha256:...`) of the policy the plan was made under. */
  policyDigest: string | null;
  /** The policy's app verify keys (keys.app): the approval must be signed by one of them. */
  appKeys: readonly string[];
  now: Date;
  /** Who ran it, for the audit log (the CLI unless said otherwise; the app when it runs a forget request). */
  actor?: { kind?: "cli" | "app"; login?: string; id?: number };
}

export interface ForgetOutcome {
  /** Tombstone records written. */
  tombstones: string[];
  /** Snapshots another forget had already tombstoned. */
  alreadyForgotten: string[];
  /** Approvers whose approvals counted. */
  approvers: string[];
}

/**
 * Carries out a forget plan: one tombstone record per dropped snapshot
 * (tombstones/<stream>/<seq>.json). Manifests are never deleted, so the hash
 * chain still verifies; prune deletes blobs later, after a grace period.
 * Dropping a tier-0 snapshot needs an approved request bound to exactly the
 * plan's tier-0 snapshots, with the tier's approvals.
 */
export async function forgetSnapshots(
  store: Store,
  plan: ForgetPlan,
  options: ForgetOptions,
): Promise<ForgetOutcome> {
  let approvers: string[] = [];
  if (plan.tier0Drops.length > 0) {
    if (!options.approval) {
      throw new SnapgateError(
        "POLICY",
        `Forgetting ${plan.tier0Drops.length} tier-0 snapshot(s) of ${plan.environment} needs an approved request (${plan.requiredApprovals} approval(s), the requester excluded).`,
        {
          fix: "Ask for a forget request through the app for exactly these snapshots (`snapgate forget --dry-run --json` lists them), then pass --approval REQUEST-ID.",
          details: { snapshots: plan.tier0Drops },
        },
      );
    }
    approvers = checkApproval(await loadSodium(), options.approval, {
      action: "forget",
      environment: plan.environment,
      snapshots: plan.tier0Drops,
      policyDigest: options.policyDigest,
      requiredApprovals: plan.requiredApprovals,
      appKeys: options.appKeys,
      now: options.now,
    }).approvers;
  }
  const tombstoneOf = (decision: ForgetPlan["drop"][number]): Tombstone => ({
    format: TOMBSTONE_FORMAT,
    stream: decision.stream,
    seq: decision.seq,
    snapshot: decision.id,
    time: decision.time,
    forgottenAt: options.now.toISOString(),
    reasons: decision.reasons,
    rules: plan.rules,
    approval: decision.tier0 ? (options.approval?.id ?? null) : null,
    policyDigest: options.policyDigest,
  });
  // One batch (one commit on GitHub). A concurrent forget may have tombstoned some of
  // the same snapshots: those are forgotten either way, so they are left out and the rest retried.
  const tombstones: string[] = [];
  const alreadyForgotten: string[] = [];
  for (let attempt = 1; ; attempt++) {
    const forgotten = await listForgotten(store);
    const pending = plan.drop.filter((decision) => {
      const done = forgotten.get(decision.stream)?.has(decision.seq) ?? false;
      if (done && !alreadyForgotten.includes(decision.id)) alreadyForgotten.push(decision.id);
      return !done;
    });
    try {
      await store.writeRecords(
        pending.map((decision) => ({
          path: tombstonePath(decision.stream, decision.seq),
          bytes: new TextEncoder().encode(`${JSON.stringify(tombstoneOf(decision), null, 2)}\n`),
        })),
      );
      tombstones.push(...pending.map((decision) => tombstonePath(decision.stream, decision.seq)));
      break;
    } catch (error) {
      if (!isSnapgateError(error, "CONFLICT") || attempt >= 3) throw error;
    }
  }
  await appendAuditEvents(
    store,
    plan.drop
      .filter((decision) => !alreadyForgotten.includes(decision.id))
      .map((decision) => ({
        type: "snapshot.forgotten",
        time: options.now,
        actor: { ...options.actor, kind: options.actor?.kind ?? "cli" },
        subject: { stream: decision.stream, seq: decision.seq, snapshot: decision.id },
        details: {
          reasons: decision.reasons,
          rules: plan.rules,
          ...(decision.tier0 && options.approval
            ? { approval: options.approval.id, approvers }
            : {}),
        },
        ...(decision.tier0 && options.approval ? { requestDigest: options.approval.digest } : {}),
      })),
  );
  return { tombstones, alreadyForgotten, approvers };
}
