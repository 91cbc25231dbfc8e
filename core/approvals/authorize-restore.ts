import { SnapgateError } from "../errors.js";
import { workflowRunUrl, type WorkflowRun } from "../github/workflow-run-url.js";
import type { Policy, WriterKeyRule } from "../policy/policy.js";
import { snapshotTier } from "../policy/snapshot-tier.js";
import { policyDigest } from "../policy/policy-digest.js";
import { loadSodium } from "../crypto/sodium.js";
import type { LoadedSnapshot } from "../snapshot/load-snapshot.js";
import { signatureProblem } from "../snapshot/signature-problem.js";
import type { Store } from "../store/store.js";
import { readApprovalRequest, type ApprovalRequest } from "./approval-request.js";
import { checkApproval } from "./check-approval.js";
import { alreadyExecuted, readRequestExecution } from "./request-execution.js";

export interface RestoreAuthorizationInput {
  store: Store;
  /** The snapshot about to be restored. */
  snapshot: LoadedSnapshot;
  /** Writer verify keys its signature must match: the run URL and environment it names are trusted only when signed. */
  trustedKeys: readonly string[];
  /** The policy's keys.writers: a key outside its validity period is refused. */
  writerPeriods?: readonly WriterKeyRule[];
  /** An approved restore request, or null for an automatic rollback. */
  requestId: string | null;
  /** The current policy: its digest and the environment's tier decide the request's validity. */
  policy: Policy | null;
  /** The path globs about to be restored (empty: every path). */
  include: readonly string[];
  /** The workflow run restoring, or null outside GitHub Actions. */
  run: WorkflowRun | null;
  now: Date;
}

export type RestoreAuthorization =
  | {
      kind: "request";
      request: ApprovalRequest;
      approvers: string[];
      /** What to restore: the request's paths when none were given. */
      include: string[];
    }
  | { kind: "same-run"; runUrl: string; include: string[] };

/**
 * Whether this restore may run, and on what authority (after checking the
 * manifest's signature, since what it records decides):
 *
 * - with a request id: the approved request record in the store, checked
 *   against the current policy (approved, unexpired, digest intact, bound to
 *   exactly this snapshot, environment and paths, the tier's quorum of
 *   distinct non-bot approvers other than the requester) and not already
 *   executed. Without include globs the request's paths are restored.
 * - without one: only an automatic rollback, to a snapshot this same workflow
 *   run took (its manifest's signed run URL is this run's). Anything else
 *   needs people to approve it.
 *
 * Refusals are POLICY errors that say how to get an approved request.
 */
export async function authorizeRestore(
  input: RestoreAuthorizationInput,
): Promise<RestoreAuthorization> {
  const { manifest, id } = input.snapshot;
  const where = `${manifest.stream}@${manifest.seq} (${id.slice(0, 12)})`;
  const forged = signatureProblem(
    await loadSodium(),
    manifest,
    input.trustedKeys,
    where,
    input.writerPeriods,
  );
  if (forged) {
    throw new SnapgateError("INTEGRITY", `${forged.message} Nothing was restored.`, {
      fix: forged.fix,
    });
  }
  const askFix = `Ask for it through the app (\`/snapgate restore ${id.slice(0, 12)} --env ${manifest.stream}\`), and run the restore with the approved request's id (request-id).`;
  if (input.requestId === null) {
    const taken = manifest.metadata.runUrl ?? null;
    const current = input.run ? workflowRunUrl(input.run) : null;
    if (current !== null && taken !== null && sameRun(taken, current)) {
      return { kind: "same-run", runUrl: current, include: [...input.include] };
    }
    throw new SnapgateError(
      "POLICY",
      `Restoring ${where} needs an approved request: without one, only a snapshot taken by this same workflow run can be restored (automatic rollback). ${
        current === null
          ? "This restore is not running in a GitHub Actions workflow."
          : `This run is ${current}; the snapshot was taken by ${taken ?? "no recorded run"}.`
      }`,
      { fix: askFix, details: { snapshot: id, run: current, takenBy: taken } },
    );
  }

  if (!input.policy) {
    throw new SnapgateError(
      "CONFIG",
      `Checking restore request ${input.requestId} needs the policy (its digest and the tier's approvals).`,
      {
        fix: "Run the restore in a checkout of the repository's default branch, which holds .github/snapgate.yml.",
      },
    );
  }
  const request = await readApprovalRequest(input.store, input.requestId);
  const execution = await readRequestExecution(input.store, request.id);
  if (execution) throw alreadyExecuted(request.id, execution);
  // The most critical tier of any file in the snapshot decides the quorum, not the environment's.
  const tier = snapshotTier(input.policy, manifest.stream, {
    components: manifest.files.flatMap((file) => (file.component ? [file.component] : [])),
    tiers: manifest.files.flatMap((file) => (file.tier ? [file.tier] : [])),
  });
  const include =
    input.include.length > 0 ? [...input.include] : [...(request.subject.paths ?? [])];
  const { approvers } = checkApproval(await loadSodium(), request, {
    action: "restore",
    environment: manifest.stream,
    snapshots: [id],
    paths: include,
    policyDigest: `sha256:${policyDigest(input.policy)}`,
    requiredApprovals: tier.approvals,
    appKeys: input.policy.keys.app ?? [],
    now: input.now,
  });
  return { kind: "request", request, approvers, include };
}

/** The same run whatever the attempt: `.../runs/<id>` or `.../runs/<id>/attempts/<n>`. */
function sameRun(taken: string, current: string): boolean {
  return taken === current || new RegExp(`^${escape(current)}/attempts/\\d+$`).test(taken);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
