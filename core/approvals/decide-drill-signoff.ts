import type { AuditEventInput } from "../audit/audit-event.js";
import type { DrillName } from "../operations/drill-path.js";
import { SIGNOFF_ROLES, type SignoffRole } from "../operations/drill-signoff-path.js";
import type { DrillSignoffs } from "../operations/read-drill-signoffs.js";
import type { DrillRead } from "../operations/read-drill-record.js";
import type { RequestUser } from "./approval-request.js";
import type { EligibilityFacts } from "./decide-eligibility.js";
import type { Reaction } from "./request-lifecycle.js";

export interface SignoffFacts {
  /** The drill as its path names it, and its record as read (signature checked). */
  drill: DrillName;
  read: DrillRead;
  /** The sign-offs already recorded (app-signed, checked). */
  signoffs: DrillSignoffs;
  /** The actor's live standing in roles.ops and roles.security; null: the policy lists nobody for it. */
  roles: Record<SignoffRole, EligibilityFacts | null>;
  deliveryId: string;
  commentId: number;
}

export interface SignoffDecision {
  /** The role to record the actor's sign-off for; null: nothing is written. */
  role: SignoffRole | null;
  reply: string;
  reactions: Reaction[];
  auditEvents: AuditEventInput[];
  /** Why nothing was recorded (null when a sign-off is recorded or was already). */
  refusal:
    | null
    | "missing"
    | "untrusted"
    | "failed"
    | "bot"
    | "own-drill"
    | "not-in-role"
    | "no-roles"
    | "taken"
    | "same-person";
}

const same = (a: { login: string; id?: number }, b: RequestUser): boolean =>
  (a.id !== undefined && a.id === b.id) || a.login.toLowerCase() === b.login.toLowerCase();

/**
 * `/snapgate signoff <drill>` (ADR 1203): a passing drill whose record the
 * writer key signed gets one sign-off from someone in roles.ops and one from
 * someone else in roles.security, both checked live. Whoever ran the drill
 * cannot sign it off, nor can one person give both. The actor signs for the
 * first of their roles still open; a sign-off already recorded for them is
 * said again and not written twice (a redelivery, a second app instance).
 */
export function decideDrillSignoff(
  actor: RequestUser,
  facts: SignoffFacts,
  now: Date,
): SignoffDecision {
  const { drill } = facts;
  const event = (type: string, details: Record<string, unknown>): AuditEventInput => ({
    type,
    time: now,
    actor: { kind: "user", login: actor.login, id: actor.id },
    subject: { environment: drill.stream, drill: drill.path, snapshot: drill.snapshot },
    details,
    deliveryId: facts.deliveryId,
  });
  const refuse = (
    refusal: NonNullable<SignoffDecision["refusal"]>,
    reply: string,
    audited = false,
  ): SignoffDecision => ({
    role: null,
    reply: `Not signed off: ${reply}`,
    reactions: ["-1"],
    // A person's refused attempt is a decision, so it is audited; a bad drill name is not.
    auditEvents: audited ? [event("drill.signoff-refused", { refusal })] : [],
    refusal,
  });
  const read = facts.read;
  if (!read.ok) {
    if (read.reason === "missing")
      return refuse(
        "missing",
        `there is no drill \`${drill.path}\` in the backup repository. Copy the record path from the drill's job summary or \`snapgate drill\` output.`,
      );
    return refuse(
      "untrusted",
      `the drill record cannot be trusted (${read.detail}). Find out who wrote it; run the drill again with a writer key of the policy.`,
    );
  }
  if (!read.record.ok)
    return refuse(
      "failed",
      `the drill of ${drill.time} failed; only a passing drill is signed off. Fix what it found and drill again.`,
    );
  if (actor.login.endsWith("[bot]") || facts.roles.ops?.bot || facts.roles.security?.bot)
    return refuse("bot", `@${actor.login} is a bot; bots never sign off.`, true);
  const ranBy = read.record.ranBy;
  if (ranBy && same(ranBy, actor))
    return refuse(
      "own-drill",
      `@${actor.login} ran this drill, and nobody signs off their own drill. Ask someone else in roles.ops or roles.security.`,
      true,
    );
  if (facts.roles.ops === null && facts.roles.security === null)
    return refuse(
      "no-roles",
      "the policy lists nobody under roles.ops or roles.security. Add them to the policy on the default branch (docs/policy.md).",
    );
  const mine = SIGNOFF_ROLES.filter((role) => facts.roles[role]?.inRole === true);
  if (mine.length === 0)
    return refuse(
      "not-in-role",
      `@${actor.login} is not in roles.ops or roles.security (users and teams are checked live). Ask someone who is.`,
      true,
    );
  const signedBy = (role: SignoffRole) => {
    const read = facts.signoffs[role];
    return read?.state === "signed" ? read.record.by : null;
  };
  const already = SIGNOFF_ROLES.find((role) => {
    const by = signedBy(role);
    return by !== null && same(by, actor);
  });
  if (already !== undefined) {
    const other = SIGNOFF_ROLES.find((role) => role !== already);
    return {
      role: null,
      reply: `@${actor.login} has already signed off this drill for ${already}${other && mine.includes(other) && signedBy(other) === null ? `; the ${other} sign-off must come from someone else` : ""}.\n\n${renderSignoffStatus(drill, facts.signoffs)}`,
      reactions: [],
      auditEvents: [],
      refusal: null,
    };
  }
  const open = mine.filter((role) => facts.signoffs[role] === null);
  const role = open[0];
  if (role === undefined) {
    const taken = mine
      .map((r) => {
        const read = facts.signoffs[r];
        return read?.state === "signed"
          ? `${r} by @${read.record.by.login}`
          : `${r} (its record cannot be trusted: ${read?.detail ?? "unreadable"})`;
      })
      .join(" and ");
    return refuse("taken", `it is already signed off for ${taken}.`);
  }
  return {
    role,
    reply: `✅ @${actor.login} signed off this drill for ${role}.\n\n${renderSignoffStatus(drill, {
      ...facts.signoffs,
      [role]: {
        state: "signed",
        record: { by: { id: actor.id, login: actor.login }, at: now.toISOString() },
      },
    } as DrillSignoffs)}`,
    reactions: ["+1"],
    auditEvents: [event("drill.signed-off", { role })],
    refusal: null,
  };
}

/** Which roles signed the drill off, which are missing, and what to type for them. */
function renderSignoffStatus(drill: DrillName, signoffs: DrillSignoffs): string {
  const lines = SIGNOFF_ROLES.map((role) => {
    const read = signoffs[role];
    if (read?.state === "signed")
      return `- ${role}: ✅ signed off by @${read.record.by.login} at ${read.record.at}`;
    if (read?.state === "untrusted")
      return `- ${role}: ⚠️ its record cannot be trusted (${read.detail})`;
    return `- ${role}: ⏳ missing: someone in roles.${role} comments \`/snapgate signoff ${drill.path}\``;
  });
  const done = SIGNOFF_ROLES.every((role) => signoffs[role]?.state === "signed");
  return [
    `Drill of ${drill.stream} at ${drill.time} (snapshot \`${drill.snapshot.slice(0, 12)}\`): ${done ? "signed off by ops and security" : "not fully signed off yet"}.`,
    ...lines,
  ].join("\n");
}
