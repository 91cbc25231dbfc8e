import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  sha256Hex
} from "./chunk-U2VA4CFL.js";
import {
  SnapgateError
} from "./chunk-6KERQ4ZL.js";

// node_modules/canonicalize/lib/canonicalize.js
function hasLoneSurrogate(value) {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code >= 55296 && code <= 56319) {
      if (i === value.length - 1) {
        return true;
      }
      const next = value.charCodeAt(i + 1);
      if (!(next >= 56320 && next <= 57343)) {
        return true;
      }
      i++;
    } else if (code >= 56320 && code <= 57343) {
      return true;
    }
  }
  return false;
}
function canonicalize(object, seen = /* @__PURE__ */ new Set()) {
  if (typeof object === "number" && isNaN(object)) {
    throw new Error("NaN is not allowed");
  }
  if (typeof object === "number" && !isFinite(object)) {
    throw new Error("Infinity is not allowed");
  }
  if (typeof object === "string" && hasLoneSurrogate(object)) {
    throw new Error("Lone surrogate is not allowed");
  }
  if (object === null || typeof object !== "object") {
    return JSON.stringify(object);
  }
  if (typeof object.toJSON === "function") {
    if (seen.has(object)) {
      throw new Error("Circular reference detected");
    }
    seen.add(object);
    const result2 = canonicalize(object.toJSON(), seen);
    seen.delete(object);
    return result2;
  }
  if (seen.has(object)) {
    throw new Error("Circular reference detected");
  }
  seen.add(object);
  let result;
  if (Array.isArray(object)) {
    const values = object.map((cv) => {
      const value = cv === void 0 || typeof cv === "symbol" ? null : cv;
      return canonicalize(value, seen);
    });
    result = `[${values.join(",")}]`;
  } else {
    const parts = [];
    for (const key of Object.keys(object).sort()) {
      if (object[key] === void 0 || typeof object[key] === "symbol") {
        continue;
      }
      parts.push(`${canonicalize(key)}:${canonicalize(object[key], seen)}`);
    }
    result = `{${parts.join(",")}}`;
  }
  seen.delete(object);
  return result;
}

// core/crypto/canonical-json.ts
function canonicalJson(value) {
  const text = canonicalize(value);
  if (text === void 0) {
    throw new SnapgateError("INTEGRITY", "A value could not be serialised as canonical JSON.", {
      fix: "This is a bug: report the command you ran."
    });
  }
  return text;
}

// core/audit/audit-event.ts
function chainAuditEvents(head, inputs) {
  const lines = [];
  let current = head;
  for (const input of inputs) {
    const unhashed = {
      v: 1,
      seq: (current?.seq ?? 0) + 1,
      time: input.time.toISOString(),
      type: input.type,
      actor: input.actor,
      subject: input.subject,
      ...input.details ? { details: input.details } : {},
      ...input.deliveryId ? { deliveryId: input.deliveryId } : {},
      ...input.requestDigest ? { requestDigest: input.requestDigest } : {},
      prev: current?.hash ?? null
    };
    const hash = sha256Hex(canonicalJson(unhashed));
    lines.push(canonicalJson({ ...unhashed, hash }));
    current = { seq: unhashed.seq, hash };
  }
  return { lines, head: current };
}
function auditHeadOfLine(line) {
  try {
    const event = JSON.parse(line);
    if (typeof event.seq === "number" && typeof event.hash === "string") {
      return { seq: event.seq, hash: event.hash };
    }
  } catch {
    return void 0;
  }
  return void 0;
}

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
  canonicalJson,
  chainAuditEvents,
  auditHeadOfLine,
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
