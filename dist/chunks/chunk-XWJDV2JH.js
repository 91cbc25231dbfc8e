import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  base64nopad,
  bech32
} from "./chunk-RJWDBZ2U.js";
import {
  SnapgateError
} from "./chunk-6KERQ4ZL.js";

// core/crypto/blob-opener.ts
import { gunzipSync } from "node:zlib";

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

// core/crypto/age-library.ts
var loading;
function loadAge() {
  loading ??= import("./dist-TSWJSDFN.js");
  return loading;
}

// core/crypto/blob-opener.ts
var BlobOpener = class _BlobOpener {
  constructor(sodium, age, identities) {
    this.age = age;
    this.identities = identities;
    const secretKeys = identities;
    this.decrypter = new age.Decrypter();
    this.recipients = secretKeys.map((key) => recipientOfSecretKey(sodium, key));
    for (const key of secretKeys) this.decrypter.addIdentity(new SodiumX25519Identity(sodium, key));
  }
  age;
  identities;
  decrypter;
  recipients;
  /** Loads libsodium and the age library, then builds an opener for these identities. */
  static async create(secretKeys) {
    const [sodium, age] = await Promise.all([loadSodium(), loadAge()]);
    return new _BlobOpener(sodium, age, secretKeys);
  }
  /** Copies of the secret keys, for crypto workers of this process (never logged or sent elsewhere). */
  secretKeys() {
    return this.identities.map((key) => new Uint8Array(key));
  }
  async open(ciphertext, encoding, context) {
    let payload;
    try {
      payload = await this.decrypter.decrypt(dearmor(this.age, ciphertext));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      if (reason.includes("no identity matched")) {
        const to = context.recipients?.length ? context.recipients.join(", ") : "other recipients";
        throw new SnapgateError(
          "WRONG_KEY",
          `Cannot decrypt ${context.describe}: it is encrypted to ${to}; your identity is ${this.recipients.join(", ")}.`,
          {
            fix: "Use an identity whose public key is one of the snapshot's recipients (the restore environment's secret or the break-glass key)."
          }
        );
      }
      throw new SnapgateError("INTEGRITY", `${context.describe} is damaged: ${reason}.`, {
        fix: "The blob was altered or truncated in the store; restore from another snapshot or the break-glass copy, and check who can write the backup repository."
      });
    }
    if (encoding === "gzip") {
      try {
        return new Uint8Array(gunzipSync(payload));
      } catch {
        throw new SnapgateError(
          "INTEGRITY",
          `${context.describe} decrypted but its gzip content is invalid.`,
          {
            fix: "The snapshot was written by a faulty writer; restore from another snapshot."
          }
        );
      }
    }
    return payload;
  }
};
var ARMOR_HEADER = "-----BEGIN AGE ENCRYPTED FILE-----";
function dearmor(age, bytes) {
  const head = Buffer.from(bytes.subarray(0, ARMOR_HEADER.length)).toString("latin1");
  return head === ARMOR_HEADER ? age.armor.decode(Buffer.from(bytes).toString("utf8")) : bytes;
}

export {
  loadSodium,
  parseRecipient,
  parseIdentities,
  generateAgeKeyPair,
  formatIdentityFile,
  SodiumX25519Recipient,
  loadAge,
  BlobOpener
};
