import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  verifyAuditChain
} from "./chunk-YIECLJPX.js";
import {
  checkStreamChain
} from "./chunk-2IQQHDMM.js";
import {
  progressReporter
} from "./chunk-4N7WTXM3.js";
import {
  trustedKeys
} from "./chunk-5AV4R2DH.js";
import {
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
  requireValue,
  stringValue
} from "./chunk-6P64A6B4.js";
import "./chunk-S5A4YI2O.js";
import "./chunk-PCQS3LOH.js";
import "./chunk-CPZT5EG3.js";
import "./chunk-AYS4OF2G.js";
import {
  trustedWriterKeys
} from "./chunk-W3X2RYBW.js";
import {
  signatureProblem
} from "./chunk-4R5A4MEX.js";
import {
  formatBytes
} from "./chunk-AVGWXNWA.js";
import {
  blobRefOf
} from "./chunk-CY3L4U4E.js";
import {
  mapWithConcurrency
} from "./chunk-K3D2YTSH.js";
import "./chunk-PP22UWMA.js";
import {
  parseManifest,
  parseManifestNode
} from "./chunk-L3YJLP3Q.js";
import {
  loadSodium
} from "./chunk-AXJEESJ2.js";
import "./chunk-CU3A7CPO.js";
import "./chunk-MVZIGVV4.js";
import "./chunk-JAZ2OF6U.js";
import {
  RECORD_ROOTS
} from "./chunk-26DBSQQT.js";
import "./chunk-2NBA2BLU.js";
import "./chunk-ZITD4ZB6.js";
import "./chunk-K6EMEHOA.js";
import "./chunk-FHIUXZPM.js";
import "./chunk-RXFM76GD.js";
import "./chunk-6R3LO6XJ.js";
import "./chunk-54LOBW6C.js";
import "./chunk-4NNPXXFU.js";
import {
  sha256Hex
} from "./chunk-U2VA4CFL.js";
import {
  blobPath
} from "./chunk-ZUEUDRMP.js";
import {
  SnapgateError
} from "./chunk-6KERQ4ZL.js";
import "./chunk-H5NHOGLY.js";

