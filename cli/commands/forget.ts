import { resolve } from "node:path";
import { SnapgateError } from "../../core/errors.js";
import { readApprovalRequest } from "../../core/approvals/approval-request.js";
import { formatDuration, parseDuration } from "../../core/policy/parse-duration.js";
import { WITHIN_BUCKET_RULES, type KeepRules } from "../../core/policy/policy.js";
import { policyDigest } from "../../core/policy/policy-digest.js";
import { forgetSnapshots, type ForgetOutcome } from "../../core/snapshot/forget-snapshots.js";
import { planForget, type ForgetPlan } from "../../core/snapshot/plan-forget.js";
import {
  flag,
  listValue,
  requireValue,
  stringValue,
  type Command,
  type ParsedArgs,
} from "../command.js";
import { POLICY_HELP, POLICY_OPTION, requireCliPolicy } from "../load-cli-policy.js";
import { openStore, STORE_OPTION } from "../open-store.js";
import { json, shortId } from "../output.js";
import {
  readForgottenLocks,
  type ForgottenLock,
} from "../../core/snapshot/read-forgotten-locks.js";

const COUNT_FLAGS = ["last", "hourly", "daily", "weekly", "monthly", "yearly"] as const;

function parseCount(text: string, name: string): number {
  if (text === "unlimited") return -1;
  const value = /^-?\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < -1) {
    throw new SnapgateError("USAGE", `--keep-${name} '${text}' is not a count.`, {
      fix: `Give a whole number (0 turns the rule off), or unlimited (or --keep-${name}=-1) to keep all.`,
    });
  }
  return value;
}

function parseWithin(text: string, name = "within"): number {
  const ms = parseDuration(text);
  if (ms === null || ms === 0 || ms % 3_600_000 !== 0) {
    throw new SnapgateError("USAGE", `--keep-${name} '${text}' is not a whole number of hours.`, {
      fix: "Write e.g. 36h, 7d or 2w (units h, d, w). Unlike restic, m means minutes: write 30d for about a month.",
    });
  }
  return ms;
}

/** The --keep-* flags as keep rules, or null when none is given (the tier's rules apply). */
function keepFromFlags(args: ParsedArgs): KeepRules | null {
  const within = stringValue(args, "keep-within");
  const tags = listValue(args, "keep-tag");
  const given = COUNT_FLAGS.filter((name) => stringValue(args, `keep-${name}`) !== undefined);
  const withinBucketsMs: KeepRules["withinBucketsMs"] = {};
  for (const rule of WITHIN_BUCKET_RULES) {
    const text = stringValue(args, `keep-within-${rule}`);
    if (text !== undefined) withinBucketsMs[rule] = parseWithin(text, `within-${rule}`);
  }
  const withinGiven = Object.keys(withinBucketsMs).length > 0;
  if (given.length === 0 && within === undefined && !withinGiven && tags.length === 0) return null;
  const count = (name: (typeof COUNT_FLAGS)[number]) => {
    const text = stringValue(args, `keep-${name}`);
    return text === undefined ? 0 : parseCount(text, name);
  };
  return {
    last: count("last"),
    hourly: count("hourly"),
    daily: count("daily"),
    weekly: count("weekly"),
    monthly: count("monthly"),
    yearly: count("yearly"),
    withinMs: within === undefined ? 0 : parseWithin(within),
    ...(withinGiven ? { withinBucketsMs } : {}),
    tags,
  };
}

/** The --json shape (documented in docs/cli.md). */
function forgetJson(
  plan: ForgetPlan,
  dryRun: boolean,
  keepOldest: boolean,
  approval: string | null,
  outcome: ForgetOutcome | null,
): Record<string, unknown> {
  return {
    environment: plan.environment,
    tier: plan.tier,
    rules: plan.rules,
    dryRun,
    keepOldest,
    snapshots: plan.decisions.map((decision) => ({
      id: decision.id,
      seq: decision.seq,
      time: decision.time,
      keep: decision.keep,
      reasons: decision.reasons,
      tier0: decision.tier0,
    })),
    keep: plan.decisions.filter((decision) => decision.keep).map((decision) => decision.id),
    remove: plan.drop.map((decision) => decision.id),
    tier0: { snapshots: plan.tier0Drops, requiredApprovals: plan.requiredApprovals },
    approval,
    tombstones: outcome?.tombstones ?? [],
  };
}

function describeLocks(locked: readonly ForgottenLock[]): string {
  if (locked.length === 0) return "";
  const untils = locked.flatMap((lock) => lock.until ?? []).sort();
  const held = locked.filter((lock) => lock.legalHold).length;
  const parts = [
    untils.length ? `retention until ${untils.at(-1) ?? ""} at the latest` : "",
    held ? `a legal hold on ${held}` : "",
  ].filter(Boolean);
  return `S3 Object Lock holds ${locked.length} of these snapshots' manifests (${parts.join("; ")}): prune deletes their objects only after that${held ? ", and after `snapgate lift-legal-hold` once the policy drops the hold" : ""}.\n`;
}

