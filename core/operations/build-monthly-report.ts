import type { AuditEvent } from "../audit/audit-event.js";
import { SnapgateError } from "../errors.js";
import { judgeCoverage } from "../policy/judge-coverage.js";
import type { Policy } from "../policy/policy.js";
import { openManifest } from "../snapshot/open-manifest.js";
import { parseVerificationPath } from "../snapshot/verification-record.js";
import type { Store } from "../store/store.js";
import type { CatalogEntry } from "../types.js";
import { loadSodium } from "../crypto/sodium.js";
import { parseDrillPath } from "./drill-path.js";
import { alertIssuesFromAudit } from "./alert-issues-from-audit.js";
import { SIGNOFF_ROLES } from "./drill-signoff-path.js";
import { latePeriods } from "./late-periods.js";
import type {
  MonthlyReport,
  ReportDrill,
  ReportEnvironment,
  ReportEvent,
} from "./monthly-report.js";
import { readDrillRecord } from "./read-drill-record.js";
import { readDrillSignoffs } from "./read-drill-signoffs.js";

const DAY_MS = 86_400_000;

/** `2026-11` -> the month's [start, end) in UTC. */
function monthRange(month: string): { fromMs: number; endMs: number } {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!match) {
    throw new SnapgateError("USAGE", `--month '${month}' is not a month.`, {
      fix: "Write it as YYYY-MM, e.g. --month 2026-11.",
    });
  }
  const year = Number(match[1]);
  const index = Number(match[2]) - 1;
  return { fromMs: Date.UTC(year, index, 1), endMs: Date.UTC(year, index + 1, 1) };
}

/** The earlier of time and write time: an imported --time cannot make a snapshot look newer. */
function effectiveMs(entry: Pick<CatalogEntry, "time" | "writtenAt">): number {
  return Math.min(Date.parse(entry.time), Date.parse(entry.writtenAt));
}

function parseEvents(lines: readonly string[]): AuditEvent[] {
  const events: AuditEvent[] = [];
  for (const line of lines) {
    try {
      const event = JSON.parse(line) as AuditEvent;
      if (typeof event.type === "string" && typeof event.time === "string") events.push(event);
    } catch {
      // `audit verify` reports lines that are not events; the report skips them.
    }
  }
  return events;
}

function reportEvent(event: AuditEvent): ReportEvent {
  const details = event.details ?? {};
  const approvers = Array.isArray(details["approvers"]) ? details["approvers"].map(String) : [];
  const request = details["request"] ?? details["approval"];
  return {
    time: event.time,
    type: event.type,
    stream: typeof event.subject["stream"] === "string" ? event.subject["stream"] : null,
    seq: typeof event.subject["seq"] === "number" ? event.subject["seq"] : null,
    actor: event.actor.login ?? event.actor.kind,
    approvers,
    request: typeof request === "string" ? request : null,
  };
}

/**
 * The monthly compliance report from the store and the policy: coverage per
 * environment and tier, backup age over the month, retention adherence,
 * drills with RTO/RPO, restores and deletions with their approvers (from the
 * audit log), exceptions and their expiry, and late-backup alerts raised and
 * resolved. The period ends at the month's end, or at `now` when earlier.
 */
