import { SnapgateError } from "../../core/errors.js";
import { DEFAULT_REKEY_BATCH, rekeyStore } from "../../core/rekey/rekey-store.js";
import { blobPath } from "../../core/store/store.js";
import { flag, listValue, stringValue, type Command } from "../command.js";
import { KEY_OPTIONS, loadOpener, loadWriterKey, trustedKeys } from "../load-keys.js";
import { openStore, STORE_OPTION } from "../open-store.js";
import { json } from "../output.js";
import { EXIT_PROBLEMS } from "../exit-codes.js";

export const rekeyCommand: Command = {
  name: "rekey",
  summary:
    "Re-wrap every blob's file key for new recipients (only the age header changes), with a signed re-wrap record per blob",
  usage:
    "snapgate rekey --store STORE --identity FILE|--identity-command CMD --recipient age1... [--recipient ...] --writer-key FILE [--env ENV] [--verify-key sgw1...] [--batch-size N] [--dry-run] [--json]",
  help: [
    "--identity FILE       an identity that opens the blobs now (or SNAPGATE_IDENTITY)",
    "--identity-command CMD  read that identity from a secret manager's command instead",
    "--recipient KEY       a recipient of the new set (repeatable): every blob opens with these only",
    "--writer-key FILE     signs the re-wrap records (a key in keys.writers, or SNAPGATE_WRITER_KEY)",
    "--env ENV             only the blobs of this environment's snapshots",
    "--verify-key KEY      also follow earlier re-wrap records signed by this key (repeatable)",
    `--batch-size N        blobs per batch (default ${DEFAULT_REKEY_BATCH}); on GitHub two commits per batch: new blobs with their records, then the old blobs' removal`,
    "--dry-run             list what would be re-wrapped; change nothing",
    "progress: one line per batch on stderr",
    "interrupted (killed, a full disk, GitHub down)? run it again: it finishes each blob where it stopped",
    "on a git store the old blobs stay in history: only destroying the old identity removes access (docs/runbooks/rotate-recipients.md)",
    `exit codes: 0 done, ${EXIT_PROBLEMS} some blobs were skipped (listed)`,
  ],
  json: "`{dryRun, recipientSet, recipients[], batchSize, batches, blobs: [{old, new, state}], skipped: [{ref, reason}]}`; `state`: `rewrapped`, `resumed` (an interrupted run's blob finished), `current` (already sealed to the set) or `would-rewrap` (dry run)",
  options: {
    ...STORE_OPTION,
    ...KEY_OPTIONS,
    recipient: { type: "string", multiple: true },
    env: { type: "string" },
    "batch-size": { type: "string" },
    "dry-run": { type: "boolean" },
  },
  async run(args, context) {
    const recipients = listValue(args, "recipient");
    if (recipients.length === 0) {
      throw new SnapgateError("USAGE", "--recipient is required.", {
        fix: `Name each key of the new recipient set. Usage: ${this.usage}`,
      });
    }
    const opener = await loadOpener(args, context);
    if (!opener) {
      throw new SnapgateError("USAGE", "Re-keying needs an identity that opens the blobs now.", {
        fix: "Pass --identity FILE, --identity-command CMD or set SNAPGATE_IDENTITY.",
      });
    }
    const batchText = stringValue(args, "batch-size");
    const batchSize = batchText === undefined ? DEFAULT_REKEY_BATCH : Number(batchText);
    if (!/^\d+$/.test(batchText ?? "1") || !Number.isSafeInteger(batchSize) || batchSize < 1) {
      throw new SnapgateError("USAGE", `--batch-size '${batchText}' is not a number of blobs.`, {
        fix: `Give a whole number, 1 or more (default ${DEFAULT_REKEY_BATCH}).`,
      });
    }
    const store = await openStore(args, context);
    const env = stringValue(args, "env");
    const result = await rekeyStore({
      store,
      identities: opener.secretKeys(),
      recipients,
      writerKey: await loadWriterKey(args, context, true),
      trustedKeys: trustedKeys(args, context),
      ...(env ? { streams: [env] } : {}),
      dryRun: flag(args, "dry-run"),
      batchSize,
      onProgress: ({ batch, batches, done, total }) =>
        context.stderr(
          batch === 0
            ? `rekey: finished an interrupted run's blobs (${done}/${total})\n`
            : `rekey: batch ${batch}/${batches} done (${done}/${total} blobs)\n`,
        ),
    });
    if (flag(args, "json")) {
      context.stdout(json(result));
    } else {
      const count = (state: string) => result.blobs.filter((blob) => blob.state === state).length;
      for (const skipped of result.skipped) {
        context.stdout(`skipped ${blobPath(skipped.ref)}: ${skipped.reason}\n`);
      }
      context.stdout(
        result.dryRun
          ? `Would re-wrap ${count("would-rewrap")} blob(s) for recipient set ${result.recipientSet}; ${count("current")} already sealed to it.\n`
          : `Re-wrapped ${count("rewrapped")} blob(s) for recipient set ${result.recipientSet} (${count("resumed")} finished from an interrupted run, ${count("current")} already sealed to it).\n`,
      );
    }
    return result.skipped.length === 0 ? 0 : EXIT_PROBLEMS;
  },
};