// core/replicate/replicate-store.ts
var SNAPSHOT_BATCH = 100;
var DIVERGED_FIX = "The destination was written by something other than this replication (a snapshot taken into it, or a different source). Replicate into a new, empty store or repository, or, if the destination is the store you trust, swap --from and --to after comparing them with `snapgate list`.";
async function replicateStore(options) {
  const { from, to } = options;
  const progress = options.onProgress ?? (() => void 0);
  await from.assertExists();
  if (from.location === to.location) {
    throw new SnapgateError("USAGE", `--from and --to are the same store (${from.location}).`, {
      fix: "Name a second store with --to: another directory or github://OWNER/REPO."
    });
  }
  await to.initialize();
  const sourceAudit = await from.readAuditLines();
  const auditCheck = verifyAuditChain(sourceAudit);
  if (auditCheck.problems[0]) {
    throw new SnapgateError(
      "INTEGRITY",
      `The audit log of ${from.location} is broken at line ${auditCheck.problems[0].line}: ${auditCheck.problems[0].message}. Nothing was copied.`,
      {
        fix: "Run `snapgate audit verify` on the source and restore it from a good copy before replicating it; a broken chain must not spread to the replica."
      }
    );
  }
  const destAuditHead = await to.currentAuditHead();
  if (destAuditHead) {
    const line = sourceAudit[destAuditHead.seq - 1];
    const hash = line ? JSON.parse(line).hash : void 0;
    if (hash !== destAuditHead.hash) {
      throw new SnapgateError(
        "CONFLICT",
        `The audit log of ${to.location} has diverged from ${from.location}: its event ${destAuditHead.seq} is not the source's. Nothing was copied.`,
        { fix: DIVERGED_FIX, details: { kind: "diverged", what: "audit" } }
      );
    }
  }
  const streams = options.stream ? [options.stream] : [.../* @__PURE__ */ new Set([...await from.listStreams(), ...await to.listStreams()])].sort();
  const report = {
    from: from.location,
    to: to.location,
    streams: [],
    copied: { blobs: 0, nodes: 0, manifests: 0, records: 0, auditEvents: 0 },
    bytes: 0,
    verified: false
  };
  const planned = [];
  for (const stream of streams) {
    const snapshots = await planStream(options, stream);
    planned.push(...snapshots.planned);
    report.streams.push({
      stream,
      from: snapshots.sourceSeq,
      to: snapshots.destSeq,
      copied: snapshots.planned.length
    });
  }
  const have = new Set((await to.listBlobs()).map((blob) => blobPath(blob)));
  const wanted = /* @__PURE__ */ new Map();
  for (const snapshot of planned)
    for (const blob of snapshot.blobs)
      if (!have.has(blobPath(blob))) wanted.set(blobPath(blob), blob);
  if (!options.stream)
    for (const blob of await from.listBlobs()) {
      const { modifiedAt: _modifiedAt, ...ref } = blob;
      if (!have.has(blobPath(ref))) wanted.set(blobPath(ref), ref);
    }
  const blobs = [...wanted.values()];
  const batch = options.blobBatch ?? 256;
  if (blobs.length > 0 && !to.putBlobs) {
    throw new SnapgateError("USAGE", `${to.location} cannot take replicated blobs.`, {
      fix: "Replicate into a local directory or a GitHub backup repository."
    });
  }
  for (let start = 0; start < blobs.length; start += batch) {
    const slice = blobs.slice(start, start + batch);
    const read = await Promise.all(slice.map((blob) => from.readBlob(blob)));
    const staged = slice.map((blob, index) => {
      const ciphertext = read[index];
      if (!ciphertext || sha256Hex(ciphertext) !== blob.sha256) {
        throw new SnapgateError(
          "INTEGRITY",
          `The blob ${blobPath(blob)} in ${from.location} is ${ciphertext ? "damaged (its sha256 does not match its name)" : "missing"}. ${report.copied.blobs} blob(s) were copied before it; no snapshot that names it was.`,
          {
            fix: "Run `snapgate verify --all` on the source, repair it from another replica, and run replicate again (it resumes)."
          }
        );
      }
      report.bytes += ciphertext.length;
      return { ...blob, ciphertext };
    });
    await to.putBlobs?.(staged);
    report.copied.blobs += staged.length;
    progress("blobs", report.copied.blobs, blobs.length);
  }
  const runs = [];
  for (const snapshot of planned) {
    const last = runs.at(-1);
    if (to.commitSnapshotBatch && last && last[0]?.stream === snapshot.stream && last.length < SNAPSHOT_BATCH)
      last.push(snapshot);
    else runs.push([snapshot]);
  }
  for (const run of runs) {
    const first = run[0];
    const view = await to.beginWrite(first.stream);
    if ((view.head?.seq ?? 0) !== first.seq - 1 || (view.head?.sha256 ?? null) !== prevOf(first)) {
      await view.discard?.();
      throw new SnapgateError(
        "CONFLICT",
        `${to.location} changed while replicating: ${first.stream} is at seq ${view.head?.seq ?? 0}, not ${first.seq - 1}.`,
        {
          fix: "Another writer is using the destination: stop it, then run replicate again (it resumes)."
        }
      );
    }
    const time = /* @__PURE__ */ new Date();
    const commits = run.map((snapshot) => ({
      view,
      seq: snapshot.seq,
      manifest: snapshot.manifest,
      blobs: snapshot.blobs,
      ...snapshot.nodes.length > 0 ? { nodes: snapshot.nodes } : {},
      catalogEntry: snapshot.entry,
      auditLines: [],
      time
    }));
    const outcome = commits.length > 1 && to.commitSnapshotBatch ? await to.commitSnapshotBatch(commits) : await to.commitSnapshot(commits[0]);
    if (outcome !== "committed") {
      throw new SnapgateError(
        "CONFLICT",
        `${to.location} changed while replicating ${first.stream}@${first.seq}.`,
        {
          fix: "Another writer is using the destination: stop it, then run replicate again (it resumes)."
        }
      );
    }
    for (const snapshot of run) {
      report.copied.manifests += 1;
      report.copied.nodes += snapshot.nodes.length;
      report.bytes += snapshot.manifest.length + snapshot.nodes.reduce((sum, node) => sum + node.bytes.length, 0);
    }
    progress("snapshots", report.copied.manifests, planned.length);
  }
  const records = await missingRecords(options);
  if (records.length > 0) {
    await to.writeRecords(records);
    report.copied.records = records.length;
    report.bytes += records.reduce((sum, record) => sum + record.bytes.length, 0);
    progress("records", records.length, records.length);
  }
  const missingAudit = sourceAudit.slice(destAuditHead?.seq ?? 0);
  let head = destAuditHead;
  for (const group of byMonth(missingAudit)) {
    const outcome = await to.appendAudit(head, group.lines, group.time);
    if (outcome !== "committed") {
      throw new SnapgateError(
        "CONFLICT",
        `The audit log of ${to.location} changed while replicating.`,
        {
          fix: "Another writer is using the destination: stop it, then run replicate again (it resumes)."
        }
      );
    }
    const last = JSON.parse(group.lines.at(-1));
    head = { seq: last.seq, hash: last.hash };
    report.copied.auditEvents += group.lines.length;
    report.bytes += group.lines.reduce((sum, line) => sum + line.length + 1, 0);
    progress("audit", report.copied.auditEvents, missingAudit.length);
  }
  if (options.verify) {
    await verifyReplica(options, streams);
    report.verified = true;
  }
  return report;
}
function prevOf(snapshot) {
  return JSON.parse(Buffer.from(snapshot.manifest).toString("utf8")).prev;
}
async function planStream(options, stream) {
  const { from, to } = options;
  const [sourceSeqs, destSeqs] = await Promise.all([
    from.listManifestSeqs(stream),
    to.listManifestSeqs(stream)
  ]);
  const sourceSeq = sourceSeqs.at(-1) ?? 0;
  const destSeq = destSeqs.at(-1) ?? 0;
  let prev = null;
  if (destSeq > 0) {
    const [mine, theirs] = await Promise.all([
      to.readManifest(stream, destSeq),
      from.readManifest(stream, destSeq)
    ]);
    if (!theirs || !mine || sha256Hex(mine) !== sha256Hex(theirs)) {
      throw new SnapgateError(
        "CONFLICT",
        `${to.location} has diverged from ${from.location}: ${stream}@${destSeq} ${theirs ? "differs between them" : "exists only in the destination"}. Nothing was copied.`,
        { fix: DIVERGED_FIX, details: { kind: "diverged", what: `${stream}@${destSeq}` } }
      );
    }
    prev = sha256Hex(mine);
  }
  const catalog = new Map((await from.readCatalog(stream)).map((entry) => [entry.seq, entry]));
  const tombstoned = new Set((await from.readStreamIndex(stream)).tombstoneSeqs);
  const planned = [];
  for (let seq = destSeq + 1; seq <= sourceSeq; seq++) {
    const where = `${stream}@${seq} in ${from.location}`;
    const refuse = (message, fix) => {
      throw new SnapgateError(
        "INTEGRITY",
        `${where} ${message}. Nothing from ${stream}@${seq} on was copied.`,
        { fix, details: { kind: "chain", stream, seq } }
      );
    };
    const bytes = await from.readManifest(stream, seq);
    if (!bytes)
      refuse(
        "is missing: the chain has a gap",
        "Repair the source (`snapgate verify --all` names what is wrong) and replicate again."
      );
    const manifest = bytes;
    const record = parseManifest(manifest, `manifest ${where}`);
    if (record.stream !== stream || record.seq !== seq)
      refuse(
        `says it is ${record.stream}@${record.seq}`,
        "The source's manifests were moved or altered: do not replicate it until `snapgate verify --all` passes."
      );
    if (record.prev !== prev)
      refuse(
        `does not link to ${stream}@${seq - 1} (its prev is not that manifest's sha256)`,
        "The source's chain is broken: run `snapgate verify --all` on it and repair it from another replica."
      );
    const forgotten = tombstoned.has(seq);
    const nodes = [];
    const files = "files" in record ? record.files : [];
    if (!("files" in record) && record.nodes) {
      const ids = [...new Set(record.nodes)];
      const read = await Promise.all(ids.map((id) => from.readNode(id)));
      for (const [index, id] of ids.entries()) {
        const node = read[index];
        if (!node) {
          if (forgotten) continue;
          refuse(
            `names node ${id.slice(0, 12)}, which is missing`,
            "Repair the source from another replica, or forget the snapshot, then replicate again."
          );
        }
        files.push(...parseManifestNode(node, id, `manifest ${where}`).files);
        nodes.push({ id, bytes: node });
      }
    }
    const problem = signatureProblem(
      options.sodium,
      { ...record, files },
      options.trustedKeys,
      `manifest ${where}`,
      options.writerPeriods ?? []
    );
    if (problem) refuse(`is not acceptable: ${problem.message}`, problem.fix);
    const entry = catalog.get(seq);
    if (!entry || entry.id !== sha256Hex(manifest))
      refuse(
        "has no catalog line naming it",
        "Run `snapgate doctor` on the source (it repairs the catalog), then replicate again."
      );
    const blobs = [];
    const seen = /* @__PURE__ */ new Set();
    for (const file of files) {
      if (file.type !== "file") continue;
      const ref = blobRefOf(file);
      if (!seen.has(blobPath(ref))) {
        seen.add(blobPath(ref));
        blobs.push(ref);
      }
    }
    planned.push({
      stream,
      seq,
      manifest,
      nodes,
      // A forgotten snapshot's blobs may be pruned: those the source still has are copied.
      blobs: forgotten ? await presentBlobs(from, blobs) : blobs,
      entry
    });
    prev = sha256Hex(manifest);
  }
  return { planned, sourceSeq, destSeq };
}
async function presentBlobs(store, blobs) {
  const present = new Set((await store.listBlobs()).map((blob) => blobPath(blob)));
  return blobs.filter((blob) => present.has(blobPath(blob)));
}
async function missingRecords(options) {
  const { from, to } = options;
  const prefixes = options.stream ? RECORD_ROOTS.map((root) => `${root}/${options.stream}`) : [...RECORD_ROOTS];
  const paths = [];
  for (const prefix of prefixes) {
    const [source, dest] = await Promise.all([from.listRecords(prefix), to.listRecords(prefix)]);
    const present = new Set(dest);
    paths.push(...source.filter((path) => !present.has(path) && path.endsWith(".json")));
  }
  const bytes = await mapWithConcurrency(paths, 16, (path) => from.readRecord(path));
  return paths.flatMap((path, index) => {
    const record = bytes[index];
    return record ? [{ path, bytes: record }] : [];
  });
}
function byMonth(lines) {
  const groups = [];
  for (const line of lines) {
    const time = new Date(JSON.parse(line).time);
    const month = time.toISOString().slice(0, 7);
    const last = groups.at(-1);
    if (last && month <= last.month) last.lines.push(line);
    else groups.push({ month, time, lines: [line] });
  }
  return groups;
}
async function verifyReplica(options, streams) {
  const { to } = options;
  const failed = (message) => {
    throw new SnapgateError("INTEGRITY", `The replica ${to.location} ${message}.`, {
      fix: "Run `snapgate verify --all --store` on the replica to see every problem, then run replicate again.",
      details: { kind: "verify" }
    });
  };
  const present = new Set((await to.listBlobs()).map((blob) => blobPath(blob)));
  for (const stream of streams) {
    const seqs = await to.listManifestSeqs(stream);
    const chain = await checkStreamChain(to, stream, seqs.at(-1) ?? 0);
    if (chain.state === "broken") failed(`has a broken chain: ${chain.detail}`);
    const tombstoned = new Set((await to.readStreamIndex(stream)).tombstoneSeqs);
    for (const seq of seqs) {
      if (tombstoned.has(seq)) continue;
      const record = parseManifest(
        await to.readManifest(stream, seq),
        `${stream}@${seq}`
      );
      const files = "files" in record ? record.files : (await Promise.all(
        (record.nodes ?? []).map(async (id) => {
          const node = await to.readNode(id);
          if (!node) failed(`lacks node ${id.slice(0, 12)} of ${stream}@${seq}`);
          return parseManifestNode(node, id, `${stream}@${seq}`).files;
        })
      )).flat();
      for (const file of files)
        if (file.type === "file" && !present.has(blobPath(blobRefOf(file))))
          failed(`lacks the blob of ${file.path} in ${stream}@${seq}`);
    }
  }
  const audit = verifyAuditChain(await to.readAuditLines());
  if (audit.problems[0]) failed(`has a broken audit chain: ${audit.problems[0].message}`);
}

