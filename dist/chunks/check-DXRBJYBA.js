import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  readDrillSignoffs
} from "./chunk-FX5RSN3Z.js";
import {
  SIGNOFF_ROLES,
  drillSignoffPath
} from "./chunk-RVXFVMQY.js";
import {
  checkStreamChain
} from "./chunk-2IQQHDMM.js";
import {
  POLICY_HELP,
  POLICY_OPTION,
  requireCliPolicy
} from "./chunk-BIX4YTP5.js";
import {
  evaluateExceptions
} from "./chunk-IBXZMUQC.js";
import {
  STORE_OPTION,
  openStore
} from "./chunk-3DD7AWWT.js";
import {
  flag,
  json,
  requireValue,
  stringValue
} from "./chunk-6P64A6B4.js";
import "./chunk-S5A4YI2O.js";
import "./chunk-PCQS3LOH.js";
import {
  readDrillRecord
} from "./chunk-PD42TAJT.js";
import {
  parseDrillPath
} from "./chunk-NG32LOAZ.js";
import {
  judgeCoverage
} from "./chunk-73STOSWY.js";
import "./chunk-CPZT5EG3.js";
import {
  recipientGaps
} from "./chunk-ARYQANWC.js";
import {
  findLatestVerification
} from "./chunk-3H2Q7RHS.js";
import "./chunk-I227H2ZL.js";
import {
  forEachBlobWindow,
  rewrapResolver
} from "./chunk-RQLDRNH6.js";
import "./chunk-HVMTTQAX.js";
import {
  rewrapRecordPath,
  trustedRewrapRecord
} from "./chunk-LNWDKVHM.js";
import {
  blobSha256,
  verifiedRewraps
} from "./chunk-KVN77OIJ.js";
import {
  readCatalog
} from "./chunk-WSRUPF57.js";
import "./chunk-PZ5T2MZR.js";
import {
  blobRefOf
} from "./chunk-CY3L4U4E.js";
import "./chunk-K3D2YTSH.js";
import {
  verifyManifestSignature
} from "./chunk-PP22UWMA.js";
import "./chunk-DENSVYIT.js";
import {
  openManifest
} from "./chunk-7BAZV6R7.js";
import "./chunk-L3YJLP3Q.js";
import {
  loadSodium
} from "./chunk-AXJEESJ2.js";
import {
  formatPolicyProblem
} from "./chunk-TI77TNDP.js";
import {
  formatDuration
} from "./chunk-FFISWQYC.js";
import "./chunk-CU3A7CPO.js";
import {
  parseAppVerifyKey
} from "./chunk-WPITP5OQ.js";
import "./chunk-MVZIGVV4.js";
import "./chunk-R4SSWUCW.js";
import "./chunk-JAZ2OF6U.js";
import "./chunk-26DBSQQT.js";
import {
  canonicalJson
} from "./chunk-2NBA2BLU.js";
import "./chunk-ZITD4ZB6.js";
import "./chunk-RXFM76GD.js";
import "./chunk-54LOBW6C.js";
import "./chunk-4NNPXXFU.js";
import {
  sha256Hex
} from "./chunk-U2VA4CFL.js";
import {
  blobPath
} from "./chunk-ZUEUDRMP.js";
import {
  SnapgateError,
  asSnapgateError,
  isSnapgateError
} from "./chunk-6KERQ4ZL.js";
import "./chunk-H5NHOGLY.js";

// cli/commands/check.ts
import { resolve } from "node:path";

