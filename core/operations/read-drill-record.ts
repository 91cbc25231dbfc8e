import type { ValidateFunction } from "ajv/dist/2020.js";
import { canonicalJson } from "../crypto/canonical-json.js";
import { loadSodium } from "../crypto/sodium.js";
import { parseVerifyKey } from "../crypto/writer-key.js";
import validateDrill from "../generated/drill-validator.js";
import { JsonSchemaValidator } from "../json-schema-validator.js";
import type { Store } from "../store/store.js";
import { parseDrillPath } from "./drill-path.js";
import type { DrillRecord } from "./drill-record.js";

const validator = new JsonSchemaValidator<DrillRecord>(
  () => validateDrill as unknown as ValidateFunction,
);

export type DrillRead =
  | { ok: true; record: DrillRecord }
  | { ok: false; reason: "missing" | "unreadable" | "unsigned" | "mismatch"; detail: string };

/**
 * Reads one drill record and trusts it only when it is well formed, its name
 * agrees with its content, and its signature verifies with one of the trusted
 * writer keys: anyone who can write the store could otherwise fake a drill.
 */
export async function readDrillRecord(
  store: Store,
  path: string,
  trustedKeys: readonly string[],
): Promise<DrillRead> {
  const bytes = await store.readRecord(path);
  if (!bytes) return { ok: false, reason: "missing", detail: `${path} is not in the store` };
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(bytes).toString("utf8"));
  } catch {
    value = undefined;
  }
  const checked = validator.check(value);
  if (!checked.ok) {
    const first = checked.problems[0];
    return {
      ok: false,
      reason: "unreadable",
      detail: `${path} is not a drill record${first ? ` (${first.instancePath} ${first.message})` : ""}`,
    };
  }
  const record = checked.value;
  const name = parseDrillPath(path);
  if (
    !name ||
    name.stream !== record.stream ||
    name.snapshot !== record.snapshot ||
    name.ok !== record.ok ||
    Date.parse(name.time) !== Date.parse(record.time)
  ) {
    return { ok: false, reason: "mismatch", detail: `${path} does not say what its name says` };
  }
  const { signature, ...body } = record;
  if (!trustedKeys.includes(signature.key)) {
    return {
      ok: false,
      reason: "unsigned",
      detail: `${path} is signed by ${signature.key.slice(0, 16)}..., which is not a trusted writer key`,
    };
  }
  const sodium = await loadSodium();
  let valid: boolean;
  try {
    valid = sodium.crypto_sign_verify_detached(
      Buffer.from(signature.value, "base64"),
      new TextEncoder().encode(canonicalJson(body)),
      parseVerifyKey(signature.key),
    );
  } catch {
    valid = false;
  }
  return valid
    ? { ok: true, record }
    : { ok: false, reason: "unsigned", detail: `${path}: the signature does not match the record` };
}
