import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  POLICY_HELP,
  POLICY_OPTION,
  requireCliPolicy
} from "./chunk-BIX4YTP5.js";
import {
  STORE_OPTION,
  openStore
} from "./chunk-3DD7AWWT.js";
import {
  flag,
  json,
  listValue,
  requireValue,
  shortId,
  stringValue
} from "./chunk-6P64A6B4.js";
import "./chunk-S5A4YI2O.js";
import "./chunk-PCQS3LOH.js";
import {
  checkApproval,
  readApprovalRequest
} from "./chunk-BDT2C2U7.js";
import {
  policyDigest
} from "./chunk-JLM63NIZ.js";
import "./chunk-CPZT5EG3.js";
import {
  snapshotTier
} from "./chunk-KBLB3GEK.js";
import {
  appendAuditEvents
} from "./chunk-I227H2ZL.js";
import {
  TOMBSTONE_FORMAT,
  listForgotten,
  tombstonePath
} from "./chunk-TITZY4GY.js";
import {
  readCatalog
} from "./chunk-WSRUPF57.js";
import {
  mapWithConcurrency
} from "./chunk-K3D2YTSH.js";
import "./chunk-DENSVYIT.js";
import "./chunk-7BAZV6R7.js";
import "./chunk-L3YJLP3Q.js";
import {
  loadSodium
} from "./chunk-AXJEESJ2.js";
import {
  WITHIN_BUCKET_RULES
} from "./chunk-XRH6QY5G.js";
import {
  formatDuration,
  parseDuration
} from "./chunk-FFISWQYC.js";
import "./chunk-CU3A7CPO.js";
import "./chunk-WPITP5OQ.js";
import "./chunk-MVZIGVV4.js";
import "./chunk-JAZ2OF6U.js";
import "./chunk-26DBSQQT.js";
import "./chunk-2NBA2BLU.js";
import "./chunk-ZITD4ZB6.js";
import "./chunk-54LOBW6C.js";
import "./chunk-4NNPXXFU.js";
import "./chunk-U2VA4CFL.js";
import {
  manifestPath
} from "./chunk-ZUEUDRMP.js";
import {
  SnapgateError,
  isSnapgateError
} from "./chunk-6KERQ4ZL.js";
import "./chunk-H5NHOGLY.js";

// cli/commands/forget.ts
import { resolve } from "node:path";

// core/snapshot/forget-snapshots.ts
async function forgetSnapshots(store, plan, options) {
  let approvers = [];
  if (plan.tier0Drops.length > 0) {
    if (!options.approval) {
      throw new SnapgateError(
        "POLICY",
        `Forgetting ${plan.tier0Drops.length} tier-0 snapshot(s) of ${plan.environment} needs an approved request (${plan.requiredApprovals} approval(s), the requester excluded).`,
        {
          fix: "Ask for a forget request through the app for exactly these snapshots (`snapgate forget --dry-run --json` lists them), then pass --approval REQUEST-ID.",
          details: { snapshots: plan.tier0Drops }
        }
      );
    }
    approvers = checkApproval(await loadSodium(), options.approval, {
      action: "forget",
      environment: plan.environment,
      snapshots: plan.tier0Drops,
      policyDigest: options.policyDigest,
      requiredApprovals: plan.requiredApprovals,
      appKeys: options.appKeys,
      now: options.now
    }).approvers;
  }
  const tombstoneOf = (decision) => ({
    format: TOMBSTONE_FORMAT,
    stream: decision.stream,
    seq: decision.seq,
    snapshot: decision.id,
    time: decision.time,
    forgottenAt: options.now.toISOString(),
    reasons: decision.reasons,
    rules: plan.rules,
    approval: decision.tier0 ? options.approval?.id ?? null : null,
    policyDigest: options.policyDigest
  });
  const tombstones = [];
  const alreadyForgotten = [];
  for (let attempt = 1; ; attempt++) {
    const forgotten = await listForgotten(store);
    const pending = plan.drop.filter((decision) => {
      const done = forgotten.get(decision.stream)?.has(decision.seq) ?? false;
      if (done && !alreadyForgotten.includes(decision.id)) alreadyForgotten.push(decision.id);
      return !done;
    });
    try {
      await store.writeRecords(
        pending.map((decision) => ({
          path: tombstonePath(decision.stream, decision.seq),
          bytes: new TextEncoder().encode(`${JSON.stringify(tombstoneOf(decision), null, 2)}
`)
        }))
      );
      tombstones.push(...pending.map((decision) => tombstonePath(decision.stream, decision.seq)));
      break;
    } catch (error) {
      if (!isSnapgateError(error, "CONFLICT") || attempt >= 3) throw error;
    }
  }
  await appendAuditEvents(
    store,
    plan.drop.filter((decision) => !alreadyForgotten.includes(decision.id)).map((decision) => ({
      type: "snapshot.forgotten",
      time: options.now,
      actor: { ...options.actor, kind: options.actor?.kind ?? "cli" },
      subject: { stream: decision.stream, seq: decision.seq, snapshot: decision.id },
      details: {
        reasons: decision.reasons,
        rules: plan.rules,
        ...decision.tier0 && options.approval ? { approval: options.approval.id, approvers } : {}
      },
      ...decision.tier0 && options.approval ? { requestDigest: options.approval.digest } : {}
    }))
  );
  return { tombstones, alreadyForgotten, approvers };
}