function describe(plan: ForgetPlan, dryRun: boolean, outcome: ForgetOutcome | null): string {
  const floor = plan.retention.floor;
  const floors = [
    floor.legalHold ? "legal_hold" : "",
    floor.minCount ? `min_count ${floor.minCount}` : "",
    floor.minAgeMs ? `min_age ${formatDuration(floor.minAgeMs)}` : "",
    floor.tags.length ? `tags ${floor.tags.join(",")}` : "",
  ].filter(Boolean);
  const lines = [
    `${plan.environment} (${plan.tier}): keep rules from ${plan.rules === "flags" ? "--keep-* flags" : `${plan.tier}'s retention`}${floors.length ? `; ${plan.tier}'s floors apply (${floors.join(", ")})` : ""}`,
  ];
  for (const decision of plan.decisions) {
    lines.push(
      `${decision.keep ? "keep" : "drop"}  ${decision.stream}@${decision.seq}  ${shortId(decision.id)}  ${decision.time.replace(/\.000Z$/, "Z")}  ${decision.reasons.join("; ")}${!decision.keep && decision.tier0 ? "  [tier-0]" : ""}`,
    );
  }
  const kept = plan.decisions.length - plan.drop.length;
  if (dryRun || !outcome) {
    lines.push(`${kept} kept, ${plan.drop.length} to forget (dry run: nothing written).`);
    if (plan.tier0Drops.length)
      lines.push(
        `${plan.tier0Drops.length} of them are tier-0: forgetting them needs --approval REQUEST-ID (${plan.requiredApprovals} approval(s)).`,
      );
  } else {
    lines.push(
      `${kept} kept, ${outcome.tombstones.length} forgotten (tombstones written; manifests stay, so the chain still verifies).`,
    );
    if (outcome.tombstones.length)
      lines.push(
        "Their blobs are deleted by `snapgate prune --grace 24h` once the grace period has passed.",
      );
  }
  return `${lines.join("\n")}\n`;
}

export const forgetCommand: Command = {
  name: "forget",
  summary:
    "Apply retention to an environment: keep or forget each snapshot (tombstones; blobs go with prune)",
  usage:
    "snapgate forget --store STORE --env ENV [--policy FILE] [--dry-run] [--keep-last N] [--keep-hourly N] [--keep-daily N] [--keep-weekly N] [--keep-monthly N] [--keep-yearly N] [--keep-within DUR] [--keep-within-hourly DUR] [--keep-within-daily DUR] [--keep-within-weekly DUR] [--keep-within-monthly DUR] [--keep-within-yearly DUR] [--keep-tag T]... [--no-keep-oldest] [--approval ID] [--json]",
  help: [
    "--env ENV             the environment (its tier's retention applies)",
    POLICY_HELP,
    "--dry-run             print each snapshot kept or dropped, with the rule that decided; write nothing",
    "--keep-last N ... --keep-yearly N, --keep-within DUR, --keep-within-hourly DUR ... --keep-within-yearly DUR, --keep-tag T",
    "                      restic's rules; any of them replaces the tier's keep rules (its floors still apply). N: a count, 0 off, unlimited (or =-1) all",
    "                      --keep-within-daily 30d: the newest snapshot of each day within 30 days of the newest snapshot (and so on)",
    "--no-keep-oldest      no 'oldest' keep (restic before 0.16)",
    "--root DIR            where .github/snapgate.yml is looked for (default: the working directory)",
    "--approval ID         the approved request (requests/ID.json in the store, signed by an app key of the policy's keys.app) that allows forgetting tier-0 snapshots",
  ],
  json: '`{environment, tier, rules: "policy"|"flags", dryRun, keepOldest, snapshots: [{id, seq, time, keep, reasons[], tier0}] (newest first), keep[], remove[], tier0: {snapshots[], requiredApprovals}, approval, tombstones[], locked: [{id, seq, until?, legalHold}] (forgotten snapshots whose manifest S3 Object Lock still holds: prune deletes their objects only after)}`',
  options: {
    ...STORE_OPTION,
    ...POLICY_OPTION,
    env: { type: "string" },
    root: { type: "string" },
    "dry-run": { type: "boolean" },
    "keep-last": { type: "string" },
    "keep-hourly": { type: "string" },
    "keep-daily": { type: "string" },
    "keep-weekly": { type: "string" },
    "keep-monthly": { type: "string" },
    "keep-yearly": { type: "string" },
    "keep-within": { type: "string" },
    "keep-within-hourly": { type: "string" },
    "keep-within-daily": { type: "string" },
    "keep-within-weekly": { type: "string" },
    "keep-within-monthly": { type: "string" },
    "keep-within-yearly": { type: "string" },
    "keep-tag": { type: "string", multiple: true },
    "no-keep-oldest": { type: "boolean" },
    approval: { type: "string" },
  },
  async run(args, context) {
    const env = requireValue(args, "env", this, "Name the environment, e.g. --env prod.");
    const keep = keepFromFlags(args);
    const root = resolve(context.cwd, stringValue(args, "root") ?? ".");
    const { policy } = await requireCliPolicy(args, context, root, "forget");
    const store = await openStore(args, context);
    const now = new Date();
    const dryRun = flag(args, "dry-run");
    const keepOldest = !flag(args, "no-keep-oldest");
    const plan = await planForget({ store, policy, environment: env, now, keep, keepOldest });
    const approvalId = stringValue(args, "approval") ?? null;
    let outcome: ForgetOutcome | null = null;
    if (!dryRun) {
      outcome = await forgetSnapshots(store, plan, {
        approval:
          approvalId && plan.tier0Drops.length
            ? await readApprovalRequest(store, approvalId)
            : null,
        policyDigest: `sha256:${policyDigest(policy)}`,
        appKeys: policy.keys.app ?? [],
        now,
      });
    }
    // Forget deletes nothing; on a WORM store, say when prune will be able to (issue 14).
    const locked = await readForgottenLocks(store, env, plan.drop);
    context.stdout(
      flag(args, "json")
        ? json({ ...forgetJson(plan, dryRun, keepOldest, approvalId, outcome), locked })
        : describe(plan, dryRun, outcome) + describeLocks(locked),
    );
    return 0;
  },
};
