import { resolve } from "node:path";
import { SnapgateError } from "../../core/errors.js";
import { PHASES, type Phase } from "../../core/types.js";
import { createSnapshot } from "../../core/snapshot/create-snapshot.js";
import { LocalDirStore } from "../../core/store/local-dir-store.js";
import { parseRecipient } from "../../core/crypto/age-keys.js";
import { flag, listValue, requireValue, stringValue, type Command } from "../command.js";
import { openStore, STORE_OPTION } from "../open-store.js";
import { loadWriterKey } from "../load-keys.js";
import { formatBytes, json, shortId } from "../output.js";
import { progressReporter } from "../progress.js";
import { snapshotJson } from "./snapshot-json.js";
import { looksLikeSecret } from "../../core/policy/looks-like-secret.js";

function parseTime(text: string | undefined): Date | undefined {
  if (text === undefined) return undefined;
  const time = new Date(text);
  if (Number.isNaN(time.getTime())) {
    throw new SnapgateError("USAGE", `--time '${text}' is not a date and time.`, {
      fix: "Use ISO 8601, e.g. 2026-11-26T09:00:00Z.",
    });
  }
  return time;
}

export const snapshotCommand: Command = {
  name: "snapshot",
  summary: "Encrypt, sign and store a snapshot of configuration files",
  usage:
    "snapgate snapshot --store STORE --env ENV --phase pre|post|scheduled|manual --recipient age1... [--recipient ...] [--writer-key FILE] [options] PATH...",
  help: [
    "--env ENV             the environment (stream) the snapshot belongs to",
    "--phase PHASE         pre, post, scheduled or manual",
    "--recipient age1...   who can decrypt (repeat for each key; include a break-glass key)",
    "--writer-key FILE     signs the manifest and keys the blob ids (or SNAPGATE_WRITER_KEY)",
    "--root DIR            paths are relative to DIR (default: the working directory)",
    "--exclude GLOB        leave matching files out (repeatable)",
    "--skip-unchanged      write nothing when every file matches the stream's latest snapshot",
    "--time TIME           the snapshot's time (ISO 8601), for imports; the write time is kept too",
    "--app-version V, --commit SHA, --ref REF, --change-id ID, --deployer NAME, --application NAME, --run-url URL, --tag T (repeatable)",
  ],
  options: {
    ...STORE_OPTION,
    env: { type: "string" },
    phase: { type: "string" },
    recipient: { type: "string", multiple: true },
    "writer-key": { type: "string" },
    root: { type: "string" },
    exclude: { type: "string", multiple: true },
    "skip-unchanged": { type: "boolean" },
    time: { type: "string" },
    "app-version": { type: "string" },
    application: { type: "string" },
    commit: { type: "string" },
    ref: { type: "string" },
    "change-id": { type: "string" },
    deployer: { type: "string" },
    "run-url": { type: "string" },
    tag: { type: "string", multiple: true },
  },
  async run(args, context) {
    const env = requireValue(args, "env", this, "Name the environment, e.g. --env prod.");
    const phase = requireValue(args, "phase", this, `Use one of ${PHASES.join(", ")}.`) as Phase;
    const recipients = listValue(args, "recipient");
    if (recipients.length === 0) {
      throw new SnapgateError(
        "USAGE",
        "No --recipient was given: nobody could restore this snapshot.",
        {
          fix: "Pass --recipient age1... for each key that may decrypt (from `snapgate keygen` or `age-keygen`).",
        },
      );
    }
    recipients.forEach((recipient) => parseRecipient(recipient));
    if (args.positionals.length === 0) {
      throw new SnapgateError("USAGE", "No paths to snapshot were given.", {
        fix: `Name files, directories or globs. Usage: ${this.usage}`,
      });
    }
    const store = await openStore(args, context);
    const writerKey = await loadWriterKey(args, context, true);
    const report = progressReporter(context, !flag(args, "json"));
    const result = await createSnapshot({
      store,
      root: resolve(context.cwd, stringValue(args, "root") ?? "."),
      paths: args.positionals,
      exclude: listValue(args, "exclude"),
      stream: env,
      phase,
      time: parseTime(stringValue(args, "time")),
      recipients,
      writerKey,
      skipUnchanged: flag(args, "skip-unchanged"),
      skipDirectories: store instanceof LocalDirStore ? [store.location] : [],
      sealWorkerUrl: new URL("../workers/seal-worker.js", import.meta.url),
      classify: (path) => ({ secret: looksLikeSecret(path) }),
      metadata: {
        appVersion: stringValue(args, "app-version"),
        application: stringValue(args, "application"),
        commit: stringValue(args, "commit"),
        ref: stringValue(args, "ref"),
        changeId: stringValue(args, "change-id"),
        deployer: stringValue(args, "deployer"),
        runUrl: stringValue(args, "run-url"),
        tags: listValue(args, "tag"),
      },
      onProgress: ({ stage, done, total }) => report(stage, done, total),
    });
    if (flag(args, "json")) {
      context.stdout(json(snapshotJson(result)));
    } else if (result.skipped) {
      context.stdout(
        `Nothing changed since ${env}@${result.seq} (${shortId(result.id ?? "")}); no snapshot written.\n`,
      );
    } else {
      context.stdout(
        `Snapshot ${env}@${result.seq} ${shortId(result.id ?? "")}: ${result.files} files, ${formatBytes(result.bytes)}; ` +
          `${result.newBlobs} new blobs (${formatBytes(result.bytesAdded)} stored), ${result.reusedBlobs} reused.\n`,
      );
      if (result.excluded.length)
        context.stdout(
          `Excluded ${result.excluded.length} file(s): ${result.excluded.slice(0, 5).join(", ")}${result.excluded.length > 5 ? ", ..." : ""}\n`,
        );
      for (const skipped of result.skippedFiles)
        context.stderr(`warning: skipped ${skipped.path}: ${skipped.reason}\n`);
    }
    return 0;
  },
};