export async function buildMonthlyReport(options: {
  store: Store;
  policy: Policy;
  month: string;
  now: Date;
}): Promise<MonthlyReport> {
  const { store, policy, month, now } = options;
  const { fromMs, endMs } = monthRange(month);
  if (fromMs > now.getTime()) {
    throw new SnapgateError("USAGE", `${month} has not begun.`, {
      fix: "Report on this month or an earlier one.",
    });
  }
  const untilMs = Math.min(endMs, now.getTime());
  const inMonth = (ms: number) => ms >= fromMs && ms < untilMs;
  const allEvents = parseEvents(await store.readAuditLines());
  const events = allEvents.filter((event) => inMonth(Date.parse(event.time)));
  const trusted = policy.keys.writers.map((writer) => writer.key);

  const environments: ReportEnvironment[] = [];
  for (const environment of Object.keys(policy.environments).sort()) {
    const envPolicy = policy.environments[environment];
    const tier = envPolicy ? policy.tiers[envPolicy.tier] : undefined;
    const index = await store.readStreamIndex(environment);
    const entries = index.catalog.filter((entry) => effectiveMs(entry) < untilMs);
    const forgottenInMonth = events.filter(
      (event) => event.type === "snapshot.forgotten" && event.subject["stream"] === environment,
    );
    // Forgotten by the end of the period: tombstoned and not forgotten after it.
    const forgottenLater = new Set(
      allEvents
        .filter(
          (event) =>
            event.type === "snapshot.forgotten" &&
            event.subject["stream"] === environment &&
            Date.parse(event.time) >= untilMs,
        )
        .map((event) => event.subject["seq"]),
    );
    const tombstoned = new Set(index.tombstoneSeqs.filter((seq) => !forgottenLater.has(seq)));
    const held = entries.filter((entry) => !tombstoned.has(entry.seq));
    const latest = [...held].sort((a, b) => effectiveMs(a) - effectiveMs(b)).at(-1) ?? null;

    let coverage: ReportEnvironment["coverage"] = { state: "none", missingComponents: [] };
    if (latest) {
      const bytes = await store.readManifest(environment, latest.seq);
      const manifest = bytes
        ? await openManifest(store, bytes, `manifest ${environment}@${latest.seq}`)
        : null;
      const judged = judgeCoverage(
        policy,
        environment,
        manifest
          ? manifest.files.flatMap((file) => (file.component ? [file.component] : []))
          : latest.components,
        manifest?.coverage?.uncoveredTier0Paths ?? null,
      );
      coverage = { state: judged.state, missingComponents: judged.missingComponents };
    }

    const times = entries.map(effectiveMs).sort((a, b) => a - b);
    const backupAge: ReportEnvironment["backupAge"] = [];
    for (let day = fromMs; day < untilMs; day += DAY_MS) {
      const sample = Math.min(day + DAY_MS, untilMs);
      const newest = times.filter((time) => time <= sample).at(-1);
      backupAge.push({
        day: new Date(day).toISOString().slice(0, 10),
        ageMs: newest === undefined ? null : sample - newest,
      });
    }

    const verifications = index.verifications
      .map((path) => parseVerificationPath(path))
      .filter((name) => name !== undefined && inMonth(Date.parse(name.time)));
    // One listing (drills and their sign-offs); sign-offs are read only where their files are.
    const drillPaths = await store.listRecords(`drills/${environment}`);
    const listed = new Set(drillPaths);
    const drillNames = drillPaths
      .map((path) => parseDrillPath(path))
      .filter((name) => name !== undefined && inMonth(Date.parse(name.time)));
    const drills: ReportDrill[] = [];
    for (const name of drillNames) {
      if (!name) continue;
      const read = await readDrillRecord(store, name.path, trusted);
      const record = read.ok ? read.record : null;
      const signoffs = await readDrillSignoffs(
        store,
        await loadSodium(),
        name.path,
        policy.keys.app ?? [],
        listed,
      );
      drills.push({
        path: name.path,
        time: name.time,
        seq: record?.seq ?? 0,
        ok: name.ok && read.ok,
        trusted: read.ok,
        rtoMs: record?.rto.ms ?? null,
        rtoSlaMs: record?.rto.slaMs ?? null,
        rtoMet: record?.rto.met ?? null,
        rpoMs: record?.rpo.snapshotAgeMs ?? null,
        rpoSlaMs: record?.rpo.slaMs ?? null,
        rpoMet: record?.rpo.met ?? null,
        // Only app-signed sign-offs count; one that cannot be trusted is said so, never counted.
        signoffs: SIGNOFF_ROLES.flatMap((role) => {
          const signoff = signoffs[role];
          if (signoff === null) return [];
          return signoff.state === "signed"
            ? [`${role}: @${signoff.record.by.login} (${signoff.record.at.slice(0, 10)})`]
            : [`${role}: untrusted record`];
        }),
        signedOff: read.ok && SIGNOFF_ROLES.every((role) => signoffs[role]?.state === "signed"),
      });
    }

    const floor = tier?.retention.floor;
    const minCount = floor?.minCount ?? 0;
    const legalHold = floor?.legalHold?.reason ?? null;
    const retentionProblems: string[] = [];
    if (held.length < Math.min(minCount, entries.length))
      retentionProblems.push(`holds ${held.length} snapshot(s); the floor keeps ${minCount}`);
    if (legalHold && forgottenInMonth.length > 0)
      retentionProblems.push(
        `${forgottenInMonth.length} snapshot(s) forgotten under a legal hold (${legalHold})`,
      );

    environments.push({
      environment,
      tier: envPolicy?.tier ?? null,
      snapshots: entries.filter((entry) => inMonth(effectiveMs(entry))).length,
      latestAtEnd: latest
        ? { seq: latest.seq, time: new Date(effectiveMs(latest)).toISOString() }
        : null,
      coverage,
      backupAge,
      checks: {
        total: verifications.length + drills.length,
        ok: verifications.filter((name) => name?.ok).length + drills.filter((d) => d.ok).length,
      },
      retention: {
        held: held.length,
        forgottenInMonth: forgottenInMonth.length,
        minCount,
        legalHold,
        adheres: retentionProblems.length === 0,
        problems: retentionProblems,
      },
      drills,
      alerts: tier
        ? latePeriods(times, tier.maxAgeMs, policy.alerts.lateAfterMs, fromMs, untilMs)
        : [],
    });
  }

  const tierNames = [...new Set(environments.map((env) => env.tier ?? "(none)"))].sort();
  const restores = events.filter((e) => e.type === "snapshot.restored").map(reportEvent);
  const deletions = events
    .filter((e) => e.type === "snapshot.forgotten" || e.type === "blobs.pruned")
    .map(reportEvent);
  const alerts = environments.flatMap((env) => env.alerts);
  const fromAudit = alertIssuesFromAudit(allEvents, fromMs, untilMs);
  return {
    month,
    from: new Date(fromMs).toISOString(),
    until: new Date(untilMs).toISOString(),
    generatedAt: now.toISOString(),
    store: store.location,
    environments,
    tiers: tierNames.map((tier) => {
      const members = environments.filter((env) => (env.tier ?? "(none)") === tier);
      return {
        tier,
        environments: members.length,
        covered: members.filter((env) => env.coverage.state === "pass").length,
      };
    }),
    restores,
    deletions,
    exceptions: policy.exceptions.map((exception) => ({
      index: exception.index,
      paths: exception.paths,
      reason: exception.reason,
      acceptedBy: exception.acceptedBy,
      expires: exception.expires,
      expired: exception.expiresAtMs <= untilMs,
      expiresInMonth: inMonth(exception.expiresAtMs) || exception.expiresAtMs === untilMs,
    })),
    alertIssues: fromAudit.alerts,
    canary: fromAudit.canary,
    totals: {
      snapshots: environments.reduce((sum, env) => sum + env.snapshots, 0),
      drills: environments.reduce((sum, env) => sum + env.drills.length, 0),
      drillsPassed: environments.reduce(
        (sum, env) => sum + env.drills.filter((d) => d.ok).length,
        0,
      ),
      drillsSignedOff: environments.reduce(
        (sum, env) => sum + env.drills.filter((d) => d.signedOff).length,
        0,
      ),
      restores: restores.length,
      deletions: deletions.length,
      alertsRaised: alerts.filter((alert) => inMonth(Date.parse(alert.raisedAt))).length,
      alertsResolved: alerts.filter(
        (alert) => alert.resolvedAt !== null && inMonth(Date.parse(alert.resolvedAt)),
      ).length,
      alertIssuesRaised: fromAudit.alerts.filter((a) => inMonth(Date.parse(a.raisedAt))).length,
      alertIssuesResolved: fromAudit.alerts.filter(
        (a) => a.resolvedAt !== null && inMonth(Date.parse(a.resolvedAt)),
      ).length,
    },
  };
}
