import { describe, expect, it } from "@jest/globals";
import {
  decideDrillSignoff,
  type SignoffFacts,
} from "../../../core/approvals/decide-drill-signoff.js";
import type { EligibilityFacts } from "../../../core/approvals/decide-eligibility.js";
import { parseCommentCommand } from "../../../core/approvals/parse-comment-command.js";
import { parseDrillPath } from "../../../core/operations/drill-path.js";
import type { DrillSignoffRecord } from "../../../core/operations/drill-signoff-record.js";
import type { DrillRecord } from "../../../core/operations/drill-record.js";

const SNAPSHOT = "ab".repeat(32);
const PATH = `drills/prod/20261126T120000.123Z-ok-${SNAPSHOT}.json`;
const drill = parseDrillPath(PATH)!;
const now = new Date("2026-11-27T09:00:00Z");
const inRole: EligibilityFacts = { permission: "read", bot: false, inRole: true };
const notInRole: EligibilityFacts = { permission: "write", bot: false, inRole: false };
const alice = { id: 11, login: "alice" };
const bob = { id: 12, login: "bob" };
const runner = { id: 13, login: "runner" };

const record = (extra: Partial<DrillRecord> = {}) =>
  ({ ok: true, ranBy: { login: "Runner", id: 13 }, ...extra }) as DrillRecord;
const signed = (role: "ops" | "security", by: { id: number; login: string }) => ({
  state: "signed" as const,
  record: { role, by, at: "2026-11-26T13:00:00.000Z" } as DrillSignoffRecord,
});
const facts = (extra: Partial<SignoffFacts> = {}): SignoffFacts => ({
  drill,
  read: { ok: true, record: record() },
  signoffs: { ops: null, security: null },
  roles: { ops: inRole, security: notInRole },
  deliveryId: "d-1",
  commentId: 7,
  ...extra,
});

