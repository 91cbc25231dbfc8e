import type { Sodium } from "../crypto/sodium.js";
import { verifyManifestSignature } from "../crypto/manifest-signature.js";
import type { Manifest } from "../types.js";

export interface SignatureProblem {
  message: string;
  fix: string;
}

/** Why a manifest's signature is not acceptable, or undefined when it is. */
export function signatureProblem(
  sodium: Sodium,
  manifest: Manifest,
  trustedKeys: readonly string[],
  where: string,
): SignatureProblem | undefined {
  const check = verifyManifestSignature(sodium, manifest, trustedKeys);
  if (check.ok) return undefined;
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
