import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  readDrillRecord
} from "./chunk-PD42TAJT.js";
import {
  drillPath,
  parseDrillPath
} from "./chunk-NG32LOAZ.js";
import {
  judgeCoverage
} from "./chunk-73STOSWY.js";
import {
  restoreSnapshot
} from "./chunk-EIINNPMH.js";
import {
  loadSnapshot
} from "./chunk-QNEOUFJD.js";
import {
  appendAuditEvents
} from "./chunk-I227H2ZL.js";
import {
  resolveSnapshot
} from "./chunk-DPHRPEIS.js";
import {
  readCatalog
} from "./chunk-WSRUPF57.js";
import {
  openManifest
} from "./chunk-7BAZV6R7.js";
import {
  loadSodium
} from "./chunk-AXJEESJ2.js";
import {
  writerSigner
} from "./chunk-JAZ2OF6U.js";
import {
  canonicalJson
} from "./chunk-2NBA2BLU.js";
import {
  SnapgateError,
  isSnapgateError
} from "./chunk-6KERQ4ZL.js";

// core/operations/run-drill.ts
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

// core/operations/compare-with-baseline.ts
function compareWithBaseline(current, baseline, baselinePath) {
  const before = new Map(baseline.files.map((file) => [file.path, file]));
  const after = new Map(current.files.map((file) => [file.path, file]));
  const changed = /* @__PURE__ */ new Set();
  const label = (component) => component ?? "(no component)";
  const missing = [...before.keys()].filter((path) => !after.has(path)).sort();
  const extra = [...after.keys()].filter((path) => !before.has(path)).sort();
  for (const path of missing) changed.add(label(before.get(path)?.component ?? null));
  for (const path of extra) changed.add(label(after.get(path)?.component ?? null));
  for (const [path, file] of after) {
    const old = before.get(path);
    if (old && (old.blob !== file.blob || old.component !== file.component)) {
      changed.add(label(file.component));
      if (old.component !== file.component) changed.add(label(old.component));
    }
  }
  return {
    drill: baselinePath,
    missing,
    extra,
    changedComponents: [...changed].sort(),
    validationOutputDiffers: (current.validation?.outputSha256 ?? null) !== (baseline.validation?.outputSha256 ?? null)
  };
}

// core/operations/drill-record.ts
var DRILL_FORMAT = "snapgate.drill/v1";

// core/operations/last-change-time.ts
var MAX_MANIFESTS = 50;
function fingerprint(files) {
  return files.map(
    (file) => file.type === "file" ? `${file.path}\0${file.blob}\0${file.mode}` : `${file.path}\0->${file.target}`
  ).sort().join("\n");
}
async function lastChangeTime(store, entries, snapshot) {
  const target = fingerprint(snapshot.files);
  const effective = (m) => Math.min(Date.parse(m.time), Date.parse(m.writtenAt));
  let since = effective(snapshot);
  const earlier = entries.filter((entry) => entry.seq < snapshot.seq).sort((a, b) => b.seq - a.seq).slice(0, MAX_MANIFESTS);
  for (const entry of earlier) {
    const bytes = await store.readManifest(entry.stream, entry.seq);
    if (!bytes) break;
    const manifest = await openManifest(store, bytes, `manifest ${entry.stream}@${entry.seq}`);
    if (fingerprint(manifest.files) !== target) break;
    since = Math.min(since, effective(manifest));
  }
  return new Date(since).toISOString();
}

