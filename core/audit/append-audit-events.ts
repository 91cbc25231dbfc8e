import { SnapgateError } from "../errors.js";
import { chainAuditEvents, type AuditEventInput } from "./audit-event.js";
import type { Store } from "../store/store.js";

const MAX_ATTEMPTS = 25;

/**
 * Appends events to the store's hash-chained audit log, re-reading the head
 * and re-chaining when another writer got there first.
 */
export async function appendAuditEvents(
  store: Store,
  events: readonly AuditEventInput[],
): Promise<void> {
  if (events.length === 0) return;
  const time = (events[0] as AuditEventInput).time;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const head = await store.currentAuditHead();
    const { lines } = chainAuditEvents(head, events);
    if ((await store.appendAudit(head, lines, time)) === "committed") return;
    await new Promise((resolve) =>
      setTimeout(resolve, Math.random() * Math.min(200, 10 * attempt)),
    );
  }
  throw new SnapgateError("CONFLICT", `Could not append to the audit log of ${store.location}.`, {
    fix: "Too many writers raced for the audit log; run the command again (what it did is done; only its audit events are missing).",
  });
}
