#!/usr/bin/env node
import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  LocalDirStore
} from "../chunks/chunk-5U7X5MTU.js";
import {
  detectDrift
} from "../chunks/chunk-ENXE2HTO.js";
import {
  checkApproval,
  readApprovalRequest,
  restoreSnapshot
} from "../chunks/chunk-JGOIC7EN.js";
import "../chunks/chunk-MXRMIS4K.js";
import {
  loadSnapshot
} from "../chunks/chunk-VZ7KYMKE.js";
import {
  coverageReport,
  evaluateExceptions,
  requiredComponents,
  takeSnapshot
} from "../chunks/chunk-AK3BQHDQ.js";
import "../chunks/chunk-AP3O3WC6.js";
import {
  collectFiles,
  diffFileStates,
  isExcludedDirectory,
  policyScanRules,
  resolveScanPaths
} from "../chunks/chunk-HGBIEZIA.js";
import {
  policyDigest
} from "../chunks/chunk-3MAZDW4B.js";
import "../chunks/chunk-RC7TVD34.js";
import {
  writeFileAtomic
} from "../chunks/chunk-JWTYLVV3.js";
import {
  findLatestVerification,
  selectSnapshots,
  verifySnapshots,
  writeVerificationRecords
} from "../chunks/chunk-4ATMSHAK.js";
import {
  appendAuditEvents,
  forEachBlobWindow,
  trustedWriterKeys
} from "../chunks/chunk-DW7JLWHP.js";
import {
  TOMBSTONE_FORMAT,
  listForgotten,
  readAllCatalogs,
  readCatalog,
  readTombstone,
  resolveSnapshot,
  tombstonePath
} from "../chunks/chunk-3UWXLZIM.js";
import "../chunks/chunk-KKUHDW3D.js";
import {
  formatBytes
} from "../chunks/chunk-AVGWXNWA.js";
import {
  DEFAULT_POLICY_PATH,
  PHASES,
  didYouMean,
  formatDuration,
  formatPolicyProblem,
  formatWriterKeyFile,
  generateWriterKeyText,
  loadPolicy,
  localPolicySource,
  parseDuration,
  parseManifest,
  parseVerifyKey,
  parseWriterKey,
  verifyManifestSignature,
  writerSigner
} from "../chunks/chunk-PA7UVKRQ.js";
import "../chunks/chunk-K6O2D5MR.js";
import {
  BlobOpener,
  formatIdentityFile,
  generateAgeKeyPair,
  loadSodium,
  parseIdentities
} from "../chunks/chunk-XWJDV2JH.js";
import "../chunks/chunk-RJWDBZ2U.js";
import {
  sha256Hex
} from "../chunks/chunk-U2VA4CFL.js";
import {
  SnapgateError,
  asSnapgateError,
  isSnapgateError
} from "../chunks/chunk-6KERQ4ZL.js";
import {
  mapWithConcurrency
} from "../chunks/chunk-K3D2YTSH.js";
import "../chunks/chunk-HPEAIKBF.js";

// cli/command.ts
import { parseArgs } from "node:util";
var COMMON_OPTIONS = {
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" }
};
function parseCommandArgs(command, argv) {
  const options = { ...COMMON_OPTIONS, ...command.options };
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options,
      allowPositionals: true,
      strict: true
    });
    return { values, positionals };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const unknown = /Unknown option '(-{1,2}[^']+)'/.exec(message)?.[1];
    const suggestion = unknown ? didYouMean(unknown.replace(/^-+/, ""), Object.keys(options)) : void 0;
    throw new SnapgateError(
      "USAGE",
      `snapgate ${command.name}: ${message.replace(/\. To specify.*$/s, "")}.`,
      {
        fix: suggestion ? `Did you mean --${suggestion}? Usage: ${command.usage}` : `Usage: ${command.usage}`
      }
    );
  }
}
function stringValue(args, name) {
  const value = args.values[name];
  return typeof value === "string" ? value : void 0;
}
function listValue(args, name) {
  const value = args.values[name];
  return Array.isArray(value) ? value : typeof value === "string" ? [value] : [];
}
function flag(args, name) {
  return args.values[name] === true;
}
function requireValue(args, name, command, hint) {
  const value = stringValue(args, name);
  if (value === void 0 || value === "") {
    throw new SnapgateError("USAGE", `snapgate ${command.name} needs --${name}.`, {
      fix: `${hint} Usage: ${command.usage}`
    });
  }
  return value;
}

// cli/commands/keygen.ts
import { resolve } from "node:path";

