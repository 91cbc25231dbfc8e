import type { AuditEvent } from "./audit-event.js";

/**
 * The audit lines whose event time falls in [sinceMs, untilMs), as stored:
 * one canonical JSON event per line with its chain fields (seq, prev, hash),
 * so a SIEM can check continuity from one export to the next. Lines that are
 * not events are counted, not exported (`audit verify` reports them).
 */
export function auditEventsBetween(
  lines: readonly string[],
  range: { sinceMs: number; untilMs: number | null },
): { lines: string[]; unreadable: number } {
  const selected: string[] = [];
  let unreadable = 0;
  for (const line of lines) {
    let time: number;
    try {
      time = Date.parse((JSON.parse(line) as Partial<AuditEvent>).time ?? "");
    } catch {
      time = Number.NaN;
    }
    if (Number.isNaN(time)) {
      unreadable++;
      continue;
    }
    if (time >= range.sinceMs && (range.untilMs === null || time < range.untilMs))
      selected.push(line);
  }
  return { lines: selected, unreadable };
}
