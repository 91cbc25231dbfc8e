import { sha256Hex } from "../crypto/sha256-hex.js";
import type { AuditHead, Store } from "../store/store.js";
import type { AuditEvent } from "./audit-event.js";
import { verifyAuditChain, type AuditChainProblem } from "./verify-audit-chain.js";

export interface AuditLogProblem {
  /**
   * chain: an event edited, removed, inserted or reordered; head: the log
   * ends before audit/head.json (or an anchor) says; snapshot: a committed
   * snapshot has no snapshot.created event.
   */
  kind: "chain" | "head" | "anchor" | "snapshot";
  message: string;
  /** The 1-based line of the whole log (month files in order) where it was found. */
  line?: number;
}

export interface AuditLogReport {
  ok: boolean;
  events: number;
  /** The last event's seq and hash: give it to `audit verify --anchor` later. */
  head: AuditHead | null;
  /** What audit/head.json records. */
  recordedHead: AuditHead | null;
  /** Snapshots whose snapshot.created event was looked for. */
  snapshotsChecked: number;
  problems: AuditLogProblem[];
  /** Not problems: e.g. a pointer a crash left one append behind. */
  notes: string[];
}

/**
 * Verifies the whole audit log of a store: every event's hash and link (an
 * edited, removed, inserted or reordered event, or a removed month file
 * before the last, breaks them); the last event against audit/head.json (a
 * truncated tail or a removed last month file); each committed snapshot
 * against its snapshot.created event (written in the same commit); and
 * optionally an anchor, a head recorded earlier outside the store.
 *
 * The chain has no secret: someone who can write the store and rewrites the
 * tail, audit/head.json and the matching snapshots consistently is found only
 * by an anchor kept elsewhere (an `audit export` in a SIEM).
 */
export async function verifyAuditLog(
  store: Store,
  options: { anchor?: AuditHead } = {},
): Promise<AuditLogReport> {
  const [lines, recordedHead] = await Promise.all([
    store.readAuditLines(),
    store.recordedAuditHead(),
  ]);
  const problems: AuditLogProblem[] = [];
  const notes: string[] = [];
  const chain = verifyAuditChain(lines);
  problems.push(...chain.problems.map(chainProblem));
  const events = parseEvents(lines);
  const last = events.at(-1);
  const head = last ? { seq: last.seq, hash: last.hash } : null;

  if (recordedHead === null) {
    if (head) {
      problems.push({
        kind: "head",
        message: `audit/head.json is missing or unreadable while the log holds ${events.length} event(s): the pointer to the chain's last event was removed or damaged`,
      });
    }
  } else if (!head || recordedHead.seq > head.seq) {
    problems.push({
      kind: "head",
      message: `audit/head.json records event ${recordedHead.seq}, but the log ends at ${head ? `event ${head.seq}` : "no event"}: the last ${recordedHead.seq - (head?.seq ?? 0)} event(s) were removed (a truncated tail or a removed month file)`,
    });
  } else {
    const recorded = events.find((event) => event.seq === recordedHead.seq);
    if (!recorded || recorded.hash !== recordedHead.hash) {
      problems.push({
        kind: "head",
        message: `audit/head.json records event ${recordedHead.seq} with another hash than the log's: the event was altered or the log rewritten from there on`,
      });
    } else if (recordedHead.seq < (head?.seq ?? 0)) {
      // Local stores append the lines, then rewrite the pointer: a crash in between leaves it behind.
      notes.push(
        `audit/head.json points at event ${recordedHead.seq}, ${(head?.seq ?? 0) - recordedHead.seq} before the last: a write was interrupted after appending its events; the next write brings it up to date.`,
      );
    }
  }

  if (options.anchor) {
    const anchored = events.find((event) => event.seq === options.anchor?.seq);
    if (!anchored || anchored.hash !== options.anchor.hash) {
      problems.push({
        kind: "anchor",
        message: anchored
          ? `event ${options.anchor.seq} no longer has the hash of the anchor: the log was rewritten from there on`
          : `the log has no event ${options.anchor.seq}, which the anchor names: events were removed`,
      });
    }
  }

  const created = new Set(
    events
      .filter((event) => event.type === "snapshot.created")
      .map((event) => String(event.subject?.["snapshot"] ?? "")),
  );
  let snapshotsChecked = 0;
  for (const stream of await store.listStreams()) {
    for (const { seq, id } of await committedSnapshots(store, stream)) {
      snapshotsChecked++;
      if (!created.has(id)) {
        problems.push({
          kind: "snapshot",
          message: `snapshot ${stream}@${seq} (${id.slice(0, 12)}) has no snapshot.created event: its event was removed (or, on a local store, a crash interrupted that snapshot's commit)`,
        });
      }
    }
  }
  return {
    ok: problems.length === 0,
    events: events.length,
    head,
    recordedHead,
    snapshotsChecked,
    problems,
    notes,
  };
}

function chainProblem(problem: AuditChainProblem): AuditLogProblem {
  return { kind: "chain", line: problem.line, message: problem.message };
}

/** Events that parse (a line that does not is a chain problem already). */
function parseEvents(lines: readonly string[]): AuditEvent[] {
  const events: AuditEvent[] = [];
  for (const line of lines) {
    try {
      const event = JSON.parse(line) as AuditEvent;
      if (typeof event.seq === "number" && typeof event.hash === "string") events.push(event);
    } catch {
      // reported by verifyAuditChain
    }
  }
  return events;
}

/** Every manifest of the stream, by seq and id: from the catalog, reading only manifests it lacks. */
async function committedSnapshots(
  store: Store,
  stream: string,
): Promise<Array<{ seq: number; id: string }>> {
  const [catalog, seqs] = await Promise.all([
    store.readCatalog(stream),
    store.listManifestSeqs(stream),
  ]);
  const bySeq = new Map(catalog.map((entry) => [entry.seq, entry.id]));
  const snapshots: Array<{ seq: number; id: string }> = [];
  for (const seq of seqs) {
    const id = bySeq.get(seq) ?? (await manifestId(store, stream, seq));
    if (id) snapshots.push({ seq, id });
  }
  return snapshots;
}

async function manifestId(store: Store, stream: string, seq: number): Promise<string | null> {
  const bytes = await store.readManifest(stream, seq);
  return bytes ? sha256Hex(bytes) : null;
}
