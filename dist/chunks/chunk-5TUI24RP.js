import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  createSnapshot
} from "./chunk-PUR5S3H7.js";
import {
  resolveScanPaths
} from "./chunk-MONAIBOF.js";
import {
  looksLikeSecret
} from "./chunk-BXQJ3NVO.js";
import {
  snapshotTier
} from "./chunk-KBLB3GEK.js";
import {
  parseRecipient
} from "./chunk-6R3LO6XJ.js";
import {
  SnapgateError
} from "./chunk-6KERQ4ZL.js";

// core/snapshot/take-snapshot.ts
async function takeSnapshot(options) {
  const { policy, recipients, env, ...common } = options;
  if (recipients.length === 0 && !policy) {
    throw new SnapgateError(
      "USAGE",
      "No recipients were given and there is no policy: nobody could restore this snapshot.",
      {
        fix: "Give a recipient (age1..., from `snapgate keygen` or `age-keygen`) for each key that may decrypt, or a policy (.github/snapgate.yml) listing keys.recipients."
      }
    );
  }
  recipients.forEach((recipient) => parseRecipient(recipient));
  if (options.allowInconsistent && !policy) {
    throw new SnapgateError("USAGE", "allow-inconsistent needs a policy with consistency rules.", {
      fix: "Use the policy (.github/snapgate.yml, or name it), or drop allow-inconsistent."
    });
  }
  const paths = resolveScanPaths(options.paths, policy, options.stream, "snapshot");
  if (policy) {
    const [{ snapshotUnderPolicy }, { changeTicketVerifierFromEnv }] = await Promise.all([
      import("./snapshot-under-policy-FYFTPMUM.js"),
      import("./change-ticket-verifier-from-env-HUSK5USE.js")
    ]);
    const underPolicy = await snapshotUnderPolicy({
      ...common,
      paths,
      policy,
      extraRecipients: recipients,
      changeTicketVerifier: changeTicketVerifierFromEnv(policy, env)
    });
    return { result: underPolicy, underPolicy };
  }
  const result = await createSnapshot({
    ...common,
    paths,
    recipients,
    classify: (path) => ({ secret: looksLikeSecret(path) })
  });
  return { result, underPolicy: null };
}

// core/snapshot/snapshot-lock-defaults.ts
function snapshotLockDefaults(policy, environment) {
  const retention = policy && policy.environments[environment] ? snapshotTier(policy, environment).retention : void 0;
  const floor = retention?.floor;
  return {
    ...retention?.objectLock ? { mode: retention.objectLock.mode } : {},
    ...floor && floor.minAgeMs > 0 ? { retainDays: Math.ceil(floor.minAgeMs / 864e5) } : {},
    ...floor?.legalHold ? { legalHold: true } : {}
  };
}

export {
  takeSnapshot,
  snapshotLockDefaults
};
