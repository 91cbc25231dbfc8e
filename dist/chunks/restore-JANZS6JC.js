import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  progressReporter
} from "./chunk-4N7WTXM3.js";
import {
  KEY_OPTIONS,
  loadOpener,
  trustedKeys
} from "./chunk-5AV4R2DH.js";
import {
  STORE_OPTION,
  openStore
} from "./chunk-3DD7AWWT.js";
import {
  flag,
  json,
  listValue,
  requireValue,
  stringValue
} from "./chunk-6P64A6B4.js";
import "./chunk-S5A4YI2O.js";
import "./chunk-PCQS3LOH.js";
import {
  createFileOpener,
  restoreSnapshot
} from "./chunk-EIINNPMH.js";
import "./chunk-TDVGICWC.js";
import "./chunk-CPZT5EG3.js";
import {
  loadSnapshot
} from "./chunk-QNEOUFJD.js";
import "./chunk-7RENLTOI.js";
import "./chunk-AYS4OF2G.js";
import "./chunk-P4WFFHAC.js";
import "./chunk-RQLDRNH6.js";
import "./chunk-J7IEGQJ6.js";
import "./chunk-HVMTTQAX.js";
import "./chunk-LNWDKVHM.js";
import "./chunk-4R5A4MEX.js";
import "./chunk-EU4VU6DG.js";
import "./chunk-KVN77OIJ.js";
import {
  resolveSnapshot
} from "./chunk-DPHRPEIS.js";
import "./chunk-TITZY4GY.js";
import "./chunk-WSRUPF57.js";
import {
  formatBytes
} from "./chunk-AVGWXNWA.js";
import "./chunk-PZ5T2MZR.js";
import "./chunk-CY3L4U4E.js";
import "./chunk-K3D2YTSH.js";
import "./chunk-PP22UWMA.js";
import "./chunk-DENSVYIT.js";
import "./chunk-7BAZV6R7.js";
import "./chunk-L3YJLP3Q.js";
import "./chunk-AXJEESJ2.js";
import "./chunk-MVZIGVV4.js";
import "./chunk-JAZ2OF6U.js";
import "./chunk-26DBSQQT.js";
import "./chunk-2NBA2BLU.js";
import "./chunk-ZITD4ZB6.js";
import "./chunk-K6EMEHOA.js";
import "./chunk-FHIUXZPM.js";
import "./chunk-RXFM76GD.js";
import "./chunk-6R3LO6XJ.js";
import "./chunk-54LOBW6C.js";
import "./chunk-4NNPXXFU.js";
import "./chunk-U2VA4CFL.js";
import "./chunk-ZUEUDRMP.js";
import {
  SnapgateError
} from "./chunk-6KERQ4ZL.js";
import "./chunk-H5NHOGLY.js";

