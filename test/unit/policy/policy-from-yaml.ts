import { loadPolicy } from "../../../core/policy/load-policy.js";
import type { Policy } from "../../../core/policy/policy.js";
import { memoryPolicySource } from "../../../core/policy/policy-source.js";

export const RECIPIENT = "age1tc5x9xv55dy392qwxl9kxfmxnluqglthqpaa58gp8w8epglzpqxqdcy89d";
export const WRITER = "sgw1dzqtdzjgwf64ed5t00pvdyg25y8lzc44996u60neufm6gd82wnxsm47na5";
export const OTHER_WRITER = "sgw13spwr7xf87tnw258j0k5y6c5l2k92wrzw6f932y6wqmlzx78cqkstz08s0";

export const KEYS = `keys:
  recipients: [${RECIPIENT}]
  writers:
    - key: ${WRITER}
      valid_from: 2026-01-01
`;

/** Loads a policy written inline (the keys block is added unless the text has its own). */
export function policyFromYaml(body: string): Promise<Policy> {
  const text = body.includes("keys:") ? body : `${KEYS}${body}`;
  return loadPolicy(memoryPolicySource({ ".github/snapgate.yml": text }));
}
