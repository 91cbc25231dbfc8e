import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  MANIFEST_V2_FORMAT
} from "./chunk-MVZIGVV4.js";
import {
  parseVerifyKey,
  writerSigner
} from "./chunk-JAZ2OF6U.js";
import {
  canonicalJson
} from "./chunk-2NBA2BLU.js";

// core/crypto/manifest-signature.ts
function signManifest(sodium, body, writer) {
  const message = new TextEncoder().encode(canonicalJson(body));
  const signer = writerSigner(sodium, writer);
  const signature = sodium.crypto_sign_detached(message, signer.signingSecretKey);
  return {
    ...body,
    signature: {
      alg: "ed25519",
      key: signer.verifyKey,
      value: Buffer.from(signature).toString("base64")
    }
  };
}
function verifyManifestSignature(sodium, manifest, trustedKeys) {
  const { signature, ...whole } = manifest;
  const body = signedBody(whole);
  const key = signature?.key ?? "";
  if (!trustedKeys.includes(key)) return { ok: false, reason: "unknown-key", key };
  const message = new TextEncoder().encode(canonicalJson(body));
  let valid;
  try {
    valid = signature.alg === "ed25519" && sodium.crypto_sign_verify_detached(
      Buffer.from(signature.value, "base64"),
      message,
      parseVerifyKey(key)
    );
  } catch {
    valid = false;
  }
  return valid ? { ok: true, key } : { ok: false, reason: "bad-signature", key };
}
function signedBody(body) {
  if (body.format !== MANIFEST_V2_FORMAT) return body;
  const { files: _files, ...root } = body;
  return root;
}

export {
  signManifest,
  verifyManifestSignature
};
