import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  canonicalJson
} from "./chunk-2NBA2BLU.js";
import {
  sha256Hex
} from "./chunk-U2VA4CFL.js";

// core/audit/verify-audit-chain.ts
function verifyAuditChain(lines) {
  const problems = [];
  let prev = null;
  for (const [index, line] of lines.entries()) {
    let event;
    try {
      event = JSON.parse(line);
    } catch {
      problems.push({ line: index + 1, message: "not valid JSON" });
      break;
    }
    const { hash, ...unhashed } = event;
    if (sha256Hex(canonicalJson(unhashed)) !== hash) {
      problems.push({
        line: index + 1,
        message: `event ${event.seq} was altered (its hash does not match its content)`
      });
      break;
    }
    if (event.prev !== (prev?.hash ?? null) || event.seq !== (prev?.seq ?? 0) + 1) {
      problems.push({
        line: index + 1,
        message: `event ${event.seq} does not follow event ${prev?.seq ?? "(none)"}: an event was removed, inserted or reordered`
      });
      break;
    }
    prev = { seq: event.seq, hash };
  }
  return { events: lines.length, problems };
}

export {
  verifyAuditChain
};
