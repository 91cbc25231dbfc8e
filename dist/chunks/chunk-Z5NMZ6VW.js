import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  base64nopad
} from "./chunk-RJWDBZ2U.js";

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
  loading ??= import("./dist-V5ZDOXCA.js");
  return loading;
}

// core/crypto/byte-streams.ts
function toByteStream(bytes) {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    }
  });
}
async function readByteStream(stream) {
  const reader = stream.getReader();
  const chunks = [];
  let length = 0;
  for (; ; ) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    length += value.length;
  }
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

export {
  SodiumX25519Recipient,
  SodiumX25519Identity,
  loadAge,
  toByteStream,
  readByteStream
};