// core/policy/retention/calendar-buckets.ts
var BUCKET_RULES = [
  "last",
  "hourly",
  "daily",
  "weekly",
  "monthly",
  "yearly"
];
var DAY_MS = 864e5;
function isoWeek(ms) {
  const date = new Date(ms);
  const midnight = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  const mondayBased = (date.getUTCDay() + 6) % 7;
  const thursday = midnight + (3 - mondayBased) * DAY_MS;
  const year = new Date(thursday).getUTCFullYear();
  const week = 1 + Math.floor((thursday - Date.UTC(year, 0, 1)) / DAY_MS / 7);
  return year * 100 + week;
}
function bucketOf(rule, ms, index) {
  const date = new Date(ms);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + 1;
  const day = date.getUTCDate();
  switch (rule) {
    case "last":
      return index;
    case "hourly":
      return year * 1e6 + month * 1e4 + day * 100 + date.getUTCHours();
    case "daily":
      return year * 1e4 + month * 100 + day;
    case "weekly":
      return isoWeek(ms);
    case "monthly":
      return year * 100 + month;
    case "yearly":
      return year;
  }
}
function bucketLabel(rule, ms) {
  const iso = new Date(ms).toISOString();
  switch (rule) {
    case "last":
      return "";
    case "hourly":
      return `hour ${iso.slice(0, 13)}h`;
    case "daily":
      return `day ${iso.slice(0, 10)}`;
    case "weekly": {
      const week = isoWeek(ms);
      return `week ${Math.floor(week / 100)}-W${String(week % 100).padStart(2, "0")}`;
    }
    case "monthly":
      return `month ${iso.slice(0, 7)}`;
    case "yearly":
      return `year ${iso.slice(0, 4)}`;
  }
}

