import { canonicalJson } from "../crypto/canonical-json.js";
import { sha256Hex } from "../crypto/sha256-hex.js";
import type { AuditEvent } from "./audit-event.js";

export interface AuditChainProblem {
  line: number;
  message: string;
}

/** Recomputes every hash and link; reports the first line where the chain breaks, and why. */
export function verifyAuditChain(lines: readonly string[]): {
  events: number;
  problems: AuditChainProblem[];
} {
  const problems: AuditChainProblem[] = [];
  let prev = null as { seq: number; hash: string } | null;
  for (const [index, line] of lines.entries()) {
    let event: AuditEvent;
    try {
      event = JSON.parse(line) as AuditEvent;
    } catch {
      problems.push({ line: index + 1, message: "not valid JSON" });
      break;
    }
    const { hash, ...unhashed } = event;
    if (sha256Hex(canonicalJson(unhashed)) !== hash) {
      problems.push({
        line: index + 1,
        message: `event ${event.seq} was altered (its hash does not match its content)`,
      });
      break;
    }
    if (event.prev !== (prev?.hash ?? null) || event.seq !== (prev?.seq ?? 0) + 1) {
      problems.push({
        line: index + 1,
        message: `event ${event.seq} does not follow event ${prev?.seq ?? "(none)"}: an event was removed, inserted or reordered`,
      });
      break;
    }
    prev = { seq: event.seq, hash };
  }
  return { events: lines.length, problems };
}
