import { resolve } from "node:path";
import { loadSodium } from "../../core/crypto/sodium.js";
import { SnapgateError } from "../../core/errors.js";
import { formatDuration, parseDuration } from "../../core/policy/parse-duration.js";
import { pruneBlobs } from "../../core/snapshot/prune-blobs.js";
import { tier0ReleaseCheck } from "../../core/snapshot/tier0-release-check.js";
import { formatBytes } from "../../core/format-bytes.js";
import { flag, listValue, stringValue, type Command } from "../command.js";
import { loadCliPolicy, POLICY_HELP, POLICY_OPTION } from "../load-cli-policy.js";
import { openGitHub, openStore, STORE_OPTION, storeSpec } from "../open-store.js";
import { json } from "../output.js";

export const pruneCommand: Command = {
  name: "prune",
  summary:
    "Delete blobs no live snapshot references, once forgotten (or orphaned) longer than the grace period",
  usage:
    "snapgate prune --store STORE [--policy FILE] [--grace DUR] [--approval ID]... [--dry-run] [--json]",
  help: [
    "--grace DUR           how long a blob must have been unreferenced (default 24h; units s, m, h, d, w)",
    POLICY_HELP,
    "--root DIR            where .github/snapgate.yml is looked for (default: the working directory)",
    "--approval ID         an approved forget request (requests/ID.json, signed by an app key of keys.app) covering forgotten tier-0 snapshots whose tombstone names none (repeatable)",
    "--dry-run             list what would be deleted; delete nothing",
    "blobs of forgotten tier-0 snapshots go only with an approved forget request (the one their tombstone names, or --approval); without the policy, no forgotten snapshot's blobs go",
    "also deletes temp files (.snapgate-tmp-*) that killed or failed writers left, once older than the grace period and 6 hours, and names files under blobs/ that are not blobs (never deleted)",
    "on a github:// store, also deletes the Snapgate App's gate lock refs (refs/snapgate/checks/DAY/...) of days before yesterday, UTC (ADR 0611)",
  ],
  json: '`{dryRun, graceMs, blobs, referenced, deleted: [{id, sha256, encoding, reason: "forgotten"|"orphan", since}], waiting[], held: [{stream, seq, snapshot, reason}], heldBlobs[], spared[], damaged[], tempFiles: {files, bytes, strays[]}, nodes: {stored, referenced, deleted[], waiting, spared[]}, gateLocks, locked[]}` (`nodes`: manifest nodes of format v2, judged like blobs; `gateLocks`: `{deleted[], kept}` on a github:// store, else `null`; `locked`: `[{path, until, legalHold}]` object versions an s3:// store kept under Object Lock, not counted in `deleted`)',
  options: {
    ...STORE_OPTION,
    ...POLICY_OPTION,
    root: { type: "string" },
    grace: { type: "string" },
    approval: { type: "string", multiple: true },
    "dry-run": { type: "boolean" },
  },
  async run(args, context) {
    const graceText = stringValue(args, "grace") ?? "24h";
    const graceMs = parseDuration(graceText);
    if (graceMs === null) {
      throw new SnapgateError("USAGE", `--grace '${graceText}' is not a duration.`, {
        fix: "Write e.g. 24h, 2d or 30m (units s, m = minutes, h, d, w).",
      });
    }
    const root = resolve(context.cwd, stringValue(args, "root") ?? ".");
    const loaded = await loadCliPolicy(args, context, root);
    const store = await openStore(args, context);
    const now = new Date();
    const dryRun = flag(args, "dry-run");
    const blobs = await pruneBlobs(store, {
      graceMs,
      now,
      dryRun,
      releaseCheck: tier0ReleaseCheck({
        store,
        policy: loaded?.policy ?? null,
        sodium: await loadSodium(),
        approvals: listValue(args, "approval"),
      }),
    });
    let gateLocks: { deleted: string[]; kept: number } | null = null;
    if (storeSpec(args, context).startsWith("github://")) {
      const [{ client, location }, { pruneGateLocks }] = await Promise.all([
        openGitHub(args, context),
        import("../../core/github/prune-gate-locks.js"),
      ]);
      gateLocks = await pruneGateLocks(client, location, now, { dryRun });
    }
    // An S3 store with Object Lock keeps locked versions and says until when (ADR 1404).
    const locked = [...(store.keptLocked ?? [])];
    const result = { ...blobs, gateLocks, locked };
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
      if (result.heldBlobs.length)
        context.stdout(
          `Would keep ${result.heldBlobs.length} blob(s) of forgotten snapshots that lack the approval tier-0 data needs (prune without --dry-run refuses): ${result.held.map((held) => `${held.stream}@${held.seq}: ${held.reason}`).join("; ")}.\n`,
        );
      if (gateLocks && gateLocks.deleted.length > 0)
        context.stdout(
          `${result.dryRun ? "Would delete" : "Deleted"} ${gateLocks.deleted.length} gate lock ref(s) of days before yesterday (refs/snapgate/checks/).\n`,
        );
      if (locked.length > 0) {
        const dates = locked.flatMap((kept) => (kept.until ? [kept.until.getTime()] : []));
        const first = dates.length ? new Date(Math.min(...dates)).toISOString() : null;
        context.stdout(
          `Kept ${locked.length} object version(s) under S3 Object Lock${locked.some((kept) => kept.legalHold) ? " (some on legal hold)" : ""}${first ? `; the first becomes deletable at ${first}` : ""}: run prune again after that.\n`,
        );
      }
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
