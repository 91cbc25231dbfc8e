import { evaluateExceptions } from "../policy/evaluate-exceptions.js";
import { formatDuration } from "../policy/parse-duration.js";
import { judgeCoverage } from "../policy/judge-coverage.js";
import { checkDrill } from "./check-drill.js";
import type {
  ConditionName,
  GateCondition,
  GateDecision,
  GateInput,
  SnapshotFacts,
} from "./gate-decision.js";

/** A snapshot this far in the future is refused: clocks drift, but not by more. */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * The release gate, pure: facts in, decision out. Success needs a snapshot of
 * the environment that is signed by a writer key valid at its time, on an
 * unbroken chain, with every blob present, no older than the tier's max age,
 * covering every required component and every tier-0 path, with no expired
 * exception, passing consistency, and (when the tier asks) a restore-level
 * verification within the interval. A fact that is missing is "unknown", and
 * unknown fails.
 */
export function decideGate(input: GateInput): GateDecision {
  const { policy, environment } = input;
  const conditions: GateCondition[] = [];
  const add = (
    name: ConditionName,
    state: GateCondition["state"],
    detail: string,
    fix: string | null,
    paths?: string[],
  ): void => {
    conditions.push({
      name,
      state,
      detail,
      fix: state === "pass" ? null : fix,
      ...(paths && paths.length > 0 ? { paths } : {}),
    });
  };

  const environmentPolicy = policy.environments[environment];
  const tier = environmentPolicy ? policy.tiers[environmentPolicy.tier] : undefined;
  if (!environmentPolicy || !tier) {
    add(
      "environment",
      "fail",
      `The policy has no environment '${environment}'.`,
      `Add it under environments in the policy, or gate one of: ${Object.keys(policy.environments).join(", ")}.`,
    );
    return conclude(environment, conditions);
  }

  const snapshot = input.snapshot;
  const snapshotCommand = `run the snapshot workflow (${environmentPolicy.snapshotWorkflow ?? "Snapshot now"}) or \`snapgate snapshot --env ${environment}\``;
  if (snapshot === null) {
    add(
      "snapshot",
      "fail",
      `No snapshot of ${environment} exists.`,
      `Take one: ${snapshotCommand}.`,
    );
  } else {
    add(
      "snapshot",
      "pass",
      `Newest snapshot: #${snapshot.seq} (${snapshot.id.slice(0, 12)}) at ${snapshot.time}.`,
      null,
    );
    checkSignature(input, snapshot, add);
    checkChain(snapshot, add);
    checkBlobs(snapshot, add, snapshotCommand);
    checkFreshness(input, snapshot, tier.maxAgeMs, tier.name, add, snapshotCommand);
    checkCoverage(input, snapshot, add);
    checkConsistency(input, snapshot, add);
  }
  checkExceptions(input, add);
  if (tier.restoreVerificationMs !== null)
    checkRestoreVerification(input, tier.restoreVerificationMs, tier.name, add);
  checkLock(input, add);
  const drill = checkDrill(input, tier);
  if (drill) conditions.push(drill);
  return conclude(environment, conditions);
}

type Add = (
  name: ConditionName,
  state: GateCondition["state"],
  detail: string,
  fix: string | null,
  paths?: string[],
) => void;