// core/policy/retention/apply-retention.ts
function applyRetention(snapshots, retention, options) {
  const now = options.now.getTime();
  const keepOldest = options.keepOldest ?? true;
  const { keep, floor } = retention;
  const ordered = snapshots.map((snapshot, inputIndex) => {
    const ms = snapshot.time instanceof Date ? snapshot.time.getTime() : Date.parse(snapshot.time);
    if (Number.isNaN(ms)) {
      throw new SnapgateError(
        "INTEGRITY",
        `Snapshot ${snapshot.id} has the time '${String(snapshot.time)}', which is not a time.`,
        {
          fix: "Check the manifest and catalog of that snapshot with `snapgate verify`."
        }
      );
    }
    return { snapshot, ms, inputIndex };
  }).sort((a, b) => b.ms - a.ms || a.inputIndex - b.inputIndex);
  const counts = {
    last: keep.last,
    hourly: keep.hourly,
    daily: keep.daily,
    weekly: keep.weekly,
    monthly: keep.monthly,
    yearly: keep.yearly
  };
  const withinBuckets = WITHIN_BUCKET_RULES.flatMap((rule) => {
    const ms = keep.withinBucketsMs?.[rule] ?? 0;
    return ms > 0 ? [{ rule, ms, last: null }] : [];
  });
  const empty = BUCKET_RULES.every((rule) => counts[rule] === 0) && keep.withinMs === 0 && withinBuckets.length === 0 && keep.tags.length === 0;
  let latest = Number.NEGATIVE_INFINITY;
  for (const { ms } of ordered) if (ms > latest && ms < now) latest = ms;
  const withinCutoff = latest - keep.withinMs;
  const lastBucket = {
    last: null,
    hourly: null,
    daily: null,
    weekly: null,
    monthly: null,
    yearly: null
  };
  const remaining = { ...counts };
  const seenOfTier = /* @__PURE__ */ new Map();
  return ordered.map(({ snapshot, ms }, index) => {
    const kept = [];
    const notKept = [];
    const tags = snapshot.tags ?? [];
    const isOldest = index === ordered.length - 1;
    if (empty) {
      kept.push("no keep rules: keep all");
    } else {
      for (const tag of keep.tags) if (tags.includes(tag)) kept.push(`tag ${tag}`);
      if (keep.tags.length > 0 && !keep.tags.some((tag) => tags.includes(tag)))
        notKept.push(`tags: has none of ${keep.tags.join(", ")}`);
      if (keep.withinMs > 0) {
        if (ms > withinCutoff) kept.push(`within ${formatDuration(keep.withinMs)}`);
        else notKept.push(`within: older than ${formatDuration(keep.withinMs)} before the newest`);
      }
      for (const within of withinBuckets) {
        const name = `${within.rule} within ${formatDuration(within.ms)}`;
        if (ms <= latest - within.ms) {
          notKept.push(`${name}: older than that before the newest`);
          continue;
        }
        const bucket = bucketOf(within.rule, ms, index);
        if (bucket !== within.last) {
          kept.push(name);
          within.last = bucket;
        } else {
          notKept.push(`${name}: ${bucketLabel(within.rule, ms)} has a newer snapshot`);
        }
      }
      for (const rule of BUCKET_RULES) {
        const count = counts[rule];
        if (count === 0) continue;
        if (remaining[rule] === 0) {
          notKept.push(`${rule}: all ${count} used by newer snapshots`);
          continue;
        }
        const bucket = bucketOf(rule, ms, index);
        const newBucket = bucket !== lastBucket[rule];
        if (newBucket || keepOldest && isOldest) {
          kept.push(newBucket ? rule : `oldest ${rule}`);
          lastBucket[rule] = bucket;
          if (remaining[rule] > 0) remaining[rule] -= 1;
        } else {
          notKept.push(`${rule}: ${bucketLabel(rule, ms)} has a newer snapshot`);
        }
      }
    }
    if (floor.legalHold) kept.push(`floor legal_hold (${floor.legalHold.reason})`);
    if (snapshot.legalHold) kept.push("floor legal_hold (snapshot)");
    if (index < floor.minCount) kept.push(`floor min_count ${floor.minCount}`);
    if (floor.minAgeMs > 0 && now - ms < floor.minAgeMs)
      kept.push(`floor min_age ${formatDuration(floor.minAgeMs)}`);
    for (const tag of floor.tags) if (tags.includes(tag)) kept.push(`floor tag ${tag}`);
    if (snapshot.tierFloor) {
      const { tier, floor: own } = snapshot.tierFloor;
      const seen = seenOfTier.get(tier) ?? 0;
      seenOfTier.set(tier, seen + 1);
      if (own.legalHold) kept.push(`floor legal_hold of ${tier} (${own.legalHold.reason})`);
      if (seen < own.minCount) kept.push(`floor min_count ${own.minCount} of ${tier}`);
      if (own.minAgeMs > 0 && now - ms < own.minAgeMs)
        kept.push(`floor min_age ${formatDuration(own.minAgeMs)} of ${tier}`);
      for (const tag of own.tags) if (tags.includes(tag)) kept.push(`floor tag ${tag} of ${tier}`);
    }
    return {
      id: snapshot.id,
      time: new Date(ms).toISOString(),
      keep: kept.length > 0,
      reasons: kept.length > 0 ? kept : notKept
    };
  });
}