// core/gate/check-drill.ts
function checkDrill(input, tier) {
  const interval = tier.drillIntervalMs;
  if (interval === void 0) return null;
  const env = input.environment;
  const fix = `Run a drill of ${env} (\`snapgate drill --env ${env} --identity FILE --writer-key FILE --validate "CMD"\`), or the scheduled drill workflow.`;
  const condition = (state, detail, fixText) => ({
    name: "drill",
    state,
    detail,
    fix: state === "pass" ? null : fixText
  });
  const drill = input.drill;
  if (drill === void 0) return condition("unknown", "The drills were not read.", fix);
  if (drill === null)
    return condition(
      "fail",
      `${tier.name} needs a passing drill every ${formatDuration(interval)}; none is recorded.`,
      fix
    );
  if (!drill.trusted)
    return condition(
      "fail",
      `The newest drill cannot be trusted: ${drill.detail ?? "its signature does not verify"}.`,
      `Investigate who wrote ${drill.path}; then ${fix.charAt(0).toLowerCase()}${fix.slice(1)}`
    );
  if (!drill.ok)
    return condition(
      "fail",
      `The newest drill (${drill.time}, snapshot ${drill.snapshot.slice(0, 12)}) failed${drill.detail ? `: ${drill.detail}` : ""}.`,
      `Fix what it found (${drill.path} lists its gaps and the validation output), then drill again.`
    );
  const age = Math.max(0, input.now.getTime() - Date.parse(drill.time));
  if (Number.isNaN(age))
    return condition("unknown", `The drill time '${drill.time}' cannot be read.`, fix);
  if (age > interval)
    return condition(
      "fail",
      `The last passing drill is ${formatDuration(age)} old; ${tier.name} needs one every ${formatDuration(interval)}.`,
      fix
    );
  const drilled = `Drilled ${formatDuration(age)} ago (${drill.path}).`;
  if (!tier.drillSignoff) return condition("pass", drilled, null);
  return checkSignoff(input, tier, interval, drilled, condition);
}
function checkSignoff(input, tier, interval, drilled, condition) {
  const signoff = input.drill?.signoff;
  if (signoff === void 0)
    return condition("unknown", "The drill sign-offs were not read.", "Run the gate again.");
  if (signoff === null)
    return condition("fail", `${tier.name} needs a signed-off drill; no drill passed.`, null);
  const command = `/snapgate signoff ${signoff.path}`;
  const date = signoff.time.slice(0, 10);
  if (!signoff.trusted)
    return condition(
      "fail",
      `The drill ${signoff.path} cannot be trusted, so its sign-offs do not count.`,
      `Investigate who wrote ${signoff.path}; drill again and have it signed off.`
    );
  const age = Math.max(0, input.now.getTime() - Date.parse(signoff.time));
  if (age > interval)
    return condition(
      "fail",
      `The newest signed-off drill (${date}) is ${formatDuration(age)} old; ${tier.name} needs one every ${formatDuration(interval)}. ${drilled}`,
      `Ask someone in roles.ops and someone in roles.security to sign off the newest passing drill (comment \`/snapgate signoff <drill>\` on any issue or pull request).`
    );
  const missing = ["ops", "security"].filter((role) => signoff.by[role] === null);
  if (missing.length > 0) {
    const untrusted = signoff.untrusted.length ? ` (not counted, cannot be trusted: ${signoff.untrusted.join("; ")})` : "";
    return condition(
      "fail",
      `Drill ${signoff.path} on ${date} lacks ${missing.map((role) => role === "ops" ? "an ops" : "a security").join(" and ")} sign-off${untrusted}.`,
      missing.map((role) => `Ask someone in role ${role} to comment \`${command}\`.`).join(" ")
    );
  }
  const ops = signoff.by.ops;
  const security = signoff.by.security;
  if (ops.login.toLowerCase() === security.login.toLowerCase())
    return condition(
      "fail",
      `Drill ${signoff.path} is signed off for ops and security by the same person (@${ops.login}).`,
      `Ask someone else in role security to sign off a drill.`
    );
  return condition(
    "pass",
    `${drilled} Drill ${signoff.path} (${date}) is signed off by @${ops.login} (ops) and @${security.login} (security).`,
    null
  );
}

