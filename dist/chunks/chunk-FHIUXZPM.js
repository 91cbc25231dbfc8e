import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  base64nopad,
  base64urlnopad
} from "./chunk-4NNPXXFU.js";
import {
  SnapgateError
} from "./chunk-6KERQ4ZL.js";

// core/crypto/random-pool.ts
import { randomFillSync } from "node:crypto";
var RANDOM_POOL_SIZE = 64 * 1024;
var RandomPool = class {
  constructor(size = RANDOM_POOL_SIZE, fill = randomFillSync) {
    this.size = size;
    this.fill = fill;
  }
  size;
  fill;
  block = Buffer.alloc(0);
  used = 0;
  /** `length` fresh random bytes (a view of a block: do not pass its `.buffer` on). */
  draw(length) {
    if (!Number.isSafeInteger(length) || length < 0) {
      throw new RangeError(`RandomPool.draw: bad length ${length}`);
    }
    if (length > this.size / 4) return this.fill(Buffer.allocUnsafeSlow(length));
    if (this.used + length > this.block.length) {
      this.block = this.fill(Buffer.allocUnsafeSlow(this.size));
      this.used = 0;
    }
    const bytes = this.block.subarray(this.used, this.used + length);
    this.used += length;
    return bytes;
  }
};

// core/crypto/pooled-random-bytes.ts
var pool = new RandomPool();
function pooledRandomBytes(length) {
  return pool.draw(length);
}

// core/crypto/age-x25519.ts
import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  diffieHellman
} from "node:crypto";

// core/crypto/hkdf-sha256.ts
import { createHmac } from "node:crypto";
var ZERO_SALT = Buffer.alloc(32);
var COUNTER_1 = Buffer.of(1);
function hkdfSha256(ikm, salt, info) {
  const prk = createHmac("sha256", salt.length === 0 ? ZERO_SALT : salt).update(ikm).digest();
  return createHmac("sha256", prk).update(info, "latin1").update(COUNTER_1).digest();
}

// core/crypto/age-x25519.ts
var X25519_LABEL = "age-encryption.org/v1/X25519";
var ZERO_NONCE = new Uint8Array(12);
var PKCS8_X25519_PREFIX = Buffer.from("302e020100300506032b656e04220420", "hex");
function publicKeyObject(raw) {
  return createPublicKey({
    key: { kty: "OKP", crv: "X25519", x: base64urlnopad.encode(raw) },
    format: "jwk"
  });
}
var UNUSED_X = base64urlnopad.encode(new Uint8Array(32));
function ephemeralKey() {
  const privateKey = createPrivateKey({
    key: { kty: "OKP", crv: "X25519", d: pooledRandomBytes(32).toString("base64url"), x: UNUSED_X },
    format: "jwk"
  });
  const share = Buffer.from(privateKey.export({ format: "jwk" }).x, "base64url");
  return { privateKey, share };
}
function unpadded(bytes) {
  const text = bytes.toString("base64");
  return text.endsWith("=") ? text.slice(0, text.indexOf("=")) : text;
}
function wrapKey(sharedSecret, share, recipient) {
  const salt = Buffer.concat([share, recipient]);
  return hkdfSha256(sharedSecret, salt, X25519_LABEL);
}
var OpenSslX25519Recipient = class {
  constructor(publicKey) {
    this.publicKey = publicKey;
    this.key = publicKeyObject(publicKey);
    try {
      diffieHellman({ privateKey: ephemeralKey().privateKey, publicKey: this.key });
    } catch {
      throw new SnapgateError("CONFIG", "An age recipient is not a usable X25519 public key.", {
        fix: "Use a recipient printed by `snapgate keygen` or `age-keygen -y`; this one is a low-order point that no identity can decrypt for."
      });
    }
  }
  publicKey;
  key;
  wrapFileKey(fileKey) {
    const { privateKey, share } = ephemeralKey();
    const secret = diffieHellman({ privateKey, publicKey: this.key });
    const cipher = createCipheriv(
      "chacha20-poly1305",
      wrapKey(secret, share, this.publicKey),
      ZERO_NONCE,
      { authTagLength: 16 }
    );
    const body = Buffer.concat([cipher.update(fileKey), cipher.final(), cipher.getAuthTag()]);
    return [{ args: ["X25519", unpadded(share)], body: new Uint8Array(body) }];
  }
};
var OpenSslX25519Identity = class {
  publicKey;
  key;
  constructor(secretKey) {
    this.key = createPrivateKey({
      key: Buffer.concat([PKCS8_X25519_PREFIX, secretKey]),
      format: "der",
      type: "pkcs8"
    });
    this.publicKey = base64urlnopad.decode(
      createPublicKey(this.key).export({ format: "jwk" }).x
    );
  }
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
        secret = diffieHellman({ privateKey: this.key, publicKey: publicKeyObject(share) });
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
  loading ??= import("./dist-ALLJ4YAM.js");
  return loading;
}

export {
  hkdfSha256,
  pooledRandomBytes,
  OpenSslX25519Recipient,
  OpenSslX25519Identity,
  loadAge
};