// cli/output.ts
function renderTable(headers, rows) {
  const widths = headers.map(
    (header, column) => Math.max(header.length, ...rows.map((row) => (row[column] ?? "").length))
  );
  const line = (cells) => cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join("  ").trimEnd();
  return [line(headers), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n") + "\n";
}
function json(value) {
  return JSON.stringify(value, null, 2) + "\n";
}
function shortId(id) {
  return id.slice(0, 12);
}

// cli/commands/keygen.ts
var keygenCommand = {
  name: "keygen",
  summary: "Create an age identity (decrypts backups) or, with --writer, a writer key (signs snapshots)",
  usage: "snapgate keygen [--writer] --out FILE [--force] [--json]",
  help: [
    "--out FILE      where to write the secret key (mode 0600); its public half is printed",
    "--writer        make a writer key (for the snapshot job) instead of an age identity",
    "--force         replace FILE if it exists"
  ],
  options: { out: { type: "string" }, writer: { type: "boolean" }, force: { type: "boolean" } },
  async run(args, context) {
    const out = resolve(
      context.cwd,
      requireValue(args, "out", this, "Name the file for the new secret key.")
    );
    const now = /* @__PURE__ */ new Date();
    const sodium = await loadSodium();
    let text;
    let publicKey;
    if (flag(args, "writer")) {
      const keyText = generateWriterKeyText();
      publicKey = writerSigner(sodium, parseWriterKey(keyText, "new key")).verifyKey;
      text = formatWriterKeyFile(keyText, publicKey, now);
    } else {
      const pair = generateAgeKeyPair(sodium);
      publicKey = pair.recipient;
      text = formatIdentityFile(pair, now);
    }
    const written = await writeFileAtomic(out, text, {
      mode: 384,
      exactMode: true,
      exclusive: !flag(args, "force")
    });
    if (!written) {
      throw new SnapgateError("USAGE", `${out} already exists; a key was not overwritten.`, {
        fix: "Choose another --out, or pass --force if you really mean to replace that key (data encrypted to it stays readable only with the old one)."
      });
    }
    const kind = flag(args, "writer") ? "writer" : "identity";
    if (flag(args, "json")) {
      context.stdout(
        json(
          kind === "writer" ? { file: out, verifyKey: publicKey } : { file: out, recipient: publicKey }
        )
      );
    } else {
      context.stderr(
        kind === "writer" ? `Wrote a writer key to ${out} (keep it as the snapshot job's secret). Its verify key (public, for keys.writers in the policy):
` : `Wrote an age identity to ${out} (keep it secret; it decrypts backups). Its recipient (public, for keys.recipients in the policy):
`
      );
      context.stdout(`${publicKey}
`);
    }
    return 0;
  }
};

// cli/commands/snapshot.ts
import { resolve as resolve5 } from "node:path";

// cli/load-cli-policy.ts
import { existsSync } from "node:fs";
import { resolve as resolve2 } from "node:path";
var POLICY_OPTION = { policy: { type: "string" } };
var POLICY_HELP = "--policy FILE         the policy (default: .github/snapgate.yml under the root, when it exists)";
async function loadCliPolicy(args, context, root) {
  const given = stringValue(args, "policy");
  if (given === void 0 && !existsSync(resolve2(root, DEFAULT_POLICY_PATH))) return null;
  const base = given === void 0 ? root : context.cwd;
  const path = given ?? DEFAULT_POLICY_PATH;
  const policy = await loadPolicy(localPolicySource(base), { path });
  return { policy, file: path };
}
async function requireCliPolicy(args, context, root, command) {
  const loaded = await loadCliPolicy(args, context, root);
  if (!loaded) {
    throw new SnapgateError(
      "CONFIG",
      `snapgate ${command} needs the policy, and there is no ${DEFAULT_POLICY_PATH} under ${root}.`,
      {
        fix: "Run it in the repository (or pass --root DIR), or name the policy with --policy FILE."
      }
    );
  }
  return loaded;
}

// cli/open-store.ts
import { resolve as resolve3 } from "node:path";
var STORE_OPTION = {
  store: { type: "string" },
  token: { type: "string" },
  "api-url": { type: "string" }
};
async function openStore(args, context) {
  const spec = storeSpec(args, context);
  if (!spec.startsWith("github://")) return new LocalDirStore(resolve3(context.cwd, spec));
  const { client, location } = await openGitHub(args, context);
  const { GitHubStore } = await import("../chunks/github-store-KMCRLO4A.js");
  return new GitHubStore(client, location);
}
function storeSpec(args, context) {
  const spec = stringValue(args, "store") ?? context.env.SNAPGATE_STORE;
  if (!spec) {
    throw new SnapgateError("USAGE", "No store was given.", {
      fix: "Pass --store DIR (a local directory) or --store github://OWNER/REPO, or set SNAPGATE_STORE."
    });
  }
  return spec;
}
async function openGitHub(args, context) {
  const spec = storeSpec(args, context);
  const [{ createGitHubClient }, { parseGitHubStoreSpec }] = await Promise.all([
    import("../chunks/github-client-SIRT3QQC.js"),
    import("../chunks/github-store-KMCRLO4A.js")
  ]);
  const location = parseGitHubStoreSpec(spec);
  const token = stringValue(args, "token") ?? context.env.GITHUB_TOKEN;
  if (!token) {
    throw new SnapgateError("USAGE", `${spec} needs a GitHub token.`, {
      fix: "Pass --token or set GITHUB_TOKEN (a GitHub App installation token or a fine-grained token with contents access to the backup repository)."
    });
  }
  const client = createGitHubClient({
    token,
    baseUrl: stringValue(args, "api-url") ?? context.env.GITHUB_API_URL ?? "https://api.github.com",
    ...context.env.SNAPGATE_RETRY_AFTER_MS ? { retryAfterBaseValue: Number(context.env.SNAPGATE_RETRY_AFTER_MS) } : {}
  });
  return { client, location };
}

// cli/load-keys.ts
import { readFile } from "node:fs/promises";
import { resolve as resolve4 } from "node:path";
async function readKeyFile(path, what, context) {
  try {
    return await readFile(resolve4(context.cwd, path), "utf8");
  } catch (error) {
    throw new SnapgateError(
      "CONFIG",
      `Cannot read the ${what} file ${path}: ${error.code ?? "error"}.`,
      {
        fix: `Check the path; create one with \`snapgate keygen${what === "writer key" ? " --writer" : ""} --out ${path}\`.`
      }
    );
  }
}
async function loadWriterKey(args, context, required) {
  const path = stringValue(args, "writer-key");
  const text = path ? await readKeyFile(path, "writer key", context) : context.env.SNAPGATE_WRITER_KEY;
  if (!text) {
    if (!required) return void 0;
    throw new SnapgateError("USAGE", "No writer key was given.", {
      fix: "Pass --writer-key FILE or set SNAPGATE_WRITER_KEY (create a key with `snapgate keygen --writer --out FILE`)."
    });
  }
  return parseWriterKey(text, path ?? "SNAPGATE_WRITER_KEY");
}
async function loadOpener(args, context) {
  const path = stringValue(args, "identity");
  const text = path ? await readKeyFile(path, "identity", context) : context.env.SNAPGATE_IDENTITY;
  if (!text) return void 0;
  return BlobOpener.create(parseIdentities(text, path ?? "SNAPGATE_IDENTITY"));
}
function trustedKeys(args, context) {
  const keys = [
    ...listValue(args, "verify-key"),
    ...(context.env.SNAPGATE_VERIFY_KEYS ?? "").split(/[\s,]+/)
  ].map((key2) => key2.trim()).filter((key2) => key2 !== "");
  for (const key2 of keys) parseVerifyKey(key2);
  return [...new Set(keys)];
}
var KEY_OPTIONS = {
  "verify-key": { type: "string", multiple: true },
  identity: { type: "string" },
  "writer-key": { type: "string" }
};

// cli/progress.ts
function progressReporter(context, enabled) {
  if (!enabled || !context.interactive) return () => void 0;
  let last = 0;
  return (label, done, total) => {
    const now = Date.now();
    if (now - last < 100 && done !== total) return;
    last = now;
    const ratio = total > 0 ? ` ${done}/${total}` : "";
    context.stderr(`\r\x1B[K${label}${ratio}${done === total && total > 0 ? "\n" : ""}`);
  };
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
    const root = resolve5(context.cwd, stringValue(args, "root") ?? ".");
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

// core/snapshot/list-snapshots.ts
function matchesFilter(entry, filter) {
  const time = Date.parse(entry.time);
  if (filter.stream && entry.stream !== filter.stream) return false;
  if (filter.since && time < filter.since.getTime()) return false;
  if (filter.until && time > filter.until.getTime()) return false;
  if (filter.tags?.length && !filter.tags.every((tag) => entry.metadata.tags.includes(tag)))
    return false;
  if (filter.commit && !(entry.metadata.commit ?? "").startsWith(filter.commit)) return false;
  if (filter.changeId && entry.metadata.changeId !== filter.changeId) return false;
  if (filter.phase && entry.phase !== filter.phase) return false;
  if (filter.component && !entry.components.includes(filter.component)) return false;
  if (filter.run && !matchesRun(entry.metadata.runUrl, filter.run)) return false;
  return true;
}
function matchesRun(runUrl, run) {
  if (!runUrl) return false;
  if (runUrl === run) return true;
  const path = runUrl.replace(/[?#].*$/, "").replace(/\/+$/, "");
  return /^\d+$/.test(run) && new RegExp(`/runs/${run}(/attempts/\\d+)?$`).test(path);
}
async function listSnapshots(store, filter = {}) {
  await store.assertExists();
  const [entries, forgotten] = await Promise.all([
    filter.stream ? readCatalog(store, filter.stream) : readAllCatalogs(store),
    listForgotten(store, filter.stream)
  ]);
  const matching = entries.map((entry) => ({ ...entry, forgotten: forgotten.get(entry.stream)?.has(entry.seq) ?? false })).filter(
    (entry) => (filter.includeForgotten || !entry.forgotten) && matchesFilter(entry, filter)
  ).sort(
    (a, b) => a.time.localeCompare(b.time) || a.stream.localeCompare(b.stream) || a.seq - b.seq
  );
  return filter.limit ? matching.slice(-filter.limit) : matching;
}

// cli/commands/list.ts
function parseDate(text, flagName) {
  if (text === void 0) return void 0;
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) {
    throw new SnapgateError("USAGE", `--${flagName} '${text}' is not a date.`, {
      fix: "Use ISO 8601, e.g. 2026-11-01 or 2026-11-01T12:00:00Z."
    });
  }
  return date;
}
var listCommand = {
  name: "list",
  summary: "List snapshots, filtered by environment, time, tag, commit, change id, phase or component",
  usage: "snapgate list --store STORE [--env ENV] [--since T] [--until T] [--tag T]... [--commit SHA] [--run ID|URL] [--change-id ID] [--phase P] [--component C] [--forgotten] [--limit N] [--json]",
  help: [
    "--env ENV          only this environment",
    "--since T, --until T   snapshot time range (ISO 8601)",
    "--tag T            has this tag (repeat: has all of them)",
    "--commit SHA       commit SHA starts with this",
    "--run ID|URL       the deployment run (its URL, or the id at the end of .../runs/ID)",
    "--change-id ID     this change ticket",
    "--phase P          pre, post, scheduled or manual",
    "--component C      touches this policy component",
    "--forgotten        also list forgotten snapshots (marked)",
    "--limit N          the newest N"
  ],
  options: {
    ...STORE_OPTION,
    env: { type: "string" },
    since: { type: "string" },
    until: { type: "string" },
    tag: { type: "string", multiple: true },
    commit: { type: "string" },
    "change-id": { type: "string" },
    phase: { type: "string" },
    component: { type: "string" },
    run: { type: "string" },
    forgotten: { type: "boolean" },
    limit: { type: "string" }
  },
  async run(args, context) {
    const phase = stringValue(args, "phase");
    if (phase && !PHASES.includes(phase)) {
      throw new SnapgateError("USAGE", `--phase '${phase}' is not a phase.`, {
        fix: `Use one of ${PHASES.join(", ")}.`
      });
    }
    const limitText = stringValue(args, "limit");
    const limit = limitText === void 0 ? void 0 : Number(limitText);
    if (limit !== void 0 && (!Number.isInteger(limit) || limit < 1)) {
      throw new SnapgateError("USAGE", `--limit '${limitText}' is not a positive whole number.`, {
        fix: "E.g. --limit 20."
      });
    }
    const entries = await listSnapshots(await openStore(args, context), {
      stream: stringValue(args, "env"),
      since: parseDate(stringValue(args, "since"), "since"),
      until: parseDate(stringValue(args, "until"), "until"),
      tags: listValue(args, "tag"),
      commit: stringValue(args, "commit"),
      changeId: stringValue(args, "change-id"),
      phase,
      component: stringValue(args, "component"),
      run: stringValue(args, "run"),
      includeForgotten: flag(args, "forgotten"),
      limit
    });
    if (flag(args, "json")) {
      context.stdout(json({ snapshots: entries }));
      return 0;
    }
    if (entries.length === 0) {
      context.stdout("No snapshots match.\n");
      return 0;
    }
    context.stdout(
      renderTable(
        ["ID", "ENV@SEQ", "TIME", "PHASE", "FILES", "SIZE", "COMMIT", "CHANGE", "TAGS"],
        entries.map((e) => [
          `${shortId(e.id)}${e.forgotten ? " (forgotten)" : ""}`,
          `${e.stream}@${e.seq}`,
          e.time.replace(/\.\d{3}Z$/, "Z"),
          e.phase,
          String(e.files),
          formatBytes(e.bytes),
          (e.metadata.commit ?? "").slice(0, 10),
          e.metadata.changeId ?? "",
          e.metadata.tags.join(",")
        ])
      )
    );
    return 0;
  }
};

// cli/commands/show.ts
var showCommand = {
  name: "show",
  summary: "Show one snapshot's metadata and files (without decrypting anything)",
  usage: "snapgate show SNAPSHOT --store STORE [--env ENV] [--json]",
  help: ["SNAPSHOT          an id prefix, ENV@SEQ, or latest (with --env)"],
  options: { ...STORE_OPTION, env: { type: "string" } },
  async run(args, context) {
    const spec = args.positionals[0];
    if (!spec) throw new SnapgateError("USAGE", "Which snapshot?", { fix: `Usage: ${this.usage}` });
    const store = await openStore(args, context);
    const entry = await resolveSnapshot(store, spec, { stream: stringValue(args, "env") });
    const { manifest, id } = await loadSnapshot(store, entry);
    if (flag(args, "json")) {
      context.stdout(json({ id, ...manifest }));
      return 0;
    }
    const m = manifest.metadata;
    const lines = [
      `snapshot   ${id}`,
      `env@seq    ${manifest.stream}@${manifest.seq}`,
      `phase      ${manifest.phase}`,
      `time       ${manifest.time} (written ${manifest.writtenAt})`,
      `previous   ${manifest.prev ?? "(first of its stream)"}`,
      `signed by  ${manifest.signature.key}`,
      `recipients ${manifest.recipients.join(", ")}`,
      ...Object.entries({
        application: m.application,
        version: m.appVersion,
        commit: m.commit,
        ref: m.ref,
        deployer: m.deployer,
        change: m.changeId,
        run: m.runUrl
      }).filter(([, value]) => value).map(([key2, value]) => `${key2.padEnd(10)} ${value}`),
      ...m.tags.length ? [`tags       ${m.tags.join(", ")}`] : [],
      ""
    ];
    context.stdout(lines.join("\n") + "\n");
    context.stdout(
      renderTable(
        ["PATH", "MODE", "SIZE", "COMPONENT", "TIER", "BLOB"],
        manifest.files.map(
          (f) => f.type === "file" ? [
            f.path,
            f.mode.toString(8).padStart(4, "0"),
            formatBytes(f.size),
            f.component ?? "",
            f.tier ?? "",
            f.blob.slice(0, 12)
          ] : [f.path, "link", `-> ${f.target}`, f.component ?? "", f.tier ?? "", ""]
        )
      )
    );
    return 0;
  }
};

// core/snapshot/diff-snapshots.ts
async function diffSnapshots(store, to, from) {
  let base = from;
  if (!base && to.seq > 1) {
    base = (await readCatalog(store, to.stream)).find((entry) => entry.seq === to.seq - 1);
    if (!base) {
      throw new SnapgateError(
        "NOT_FOUND",
        `The snapshot before ${to.stream}@${to.seq} is missing.`,
        {
          fix: "Name both snapshots: `snapgate diff A B`."
        }
      );
    }
  }
  const after = await loadSnapshot(store, to);
  const before = base ? await loadSnapshot(store, base) : void 0;
  const diff = diffFileStates(before?.manifest.files ?? [], after.manifest.files);
  const ref = (e) => ({ id: e.id, stream: e.stream, seq: e.seq });
  return { ...diff, from: base ? ref(base) : null, to: ref(to) };
}

// cli/commands/diff.ts
var diffCommand = {
  name: "diff",
  summary: "What changed between two snapshots (or a snapshot and the one before it), by keyed id: no decryption",
  usage: "snapgate diff A [B] --store STORE [--env ENV] [--json]",
  help: ["A [B]             with one snapshot: what it changed; with two: from A to B"],
  options: { ...STORE_OPTION, env: { type: "string" } },
  async run(args, context) {
    const [first, second] = args.positionals;
    if (!first || args.positionals.length > 2)
      throw new SnapgateError("USAGE", "diff takes one or two snapshots.", {
        fix: `Usage: ${this.usage}`
      });
    const store = await openStore(args, context);
    const stream = stringValue(args, "env");
    const a = await resolveSnapshot(store, first, { stream });
    const diff = second ? await diffSnapshots(store, await resolveSnapshot(store, second, { stream }), a) : await diffSnapshots(store, a);
    if (flag(args, "json")) {
      context.stdout(
        json({
          from: diff.from,
          to: diff.to,
          added: diff.added.map((f) => f.path),
          removed: diff.removed.map((f) => f.path),
          changed: diff.changed.map((c) => ({ path: c.path, kinds: c.kinds })),
          unchanged: diff.unchanged
        })
      );
      return 0;
    }
    const from = diff.from ? `${diff.from.stream}@${diff.from.seq}` : "(nothing)";
    const lines = [`${from} -> ${diff.to.stream}@${diff.to.seq}`];
    for (const f of diff.added) lines.push(`+ ${f.path}`);
    for (const f of diff.removed) lines.push(`- ${f.path}`);
    for (const c of diff.changed) lines.push(`M ${c.path} (${c.kinds.join(", ")})`);
    lines.push(
      `${diff.added.length} added, ${diff.removed.length} removed, ${diff.changed.length} changed, ${diff.unchanged} unchanged`
    );
    context.stdout(lines.join("\n") + "\n");
    return 0;
  }
};

// cli/exit-codes.ts
var EXIT_DRIFT = 2;
var EXIT_PROBLEMS = 3;

// cli/commands/verify.ts
async function trustedOrPolicyKeys(args, context) {
  const keys = trustedKeys(args, context);
  if (keys.length > 0) return keys;
  const loaded = await loadCliPolicy(args, context, context.cwd);
  return trustedWriterKeys([], loaded?.policy ?? null);
}
var verifyCommand = {
  name: "verify",
  summary: "Check snapshots: signature, chain and blobs (structure), or decrypt everything (restore level)",
  usage: "snapgate verify [SNAPSHOT | --all] --store STORE [--verify-key sgw1... | --policy FILE] [--env ENV] [--identity FILE [--writer-key FILE]] [--level structure|restore] [--record] [--json]",
  help: [
    "SNAPSHOT            an id prefix, ENV@SEQ or latest (default: latest of --env)",
    "--all               every snapshot of every environment (or of --env)",
    "--verify-key KEY    a trusted writer verify key (repeatable; or SNAPGATE_VERIFY_KEYS)",
    "--identity FILE     decrypt every blob: restore level (or SNAPGATE_IDENTITY)",
    "--writer-key FILE   at restore level, also recompute the keyed ids",
    "--policy FILE       trust the policy's keys.writers when no --verify-key is given (default: .github/snapgate.yml, when it exists)",
    "--record            write a verification record per snapshot (records/verifications/<id>/<time>.json); the gate reads the newest restore-level one",
    "forgotten snapshots: manifest, signature and chain are checked, not their blobs (prune may have removed them)",
    `exit codes: 0 all good, ${EXIT_PROBLEMS} problems found`
  ],
  options: {
    ...STORE_OPTION,
    ...KEY_OPTIONS,
    env: { type: "string" },
    all: { type: "boolean" },
    level: { type: "string" },
    record: { type: "boolean" },
    ...POLICY_OPTION
  },
  async run(args, context) {
    const store = await openStore(args, context);
    await store.assertExists();
    const stream = stringValue(args, "env");
    const opener = await loadOpener(args, context);
    const levelText = stringValue(args, "level") ?? (opener ? "restore" : "structure");
    if (levelText !== "structure" && levelText !== "restore") {
      throw new SnapgateError("USAGE", `--level '${levelText}' is not a verification level.`, {
        fix: "Use structure or restore."
      });
    }
    const { snapshots, forgotten } = await selectSnapshots(store, {
      all: flag(args, "all"),
      spec: args.positionals[0],
      stream
    });
    const report = progressReporter(context, !flag(args, "json"));
    const result = await verifySnapshots({
      store,
      snapshots,
      trustedKeys: await trustedOrPolicyKeys(args, context),
      forgotten,
      level: levelText,
      opener,
      writerKey: await loadWriterKey(args, context, false),
      onProgress: (done, total) => report("verify", done, total)
    });
    const records = flag(args, "record") ? await writeVerificationRecords(store, result, /* @__PURE__ */ new Date()) : [];
    if (flag(args, "json")) {
      context.stdout(json({ ...result, records }));
    } else {
      for (const snapshot of result.snapshots) {
        context.stdout(
          `${snapshot.ok ? "ok  " : "FAIL"} ${snapshot.stream}@${snapshot.seq} ${snapshot.id.slice(0, 12)}${snapshot.forgotten ? " (forgotten: blobs not checked)" : ""}
`
        );
        for (const problem of snapshot.problems) {
          context.stdout(`     ${problem.kind}: ${problem.message}
     fix: ${problem.fix}
`);
        }
      }
      context.stdout(
        `${result.ok ? "Verified" : "Problems in"} ${result.snapshots.length} snapshot(s) at ${result.level} level: ${result.blobsChecked} blobs, ${formatBytes(result.bytesChecked)} checked.
`
      );
      if (records.length) context.stdout(`Recorded ${records.length} verification(s).
`);
    }
    return result.ok ? 0 : EXIT_PROBLEMS;
  }
};

// cli/commands/restore.ts
import { resolve as resolve6 } from "node:path";
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
    const to = resolve6(
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

// cli/commands/coverage.ts
import { resolve as resolve7 } from "node:path";
function failed(report) {
  return report.failed || report.missingComponents.length > 0;
}
function describe(report, tier) {
  const lines = [];
  const files = report.tiers.reduce((sum, entry) => sum + entry.files, 0);
  const covered = report.tiers.reduce((sum, entry) => sum + entry.covered, 0);
  lines.push(
    `${report.environment} (${tier}): ${files} file(s) in scope, ${covered} in a component`
  );
  for (const entry of report.tiers) {
    lines.push(
      `  ${entry.tier} (level ${entry.level}): ${entry.files} file(s), ${entry.covered} covered, ${entry.uncovered.length} uncovered, ${entry.excepted.length} excepted`
    );
    for (const path of entry.uncovered) lines.push(`    uncovered  ${path}`);
    for (const path of entry.excepted) lines.push(`    excepted   ${path}`);
  }
  for (const [component, count] of Object.entries(report.components))
    lines.push(`  component ${component}: ${count} file(s)`);
  if (report.missingComponents.length)
    lines.push(`  required component(s) with no file: ${report.missingComponents.join(", ")}`);
  if (report.secretsOutsideComponents.length) {
    lines.push("  secret-looking file(s) in no component:");
    for (const path of report.secretsOutsideComponents) lines.push(`    secret     ${path}`);
  }
  if (report.outOfScope.length)
    lines.push(`  ${report.outOfScope.length} file(s) outside the environment's paths`);
  if (report.excluded.length) lines.push(`  ${report.excluded.length} path(s) excluded`);
  lines.push(
    failed(report) ? `  FAIL: ${report.uncoveredTier0.length} tier-0 path(s) uncovered, ${report.missingComponents.length} required component(s) missing.` : "  ok: every tier-0 path is covered and every required component has files."
  );
  return lines;
}
var coverageCommand = {
  name: "coverage",
  summary: "Which files of the checkout the policy's components cover, per environment and tier (no store needed)",
  usage: "snapgate coverage [--env ENV] [--policy FILE] [--root DIR] [--json] [PATH...]",
  help: [
    "PATH...               files, directories or globs to check (default: the whole root)",
    "--env ENV             one environment (default: every environment of the policy)",
    "--root DIR            the repository root (default: the working directory)",
    POLICY_HELP,
    `exit codes: 0 covered, ${EXIT_PROBLEMS} a tier-0 path in no component (and no active exception) or a required component with no file`
  ],
  options: { env: { type: "string" }, root: { type: "string" }, ...POLICY_OPTION },
  async run(args, context) {
    const root = resolve7(context.cwd, stringValue(args, "root") ?? ".");
    const { policy, file } = await requireCliPolicy(args, context, root, "coverage");
    const env = stringValue(args, "env");
    if (env !== void 0 && !policy.environments[env]) {
      throw new SnapgateError("USAGE", `The policy ${file} has no environment '${env}'.`, {
        fix: `Use one of: ${Object.keys(policy.environments).join(", ")}.`
      });
    }
    const collected = await collectFiles({
      root,
      patterns: args.positionals.length ? args.positionals : ["."],
      isExcludedDirectory: (path) => isExcludedDirectory(policy, path)
    });
    const paths = collected.files.map((entry) => entry.path);
    const environments = env ? [env] : Object.keys(policy.environments);
    const reports = environments.map((name) => {
      const report = coverageReport(policy, name, paths);
      report.excluded = [...collected.excluded, ...report.excluded].sort();
      return report;
    });
    const ok = !reports.some(failed);
    if (flag(args, "json")) {
      context.stdout(json({ ok, policy: file, environments: reports }));
    } else {
      const lines = reports.flatMap(
        (report) => describe(report, policy.environments[report.environment]?.tier ?? "?")
      );
      context.stdout(`${lines.join("\n")}
`);
    }
    return ok ? 0 : EXIT_PROBLEMS;
  }
};

// cli/commands/drift.ts
import { resolve as resolve8 } from "node:path";
function driftJson(report) {
  return {
    drift: report.drifted,
    snapshot: report.snapshot,
    added: report.added,
    removed: report.removed,
    changed: report.changed,
    unchanged: report.unchanged,
    components: report.components.map((group) => ({
      component: group.component,
      added: group.added.map((file) => file.path),
      removed: group.removed.map((file) => file.path),
      changed: group.changed.map((change) => ({ path: change.path, kinds: change.kinds }))
    })),
    excluded: report.excluded
  };
}
function describe2(report) {
  const { snapshot } = report;
  const base = `${snapshot.stream}@${snapshot.seq} (${shortId(snapshot.id)}, ${snapshot.time})`;
  if (!report.drifted) return `No drift: ${report.unchanged} file(s) match ${base}.
`;
  const lines = [`Drift since ${base}:`];
  for (const group of report.components) {
    lines.push(`  ${group.component ?? "(no component)"}:`);
    for (const file of group.added) lines.push(`    + ${file.path}`);
    for (const file of group.removed) lines.push(`    - ${file.path}`);
    for (const change of group.changed)
      lines.push(`    M ${change.path} (${change.kinds.join(", ")})`);
  }
  lines.push(
    `${report.added} added, ${report.removed} removed, ${report.changed} changed, ${report.unchanged} unchanged.`
  );
  return `${lines.join("\n")}
`;
}
var driftCommand = {
  name: "drift",
  summary: "Compare live files with the environment's latest snapshot by keyed id (no decryption), per component",
  usage: "snapgate drift --store STORE --env ENV [--writer-key FILE] [--policy FILE] [--root DIR] [--exclude GLOB]... [--json] [PATH...]",
  help: [
    "PATH...               the files, directories or globs the snapshots take (default: the policy's environments.<env>.paths)",
    "--env ENV             the environment whose latest snapshot is compared",
    "--writer-key FILE     the snapshot job's writer key: its MAC key ids the files (or SNAPGATE_WRITER_KEY)",
    "--root DIR            paths are relative to DIR (default: the working directory)",
    "--exclude GLOB        leave matching files out (repeatable)",
    POLICY_HELP,
    `exit codes: 0 no drift, ${EXIT_DRIFT} drift`
  ],
  options: {
    ...STORE_OPTION,
    ...POLICY_OPTION,
    env: { type: "string" },
    "writer-key": { type: "string" },
    root: { type: "string" },
    exclude: { type: "string", multiple: true }
  },
  async run(args, context) {
    const env = requireValue(args, "env", this, "Name the environment, e.g. --env prod.");
    const root = resolve8(context.cwd, stringValue(args, "root") ?? ".");
    const loaded = await loadCliPolicy(args, context, root);
    const paths = resolveScanPaths(args.positionals, loaded?.policy ?? null, env, "compare");
    const store = await openStore(args, context);
    const report = await detectDrift({
      store,
      stream: env,
      root,
      paths,
      exclude: listValue(args, "exclude"),
      ...loaded ? policyScanRules(loaded.policy, env) : {},
      skipDirectories: store instanceof LocalDirStore ? [store.location] : [],
      writerKey: await loadWriterKey(args, context, true)
    });
    context.stdout(flag(args, "json") ? json(driftJson(report)) : describe2(report));
    return report.drifted ? EXIT_DRIFT : 0;
  }
};

// cli/commands/check.ts
import { resolve as resolve9 } from "node:path";

// core/policy/gate/decide-gate.ts
var CLOCK_SKEW_MS = 5 * 6e4;
function decideGate(input) {
  const { policy, environment } = input;
  const conditions = [];
  const add = (name, state, detail, fix, paths) => {
    conditions.push({
      name,
      state,
      detail,
      fix: state === "pass" ? null : fix,
      ...paths && paths.length > 0 ? { paths } : {}
    });
  };
  const environmentPolicy = policy.environments[environment];
  const tier = environmentPolicy ? policy.tiers[environmentPolicy.tier] : void 0;
  if (!environmentPolicy || !tier) {
    add(
      "environment",
      "fail",
      `The policy has no environment '${environment}'.`,
      `Add it under environments in the policy, or gate one of: ${Object.keys(policy.environments).join(", ")}.`
    );
    return conclude(environment, conditions);
  }
  const snapshot = input.snapshot;
  const snapshotCommand2 = `run the snapshot workflow (${environmentPolicy.snapshotWorkflow ?? "Snapshot now"}) or \`snapgate snapshot --env ${environment}\``;
  if (snapshot === null) {
    add(
      "snapshot",
      "fail",
      `No snapshot of ${environment} exists.`,
      `Take one: ${snapshotCommand2}.`
    );
  } else {
    add(
      "snapshot",
      "pass",
      `Newest snapshot: #${snapshot.seq} (${snapshot.id.slice(0, 12)}) at ${snapshot.time}.`,
      null
    );
    checkSignature(input, snapshot, add);
    checkChain(snapshot, add);
    checkBlobs(snapshot, add, snapshotCommand2);
    checkFreshness(input, snapshot, tier.maxAgeMs, tier.name, add, snapshotCommand2);
    checkCoverage(input, snapshot, add);
    checkConsistency(input, snapshot, add);
  }
  checkExceptions(input, add);
  if (tier.restoreVerificationMs !== null)
    checkRestoreVerification(input, tier.restoreVerificationMs, tier.name, add);
  return conclude(environment, conditions);
}
function checkSignature(input, snapshot, add) {
  const signature = snapshot.signature;
  if (signature === null) {
    add(
      "signature",
      "unknown",
      "The manifest signature was not checked.",
      "Re-run the check; if it persists, run `snapgate verify` against the store."
    );
    return;
  }
  if (signature.state === "bad") {
    add(
      "signature",
      "fail",
      `The manifest signature does not verify${signature.detail ? ` (${signature.detail})` : ""}: the manifest was altered or forged.`,
      "Treat the snapshot as untrusted: investigate who wrote it, then take a new snapshot with the job's writer key."
    );
    return;
  }
  const rule = input.policy.keys.writers.find((writer) => writer.key === signature.key);
  if (signature.state === "unknown-key" || !rule) {
    add(
      "signature",
      "fail",
      `The manifest is signed by ${short(signature.key)}, which is not in keys.writers.`,
      "If it is the snapshot job's key, add it to keys.writers; otherwise someone else wrote this snapshot: investigate."
    );
    return;
  }
  const time = Date.parse(snapshot.time);
  if (rule.validFromMs !== null && time < rule.validFromMs || rule.validUntilMs !== null && time >= rule.validUntilMs) {
    add(
      "signature",
      "fail",
      `The writer key ${short(signature.key)} was not valid at the snapshot's time ${snapshot.time}.`,
      "Take a new snapshot with a current writer key, or correct the key's valid_from/valid_until."
    );
    return;
  }
  add("signature", "pass", `Signed by writer key ${short(signature.key)}.`, null);
}
function checkChain(snapshot, add) {
  if (snapshot.chain === null) {
    add(
      "chain",
      "unknown",
      "The hash chain was not checked.",
      "Re-run the check; if it persists, run `snapgate verify` against the store."
    );
  } else if (snapshot.chain.state === "broken") {
    add(
      "chain",
      "fail",
      `The hash chain is broken at snapshot #${snapshot.chain.atSeq}${snapshot.chain.detail ? ` (${snapshot.chain.detail})` : ""}.`,
      "A manifest was removed or rewritten: investigate with `snapgate verify`, restore the backup repository's history, then take a new snapshot."
    );
  } else {
    add("chain", "pass", `The chain up to #${snapshot.seq} is intact.`, null);
  }
}
function checkBlobs(snapshot, add, snapshotCommand2) {
  const missing = snapshot.missingBlobs;
  if (missing === null) {
    add(
      "blobs",
      "unknown",
      "The blobs were not checked.",
      "Re-run the check; if it persists, run `snapgate verify` against the store."
    );
  } else if (missing.length > 0) {
    const listed = missing.slice(0, 5).map((id) => id.slice(0, 12)).join(", ");
    add(
      "blobs",
      "fail",
      `${missing.length} blob(s) are missing or do not match their recorded hash: ${listed}${missing.length > 5 ? ", ..." : ""}.`,
      `Restore them from a replica of the backup repository, or ${snapshotCommand2} to store them again.`
    );
  } else {
    add("blobs", "pass", "Every blob is present with its recorded ciphertext hash.", null);
  }
}
function checkFreshness(input, snapshot, maxAgeMs, tierName, add, snapshotCommand2) {
  const time = Date.parse(snapshot.time);
  const written = snapshot.writtenAt === void 0 ? time : Date.parse(snapshot.writtenAt);
  const now = input.now.getTime();
  if (Number.isNaN(time) || Number.isNaN(written)) {
    add(
      "freshness",
      "unknown",
      `The snapshot's time '${snapshot.time}' cannot be read.`,
      `Take a new snapshot: ${snapshotCommand2}.`
    );
    return;
  }
  const effective = Math.min(time, written);
  if (effective > now + CLOCK_SKEW_MS) {
    add(
      "freshness",
      "fail",
      `The snapshot's time ${new Date(effective).toISOString()} is in the future.`,
      `Check the runner's clock and the --time given; then ${snapshotCommand2}.`
    );
    return;
  }
  const age = Math.max(0, now - effective);
  if (age > maxAgeMs) {
    add(
      "freshness",
      "fail",
      `The newest snapshot is ${formatDuration(age)} old; ${tierName} allows ${formatDuration(maxAgeMs)}.`,
      `Take a snapshot: ${snapshotCommand2}.`
    );
  } else {
    add(
      "freshness",
      "pass",
      `${formatDuration(age)} old (${tierName} allows ${formatDuration(maxAgeMs)}).`,
      null
    );
  }
}
function checkCoverage(input, snapshot, add) {
  const missing = requiredComponents(input.policy, input.environment).filter(
    (name) => !snapshot.components.includes(name)
  );
  const uncovered = snapshot.uncoveredTier0Paths;
  const problems = [];
  if (missing.length > 0)
    problems.push(`required component(s) with no file in the snapshot: ${missing.join(", ")}`);
  if (uncovered !== null && uncovered.length > 0) {
    problems.push(
      `${uncovered.length} tier-0 path(s) in no component: ${uncovered.slice(0, 5).join(", ")}${uncovered.length > 5 ? ", ..." : ""}`
    );
  }
  if (problems.length > 0) {
    add(
      "coverage",
      "fail",
      `${capitalise(problems.join("; "))}.`,
      "Add the paths to a component (or fix the component's globs) in the policy, or accept the gap with an exception; `snapgate coverage` lists them.",
      uncovered ?? void 0
    );
  } else if (uncovered === null) {
    add(
      "coverage",
      "unknown",
      "The snapshot recorded no coverage of tier-0 paths.",
      "Take a new snapshot with this version of Snapgate, which records it."
    );
  } else {
    add("coverage", "pass", `Every required component and tier-0 path is covered.`, null);
  }
}
function checkConsistency(input, snapshot, add) {
  const rules = input.policy.consistency.map((rule) => rule.name);
  if (rules.length === 0) {
    add("consistency", "pass", "The policy has no consistency rules.", null);
    return;
  }
  const outcomes = snapshot.consistency;
  if (outcomes === null) {
    add(
      "consistency",
      "unknown",
      "The snapshot recorded no consistency outcomes.",
      "Take a new snapshot with this version of Snapgate, which evaluates the rules."
    );
    return;
  }
  const failed2 = outcomes.filter((outcome) => !outcome.ok && rules.includes(outcome.name));
  const missing = rules.filter((name) => !outcomes.some((outcome) => outcome.name === name));
  if (failed2.length > 0) {
    add(
      "consistency",
      "fail",
      failed2.map((outcome) => outcome.message).join(" "),
      "Make the files agree and take a new snapshot (each message says which value differs)."
    );
  } else if (missing.length > 0) {
    add(
      "consistency",
      "unknown",
      `The snapshot has no outcome for rule(s) ${missing.join(", ")}.`,
      "Take a new snapshot under the current policy."
    );
  } else {
    add("consistency", "pass", `${rules.length} rule(s) pass.`, null);
  }
}
function checkExceptions(input, add) {
  const evaluation = evaluateExceptions(input.policy, input.now, {
    environment: input.environment
  });
  if (evaluation.expired.length > 0) {
    const listed = evaluation.expired.map(
      (status) => `exceptions[${status.exception.index}] (${status.exception.paths.join(", ")}) expired ${status.exception.expires}`
    ).join("; ");
    add(
      "exceptions",
      "fail",
      `Expired: ${listed}.`,
      "Close the gap (add the paths to a component) and remove the exception, or renew it with a new expires and accepted_by."
    );
  } else if (evaluation.expiringSoon.length > 0) {
    const listed = evaluation.expiringSoon.map((status) => `exceptions[${status.exception.index}] expires ${status.exception.expires}`).join("; ");
    add("exceptions", "pass", `No expired exception; soon: ${listed}.`, null);
  } else {
    add(
      "exceptions",
      "pass",
      `No expired exception (${evaluation.exceptions.length} active).`,
      null
    );
  }
}
function checkRestoreVerification(input, intervalMs, tierName, add) {
  const fix = `Run a restore-level verification or drill of ${input.environment} (\`snapgate verify latest --env ${input.environment} --identity FILE --record\`).`;
  const failure = input.failedRestoreVerification;
  if (failure) {
    add(
      "restore-verification",
      "fail",
      `The newest restore-level verification (${failure.time}, snapshot ${failure.snapshot.slice(0, 12)}) failed: ${failure.detail}`,
      `Fix what it found (\`snapgate verify ${failure.snapshot.slice(0, 12)} --identity FILE\` shows it), then verify again with --record.`
    );
    return;
  }
  if (input.lastRestoreVerification === null) {
    add(
      "restore-verification",
      "fail",
      `${tierName} needs a restore-level verification every ${formatDuration(intervalMs)}; none is recorded.`,
      fix
    );
    return;
  }
  const time = Date.parse(input.lastRestoreVerification);
  if (Number.isNaN(time)) {
    add(
      "restore-verification",
      "unknown",
      `The verification time '${input.lastRestoreVerification}' cannot be read.`,
      fix
    );
    return;
  }
  const age = Math.max(0, input.now.getTime() - time);
  if (age > intervalMs) {
    add(
      "restore-verification",
      "fail",
      `The last restore-level verification is ${formatDuration(age)} old; ${tierName} needs one every ${formatDuration(intervalMs)}.`,
      fix
    );
  } else {
    add(
      "restore-verification",
      "pass",
      `Verified at restore level ${formatDuration(age)} ago.`,
      null
    );
  }
}
function conclude(environment, conditions) {
  const notPassing = conditions.filter((condition) => condition.state !== "pass");
  return {
    environment,
    conclusion: notPassing.length === 0 ? "success" : "failure",
    summary: notPassing.length === 0 ? `All ${conditions.length} conditions pass.` : `${notPassing.length} of ${conditions.length} conditions do not pass: ${notPassing.map((condition) => condition.name).join(", ")}.`,
    conditions
  };
}
function short(key2) {
  return key2.length > 16 ? `${key2.slice(0, 16)}...` : key2;
}
function capitalise(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// core/snapshot/check-stream-chain.ts
var BATCH = 64;
async function checkStreamChain(store, stream, upto) {
  let previous = null;
  for (let start = 1; start <= upto; start += BATCH) {
    const seqs = Array.from({ length: Math.min(BATCH, upto - start + 1) }, (_, i) => start + i);
    const links = await mapWithConcurrency(seqs, 16, async (seq) => {
      const bytes = await store.readManifest(stream, seq);
      if (!bytes) return { seq, sha256: null, prev: void 0, named: "" };
      let prev;
      let named = "";
      try {
        const parsed = JSON.parse(Buffer.from(bytes).toString("utf8"));
        prev = typeof parsed.prev === "string" || parsed.prev === null ? parsed.prev : void 0;
        named = `${String(parsed.stream)}@${String(parsed.seq)}`;
      } catch {
        prev = void 0;
      }
      return { seq, sha256: sha256Hex(bytes), prev, named };
    });
    for (const link of links) {
      const broken = linkProblem(stream, link, previous);
      if (broken) return { state: "broken", atSeq: link.seq, detail: broken };
      previous = link;
    }
  }
  return { state: "ok" };
}
function linkProblem(stream, link, previous) {
  if (link.sha256 === null) return `manifest ${stream}@${link.seq} is missing`;
  if (link.prev === void 0) return `manifest ${stream}@${link.seq} cannot be read`;
  if (link.named !== `${stream}@${link.seq}`)
    return `the manifest stored as ${stream}@${link.seq} says it is ${link.named}`;
  const expected = previous?.sha256 ?? null;
  if (link.prev !== expected)
    return link.seq === 1 ? `manifest ${stream}@1 links to an earlier manifest` : `manifest ${stream}@${link.seq - 1} is not the one ${stream}@${link.seq} was written after`;
  return null;
}

// core/policy/gate/gather-gate-facts.ts
async function gatherGateFacts(store, policy, environment, now, options = {}) {
  const index = await store.readStreamIndex(environment);
  const complete = index.manifestSeqs.every(
    (seq) => index.catalog.some((entry) => entry.seq === seq)
  );
  const entries = complete ? index.catalog : await readCatalog(store, environment);
  const forgottenSeqs = new Set(index.tombstoneSeqs);
  const latest = entries.findLast((entry) => !forgottenSeqs.has(entry.seq)) ?? null;
  const verification = await findLatestVerification(
    store,
    index.verifications,
    new Set(entries.map((entry) => entry.id)),
    "restore"
  );
  const restore = {
    lastRestoreVerification: verification?.ok ? verification.time : null,
    failedRestoreVerification: verification && !verification.ok ? {
      time: verification.time,
      snapshot: verification.snapshot,
      detail: verification.problems.slice(0, 3).map((problem) => problem.message).join(" ") || "it reported problems."
    } : null
  };
  if (latest === null) return { policy, environment, now, snapshot: null, ...restore };
  const facts = {
    id: latest.id,
    seq: latest.seq,
    time: latest.time,
    writtenAt: latest.writtenAt,
    signature: null,
    chain: null,
    missingBlobs: null,
    components: [],
    uncoveredTier0Paths: null,
    consistency: null
  };
  const bytes = await store.readManifest(environment, latest.seq);
  let manifest = null;
  if (!bytes) {
    facts.signature = { state: "bad", detail: "the manifest is missing from the store" };
  } else if (sha256Hex(bytes) !== latest.id) {
    facts.signature = { state: "bad", detail: "the manifest does not hash to its catalog id" };
  } else {
    try {
      manifest = parseManifest(bytes, `manifest ${environment}@${latest.seq}`);
    } catch (error) {
      if (!isSnapgateError(error)) throw error;
      facts.signature = { state: "bad", detail: error.summary };
    }
  }
  const chain = options.chain === "catalog" ? catalogChain(environment, entries, index.manifestSeqs, latest.seq, manifest) : await checkStreamChain(store, environment, latest.seq);
  facts.chain = chain.state === "ok" ? chain : { state: "broken", atSeq: chain.atSeq, detail: chain.detail };
  if (manifest) {
    facts.signature = signatureFact(
      manifest,
      policy.keys.writers.map((writer) => writer.key),
      await loadSodium()
    );
    facts.missingBlobs = await missingBlobs(store, manifest, options.blobs ?? "read", index.blobs);
    facts.components = [
      ...new Set(manifest.files.flatMap((file) => file.component ? [file.component] : []))
    ].sort();
    facts.uncoveredTier0Paths = manifest.coverage?.uncoveredTier0Paths ?? null;
    facts.consistency = manifest.consistency ?? null;
  }
  return { policy, environment, now, snapshot: facts, ...restore };
}
function signatureFact(manifest, keys, sodium) {
  const check = verifyManifestSignature(sodium, manifest, keys);
  if (check.ok) return { state: "ok", key: check.key };
  if (check.reason === "unknown-key") return { state: "unknown-key", key: check.key };
  return { state: "bad", key: check.key, detail: "the signature does not match the manifest" };
}
async function missingBlobs(store, manifest, mode, listed) {
  const unique = /* @__PURE__ */ new Map();
  for (const file of manifest.files) {
    if (file.type === "file")
      unique.set(`${file.blob}-${file.ciphertextSha256}-${file.encoding}`, file);
  }
  const files = [...unique.values()];
  if (mode === "list") {
    const present = new Set(listed.map((blob) => `${blob.id}-${blob.sha256}-${blob.encoding}`));
    return files.filter((file) => !present.has(`${file.blob}-${file.ciphertextSha256}-${file.encoding}`)).map((file) => file.blob);
  }
  const bad = await forEachBlobWindow(
    store,
    files,
    async (file, ciphertext) => ciphertext && sha256Hex(ciphertext) === file.ciphertextSha256 ? null : file.blob
  );
  return bad.filter((id) => id !== null);
}
function catalogChain(stream, entries, manifestSeqs, upto, manifest) {
  const bySeq = new Map(entries.map((entry) => [entry.seq, entry]));
  const present = new Set(manifestSeqs);
  for (let seq = 1; seq <= upto; seq++) {
    const entry = bySeq.get(seq);
    if (!entry || !present.has(seq)) {
      return { state: "broken", atSeq: seq, detail: `manifest ${stream}@${seq} is missing` };
    }
    const previous = seq === 1 ? null : bySeq.get(seq - 1)?.id ?? null;
    if (entry.prev !== void 0 && entry.prev !== previous) {
      return {
        state: "broken",
        atSeq: seq,
        detail: `${stream}@${seq} does not link to ${stream}@${seq - 1}`
      };
    }
  }
  const expected = upto === 1 ? null : bySeq.get(upto - 1)?.id ?? null;
  if (manifest && manifest.prev !== expected) {
    return {
      state: "broken",
      atSeq: upto,
      detail: `manifest ${stream}@${upto} does not link to ${stream}@${upto - 1}`
    };
  }
  return { state: "ok" };
}

// core/policy/gate/policy-error-decision.ts
function policyErrorDecision(environment, error) {
  const failure = asSnapgateError(error);
  const problems = failure.details["problems"] ?? [];
  const detail = problems.length > 0 ? problems.map(formatPolicyProblem).join("\n") : failure.message;
  return {
    environment,
    conclusion: "failure",
    summary: "The Snapgate policy cannot be used.",
    conditions: [
      {
        name: "policy",
        state: "fail",
        detail,
        fix: failure.fix ?? "Fix .github/snapgate.yml on the default branch; docs/policy.md describes every key.",
        paths: [...new Set(problems.map((problem) => problem.file))],
        ...problems.length > 0 ? {
          locations: problems.map((problem) => ({
            file: problem.file,
            line: problem.line,
            message: formatPolicyProblem(problem)
          }))
        } : {}
      }
    ]
  };
}

// core/policy/gate/render-gate-text.ts
var STATE_LABEL = { pass: "PASS", fail: "FAIL", unknown: "UNKNOWN" };
function renderGateText(decision) {
  const nameWidth = Math.max(
    "CONDITION".length,
    ...decision.conditions.map((condition) => condition.name.length)
  );
  const stateWidth = "UNKNOWN".length;
  const lines = [`${"CONDITION".padEnd(nameWidth)}  ${"STATE".padEnd(stateWidth)}  DETAIL`];
  for (const condition of decision.conditions) {
    const [first, ...rest] = condition.detail.split("\n");
    lines.push(
      `${condition.name.padEnd(nameWidth)}  ${STATE_LABEL[condition.state].padEnd(stateWidth)}  ${first ?? ""}`
    );
    const indent = " ".repeat(nameWidth + stateWidth + 4);
    for (const line of rest) lines.push(`${indent}${line}`);
    if (condition.fix) lines.push(`${indent}fix: ${condition.fix}`);
  }
  lines.push(
    "",
    `${decision.environment}: ${decision.conclusion.toUpperCase()}. ${decision.summary}`
  );
  return `${lines.join("\n")}
`;
}

// cli/commands/check.ts
var checkCommand = {
  name: "check",
  summary: "The release gate: does the environment have a fresh, signed, complete, covered and consistent backup",
  usage: "snapgate check --store STORE --env ENV [--policy FILE] [--root DIR] [--json]",
  help: [
    "--env ENV             the environment to gate",
    POLICY_HELP,
    "--root DIR            where .github/snapgate.yml is looked for (default: the working directory)",
    "conditions: snapshot, signature, chain, blobs, freshness, coverage, consistency, exceptions, restore-verification (see docs/policy.md)",
    "exit codes: 0 every condition passes, 1 any fails or is unknown (also an invalid policy)"
  ],
  options: { ...STORE_OPTION, ...POLICY_OPTION, env: { type: "string" }, root: { type: "string" } },
  async run(args, context) {
    const env = requireValue(args, "env", this, "Name the environment to gate, e.g. --env prod.");
    const store = await openStore(args, context);
    const root = resolve9(context.cwd, stringValue(args, "root") ?? ".");
    let loaded;
    try {
      loaded = (await requireCliPolicy(args, context, root, "check")).policy;
    } catch (error) {
      loaded = policyErrorDecision(env, error);
    }
    await store.assertExists();
    const decision = "conclusion" in loaded ? loaded : decideGate(await gatherGateFacts(store, loaded, env, /* @__PURE__ */ new Date()));
    context.stdout(flag(args, "json") ? json(decision) : renderGateText(decision));
    return decision.conclusion === "success" ? 0 : 1;
  }
};

// cli/commands/forget.ts
import { resolve as resolve10 } from "node:path";

// core/snapshot/forget-snapshots.ts
async function forgetSnapshots(store, plan, options) {
  let approvers = [];
  if (plan.tier0Drops.length > 0) {
    if (!options.approval) {
      throw new SnapgateError(
        "POLICY",
        `Forgetting ${plan.tier0Drops.length} tier-0 snapshot(s) of ${plan.environment} needs an approved request (${plan.requiredApprovals} approval(s), the requester excluded).`,
        {
          fix: "Ask for a forget request through the app for exactly these snapshots (`snapgate forget --dry-run --json` lists them), then pass --approval REQUEST-ID.",
          details: { snapshots: plan.tier0Drops }
        }
      );
    }
    approvers = checkApproval(options.approval, {
      action: "forget",
      environment: plan.environment,
      snapshots: plan.tier0Drops,
      policyDigest: options.policyDigest,
      requiredApprovals: plan.requiredApprovals,
      now: options.now
    }).approvers;
  }
  const tombstoneOf = (decision) => ({
    format: TOMBSTONE_FORMAT,
    stream: decision.stream,
    seq: decision.seq,
    snapshot: decision.id,
    time: decision.time,
    forgottenAt: options.now.toISOString(),
    reasons: decision.reasons,
    rules: plan.rules,
    approval: decision.tier0 ? options.approval?.id ?? null : null,
    policyDigest: options.policyDigest
  });
  const tombstones = [];
  const alreadyForgotten = [];
  for (let attempt = 1; ; attempt++) {
    const forgotten = await listForgotten(store);
    const pending = plan.drop.filter((decision) => {
      const done = forgotten.get(decision.stream)?.has(decision.seq) ?? false;
      if (done && !alreadyForgotten.includes(decision.id)) alreadyForgotten.push(decision.id);
      return !done;
    });
    try {
      await store.writeRecords(
        pending.map((decision) => ({
          path: tombstonePath(decision.stream, decision.seq),
          bytes: new TextEncoder().encode(`${JSON.stringify(tombstoneOf(decision), null, 2)}
`)
        }))
      );
      tombstones.push(...pending.map((decision) => tombstonePath(decision.stream, decision.seq)));
      break;
    } catch (error) {
      if (!isSnapgateError(error, "CONFLICT") || attempt >= 3) throw error;
    }
  }
  await appendAuditEvents(
    store,
    plan.drop.filter((decision) => !alreadyForgotten.includes(decision.id)).map((decision) => ({
      type: "snapshot.forgotten",
      time: options.now,
      actor: { kind: "cli", ...options.actor },
      subject: { stream: decision.stream, seq: decision.seq, snapshot: decision.id },
      details: {
        reasons: decision.reasons,
        rules: plan.rules,
        ...decision.tier0 && options.approval ? { approval: options.approval.id, approvers } : {}
      },
      ...decision.tier0 && options.approval ? { requestDigest: options.approval.digest } : {}
    }))
  );
  return { tombstones, alreadyForgotten, approvers };
}

// core/policy/retention/calendar-buckets.ts
var BUCKET_RULES = [
  "last",
  "hourly",
  "daily",
  "weekly",
  "monthly",
  "yearly"
];
var DAY_MS = 864e5;
function isoWeek(ms) {
  const date = new Date(ms);
  const midnight = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  const mondayBased = (date.getUTCDay() + 6) % 7;
  const thursday = midnight + (3 - mondayBased) * DAY_MS;
  const year = new Date(thursday).getUTCFullYear();
  const week = 1 + Math.floor((thursday - Date.UTC(year, 0, 1)) / DAY_MS / 7);
  return year * 100 + week;
}
function bucketOf(rule, ms, index) {
  const date = new Date(ms);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + 1;
  const day = date.getUTCDate();
  switch (rule) {
    case "last":
      return index;
    case "hourly":
      return year * 1e6 + month * 1e4 + day * 100 + date.getUTCHours();
    case "daily":
      return year * 1e4 + month * 100 + day;
    case "weekly":
      return isoWeek(ms);
    case "monthly":
      return year * 100 + month;
    case "yearly":
      return year;
  }
}
function bucketLabel(rule, ms) {
  const iso = new Date(ms).toISOString();
  switch (rule) {
    case "last":
      return "";
    case "hourly":
      return `hour ${iso.slice(0, 13)}h`;
    case "daily":
      return `day ${iso.slice(0, 10)}`;
    case "weekly": {
      const week = isoWeek(ms);
      return `week ${Math.floor(week / 100)}-W${String(week % 100).padStart(2, "0")}`;
    }
    case "monthly":
      return `month ${iso.slice(0, 7)}`;
    case "yearly":
      return `year ${iso.slice(0, 4)}`;
  }
}

// core/policy/retention/apply-retention.ts
function applyRetention(snapshots, retention, options) {
  const now = options.now.getTime();
  const keepOldest = options.keepOldest ?? true;
  const { keep, floor } = retention;
  const ordered = snapshots.map((snapshot, inputIndex) => {
    const ms = snapshot.time instanceof Date ? snapshot.time.getTime() : Date.parse(snapshot.time);
    if (Number.isNaN(ms)) {
      throw new SnapgateError(
        "INTEGRITY",
        `Snapshot ${snapshot.id} has the time '${String(snapshot.time)}', which is not a time.`,
        {
          fix: "Check the manifest and catalog of that snapshot with `snapgate verify`."
        }
      );
    }
    return { snapshot, ms, inputIndex };
  }).sort((a, b) => b.ms - a.ms || a.inputIndex - b.inputIndex);
  const counts = {
    last: keep.last,
    hourly: keep.hourly,
    daily: keep.daily,
    weekly: keep.weekly,
    monthly: keep.monthly,
    yearly: keep.yearly
  };
  const empty = BUCKET_RULES.every((rule) => counts[rule] === 0) && keep.withinMs === 0 && keep.tags.length === 0;
  let latest = Number.NEGATIVE_INFINITY;
  for (const { ms } of ordered) if (ms > latest && ms < now) latest = ms;
  const withinCutoff = latest - keep.withinMs;
  const lastBucket = {
    last: null,
    hourly: null,
    daily: null,
    weekly: null,
    monthly: null,
    yearly: null
  };
  const remaining = { ...counts };
  return ordered.map(({ snapshot, ms }, index) => {
    const kept = [];
    const notKept = [];
    const tags = snapshot.tags ?? [];
    const isOldest = index === ordered.length - 1;
    if (empty) {
      kept.push("no keep rules: keep all");
    } else {
      for (const tag of keep.tags) if (tags.includes(tag)) kept.push(`tag ${tag}`);
      if (keep.tags.length > 0 && !keep.tags.some((tag) => tags.includes(tag)))
        notKept.push(`tags: has none of ${keep.tags.join(", ")}`);
      if (keep.withinMs > 0) {
        if (ms > withinCutoff) kept.push(`within ${formatDuration(keep.withinMs)}`);
        else notKept.push(`within: older than ${formatDuration(keep.withinMs)} before the newest`);
      }
      for (const rule of BUCKET_RULES) {
        const count = counts[rule];
        if (count === 0) continue;
        if (remaining[rule] === 0) {
          notKept.push(`${rule}: all ${count} used by newer snapshots`);
          continue;
        }
        const bucket = bucketOf(rule, ms, index);
        const newBucket = bucket !== lastBucket[rule];
        if (newBucket || keepOldest && isOldest) {
          kept.push(newBucket ? rule : `oldest ${rule}`);
          lastBucket[rule] = bucket;
          if (remaining[rule] > 0) remaining[rule] -= 1;
        } else {
          notKept.push(`${rule}: ${bucketLabel(rule, ms)} has a newer snapshot`);
        }
      }
    }
    if (floor.legalHold) kept.push(`floor legal_hold (${floor.legalHold.reason})`);
    if (snapshot.legalHold) kept.push("floor legal_hold (snapshot)");
    if (index < floor.minCount) kept.push(`floor min_count ${floor.minCount}`);
    if (floor.minAgeMs > 0 && now - ms < floor.minAgeMs)
      kept.push(`floor min_age ${formatDuration(floor.minAgeMs)}`);
    for (const tag of floor.tags) if (tags.includes(tag)) kept.push(`floor tag ${tag}`);
    return {
      id: snapshot.id,
      time: new Date(ms).toISOString(),
      keep: kept.length > 0,
      reasons: kept.length > 0 ? kept : notKept
    };
  });
}

// core/policy/retention/retention-for-environment.ts
function retentionForEnvironment(policy, environment) {
  const tierName = policy.environments[environment]?.tier;
  const tier = tierName === void 0 ? void 0 : policy.tiers[tierName];
  if (!tier) {
    throw new SnapgateError("USAGE", `The policy has no environment '${environment}'.`, {
      fix: `Use one of: ${Object.keys(policy.environments).join(", ")}.`
    });
  }
  return tier.retention;
}

// core/snapshot/plan-forget.ts
async function planForget(options) {
  const { policy, environment } = options;
  const tierPolicy = retentionForEnvironment(policy, environment);
  const tierName = policy.environments[environment]?.tier;
  const tier = policy.tiers[tierName];
  if (!tier) {
    throw new SnapgateError("CONFIG", `The policy has no tier '${tierName}'.`, {
      fix: "Correct the environment's tier in the policy."
    });
  }
  await options.store.assertExists();
  const [entries, forgotten] = await Promise.all([
    readCatalog(options.store, environment),
    listForgotten(options.store, environment)
  ]);
  const seqs = forgotten.get(environment);
  const live = entries.filter((entry) => !seqs?.has(entry.seq));
  const retention = options.keep ? { keep: options.keep, floor: tierPolicy.floor } : tierPolicy;
  const byId = new Map(live.map((entry) => [entry.id, entry]));
  const decisions = applyRetention(
    live.map((entry) => ({ id: entry.id, time: entry.time, tags: entry.metadata.tags })),
    retention,
    { now: options.now, keepOldest: options.keepOldest }
  ).map((decision) => {
    const entry = byId.get(decision.id);
    return {
      ...decision,
      stream: entry.stream,
      seq: entry.seq,
      tier0: tier.level === 0 || holdsTier0Component(policy, environment, entry)
    };
  });
  const drop = decisions.filter((decision) => !decision.keep);
  return {
    environment,
    tier: tierName,
    rules: options.keep ? "flags" : "policy",
    retention,
    decisions,
    drop,
    tier0Drops: drop.filter((decision) => decision.tier0).map((decision) => decision.id),
    requiredApprovals: tier.approvals
  };
}
function holdsTier0Component(policy, environment, entry) {
  const environmentTier = policy.environments[environment]?.tier ?? null;
  return entry.components.some((name) => {
    const component = policy.components.find((candidate) => candidate.name === name);
    const tier = component?.tier ?? environmentTier;
    return tier !== null && policy.tiers[tier]?.level === 0;
  });
}

// cli/commands/forget.ts
var COUNT_FLAGS = ["last", "hourly", "daily", "weekly", "monthly", "yearly"];
function parseCount(text, name) {
  if (text === "unlimited") return -1;
  const value = /^-?\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < -1) {
    throw new SnapgateError("USAGE", `--keep-${name} '${text}' is not a count.`, {
      fix: `Give a whole number (0 turns the rule off), or unlimited (or --keep-${name}=-1) to keep all.`
    });
  }
  return value;
}
function parseWithin(text) {
  const ms = parseDuration(text);
  if (ms === null || ms === 0 || ms % 36e5 !== 0) {
    throw new SnapgateError("USAGE", `--keep-within '${text}' is not a whole number of hours.`, {
      fix: "Write e.g. 36h, 7d or 2w (units h, d, w). Unlike restic, m means minutes: write 30d for about a month."
    });
  }
  return ms;
}
function keepFromFlags(args) {
  const within = stringValue(args, "keep-within");
  const tags = listValue(args, "keep-tag");
  const given = COUNT_FLAGS.filter((name) => stringValue(args, `keep-${name}`) !== void 0);
  if (given.length === 0 && within === void 0 && tags.length === 0) return null;
  const count = (name) => {
    const text = stringValue(args, `keep-${name}`);
    return text === void 0 ? 0 : parseCount(text, name);
  };
  return {
    last: count("last"),
    hourly: count("hourly"),
    daily: count("daily"),
    weekly: count("weekly"),
    monthly: count("monthly"),
    yearly: count("yearly"),
    withinMs: within === void 0 ? 0 : parseWithin(within),
    tags
  };
}
function forgetJson(plan, dryRun, keepOldest, approval, outcome) {
  return {
    environment: plan.environment,
    tier: plan.tier,
    rules: plan.rules,
    dryRun,
    keepOldest,
    snapshots: plan.decisions.map((decision) => ({
      id: decision.id,
      seq: decision.seq,
      time: decision.time,
      keep: decision.keep,
      reasons: decision.reasons,
      tier0: decision.tier0
    })),
    keep: plan.decisions.filter((decision) => decision.keep).map((decision) => decision.id),
    remove: plan.drop.map((decision) => decision.id),
    tier0: { snapshots: plan.tier0Drops, requiredApprovals: plan.requiredApprovals },
    approval,
    tombstones: outcome?.tombstones ?? []
  };
}
function describe3(plan, dryRun, outcome) {
  const floor = plan.retention.floor;
  const floors = [
    floor.legalHold ? "legal_hold" : "",
    floor.minCount ? `min_count ${floor.minCount}` : "",
    floor.minAgeMs ? `min_age ${formatDuration(floor.minAgeMs)}` : "",
    floor.tags.length ? `tags ${floor.tags.join(",")}` : ""
  ].filter(Boolean);
  const lines = [
    `${plan.environment} (${plan.tier}): keep rules from ${plan.rules === "flags" ? "--keep-* flags" : `${plan.tier}'s retention`}${floors.length ? `; ${plan.tier}'s floors apply (${floors.join(", ")})` : ""}`
  ];
  for (const decision of plan.decisions) {
    lines.push(
      `${decision.keep ? "keep" : "drop"}  ${decision.stream}@${decision.seq}  ${shortId(decision.id)}  ${decision.time.replace(/\.000Z$/, "Z")}  ${decision.reasons.join("; ")}${!decision.keep && decision.tier0 ? "  [tier-0]" : ""}`
    );
  }
  const kept = plan.decisions.length - plan.drop.length;
  if (dryRun || !outcome) {
    lines.push(`${kept} kept, ${plan.drop.length} to forget (dry run: nothing written).`);
    if (plan.tier0Drops.length)
      lines.push(
        `${plan.tier0Drops.length} of them are tier-0: forgetting them needs --approval REQUEST-ID (${plan.requiredApprovals} approval(s)).`
      );
  } else {
    lines.push(
      `${kept} kept, ${outcome.tombstones.length} forgotten (tombstones written; manifests stay, so the chain still verifies).`
    );
    if (outcome.tombstones.length)
      lines.push(
        "Their blobs are deleted by `snapgate prune --grace 24h` once the grace period has passed."
      );
  }
  return `${lines.join("\n")}
`;
}
var forgetCommand = {
  name: "forget",
  summary: "Apply retention to an environment: keep or forget each snapshot (tombstones; blobs go with prune)",
  usage: "snapgate forget --store STORE --env ENV [--policy FILE] [--dry-run] [--keep-last N] [--keep-hourly N] [--keep-daily N] [--keep-weekly N] [--keep-monthly N] [--keep-yearly N] [--keep-within DUR] [--keep-tag T]... [--no-keep-oldest] [--approval ID] [--json]",
  help: [
    "--env ENV             the environment (its tier's retention applies)",
    POLICY_HELP,
    "--dry-run             print each snapshot kept or dropped, with the rule that decided; write nothing",
    "--keep-last N ... --keep-yearly N, --keep-within DUR, --keep-tag T",
    "                      restic's rules; any of them replaces the tier's keep rules (its floors still apply). N: a count, 0 off, unlimited (or =-1) all",
    "--no-keep-oldest      no 'oldest' keep (restic before 0.16)",
    "--root DIR            where .github/snapgate.yml is looked for (default: the working directory)",
    "--approval ID         the approved request (records/requests/ID.json) that allows forgetting tier-0 snapshots"
  ],
  options: {
    ...STORE_OPTION,
    ...POLICY_OPTION,
    env: { type: "string" },
    root: { type: "string" },
    "dry-run": { type: "boolean" },
    "keep-last": { type: "string" },
    "keep-hourly": { type: "string" },
    "keep-daily": { type: "string" },
    "keep-weekly": { type: "string" },
    "keep-monthly": { type: "string" },
    "keep-yearly": { type: "string" },
    "keep-within": { type: "string" },
    "keep-tag": { type: "string", multiple: true },
    "no-keep-oldest": { type: "boolean" },
    approval: { type: "string" }
  },
  async run(args, context) {
    const env = requireValue(args, "env", this, "Name the environment, e.g. --env prod.");
    const keep = keepFromFlags(args);
    const root = resolve10(context.cwd, stringValue(args, "root") ?? ".");
    const { policy } = await requireCliPolicy(args, context, root, "forget");
    const store = await openStore(args, context);
    const now = /* @__PURE__ */ new Date();
    const dryRun = flag(args, "dry-run");
    const keepOldest = !flag(args, "no-keep-oldest");
    const plan = await planForget({ store, policy, environment: env, now, keep, keepOldest });
    const approvalId = stringValue(args, "approval") ?? null;
    let outcome = null;
    if (!dryRun) {
      outcome = await forgetSnapshots(store, plan, {
        approval: approvalId && plan.tier0Drops.length ? await readApprovalRequest(store, approvalId) : null,
        policyDigest: `sha256:${policyDigest(policy)}`,
        now
      });
    }
    context.stdout(
      flag(args, "json") ? json(forgetJson(plan, dryRun, keepOldest, approvalId, outcome)) : describe3(plan, dryRun, outcome)
    );
    return 0;
  }
};

// core/snapshot/prune-blobs.ts
var key = (blob) => `${blob.id}-${blob.sha256}-${blob.encoding}`;
function blobKeys(manifest) {
  return manifest.files.flatMap(
    (file) => file.type === "file" ? [key({ id: file.blob, sha256: file.ciphertextSha256, encoding: file.encoding })] : []
  );
}
async function pruneBlobs(store, options) {
  await store.assertExists();
  const now = options.now.getTime();
  const forgotten = await listForgotten(store);
  const live = /* @__PURE__ */ new Set();
  const releasedAt = /* @__PURE__ */ new Map();
  const scanned = /* @__PURE__ */ new Map();
  for (const stream of await store.listStreams()) {
    const seqs = await store.listManifestSeqs(stream);
    scanned.set(stream, seqs.at(-1) ?? 0);
    const forgottenSeqs = forgotten.get(stream);
    await mapWithConcurrency(seqs, 16, async (seq) => {
      const bytes = await store.readManifest(stream, seq);
      if (!bytes) return;
      const where = `manifest ${stream}@${seq}`;
      let released = null;
      if (forgottenSeqs?.has(seq)) {
        try {
          const tombstone = await readTombstone(store, tombstonePath(stream, seq));
          if (tombstone.snapshot === sha256Hex(bytes)) released = Date.parse(tombstone.forgottenAt);
        } catch (error) {
          if (!isSnapgateError(error, "INTEGRITY")) throw error;
        }
      }
      if (released === null) {
        for (const blob of blobKeys(parseManifest(bytes, where))) live.add(blob);
        return;
      }
      let manifest;
      try {
        manifest = parseManifest(bytes, where);
      } catch {
        return;
      }
      for (const blob of blobKeys(manifest))
        releasedAt.set(blob, Math.max(releasedAt.get(blob) ?? 0, released));
    });
  }
  const stored = await store.listBlobs();
  const result = {
    dryRun: options.dryRun === true,
    graceMs: options.graceMs,
    blobs: stored.length,
    referenced: 0,
    deleted: [],
    waiting: [],
    spared: [],
    damaged: []
  };
  for (const blob of stored) {
    const ref = { id: blob.id, sha256: blob.sha256, encoding: blob.encoding };
    if (live.has(key(ref))) {
      result.referenced += 1;
      continue;
    }
    const released = releasedAt.get(key(ref));
    const since = released ?? blob.modifiedAt?.getTime() ?? null;
    const entry = {
      ...ref,
      reason: released === void 0 ? "orphan" : "forgotten",
      since: since === null ? null : new Date(since).toISOString()
    };
    if (since !== null && now - since >= options.graceMs) result.deleted.push(entry);
    else result.waiting.push(entry);
  }
  if (result.dryRun || result.deleted.length === 0) return result;
  const before = await newReferences(store, scanned);
  result.spared = result.deleted.filter((blob) => before.keys.has(key(blob))).map((blob) => blob.id);
  result.deleted = result.deleted.filter((blob) => !before.keys.has(key(blob)));
  await store.deleteBlobs(result.deleted);
  const after = await newReferences(store, before.scanned);
  const gone = new Set(result.deleted.map(key));
  result.damaged = after.manifests.map(({ stream, seq, keys }) => ({
    stream,
    seq,
    blobs: keys.filter((blob) => gone.has(blob)).map((blob) => blob.slice(0, 64))
  })).filter((entry) => entry.blobs.length > 0);
  await appendAuditEvents(store, [
    {
      type: "blobs.pruned",
      time: options.now,
      actor: { kind: "cli" },
      subject: { store: store.location },
      details: {
        deleted: result.deleted.length,
        forgotten: result.deleted.filter((blob) => blob.reason === "forgotten").length,
        orphans: result.deleted.filter((blob) => blob.reason === "orphan").length,
        graceMs: options.graceMs
      }
    }
  ]);
  return result;
}
async function newReferences(store, scanned) {
  const keys = /* @__PURE__ */ new Set();
  const manifests = [];
  const next = new Map(scanned);
  for (const stream of await store.listStreams()) {
    const seqs = (await store.listManifestSeqs(stream)).filter(
      (seq) => seq > (scanned.get(stream) ?? 0)
    );
    for (const seq of seqs) {
      const bytes = await store.readManifest(stream, seq);
      if (!bytes) continue;
      const found = blobKeys(parseManifest(bytes, `manifest ${stream}@${seq}`));
      found.forEach((blob) => keys.add(blob));
      manifests.push({ stream, seq, keys: found });
      next.set(stream, Math.max(next.get(stream) ?? 0, seq));
    }
  }
  return { keys, manifests, scanned: next };
}

// cli/commands/prune.ts
var pruneCommand = {
  name: "prune",
  summary: "Delete blobs no live snapshot references, once forgotten (or orphaned) longer than the grace period",
  usage: "snapgate prune --store STORE [--grace DUR] [--dry-run] [--json]",
  help: [
    "--grace DUR           how long a blob must have been unreferenced (default 24h; units s, m, h, d, w)",
    "--dry-run             list what would be deleted; delete nothing"
  ],
  options: { ...STORE_OPTION, grace: { type: "string" }, "dry-run": { type: "boolean" } },
  async run(args, context) {
    const graceText = stringValue(args, "grace") ?? "24h";
    const graceMs = parseDuration(graceText);
    if (graceMs === null) {
      throw new SnapgateError("USAGE", `--grace '${graceText}' is not a duration.`, {
        fix: "Write e.g. 24h, 2d or 30m (units s, m = minutes, h, d, w)."
      });
    }
    const store = await openStore(args, context);
    const result = await pruneBlobs(store, {
      graceMs,
      now: /* @__PURE__ */ new Date(),
      dryRun: flag(args, "dry-run")
    });
    if (flag(args, "json")) {
      context.stdout(json(result));
    } else {
      const count = (reason) => result.deleted.filter((b) => b.reason === reason).length;
      context.stdout(
        `${result.dryRun ? "Would delete" : "Deleted"} ${result.deleted.length} blob(s) (${count("forgotten")} of forgotten snapshots, ${count("orphan")} orphaned); ${result.waiting.length} unreferenced but within the ${formatDuration(graceMs)} grace period (or of unknown age); ${result.referenced} referenced by live snapshots.
`
      );
      if (result.spared.length)
        context.stdout(
          `Spared ${result.spared.length} blob(s) a snapshot taken meanwhile reuses.
`
        );
    }
    if (result.damaged.length > 0) {
      throw new SnapgateError(
        "INTEGRITY",
        `A snapshot committed while prune deleted blobs references ${result.damaged.reduce((n, d) => n + d.blobs.length, 0)} deleted blob(s): ${result.damaged.map((d) => `${d.stream}@${d.seq}`).join(", ")}.`,
        {
          fix: "Take a new snapshot of those environments (it stores the content again), and do not run prune while snapshots are being taken.",
          details: { damaged: result.damaged }
        }
      );
    }
    return 0;
  }
};

// cli/commands/doctor.ts
import { stat } from "node:fs/promises";
import { resolve as resolve11 } from "node:path";
async function checkLocalStore(path) {
  const info = await stat(path).catch(() => void 0);
  if (!info) {
    throw new SnapgateError("STORE_MISSING", `There is no store at ${path}.`, {
      fix: "Check --store."
    });
  }
  const writable = (info.mode & 18) !== 0;
  return [
    writable ? {
      check: "only the owner can write the store",
      ok: false,
      detail: `${path} has mode ${(info.mode & 511).toString(8)}: group or others can write it`,
      fix: `chmod go-w ${path}`
    } : {
      check: "only the owner can write the store",
      ok: true,
      detail: `mode ${(info.mode & 511).toString(8)}`
    }
  ];
}
var doctorCommand = {
  name: "doctor",
  summary: "Check the backup repository's protection (private, rulesets, who can push) and say what to fix",
  usage: "snapgate doctor --store github://OWNER/REPO[@branch] [--app-id ID] [--token T] [--json]",
  help: [
    "--store STORE     the backup repository (or a local store: its directory permissions)",
    "--app-id ID       the Snapgate App's id, which must be the only bypass actor",
    `exit codes: 0 all good, ${EXIT_PROBLEMS} something to fix`
  ],
  options: { ...STORE_OPTION, "app-id": { type: "string" } },
  async run(args, context) {
    const spec = storeSpec(args, context);
    const appIdText = stringValue(args, "app-id");
    const appId = appIdText === void 0 ? void 0 : Number(appIdText);
    if (appId !== void 0 && !Number.isInteger(appId)) {
      throw new SnapgateError("USAGE", `--app-id '${appIdText}' is not a number.`, {
        fix: "Give the App's numeric id (its settings page shows it)."
      });
    }
    let findings;
    if (spec.startsWith("github://")) {
      const { client, location } = await openGitHub(args, context);
      const { checkBackupRepository } = await import("../chunks/check-backup-repository-IDMOXDS2.js");
      findings = await checkBackupRepository(
        client,
        location,
        appId === void 0 ? {} : { appId }
      );
    } else {
      findings = await checkLocalStore(resolve11(context.cwd, spec));
    }
    const ok = findings.every((finding) => finding.ok === true);
    if (flag(args, "json")) {
      context.stdout(json({ ok, findings }));
    } else {
      context.stdout(
        renderTable(
          ["CHECK", "STATE", "DETAIL"],
          findings.map((f) => [
            f.check,
            f.ok === true ? "ok" : f.ok === false ? "FIX" : "unknown",
            f.detail
          ])
        )
      );
      for (const finding of findings)
        if (finding.fix && finding.ok !== true) context.stdout(`fix: ${finding.fix}
`);
    }
    return ok ? 0 : EXIT_PROBLEMS;
  }
};

// cli/commands/index.ts
var COMMANDS = [
  keygenCommand,
  snapshotCommand,
  listCommand,
  showCommand,
  diffCommand,
  verifyCommand,
  restoreCommand,
  coverageCommand,
  driftCommand,
  checkCommand,
  forgetCommand,
  pruneCommand,
  doctorCommand
];

// cli/main.ts
var EXIT_CODES = { USAGE: 64 };
function generalHelp() {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    "snapgate: encrypted, verifiable configuration backups",
    "",
    "Usage: snapgate <command> [options]",
    "",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Every command takes --json for machine-readable output and --help for its options.",
    "Run `snapgate help <command>` for details."
  ].join("\n") + "\n";
}
function commandHelp(command) {
  return [
    `${command.summary}.`,
    "",
    `Usage: ${command.usage}`,
    "",
    ...command.help.map((line) => `  ${line}`),
    "  --json                machine-readable output",
    ""
  ].join("\n");
}
async function main(argv, context) {
  const [name, ...rest] = argv;
  const wantsJson = argv.includes("--json");
  try {
    if (!name || name === "help" || name === "--help" || name === "-h") {
      const topic = COMMANDS.find((c) => c.name === rest[0]);
      context.stdout(topic ? commandHelp(topic) : generalHelp());
      return 0;
    }
    if (name === "--version" || name === "version") {
      context.stdout("snapgate 0.1.0\n");
      return 0;
    }
    const command = COMMANDS.find((c) => c.name === name);
    if (!command) {
      const suggestion = didYouMean(
        name,
        COMMANDS.map((c) => c.name)
      );
      throw new SnapgateError("USAGE", `'${name}' is not a snapgate command.`, {
        fix: suggestion ? `Did you mean \`snapgate ${suggestion}\`? Run \`snapgate help\` for the list.` : "Run `snapgate help` for the list of commands."
      });
    }
    const args = parseCommandArgs(command, rest);
    if (args.values.help === true) {
      context.stdout(commandHelp(command));
      return 0;
    }
    return await command.run(args, { ...context, interactive: context.interactive && !wantsJson });
  } catch (thrown) {
    const error = asSnapgateError(thrown);
    if (wantsJson) context.stdout(json({ ok: false, error: error.toJSON() }));
    context.stderr(
      `snapgate: ${error.summary.trimEnd()}
${error.fix ? `  fix: ${error.fix}
` : ""}`
    );
    if (error.code === "REMOTE" && context.env.SNAPGATE_DEBUG)
      context.stderr(`${String(thrown?.stack)}
`);
    return EXIT_CODES[error.code] ?? 1;
  }
}

// cli/index.ts
var code = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  interactive: Boolean(process.stderr.isTTY)
});
process.exitCode = code;
