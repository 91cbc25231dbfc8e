import { canonicalJson } from "../crypto/canonical-json.js";
import { parseVerifyKey } from "../crypto/writer-key.js";
import type { Sodium } from "../crypto/sodium.js";
import type { BlobRef } from "../store/store.js";
import type { RewrapRecord } from "./rewrap-record.js";

/** The record when its shape holds and a trusted key signed it; undefined otherwise. */
export function trustedRewrapRecord(
  sodium: Sodium,
  bytes: Uint8Array,
  trustedKeys: readonly string[],
): RewrapRecord | undefined {
  let record: RewrapRecord;
  try {
    record = JSON.parse(new TextDecoder().decode(bytes)) as RewrapRecord;
  } catch {
    return undefined;
  }
  const isRef = (ref: unknown): ref is BlobRef =>
    typeof ref === "object" &&
    ref !== null &&
    /^[0-9a-f]{64}$/.test(String((ref as BlobRef).id)) &&
    /^[0-9a-f]{64}$/.test(String((ref as BlobRef).sha256)) &&
    ((ref as BlobRef).encoding === "gzip" || (ref as BlobRef).encoding === "none");
  if (record?.format !== "snapgate.rewrap/v1" || !isRef(record.old) || !isRef(record.new)) {
    return undefined;
  }
  const { signature, ...body } = record;
  if (signature?.alg !== "ed25519" || !trustedKeys.includes(signature.key)) return undefined;
  try {
    const ok = sodium.crypto_sign_verify_detached(
      Buffer.from(signature.value, "base64"),
      new TextEncoder().encode(canonicalJson(body)),
      parseVerifyKey(signature.key),
    );
    return ok ? record : undefined;
  } catch {
    return undefined;
  }
}
