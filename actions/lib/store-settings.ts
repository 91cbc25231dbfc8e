import { resolve } from "node:path";
import { isSnapgateError, SnapgateError } from "../../core/errors.js";
import type { Policy } from "../../core/policy/policy.js";
import { parseGitHubStoreSpec } from "../../core/store/github-store.js";
import { parseS3StoreSpec } from "../../core/store/s3/parse-s3-store-spec.js";
import { s3LockRetention, type S3LockDefaults } from "../../core/store/s3/s3-lock-retention.js";
import type { S3StoreOptions } from "../../core/store/s3/s3-store-types.js";

/** Where an action reads and writes snapshots. */
export type StoreSettings =
  | {
      kind: "github";
      owner: string;
      repo: string;
      branch: string;
      token: string;
      apiUrl: string;
    }
  | { kind: "local"; dir: string }
  | {
      kind: "s3";
      spec: string;
      endpoint?: string;
      region?: string;
      options: S3StoreOptions;
      /** With aws-role-arn: assume it with the job's OIDC token. */
      oidc?: { roleArn: string; sessionName: string; audience: string; stsEndpoint?: string };
    };

export interface StoreInputs {
  "backup-repository"?: string;
  "store-dir"?: string;
  token?: string;
  store?: string;
  "s3-endpoint"?: string;
  "aws-region"?: string;
  "aws-role-arn"?: string;
  "aws-role-session-name"?: string;
  "oidc-audience"?: string;
  "sts-endpoint"?: string;
  "object-lock-mode"?: string;
  "retain-days"?: string;
}

/** Inputs that mean something only with an s3:// store. */
const S3_ONLY = [
  "s3-endpoint",
  "aws-region",
  "aws-role-arn",
  "aws-role-session-name",
  "sts-endpoint",
  "object-lock-mode",
  "retain-days",
] as const;

/**
 * The backup repository (the input, else the policy's backup.repository and
 * branch) through the GitHub API with the token, an S3 store (store:
 * s3://BUCKET/PREFIX, credentials by GitHub OIDC with aws-role-arn), or a
 * local directory (store-dir: self-hosted runners with a mounted volume, and
 * tests). `lockDefaults`: a snapshot's retention from its tier (ADR 1404).
 */
export function storeSettings(
  inputs: StoreInputs,
  policy: Pick<Policy, "backup"> | null,
  context: {
    apiUrl: string;
    cwd: string;
    env?: NodeJS.ProcessEnv;
    lockDefaults?: S3LockDefaults;
  },
): StoreSettings {
  const repository = inputs["backup-repository"];
  const dir = inputs["store-dir"];
  const s3 = inputs.store;
  const given = [
    ...(repository ? ["backup-repository"] : []),
    ...(dir ? ["store-dir"] : []),
    ...(s3 ? ["store"] : []),
  ];
  if (given.length > 1) {
    throw new SnapgateError("USAGE", `Both ${given.join(" and ")} were given.`, {
      fix: "Use one store: backup-repository (owner/name[@branch], the GitHub backup repository), store (s3://BUCKET/PREFIX) or store-dir (a local directory on a self-hosted runner).",
    });
  }
  if (!s3) {
    const stray = S3_ONLY.filter((name) => inputs[name]);
    if (stray.length > 0)
      throw new SnapgateError(
        "USAGE",
        `${stray.join(", ")} need an S3 store, and store is empty.`,
        {
          fix: "Add store: s3://BUCKET/PREFIX, or drop those inputs.",
        },
      );
  }
  if (s3) return s3Settings(s3, inputs, context.env ?? process.env, context.lockDefaults ?? {});
  if (dir) return { kind: "local", dir: resolve(context.cwd, dir) };
  const spec =
    repository ??
    (policy?.backup ? `${policy.backup.repository}@${policy.backup.branch}` : undefined);
  if (!spec) {
    throw new SnapgateError("USAGE", "No backup repository was given, and the policy names none.", {
      fix: "Add backup-repository: owner/name to the step, or `backup: { repository: owner/name }` to .github/snapgate.yml (or store-dir for a local store).",
    });
  }
  let location;
  try {
    location = parseGitHubStoreSpec(`github://${spec}`);
  } catch (error) {
    if (!isSnapgateError(error, "USAGE")) throw error;
    throw new SnapgateError(
      "USAGE",
      `The backup repository '${spec}' is not owner/name[@branch].`,
      {
        fix: "Write it as owner/name or owner/name@branch, e.g. acme/config-backups@main.",
      },
    );
  }
  if (!inputs.token) {
    throw new SnapgateError(
      "USAGE",
      `The backup repository ${location.owner}/${location.repo} needs a token, and the token input is empty.`,
      {
        fix: "Pass token: ${{ steps.<id>.outputs.token }} from actions/create-github-app-token (the Snapgate App, scoped to the backup repository), or a fine-grained token with contents: write on it.",
      },
    );
  }
  return { kind: "github", ...location, token: inputs.token, apiUrl: context.apiUrl };
}

function s3Settings(
  spec: string,
  inputs: StoreInputs,
  env: NodeJS.ProcessEnv,
  lockDefaults: S3LockDefaults,
): StoreSettings {
  if (!spec.startsWith("s3://"))
    throw new SnapgateError("USAGE", `The store input '${spec}' is not an s3:// address.`, {
      fix: "Write store: s3://BUCKET/PREFIX; for the GitHub backup repository use backup-repository, for a local directory store-dir.",
    });
  parseS3StoreSpec(spec);
  const lock = s3LockRetention(inputs["object-lock-mode"], inputs["retain-days"], lockDefaults, {
    mode: "object-lock-mode",
    days: "retain-days",
  });
  const endpoint = inputs["s3-endpoint"];
  const region = inputs["aws-region"] ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
  const roleArn = inputs["aws-role-arn"];
  if (!roleArn && (inputs["aws-role-session-name"] || inputs["sts-endpoint"]))
    throw new SnapgateError("USAGE", "aws-role-session-name and sts-endpoint need aws-role-arn.", {
      fix: "Add aws-role-arn: the ARN of the role the job assumes with its OIDC token, or drop them.",
    });
  if (roleArn && env.AWS_ACCESS_KEY_ID)
    throw new SnapgateError(
      "USAGE",
      "aws-role-arn was given, and AWS_ACCESS_KEY_ID is set: the SDK would use the stored key, not the role.",
      {
        fix: "Drop AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY from the step's env (and the secrets) to use OIDC, or drop aws-role-arn.",
      },
    );
  const stsEndpoint = inputs["sts-endpoint"] ?? endpoint;
  return {
    kind: "s3",
    spec,
    ...(endpoint ? { endpoint } : {}),
    ...(region ? { region } : {}),
    options: {
      ...(lock ? { lock } : {}),
      ...(lockDefaults.legalHold ? { legalHold: true } : {}),
    },
    ...(roleArn
      ? {
          oidc: {
            roleArn,
            sessionName:
              inputs["aws-role-session-name"] ??
              `snapgate-${env.GITHUB_RUN_ID ?? "run"}-${env.GITHUB_RUN_ATTEMPT ?? "1"}`,
            audience: inputs["oidc-audience"] ?? "sts.amazonaws.com",
            ...(stsEndpoint ? { stsEndpoint } : {}),
          },
        }
      : {}),
  };
}