// core/gate/decide-gate.ts
var CLOCK_SKEW_MS = 5 * 6e4;
function decideGate(input) {
  const { policy, environment } = input;
  const conditions = [];
  const add = (name, state, detail, fix, paths) => {
    conditions.push({
      name,
      state,
      detail,
      fix: state === "pass" ? null : fix,
      ...paths && paths.length > 0 ? { paths } : {}
    });
  };
  const environmentPolicy = policy.environments[environment];
  const tier = environmentPolicy ? policy.tiers[environmentPolicy.tier] : void 0;
  if (!environmentPolicy || !tier) {
    add(
      "environment",
      "fail",
      `The policy has no environment '${environment}'.`,
      `Add it under environments in the policy, or gate one of: ${Object.keys(policy.environments).join(", ")}.`
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
      `Take one: ${snapshotCommand}.`
    );
  } else {
    add(
      "snapshot",
      "pass",
      `Newest snapshot: #${snapshot.seq} (${snapshot.id.slice(0, 12)}) at ${snapshot.time}.`,
      null
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
function checkSignature(input, snapshot, add) {
  const signature = snapshot.signature;
  if (signature === null) {
    add(
      "signature",
      "unknown",
      "The manifest signature was not checked.",
      "Re-run the check; if it persists, run `snapgate verify` against the store."
    );
    return;
  }
  if (signature.state === "bad") {
    add(
      "signature",
      "fail",
      `The manifest signature does not verify${signature.detail ? ` (${signature.detail})` : ""}: the manifest was altered or forged.`,
      "Treat the snapshot as untrusted: investigate who wrote it, then take a new snapshot with the job's writer key."
    );
    return;
  }
  const rule = input.policy.keys.writers.find((writer) => writer.key === signature.key);
  if (signature.state === "unknown-key" || !rule) {
    add(
      "signature",
      "fail",
      `The manifest is signed by ${short(signature.key)}, which is not in keys.writers.`,
      "If it is the snapshot job's key, add it to keys.writers; otherwise someone else wrote this snapshot: investigate."
    );
    return;
  }
  const time = Date.parse(snapshot.time);
  if (rule.validFromMs !== null && time < rule.validFromMs || rule.validUntilMs !== null && time >= rule.validUntilMs) {
    add(
      "signature",
      "fail",
      `The writer key ${short(signature.key)} was not valid at the snapshot's time ${snapshot.time}.`,
      "Take a new snapshot with a current writer key, or correct the key's valid_from/valid_until."
    );
    return;
  }
  add("signature", "pass", `Signed by writer key ${short(signature.key)}.`, null);
}
function checkChain(snapshot, add) {
  if (snapshot.chain === null) {
    add(
      "chain",
      "unknown",
      "The hash chain was not checked.",
      "Re-run the check; if it persists, run `snapgate verify` against the store."
    );
  } else if (snapshot.chain.state === "broken") {
    add(
      "chain",
      "fail",
      `The hash chain is broken at snapshot #${snapshot.chain.atSeq}${snapshot.chain.detail ? ` (${snapshot.chain.detail})` : ""}.`,
      "A manifest was removed or rewritten: investigate with `snapgate verify`, restore the backup repository's history, then take a new snapshot."
    );
  } else {
    add("chain", "pass", `The chain up to #${snapshot.seq} is intact.`, null);
  }
}
function checkBlobs(snapshot, add, snapshotCommand) {
  const missing = snapshot.missingBlobs;
  const gaps = snapshot.recipientGaps;
  if (missing === null || gaps === null) {
    add(
      "blobs",
      "unknown",
      "The blobs were not checked.",
      "Re-run the check; if it persists, run `snapgate verify` against the store."
    );
  } else if (missing.length > 0) {
    const listed = missing.slice(0, 5).map((id) => id.slice(0, 12)).join(", ");
    add(
      "blobs",
      "fail",
      `${missing.length} blob(s) are missing or do not match their recorded hash: ${listed}${missing.length > 5 ? ", ..." : ""}.`,
      `Restore them from a replica of the backup repository, or ${snapshotCommand} to store them again.`
    );
  } else if (gaps.length > 0) {
    const keys = [...new Set(gaps.flatMap((gap) => gap.cannotOpen))];
    add(
      "blobs",
      "fail",
      `${gaps.length} file(s) cannot be opened by ${keys.map(short).join(", ")}, though the snapshot lists them as recipients: ${gaps.slice(0, 5).map((gap) => gap.path).join(", ")}${gaps.length > 5 ? ", ..." : ""}.`,
      `Take a new snapshot (${snapshotCommand}): it seals every file to the current recipients again.`,
      gaps.map((gap) => gap.path)
    );
  } else {
    add(
      "blobs",
      "pass",
      "Every blob is present with its recorded ciphertext hash and sealed to every recipient.",
      null
    );
  }
}
function checkFreshness(input, snapshot, maxAgeMs, tierName, add, snapshotCommand) {
  const time = Date.parse(snapshot.time);
  const written = snapshot.writtenAt === void 0 ? time : Date.parse(snapshot.writtenAt);
  const now = input.now.getTime();
  if (Number.isNaN(time) || Number.isNaN(written)) {
    add(
      "freshness",
      "unknown",
      `The snapshot's time '${snapshot.time}' cannot be read.`,
      `Take a new snapshot: ${snapshotCommand}.`
    );
    return;
  }
  const effective = Math.min(time, written);
  if (effective > now + CLOCK_SKEW_MS) {
    add(
      "freshness",
      "fail",
      `The snapshot's time ${new Date(effective).toISOString()} is in the future.`,
      `Check the runner's clock and the --time given; then ${snapshotCommand}.`
    );
    return;
  }
  const age = Math.max(0, now - effective);
  if (age > maxAgeMs) {
    add(
      "freshness",
      "fail",
      `The newest snapshot is ${formatDuration(age)} old; ${tierName} allows ${formatDuration(maxAgeMs)}.`,
      `Take a snapshot: ${snapshotCommand}.`
    );
  } else {
    add(
      "freshness",
      "pass",
      `${formatDuration(age)} old (${tierName} allows ${formatDuration(maxAgeMs)}).`,
      null
    );
  }
}
function checkCoverage(input, snapshot, add) {
  const judgement = judgeCoverage(
    input.policy,
    input.environment,
    snapshot.components,
    snapshot.uncoveredTier0Paths
  );
  const missing = judgement.missingComponents;
  const uncovered = judgement.uncoveredTier0;
  const problems = [];
  if (missing.length > 0)
    problems.push(`required component(s) with no file in the snapshot: ${missing.join(", ")}`);
  if (uncovered !== null && uncovered.length > 0) {
    problems.push(
      `${uncovered.length} tier-0 path(s) in no component: ${uncovered.slice(0, 5).join(", ")}${uncovered.length > 5 ? ", ..." : ""}`
    );
  }
  if (judgement.state === "fail") {
    add(
      "coverage",
      "fail",
      `${capitalise(problems.join("; "))}.`,
      "Add the paths to a component (or fix the component's globs) in the policy, or accept the gap with an exception; `snapgate coverage` lists them.",
      uncovered ?? void 0
    );
  } else if (judgement.state === "unknown") {
    add(
      "coverage",
      "unknown",
      "The snapshot recorded no coverage of tier-0 paths.",
      "Take a new snapshot with this version of Snapgate, which records it."
    );
  } else {
    add("coverage", "pass", `Every required component and tier-0 path is covered.`, null);
  }
}
function checkConsistency(input, snapshot, add) {
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
      "Take a new snapshot with this version of Snapgate, which evaluates the rules."
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
      "Make the files agree and take a new snapshot (each message says which value differs)."
    );
  } else if (missing.length > 0) {
    add(
      "consistency",
      "unknown",
      `The snapshot has no outcome for rule(s) ${missing.join(", ")}.`,
      "Take a new snapshot under the current policy."
    );
  } else {
    add("consistency", "pass", `${rules.length} rule(s) pass.`, null);
  }
}
function checkExceptions(input, add) {
  const evaluation = evaluateExceptions(input.policy, input.now, {
    environment: input.environment
  });
  if (evaluation.expired.length > 0) {
    const listed = evaluation.expired.map(
      (status) => `exceptions[${status.exception.index}] (${status.exception.paths.join(", ")}) expired ${status.exception.expires}`
    ).join("; ");
    add(
      "exceptions",
      "fail",
      `Expired: ${listed}.`,
      "Close the gap (add the paths to a component) and remove the exception, or renew it with a new expires and accepted_by."
    );
  } else if (evaluation.expiringSoon.length > 0) {
    const listed = evaluation.expiringSoon.map((status) => `exceptions[${status.exception.index}] expires ${status.exception.expires}`).join("; ");
    add("exceptions", "pass", `No expired exception; soon: ${listed}.`, null);
  } else {
    add(
      "exceptions",
      "pass",
      `No expired exception (${evaluation.exceptions.length} active).`,
      null
    );
  }
}
function checkRestoreVerification(input, intervalMs, tierName, add) {
  const fix = `Run a restore-level verification or drill of ${input.environment} (\`snapgate verify latest --env ${input.environment} --identity FILE --record\`).`;
  const failure = input.failedRestoreVerification;
  if (failure) {
    add(
      "restore-verification",
      "fail",
      `The newest restore-level verification (${failure.time}, snapshot ${failure.snapshot.slice(0, 12)}) failed: ${failure.detail}`,
      `Fix what it found (\`snapgate verify ${failure.snapshot.slice(0, 12)} --identity FILE\` shows it), then verify again with --record.`
    );
    return;
  }
  if (input.lastRestoreVerification === null) {
    add(
      "restore-verification",
      "fail",
      `${tierName} needs a restore-level verification every ${formatDuration(intervalMs)}; none is recorded.`,
      fix
    );
    return;
  }
  const time = Date.parse(input.lastRestoreVerification);
  if (Number.isNaN(time)) {
    add(
      "restore-verification",
      "unknown",
      `The verification time '${input.lastRestoreVerification}' cannot be read.`,
      fix
    );
    return;
  }
  const age = Math.max(0, input.now.getTime() - time);
  if (age > intervalMs) {
    add(
      "restore-verification",
      "fail",
      `The last restore-level verification is ${formatDuration(age)} old; ${tierName} needs one every ${formatDuration(intervalMs)}.`,
      fix
    );
  } else {
    add(
      "restore-verification",
      "pass",
      `Verified at restore level ${formatDuration(age)} ago.`,
      null
    );
  }
}
function checkLock(input, add) {
  const fact = input.lock;
  if (fact === void 0 || fact.state === "unlocked") return;
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
    `Ask @${lock.by.login} or another approver to comment \`/snapgate unlock --env ${environment}\` when the reason is resolved; then re-run this check.`
  );
}
function conclude(environment, conditions) {
  const notPassing = conditions.filter((condition) => condition.state !== "pass");
  return {
    environment,
    conclusion: notPassing.length === 0 ? "success" : "failure",
    summary: notPassing.length === 0 ? `All ${conditions.length} conditions pass.` : `${notPassing.length} of ${conditions.length} conditions do not pass: ${notPassing.map((condition) => condition.name).join(", ")}.`,
    conditions
  };
}
function short(key) {
  return key.length > 16 ? `${key.slice(0, 16)}...` : key;
}
function capitalise(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// core/approvals/environment-lock-record.ts
var ENVIRONMENT_LOCK_FORMAT = "snapgate.lock/v1";
var LOCK_REVISION_NAME = /^(\d{4,})\.json$/;
function environmentLockPath(environment, revision) {
  return `locks/${environment}/${String(revision).padStart(4, "0")}.json`;
}
function signedBytes(body) {
  return new TextEncoder().encode(canonicalJson(body));
}
function openEnvironmentLock(sodium, bytes, expected, appKeys) {
  const refuse = (why) => {
    throw new SnapgateError(
      "INTEGRITY",
      `The lock record of ${expected.environment} (${environmentLockPath(expected.environment, expected.revision)}) cannot be trusted: ${why}.`,
      {
        fix: `Nothing that the lock guards runs until this is resolved: anyone who can write the backup repository could have made it. Check who pushed it (git log), remove it, and lock or unlock ${expected.environment} again through the Snapgate App (/snapgate lock|unlock --env ${expected.environment}).`,
        details: { environment: expected.environment, revision: expected.revision }
      }
    );
  };
  let record;
  try {
    record = JSON.parse(Buffer.from(bytes).toString("utf8"));
  } catch {
    return refuse("it is not JSON");
  }
  const { signature, ...body } = record ?? {};
  if (!signature || signature.alg !== "ed25519" || typeof signature.value !== "string")
    return refuse("it is not signed by the Snapgate App");
  if (!appKeys.includes(signature.key))
    return refuse("it is signed by a key that is not an app key of the policy (keys.app)");
  let valid;
  try {
    valid = sodium.crypto_sign_verify_detached(
      Buffer.from(signature.value, "base64"),
      signedBytes(body),
      parseAppVerifyKey(signature.key)
    );
  } catch {
    valid = false;
  }
  if (!valid) return refuse("its signature does not match its contents (it was altered)");
  if (body.format !== ENVIRONMENT_LOCK_FORMAT || body.environment !== expected.environment || body.revision !== expected.revision || body.lock !== null && body.lock?.environment !== expected.environment)
    return refuse("it is not the environment and revision its path names");
  return record;
}

// core/approvals/read-newest-environment-lock.ts
async function readNewestEnvironmentLock(store, sodium, environment, appKeys, listed) {
  const paths = listed ?? await store.listRecords(`locks/${environment}/`);
  const revisions = paths.map((path2) => Number(LOCK_REVISION_NAME.exec(path2.split("/").pop() ?? "")?.[1] ?? Number.NaN)).filter((revision2) => Number.isInteger(revision2) && revision2 > 0);
  if (revisions.length === 0) return null;
  const revision = Math.max(...revisions);
  const path = environmentLockPath(environment, revision);
  const bytes = await store.readRecord(path);
  if (bytes === null) {
    throw new SnapgateError("INTEGRITY", `The lock record ${path} was listed but cannot be read.`, {
      fix: `Check the backup repository's history for ${path}; then lock or unlock ${environment} again through the Snapgate App.`
    });
  }
  return openEnvironmentLock(sodium, bytes, { environment, revision }, appKeys);
}

// core/approvals/read-environment-lock.ts
async function readEnvironmentLock(store, environment, appKeys, listed) {
  const newest = await readNewestEnvironmentLock(
    store,
    await loadSodium(),
    environment,
    appKeys,
    listed
  );
  return newest?.lock ?? null;
}

// core/rekey/rewraps-in-listing.ts
var MAX_HOPS = 16;
async function rewrapsInListing(store, sodium, trustedKeys, missing, present) {
  const found = /* @__PURE__ */ new Set();
  let open = missing.map((start) => ({ start, at: start }));
  for (let hop = 0; hop < MAX_HOPS && open.length > 0; hop++) {
    const records = await Promise.all(open.map(({ at }) => store.readRecord(rewrapRecordPath(at))));
    const next = [];
    for (const [index, item] of open.entries()) {
      const bytes = records[index];
      const record = bytes ? trustedRewrapRecord(sodium, bytes, trustedKeys) : void 0;
      if (!record || record.old.id !== item.at.id || record.old.sha256 !== item.at.sha256) continue;
      if (present.has(blobPath(record.new))) found.add(blobPath(item.start));
      else next.push({ start: item.start, at: record.new });
    }
    open = next;
  }
  return found;
}

// core/gate/drill-fact.ts
async function gatherDrillFact(store, policy, environment, listed, readDrill) {
  const tierName = policy.environments[environment]?.tier;
  const tier = tierName ? policy.tiers[tierName] : void 0;
  if (tier?.drillIntervalMs === void 0) return void 0;
  const drills = listed.map((path) => parseDrillPath(path)).filter((name) => name !== void 0 && name.stream === environment).sort((a, b) => a.time < b.time ? 1 : -1);
  const newest = drills[0];
  if (!newest) return null;
  const read = await readDrill(newest.path);
  const failed = read.ok ? [
    read.record.validation?.timedOut ? "the validation timed out" : null,
    read.record.validation && read.record.validation.exitCode !== 0 && !read.record.validation.timedOut ? `the validation exited ${read.record.validation.exitCode ?? "without starting"}` : null,
    ...read.record.gaps.filter((gap) => gap.kind === "restore").map((gap) => gap.message)
  ].filter((text) => text !== null) : [];
  const fact = {
    path: newest.path,
    time: newest.time,
    snapshot: newest.snapshot,
    ok: newest.ok,
    trusted: read.ok,
    detail: read.ok ? failed.join("; ") || null : read.detail
  };
  if (tier.drillSignoff) fact.signoff = await signoffFact(store, policy, drills, listed, readDrill);
  return fact;
}
async function signoffFact(store, policy, drills, listed, readDrill) {
  const present = new Set(listed);
  const passing = drills.filter((drill) => drill.ok);
  const chosen = passing.find(
    (drill) => SIGNOFF_ROLES.every((role) => present.has(drillSignoffPath(drill.path, role)))
  ) ?? passing[0];
  if (!chosen) return null;
  const [read, signoffs] = await Promise.all([
    readDrill(chosen.path),
    readDrillSignoffs(store, await loadSodium(), chosen.path, policy.keys.app ?? [], present)
  ]);
  const by = { ops: null, security: null };
  const untrusted = [];
  for (const role of SIGNOFF_ROLES) {
    const signoff = signoffs[role];
    if (signoff?.state === "signed")
      by[role] = { login: signoff.record.by.login, at: signoff.record.at };
    else if (signoff?.state === "untrusted") untrusted.push(signoff.detail);
  }
  return {
    path: chosen.path,
    time: chosen.time,
    snapshot: chosen.snapshot,
    trusted: read.ok,
    by,
    untrusted
  };
}

// core/gate/gather-gate-facts.ts
async function gatherGateFacts(store, policy, environment, now, options = {}) {
  const index = await store.readStreamIndex(environment);
  const complete = index.manifestSeqs.every(
    (seq) => index.catalog.some((entry) => entry.seq === seq)
  );
  const entries = complete ? index.catalog : await readCatalog(store, environment);
  const forgottenSeqs = new Set(index.tombstoneSeqs);
  const latest = entries.findLast((entry) => !forgottenSeqs.has(entry.seq)) ?? null;
  const verification = await findLatestVerification(
    store,
    index.verifications,
    new Set(entries.map((entry) => entry.id)),
    "restore"
  );
  const tierName = policy.environments[environment]?.tier;
  const tier = tierName ? policy.tiers[tierName] : void 0;
  const drillPaths = index.drills ?? (tier?.drillIntervalMs !== void 0 || tier?.restoreVerificationMs != null ? await store.listRecords(`drills/${environment}`) : []);
  const reads = /* @__PURE__ */ new Map();
  const readDrill = (path) => {
    let read = reads.get(path);
    if (!read) {
      read = readDrillRecord(
        store,
        path,
        policy.keys.writers.map((writer) => writer.key)
      );
      reads.set(path, read);
    }
    return read;
  };
  const drilled = tier?.restoreVerificationMs != null ? await drillVerification(
    drillPaths,
    environment,
    new Set(entries.map((entry) => entry.id)),
    verification?.time ?? null,
    readDrill
  ) : null;
  const restore = drilled ? { lastRestoreVerification: drilled, failedRestoreVerification: null } : {
    lastRestoreVerification: verification?.ok ? verification.time : null,
    failedRestoreVerification: verification && !verification.ok ? {
      time: verification.time,
      snapshot: verification.snapshot,
      detail: verification.problems.slice(0, 3).map((problem) => problem.message).join(" ") || "it reported problems."
    } : null
  };
  const lock = await lockFact(store, policy, environment, index.locks);
  const drill = await gatherDrillFact(store, policy, environment, drillPaths, readDrill);
  const records = { ...restore, lock, ...drill !== void 0 ? { drill } : {} };
  if (latest === null) return { policy, environment, now, snapshot: null, ...records };
  const facts = {
    id: latest.id,
    seq: latest.seq,
    time: latest.time,
    writtenAt: latest.writtenAt,
    signature: null,
    chain: null,
    missingBlobs: null,
    recipientGaps: null,
    components: [],
    uncoveredTier0Paths: null,
    consistency: null
  };
  const hinted = index.headNodes?.seq === latest.seq ? index.headNodes.nodes : [];
  const [bytes, ...prefetched] = await Promise.all([
    store.readManifest(environment, latest.seq),
    ...hinted.map((id) => store.readNode(id))
  ]);
  const nodes = new Map(hinted.map((id, i) => [id, prefetched[i] ?? null]));
  const reader = {
    location: store.location,
    readNode: (id) => nodes.get(id) ? Promise.resolve(nodes.get(id) ?? null) : store.readNode(id)
  };
  let manifest = null;
  if (!bytes) {
    facts.signature = { state: "bad", detail: "the manifest is missing from the store" };
  } else if (sha256Hex(bytes) !== latest.id) {
    facts.signature = { state: "bad", detail: "the manifest does not hash to its catalog id" };
  } else {
    try {
      manifest = await openManifest(reader, bytes, `manifest ${environment}@${latest.seq}`);
    } catch (error) {
      if (!isSnapgateError(error)) throw error;
      facts.signature = { state: "bad", detail: error.summary };
    }
  }
  const chain = options.chain === "catalog" ? catalogChain(environment, entries, index.manifestSeqs, latest.seq, manifest) : await checkStreamChain(store, environment, latest.seq);
  facts.chain = chain.state === "ok" ? chain : { state: "broken", atSeq: chain.atSeq, detail: chain.detail };
  if (manifest) {
    facts.signature = signatureFact(
      manifest,
      policy.keys.writers.map((writer) => writer.key),
      await loadSodium()
    );
    facts.missingBlobs = await missingBlobs(
      store,
      manifest,
      options.blobs ?? "read",
      index.blobs,
      policy.keys.writers.map((writer) => writer.key)
    );
    facts.recipientGaps = recipientGaps(manifest);
    facts.components = [
      ...new Set(manifest.files.flatMap((file) => file.component ? [file.component] : []))
    ].sort();
    facts.uncoveredTier0Paths = manifest.coverage?.uncoveredTier0Paths ?? null;
    facts.consistency = manifest.consistency ?? null;
  }
  return { policy, environment, now, snapshot: facts, ...records };
}
async function drillVerification(paths, environment, snapshots, after, readDrill) {
  const newest = paths.map((path) => parseDrillPath(path)).filter(
    (name) => name !== void 0 && name.stream === environment && name.ok && snapshots.has(name.snapshot) && (after === null || Date.parse(name.time) > Date.parse(after))
  ).sort((a, b) => a.time < b.time ? 1 : -1)[0];
  if (!newest) return null;
  return (await readDrill(newest.path)).ok ? newest.time : null;
}
async function lockFact(store, policy, environment, revisions) {
  try {
    const lock = await readEnvironmentLock(store, environment, policy.keys.app ?? [], revisions);
    return lock === null ? { state: "unlocked" } : { state: "locked", lock };
  } catch (error) {
    if (!isSnapgateError(error) || error.code !== "INTEGRITY") throw error;
    return { state: "untrusted", detail: error.summary, fix: error.fix ?? null };
  }
}
function signatureFact(manifest, keys, sodium) {
  const check = verifyManifestSignature(sodium, manifest, keys);
  if (check.ok) return { state: "ok", key: check.key };
  if (check.reason === "unknown-key") return { state: "unknown-key", key: check.key };
  return { state: "bad", key: check.key, detail: "the signature does not match the manifest" };
}
async function missingBlobs(store, manifest, mode, listed, writerKeys) {
  const unique = /* @__PURE__ */ new Map();
  for (const file of manifest.files) {
    if (file.type === "file") unique.set(blobPath(blobRefOf(file)), file);
  }
  const files = [...unique.values()];
  if (mode === "list") {
    const present = new Set(listed.map(blobPath));
    const absent = files.filter((file) => !present.has(blobPath(blobRefOf(file))));
    const rewrapped = absent.length === 0 ? /* @__PURE__ */ new Set() : await rewrapsInListing(
      store,
      await loadSodium(),
      writerKeys,
      absent.map(blobRefOf),
      present
    );
    return absent.filter((file) => !rewrapped.has(blobPath(blobRefOf(file)))).map((file) => file.blob);
  }
  const bad = await forEachBlobWindow(
    store,
    files,
    async (file, ciphertext) => ciphertext && (blobSha256(ciphertext) === file.ciphertextSha256 || verifiedRewraps.get(ciphertext)?.standsFor === file.ciphertextSha256) ? null : file.blob,
    4,
    void 0,
    rewrapResolver(store, await loadSodium(), writerKeys)
  );
  return bad.filter((id) => id !== null);
}
function catalogChain(stream, entries, manifestSeqs, upto, manifest) {
  const bySeq = new Map(entries.map((entry) => [entry.seq, entry]));
  const present = new Set(manifestSeqs);
  for (let seq = 1; seq <= upto; seq++) {
    const entry = bySeq.get(seq);
    if (!entry || !present.has(seq)) {
      return { state: "broken", atSeq: seq, detail: `manifest ${stream}@${seq} is missing` };
    }
    const previous = seq === 1 ? null : bySeq.get(seq - 1)?.id ?? null;
    if (entry.prev !== void 0 && entry.prev !== previous) {
      return {
        state: "broken",
        atSeq: seq,
        detail: `${stream}@${seq} does not link to ${stream}@${seq - 1}`
      };
    }
  }
  const expected = upto === 1 ? null : bySeq.get(upto - 1)?.id ?? null;
  if (manifest && manifest.prev !== expected) {
    return {
      state: "broken",
      atSeq: upto,
      detail: `manifest ${stream}@${upto} does not link to ${stream}@${upto - 1}`
    };
  }
  return { state: "ok" };
}

// core/gate/policy-error-decision.ts
function policyErrorDecision(environment, error) {
  const failure = asSnapgateError(error);
  const problems = failure.details["problems"] ?? [];
  const detail = problems.length > 0 ? problems.map(formatPolicyProblem).join("\n") : failure.message;
  return {
    environment,
    conclusion: "failure",
    summary: "The Snapgate policy cannot be used.",
    conditions: [
      {
        name: "policy",
        state: "fail",
        detail,
        fix: failure.fix ?? "Fix .github/snapgate.yml on the default branch; docs/policy.md describes every key.",
        paths: [...new Set(problems.map((problem) => problem.file))],
        ...problems.length > 0 ? {
          locations: problems.map((problem) => ({
            file: problem.file,
            line: problem.line,
            message: formatPolicyProblem(problem)
          }))
        } : {}
      }
    ]
  };
}

// core/gate/render-gate-text.ts
var STATE_LABEL = { pass: "PASS", fail: "FAIL", unknown: "UNKNOWN" };
function renderGateText(decision) {
  const nameWidth = Math.max(
    "CONDITION".length,
    ...decision.conditions.map((condition) => condition.name.length)
  );
  const stateWidth = "UNKNOWN".length;
  const lines = [`${"CONDITION".padEnd(nameWidth)}  ${"STATE".padEnd(stateWidth)}  DETAIL`];
  for (const condition of decision.conditions) {
    const [first, ...rest] = condition.detail.split("\n");
    lines.push(
      `${condition.name.padEnd(nameWidth)}  ${STATE_LABEL[condition.state].padEnd(stateWidth)}  ${first ?? ""}`
    );
    const indent = " ".repeat(nameWidth + stateWidth + 4);
    for (const line of rest) lines.push(`${indent}${line}`);
    if (condition.fix) lines.push(`${indent}fix: ${condition.fix}`);
  }
  lines.push(
    "",
    `${decision.environment}: ${decision.conclusion.toUpperCase()}. ${decision.summary}`
  );
  return `${lines.join("\n")}
`;
}

// cli/commands/check.ts
var checkCommand = {
  name: "check",
  summary: "The release gate: does the environment have a fresh, signed, complete, covered and consistent backup",
  usage: "snapgate check --store STORE --env ENV [--policy FILE] [--root DIR] [--json]",
  help: [
    "--env ENV             the environment to gate",
    POLICY_HELP,
    "--root DIR            where .github/snapgate.yml is looked for (default: the working directory)",
    "conditions: snapshot, signature, chain, blobs, freshness, coverage, consistency, exceptions, restore-verification, drill (see docs/policy.md)",
    "exit codes: 0 every condition passes, 1 any fails or is unknown (also an invalid policy)"
  ],
  json: 'the decision: `{environment, conclusion: "success"|"failure", summary, conditions: [{name, state: "pass"|"fail"|"unknown", detail, fix, paths?, locations?}]}`; `locations` (an invalid policy) is `[{file, line, message}]`',
  options: { ...STORE_OPTION, ...POLICY_OPTION, env: { type: "string" }, root: { type: "string" } },
  async run(args, context) {
    const env = requireValue(args, "env", this, "Name the environment to gate, e.g. --env prod.");
    const store = await openStore(args, context);
    const root = resolve(context.cwd, stringValue(args, "root") ?? ".");
    let loaded;
    try {
      loaded = (await requireCliPolicy(args, context, root, "check")).policy;
    } catch (error) {
      loaded = policyErrorDecision(env, error);
    }
    await store.assertExists();
    const decision = "conclusion" in loaded ? loaded : decideGate(await gatherGateFacts(store, loaded, env, /* @__PURE__ */ new Date()));
    context.stdout(flag(args, "json") ? json(decision) : renderGateText(decision));
    return decision.conclusion === "success" ? 0 : 1;
  }
};
export {
  checkCommand
};
