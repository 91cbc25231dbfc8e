import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  SIGNOFF_ROLES,
  drillSignoffPath
} from "./chunk-RVXFVMQY.js";
import {
  loadWriterKey
} from "./chunk-5AV4R2DH.js";
import {
  stringValue
} from "./chunk-6P64A6B4.js";
import {
  LocalDirStore
} from "./chunk-S5A4YI2O.js";
import {
  detectDrift
} from "./chunk-AWE4UFEQ.js";
import {
  policyScanRules
} from "./chunk-U7DZKPG7.js";
import {
  parseDrillPath
} from "./chunk-NG32LOAZ.js";
import {
  judgeCoverage
} from "./chunk-73STOSWY.js";
import {
  resolveScanPaths
} from "./chunk-MONAIBOF.js";
import {
  parseVerificationPath
} from "./chunk-3H2Q7RHS.js";
import {
  openManifest
} from "./chunk-7BAZV6R7.js";
import {
  formatDuration
} from "./chunk-FFISWQYC.js";
import {
  SnapgateError
} from "./chunk-6KERQ4ZL.js";

// core/operations/compute-health.ts
async function computeHealth(options) {
  const { store, policy, now } = options;
  const names = options.environments ?? Object.keys(policy.environments).sort();
  const results = [];
  for (const environment of names) results.push(await environmentHealth(options, environment));
  return results;
  async function environmentHealth(opts, environment) {
    const problems = [];
    const envPolicy = policy.environments[environment];
    const tier = envPolicy ? policy.tiers[envPolicy.tier] : void 0;
    if (!envPolicy || !tier) {
      problems.push({
        kind: "unknown-environment",
        message: `The policy has no environment '${environment}'.`,
        fix: `Use one of: ${Object.keys(policy.environments).join(", ")}.`
      });
    }
    const index = await store.readStreamIndex(environment);
    const forgotten = new Set(index.tombstoneSeqs);
    const live = index.catalog.filter((entry) => !forgotten.has(entry.seq));
    const newest = live.at(-1) ?? null;
    const effective = newest ? Math.min(Date.parse(newest.time), Date.parse(newest.writtenAt)) : null;
    const latest = newest && effective !== null ? {
      id: newest.id,
      seq: newest.seq,
      time: new Date(effective).toISOString(),
      ageMs: Math.max(0, now.getTime() - effective)
    } : null;
    const maxAgeMs = tier?.maxAgeMs ?? null;
    const dueAt = effective !== null && maxAgeMs !== null ? effective + maxAgeMs : null;
    const lateAt = dueAt !== null ? dueAt + policy.alerts.lateAfterMs : null;
    const late = lateAt !== null && now.getTime() > lateAt;
    const snapshotFix = `Run the snapshot workflow${envPolicy?.snapshotWorkflow ? ` (${envPolicy.snapshotWorkflow})` : ""} or \`snapgate snapshot --env ${environment}\`, and check why the scheduled one did not run.`;
    if (!latest && envPolicy) {
      problems.push({
        kind: "no-snapshot",
        message: `${environment} has no snapshot.`,
        fix: snapshotFix
      });
    } else if (late && latest && maxAgeMs !== null) {
      problems.push({
        kind: "late",
        message: `The latest snapshot of ${environment} is ${formatDuration(latest.ageMs)} old: it was due after ${formatDuration(maxAgeMs)} (${tier?.name}) and is late by ${formatDuration(now.getTime() - dueAt)} (alerts.late_after ${formatDuration(policy.alerts.lateAfterMs)}).`,
        fix: snapshotFix
      });
    }
    const verifications = index.verifications.map((path) => parseVerificationPath(path)).filter((name) => name !== void 0).map((name) => ({ kind: "verification", time: name.time, ok: name.ok }));
    const drillPaths = await store.listRecords(`drills/${environment}`);
    const drills = drillPaths.map((path) => parseDrillPath(path)).filter((name) => name !== void 0 && name.stream === environment).map((name) => ({ kind: "drill", time: name?.time ?? "", ok: name?.ok ?? false }));
    const byTime = (a, b) => a.time < b.time ? 1 : -1;
    const outcomes = [...verifications, ...drills].sort(byTime);
    let streak = null;
    if (outcomes[0]) {
      const ok = outcomes[0].ok;
      const run = outcomes.findIndex((outcome) => outcome.ok !== ok);
      const length = run === -1 ? outcomes.length : run;
      streak = { ok, length, since: outcomes[length - 1].time };
    }
    const threshold = policy.alerts.consecutiveFailures;
    if (streak && !streak.ok && streak.length >= threshold) {
      problems.push({
        kind: "failures",
        message: `${streak.length} verification(s) or drill(s) of ${environment} in a row failed (since ${streak.since}; alerts.consecutive_failures is ${threshold}).`,
        fix: `See what they found (\`snapgate verify latest --env ${environment} --identity FILE\`, the drill records under drills/${environment}/), fix it, and run them again.`
      });
    }
    const lastDrill = drills.sort(byTime)[0] ?? null;
    const newestDrill = lastDrill ? drillPaths.find((path) => parseDrillPath(path)?.time === lastDrill.time) : void 0;
    if (lastDrill && newestDrill) {
      const present = new Set(drillPaths);
      const signoffs = SIGNOFF_ROLES.filter(
        (role) => present.has(drillSignoffPath(newestDrill, role))
      );
      if (signoffs.length > 0 || tier?.drillSignoff) lastDrill.signoffs = signoffs;
    }
    if (lastDrill && !lastDrill.ok && !problems.some((problem) => problem.kind === "failures")) {
      problems.push({
        kind: "drill-failed",
        message: `The newest drill of ${environment} (${lastDrill.time}) failed.`,
        fix: `Read its record under drills/${environment}/ (validation output, gaps), fix it, and drill again.`
      });
    }
    let coverage = {
      state: "unknown",
      missingComponents: [],
      uncoveredTier0: 0
    };
    if (newest && envPolicy) {
      const bytes = await store.readManifest(environment, newest.seq);
      const manifest = bytes ? await openManifest(store, bytes, `manifest ${environment}@${newest.seq}`) : null;
      const judged = judgeCoverage(
        policy,
        environment,
        manifest ? manifest.files.flatMap((file) => file.component ? [file.component] : []) : newest.components,
        manifest?.coverage?.uncoveredTier0Paths ?? null
      );
      coverage = {
        state: judged.state,
        missingComponents: judged.missingComponents,
        uncoveredTier0: judged.uncoveredTier0?.length ?? 0
      };
      if (judged.state === "fail") {
        problems.push({
          kind: "coverage",
          message: `The latest snapshot of ${environment} misses ${[
            ...judged.missingComponents.map((name) => `component ${name}`),
            ...coverage.uncoveredTier0 ? [`${coverage.uncoveredTier0} tier-0 path(s) in no component`] : []
          ].join(", ")}.`,
          fix: "Add the paths to a component in the policy (or an exception), and take a snapshot; `snapgate coverage` lists them."
        });
      }
    }
    const drift = opts.drift?.[environment] ?? null;
    if (drift?.drifted) {
      problems.push({
        kind: "drift",
        message: `The live configuration of ${environment} differs from its latest snapshot: ${drift.added} added, ${drift.removed} removed, ${drift.changed} changed.`,
        fix: `See the files with \`snapgate drift --env ${environment}\`; take a snapshot if the change is intended, restore if not.`
      });
    }
    let replica;
    if (opts.replica) {
      const theirs = (await opts.replica.readStreamIndex(environment)).catalog;
      const newestThere = theirs.at(-1);
      const seq = newestThere?.seq ?? 0;
      const mine = index.catalog.find((entry) => entry.seq === seq);
      const missing = index.catalog.filter((entry) => entry.seq > seq);
      replica = {
        location: opts.replica.location,
        seq,
        behind: missing.length,
        // As for the latest snapshot's age: its time, or when it was written if that is earlier.
        lagMs: missing[0] ? Math.max(
          0,
          now.getTime() - Math.min(Date.parse(missing[0].time), Date.parse(missing[0].writtenAt))
        ) : 0,
        diverged: newestThere !== void 0 && mine?.id !== newestThere.id
      };
      const replicateFix = `Run \`snapgate replicate --from ${store.location} --to ${opts.replica.location}\` (or the scheduled-replicate workflow) and check why the scheduled run did not.`;
      const allowedMs = (maxAgeMs ?? 0) + policy.alerts.lateAfterMs;
      if (replica.diverged) {
        problems.push({
          kind: "replica-diverged",
          message: `The replica ${opts.replica.location} holds a different ${environment}@${seq} than this store.`,
          fix: "Something other than replication wrote to the replica: compare both with `snapgate list`, keep the one you trust, and replicate into a new, empty replica."
        });
      } else if (replica.behind > 0 && replica.lagMs > allowedMs) {
        problems.push({
          kind: "replica-behind",
          message: `The replica ${opts.replica.location} lacks ${replica.behind} snapshot(s) of ${environment}, the oldest written ${formatDuration(replica.lagMs)} ago (allowed: max_age plus alerts.late_after, ${formatDuration(allowedMs)}).`,
          fix: replicateFix
        });
      }
    }
    return {
      environment,
      tier: envPolicy?.tier ?? null,
      latest,
      snapshots: live.length,
      maxAgeMs,
      dueAt: dueAt === null ? null : new Date(dueAt).toISOString(),
      lateAt: lateAt === null ? null : new Date(lateAt).toISOString(),
      late,
      streak,
      failureThreshold: threshold,
      coverage,
      lastVerification: verifications.sort(byTime)[0] ?? null,
      lastDrill,
      drift,
      ...replica ? { replica } : {},
      problems,
      healthy: problems.length === 0
    };
  }
}

// cli/live-drift-summary.ts
import { resolve } from "node:path";
async function liveDriftSummary(args, context, command, store, policy) {
  const rootText = stringValue(args, "root");
  if (rootText === void 0) return {};
  const env = stringValue(args, "env");
  if (env === void 0) {
    throw new SnapgateError("USAGE", "--root needs --env: a live directory is one environment's.", {
      fix: `Add --env ENV. Usage: ${command.usage}`
    });
  }
  const report = await detectDrift({
    store,
    stream: env,
    root: resolve(context.cwd, rootText),
    paths: resolveScanPaths([], policy, env, "compare"),
    ...policyScanRules(policy, env),
    skipDirectories: store instanceof LocalDirStore ? [store.location] : [],
    writerKey: await loadWriterKey(args, context, true)
  });
  return {
    [env]: {
      drifted: report.drifted,
      added: report.added,
      removed: report.removed,
      changed: report.changed
    }
  };
}

export {
  computeHealth,
  liveDriftSummary
};
