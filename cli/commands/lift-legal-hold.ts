import { resolve } from "node:path";
import { SnapgateError } from "../../core/errors.js";
import { appendAuditEvents } from "../../core/audit/append-audit-events.js";
import { policyDigest } from "../../core/policy/policy-digest.js";
import { planLegalHoldLift } from "../../core/snapshot/plan-legal-hold-lift.js";
import { S3Store } from "../../core/store/s3-store.js";
import { cliActor } from "../cli-actor.js";
import { flag, requireValue, stringValue, type Command } from "../command.js";
import { POLICY_HELP, POLICY_OPTION, requireCliPolicy } from "../load-cli-policy.js";
import { openStore, S3_STORE_HELP, STORE_OPTION } from "../open-store.js";
import { json } from "../output.js";

export const liftLegalHoldCommand: Command = {
  name: "lift-legal-hold",
  summary:
    "Turn S3 legal holds off on an environment's objects once the policy no longer holds its tier",
  usage:
    "snapgate lift-legal-hold --store s3://BUCKET/PREFIX --env ENV [--policy FILE] [--dry-run] [--json]",
  help: [
    "--env ENV             the environment whose snapshots' manifests, nodes, blobs and records lose their S3 legal hold",
    POLICY_HELP,
    "--root DIR            where .github/snapgate.yml is (default: the working directory)",
    "--dry-run             list what would be lifted; change nothing",
    "refuses while the environment's tier has retention.floor.legal_hold; keeps the hold on anything a held snapshot (of any environment) still names",
    "retention is untouched: a version stays undeletable until its retain-until passes",
    ...S3_STORE_HELP.slice(0, 2),
  ],
  json: "`{environment, tier, dryRun, released[], held: [{seq, tier, reason}], objects, versions, lifted: [{path, versionId}], policyDigest}` (`released`: the seqs whose objects lose their hold; `objects`: paths looked at; `versions`: their versions; `lifted`: versions whose hold was (with `--dry-run`: would be) turned off)",
  options: {
    ...STORE_OPTION,
    ...POLICY_OPTION,
    env: { type: "string" },
    root: { type: "string" },
    "dry-run": { type: "boolean" },
  },
  async run(args, context) {
    const env = requireValue(args, "env", this, "Name the environment, e.g. --env prod.");
    const root = resolve(context.cwd, stringValue(args, "root") ?? ".");
    const { policy } = await requireCliPolicy(args, context, root, "lift-legal-hold");
    const store = await openStore(args, context);
    if (!(store instanceof S3Store)) {
      throw new SnapgateError(
        "USAGE",
        `${store.location} is not an s3:// store: only S3 Object Lock has legal holds to lift.`,
        {
          fix: "On a local or GitHub store, removing retention.floor.legal_hold from the policy is all it takes.",
        },
      );
    }
    const dryRun = flag(args, "dry-run");
    const plan = await planLegalHoldLift(store, policy, env);
    const { lifted, versions } = await store.liftLegalHolds(plan.paths, dryRun);
    const digest = `sha256:${policyDigest(policy)}`;
    if (!dryRun && lifted.length > 0) {
      await appendAuditEvents(store, [
        {
          type: "legal-hold.lifted",
          time: new Date(),
          actor: cliActor(context),
          subject: { stream: env },
          details: {
            tier: plan.tier,
            snapshots: plan.released,
            objects: plan.paths.length,
            versions: lifted.length,
            stillHeld: plan.held.map((item) => item.seq),
            policyDigest: digest,
          },
        },
      ]);
    }
    if (flag(args, "json")) {
      context.stdout(
        json({
          environment: env,
          tier: plan.tier,
          dryRun,
          released: plan.released,
          held: plan.held,
          objects: plan.paths.length,
          versions,
          lifted,
          policyDigest: digest,
        }),
      );
      return 0;
    }
    context.stdout(
      `${dryRun ? "Would lift" : "Lifted"} the S3 legal hold of ${lifted.length} object version(s) of ${env} (${plan.released.length} snapshot(s), ${plan.paths.length} object(s) looked at).\n`,
    );
    for (const item of plan.held)
      context.stdout(`  kept: ${env}@${item.seq} is still held by ${item.tier} (${item.reason})\n`);
    return 0;
  },
};
