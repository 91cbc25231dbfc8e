import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  progressReporter
} from "./chunk-4N7WTXM3.js";
import {
  loadWriterKey
} from "./chunk-5AV4R2DH.js";
import {
  POLICY_HELP,
  POLICY_OPTION,
  loadCliPolicy
} from "./chunk-BIX4YTP5.js";
import {
  STORE_OPTION,
  openStore
} from "./chunk-3DD7AWWT.js";
import {
  flag,
  json,
  listValue,
  requireValue,
  shortId,
  stringValue
} from "./chunk-6P64A6B4.js";
import {
  LocalDirStore
} from "./chunk-S5A4YI2O.js";
import "./chunk-PCQS3LOH.js";
import {
  tempPathFor
} from "./chunk-CPZT5EG3.js";
import {
  snapshotLockDefaults,
  takeSnapshot
} from "./chunk-5TUI24RP.js";
import "./chunk-PUR5S3H7.js";
import "./chunk-IEOR2R4X.js";
import "./chunk-MONAIBOF.js";
import "./chunk-RC7TVD34.js";
import "./chunk-C266N7X3.js";
import "./chunk-MS7OGOB6.js";
import "./chunk-BXQJ3NVO.js";
import "./chunk-FVHYGXQ4.js";
import "./chunk-7T6BWT36.js";
import "./chunk-KBLB3GEK.js";
import "./chunk-7RENLTOI.js";
import "./chunk-AYS4OF2G.js";
import "./chunk-KKUHDW3D.js";
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
import "./chunk-CU3A7CPO.js";
import {
  PHASES
} from "./chunk-MVZIGVV4.js";
import "./chunk-R4SSWUCW.js";
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

// cli/commands/snapshot.ts
import { resolve as resolve3 } from "node:path";

// cli/open-stat-cache.ts
import { homedir } from "node:os";
import { join as join2, resolve as resolve2 } from "node:path";

// core/snapshot/stat-cache.ts
import { createHmac, timingSafeEqual } from "node:crypto";
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync
} from "node:fs";
import { dirname, join, resolve } from "node:path";
var FORMAT = "snapgate-stat-cache/1";
var RACY_WINDOW_MS = 2e3;
var STALE_CACHE_MS = 30 * 24 * 3600 * 1e3;
var StatCache = class _StatCache {
  constructor(macKey, root, file, entries, ignoredReason, manifest = null, packs = [], packed = []) {
    this.macKey = macKey;
    this.root = root;
    this.file = file;
    this.entries = entries;
    this.ignoredReason = ignoredReason;
    this.manifest = manifest;
    this.packs = packs;
    this.packed = packed;
  }
  macKey;
  root;
  file;
  entries;
  ignoredReason;
  manifest;
  packs;
  packed;
  /** Opens the cache of `root` under `directory`; a missing, stale or forged file gives an empty cache. */
  static open(directory, root, macKey) {
    const absoluteRoot = resolve(root);
    const name = createHmac("sha256", macKey).update(`${FORMAT}\0name\0${absoluteRoot}`).digest("hex").slice(0, 32);
    const file = join(resolve(directory), `${name}.json`);
    let text;
    try {
      text = readFileSync(file, "utf8");
    } catch {
      return new _StatCache(macKey, absoluteRoot, file, /* @__PURE__ */ new Map(), null);
    }
    const ignore = (reason) => new _StatCache(macKey, absoluteRoot, file, /* @__PURE__ */ new Map(), reason);
    const newline = text.indexOf("\n");
    const [format, mac] = text.slice(0, Math.max(newline, 0)).split(" ");
    if (newline < 0 || format !== FORMAT) return ignore("it is of another format or root");
    const body = text.slice(newline + 1);
    const expected = Buffer.from(macOf(macKey, body), "hex");
    const given = Buffer.from(/^[0-9a-f]{64}$/.test(mac ?? "") ? mac : "", "hex");
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      return ignore("its MAC does not match this writer key");
    let parsed;
    try {
      parsed = JSON.parse(body);
    } catch {
      return ignore("it is not JSON");
    }
    if (parsed.root !== absoluteRoot || !Array.isArray(parsed.entries))
      return ignore("it is of another format or root");
    return new _StatCache(
      macKey,
      absoluteRoot,
      file,
      new Map(parsed.entries.map((entry) => [entry[0], entry])),
      null,
      typeof parsed.manifest === "string" ? parsed.manifest : null,
      Array.isArray(parsed.packs) ? parsed.packs : [],
      Array.isArray(parsed.packed) ? parsed.packed : []
    );
  }
  /**
   * The packed contents of the manifest this cache was saved with (ADR 1114), by
   * content id. Authenticated like the rest; the store still confirms each pack.
   */
  packedContents() {
    const contents = /* @__PURE__ */ new Map();
    const refs = this.packs.map(([id, sha256, recipientSet]) => ({
      id,
      sha256,
      encoding: "none",
      recipientSet
    }));
    for (const [id, index, offset, length, gzip] of this.packed) {
      const ref = refs[index];
      if (!ref) continue;
      contents.set(id, {
        ref,
        encoding: gzip ? "gzip" : "none",
        pack: { blob: ref.id, offset, length }
      });
    }
    return contents;
  }
  /**
   * True when manifest bytes with this sha256 are ones this writer wrote or
   * schema-checked before: byte-identical, so they need no second check.
   */
  knowsManifest(sha256) {
    return this.manifest !== null && this.manifest === sha256;
  }
  get size() {
    return this.entries.size;
  }
  /** The blob id recorded for this exact stat, or undefined: then the file must be read. */
  lookup(file) {
    const entry = this.entries.get(file.path);
    if (!entry || file.type !== "file" || file.stamp === void 0) return void 0;
    const { size, mtimeMs, ctimeMs, ino } = file.stamp;
    return entry[1] === size && entry[2] === mtimeMs && entry[3] === ctimeMs && entry[4] === ino ? entry[5] : void 0;
  }
  /**
   * Replaces the cache with the files of a snapshot that succeeded, leaving
   * out the racily clean ones (changed within RACY_WINDOW_MS of the scan).
   * Best effort: a cache that cannot be written is only slower next time.
   * `manifest`: the sha256 of the stream's manifest just committed or checked.
   */
  save(files, scannedAtMs, manifest = null, packedContents = /* @__PURE__ */ new Map()) {
    const entries = [];
    for (const { file, blob } of files) {
      const stamp = file.stamp;
      if (file.type !== "file" || blob === void 0 || stamp === void 0) continue;
      if (Math.max(stamp.mtimeMs, stamp.ctimeMs) >= scannedAtMs - RACY_WINDOW_MS) continue;
      entries.push([file.path, stamp.size, stamp.mtimeMs, stamp.ctimeMs, stamp.ino, blob]);
    }
    const packs = [];
    const indexOf = /* @__PURE__ */ new Map();
    const packed = [];
    for (const [id, { ref, encoding, pack }] of packedContents) {
      if (!pack || !ref.recipientSet) continue;
      const key = `${ref.id}-${ref.sha256}-${ref.recipientSet}`;
      let index = indexOf.get(key);
      if (index === void 0) {
        index = packs.push([ref.id, ref.sha256, ref.recipientSet]) - 1;
        indexOf.set(key, index);
      }
      packed.push([id, index, pack.offset, pack.length, encoding === "gzip" ? 1 : 0]);
    }
    const body = JSON.stringify({
      root: this.root,
      manifest,
      entries,
      ...packed.length ? { packs, packed } : {}
    });
    const content = `${FORMAT} ${macOf(this.macKey, body)}
${body}`;
    const temp = tempPathFor(this.file);
    try {
      mkdirSync(dirname(this.file), { recursive: true, mode: 448 });
      writeFileSync(temp, content, { mode: 384, flag: "wx" });
      renameSync(temp, this.file);
      removeStaleCaches(dirname(this.file), Date.now() - STALE_CACHE_MS);
      return true;
    } catch {
      rmSync(temp, { force: true });
      return false;
    }
  }
};
function removeStaleCaches(directory, before) {
  for (const name of readdirSync(directory)) {
    if (!/^[0-9a-f]{32}\.json$/.test(name)) continue;
    const path = join(directory, name);
    try {
      if (statSync(path).mtimeMs < before) rmSync(path, { force: true });
    } catch {
    }
  }
}
function macOf(macKey, body) {
  return createHmac("sha256", macKey).update(`${FORMAT}\0`).update(body).digest("hex");
}

