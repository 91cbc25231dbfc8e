import { createHash } from "node:crypto";
import { canonicalJson } from "../crypto/canonical-json.js";
import type { Policy } from "./policy.js";

/**
 * sha256 (hex) of the canonical JSON of the resolved policy, without where it
 * was read from: the same rules give the same digest whichever files held them.
 * Manifests and restore approvals are bound to it.
 */
export function policyDigest(policy: Policy): string {
  const { sources: _sources, ...rules } = policy;
  return createHash("sha256").update(canonicalJson(rules)).digest("hex");
}
