import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  progressReporter
} from "./chunk-3LW6LEUR.js";
import {
  loadWriterKey
} from "./chunk-WTD2N3TM.js";
import {
  STORE_OPTION,
  openStore
} from "./chunk-MU4KWIW4.js";
import {
  POLICY_HELP,
  POLICY_OPTION,
  loadCliPolicy
} from "./chunk-JZXJVOUV.js";
import {
  LocalDirStore
} from "./chunk-6HBTZ2HW.js";
import {
  flag,
  json,
  listValue,
  requireValue,
  shortId,
  stringValue
} from "./chunk-H7HHPLOE.js";
import {
  takeSnapshot
} from "./chunk-JYKVDBPJ.js";
import "./chunk-WCGHSMGB.js";
import "./chunk-5LGAU54Q.js";
import "./chunk-MONAIBOF.js";
import "./chunk-HR4GOTJD.js";
import "./chunk-MS7OGOB6.js";
import "./chunk-KCAFBGZ3.js";
import "./chunk-7I44WYK3.js";
import "./chunk-RC7TVD34.js";
import "./chunk-JWTYLVV3.js";
import "./chunk-KKUHDW3D.js";
import {
  formatBytes
} from "./chunk-AVGWXNWA.js";
import "./chunk-3S6W75EW.js";
import "./chunk-DENSVYIT.js";
import "./chunk-MVVOTCSL.js";
import "./chunk-CU3A7CPO.js";
import {
  PHASES
} from "./chunk-MNOS34YI.js";
import "./chunk-M4VZOO76.js";
import "./chunk-MWA4TWMP.js";
import "./chunk-QGYJZUSD.js";
import "./chunk-STGBWLKT.js";
import "./chunk-Q7H3JQIW.js";
import "./chunk-ZITD4ZB6.js";
import "./chunk-EMUD7HS6.js";
import "./chunk-5QZCZ3T7.js";
import "./chunk-JFMH5QSK.js";
import "./chunk-3BJVJWY4.js";
import "./chunk-RJWDBZ2U.js";
import "./chunk-U2VA4CFL.js";
import {
  SnapgateError
} from "./chunk-6KERQ4ZL.js";
import "./chunk-K3D2YTSH.js";
import "./chunk-HPEAIKBF.js";

// cli/commands/snapshot.ts
import { resolve } from "node:path";

// cli/commands/snapshot-json.ts
function snapshotJson(result, policy = null) {
  return {
    skipped: result.skipped,
    id: result.id,
    environment: result.stream,
    seq: result.seq,
    previousId: result.previousId,
    files: result.files,
    bytes: result.bytes,
    newBlobs: result.newBlobs,
    reusedBlobs: result.reusedBlobs,
    bytesAdded: result.bytesAdded,
    excluded: result.excluded,
    skippedFiles: result.skippedFiles,
    attempts: result.attempts,
    policy: policy ? {
      file: policy.file,
      digest: result.manifest?.policyDigest ?? null,
      tier: policy.result.tier,
      recipients: policy.result.recipients,
      changeId: policy.result.changeTicket.changeId,
      consistency: policy.result.consistency,
      coverage: policy.result.coverage
    } : null
  };
}

