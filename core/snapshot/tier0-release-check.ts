import { readApprovalRequest } from "../approvals/approval-request.js";
import { checkApproval } from "../approvals/check-approval.js";
import type { Sodium } from "../crypto/sodium.js";
import { isSnapgateError } from "../errors.js";
import type { Policy } from "../policy/policy.js";
import { snapshotTier } from "../policy/snapshot-tier.js";
import type { Store } from "../store/store.js";
import type { Manifest } from "../types.js";
import type { Tombstone } from "./tombstone.js";

/** A forgotten snapshot whose blobs prune is about to release. */
export interface ForgottenSnapshot {
  stream: string;
  seq: number;
  /** Its id (sha256 of the manifest the tombstone names). */
  snapshot: string;
  manifest: Manifest;
  tombstone: Tombstone;
}

/** Why a forgotten snapshot's blobs must stay, or null when prune may delete them. */
export type ReleaseCheck = (forgotten: ForgottenSnapshot) => Promise<string | null>;

/**
 * Prune's guard for tier-0 data (ADR 0610): the blobs of a forgotten
 * snapshot that is tier-0 under the policy (its environment's tier, or any
 * tier its files recorded or their components have now) go only when an
 * approved forget request covers it: the request its tombstone names, or one
 * of `approvals`. A request covers it when checkApproval accepts it as it
 * stood when the snapshot was forgotten: signed by an app key of the policy,
 * approved, for this environment and snapshot, digest intact, with the
 * approvals the snapshot's tier needs now. Without a policy nothing tells
 * tier-0 from the rest, so every forgotten snapshot's blobs stay.
 */
export function tier0ReleaseCheck(options: {
  store: Store;
  policy: Policy | null;
  sodium: Sodium;
  /** Request ids given by the person running prune (--approval). */
  approvals: readonly string[];
}): ReleaseCheck {
  const { store, policy, sodium } = options;
  return async ({ stream, seq, snapshot, manifest, tombstone }) => {
    if (policy === null)
      return "there is no policy to tell whether it is tier-0 (tier-0 data needs an approved forget request)";
    if (!policy.environments[stream])
      return `its environment ${stream} is not in the policy, so its tier is unknown`;
    const tier = snapshotTier(policy, stream, {
      components: manifest.files.flatMap((file) => (file.component ? [file.component] : [])),
      tiers: manifest.files.flatMap((file) => (file.tier ? [file.tier] : [])),
    });
    if (tier.level !== 0) return null;
    const candidates = [
      ...new Set([...(tombstone.approval ? [tombstone.approval] : []), ...options.approvals]),
    ];
    if (candidates.length === 0)
      return `${stream}@${seq} is ${tier.name} (tier-0) and no forget request approved forgetting it`;
    const problems: string[] = [];
    for (const id of candidates) {
      try {
        const request = await readApprovalRequest(store, id);
        if (!request.subject.snapshots.includes(snapshot)) {
          problems.push(`request ${id} does not name ${stream}@${seq}`);
          continue;
        }
        checkApproval(sodium, request, {
          action: "forget",
          environment: stream,
          snapshots: request.subject.snapshots,
          // The policy it was approved under: a later policy change does not undo a forget.
          policyDigest: request.subject.policyDigest,
          requiredApprovals: tier.approvals,
          appKeys: policy.keys.app ?? [],
          now: new Date(tombstone.forgottenAt),
        });
        return null;
      } catch (error) {
        if (!isSnapgateError(error)) throw error;
        problems.push(error.message);
      }
    }
    return `${stream}@${seq} is ${tier.name} (tier-0): ${problems.join("; ")}`;
  };
}