function checkSignature(input: GateInput, snapshot: SnapshotFacts, add: Add): void {
  const signature = snapshot.signature;
  if (signature === null) {
    add(
      "signature",
      "unknown",
      "The manifest signature was not checked.",
      "Re-run the check; if it persists, run `snapgate verify` against the store.",
    );
    return;
  }
  if (signature.state === "bad") {
    add(
      "signature",
      "fail",
      `The manifest signature does not verify${signature.detail ? ` (${signature.detail})` : ""}: the manifest was altered or forged.`,
      "Treat the snapshot as untrusted: investigate who wrote it, then take a new snapshot with the job's writer key.",
    );
    return;
  }
  const rule = input.policy.keys.writers.find((writer) => writer.key === signature.key);
  if (signature.state === "unknown-key" || !rule) {
    add(
      "signature",
      "fail",
      `The manifest is signed by ${short(signature.key)}, which is not in keys.writers.`,
      "If it is the snapshot job's key, add it to keys.writers; otherwise someone else wrote this snapshot: investigate.",
    );
    return;
  }
  const time = Date.parse(snapshot.time);
  if (
    (rule.validFromMs !== null && time < rule.validFromMs) ||
    (rule.validUntilMs !== null && time >= rule.validUntilMs)
  ) {
    add(
      "signature",
      "fail",
      `The writer key ${short(signature.key)} was not valid at the snapshot's time ${snapshot.time}.`,
      "Take a new snapshot with a current writer key, or correct the key's valid_from/valid_until.",
    );
    return;
  }
  add("signature", "pass", `Signed by writer key ${short(signature.key)}.`, null);
}

function checkChain(snapshot: SnapshotFacts, add: Add): void {
  if (snapshot.chain === null) {
    add(
      "chain",
      "unknown",
      "The hash chain was not checked.",
      "Re-run the check; if it persists, run `snapgate verify` against the store.",
    );
  } else if (snapshot.chain.state === "broken") {
    add(
      "chain",
      "fail",
      `The hash chain is broken at snapshot #${snapshot.chain.atSeq}${snapshot.chain.detail ? ` (${snapshot.chain.detail})` : ""}.`,
      "A manifest was removed or rewritten: investigate with `snapgate verify`, restore the backup repository's history, then take a new snapshot.",
    );
  } else {
    add("chain", "pass", `The chain up to #${snapshot.seq} is intact.`, null);
  }
}

function checkBlobs(snapshot: SnapshotFacts, add: Add, snapshotCommand: string): void {
  const missing = snapshot.missingBlobs;
  const gaps = snapshot.recipientGaps;
  if (missing === null || gaps === null) {
    add(
      "blobs",
      "unknown",
      "The blobs were not checked.",
      "Re-run the check; if it persists, run `snapgate verify` against the store.",
    );
  } else if (missing.length > 0) {
    const listed = missing
      .slice(0, 5)
      .map((id) => id.slice(0, 12))
      .join(", ");
    add(
      "blobs",
      "fail",
      `${missing.length} blob(s) are missing or do not match their recorded hash: ${listed}${missing.length > 5 ? ", ..." : ""}.`,
      `Restore them from a replica of the backup repository, or ${snapshotCommand} to store them again.`,
    );
  } else if (gaps.length > 0) {
    const keys = [...new Set(gaps.flatMap((gap) => gap.cannotOpen))];
    add(
      "blobs",
      "fail",
      `${gaps.length} file(s) cannot be opened by ${keys.map(short).join(", ")}, though the snapshot lists them as recipients: ${gaps
        .slice(0, 5)
        .map((gap) => gap.path)
        .join(", ")}${gaps.length > 5 ? ", ..." : ""}.`,
      `Take a new snapshot (${snapshotCommand}): it seals every file to the current recipients again.`,
      gaps.map((gap) => gap.path),
    );
  } else {
    add(
      "blobs",
      "pass",
      "Every blob is present with its recorded ciphertext hash and sealed to every recipient.",
      null,
    );
  }
}

