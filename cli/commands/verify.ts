import { SnapgateError } from "../../core/errors.js";
import type { CatalogEntry } from "../../core/types.js";
import { readAllCatalogs, readCatalog } from "../../core/snapshot/read-catalog.js";
import { resolveSnapshot } from "../../core/snapshot/resolve-snapshot.js";
import { verifySnapshots, type VerifyLevel } from "../../core/snapshot/verify-snapshots.js";
import { flag, stringValue, type Command } from "../command.js";
import { openStore, STORE_OPTION } from "../open-store.js";
import { KEY_OPTIONS, loadOpener, loadWriterKey, trustedKeys } from "../load-keys.js";
import { formatBytes, json } from "../output.js";
import { progressReporter } from "../progress.js";
import { EXIT_PROBLEMS } from "../exit-codes.js";

export const verifyCommand: Command = {
  name: "verify",
  summary:
    "Check snapshots: signature, chain and blobs (structure), or decrypt everything (restore level)",
  usage:
    "snapgate verify [SNAPSHOT | --all] --store STORE --verify-key sgw1... [--env ENV] [--identity FILE [--writer-key FILE]] [--level structure|restore] [--json]",
  help: [
    "SNAPSHOT            an id prefix, ENV@SEQ or latest (default: latest of --env)",
    "--all               every snapshot of every environment (or of --env)",
    "--verify-key KEY    a trusted writer verify key (repeatable; or SNAPGATE_VERIFY_KEYS)",
    "--identity FILE     decrypt every blob: restore level (or SNAPGATE_IDENTITY)",
    "--writer-key FILE   at restore level, also recompute the keyed ids",
    `exit codes: 0 all good, ${EXIT_PROBLEMS} problems found`,
  ],
  options: {
    ...STORE_OPTION,
    ...KEY_OPTIONS,
    env: { type: "string" },
    all: { type: "boolean" },
    level: { type: "string" },
  },
  async run(args, context) {
    const store = openStore(args, context);
    await store.assertExists();
    const stream = stringValue(args, "env");
    const opener = await loadOpener(args, context);
    const levelText = stringValue(args, "level") ?? (opener ? "restore" : "structure");
    if (levelText !== "structure" && levelText !== "restore") {
      throw new SnapgateError("USAGE", `--level '${levelText}' is not a verification level.`, {
        fix: "Use structure or restore.",
      });
    }
    let snapshots: CatalogEntry[];
    if (flag(args, "all")) {
      snapshots = stream ? await readCatalog(store, stream) : await readAllCatalogs(store);
    } else {
      snapshots = [await resolveSnapshot(store, args.positionals[0] ?? "latest", { stream })];
    }
    const report = progressReporter(context, !flag(args, "json"));
    const result = await verifySnapshots({
      store,
      snapshots,
      trustedKeys: trustedKeys(args, context),
      level: levelText as VerifyLevel,
      opener,
      writerKey: await loadWriterKey(args, context, false),
      onProgress: (done, total) => report("verify", done, total),
    });
    if (flag(args, "json")) {
      context.stdout(json(result));
    } else {
      for (const snapshot of result.snapshots) {
        context.stdout(
          `${snapshot.ok ? "ok  " : "FAIL"} ${snapshot.stream}@${snapshot.seq} ${snapshot.id.slice(0, 12)}\n`,
        );
        for (const problem of snapshot.problems) {
          context.stdout(`     ${problem.kind}: ${problem.message}\n     fix: ${problem.fix}\n`);
        }
      }
      context.stdout(
        `${result.ok ? "Verified" : "Problems in"} ${result.snapshots.length} snapshot(s) at ${result.level} level: ` +
          `${result.blobsChecked} blobs, ${formatBytes(result.bytesChecked)} checked.\n`,
      );
    }
    return result.ok ? 0 : EXIT_PROBLEMS;
  },
};
