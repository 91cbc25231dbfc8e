import { canonicalJson } from "../crypto/canonical-json.js";
import type { Sodium } from "../crypto/sodium.js";
import { writerSigner, type WriterKey } from "../crypto/writer-key.js";
import type { DrillBody, DrillRecord } from "./drill-record.js";

/** Signs a drill record as a manifest is signed: the writer key, over the canonical JSON of the body. */
export function signDrillRecord(sodium: Sodium, body: DrillBody, writer: WriterKey): DrillRecord {
  const signer = writerSigner(sodium, writer);
  const signature = sodium.crypto_sign_detached(
    new TextEncoder().encode(canonicalJson(body)),
    signer.signingSecretKey,
  );
  return {
    ...body,
    signature: {
      alg: "ed25519",
      key: signer.verifyKey,
      value: Buffer.from(signature).toString("base64"),
    },
  };
}
