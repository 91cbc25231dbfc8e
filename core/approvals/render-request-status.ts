import { canonicalJson } from "../crypto/canonical-json.js";
import type { PlannedChange } from "../snapshot/restore-snapshot.js";
import { countApprovals } from "./count-approvals.js";
import { requestStateMac } from "./request-state-mac.js";
import type { EnvironmentLock, LifecycleRequest } from "./request-lifecycle.js";

/** The marker of the hidden block readRequestState reads back. */
export const REQUEST_STATE_MARKER = "snapgate:request";
/** The most paths of the dry run the comment lists. */
const LISTED_CHANGES = 10;

export interface RequestStatusView {
  /** The dry run's plan of a restore (what would change), null for a forget or when unknown. */
  plan: readonly PlannedChange[] | null;
  /** What the plan was made against (e.g. the environment's newest snapshot), said next to it. */
  planBase?: string;
  /** Who may approve, as the policy's roles.approvers principals (empty: anyone with write access). */
  approvers: readonly string[];
  lock: EnvironmentLock | null;
  /** The app's key for the hidden block's MAC. */
  macKey: Uint8Array;
}

/**
 * The request's status comment: the snapshot, what would change, who may
 * approve, N of M for the tier, the expiry, approvals so far and the state,
 * then a hidden block with the state and its MAC. The block is only a cache
 * of the state; the record in the backup repository is the source of truth.
 */
export function renderRequestStatus(request: LifecycleRequest, view: RequestStatusView): string {
  const counted = countApprovals(request);
  const snapshots = request.subject.snapshots.map((id) => `\`${id.slice(0, 12)}\``).join(", ");
  const paths = request.subject.paths;
  const lines = [
    `### Snapgate ${request.action} request \`${request.id}\`: ${request.state === "dispatched" ? "dispatched, running" : request.state}`,
    "",
    `- **Snapshot:** ${snapshots} of **${request.subject.environment}**${
      request.action === "restore"
        ? `, ${paths && paths.length > 0 ? paths.map((path) => `\`${path}\``).join(" ") : "every file"}`
        : ""
    }`,
    `- **Asked by:** @${request.requester.login}${request.reason ? `: ${oneLine(request.reason)}` : ""}`,
    `- **What would change${view.planBase ? ` (against ${oneLine(view.planBase)})` : ""}:** ${describePlan(request, view.plan)}`,
    `- **Who may approve:** ${
      view.approvers.length > 0 ? view.approvers.join(", ") : "anyone with write access"
    }, except @${request.requester.login}; bots never count`,
    `- **Approvals:** ${counted.length} of ${request.quorum.required} (tier ${request.quorum.tier}${
      request.quorum.file ? `, set by \`${request.quorum.file}\`` : ""
    })${counted.length > 0 ? `: ${counted.map((a) => `@${a.user.login}`).join(", ")}` : ""}`,
    ...(request.denials.length > 0
      ? [`- **Denied by:** ${request.denials.map((d) => `@${d.user.login}`).join(", ")}`]
      : []),
    `- **Expires:** ${request.expiresAt}`,
    ...(request.run ? [`- **Run:** ${describeRun(request.run)}`] : []),
    ...(view.lock
      ? [
          `- **Locked:** ${view.lock.environment} by @${view.lock.by.login} since ${view.lock.at}${
            view.lock.reason ? `: ${oneLine(view.lock.reason)}` : ""
          }`,
        ]
      : []),
    ...(request.closed ? [`- **Closed:** ${oneLine(request.closed.reason)}`] : []),
    "",
    request.state === "pending"
      ? `Approve with \`/snapgate approve ${request.id}\`, deny with \`/snapgate deny ${request.id} --reason ...\`.`
      : "",
    "",
    hiddenBlock(request, view.macKey),
  ];
  return lines.join("\n");
}

function hiddenBlock(request: LifecycleRequest, key: Uint8Array): string {
  const json = canonicalJson(request);
  // No '<' or '>' inside the comment, so no value can end it early.
  const block = JSON.stringify({ mac: requestStateMac(key, json), request })
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e");
  return `<!-- ${REQUEST_STATE_MARKER} ${block} -->`;
}

function describePlan(request: LifecycleRequest, plan: readonly PlannedChange[] | null): string {
  if (request.action === "forget")
    return "the snapshots are forgotten (tombstoned), no files change";
  if (plan === null) return "unknown (no dry run)";
  const count = (action: PlannedChange["action"]) =>
    plan.filter((change) => change.action === action).length;
  const changing = plan.filter((change) => change.action !== "unchanged");
  const summary = `${count("create")} to create, ${count("update")} to update, ${count("delete")} to delete, ${count("extra")} kept as extra, ${count("unchanged")} unchanged`;
  if (changing.length === 0) return summary;
  const listed = changing
    .slice(0, LISTED_CHANGES)
    .map((change) => `\`${change.path}\` (${change.action})`)
    .join(", ");
  return `${summary}: ${listed}${changing.length > LISTED_CHANGES ? `, and ${changing.length - LISTED_CHANGES} more` : ""}`;
}

function describeRun(run: NonNullable<LifecycleRequest["run"]>): string {
  if (run.id === null || run.url === null)
    return `\`${run.workflow}\` on ${run.ref} was not dispatched`;
  const state = run.conclusion === null ? "running" : `finished: ${run.conclusion}`;
  return `[run ${run.id}](${run.url}) of \`${run.workflow}\` on ${run.ref}, dispatched ${run.dispatchedAt}, ${state}`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").replace(/[<>]/g, "");
}
