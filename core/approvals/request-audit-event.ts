import type { AuditEventInput } from "../audit/audit-event.js";
import type { RequestUser } from "./approval-request.js";
import type { LifecycleRequest } from "./request-lifecycle.js";

/** An audit event about a request: who (login and numeric id), what, when, the delivery and the request digest. */
export function requestAuditEvent(
  type: string,
  request: Pick<LifecycleRequest, "id" | "action" | "subject" | "digest">,
  actor: RequestUser | null,
  deliveryId: string,
  now: Date,
  details?: Record<string, unknown>,
): AuditEventInput {
  return {
    type,
    time: now,
    actor: actor === null ? { kind: "app" } : { kind: "user", login: actor.login, id: actor.id },
    subject: {
      request: request.id,
      action: request.action,
      environment: request.subject.environment,
      snapshots: [...request.subject.snapshots],
      ...(request.subject.paths ? { paths: [...request.subject.paths] } : {}),
    },
    ...(details ? { details } : {}),
    deliveryId,
    requestDigest: request.digest,
  };
}