// core/operations/run-validation.ts
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
var VALIDATION_OUTPUT_LIMIT = 64 * 1024;
function runValidation(options) {
  const started = options.clock();
  const hash = createHash("sha256");
  const kept = [];
  let keptBytes = 0;
  let truncated = false;
  const collect = (chunk) => {
    hash.update(chunk);
    const room = VALIDATION_OUTPUT_LIMIT - keptBytes;
    if (chunk.length > room) truncated = true;
    if (room > 0) {
      kept.push(chunk.subarray(0, room));
      keptBytes += Math.min(room, chunk.length);
    }
  };
  return new Promise((resolvePromise) => {
    let timedOut = false;
    const child = spawn("/bin/sh", ["-c", options.command], {
      cwd: options.cwd,
      env: { ...options.env, SNAPGATE_DRILL_DIR: options.cwd },
      detached: true,
      stdio: ["ignore", "pipe", "pipe"]
    });
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid !== void 0) process.kill(-child.pid, "SIGKILL");
      } catch {
        child.kill("SIGKILL");
      }
    }, options.timeoutMs);
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    const finish = (exitCode, extra) => {
      clearTimeout(timer);
      if (extra) collect(Buffer.from(extra));
      const output = Buffer.concat(kept).toString("utf8");
      resolvePromise({
        command: options.command,
        exitCode: timedOut ? null : exitCode,
        timedOut,
        durationMs: Math.max(0, Math.round(options.clock() - started)),
        output,
        outputSha256: hash.digest("hex"),
        outputTruncated: truncated
      });
    };
    child.on("error", (error) => finish(null, `could not start: ${error.message}
`));
    child.on("close", (code) => finish(code));
  });
}

// core/operations/sign-drill-record.ts
function signDrillRecord(sodium, body, writer) {
  const signer = writerSigner(sodium, writer);
  const signature = sodium.crypto_sign_detached(
    new TextEncoder().encode(canonicalJson(body)),
    signer.signingSecretKey
  );
  return {
    ...body,
    signature: {
      alg: "ed25519",
      key: signer.verifyKey,
      value: Buffer.from(signature).toString("base64")
    }
  };
}

