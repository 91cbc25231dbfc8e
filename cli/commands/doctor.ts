import { randomBytes } from "node:crypto";
import { resolve } from "node:path";
import { SnapgateError } from "../../core/errors.js";
import type { ProtectionFinding } from "../../core/github/check-backup-repository.js";
import { checkLocalStore } from "../../core/store/check-local-store.js";
import { flag, stringValue, type CliContext, type Command, type ParsedArgs } from "../command.js";
import { openGitHub, s3ClientSettings, STORE_OPTION, storeSpec } from "../open-store.js";
import { loadCliPolicy, POLICY_OPTION } from "../load-cli-policy.js";
import { json, renderTable } from "../output.js";
import { EXIT_PROBLEMS } from "../exit-codes.js";

const DEFAULT_ENVIRONMENT = "snapgate-restore";
const DEFAULT_SECRET = "SNAPGATE_IDENTITY";

/** The restore environment's findings, through the same GitHub client options as the store. */
async function restoreEnvironmentFindings(
  args: ParsedArgs,
  context: CliContext,
  restoreRepo: string,
  appId: number | undefined,
): Promise<ProtectionFinding[]> {
  const [owner, repo, extra] = restoreRepo.split("/");
  if (!owner || !repo || extra !== undefined) {
    throw new SnapgateError("USAGE", `--restore-repo '${restoreRepo}' is not OWNER/REPO.`, {
      fix: "Name the repository whose workflow restores, e.g. --restore-repo acme/service.",
    });
  }
  const token = stringValue(args, "token") ?? context.env.GITHUB_TOKEN;
  if (!token) {
    throw new SnapgateError("USAGE", "--restore-repo needs a GitHub token.", {
      fix: "Pass --token or set GITHUB_TOKEN (a repository admin's token: secrets, environments, actions and contents read).",
    });
  }
  const [{ createGitHubClient }, { checkRestoreEnvironment }] = await Promise.all([
    import("../../core/github/github-client.js"),
    import("../../core/github/check-restore-environment.js"),
  ]);
  const client = createGitHubClient({
    token,
    baseUrl: stringValue(args, "api-url") ?? context.env.GITHUB_API_URL ?? "https://api.github.com",
  });
  return checkRestoreEnvironment(client, {
    owner,
    repo,
    environment: stringValue(args, "environment") ?? DEFAULT_ENVIRONMENT,
    secretName: stringValue(args, "identity-secret") ?? DEFAULT_SECRET,
    ...(appId === undefined ? {} : { appId }),
  });
}

/**
 * An s3:// store's bucket checks; the floor is the largest `retention.floor.min_age`
 * of the policy's tiers, since one bucket holds every environment's snapshots.
 */
async function s3Findings(
  spec: string,
  args: ParsedArgs,
  context: CliContext,
): Promise<ProtectionFinding[]> {
  const [{ parseS3StoreSpec }, { createS3BucketInspector }, { checkS3Bucket }, { s3Error }] =
    await Promise.all([
      import("../../core/store/s3/parse-s3-store-spec.js"),
      import("../../core/store/s3/create-s3-bucket-inspector.js"),
      import("../../core/store/s3/check-s3-bucket.js"),
      import("../../core/store/s3/s3-error.js"),
    ]);
  const location = parseS3StoreSpec(spec);
  const loaded = await loadCliPolicy(args, context, context.cwd);
  let floor: { tier: string; minAgeMs: number } | undefined;
  for (const tier of Object.values(loaded?.policy.tiers ?? {}))
    if (tier.retention.floor.minAgeMs > (floor?.minAgeMs ?? 0))
      floor = { tier: tier.name, minAgeMs: tier.retention.floor.minAgeMs };
  const inspector = createS3BucketInspector(s3ClientSettings(location.bucket, args, context));
  try {
    return await checkS3Bucket(inspector, location, {
      ...(floor ? { floor } : {}),
      now: new Date(),
      probeId: randomBytes(8).toString("hex"),
    });
  } catch (error) {
    throw s3Error(error, "checking the bucket", spec);
  }
}