function checkFreshness(
  input: GateInput,
  snapshot: SnapshotFacts,
  maxAgeMs: number,
  tierName: string,
  add: Add,
  snapshotCommand: string,
): void {
  const time = Date.parse(snapshot.time);
  const written = snapshot.writtenAt === undefined ? time : Date.parse(snapshot.writtenAt);
  const now = input.now.getTime();
  if (Number.isNaN(time) || Number.isNaN(written)) {
    add(
      "freshness",
      "unknown",
      `The snapshot's time '${snapshot.time}' cannot be read.`,
      `Take a new snapshot: ${snapshotCommand}.`,
    );
    return;
  }
  const effective = Math.min(time, written);
  if (effective > now + CLOCK_SKEW_MS) {
    add(
      "freshness",
      "fail",
      `The snapshot's time ${new Date(effective).toISOString()} is in the future.`,
      `Check the runner's clock and the --time given; then ${snapshotCommand}.`,
    );
    return;
  }
  const age = Math.max(0, now - effective);
  if (age > maxAgeMs) {
    add(
      "freshness",
      "fail",
      `The newest snapshot is ${formatDuration(age)} old; ${tierName} allows ${formatDuration(maxAgeMs)}.`,
      `Take a snapshot: ${snapshotCommand}.`,
    );
  } else {
    add(
      "freshness",
      "pass",
      `${formatDuration(age)} old (${tierName} allows ${formatDuration(maxAgeMs)}).`,
      null,
    );
  }
}

function checkCoverage(input: GateInput, snapshot: SnapshotFacts, add: Add): void {
  const judgement = judgeCoverage(
    input.policy,
    input.environment,
    snapshot.components,
    snapshot.uncoveredTier0Paths,
  );
  const missing = judgement.missingComponents;
  const uncovered = judgement.uncoveredTier0;
  const problems: string[] = [];
  if (missing.length > 0)
    problems.push(`required component(s) with no file in the snapshot: ${missing.join(", ")}`);
  if (uncovered !== null && uncovered.length > 0) {
    problems.push(
      `${uncovered.length} tier-0 path(s) in no component: ${uncovered.slice(0, 5).join(", ")}${uncovered.length > 5 ? ", ..." : ""}`,
    );
  }
  if (judgement.state === "fail") {
    add(
      "coverage",
      "fail",
      `${capitalise(problems.join("; "))}.`,
      "Add the paths to a component (or fix the component's globs) in the policy, or accept the gap with an exception; `snapgate coverage` lists them.",
      uncovered ?? undefined,
    );
  } else if (judgement.state === "unknown") {
    add(
      "coverage",
      "unknown",
      "The snapshot recorded no coverage of tier-0 paths.",
      "Take a new snapshot with this version of Snapgate, which records it.",
    );
  } else {
    add("coverage", "pass", `Every required component and tier-0 path is covered.`, null);
  }
}

function checkConsistency(input: GateInput, snapshot: SnapshotFacts, add: Add): void {
  const rules = input.policy.consistency.map((rule) => rule.name);
  if (rules.length === 0) {
    add("consistency", "pass", "The policy has no consistency rules.", null);
    return;
  }
  const outcomes = snapshot.consistency;
  if (outcomes === null) {
    add(
      "consistency",
      "unknown",
      "The snapshot recorded no consistency outcomes.",
      "Take a new snapshot with this version of Snapgate, which evaluates the rules.",
    );
    return;
  }
  const failed = outcomes.filter((outcome) => !outcome.ok && rules.includes(outcome.name));
  const missing = rules.filter((name) => !outcomes.some((outcome) => outcome.name === name));
  if (failed.length > 0) {
    add(
      "consistency",
      "fail",
      failed.map((outcome) => outcome.message).join(" "),
      "Make the files agree and take a new snapshot (each message says which value differs).",
    );
  } else if (missing.length > 0) {
    add(
      "consistency",
      "unknown",
      `The snapshot has no outcome for rule(s) ${missing.join(", ")}.`,
      "Take a new snapshot under the current policy.",
    );
  } else {
    add("consistency", "pass", `${rules.length} rule(s) pass.`, null);
  }
}

