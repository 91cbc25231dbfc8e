import { SnapgateError } from "../errors.js";
import { parseRecipient } from "../crypto/age-keys.js";
import { looksLikeSecret } from "../policy/looks-like-secret.js";
import type { Policy } from "../policy/policy.js";
import { resolveScanPaths } from "../policy/resolve-scan-paths.js";
import { createSnapshot, type SnapshotResult } from "./create-snapshot.js";
import type { PolicySnapshotOptions, PolicySnapshotResult } from "./snapshot-under-policy.js";

export interface TakeSnapshotOptions extends Omit<
  PolicySnapshotOptions,
  "policy" | "extraRecipients" | "changeTicketVerifier"
> {
  /** The loaded policy, or null to snapshot without one. */
  policy: Policy | null;
  /** With a policy: added to its keys.recipients. Without: everyone who may decrypt. */
  recipients: readonly string[];
  /** Where the change system's token is read (the variable named by token_env). */
  env: Readonly<Record<string, string | undefined>>;
}

export interface TakenSnapshot {
  result: SnapshotResult;
  /** The policy's findings (tier, recipients, consistency, coverage); null without a policy. */
  underPolicy: PolicySnapshotResult | null;
}

/**
 * What `snapgate snapshot` and the snapshot action both do with their
 * inputs: under the policy when there is one (`snapshotUnderPolicy`, paths
 * defaulting to the environment's), else with the given recipients only
 * (secret-looking files still never compressed). Refuses up front what would
 * leave a snapshot nobody can restore, or flags that need a policy.
 */
export async function takeSnapshot(options: TakeSnapshotOptions): Promise<TakenSnapshot> {
  const { policy, recipients, env, ...common } = options;
  if (recipients.length === 0 && !policy) {
    throw new SnapgateError(
      "USAGE",
      "No recipients were given and there is no policy: nobody could restore this snapshot.",
      {
        fix: "Give a recipient (age1..., from `snapgate keygen` or `age-keygen`) for each key that may decrypt, or a policy (.github/snapgate.yml) listing keys.recipients.",
      },
    );
  }
  recipients.forEach((recipient) => parseRecipient(recipient));
  if (options.allowInconsistent && !policy) {
    throw new SnapgateError("USAGE", "allow-inconsistent needs a policy with consistency rules.", {
      fix: "Use the policy (.github/snapgate.yml, or name it), or drop allow-inconsistent.",
    });
  }
  const paths = resolveScanPaths(options.paths, policy, options.stream, "snapshot");
  if (policy) {
    // Loaded only under a policy: its consistency rules and coverage bring YAML and semver.
    const [{ snapshotUnderPolicy }, { changeTicketVerifierFromEnv }] = await Promise.all([
      import("./snapshot-under-policy.js"),
      import("../policy/change-ticket/change-ticket-verifier-from-env.js"),
    ]);
    const underPolicy = await snapshotUnderPolicy({
      ...common,
      paths,
      policy,
      extraRecipients: recipients,
      changeTicketVerifier: changeTicketVerifierFromEnv(policy, env),
    });
    return { result: underPolicy, underPolicy };
  }
  const result = await createSnapshot({
    ...common,
    paths,
    recipients,
    classify: (path) => ({ secret: looksLikeSecret(path) }),
  });
  return { result, underPolicy: null };
}
