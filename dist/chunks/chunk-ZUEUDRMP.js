import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);

// core/store/store.ts
function blobDirectoryOf(id) {
  return id.slice(0, 2);
}
var BLOB_DIRECTORIES = Array.from(
  { length: 256 },
  (_, index) => index.toString(16).padStart(2, "0")
);
function blobPath(blob) {
  const set = blob.recipientSet ? `-${blob.recipientSet}` : "";
  return `blobs/${blobDirectoryOf(blob.id)}/${blob.id}-${blob.sha256}${set}${blob.encoding === "gzip" ? ".gz" : ""}.age`;
}
var BLOB_FILE_NAME = /^([0-9a-f]{64})-([0-9a-f]{64})(?:-([0-9a-f]{32}))?(\.gz)?\.age$/;
function parseBlobFileName(name) {
  const match = BLOB_FILE_NAME.exec(name);
  if (!match?.[1] || !match[2]) return void 0;
  return {
    id: match[1],
    sha256: match[2],
    encoding: match[4] ? "gzip" : "none",
    ...match[3] ? { recipientSet: match[3] } : {}
  };
}
function blobLookupKey(id, recipientSet) {
  return `${id}/${recipientSet ?? ""}`;
}
function nodePath(id) {
  return `nodes/${id.slice(0, 2)}/${id}.json`;
}
function gzipNodePath(id) {
  return `${nodePath(id)}.gz`;
}
var NODE_FILE_NAME = /^([0-9a-f]{64})\.json(?:\.gz)?$/;
function parseNodeFileName(name) {
  return NODE_FILE_NAME.exec(name)?.[1];
}
function manifestPath(stream, seq) {
  return `manifests/${stream}/${String(seq).padStart(10, "0")}.json`;
}
function catalogPath(stream, written) {
  const month = String(written.getUTCMonth() + 1).padStart(2, "0");
  return `catalog/${stream}/${written.getUTCFullYear()}-${month}.jsonl`;
}
function headPath(stream) {
  return `heads/${stream}.json`;
}
function headPointerText(commit) {
  const nodes = commit.nodes?.map((node) => node.id);
  return JSON.stringify({ seq: commit.seq, id: commit.catalogEntry.id, ...nodes ? { nodes } : {} }) + "\n";
}
function headNodesOf(text) {
  try {
    const head = JSON.parse(text ?? "");
    const nodes = head.nodes;
    if (typeof head.seq === "number" && Array.isArray(nodes) && nodes.every((id) => typeof id === "string" && /^[0-9a-f]{64}$/.test(id)))
      return { seq: head.seq, nodes };
  } catch {
  }
  return void 0;
}
var AUDIT_HEAD_PATH = "audit/head.json";
function auditPath(time) {
  const month = String(time.getUTCMonth() + 1).padStart(2, "0");
  return `audit/${time.getUTCFullYear()}/${month}.jsonl`;
}
var STORE_FORMAT = "snapgate.store/v1";
function s3CatalogEntryPath(stream, seq, written) {
  return `${catalogPath(stream, written).replace(/\.jsonl$/, "")}/${String(seq).padStart(10, "0")}.jsonl`;
}
function s3AuditBatchPath(firstSeq) {
  return `audit/log/${String(firstSeq).padStart(10, "0")}.jsonl`;
}
function s3DoctorProbePath(nonce) {
  return `locks/doctor-probe/${nonce}`;
}
function keyTime(time) {
  return time.toISOString().replace(/[-:]/g, "");
}
function s3CommitIntentPath(time, nonce) {
  return `locks/_commit/${keyTime(time)}-${nonce}`;
}
function s3PruneMarkPath(time, nonce, done = false) {
  return `locks/_prune/${keyTime(time)}-${nonce}${done ? "-done" : ""}`;
}
function s3ClaimProbePath(nonce) {
  return `locks/cas-probe/${nonce}`;
}

export {
  blobDirectoryOf,
  BLOB_DIRECTORIES,
  blobPath,
  parseBlobFileName,
  blobLookupKey,
  nodePath,
  gzipNodePath,
  parseNodeFileName,
  manifestPath,
  catalogPath,
  headPath,
  headPointerText,
  headNodesOf,
  AUDIT_HEAD_PATH,
  auditPath,
  STORE_FORMAT,
  s3CatalogEntryPath,
  s3AuditBatchPath,
  s3DoctorProbePath,
  s3CommitIntentPath,
  s3PruneMarkPath,
  s3ClaimProbePath
};
