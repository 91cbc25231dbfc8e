import type { Sodium } from "../crypto/sodium.js";
import { verifyManifestSignature } from "../crypto/manifest-signature.js";
import type { Manifest } from "../types.js";
import type { WriterKeyRule } from "../policy/policy.js";
import { writerKeyPeriodProblem } from "../policy/writer-key-period-problem.js";

export interface SignatureProblem {
  message: string;
  fix: string;
}

/**
 * Why a manifest's signature is not acceptable, or undefined when it is. With
 * the policy's writer rules, a key outside its validity period (by the
 * manifest's signed time) is refused too.
 */
export function signatureProblem(
  sodium: Sodium,
  manifest: Manifest,
  trustedKeys: readonly string[],
  where: string,
  writerPeriods: readonly WriterKeyRule[] = [],
): SignatureProblem | undefined {
  const check = verifyManifestSignature(sodium, manifest, trustedKeys);
  if (check.ok) {
    const period = writerKeyPeriodProblem(writerPeriods, check.key, manifest.time);
    if (!period) return undefined;
    return {
      message: `${where} is signed by ${check.key}, but ${period}.`,
      fix: "If the key was rotated out, take a new snapshot with the current writer key; if the period is wrong, correct valid_from/valid_until in keys.writers. A snapshot signed after its key's period may be forged with a leaked key: do not restore from it before you know.",
    };
  }
  if (check.reason === "unknown-key") {
    return {
      message: `${where} is signed by ${check.key || "no key"}, which is not a trusted writer key.`,
      fix: "If that writer is legitimate, add its verify key to keys.writers in the policy (or pass --verify-key); otherwise someone else wrote to the store: do not restore from it.",
    };
  }
  return {
    message: `${where} has an invalid signature from ${check.key}: it was altered after it was signed.`,
    fix: "Do not restore from it; check who can write the store and restore an earlier snapshot.",
  };
}
