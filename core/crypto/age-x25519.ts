import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  type KeyObject,
} from "node:crypto";
import type { Identity, Recipient, Stanza } from "age-encryption";
import { base64nopad, base64urlnopad } from "@scure/base";
import { SnapgateError } from "../errors.js";
import { hkdfSha256 } from "./hkdf-sha256.js";
import { pooledRandomBytes } from "./pooled-random-bytes.js";

/**
 * age's X25519 recipient type (age-encryption.org/v1), with the curve
 * operations in Node's OpenSSL. Per file and recipient a recipient makes an
 * ephemeral key pair and one scalar multiplication, an identity one per
 * X25519 stanza it tries. Measured per operation (ADR 1103): OpenSSL ~0.05 ms,
 * libsodium's WebAssembly ~0.2 ms, the age library's own (WebCrypto) ~1.7 ms;
 * at 2,000 files and two recipients that is what a first snapshot and a
 * restore spent most of their CPU on. The file format is unchanged: these
 * stanzas are what `age -r` writes and reads.
 */
const X25519_LABEL = "age-encryption.org/v1/X25519";
const ZERO_NONCE = new Uint8Array(12);
const PKCS8_X25519_PREFIX = Buffer.from("302e020100300506032b656e04220420", "hex");

/** A raw X25519 public key as a KeyObject (JWK import: ~10x cheaper than DER in Node 20). */
function publicKeyObject(raw: Uint8Array): KeyObject {
  return createPublicKey({
    key: { kty: "OKP", crv: "X25519", x: base64urlnopad.encode(raw) },
    format: "jwk",
  });
}

/** Any 32 bytes for `x`: Node reads only `d` of a private OKP JWK (OpenSSL derives the public key). */
const UNUSED_X = base64urlnopad.encode(new Uint8Array(32));

/**
 * A fresh ephemeral key: 32 random bytes (from this thread's random pool, ADR 1110)
 * imported as a private key (JWK: ~10x cheaper than PKCS#8 DER), and its public share
 * as OpenSSL derived it at import (the one scalar multiplication besides the shared
 * secret that age requires). Not `generateKeyPairSync`: on Node 20, exporting a key it
 * made can deadlock the thread for ever (the export holds the key's mutex while it
 * allocates; a garbage collection then finalizes the finished key-generation job, whose
 * destructor takes the same mutex), and it did, in about one first snapshot in two
 * (ADR 1107). An imported key has no such job. The share is read from the private key's
 * own JWK (`x`, the derived public key, not UNUSED_X): ~2.5 µs against ~9 µs for a
 * second KeyObject from `createPublicKey` and its export (ADR 1110).
 */
function ephemeralKey(): { privateKey: KeyObject; share: Buffer } {
  const privateKey = createPrivateKey({
    key: { kty: "OKP", crv: "X25519", d: pooledRandomBytes(32).toString("base64url"), x: UNUSED_X },
    format: "jwk",
  });
  const share = Buffer.from(privateKey.export({ format: "jwk" }).x as string, "base64url");
  return { privateKey, share };
}

/** Unpadded standard base64 (a 32-byte share: 43 characters), with Node's encoder. */
function unpadded(bytes: Buffer): string {
  const text = bytes.toString("base64");
  return text.endsWith("=") ? text.slice(0, text.indexOf("=")) : text;
}

function wrapKey(sharedSecret: Uint8Array, share: Uint8Array, recipient: Uint8Array): Buffer {
  const salt = Buffer.concat([share, recipient]);
  return hkdfSha256(sharedSecret, salt, X25519_LABEL);
}

export class OpenSslX25519Recipient implements Recipient {
  private readonly key: KeyObject;

  constructor(readonly publicKey: Uint8Array) {
    this.key = publicKeyObject(publicKey);
    try {
      // A low-order point would make every shared secret zero: refuse it now, not per file.
      diffieHellman({ privateKey: ephemeralKey().privateKey, publicKey: this.key });
    } catch {
      throw new SnapgateError("CONFIG", "An age recipient is not a usable X25519 public key.", {
        fix: "Use a recipient printed by `snapgate keygen` or `age-keygen -y`; this one is a low-order point that no identity can decrypt for.",
      });
    }
  }

  wrapFileKey(fileKey: Uint8Array): Stanza[] {
    // A fresh ephemeral key per file and recipient, as age requires: the wrapping uses a
    // zero nonce, so a reused shared secret would reuse the ChaCha20-Poly1305 key and nonce.
    const { privateKey, share } = ephemeralKey();
    // OpenSSL refuses an all-zero shared secret (a low-order point), as age requires.
    const secret = diffieHellman({ privateKey, publicKey: this.key });
    const cipher = createCipheriv(
      "chacha20-poly1305",
      wrapKey(secret, share, this.publicKey),
      ZERO_NONCE,
      { authTagLength: 16 },
    );
    const body = Buffer.concat([cipher.update(fileKey), cipher.final(), cipher.getAuthTag()]);
    // A plain stanza ({args, body}): the age library's Stanza class holds nothing more, and
    // sealAgeV1 writes it without loading the library.
    return [{ args: ["X25519", unpadded(share)], body: new Uint8Array(body) }];
  }
}

export class OpenSslX25519Identity implements Identity {
  readonly publicKey: Uint8Array;
  private readonly key: KeyObject;

  constructor(secretKey: Uint8Array) {
    // PKCS#8 with the raw scalar (RFC 8410); OpenSSL derives the public key from it.
    this.key = createPrivateKey({
      key: Buffer.concat([PKCS8_X25519_PREFIX, secretKey]),
      format: "der",
      type: "pkcs8",
    });
    this.publicKey = base64urlnopad.decode(
      createPublicKey(this.key).export({ format: "jwk" }).x as string,
    );
  }

  unwrapFileKey(stanzas: Stanza[]): Uint8Array | null {
    for (const stanza of stanzas) {
      if (stanza.args[0] !== "X25519") continue;
      if (stanza.args.length !== 2 || stanza.body.length !== 32) {
        throw new Error("invalid X25519 stanza");
      }
      const share = base64nopad.decode(stanza.args[1] ?? "");
      if (share.length !== 32) throw new Error("invalid X25519 stanza");
      let secret: Uint8Array;
      try {
        secret = diffieHellman({ privateKey: this.key, publicKey: publicKeyObject(share) });
      } catch {
        throw new Error("invalid X25519 stanza: low-order share");
      }
      const key = wrapKey(secret, share, this.publicKey);
      const decipher = createDecipheriv("chacha20-poly1305", key, ZERO_NONCE, {
        authTagLength: 16,
      });
      decipher.setAuthTag(stanza.body.subarray(16));
      try {
        return new Uint8Array(
          Buffer.concat([decipher.update(stanza.body.subarray(0, 16)), decipher.final()]),
        );
      } catch {
        // Not for us: another recipient's stanza.
        continue;
      }
    }
    return null;
  }
}
