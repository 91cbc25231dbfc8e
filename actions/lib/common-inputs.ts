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
  store: {
    kind: "string",
    description:
      "An S3 store instead of the backup repository: s3://BUCKET/PREFIX (AWS S3 or an S3-compatible server with Object Lock). Credentials: aws-role-arn (GitHub OIDC), else the AWS_* environment.",
  },
  "s3-endpoint": {
    kind: "string",
    description: "With store: an S3-compatible endpoint URL (Ceph RGW, MinIO, ...). Empty: AWS S3.",
  },
  "aws-region": {
    kind: "string",
    description: "With store: the bucket's region. Default: AWS_REGION, else us-east-1.",
  },
  "aws-role-arn": {
    kind: "string",
    description:
      "With store: the IAM role to assume with the job's GitHub OIDC token (AssumeRoleWithWebIdentity), so no AWS key is stored. The job needs permissions: id-token: write.",
  },
  "aws-role-session-name": {
    kind: "string",
    description:
      "With aws-role-arn: the role session's name (CloudTrail shows it). Default: snapgate-<run id>-<attempt>.",
  },
  "oidc-audience": {
    kind: "string",
    default: "sts.amazonaws.com",
    description:
      "With aws-role-arn: the audience (aud) of the OIDC token; the role's trust policy must expect it.",
  },
  "sts-endpoint": {
    kind: "string",
    description:
      "With aws-role-arn: an STS endpoint other than AWS's. Default: s3-endpoint when given (Ceph RGW and MinIO serve STS there), else AWS STS.",
  },
  "object-lock-mode": {
    kind: "choice",
    values: ["GOVERNANCE", "COMPLIANCE"],
    description:
      "With store, in a bucket with Object Lock: write blobs, manifests, audit and records with this retention mode. Empty: the bucket's default retention only.",
  },
  "retain-days": {
    kind: "string",
    description:
      "With object-lock-mode: retain-until is this many days after each write. Default for a snapshot: its tier's retention.floor.min_age.",
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
