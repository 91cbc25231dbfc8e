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

// core/crypto/age-keys.ts
import { randomBytes } from "node:crypto";
var RECIPIENT_PREFIX = "age";
var IDENTITY_PREFIX = "AGE-SECRET-KEY-";
function decodeBech32(text, prefix) {
  try {
    const decoded = bech32.decodeToBytes(text);
    if (decoded.prefix.toLowerCase() !== prefix.toLowerCase() || decoded.bytes.length !== 32) {
      return void 0;
    }
    return decoded.bytes;
  } catch {
    return void 0;
  }
}
function encodeRecipient(publicKey) {
  return bech32.encodeFromBytes(RECIPIENT_PREFIX, publicKey);
}
function encodeIdentity(secretKey) {
  return bech32.encodeFromBytes(IDENTITY_PREFIX, secretKey).toUpperCase();
}
function parseRecipient(text) {
  const trimmed = text.trim();
  const key = trimmed.startsWith("age1") ? decodeBech32(trimmed, RECIPIENT_PREFIX) : void 0;
  if (!key) {
    const described = describeKeyText(trimmed);
    throw new SnapgateError(
      "CONFIG",
      `${described[0]?.toUpperCase()}${described.slice(1)} is not a valid age X25519 recipient.`,
      {
        fix: `${keyKind(trimmed)?.secret ? "A secret key does not belong there (rotate it if it was shared). " : ""}Give the public key printed by \`snapgate keygen\` or \`age-keygen\`: it starts with age1 and is 62 characters long.`
      }
    );
  }
  return key;
}
function parseIdentities(text, source) {
  const keys = [];
  const lines = text.split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const key = line.startsWith("AGE-SECRET-KEY-1") ? decodeBech32(line, IDENTITY_PREFIX) : void 0;
    if (!key) {
      throw new SnapgateError("CONFIG", `${source} line ${index + 1} is not an age identity.`, {
        fix: "An identity line starts with AGE-SECRET-KEY-1 (from `snapgate keygen` or `age-keygen`). Post-quantum and plugin identities are not supported."
      });
    }
    keys.push(key);
  }
  if (keys.length === 0) {
    throw new SnapgateError("CONFIG", `${source} holds no age identity.`, {
      fix: "Point --identity at the file written by `snapgate keygen --out FILE` (or `age-keygen -o FILE`)."
    });
  }
  return keys;
}
function recipientOfSecretKey(sodium, secretKey) {
  return encodeRecipient(sodium.crypto_scalarmult_base(secretKey));
}
function generateAgeKeyPair(sodium) {
  const secretKey = new Uint8Array(randomBytes(32));
  return {
    identity: encodeIdentity(secretKey),
    recipient: recipientOfSecretKey(sodium, secretKey)
  };
}
function formatIdentityFile(pair, created) {
  return `# created: ${created.toISOString().replace(/\.\d{3}Z$/, "Z")}
# public key: ${pair.recipient}
${pair.identity}
`;
}

export {
  encodeRecipient,
  parseRecipient,
  parseIdentities,
  generateAgeKeyPair,
  formatIdentityFile
};
