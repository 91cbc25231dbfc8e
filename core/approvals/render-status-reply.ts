import { countApprovals } from "./count-approvals.js";
import { markdownCode } from "./markdown-code.js";
import type { EnvironmentLock, LifecycleRequest } from "./request-lifecycle.js";

/** What `/snapgate status` shows: one request, or environments' locks and open requests. */
export type StatusView =
  | { kind: "request"; request: LifecycleRequest; lock: EnvironmentLock | null }
  | {
      kind: "environments";
      environments: Array<{ environment: string; lock: EnvironmentLock | null }>;
      /** Pending and approved requests of those environments, newest first. */
      open: LifecycleRequest[];
      /** Requests in the backup repository that were not read (the scan's bound); 0 when all were. */
      unread: number;
    };

/** The most open requests one status reply lists. */
export const LISTED_OPEN_REQUESTS = 20;

/** The Markdown of a `status` reply. Reasons are code spans: a reply mentions no one. */
export function renderStatusReply(view: StatusView): string {
  if (view.kind === "request") {
    const { request } = view;
    const counted = countApprovals(request);
    return [
      `**Request \`${request.id}\`** (${request.action} of **${request.subject.environment}**): ${request.state}`,
      "",
      `- **Asked by:** @${request.requester.login} at ${request.createdAt}${request.reason ? `: ${markdownCode(request.reason)}` : ""}`,
      `- **Approvals:** ${counted.length} of ${request.quorum.required} (tier ${request.quorum.tier})${counted.length > 0 ? `: ${counted.map((approval) => `@${approval.user.login}`).join(", ")}` : ""}`,
      ...(request.denials.length > 0
        ? [
            `- **Denied by:** ${request.denials.map((denial) => `@${denial.user.login}`).join(", ")}`,
          ]
        : []),
      `- **Expires:** ${request.expiresAt}`,
      ...(request.closed
        ? [`- **Closed:** ${request.closed.at}: ${markdownCode(request.closed.reason)}`]
        : []),
      `- ${lockLine(request.subject.environment, view.lock)}`,
    ].join("\n");
  }
  const lines = view.environments.map(
    ({ environment, lock }) => `- ${lockLine(environment, lock)}`,
  );
  const shown = view.open.slice(0, LISTED_OPEN_REQUESTS);
  lines.push(
    "",
    view.open.length === 0 ? "No open requests." : "**Open requests** (newest first):",
  );
  for (const request of shown) {
    lines.push(
      `- \`${request.id}\`: ${request.action} of **${request.subject.environment}**, ${request.state}, ${countApprovals(request).length} of ${request.quorum.required}, asked by @${request.requester.login} at ${request.createdAt}, expires ${request.expiresAt}`,
    );
  }
  if (view.open.length > shown.length)
    lines.push(
      `- … and ${view.open.length - shown.length} more (\`/snapgate status <request>\` shows one).`,
    );
  if (view.unread > 0)
    lines.push(
      "",
      `(${view.unread} older request records were not read; name a request to see it: \`/snapgate status <request>\`.)`,
    );
  return lines.join("\n");
}

function lockLine(environment: string, lock: EnvironmentLock | null): string {
  return lock === null
    ? `**${environment}** is not locked.`
    : `🔒 **${environment}** is locked by @${lock.by.login} since ${lock.at}: ${lock.reason ? markdownCode(lock.reason) : "no reason given"}. Restores are refused and its gate fails until an approver runs \`/snapgate unlock --env ${environment}\`.`;
}
