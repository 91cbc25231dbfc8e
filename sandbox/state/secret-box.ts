import { generateKeyPairSync } from "node:crypto";
import { loadSodium } from "../../core/crypto/sodium.js";
import type { SecretBox } from "./entities.js";

/**
 * A fresh Curve25519 key pair for sealing secrets, as GitHub publishes one per
 * repository, environment and organization. Node makes X25519 keys
 * synchronously; their raw halves are what libsodium's crypto_box uses.
 */
export function newSecretBox(keyId: string): SecretBox {
  const { publicKey, privateKey } = generateKeyPairSync("x25519");
  const pub = publicKey.export({ format: "jwk" }).x!;
  const priv = privateKey.export({ format: "jwk" }).d!;
  return {
    keyId,
    publicKey: Buffer.from(pub, "base64url"),
    privateKey: Buffer.from(priv, "base64url"),
  };
}

/** Opens a libsodium sealed box (base64) made for `box`; null when it was not. */
export async function openSealedSecret(
  box: SecretBox,
  sealedBase64: string,
): Promise<string | null> {
  const sodium = await loadSodium();
  try {
    const opened = sodium.crypto_box_seal_open(
      Buffer.from(sealedBase64, "base64"),
      box.publicKey,
      box.privateKey,
    );
    return Buffer.from(opened).toString("utf8");
  } catch {
    return null;
  }
}
