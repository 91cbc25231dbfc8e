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
function parseAuditHeadPointer(bytes) {
  if (!bytes) return null;
  const head = auditHeadOfLine(Buffer.from(bytes).toString("utf8"));
  return head ?? null;
}

export {
  canonicalJson,
  chainAuditEvents,
  auditHeadOfLine,
  parseAuditHeadPointer
};