// cli/commands/replicate.ts
var { store: _store, ...STORE_OPTIONS_BUT_STORE } = STORE_OPTION;
var replicateCommand = {
  name: "replicate",
  summary: "Copy what a second store lacks (blobs, manifests, catalog, records, audit), checking signatures and chains",
  usage: "snapgate replicate --from STORE --to STORE [--env ENV] [--verify] [--verify-key sgw1... | --policy FILE] [--json]",
  help: [
    "--from STORE        the store to copy from: a directory, github://OWNER/REPO[@branch] or s3://BUCKET/PREFIX",
    "--to STORE          the replica: created if new; must hold a prefix of the source's chains (else refused)",
    "--env ENV           only this environment: its manifests, their blobs and its records (the audit log is store-wide and always copied)",
    "--verify            afterwards re-read the replica: every chain, the audit chain, every blob its snapshots name",
    "--verify-key KEY    a trusted writer verify key (repeatable; or SNAPGATE_VERIFY_KEYS); default: the policy's keys.writers",
    "--policy FILE       trust the policy's keys.writers (default: .github/snapgate.yml, when it exists)",
    "idempotent and resumable: a second run copies nothing; after a crash, run it again",
    "order: blobs, then manifest nodes, then roots with catalog and head, then records, then audit (ADR 1401)"
  ],
  json: "`{from, to, streams: [{stream, from, to, copied}], copied: {blobs, nodes, manifests, records, auditEvents}, bytes, verified}` (`streams[].from`/`to`: the newest seq in each store before the run)",
  options: {
    from: { type: "string" },
    to: { type: "string" },
    env: { type: "string" },
    verify: { type: "boolean" },
    "verify-key": { type: "string", multiple: true },
    // Both stores' options but --store; the Object Lock options only matter where it writes, the replica.
    ...STORE_OPTIONS_BUT_STORE,
    ...POLICY_OPTION
  },
  async run(args, context) {
    const fromSpec = requireValue(args, "from", this, "Name the store to copy from.");
    const toSpec = requireValue(args, "to", this, "Name the replica to copy into.");
    const storeArgs = (spec) => ({ ...args, values: { ...args.values, store: spec } });
    const [from, to] = await Promise.all([
      openStore(storeArgs(fromSpec), context),
      openStore(storeArgs(toSpec), context)
    ]);
    let keys = trustedKeys(args, context);
    let periods = [];
    if (keys.length === 0) {
      const loaded = await loadCliPolicy(args, context, context.cwd);
      keys = trustedWriterKeys([], loaded?.policy ?? null);
      periods = loaded?.policy.keys.writers ?? [];
    }
    if (keys.length === 0) {
      throw new SnapgateError(
        "USAGE",
        "replicate checks every manifest's signature and has no writer key to trust.",
        {
          fix: "Pass --verify-key sgw1... (or SNAPGATE_VERIFY_KEYS), or run it where .github/snapgate.yml lists keys.writers (or pass --policy FILE)."
        }
      );
    }
    const asJson = flag(args, "json");
    const redraw = progressReporter(context, true);
    const logged = /* @__PURE__ */ new Set();
    const stream = stringValue(args, "env");
    const report = await replicateStore({
      from,
      to,
      sodium: await loadSodium(),
      trustedKeys: keys,
      writerPeriods: periods,
      ...stream ? { stream } : {},
      verify: flag(args, "verify"),
      onProgress: (phase, done, total) => {
        redraw(phase, done, total);
        if (!context.interactive && done === total && !logged.has(phase)) {
          logged.add(phase);
          context.stderr(`replicate: ${phase} ${done}/${total}
`);
        }
      }
    });
    if (asJson) {
      context.stdout(json(report));
      return 0;
    }
    for (const entry of report.streams)
      context.stdout(
        `${entry.stream}: ${entry.copied === 0 ? "up to date" : `copied ${entry.copied} snapshot(s)`} (source at ${entry.from}, replica was at ${entry.to})
`
      );
    const { copied } = report;
    context.stdout(
      `Copied ${copied.blobs} blob(s), ${copied.nodes} node(s), ${copied.manifests} manifest(s), ${copied.records} record(s), ${copied.auditEvents} audit event(s) (${formatBytes(report.bytes)}) from ${report.from} to ${report.to}.${report.verified ? " Verified the replica." : ""}
`
    );
    return 0;
  }
};
export {
  replicateCommand
};