// cli/commands/snapshot.ts
function parseTime(text) {
  if (text === void 0) return void 0;
  const time = new Date(text);
  if (Number.isNaN(time.getTime())) {
    throw new SnapgateError("USAGE", `--time '${text}' is not a date and time.`, {
      fix: "Use ISO 8601, e.g. 2026-11-26T09:00:00Z."
    });
  }
  return time;
}
var snapshotCommand = {
  name: "snapshot",
  summary: "Encrypt, sign and store a snapshot of configuration files",
  usage: "snapgate snapshot --store STORE --env ENV --phase pre|post|scheduled|manual [--recipient age1...]... [--writer-key FILE] [--policy FILE] [options] [PATH...]",
  help: [
    "--env ENV             the environment (stream) the snapshot belongs to",
    "--phase PHASE         pre, post, scheduled or manual",
    "--recipient age1...   who can decrypt (repeatable); with a policy, added to its keys.recipients",
    "--writer-key FILE     signs the manifest and keys the blob ids (or SNAPGATE_WRITER_KEY)",
    "PATH...               files, directories or globs (default: the policy's environments.<env>.paths)",
    "--root DIR            paths are relative to DIR (default: the working directory)",
    "--exclude GLOB        leave matching files out (repeatable)",
    "--skip-unchanged      write nothing when every file matches the stream's latest snapshot",
    "--time TIME           the snapshot's time (ISO 8601), for imports; the write time is kept too",
    POLICY_HELP,
    "--allow-inconsistent  record failing consistency rules instead of refusing the snapshot",
    "--app-version V, --commit SHA, --ref REF, --change-id ID, --deployer NAME, --application NAME, --run-url URL, --tag T (repeatable)"
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
    ...POLICY_OPTION,
    "allow-inconsistent": { type: "boolean" }
  },
  async run(args, context) {
    const env = requireValue(args, "env", this, "Name the environment, e.g. --env prod.");
    const phase = requireValue(args, "phase", this, `Use one of ${PHASES.join(", ")}.`);
    const root = resolve(context.cwd, stringValue(args, "root") ?? ".");
    const loaded = await loadCliPolicy(args, context, root);
    const store = await openStore(args, context);
    const writerKey = await loadWriterKey(args, context, true);
    const report = progressReporter(context, !flag(args, "json"));
    const { result, underPolicy } = await takeSnapshot({
      store,
      policy: loaded?.policy ?? null,
      recipients: listValue(args, "recipient"),
      env: context.env,
      allowInconsistent: flag(args, "allow-inconsistent"),
      root,
      paths: args.positionals,
      exclude: listValue(args, "exclude"),
      stream: env,
      phase,
      time: parseTime(stringValue(args, "time")),
      writerKey,
      skipUnchanged: flag(args, "skip-unchanged"),
      skipDirectories: store instanceof LocalDirStore ? [store.location] : [],
      sealWorkerUrl: new URL("../workers/crypto-worker.js", import.meta.url),
      metadata: {
        appVersion: stringValue(args, "app-version"),
        application: stringValue(args, "application"),
        commit: stringValue(args, "commit"),
        ref: stringValue(args, "ref"),
        changeId: stringValue(args, "change-id"),
        deployer: stringValue(args, "deployer"),
        runUrl: stringValue(args, "run-url"),
        tags: listValue(args, "tag")
      },
      onProgress: ({ stage, done, total }) => report(stage, done, total)
    });
    const policy = loaded && underPolicy ? { file: loaded.file, result: underPolicy } : null;
    if (flag(args, "json")) {
      context.stdout(json(snapshotJson(result, policy)));
      return 0;
    }
    context.stdout(describeSnapshot(result, env, policy));
    for (const skipped of result.skippedFiles)
      context.stderr(`warning: skipped ${skipped.path}: ${skipped.reason}
`);
    return 0;
  }
};
var LISTED = 50;
function describeSnapshot(result, env, policy) {
  const lines = [];
  if (result.skipped) {
    lines.push(
      `Nothing changed since ${env}@${result.seq} (${shortId(result.id ?? "")}); no snapshot written.`
    );
  } else {
    lines.push(
      `Snapshot ${env}@${result.seq} ${shortId(result.id ?? "")}: ${result.files} files, ${formatBytes(result.bytes)}; ${result.newBlobs} new blobs (${formatBytes(result.bytesAdded)} stored), ${result.reusedBlobs} reused.`
    );
  }
  if (policy) {
    const { recipients, tier, consistency, coverage } = policy.result;
    lines.push(
      `Policy ${policy.file}: ${env} is ${tier}; encrypted to ${recipients.fromPolicy.length} recipient(s) from keys.recipients` + (recipients.added.length ? ` and ${recipients.added.length} added by --recipient.` : ".")
    );
    for (const outcome of consistency.filter((o) => !o.ok))
      lines.push(`warning: consistency recorded as failing: ${outcome.message}`);
    if (coverage.uncoveredTier0Paths.length)
      lines.push(
        `warning: ${coverage.uncoveredTier0Paths.length} tier-0 file(s) in no component (the gate will fail): ${listSome(coverage.uncoveredTier0Paths)}`
      );
    if (coverage.missingComponents.length)
      lines.push(
        `warning: required component(s) with no file: ${coverage.missingComponents.join(", ")}`
      );
    if (coverage.secretsOutsideComponents.length)
      lines.push(
        `warning: secret-looking file(s) in no component: ${listSome(coverage.secretsOutsideComponents)}`
      );
  }
  if (result.excluded.length) {
    lines.push(`Excluded ${result.excluded.length} path(s):`);
    for (const path of result.excluded.slice(0, LISTED)) lines.push(`  ${path}`);
    if (result.excluded.length > LISTED)
      lines.push(`  ... and ${result.excluded.length - LISTED} more (--json lists them all)`);
  }
  return lines.join("\n") + "\n";
}
function listSome(paths) {
  return paths.slice(0, 5).join(", ") + (paths.length > 5 ? `, ... (${paths.length})` : "");
}
export {
  snapshotCommand
};