describe("decideDrillSignoff: one person from roles.ops and another from roles.security", () => {
  it("records an ops sign-off and says security is still missing, with the command to type", () => {
    const decision = decideDrillSignoff(alice, facts(), now);
    expect(decision.role).toBe("ops");
    expect(decision.refusal).toBeNull();
    expect(decision.reply).toContain("✅ @alice signed off this drill for ops");
    expect(decision.reply).toContain("- ops: ✅ signed off by @alice");
    expect(decision.reply).toContain(
      `- security: ⏳ missing: someone in roles.security comments \`/snapgate signoff ${PATH}\``,
    );
    expect(decision.reply).toContain("not fully signed off yet");
    expect(decision.auditEvents).toMatchObject([
      {
        type: "drill.signed-off",
        actor: { kind: "user", login: "alice", id: 11 },
        subject: { environment: "prod", drill: PATH, snapshot: SNAPSHOT },
        details: { role: "ops" },
        deliveryId: "d-1",
      },
    ]);
  });

  it("completes with security from someone else, and says both roles signed", () => {
    const decision = decideDrillSignoff(
      bob,
      facts({
        signoffs: { ops: signed("ops", alice), security: null },
        roles: { ops: notInRole, security: inRole },
      }),
      now,
    );
    expect(decision.role).toBe("security");
    expect(decision.reply).toContain("signed off by ops and security");
  });

  it("never lets one person give both sign-offs, even when in both roles", () => {
    const both = { ops: inRole, security: inRole };
    const first = decideDrillSignoff(alice, facts({ roles: both }), now);
    expect(first.role).toBe("ops");
    const second = decideDrillSignoff(
      alice,
      facts({ roles: both, signoffs: { ops: signed("ops", alice), security: null } }),
      now,
    );
    expect(second.role).toBeNull();
    expect(second.reply).toContain(
      "@alice has already signed off this drill for ops; the security sign-off must come from someone else",
    );
    expect(second.auditEvents).toEqual([]);
  });

  it("refuses the person who ran the drill (login compared case-insensitively, or by id), audited", () => {
    for (const who of [runner, { id: 99, login: "RUNNER" }]) {
      const decision = decideDrillSignoff(
        who,
        facts({ roles: { ops: inRole, security: inRole } }),
        now,
      );
      expect(decision.role).toBeNull();
      expect(decision.refusal).toBe("own-drill");
      expect(decision.reply).toContain("nobody signs off their own drill");
      expect(decision.auditEvents).toMatchObject([
        { type: "drill.signoff-refused", details: { refusal: "own-drill" } },
      ]);
    }
  });

  it("refuses someone in neither role, a bot, and a role already taken by someone else", () => {
    const outsider = decideDrillSignoff(
      bob,
      facts({ roles: { ops: notInRole, security: notInRole } }),
      now,
    );
    expect(outsider).toMatchObject({ role: null, refusal: "not-in-role" });
    expect(outsider.auditEvents).toHaveLength(1);
    const bot = decideDrillSignoff(
      { id: 5, login: "helper[bot]" },
      facts({ roles: { ops: inRole, security: inRole } }),
      now,
    );
    expect(bot).toMatchObject({ role: null, refusal: "bot" });
    const taken = decideDrillSignoff(
      bob,
      facts({ signoffs: { ops: signed("ops", alice), security: null } }),
      now,
    );
    expect(taken).toMatchObject({ role: null, refusal: "taken" });
    expect(taken.reply).toContain("already signed off for ops by @alice");
  });

  it("refuses a missing, untrusted or failing drill, and a policy with no sign-off roles", () => {
    const missing = decideDrillSignoff(
      alice,
      facts({ read: { ok: false, reason: "missing", detail: "not there" } }),
      now,
    );
    expect(missing).toMatchObject({ role: null, refusal: "missing", auditEvents: [] });
    expect(missing.reply).toContain(`there is no drill \`${PATH}\``);
    const untrusted = decideDrillSignoff(
      alice,
      facts({ read: { ok: false, reason: "unsigned", detail: "bad signature" } }),
      now,
    );
    expect(untrusted).toMatchObject({ role: null, refusal: "untrusted" });
    const failed = decideDrillSignoff(
      alice,
      facts({ read: { ok: true, record: record({ ok: false }) } }),
      now,
    );
    expect(failed).toMatchObject({ role: null, refusal: "failed" });
    const none = decideDrillSignoff(alice, facts({ roles: { ops: null, security: null } }), now);
    expect(none).toMatchObject({ role: null, refusal: "no-roles" });
    expect(none.reply).toContain("roles.ops or roles.security");
  });
});

describe("/snapgate signoff <drill> in a comment", () => {
  it("accepts a drill record's path, or <env>/<name>, and takes the environment from it", () => {
    for (const text of [PATH, `prod/20261126T120000.123Z-ok-${SNAPSHOT}`]) {
      const parsed = parseCommentCommand(`/snapgate signoff ${text}`);
      expect(parsed).toMatchObject({
        kind: "command",
        command: { name: "signoff", args: { drill: text }, environment: "prod" },
      });
    }
  });

  it.each([
    "drills/../secrets/x.json",
    `drills/prod/../../etc/20261126T120000.123Z-ok-${SNAPSHOT}.json`,
    `drills/prod/signoffs/20261126T120000.123Z-ok-${SNAPSHOT}-ops.json`,
    `requests/prod/20261126T120000.123Z-ok-${SNAPSHOT}.json`,
    `drills/PROD/20261126T120000.123Z-ok-${SNAPSHOT}.json`,
    "prod@41",
    "abcdef123456",
  ])("refuses %s with a fix and the usage", (text) => {
    const parsed = parseCommentCommand(`/snapgate signoff '${text}'`);
    expect(parsed.kind).toBe("refused");
    if (parsed.kind !== "refused") return;
    expect(parsed.error.message).toContain("is not a drill record");
    expect(parsed.error.fix).toContain("drills/<env>/<time>-ok-<snapshot>.json");
    expect(parsed.help).toContain("/snapgate signoff <drill>");
  });

  it("needs the drill, and takes no flags", () => {
    expect(parseCommentCommand("/snapgate signoff")).toMatchObject({ kind: "refused" });
    expect(parseCommentCommand(`/snapgate signoff ${PATH} --env prod`)).toMatchObject({
      kind: "refused",
    });
  });
});
