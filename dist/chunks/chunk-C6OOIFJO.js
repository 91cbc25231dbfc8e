import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  base64nopad,
  bech32
} from "./chunk-RJWDBZ2U.js";
import {
  SnapgateError
} from "./chunk-6KERQ4ZL.js";

// core/crypto/sodium.ts
var ready;
function loadSodium() {
  ready ??= import("./libsodium-wrappers-COM6L5OD.js").then(async (module) => {
    const sodium = module.default ?? module;
    await sodium.ready;
    return sodium;
  });
  return ready;
}

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
    const shown = trimmed.length > 20 ? `${trimmed.slice(0, 20)}...` : trimmed;
    throw new SnapgateError("CONFIG", `'${shown}' is not an age X25519 recipient.`, {
      fix: "Give the public key printed by `snapgate keygen` or `age-keygen`: it starts with age1 and is 62 characters long."
    });
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

// core/crypto/age-x25519.ts
import { createCipheriv, createDecipheriv, hkdfSync, randomFillSync } from "node:crypto";
var X25519_LABEL = "age-encryption.org/v1/X25519";
var ZERO_NONCE = new Uint8Array(12);
var POOL_SIZE = 32 * 1024;
var pool = new Uint8Array(0);
var poolOffset = POOL_SIZE;
function ephemeralScalar() {
  if (poolOffset + 32 > pool.length) {
    pool = randomFillSync(new Uint8Array(POOL_SIZE));
    poolOffset = 0;
  }
  const scalar = pool.slice(poolOffset, poolOffset + 32);
  pool.fill(0, poolOffset, poolOffset + 32);
  poolOffset += 32;
  return scalar;
}
function wrapKey(sharedSecret, share, recipient) {
  const salt = Buffer.concat([share, recipient]);
  return Buffer.from(hkdfSync("sha256", sharedSecret, salt, X25519_LABEL, 32));
}
var SodiumX25519Recipient = class {
  constructor(sodium, age, publicKey) {
    this.sodium = sodium;
    this.age = age;
    this.publicKey = publicKey;
  }
  sodium;
  age;
  publicKey;
  wrapFileKey(fileKey) {
    const ephemeral = ephemeralScalar();
    const share = this.sodium.crypto_scalarmult_base(ephemeral);
    const secret = this.sodium.crypto_scalarmult(ephemeral, this.publicKey);
    const cipher = createCipheriv(
      "chacha20-poly1305",
      wrapKey(secret, share, this.publicKey),
      ZERO_NONCE,
      {
        authTagLength: 16
      }
    );
    const body = Buffer.concat([cipher.update(fileKey), cipher.final(), cipher.getAuthTag()]);
    return [new this.age.Stanza(["X25519", base64nopad.encode(share)], body)];
  }
};
var SodiumX25519Identity = class {
  constructor(sodium, secretKey) {
    this.sodium = sodium;
    this.secretKey = secretKey;
    this.publicKey = sodium.crypto_scalarmult_base(secretKey);
  }
  sodium;
  secretKey;
  publicKey;
  unwrapFileKey(stanzas) {
    for (const stanza of stanzas) {
      if (stanza.args[0] !== "X25519") continue;
      if (stanza.args.length !== 2 || stanza.body.length !== 32) {
        throw new Error("invalid X25519 stanza");
      }
      const share = base64nopad.decode(stanza.args[1] ?? "");
      if (share.length !== 32) throw new Error("invalid X25519 stanza");
      let secret;
      try {
        secret = this.sodium.crypto_scalarmult(this.secretKey, share);
      } catch {
        throw new Error("invalid X25519 stanza: low-order share");
      }
      const key = wrapKey(secret, share, this.publicKey);
      const decipher = createDecipheriv("chacha20-poly1305", key, ZERO_NONCE, {
        authTagLength: 16
      });
      decipher.setAuthTag(stanza.body.subarray(16));
      try {
        return new Uint8Array(
          Buffer.concat([decipher.update(stanza.body.subarray(0, 16)), decipher.final()])
        );
      } catch {
        continue;
      }
    }
    return null;
  }
};

// core/crypto/age-library.ts
var loading;
function loadAge() {
  loading ??= import("./dist-TSWJSDFN.js");
  return loading;
}

export {
  loadSodium,
  parseRecipient,
  parseIdentities,
  recipientOfSecretKey,
  generateAgeKeyPair,
  formatIdentityFile,
  SodiumX25519Recipient,
  SodiumX25519Identity,
  loadAge
};
