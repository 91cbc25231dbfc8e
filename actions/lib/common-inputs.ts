import { DEFAULT_POLICY_PATH } from "../../core/policy/load-policy.js";

/** Inputs every action shares: where the store is, the token, the policy. */
export const STORE_INPUTS = {
  "backup-repository": {
    kind: "string",
    description:
      "The backup repository, owner/name or owner/name@branch. Default: the policy's backup.repository and backup.branch.",
  },
  "store-dir": {
    kind: "string",
    description:
      "A local directory store instead of the backup repository (self-hosted runners with a mounted volume, tests).",
  },
  token: {
    kind: "string",
    secret: true,
    description:
      "A token that may read and write the backup repository: the Snapgate App's installation token (actions/create-github-app-token). Needed with a backup repository.",
  },
} as const;

export const POLICY_INPUT = {
  policy: {
    kind: "string",
    default: DEFAULT_POLICY_PATH,
    description:
      "The policy file in the checkout. When the default file does not exist, the step runs without a policy.",
  },
} as const;

/** Where the restore and verify actions may read the identity from, besides the identity secret. */
export const IDENTITY_COMMAND_INPUT = {
  "identity-command": {
    kind: "string",
    description:
      "Instead of identity: a shell command that prints the identity (a secret manager's CLI, e.g. vault kv get -field=identity secret/snapgate). Its output is kept in memory only and never logged; it must finish within 30 s.",
  },
} as const;
