import {
  MANIFEST_V2_FORMAT,
  type Manifest,
  type ManifestBody,
  type ManifestRoot,
  type ManifestRootBody,
} from "../types.js";
import { canonicalJson } from "./canonical-json.js";
import { parseVerifyKey, writerSigner, type WriterKey } from "./writer-key.js";
import type { Sodium } from "./sodium.js";

/** Signs the canonical JSON of the manifest body (everything but the signature); a v2 root signs its node ids. */
export function signManifest(
  sodium: Sodium,
  body: ManifestRootBody,
  writer: WriterKey,
): ManifestRoot;
export function signManifest(sodium: Sodium, body: ManifestBody, writer: WriterKey): Manifest;
export function signManifest(
  sodium: Sodium,
  body: ManifestBody | ManifestRootBody,
  writer: WriterKey,
): Manifest | ManifestRoot {
  const message = new TextEncoder().encode(canonicalJson(body));
  const signer = writerSigner(sodium, writer);
  const signature = sodium.crypto_sign_detached(message, signer.signingSecretKey);
  return {
    ...body,
    signature: {
      alg: "ed25519",
      key: signer.verifyKey,
      value: Buffer.from(signature).toString("base64"),
    },
  };
}

export type SignatureCheck =
  { ok: true; key: string } | { ok: false; reason: "unknown-key" | "bad-signature"; key: string };

/** Checks a manifest's signature against the trusted verify keys (sgw1...). */
export function verifyManifestSignature(
  sodium: Sodium,
  manifest: Manifest,
  trustedKeys: readonly string[],
): SignatureCheck {
  const { signature, ...whole } = manifest;
  const body = signedBody(whole);
  const key = signature?.key ?? "";
  if (!trustedKeys.includes(key)) return { ok: false, reason: "unknown-key", key };
  const message = new TextEncoder().encode(canonicalJson(body));
  let valid: boolean;
  try {
    valid =
      signature.alg === "ed25519" &&
      sodium.crypto_sign_verify_detached(
        Buffer.from(signature.value, "base64"),
        message,
        parseVerifyKey(key),
      );
  } catch {
    valid = false;
  }
  return valid ? { ok: true, key } : { ok: false, reason: "bad-signature", key };
}

/**
 * What the writer signed. A v2 manifest is read with its nodes' files added;
 * the signature covers the root, whose node ids (checked against each node's
 * sha256 when read) cover those files.
 */
function signedBody(body: ManifestBody): object {
  if (body.format !== MANIFEST_V2_FORMAT) return body;
  const { files: _files, ...root } = body;
  return root;
}
