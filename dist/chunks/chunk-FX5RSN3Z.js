import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  SIGNOFF_ROLES,
  drillSignoffPath
} from "./chunk-RVXFVMQY.js";
import {
  parseAppVerifyKey
} from "./chunk-WPITP5OQ.js";
import {
  canonicalJson
} from "./chunk-2NBA2BLU.js";

// core/operations/drill-signoff-record.ts
var DRILL_SIGNOFF_FORMAT = "snapgate.drill-signoff/v1";
function signedBytes(body) {
  return new TextEncoder().encode(canonicalJson(body));
}
function openDrillSignoff(sodium, bytes, expected, appKeys) {
  const path = drillSignoffPath(expected.drill, expected.role);
  const refuse = (detail) => ({ state: "untrusted", path, detail });
  let record;
  try {
    record = JSON.parse(Buffer.from(bytes).toString("utf8"));
  } catch {
    return refuse(`${path} is not JSON`);
  }
  const { signature, ...body } = record ?? {};
  if (!signature || signature.alg !== "ed25519" || typeof signature.value !== "string")
    return refuse(`${path} is not signed by the Snapgate App`);
  if (!appKeys.includes(signature.key))
    return refuse(`${path} is signed by a key that is not an app key of the policy (keys.app)`);
  let valid;
  try {
    valid = sodium.crypto_sign_verify_detached(
      Buffer.from(signature.value, "base64"),
      signedBytes(body),
      parseAppVerifyKey(signature.key)
    );
  } catch {
    valid = false;
  }
  if (!valid) return refuse(`${path}: its signature does not match its contents (it was altered)`);
  if (body.format !== DRILL_SIGNOFF_FORMAT || body.drill !== expected.drill || body.role !== expected.role || typeof body.by?.login !== "string" || typeof body.at !== "string")
    return refuse(`${path} is not the drill and role its path names`);
  return { state: "signed", record };
}

// core/operations/read-drill-signoffs.ts
async function readDrillSignoffs(store, sodium, drill, appKeys, listed) {
  const reads = await Promise.all(
    SIGNOFF_ROLES.map(async (role) => {
      const path = drillSignoffPath(drill, role);
      if (listed && !listed.has(path)) return null;
      const bytes = await store.readRecord(path);
      return bytes ? openDrillSignoff(sodium, bytes, { drill, role }, appKeys) : null;
    })
  );
  return { ops: reads[0] ?? null, security: reads[1] ?? null };
}

export {
  readDrillSignoffs
};
