import { realpath } from "node:fs/promises";
import { isAbsolute, relative, resolve } from "node:path";
import { SnapgateError } from "../errors.js";
import type { ConsistencyOutcome, ManifestCoverage } from "../types.js";
import { loadSodium } from "../crypto/sodium.js";
import { epochRecipients } from "../policy/epoch-recipients.js";
import { writerSigner } from "../crypto/writer-key.js";
import type { ChangeTicketVerifier } from "../policy/change-ticket/change-ticket-verifier.js";
import {
  enforceChangeTicket,
  type ChangeTicketOutcome,
} from "../policy/change-ticket/enforce-change-ticket.js";
import { consistencyValueDigest } from "../policy/consistency/consistency-value-digest.js";
import { evaluateConsistency } from "../policy/consistency/evaluate-consistency.js";
import { coverageReport } from "../policy/coverage-report.js";
import type { Policy } from "../policy/policy.js";
import { policyEnvironment } from "../policy/policy-environment.js";
import { policyScanRules } from "../policy/policy-scan-rules.js";
import { policyDigest } from "../policy/policy-digest.js";
import {
  createSnapshot,
  type CreateSnapshotOptions,
  type SnapshotResult,
} from "./create-snapshot.js";
import { readRegularFile } from "./read-regular-file.js";
import { DEFAULT_MAX_FILE_BYTES, scanTree } from "./scan-tree.js";

export interface PolicySnapshotOptions extends Omit<
  CreateSnapshotOptions,
  | "recipients"
  | "classify"
  | "policyDigest"
  | "consistency"
  | "coverage"
  | "tree"
  | "isExcluded"
  | "isExcludedDirectory"
> {
  policy: Policy;
  /** Recipients in addition to the policy's keys.recipients (never instead of them). */
  extraRecipients?: readonly string[];
  /** Record failing consistency rules instead of refusing the snapshot. */
  allowInconsistent?: boolean;
  /** Confirms change tickets when the policy names an endpoint (null: none configured). */
  changeTicketVerifier: ChangeTicketVerifier | null;
}

export interface PolicySnapshotResult extends SnapshotResult {
  tier: string;
  recipients: { fromPolicy: string[]; added: string[] };
  consistency: ConsistencyOutcome[];
  coverage: ManifestCoverage;
  changeTicket: ChangeTicketOutcome;
}

/**
 * A snapshot taken under the policy: the environment's tier, recipients from
 * keys.recipients, a writer key the policy lists (valid at the snapshot's
 * time), the change-ticket rule, consistency rules (a failure refuses the
 * snapshot unless allowed, and is recorded either way), exclusions, per-file
 * component/tier/owner, secret files never compressed, and the coverage facts
 * and policy digest the gate reads back from the manifest.
 */
