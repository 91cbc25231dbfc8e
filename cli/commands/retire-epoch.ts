import { SnapgateError } from "../../core/errors.js";
import { retireEpoch } from "../../core/rekey/retire-epoch.js";
import { trustedWriterKeys } from "../../core/policy/trusted-writer-keys.js";
import { flag, type Command } from "../command.js";
import { POLICY_OPTION, requireCliPolicy } from "../load-cli-policy.js";
import { KEY_OPTIONS, trustedKeys } from "../load-keys.js";
import { openStore, STORE_OPTION } from "../open-store.js";
import { json } from "../output.js";
import { EXIT_PROBLEMS } from "../exit-codes.js";

export const retireEpochCommand: Command = {
  name: "retire-epoch",
  summary:
    "Mark a key epoch's identities retired (then destroy them: crypto-shredding), refusing while a snapshot under retention needs them",
  usage:
    "snapgate retire-epoch EPOCH --store STORE [--policy FILE] [--verify-key sgw1...] [--dry-run] [--json]",
  help: [
    "EPOCH                 the name of a key epoch in the policy's keys.epochs",
    "--policy FILE         the policy (default: .github/snapgate.yml)",
    "--verify-key KEY      trust re-wrap records signed by this key (default: the policy's keys.writers)",
    "--dry-run             list the snapshots that still need the epoch; record nothing",
    "writes epochs/<epoch>/retired.json; on a git store this, and destroying the identities, is the only real deletion",
    `exit codes: 0 retired (or nothing needs it, with --dry-run), ${EXIT_PROBLEMS} snapshots under retention still need it (listed)`,
  ],
  json: "`{epoch, retiring[], retired, record, needed: [{id, stream, seq, paths[]}]}`",
  options: {
    ...STORE_OPTION,
    ...POLICY_OPTION,
    "verify-key": KEY_OPTIONS["verify-key"],
    "dry-run": { type: "boolean" },
  },
  async run(args, context) {
    const name = args.positionals[0];
    if (!name) {
      throw new SnapgateError("USAGE", "Which key epoch?", {
        fix: `Name one of the policy's keys.epochs. Usage: ${this.usage}`,
      });
    }
    const { policy } = await requireCliPolicy(args, context, context.cwd, "retire-epoch");
    const given = trustedKeys(args, context);
    const result = await retireEpoch({
      store: await openStore(args, context),
      policy,
      epoch: name,
      trustedKeys: given.length > 0 ? given : trustedWriterKeys([], policy),
      dryRun: flag(args, "dry-run"),
    });
    if (flag(args, "json")) {
      context.stdout(json(result));
    } else if (result.needed.length > 0) {
      context.stdout(
        `Key epoch ${result.epoch} is still needed: ${result.needed.length} snapshot(s) under retention have files only its identities open.\n`,
      );
      for (const need of result.needed) {
        context.stdout(
          `  ${need.stream}@${need.seq} ${need.id.slice(0, 12)}: ${need.paths.join(", ")}\n`,
        );
      }
      context.stdout(
        "Re-wrap them to a current epoch (`snapgate rekey`) or let retention forget them, then run this again.\n",
      );
    } else if (result.retired) {
      context.stdout(
        `Key epoch ${result.epoch} is retired (${result.record}). Now destroy every copy of the identities of ${result.retiring.join(", ") || "(none: all are still used elsewhere)"}: see docs/runbooks/retire-identity.md.\n`,
      );
    } else {
      context.stdout(`No snapshot under retention needs key epoch ${result.epoch}.\n`);
    }
    return result.needed.length === 0 ? 0 : EXIT_PROBLEMS;
  },
};
