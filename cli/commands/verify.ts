import { SnapgateError } from "../../core/errors.js";
import { selectSnapshots } from "../../core/snapshot/select-snapshots.js";
import { trustedWriterKeys } from "../../core/policy/trusted-writer-keys.js";
import type { Policy, WriterKeyRule } from "../../core/policy/policy.js";
import { verifySnapshots, type VerifyLevel } from "../../core/snapshot/verify-snapshots.js";
import { flag, stringValue, type CliContext, type Command, type ParsedArgs } from "../command.js";
import { loadCliPolicy, POLICY_OPTION } from "../load-cli-policy.js";
import { writeVerificationRecords } from "../../core/snapshot/verification-record.js";
import { openStore, STORE_OPTION } from "../open-store.js";
import { KEY_OPTIONS, loadOpener, loadWriterKey, trustedKeys } from "../load-keys.js";
import { formatBytes } from "../../core/format-bytes.js";
import { json } from "../output.js";
import { progressReporter } from "../progress.js";
import { EXIT_PROBLEMS } from "../exit-codes.js";

/**
 * --verify-key / SNAPGATE_VERIFY_KEYS, else the policy's keys.writers with
 * their validity periods (a key outside its period is refused).
 */
async function trustedOrPolicyKeys(
  args: ParsedArgs,
  context: CliContext,
): Promise<{ keys: string[]; periods: WriterKeyRule[]; policy: Policy | null }> {
  const keys = trustedKeys(args, context);
  if (keys.length > 0) return { keys, periods: [], policy: null };
  const loaded = await loadCliPolicy(args, context, context.cwd);
  return {
    keys: trustedWriterKeys([], loaded?.policy ?? null),
    periods: loaded?.policy.keys.writers ?? [],
    policy: loaded?.policy ?? null,
  };
}

export const verifyCommand: Command = {
  name: "verify",
  summary:
    "Check snapshots: signature, chain and blobs (structure), or decrypt everything (restore level)",
  usage:
    "snapgate verify [SNAPSHOT | --all] --store STORE [--verify-key sgw1... | --policy FILE] [--env ENV] [--identity FILE|--identity-command CMD [--writer-key FILE]] [--level structure|restore] [--record] [--json]",
  help: [
    "SNAPSHOT            an id prefix, ENV@SEQ or latest (default: latest of --env)",
    "--all               every snapshot of every environment (or of --env)",
    "--verify-key KEY    a trusted writer verify key (repeatable; or SNAPGATE_VERIFY_KEYS)",
    "--identity FILE     decrypt every blob: restore level (or SNAPGATE_IDENTITY)",
    "--identity-command CMD  read the identity from this shell command's stdout (a secret manager)",
    "--writer-key FILE   at restore level, also recompute the keyed ids",
    "--policy FILE       trust the policy's keys.writers when no --verify-key is given (default: .github/snapgate.yml, when it exists)",
    "--record            write a verification record per snapshot (verifications/<env>/<time>-<level>-<ok|fail>-<snapshot>.json); the gate reads the newest restore-level one",
    "forgotten snapshots: manifest, signature and chain are checked, not their blobs or manifest nodes (prune may have removed them)",
    `exit codes: 0 all good, ${EXIT_PROBLEMS} problems found`,
  ],
  json: "`{level, ok, snapshots: [{id, stream, seq, ok, forgotten, problems: [{kind, message, fix, path?}], epochGaps?}], blobsChecked, bytesChecked, records[]}`; problem kinds: `manifest`, `signature`, `chain`, `missing-blob`, `tampered-blob`, `decrypt`, `content-id`, `recipients` (a file a listed recipient cannot open), `rewrapped` (re-wrapped by `snapgate rekey` to a set the identity is not in: the message names its recipients)",
  options: {
    ...STORE_OPTION,
    ...KEY_OPTIONS,
    env: { type: "string" },
    all: { type: "boolean" },
    level: { type: "string" },
    record: { type: "boolean" },
    ...POLICY_OPTION,
  },
  async run(args, context) {
    const store = await openStore(args, context);
    await store.assertExists();
    const stream = stringValue(args, "env");
    const opener = await loadOpener(args, context);
    const levelText = stringValue(args, "level") ?? (opener ? "restore" : "structure");
    if (levelText !== "structure" && levelText !== "restore") {
      throw new SnapgateError("USAGE", `--level '${levelText}' is not a verification level.`, {
        fix: "Use structure or restore.",
      });
    }
    const { snapshots, forgotten } = await selectSnapshots(store, {
      all: flag(args, "all"),
      spec: args.positionals[0],
      stream,
    });
    const report = progressReporter(context, !flag(args, "json"));
    const trusted = await trustedOrPolicyKeys(args, context);
    const result = await verifySnapshots({
      store,
      snapshots,
      trustedKeys: trusted.keys,
      writerPeriods: trusted.periods,
      ...(trusted.policy ? { epochPolicy: trusted.policy } : {}),
      forgotten,
      level: levelText as VerifyLevel,
      opener,
      writerKey: await loadWriterKey(args, context, false),
      onProgress: (done, total) => report("verify", done, total),
    });
    const records = flag(args, "record")
      ? await writeVerificationRecords(store, result, new Date())
      : [];
    if (flag(args, "json")) {
      context.stdout(json({ ...result, records }));
    } else {
      for (const snapshot of result.snapshots) {
        context.stdout(
          `${snapshot.ok ? "ok  " : "FAIL"} ${snapshot.stream}@${snapshot.seq} ${snapshot.id.slice(0, 12)}${snapshot.forgotten ? " (forgotten: blobs not checked)" : ""}\n`,
        );
        if (snapshot.epochGaps) {
          context.stdout(
            `     warning: no identity of a current key epoch opens ${snapshot.epochGaps.slice(0, 3).join(", ")}${snapshot.epochGaps.length > 3 ? ", ..." : ""}\n     fix: re-wrap it with \`snapgate rekey\`, or it becomes unreadable when its epoch is retired\n`,
          );
        }
        for (const problem of snapshot.problems) {
          context.stdout(`     ${problem.kind}: ${problem.message}\n     fix: ${problem.fix}\n`);
        }
      }
      context.stdout(
        `${result.ok ? "Verified" : "Problems in"} ${result.snapshots.length} snapshot(s) at ${result.level} level: ` +
          `${result.blobsChecked} blobs, ${formatBytes(result.bytesChecked)} checked.\n`,
      );
      if (records.length) context.stdout(`Recorded ${records.length} verification(s).\n`);
    }
    return result.ok ? 0 : EXIT_PROBLEMS;
  },
};
