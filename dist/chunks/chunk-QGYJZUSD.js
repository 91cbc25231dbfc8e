import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  bech32
} from "./chunk-RJWDBZ2U.js";
import {
  SnapgateError
} from "./chunk-6KERQ4ZL.js";

// core/crypto/writer-key.ts
import { hkdfSync, randomBytes } from "node:crypto";
var WRITER_KEY_PREFIX = "SNAPGATE-WRITER-KEY-";
var VERIFY_KEY_PREFIX = "sgw";
function derive(secret, purpose) {
  return new Uint8Array(
    hkdfSync("sha256", secret, new Uint8Array(0), `snapgate/v1/${purpose}`, 32)
  );
}
function generateWriterKeyText() {
  return bech32.encodeFromBytes(WRITER_KEY_PREFIX, new Uint8Array(randomBytes(32))).toUpperCase();
}
function encodeVerifyKey(publicKey) {
  return bech32.encodeFromBytes(VERIFY_KEY_PREFIX, publicKey);
}
function parseVerifyKey(text) {
  const trimmed = text.trim();
  try {
    const decoded = bech32.decodeToBytes(trimmed);
    if (decoded.prefix === VERIFY_KEY_PREFIX && decoded.bytes.length === 32) return decoded.bytes;
  } catch {
  }
  throw new SnapgateError(
    "CONFIG",
    `'${trimmed.slice(0, 24)}' is not a Snapgate writer verify key.`,
    {
      fix: "Use the sgw1... key printed by `snapgate keygen --writer` (it is public; put it in the policy's keys.writers)."
    }
  );
}
function parseWriterKey(text, source) {
  const line = text.split(/\r?\n/).map((l) => l.trim()).find((l) => l !== "" && !l.startsWith("#"));
  let secret;
  if (line?.startsWith(`${WRITER_KEY_PREFIX}1`)) {
    try {
      const decoded = bech32.decodeToBytes(line);
      if (decoded.bytes.length === 32) secret = decoded.bytes;
    } catch {
      secret = void 0;
    }
  }
  if (!secret) {
    throw new SnapgateError("CONFIG", `${source} does not hold a Snapgate writer key.`, {
      fix: "Create one with `snapgate keygen --writer --out FILE` and pass --writer-key FILE or set SNAPGATE_WRITER_KEY to its contents."
    });
  }
  return { macKey: derive(secret, "blob-id"), signingSeed: derive(secret, "manifest-signing") };
}
var signers = /* @__PURE__ */ new WeakMap();
function writerSigner(sodium, key) {
  let signer = signers.get(key);
  if (!signer) {
    const pair = sodium.crypto_sign_seed_keypair(key.signingSeed);
    signer = { signingSecretKey: pair.privateKey, verifyKey: encodeVerifyKey(pair.publicKey) };
    signers.set(key, signer);
  }
  return signer;
}
function formatWriterKeyFile(keyText, verifyKey, created) {
  return `# created: ${created.toISOString().replace(/\.\d{3}Z$/, "Z")}
# verify key: ${verifyKey}
${keyText}
`;
}

export {
  generateWriterKeyText,
  parseVerifyKey,
  parseWriterKey,
  writerSigner,
  formatWriterKeyFile
};
