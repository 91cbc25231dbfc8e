import { SnapgateError } from "../../core/errors.js";
import { CANARY_STREAM, runCanary, type CanaryResult } from "../../core/operations/run-canary.js";
import {
  syncAlertIssues,
  type SyncAlertIssuesResult,
} from "../../core/operations/sync-alert-issues.js";
import { epochRecipients } from "../../core/policy/epoch-recipients.js";
import { trustedWriterKeys } from "../../core/policy/trusted-writer-keys.js";
import { STREAM_PATTERN } from "../../core/types.js";
import { flag, listValue, stringValue, type Command } from "../command.js";
import { cliActor } from "../cli-actor.js";
import { EXIT_PROBLEMS } from "../exit-codes.js";
import { POLICY_HELP, POLICY_OPTION, requireCliPolicy } from "../load-cli-policy.js";
import { KEY_OPTIONS, loadOpener, loadWriterKey } from "../load-keys.js";
import { ALERT_HELP, ALERT_OPTION, openAlertIssues } from "../open-alert-issues.js";
import { openStore, STORE_OPTION } from "../open-store.js";
import { json } from "../output.js";

function describe(result: CanaryResult, alerts: SyncAlertIssuesResult | undefined): string {
  const lines = [`${result.ok ? "PASS" : "FAIL"} ${result.message}`];
  if (result.fix) lines.push(`  fix: ${result.fix}`);
  for (const change of alerts?.changes ?? [])
    lines.push(
      `alert ${change.action}: ${change.environment} ${change.problem} #${change.issue} ${change.url}`,
    );
  return `${lines.join("\n")}\n`;
}

export const canaryCommand: Command = {
  name: "canary",
  summary: "Synthetic canary: snapshot a fresh file, restore it with the restore identity, compare",
  usage:
    "snapgate canary --store STORE --identity FILE|--identity-command CMD --writer-key FILE [--stream NAME] [--env ENV] [--alert OWNER/REPO] [--policy FILE] [--json]",
  help: [
    `--stream NAME         the stream canary snapshots go to (default ${CANARY_STREAM}; not a policy environment)`,
    "--env ENV             seal to the recipients of this environment's tier (default: keys.recipients)",
    "--identity FILE       the identity restores use (or SNAPGATE_IDENTITY)",
    "--identity-command CMD  read the identity from this shell command's stdout",
    "--writer-key FILE     the snapshot jobs' writer key (or SNAPGATE_WRITER_KEY)",
    "--verify-key KEY      trusted writer verify keys (repeatable; default: the policy's keys.writers)",
    ALERT_HELP,
    POLICY_HELP,
    "writes a small snapshot of canary.txt and a canary.checked audit event; with --alert a failure opens",
    "(or updates) the snapgate-alert issue of <stream> canary, and a pass closes it",
    `exit codes: 0 passed, ${EXIT_PROBLEMS} failed`,
  ],
  json: "`{ok, stream, failedAt: snapshot|restore|compare|null, message, fix, snapshot: {id, seq} | null, bytes, alerts?: {changes: [{action, environment, problem, issue, url}], claimedElsewhere}}`",
  options: {
    ...STORE_OPTION,
    ...POLICY_OPTION,
    ...KEY_OPTIONS,
    ...ALERT_OPTION,
    stream: { type: "string" },
    env: { type: "string" },
  },
  async run(args, context) {
    const stream = stringValue(args, "stream") ?? CANARY_STREAM;
    if (!STREAM_PATTERN.test(stream)) {
      throw new SnapgateError("USAGE", `--stream '${stream}' is not a valid stream name.`, {
        fix: "Use lower-case letters, digits, '.', '_' and '-', e.g. snapgate-canary.",
      });
    }
    const { policy } = await requireCliPolicy(args, context, context.cwd, "canary");
    if (policy.environments[stream]) {
      throw new SnapgateError("USAGE", `--stream ${stream} is an environment of the policy.`, {
        fix: `Give the canary its own stream (default ${CANARY_STREAM}): its snapshots must not count as backups of ${stream}.`,
      });
    }
    const env = stringValue(args, "env");
    const tier = env === undefined ? "" : policy.environments[env]?.tier;
    if (tier === undefined) {
      throw new SnapgateError("CONFIG", `The policy has no environment '${env}'.`, {
        fix: `Use one of: ${Object.keys(policy.environments).join(", ")}.`,
      });
    }
    const opener = await loadOpener(args, context);
    if (!opener) {
      throw new SnapgateError("USAGE", "The canary restores, so it needs an age identity.", {
        fix: "Pass --identity FILE, --identity-command CMD or set SNAPGATE_IDENTITY (the restore environment's secret).",
      });
    }
    const writerKey = await loadWriterKey(args, context, true);
    const issues = await openAlertIssues(args, context);
    const store = await openStore(args, context);
    await store.assertExists();
    const actor = cliActor(context);
    const result = await runCanary({
      store,
      stream,
      recipients: epochRecipients(policy, tier, new Date()).recipients,
      writerKey,
      opener,
      trustedKeys: trustedWriterKeys(listValue(args, "verify-key"), policy),
      now: () => new Date(),
      actor,
    });
    const alerts = issues
      ? await syncAlertIssues({
          issues,
          alerts: result.ok
            ? []
            : [
                {
                  environment: stream,
                  problem: "canary",
                  message: result.message,
                  fix: result.fix ?? "",
                  revision: `failed at ${result.failedAt ?? ""}`,
                },
              ],
          covers: (environment, problem) => environment === stream && problem === "canary",
          store,
          actor,
          now: new Date(),
        })
      : undefined;
    context.stdout(
      flag(args, "json")
        ? json({ ...result, ...(alerts ? { alerts } : {}) })
        : describe(result, alerts),
    );
    return result.ok ? 0 : EXIT_PROBLEMS;
  },
};