export async function snapshotUnderPolicy(
  options: PolicySnapshotOptions,
): Promise<PolicySnapshotResult> {
  const { policy, stream } = options;
  const environment = policyEnvironment(policy, stream);
  const now = options.now ?? (() => new Date());
  const time = options.time ?? now();
  await assertWriterAllowed(policy, options, time);

  const changeTicket = await enforceChangeTicket(
    policy,
    { tier: environment.tier, phase: options.phase, changeId: options.metadata?.changeId ?? null },
    options.changeTicketVerifier,
  );

  const consistency = await evaluateConsistency(
    policy,
    (path) => readInside(options.root, path, options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES),
    (value) => consistencyValueDigest(options.writerKey.macKey, value),
  );
  const failed = consistency.filter((outcome) => !outcome.ok);
  if (failed.length > 0 && !options.allowInconsistent) {
    throw new SnapgateError(
      "POLICY",
      `${failed.length} consistency rule(s) fail, so no snapshot was written:\n${failed.map((outcome) => `  ${outcome.message}`).join("\n")}`,
      {
        fix: "Make the files agree, or pass --allow-inconsistent to take the snapshot and record the failure (the gate will then fail until a consistent snapshot exists).",
        details: { consistency },
      },
    );
  }

  const tree = await scanTree({
    root: options.root,
    paths: options.paths,
    exclude: options.exclude,
    ...policyScanRules(policy, stream),
    skipDirectories: options.skipDirectories,
    macKey: options.writerKey.macKey,
    maxFileBytes: options.maxFileBytes,
    statCache: options.statCache,
    now,
    onProgress: options.onProgress,
  });
  // Files left out by --exclude still count for coverage: a flag must not hide a tier-0 gap.
  const seen = [
    ...tree.files.map(({ file }) => file.path),
    ...tree.excluded.filter((path) => !path.endsWith("/")),
  ];
  // Every file the snapshot holds is judged, also one outside the environment's paths.
  const report = coverageReport(policy, stream, seen, { now: now(), scope: "all" });
  const coverage: ManifestCoverage = {
    uncoveredTier0Paths: report.uncoveredTier0,
    missingComponents: report.missingComponents,
    secretsOutsideComponents: report.secretsOutsideComponents,
  };

  // The key epoch valid at the snapshot's time for its tier, else keys.recipients.
  const fromPolicy = epochRecipients(policy, environment.tier, time).recipients;
  const added = [...new Set(options.extraRecipients ?? [])].filter(
    (recipient) => !fromPolicy.includes(recipient),
  );
  const result = await createSnapshot({
    ...options,
    now,
    recipients: [...fromPolicy, ...added],
    tree,
    policyDigest: `sha256:${policyDigest(policy)}`,
    consistency,
    coverage,
    metadata: {
      ...options.metadata,
      ...(changeTicket.changeId ? { changeId: changeTicket.changeId } : {}),
    },
  });
  return {
    ...result,
    tier: environment.tier,
    recipients: { fromPolicy, added },
    consistency,
    coverage,
    changeTicket,
  };
}

/** The gate accepts only signatures by keys.writers valid at the snapshot's time: refuse early. */
async function assertWriterAllowed(
  policy: Policy,
  options: PolicySnapshotOptions,
  time: Date,
): Promise<void> {
  const verifyKey = writerSigner(await loadSodium(), options.writerKey).verifyKey;
  const rule = policy.keys.writers.find((writer) => writer.key === verifyKey);
  if (!rule) {
    throw new SnapgateError(
      "POLICY",
      `The writer key (verify key ${verifyKey}) is not in the policy's keys.writers, so the gate would reject its snapshots.`,
      {
        fix: "Use the snapshot job's writer key, or add this verify key to keys.writers in the policy.",
        details: { verifyKey },
      },
    );
  }
  const ms = time.getTime();
  if (
    (rule.validFromMs !== null && ms < rule.validFromMs) ||
    (rule.validUntilMs !== null && ms >= rule.validUntilMs)
  ) {
    throw new SnapgateError(
      "POLICY",
      `The writer key ${verifyKey} is not valid at the snapshot's time ${time.toISOString()} (keys.writers valid_from/valid_until).`,
      {
        fix: "Use the writer key that is valid now, or correct its validity in the policy (or the --time given).",
        details: { verifyKey },
      },
    );
  }
}

/**
 * Reads a repository file for a consistency rule; never through a link that
 * leaves the root, and never a FIFO, socket or device (opening one could block forever).
 */
async function readInside(
  root: string,
  path: string,
  maxBytes: number,
): Promise<Uint8Array | null> {
  const absolute = resolve(root, path);
  let real: string;
  try {
    real = await realpath(absolute);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  const inside = relative(await realpath(root), real);
  if (inside.startsWith("..") || isAbsolute(inside)) {
    throw new SnapgateError(
      "UNSAFE_PATH",
      `${path} (a consistency rule's file) leads outside the repository root.`,
      {
        fix: "Point the rule at a file inside the repository, not through a symlink that leaves it.",
      },
    );
  }
  return readRegularFile(real, `${path} (a consistency rule's file)`, { maxBytes }).content;
}