// core/policy/retention/retention-for-environment.ts
function retentionForEnvironment(policy, environment) {
  const tierName = policy.environments[environment]?.tier;
  const tier = tierName === void 0 ? void 0 : policy.tiers[tierName];
  if (!tier) {
    throw new SnapgateError("USAGE", `The policy has no environment '${environment}'.`, {
      fix: `Use one of: ${Object.keys(policy.environments).join(", ")}.`
    });
  }
  return tier.retention;
}

// core/snapshot/plan-forget.ts
async function planForget(options) {
  const { policy, environment } = options;
  const tierPolicy = retentionForEnvironment(policy, environment);
  const tierName = policy.environments[environment]?.tier;
  const tier = policy.tiers[tierName];
  if (!tier) {
    throw new SnapgateError("CONFIG", `The policy has no tier '${tierName}'.`, {
      fix: "Correct the environment's tier in the policy."
    });
  }
  await options.store.assertExists();
  const [entries, forgotten] = await Promise.all([
    readCatalog(options.store, environment),
    listForgotten(options.store, environment)
  ]);
  const seqs = forgotten.get(environment);
  const live = entries.filter((entry) => !seqs?.has(entry.seq));
  const retention = options.keep ? { keep: options.keep, floor: tierPolicy.floor } : tierPolicy;
  const byId = new Map(live.map((entry) => [entry.id, entry]));
  const tiers = new Map(
    live.map((entry) => [entry.id, snapshotTier(policy, environment, entry)])
  );
  const decisions = applyRetention(
    live.map((entry) => {
      const own = tiers.get(entry.id);
      return {
        id: entry.id,
        time: entry.time,
        tags: entry.metadata.tags,
        ...own.name !== tierName ? { tierFloor: { tier: own.name, floor: own.retention.floor } } : {}
      };
    }),
    retention,
    { now: options.now, keepOldest: options.keepOldest }
  ).map((decision) => {
    const entry = byId.get(decision.id);
    const own = tiers.get(decision.id);
    return {
      ...decision,
      stream: entry.stream,
      seq: entry.seq,
      tier0: own.level === 0,
      tier: own.name
    };
  });
  const drop = decisions.filter((decision) => !decision.keep);
  const tier0Drops = drop.filter((decision) => decision.tier0);
  return {
    environment,
    tier: tierName,
    rules: options.keep ? "flags" : "policy",
    retention,
    decisions,
    drop,
    tier0Drops: tier0Drops.map((decision) => decision.id),
    requiredApprovals: Math.max(
      tier.approvals,
      ...tier0Drops.map((decision) => tiers.get(decision.id).approvals)
    )
  };
}

// core/snapshot/read-forgotten-locks.ts
async function readForgottenLocks(store, stream, snapshots) {
  const lockOf = store.lockOf?.bind(store);
  if (!lockOf) return [];
  const locks = await mapWithConcurrency(snapshots, 8, async (snapshot) => {
    const lock = await lockOf(manifestPath(stream, snapshot.seq));
    if (!lock) return null;
    return {
      id: snapshot.id,
      seq: snapshot.seq,
      ...lock.until ? { until: lock.until.toISOString() } : {},
      legalHold: lock.legalHold
    };
  });
  return locks.filter((lock) => lock !== null);
}

