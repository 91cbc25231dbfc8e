import { canonicalJson } from "../crypto/canonical-json.js";
import { sha256Hex } from "../crypto/sha256-hex.js";
import type { ApprovalRequest } from "./approval-request.js";

/**
 * `sha256:<hex>` of the canonical JSON of what an approval approves: the
 * request id, action, subject (environment, snapshot ids sorted, paths,
 * policy digest), requester and validity. An approval carries it, so it
 * cannot be moved to another request or survive a change of what is asked.
 */
export function requestDigest(
  request: Pick<
    ApprovalRequest,
    "format" | "id" | "action" | "subject" | "requester" | "createdAt" | "expiresAt"
  >,
): string {
  const subject = {
    ...request.subject,
    snapshots: [...request.subject.snapshots].sort(),
  };
  return `sha256:${sha256Hex(
    canonicalJson({
      format: request.format,
      id: request.id,
      action: request.action,
      subject,
      requester: request.requester,
      createdAt: request.createdAt,
      expiresAt: request.expiresAt,
    }),
  )}`;
}