// cli/commands/restore.ts
import { resolve } from "node:path";
var restoreCommand = {
  name: "restore",
  summary: "Decrypt a snapshot into a directory (empty by default), after checking its signature and paths",
  usage: "snapgate restore SNAPSHOT|latest --store STORE --identity FILE|--identity-command CMD --to DIR --verify-key sgw1... [--env ENV] [--include GLOB]... [--exclude GLOB]... [--force] [--delete] [--dry-run] [--json]",
  help: [
    "--identity FILE       an age identity the snapshot is encrypted to (or SNAPGATE_IDENTITY)",
    "--identity-command CMD  read the identity from this shell command's stdout (a secret",
    "                      manager); it is never written to disk",
    "--to DIR              where to restore; must be empty or new unless --force",
    "--verify-key KEY      a trusted writer verify key (repeatable; or SNAPGATE_VERIFY_KEYS)",
    "--include GLOB        restore only matching paths (repeatable)",
    "--exclude GLOB        leave matching paths out (repeatable; e.g. names --to cannot hold)",
    "--force               restore into a non-empty directory, replacing the snapshot's files",
    "--delete              with --force: remove files inside the restored paths that the snapshot",
    "                      does not have (see them first with --dry-run --delete)",
    "--dry-run             decrypt and compare with --to (what differs, what is extra); write nothing",
    "--skip-signature-check  restore without knowing who wrote the snapshot (not recommended)"
  ],
  json: "`{id, stream, seq, target, dryRun, files, symlinks, directories, deleted, bytes, plan: [{path, action, changes?}], warnings: [{path, reason}]}`; `action`: `create`, `update` (a dry run adds `changes`), `unchanged`, `extra` or `delete`; a directory's path ends with `/`",
  options: {
    ...STORE_OPTION,
    // No --writer-key: restore checks signatures with verify keys and recomputes no keyed ids.
    "verify-key": KEY_OPTIONS["verify-key"],
    identity: KEY_OPTIONS.identity,
    "identity-command": KEY_OPTIONS["identity-command"],
    env: { type: "string" },
    to: { type: "string" },
    include: { type: "string", multiple: true },
    exclude: { type: "string", multiple: true },
    force: { type: "boolean" },
    delete: { type: "boolean" },
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
        fix: "Pass --identity FILE, --identity-command CMD or set SNAPGATE_IDENTITY (the restore environment's secret or the break-glass key)."
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
    const workerUrl = new URL("../workers/crypto-worker.js", import.meta.url);
    const fileOpener = flag(args, "dry-run") ? void 0 : createFileOpener(opener, { workerUrl, expectedBlobs: entry.files });
    fileOpener?.catch(() => void 0);
    let snapshot;
    try {
      snapshot = await loadSnapshot(store, entry);
    } catch (error) {
      await fileOpener?.then(
        (files) => files.close(),
        () => void 0
      );
      throw error;
    }
    const result = await restoreSnapshot({
      store,
      snapshot,
      ...fileOpener ? { fileOpener } : {},
      opener,
      trustedKeys: keys,
      skipSignatureCheck: skipSignature,
      target: to,
      include: listValue(args, "include"),
      exclude: listValue(args, "exclude"),
      overwrite: flag(args, "force"),
      deleteExtra: flag(args, "delete"),
      dryRun: flag(args, "dry-run"),
      workerUrl,
      onProgress: (done, total) => report("restore", done, total)
    });
    if (flag(args, "json")) {
      context.stdout(json(result));
      return 0;
    }
    for (const warning of result.warnings)
      context.stderr(`warning: ${warning.path} is restored as a link, but ${warning.reason}
`);
    const counts = (action) => result.plan.filter((p) => p.action === action).length;
    const extras = counts("extra") ? `, ${counts("extra")} in the target but not in the snapshot (kept; --delete removes them)` : "";
    if (result.dryRun) {
      for (const item of result.plan)
        if (item.action !== "unchanged")
          context.stdout(
            `${item.action.padEnd(9)} ${item.path}${item.changes ? ` (${item.changes.join(", ")})` : ""}
`
          );
      const deletes = counts("delete") ? `, ${counts("delete")} to delete` : "";
      context.stdout(
        `Dry run of ${result.stream}@${result.seq} into ${result.target}: ${counts("create")} to create, ${counts("update")} to update, ${counts("unchanged")} unchanged${deletes}${extras}. Nothing was written.
`
      );
    } else {
      for (const item of result.plan)
        if (item.action === "extra" || item.action === "delete")
          context.stdout(`${item.action === "delete" ? "deleted" : "extra"}   ${item.path}
`);
      const directories = result.directories ? `, ${result.directories} empty ${result.directories === 1 ? "directory" : "directories"}` : "";
      const deleted = result.deleted ? `; ${result.deleted} deleted` : "";
      context.stdout(
        `Restored ${result.stream}@${result.seq} (${result.id.slice(0, 12)}) into ${result.target}: ${result.files} files, ${result.symlinks} symlinks${directories}, ${formatBytes(result.bytes)}${deleted}${extras}.
`
      );
    }
    return 0;
  }
};
export {
  restoreCommand
};