// cli/commands/forget.ts
var COUNT_FLAGS = ["last", "hourly", "daily", "weekly", "monthly", "yearly"];
function parseCount(text, name) {
  if (text === "unlimited") return -1;
  const value = /^-?\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < -1) {
    throw new SnapgateError("USAGE", `--keep-${name} '${text}' is not a count.`, {
      fix: `Give a whole number (0 turns the rule off), or unlimited (or --keep-${name}=-1) to keep all.`
    });
  }
  return value;
}
function parseWithin(text, name = "within") {
  const ms = parseDuration(text);
  if (ms === null || ms === 0 || ms % 36e5 !== 0) {
    throw new SnapgateError("USAGE", `--keep-${name} '${text}' is not a whole number of hours.`, {
      fix: "Write e.g. 36h, 7d or 2w (units h, d, w). Unlike restic, m means minutes: write 30d for about a month."
    });
  }
  return ms;
}
function keepFromFlags(args) {
  const within = stringValue(args, "keep-within");
  const tags = listValue(args, "keep-tag");
  const given = COUNT_FLAGS.filter((name) => stringValue(args, `keep-${name}`) !== void 0);
  const withinBucketsMs = {};
  for (const rule of WITHIN_BUCKET_RULES) {
    const text = stringValue(args, `keep-within-${rule}`);
    if (text !== void 0) withinBucketsMs[rule] = parseWithin(text, `within-${rule}`);
  }
  const withinGiven = Object.keys(withinBucketsMs).length > 0;
  if (given.length === 0 && within === void 0 && !withinGiven && tags.length === 0) return null;
  const count = (name) => {
    const text = stringValue(args, `keep-${name}`);
    return text === void 0 ? 0 : parseCount(text, name);
  };
  return {
    last: count("last"),
    hourly: count("hourly"),
    daily: count("daily"),
    weekly: count("weekly"),
    monthly: count("monthly"),
    yearly: count("yearly"),
    withinMs: within === void 0 ? 0 : parseWithin(within),
    ...withinGiven ? { withinBucketsMs } : {},
    tags
  };
}
function forgetJson(plan, dryRun, keepOldest, approval, outcome) {
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
      tier0: decision.tier0
    })),
    keep: plan.decisions.filter((decision) => decision.keep).map((decision) => decision.id),
    remove: plan.drop.map((decision) => decision.id),
    tier0: { snapshots: plan.tier0Drops, requiredApprovals: plan.requiredApprovals },
    approval,
    tombstones: outcome?.tombstones ?? []
  };
}
function describeLocks(locked) {
  if (locked.length === 0) return "";
  const untils = locked.flatMap((lock) => lock.until ?? []).sort();
  const held = locked.filter((lock) => lock.legalHold).length;
  const parts = [
    untils.length ? `retention until ${untils.at(-1) ?? ""} at the latest` : "",
    held ? `a legal hold on ${held}` : ""
  ].filter(Boolean);
  return `S3 Object Lock holds ${locked.length} of these snapshots' manifests (${parts.join("; ")}): prune deletes their objects only after that${held ? ", and after `snapgate lift-legal-hold` once the policy drops the hold" : ""}.
`;
}
function describe(plan, dryRun, outcome) {
  const floor = plan.retention.floor;
  const floors = [
    floor.legalHold ? "legal_hold" : "",
    floor.minCount ? `min_count ${floor.minCount}` : "",
    floor.minAgeMs ? `min_age ${formatDuration(floor.minAgeMs)}` : "",
    floor.tags.length ? `tags ${floor.tags.join(",")}` : ""
  ].filter(Boolean);
  const lines = [
    `${plan.environment} (${plan.tier}): keep rules from ${plan.rules === "flags" ? "--keep-* flags" : `${plan.tier}'s retention`}${floors.length ? `; ${plan.tier}'s floors apply (${floors.join(", ")})` : ""}`
  ];
  for (const decision of plan.decisions) {
    lines.push(
      `${decision.keep ? "keep" : "drop"}  ${decision.stream}@${decision.seq}  ${shortId(decision.id)}  ${decision.time.replace(/\.000Z$/, "Z")}  ${decision.reasons.join("; ")}${!decision.keep && decision.tier0 ? "  [tier-0]" : ""}`
    );
  }
  const kept = plan.decisions.length - plan.drop.length;
  if (dryRun || !outcome) {
    lines.push(`${kept} kept, ${plan.drop.length} to forget (dry run: nothing written).`);
    if (plan.tier0Drops.length)
      lines.push(
        `${plan.tier0Drops.length} of them are tier-0: forgetting them needs --approval REQUEST-ID (${plan.requiredApprovals} approval(s)).`
      );
  } else {
    lines.push(
      `${kept} kept, ${outcome.tombstones.length} forgotten (tombstones written; manifests stay, so the chain still verifies).`
    );
    if (outcome.tombstones.length)
      lines.push(
        "Their blobs are deleted by `snapgate prune --grace 24h` once the grace period has passed."
      );
  }
  return `${lines.join("\n")}
`;
}
var forgetCommand = {
  name: "forget",
  summary: "Apply retention to an environment: keep or forget each snapshot (tombstones; blobs go with prune)",
  usage: "snapgate forget --store STORE --env ENV [--policy FILE] [--dry-run] [--keep-last N] [--keep-hourly N] [--keep-daily N] [--keep-weekly N] [--keep-monthly N] [--keep-yearly N] [--keep-within DUR] [--keep-within-hourly DUR] [--keep-within-daily DUR] [--keep-within-weekly DUR] [--keep-within-monthly DUR] [--keep-within-yearly DUR] [--keep-tag T]... [--no-keep-oldest] [--approval ID] [--json]",
  help: [
    "--env ENV             the environment (its tier's retention applies)",
    POLICY_HELP,
    "--dry-run             print each snapshot kept or dropped, with the rule that decided; write nothing",
    "--keep-last N ... --keep-yearly N, --keep-within DUR, --keep-within-hourly DUR ... --keep-within-yearly DUR, --keep-tag T",
    "                      restic's rules; any of them replaces the tier's keep rules (its floors still apply). N: a count, 0 off, unlimited (or =-1) all",
    "                      --keep-within-daily 30d: the newest snapshot of each day within 30 days of the newest snapshot (and so on)",
    "--no-keep-oldest      no 'oldest' keep (restic before 0.16)",
    "--root DIR            where .github/snapgate.yml is looked for (default: the working directory)",
    "--approval ID         the approved request (requests/ID.json in the store, signed by an app key of the policy's keys.app) that allows forgetting tier-0 snapshots"
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
    approval: { type: "string" }
  },
  async run(args, context) {
    const env = requireValue(args, "env", this, "Name the environment, e.g. --env prod.");
    const keep = keepFromFlags(args);
    const root = resolve(context.cwd, stringValue(args, "root") ?? ".");
    const { policy } = await requireCliPolicy(args, context, root, "forget");
    const store = await openStore(args, context);
    const now = /* @__PURE__ */ new Date();
    const dryRun = flag(args, "dry-run");
    const keepOldest = !flag(args, "no-keep-oldest");
    const plan = await planForget({ store, policy, environment: env, now, keep, keepOldest });
    const approvalId = stringValue(args, "approval") ?? null;
    let outcome = null;
    if (!dryRun) {
      outcome = await forgetSnapshots(store, plan, {
        approval: approvalId && plan.tier0Drops.length ? await readApprovalRequest(store, approvalId) : null,
        policyDigest: `sha256:${policyDigest(policy)}`,
        appKeys: policy.keys.app ?? [],
        now
      });
    }
    const locked = await readForgottenLocks(store, env, plan.drop);
    context.stdout(
      flag(args, "json") ? json({ ...forgetJson(plan, dryRun, keepOldest, approvalId, outcome), locked }) : describe(plan, dryRun, outcome) + describeLocks(locked)
    );
    return 0;
  }
};
export {
  forgetCommand
};
