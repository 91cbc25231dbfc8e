import { canonicalJson } from "../crypto/canonical-json.js";
import { writerSigner, type WriterKey } from "../crypto/writer-key.js";
import type { Sodium } from "../crypto/sodium.js";
import type { RewrapRecord, RewrapRecordBody } from "./rewrap-record.js";

/** Signs a re-wrap record with the writer key, over its canonical JSON (as manifests are). */
export function signRewrapRecord(
  sodium: Sodium,
  body: RewrapRecordBody,
  writer: WriterKey,
): RewrapRecord {
  const signer = writerSigner(sodium, writer);
  const value = sodium.crypto_sign_detached(
    new TextEncoder().encode(canonicalJson(body)),
    signer.signingSecretKey,
  );
  return {
    ...body,
    signature: {
      alg: "ed25519",
      key: signer.verifyKey,
      value: Buffer.from(value).toString("base64"),
    },
  };
}