function checkExceptions(input: GateInput, add: Add): void {
  const evaluation = evaluateExceptions(input.policy, input.now, {
    environment: input.environment,
  });
  if (evaluation.expired.length > 0) {
    const listed = evaluation.expired
      .map(
        (status) =>
          `exceptions[${status.exception.index}] (${status.exception.paths.join(", ")}) expired ${status.exception.expires}`,
      )
      .join("; ");
    add(
      "exceptions",
      "fail",
      `Expired: ${listed}.`,
      "Close the gap (add the paths to a component) and remove the exception, or renew it with a new expires and accepted_by.",
    );
  } else if (evaluation.expiringSoon.length > 0) {
    const listed = evaluation.expiringSoon
      .map((status) => `exceptions[${status.exception.index}] expires ${status.exception.expires}`)
      .join("; ");
    add("exceptions", "pass", `No expired exception; soon: ${listed}.`, null);
  } else {
    add(
      "exceptions",
      "pass",
      `No expired exception (${evaluation.exceptions.length} active).`,
      null,
    );
  }
}

function checkRestoreVerification(
  input: GateInput,
  intervalMs: number,
  tierName: string,
  add: Add,
): void {
  const fix = `Run a restore-level verification or drill of ${input.environment} (\`snapgate verify latest --env ${input.environment} --identity FILE --record\`).`;
  const failure = input.failedRestoreVerification;
  if (failure) {
    add(
      "restore-verification",
      "fail",
      `The newest restore-level verification (${failure.time}, snapshot ${failure.snapshot.slice(0, 12)}) failed: ${failure.detail}`,
      `Fix what it found (\`snapgate verify ${failure.snapshot.slice(0, 12)} --identity FILE\` shows it), then verify again with --record.`,
    );
    return;
  }
  if (input.lastRestoreVerification === null) {
    add(
      "restore-verification",
      "fail",
      `${tierName} needs a restore-level verification every ${formatDuration(intervalMs)}; none is recorded.`,
      fix,
    );
    return;
  }
  const time = Date.parse(input.lastRestoreVerification);
  if (Number.isNaN(time)) {
    add(
      "restore-verification",
      "unknown",
      `The verification time '${input.lastRestoreVerification}' cannot be read.`,
      fix,
    );
    return;
  }
  const age = Math.max(0, input.now.getTime() - time);
  if (age > intervalMs) {
    add(
      "restore-verification",
      "fail",
      `The last restore-level verification is ${formatDuration(age)} old; ${tierName} needs one every ${formatDuration(intervalMs)}.`,
      fix,
    );
  } else {
    add(
      "restore-verification",
      "pass",
      `Verified at restore level ${formatDuration(age)} ago.`,
      null,
    );
  }
}

/** A locked environment fails its gate (and so its protection rule) until someone unlocks it. */
function checkLock(input: GateInput, add: Add): void {
  const fact = input.lock;
  // Not locked is no condition: the table lists what was judged, and an unlocked environment is the norm.
  if (fact === undefined || fact.state === "unlocked") return;
  const environment = input.environment;
  if (fact.state === "untrusted") {
    add("lock", "unknown", `The lock of ${environment} cannot be read: ${fact.detail}`, fact.fix);
    return;
  }
  const { lock } = fact;
  add(
    "lock",
    "fail",
    `${environment} is locked by @${lock.by.login} since ${lock.at}${lock.reason ? `: ${lock.reason}` : " (no reason given)"}.`,
    `Ask @${lock.by.login} or another approver to comment \`/snapgate unlock --env ${environment}\` when the reason is resolved; then re-run this check.`,
  );
}

function conclude(environment: string, conditions: GateCondition[]): GateDecision {
  const notPassing = conditions.filter((condition) => condition.state !== "pass");
  return {
    environment,
    conclusion: notPassing.length === 0 ? "success" : "failure",
    summary:
      notPassing.length === 0
        ? `All ${conditions.length} conditions pass.`
        : `${notPassing.length} of ${conditions.length} conditions do not pass: ${notPassing.map((condition) => condition.name).join(", ")}.`,
    conditions,
  };
}

function short(key: string): string {
  return key.length > 16 ? `${key.slice(0, 16)}...` : key;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
