import { canonicalJson } from "../crypto/canonical-json.js";
import { sha256Hex } from "../crypto/sha256-hex.js";
import type { AuditHead } from "../store/store.js";

/**
 * Audit events form one hash chain per store: each line carries the hash of
 * the line before it, so removing or editing a past event breaks every later
 * hash. Events name people by login and numeric id (logins can be renamed).
 */
export interface AuditActor {
  /** workflow: a Snapgate action in a GitHub Actions run (login: the run's actor; run: its URL). */
  kind: "user" | "writer" | "app" | "cli" | "workflow";
  login?: string;
  id?: number;
  /** A writer's verify key (sgw1...), for snapshot events. */
  key?: string;
  /** The workflow run's URL, for workflow actors. */
  run?: string;
}

export interface AuditEventInput {
  type: string;
  time: Date;
  actor: AuditActor;
  subject: Record<string, unknown>;
  details?: Record<string, unknown>;
  deliveryId?: string;
  requestDigest?: string;
}

export interface AuditEvent {
  v: 1;
  seq: number;
  time: string;
  type: string;
  actor: AuditActor;
  subject: Record<string, unknown>;
  details?: Record<string, unknown>;
  deliveryId?: string;
  requestDigest?: string;
  prev: string | null;
  hash: string;
}

/** Turns inputs into chained lines that follow `head`; returns the lines and the new head. */
export function chainAuditEvents(
  head: AuditHead | null,
  inputs: readonly AuditEventInput[],
): { lines: string[]; head: AuditHead | null } {
  const lines: string[] = [];
  let current = head;
  for (const input of inputs) {
    const unhashed: Omit<AuditEvent, "hash"> = {
      v: 1,
      seq: (current?.seq ?? 0) + 1,
      time: input.time.toISOString(),
      type: input.type,
      actor: input.actor,
      subject: input.subject,
      ...(input.details ? { details: input.details } : {}),
      ...(input.deliveryId ? { deliveryId: input.deliveryId } : {}),
      ...(input.requestDigest ? { requestDigest: input.requestDigest } : {}),
      prev: current?.hash ?? null,
    };
    const hash = sha256Hex(canonicalJson(unhashed));
    lines.push(canonicalJson({ ...unhashed, hash }));
    current = { seq: unhashed.seq, hash };
  }
  return { lines, head: current };
}

/** The head a line establishes; undefined if the line is not an audit event. */
export function auditHeadOfLine(line: string): AuditHead | undefined {
  try {
    const event = JSON.parse(line) as Partial<AuditEvent>;
    if (typeof event.seq === "number" && typeof event.hash === "string") {
      return { seq: event.seq, hash: event.hash };
    }
  } catch {
    return undefined;
  }
  return undefined;
}

/** The head audit/head.json holds; null for no file, or one that is not a head. */
export function parseAuditHeadPointer(bytes: Uint8Array | null): AuditHead | null {
  if (!bytes) return null;
  const head = auditHeadOfLine(Buffer.from(bytes).toString("utf8"));
  return head ?? null;
}
