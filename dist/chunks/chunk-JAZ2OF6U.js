import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  describeKeyText,
  keyKind
} from "./chunk-54LOBW6C.js";
import {
  bech32
} from "./chunk-4NNPXXFU.js";
import {
  SnapgateError
} from "./chunk-6KERQ4ZL.js";

// core/crypto/writer-key.ts
import { hkdfSync, randomBytes } from "node:crypto";

// core/crypto/decode-bech32-key.ts
function decodeBech32Key(text, prefix, from = "value") {
  const candidate = from === "key-file" ? text.split(/\r?\n/).map((line) => line.trim()).find((line) => line !== "" && !line.startsWith("#")) : text.trim();
  if (!candidate) return void 0;
  try {
    const decoded = bech32.decodeToBytes(candidate);
    return decoded.prefix.toLowerCase() === prefix.toLowerCase() && decoded.bytes.length === 32 ? decoded.bytes : void 0;
  } catch {
    return void 0;
  }
}

// core/crypto/writer-key.ts
var WRITER_KEY_PREFIX = "SNAPGATE-WRITER-KEY-";
var VERIFY_KEY_PREFIX = "sgw";
function deriveSubkey(secret, purpose) {
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
  const key = decodeBech32Key(trimmed, VERIFY_KEY_PREFIX);
  if (key) return key;
  const described = describeKeyText(trimmed);
  throw new SnapgateError(
    "CONFIG",
    `${described[0]?.toUpperCase()}${described.slice(1)} is not a valid Snapgate writer verify key.`,
    {
      fix: `${keyKind(trimmed)?.secret ? "A secret key does not belong there (rotate it if it was shared). " : ""}Use the sgw1... key printed by \`snapgate keygen --writer\` (it is public; put it in the policy's keys.writers).`
    }
  );
}
function parseWriterKey(text, source) {
  const secret = decodeBech32Key(text, WRITER_KEY_PREFIX, "key-file");
  if (!secret) {
    throw new SnapgateError("CONFIG", `${source} does not hold a Snapgate writer key.`, {
      fix: "Create one with `snapgate keygen --writer --out FILE` and pass --writer-key FILE or set SNAPGATE_WRITER_KEY to its contents."
    });
  }
  return {
    macKey: deriveSubkey(secret, "blob-id"),
    signingSeed: deriveSubkey(secret, "manifest-signing")
  };
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
  decodeBech32Key,
  deriveSubkey,
  generateWriterKeyText,
  parseVerifyKey,
  parseWriterKey,
  writerSigner,
  formatWriterKeyFile
};
