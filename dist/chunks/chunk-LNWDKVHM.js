import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  parseVerifyKey
} from "./chunk-JAZ2OF6U.js";
import {
  canonicalJson
} from "./chunk-2NBA2BLU.js";

// core/rekey/rewrap-record.ts
function rewrapRecordPath(old) {
  return `rewraps/${old.id}/${old.sha256}.json`;
}

// core/rekey/trusted-rewrap-record.ts
function trustedRewrapRecord(sodium, bytes, trustedKeys) {
  let record;
  try {
    record = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return void 0;
  }
  const isRef = (ref) => typeof ref === "object" && ref !== null && /^[0-9a-f]{64}$/.test(String(ref.id)) && /^[0-9a-f]{64}$/.test(String(ref.sha256)) && (ref.encoding === "gzip" || ref.encoding === "none");
  if (record?.format !== "snapgate.rewrap/v1" || !isRef(record.old) || !isRef(record.new)) {
    return void 0;
  }
  const { signature, ...body } = record;
  if (signature?.alg !== "ed25519" || !trustedKeys.includes(signature.key)) return void 0;
  try {
    const ok = sodium.crypto_sign_verify_detached(
      Buffer.from(signature.value, "base64"),
      new TextEncoder().encode(canonicalJson(body)),
      parseVerifyKey(signature.key)
    );
    return ok ? record : void 0;
  } catch {
    return void 0;
  }
}

export {
  rewrapRecordPath,
  trustedRewrapRecord
};