// cli/open-stat-cache.ts
var STAT_CACHE_OPTION = {
  "cache-dir": { type: "string" },
  "no-cache": { type: "boolean" }
};
var STAT_CACHE_HELP = [
  "--cache-dir DIR       where the stat cache lives (or SNAPGATE_CACHE_DIR; default ~/.cache/snapgate)",
  "--no-cache            read and hash every file, ignoring the stat cache"
];
function openStatCache(args, context, root, macKey) {
  if (flag(args, "no-cache")) return void 0;
  const named = stringValue(args, "cache-dir") ?? context.env.SNAPGATE_CACHE_DIR;
  const directory = named ? resolve2(context.cwd, named) : join2(context.env.XDG_CACHE_HOME || join2(context.env.HOME || homedir(), ".cache"), "snapgate");
  return StatCache.open(directory, root, macKey);
}

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
    cachedFiles: result.cachedFiles,
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
    ...STAT_CACHE_HELP,
    POLICY_HELP,
    "--allow-inconsistent  record failing consistency rules instead of refusing the snapshot",
    "--app-version V, --commit SHA, --ref REF, --change-id ID, --deployer NAME, --application NAME, --run-url URL, --tag T (repeatable)"
  ],
  json: "`{skipped, id, environment, seq, previousId, files, bytes, newBlobs, reusedBlobs, bytesAdded, excluded[], skippedFiles[], cachedFiles, attempts, policy}` (`cachedFiles`: files not read because the stat cache vouched for them); `policy` is `null` without a policy, else `{file, digest, tier, recipients: {fromPolicy[], added[]}, changeId, consistency: [{name, ok, message}], coverage: {uncoveredTier0Paths[], missingComponents[], secretsOutsideComponents[]}}`. With `--skip-unchanged` and no change: `skipped: true` and the id of the snapshot that still matches.",
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
    "allow-inconsistent": { type: "boolean" },
    ...STAT_CACHE_OPTION
  },
  async run(args, context) {
    const env = requireValue(args, "env", this, "Name the environment, e.g. --env prod.");
    const phase = requireValue(args, "phase", this, `Use one of ${PHASES.join(", ")}.`);
    const root = resolve3(context.cwd, stringValue(args, "root") ?? ".");
    const loaded = await loadCliPolicy(args, context, root);
    const store = await openStore(args, context, snapshotLockDefaults(loaded?.policy, env));
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
      statCache: openStatCache(args, context, root, writerKey.macKey),
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
  if (result.cachedFiles > 0)
    lines.push(
      `${result.files - result.cachedFiles} file(s) read; ${result.cachedFiles} unchanged since the last snapshot by size, times and inode (--no-cache reads them all).`
    );
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
