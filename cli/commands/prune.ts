import { SnapgateError } from "../../core/errors.js";
import { formatDuration, parseDuration } from "../../core/policy/parse-duration.js";
import { pruneBlobs } from "../../core/snapshot/prune-blobs.js";
import { formatBytes } from "../../core/format-bytes.js";
import { flag, stringValue, type Command } from "../command.js";
import { openStore, STORE_OPTION } from "../open-store.js";
import { json } from "../output.js";

export const pruneCommand: Command = {
  name: "prune",
  summary:
    "Delete blobs no live snapshot references, once forgotten (or orphaned) longer than the grace period",
  usage: "snapgate prune --store STORE [--grace DUR] [--dry-run] [--json]",
  help: [
    "--grace DUR           how long a blob must have been unreferenced (default 24h; units s, m, h, d, w)",
    "--dry-run             list what would be deleted; delete nothing",
    "also deletes temp files (.snapgate-tmp-*) that killed or failed writers left, once older than the grace period and 6 hours, and names files under blobs/ that are not blobs (never deleted)",
  ],
  json: '`{dryRun, graceMs, blobs, referenced, deleted: [{id, sha256, encoding, reason: "forgotten"|"orphan", since}], waiting[], spared[], damaged[], tempFiles: {files, bytes, strays[]}, nodes: {stored, referenced, deleted[], waiting, spared[]}}` (`nodes`: manifest nodes of format v2, judged like blobs)',
  options: { ...STORE_OPTION, grace: { type: "string" }, "dry-run": { type: "boolean" } },
  async run(args, context) {
    const graceText = stringValue(args, "grace") ?? "24h";
    const graceMs = parseDuration(graceText);
    if (graceMs === null) {
      throw new SnapgateError("USAGE", `--grace '${graceText}' is not a duration.`, {
        fix: "Write e.g. 24h, 2d or 30m (units s, m = minutes, h, d, w).",
      });
    }
    const store = await openStore(args, context);
    const result = await pruneBlobs(store, {
      graceMs,
      now: new Date(),
      dryRun: flag(args, "dry-run"),
    });
    if (flag(args, "json")) {
      context.stdout(json(result));
    } else {
      const count = (reason: string) => result.deleted.filter((b) => b.reason === reason).length;
      context.stdout(
        `${result.dryRun ? "Would delete" : "Deleted"} ${result.deleted.length} blob(s) (${count("forgotten")} of forgotten snapshots, ${count("orphan")} orphaned); ` +
          `${result.waiting.length} unreferenced but within the ${formatDuration(graceMs)} grace period (or of unknown age); ${result.referenced} referenced by live snapshots.\n`,
      );
      if (result.nodes.deleted.length > 0 || result.nodes.waiting > 0)
        context.stdout(
          `${result.dryRun ? "Would delete" : "Deleted"} ${result.nodes.deleted.length} manifest node(s) no live snapshot names; ${result.nodes.waiting} within the grace period (or of unknown age).\n`,
        );
      if (result.tempFiles.files > 0)
        context.stdout(
          `${result.dryRun ? "Would remove" : "Removed"} ${result.tempFiles.files} temp file(s) (${formatBytes(result.tempFiles.bytes)}) left by interrupted writers.\n`,
        );
      if (result.tempFiles.strays.length > 0)
        context.stdout(
          `Skipped ${result.tempFiles.strays.length} file(s) under blobs/ that are not blobs (move them out of the store): ${result.tempFiles.strays.join(", ")}.\n`,
        );
      if (result.spared.length)
        context.stdout(
          `Spared ${result.spared.length} blob(s) a snapshot taken meanwhile reuses.\n`,
        );
    }
    if (result.damaged.length > 0) {
      throw new SnapgateError(
        "INTEGRITY",
        `A snapshot committed while prune deleted blobs references ${result.damaged.reduce((n, d) => n + d.blobs.length, 0)} deleted blob(s): ${result.damaged.map((d) => `${d.stream}@${d.seq}`).join(", ")}.`,
        {
          fix: "Take a new snapshot of those environments (it stores the content again), and do not run prune while snapshots are being taken.",
          details: { damaged: result.damaged },
        },
      );
    }
    return 0;
  },
};
