import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  SnapgateError
} from "./chunk-6KERQ4ZL.js";

// core/store/parse-catalog-lines.ts
function parseCatalogLines(texts) {
  const entries = [];
  for (const text of texts) {
    for (const line of text.split("\n")) {
      if (line.trim() === "") continue;
      try {
        entries.push(JSON.parse(line));
      } catch {
        continue;
      }
    }
  }
  return entries.sort((a, b) => a.seq - b.seq);
}

// core/store/store.ts
function blobPath(blob) {
  return `blobs/${blob.id.slice(0, 2)}/${blob.id}-${blob.sha256}${blob.encoding === "gzip" ? ".gz" : ""}.age`;
}
var BLOB_FILE_NAME = /^([0-9a-f]{64})-([0-9a-f]{64})(\.gz)?\.age$/;
function parseBlobFileName(name) {
  const match = BLOB_FILE_NAME.exec(name);
  if (!match?.[1] || !match[2]) return void 0;
  return { id: match[1], sha256: match[2], encoding: match[3] ? "gzip" : "none" };
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
var AUDIT_HEAD_PATH = "audit/head.json";
function auditPath(time) {
  const month = String(time.getUTCMonth() + 1).padStart(2, "0");
  return `audit/${time.getUTCFullYear()}/${month}.jsonl`;
}
var STORE_FORMAT = "snapgate.store/v1";

// core/store/record-path.ts
var RECORD_ROOTS = [
  "verifications",
  "tombstones",
  "requests",
  "approvals",
  "drills"
];
var SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._@:-]{0,127}$/;
function assertRecordPath(path) {
  const segments = path.split("/");
  const ok = segments.length >= 2 && RECORD_ROOTS.includes(segments[0] ?? "") && segments.every((segment) => SEGMENT.test(segment) && segment !== "." && segment !== "..");
  if (!ok) {
    throw new SnapgateError("UNSAFE_PATH", `'${path}' is not a valid record path.`, {
      fix: `Record paths are <${RECORD_ROOTS.join("|")}>/<name>... with letters, digits, '.', '_', '-', ':' and '@'.`
    });
  }
}

export {
  parseCatalogLines,
  blobPath,
  parseBlobFileName,
  manifestPath,
  catalogPath,
  headPath,
  AUDIT_HEAD_PATH,
  auditPath,
  STORE_FORMAT,
  assertRecordPath
};
