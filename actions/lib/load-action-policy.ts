import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { DEFAULT_POLICY_PATH, loadPolicy } from "../../core/policy/load-policy.js";
import { localPolicySource } from "../../core/policy/local-policy-source.js";
import type { Policy } from "../../core/policy/policy.js";

export interface ActionPolicy {
  policy: Policy;
  /** The file as named, for messages and annotations. */
  file: string;
}

/**
 * The policy in the checkout (relative to the workspace). The default file
 * may be absent (then there is no policy, and inputs must say everything); a
 * file named on purpose must exist, and an invalid one is a CONFIG error
 * listing every problem.
 */
export async function loadActionPolicy(root: string, path: string): Promise<ActionPolicy | null> {
  if (path === DEFAULT_POLICY_PATH && !existsSync(resolve(root, path))) return null;
  return { policy: await loadPolicy(localPolicySource(root), { path }), file: path };
}