export const doctorCommand: Command = {
  name: "doctor",
  summary:
    "Check the backup repository's protection (private, rulesets, who can push, rules that refuse the store's commits), an S3 bucket's WORM settings, and the restore environment, and say what to fix",
  usage:
    "snapgate doctor --store github://OWNER/REPO[@branch]|s3://BUCKET/PREFIX|DIR [--policy FILE] [--app-id ID] [--restore-repo OWNER/REPO [--environment NAME] [--identity-secret NAME]] [--token T] [--json]",
  help: [
    "--store STORE     the backup repository (or a local store: the permissions and owner of every folder and file in it)",
    "An s3:// store: the bucket is reachable, versioning and Object Lock are on, the default",
    "retention is at least the policy's largest retention.floor.min_age (--policy FILE, or",
    ".github/snapgate.yml here), public access is blocked, and these credentials cannot bypass",
    "GOVERNANCE retention: a probe object under locks/doctor-probe/ locked for 10 minutes, deleted",
    'with the bypass header (refused: ok). An unimplemented check is "could not check", never ok.',
    "--policy FILE     for an s3:// store: the policy whose retention floors the default retention must cover",
    "--app-id ID       the Snapgate App's id, which must be the only bypass actor (and the restore environment's protection rule)",
    "--restore-repo OWNER/REPO  also check the environment that repository's restore job runs in:",
    "                  the Snapgate App is its custom protection rule, administrators cannot bypass it,",
    "                  the identity secret is in it and is no repository or organization secret, a",
    "                  deployment branch policy is set, and a workflow's job runs in it",
    "                  (docs/restore-environment.md, docs/setup.md)",
    `--environment NAME        the restore environment (default ${DEFAULT_ENVIRONMENT})`,
    `--identity-secret NAME    the secret holding the restore identity (default ${DEFAULT_SECRET})`,
    "Bypass actors are visible only to a token with administration write (a repository admin's).",
    "Rules the store cannot satisfy (its Git Data API commits are unsigned and go straight to the",
    "branch): required signatures, pull requests, status checks, deployments, merge queue; each is",
    "flagged unless the App bypasses its ruleset.",
    `exit codes: 0 all good, ${EXIT_PROBLEMS} something to fix`,
  ],
  options: {
    ...STORE_OPTION,
    ...POLICY_OPTION,
    "app-id": { type: "string" },
    "restore-repo": { type: "string" },
    environment: { type: "string" },
    "identity-secret": { type: "string" },
  },
  async run(args, context) {
    const spec = storeSpec(args, context);
    const appIdText = stringValue(args, "app-id");
    const appId = appIdText === undefined ? undefined : Number(appIdText);
    if (appId !== undefined && !Number.isInteger(appId)) {
      throw new SnapgateError("USAGE", `--app-id '${appIdText}' is not a number.`, {
        fix: "Give the App's numeric id (its settings page shows it).",
      });
    }
    let findings: ProtectionFinding[];
    if (spec.startsWith("s3://")) {
      findings = await s3Findings(spec, args, context);
    } else if (spec.startsWith("github://")) {
      const { client, location } = await openGitHub(args, context);
      const { checkBackupRepository } =
        await import("../../core/github/check-backup-repository.js");
      findings = await checkBackupRepository(
        client,
        location,
        appId === undefined ? {} : { appId },
      );
    } else {
      findings = await checkLocalStore(resolve(context.cwd, spec), process.getuid?.());
    }
    const restoreRepo = stringValue(args, "restore-repo");
    if (restoreRepo !== undefined) {
      findings.push(...(await restoreEnvironmentFindings(args, context, restoreRepo, appId)));
    }
    const ok = findings.every((finding) => finding.ok === true || finding.warning === true);
    if (flag(args, "json")) {
      context.stdout(json({ ok, findings }));
    } else {
      context.stdout(
        renderTable(
          ["CHECK", "STATE", "DETAIL"],
          findings.map((f) => [
            f.check,
            f.ok === true ? "ok" : f.warning ? "WARN" : f.ok === false ? "FIX" : "unknown",
            f.detail,
          ]),
        ),
      );
      for (const finding of findings)
        if (finding.fix && finding.ok !== true) context.stdout(`fix: ${finding.fix}\n`);
    }
    return ok ? 0 : EXIT_PROBLEMS;
  },
};