// core/operations/run-drill.ts
var GAP_LINE = /^SNAPGATE_GAP (missing-dependency|outdated-secret|out-of-scope|other):\s*(.+?)\s*$/gm;
async function runDrill(options) {
  const clock = options.clock ?? (() => Date.now());
  const { store, stream } = options;
  const tierName = options.policy?.environments[stream]?.tier ?? null;
  const tier = tierName ? options.policy?.tiers[tierName] : void 0;
  const entry = await resolveSnapshot(store, options.snapshot ?? "latest", { stream });
  if (entry.stream !== stream) {
    throw new SnapgateError(
      "USAGE",
      `Snapshot ${entry.id.slice(0, 12)} is of ${entry.stream}, not ${stream}.`,
      { fix: `Drill ${entry.stream} (--env ${entry.stream}) or name a snapshot of ${stream}.` }
    );
  }
  const loaded = await loadSnapshot(store, entry);
  const baseline = await findBaseline(store, stream, options.baseline, options.trustedKeys);
  const owned = options.target === void 0;
  const target = options.target ?? await mkdtemp(join(tmpdir(), "snapgate-drill-"));
  const started = clock();
  const gaps = [];
  let restored = true;
  let validation = null;
  try {
    try {
      await restoreSnapshot({
        store,
        snapshot: loaded,
        opener: options.opener,
        trustedKeys: options.trustedKeys,
        target,
        ...options.workerUrl ? { workerUrl: options.workerUrl } : {}
      });
    } catch (error) {
      if (!isSnapgateError(error) || error.code !== "INTEGRITY") throw error;
      restored = false;
      gaps.push({ kind: "restore", message: error.summary.slice(0, 2e3) });
    }
    if (restored && options.validate) {
      validation = await runValidation({
        command: options.validate,
        cwd: target,
        timeoutMs: options.timeoutMs,
        env: options.env,
        clock
      });
      for (const match of validation.output.matchAll(GAP_LINE)) {
        gaps.push({ kind: match[1], message: (match[2] ?? "").slice(0, 2e3) });
      }
    }
  } finally {
    if (owned) await rm(target, { recursive: true, force: true });
  }
  const finished = clock();
  const manifest = loaded.manifest;
  const files = manifest.files.map((file) => ({
    path: file.path,
    blob: file.type === "file" ? file.blob : null,
    component: file.component ?? null
  }));
  if (options.policy) {
    for (const file of files.filter((f) => f.component === null).slice(0, 200))
      gaps.push({
        kind: "out-of-scope",
        message: "restored, but in no component of the policy (no owner, no tier)",
        path: file.path
      });
    const coverage = judgeCoverage(
      options.policy,
      stream,
      files.flatMap((file) => file.component ? [file.component] : []),
      null
    );
    for (const name of coverage.missingComponents)
      gaps.push({ kind: "missing-component", message: `required component ${name} has no file` });
  }
  const snapshotTime = Math.min(Date.parse(manifest.time), Date.parse(manifest.writtenAt));
  const lastChangeAt = await lastChangeTime(store, await readCatalog(store, stream), manifest);
  const rtoMs = Math.max(0, Math.round(finished - started));
  const ageMs = Math.max(0, Math.round(started - snapshotTime));
  const rto = { ms: rtoMs, slaMs: tier?.rtoMs ?? null, met: judge(rtoMs, tier?.rtoMs) };
  const rpo = {
    snapshotAgeMs: ageMs,
    lastChangeAt,
    sinceLastChangeMs: Math.max(0, Math.round(started - Date.parse(lastChangeAt))),
    slaMs: tier?.rpoMs ?? null,
    met: judge(ageMs, tier?.rpoMs)
  };
  const ok = restored && (validation === null || validation.exitCode === 0 && !validation.timedOut);
  const body = {
    format: DRILL_FORMAT,
    stream,
    snapshot: loaded.id,
    seq: manifest.seq,
    snapshotTime: new Date(snapshotTime).toISOString(),
    tier: tierName,
    scope: "config",
    time: new Date(started).toISOString(),
    finishedAt: new Date(finished).toISOString(),
    ok,
    slaMet: rto.met === null && rpo.met === null ? null : rto.met !== false && rpo.met !== false,
    files,
    validation,
    rto,
    rpo,
    baseline: null,
    gaps: gaps.slice(0, 1e3)
  };
  if (baseline) body.baseline = compareWithBaseline(body, baseline.record, baseline.path);
  if (options.actor?.login)
    body.ranBy = {
      login: options.actor.login,
      ...options.actor.id !== void 0 ? { id: options.actor.id } : {}
    };
  const record = signDrillRecord(await loadSodium(), body, options.writerKey);
  const path = drillPath(stream, new Date(started), ok, loaded.id);
  await store.writeRecords([
    { path, bytes: new TextEncoder().encode(`${JSON.stringify(record, null, 2)}
`) }
  ]);
  await appendAuditEvents(store, [
    {
      type: "drill.recorded",
      time: new Date(finished),
      actor: options.actor ?? { kind: "cli" },
      subject: { stream, seq: manifest.seq, snapshot: loaded.id, drill: path },
      details: { ok, slaMet: body.slaMet, rtoMs, rpoMs: ageMs, gaps: body.gaps.length }
    }
  ]);
  return { path, record, target: owned ? null : target };
}
function judge(value, limit) {
  return limit === void 0 ? null : value <= limit;
}
async function findBaseline(store, stream, named, trustedKeys) {
  if (named !== void 0) {
    const path = named.startsWith("drills/") ? named : `drills/${stream}/${named}`;
    const name = parseDrillPath(path.endsWith(".json") ? path : `${path}.json`);
    if (!name || name.stream !== stream) {
      throw new SnapgateError(
        "USAGE",
        `--baseline '${named}' does not name a drill of ${stream}.`,
        {
          fix: `Give a drill record's path as \`snapgate drill\` prints it (drills/${stream}/<time>-ok-<snapshot>.json) or its file name.`
        }
      );
    }
    const read = await readDrillRecord(store, name.path, trustedKeys);
    if (!read.ok) {
      throw new SnapgateError(
        read.reason === "missing" ? "NOT_FOUND" : "INTEGRITY",
        `The baseline drill cannot be used: ${read.detail}.`,
        {
          fix: "Name another drill (`snapgate health --env` lists the newest), or leave --baseline out to use the newest passing one."
        }
      );
    }
    return { path: name.path, record: read.record };
  }
  const names = (await store.listRecords(`drills/${stream}`)).map((path) => parseDrillPath(path)).filter((name) => name !== void 0 && name.ok).sort((a, b) => a.time < b.time ? 1 : -1);
  for (const name of names.slice(0, 10)) {
    const read = await readDrillRecord(store, name.path, trustedKeys);
    if (read.ok) return { path: name.path, record: read.record };
  }
  return null;
}

export {
  runDrill
};
