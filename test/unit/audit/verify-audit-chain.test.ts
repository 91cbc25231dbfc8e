import { describe, expect, it } from "@jest/globals";
import {
  auditHeadOfLine,
  chainAuditEvents,
  type AuditEvent,
  type AuditEventInput,
} from "../../../core/audit/audit-event.js";
import { verifyAuditChain } from "../../../core/audit/verify-audit-chain.js";
import { canonicalJson } from "../../../core/crypto/canonical-json.js";
import { sha256Hex } from "../../../core/crypto/sha256-hex.js";

const input = (type: string, extra: Partial<AuditEventInput> = {}): AuditEventInput => ({
  type,
  time: new Date("2025-02-03T04:05:06Z"),
  actor: { kind: "user", login: "octocat", id: 1 },
  subject: { stream: "prod" },
  ...extra,
});

/** Four chained events, as lines. */
const chain = (): string[] =>
  chainAuditEvents(
    null,
    ["a", "b", "c", "d"].map((type) => input(type)),
  ).lines;

const edit = (line: string, change: (event: AuditEvent) => void): string => {
  const event = JSON.parse(line) as AuditEvent;
  change(event);
  return JSON.stringify(event);
};

describe("chainAuditEvents", () => {
  it("numbers events from the head and links each to the one before", () => {
    const first = chainAuditEvents(null, [input("one")]);
    const second = chainAuditEvents(first.head, [input("two"), input("three")]);
    const events = [...first.lines, ...second.lines].map((line) => JSON.parse(line) as AuditEvent);
    expect(events.map((e) => [e.seq, e.type])).toEqual([
      [1, "one"],
      [2, "two"],
      [3, "three"],
    ]);
    expect(events[0]?.prev).toBeNull();
    expect(events[1]?.prev).toBe(events[0]?.hash);
    expect(events[2]?.prev).toBe(events[1]?.hash);
    expect(second.head).toEqual({ seq: 3, hash: events[2]?.hash });
    // The hash covers every field but itself.
    const { hash, ...unhashed } = events[2] as AuditEvent;
    expect(sha256Hex(canonicalJson(unhashed))).toBe(hash);
  });

  it("includes optional fields only when given", () => {
    const [bare] = chainAuditEvents(null, [input("bare")]).lines;
    expect(Object.keys(JSON.parse(bare ?? "{}") as object).sort()).toEqual(
      ["actor", "hash", "prev", "seq", "subject", "time", "type", "v"].sort(),
    );
    const [full] = chainAuditEvents(null, [
      input("full", { details: { n: 1 }, deliveryId: "d-1", requestDigest: "r" }),
    ]).lines;
    expect(JSON.parse(full ?? "{}")).toMatchObject({
      details: { n: 1 },
      deliveryId: "d-1",
      requestDigest: "r",
    });
  });

  it("returns the given head when there is nothing to add", () => {
    const head = { seq: 7, hash: "h" };
    expect(chainAuditEvents(head, [])).toEqual({ lines: [], head });
  });
});

describe("auditHeadOfLine", () => {
  it("reads seq and hash, and nothing from lines that are not events", () => {
    const [line] = chain();
    expect(auditHeadOfLine(line ?? "")).toEqual({
      seq: 1,
      hash: (JSON.parse(line ?? "") as AuditEvent).hash,
    });
    expect(auditHeadOfLine('{"seq":1,"ha')).toBeUndefined();
    expect(auditHeadOfLine('{"seq":"1","hash":"x"}')).toBeUndefined();
    expect(auditHeadOfLine("null")).toBeUndefined();
  });
});

describe("verifyAuditChain", () => {
  it("accepts an intact chain and an empty log", () => {
    expect(verifyAuditChain(chain())).toEqual({ events: 4, problems: [] });
    expect(verifyAuditChain([])).toEqual({ events: 0, problems: [] });
  });

  it("reports an altered event at its line", () => {
    const lines = chain();
    lines[1] = edit(lines[1] ?? "", (event) => (event.actor.login = "mallory"));
    expect(verifyAuditChain(lines).problems).toEqual([
      { line: 2, message: "event 2 was altered (its hash does not match its content)" },
    ]);
  });

  it("an altered event whose hash was recomputed breaks the link of the next one", () => {
    const lines = chain();
    lines[1] = edit(lines[1] ?? "", (event) => {
      event.actor.login = "mallory";
      const { hash: _, ...unhashed } = event;
      event.hash = sha256Hex(canonicalJson(unhashed));
    });
    expect(verifyAuditChain(lines).problems).toEqual([
      {
        line: 3,
        message: "event 3 does not follow event 2: an event was removed, inserted or reordered",
      },
    ]);
  });

  it("reports a removed event where the gap is", () => {
    const lines = chain();
    lines.splice(1, 1);
    expect(verifyAuditChain(lines)).toEqual({
      events: 3,
      problems: [
        {
          line: 2,
          message: "event 3 does not follow event 1: an event was removed, inserted or reordered",
        },
      ],
    });
  });

  it("reports reordered events", () => {
    const lines = chain();
    [lines[1], lines[2]] = [lines[2] ?? "", lines[1] ?? ""];
    expect(verifyAuditChain(lines).problems).toEqual([
      {
        line: 2,
        message: "event 3 does not follow event 1: an event was removed, inserted or reordered",
      },
    ]);
  });

  it("reports a log whose first events were cut off", () => {
    expect(verifyAuditChain(chain().slice(2)).problems).toEqual([
      {
        line: 1,
        message:
          "event 3 does not follow event (none): an event was removed, inserted or reordered",
      },
    ]);
  });

  it("reports a line that is not JSON, and stops there", () => {
    const lines = chain();
    lines[2] = (lines[2] ?? "").slice(0, 20);
    lines[3] = "also broken";
    expect(verifyAuditChain(lines).problems).toEqual([{ line: 3, message: "not valid JSON" }]);
  });
});
