import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  progressReporter
} from "./chunk-3LW6LEUR.js";
import {
  KEY_OPTIONS,
  loadOpener,
  trustedKeys
} from "./chunk-GLY7AOTE.js";
import {
  STORE_OPTION,
  openStore
} from "./chunk-TPBVYUMC.js";
import "./chunk-WIE2Z5X7.js";
import {
  flag,
  json,
  listValue,
  requireValue,
  stringValue
} from "./chunk-H7HHPLOE.js";
import {
  restoreSnapshot
} from "./chunk-E7BLWGLM.js";
import "./chunk-MXRMIS4K.js";
import {
  loadSnapshot
} from "./chunk-4ADVDNQL.js";
import "./chunk-7I44WYK3.js";
import "./chunk-WHUW7ABC.js";
import "./chunk-T4XVUYKR.js";
import "./chunk-PDBKAZLO.js";
import {
  resolveSnapshot
} from "./chunk-EAU2BZSR.js";
import "./chunk-6RIMPDLP.js";
import "./chunk-EVV5HKRG.js";
import {
  formatBytes
} from "./chunk-AVGWXNWA.js";
import "./chunk-3S6W75EW.js";
import "./chunk-DENSVYIT.js";
import "./chunk-MVVOTCSL.js";
import "./chunk-M4VZOO76.js";
import "./chunk-MWA4TWMP.js";
import "./chunk-QGYJZUSD.js";
import "./chunk-STGBWLKT.js";
import "./chunk-Q7H3JQIW.js";
import "./chunk-ZITD4ZB6.js";
import "./chunk-PCRNZOG5.js";
import "./chunk-Z5NMZ6VW.js";
import "./chunk-JFMH5QSK.js";
import "./chunk-3BJVJWY4.js";
import "./chunk-RJWDBZ2U.js";
import "./chunk-U2VA4CFL.js";
import {
  SnapgateError
} from "./chunk-6KERQ4ZL.js";
import "./chunk-K3D2YTSH.js";
import "./chunk-HPEAIKBF.js";

// cli/commands/restore.ts
import { resolve } from "node:path";
var restoreCommand = {
  name: "restore",
  summary: "Decrypt a snapshot into a directory (empty by default), after checking its signature and paths",
  usage: "snapgate restore SNAPSHOT|latest --store STORE --identity FILE --to DIR --verify-key sgw1... [--env ENV] [--include GLOB]... [--force] [--dry-run] [--json]",
  help: [
    "--identity FILE       an age identity the snapshot is encrypted to (or SNAPGATE_IDENTITY)",
    "--to DIR              where to restore; must be empty or new unless --force",
    "--verify-key KEY      a trusted writer verify key (repeatable; or SNAPGATE_VERIFY_KEYS)",
    "--include GLOB        restore only matching paths (repeatable)",
    "--force               restore into a non-empty directory, replacing the snapshot's files",
    "--dry-run             decrypt and compare with --to; write nothing",
    "--skip-signature-check  restore without knowing who wrote the snapshot (not recommended)"
  ],
  options: {
    ...STORE_OPTION,
    ...KEY_OPTIONS,
    env: { type: "string" },
    to: { type: "string" },
    include: { type: "string", multiple: true },
    force: { type: "boolean" },
    "dry-run": { type: "boolean" },
    "skip-signature-check": { type: "boolean" }
  },
  async run(args, context) {
    const spec = args.positionals[0];
    if (!spec)
      throw new SnapgateError("USAGE", "Which snapshot?", {
        fix: `Give an id, ENV@SEQ or latest. Usage: ${this.usage}`
      });
    const to = resolve(
      context.cwd,
      requireValue(args, "to", this, "Name the directory to restore into.")
    );
    const opener = await loadOpener(args, context);
    if (!opener) {
      throw new SnapgateError("USAGE", "Restoring needs an age identity.", {
        fix: "Pass --identity FILE or set SNAPGATE_IDENTITY (the restore environment's secret or the break-glass key)."
      });
    }
    const keys = trustedKeys(args, context);
    const skipSignature = flag(args, "skip-signature-check");
    if (keys.length === 0 && !skipSignature) {
      throw new SnapgateError(
        "USAGE",
        "No trusted writer key to check the snapshot's signature against.",
        {
          fix: "Pass --verify-key sgw1... (printed by `snapgate keygen --writer`, listed in the policy's keys.writers), or --skip-signature-check if you accept restoring a snapshot anyone with write access could have forged."
        }
      );
    }
    const store = await openStore(args, context);
    const entry = await resolveSnapshot(store, spec, { stream: stringValue(args, "env") });
    const report = progressReporter(context, !flag(args, "json"));
    const result = await restoreSnapshot({
      store,
      snapshot: await loadSnapshot(store, entry),
      opener,
      trustedKeys: keys,
      skipSignatureCheck: skipSignature,
      target: to,
      include: listValue(args, "include"),
      overwrite: flag(args, "force"),
      dryRun: flag(args, "dry-run"),
      workerUrl: new URL("../workers/crypto-worker.js", import.meta.url),
      onProgress: (done, total) => report("restore", done, total)
    });
    if (flag(args, "json")) {
      context.stdout(json(result));
    } else if (result.dryRun) {
      for (const item of result.plan)
        if (item.action !== "unchanged") context.stdout(`${item.action.padEnd(7)} ${item.path}
`);
      const counts = (action) => result.plan.filter((p) => p.action === action).length;
      context.stdout(
        `Dry run of ${result.stream}@${result.seq} into ${result.target}: ${counts("create")} to create, ${counts("update")} to update, ${counts("unchanged")} unchanged. Nothing was written.
`
      );
    } else {
      context.stdout(
        `Restored ${result.stream}@${result.seq} (${result.id.slice(0, 12)}) into ${result.target}: ${result.files} files, ${result.symlinks} symlinks, ${formatBytes(result.bytes)}.
`
      );
    }
    return 0;
  }
};
export {
  restoreCommand
};
