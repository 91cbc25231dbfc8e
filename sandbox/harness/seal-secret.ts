import { loadSodium } from "../../core/crypto/sodium.js";

/**
 * Encrypts a secret value for GitHub's secrets API as its clients do
 * (GitHub's guide "Encrypting secrets for the REST API"): a libsodium sealed
 * box to the base64 public key of GET .../secrets/public-key, in base64.
 */
export async function sealSecret(publicKeyBase64: string, value: string): Promise<string> {
  const sodium = await loadSodium();
  const sealed = sodium.crypto_box_seal(
    Buffer.from(value, "utf8"),
    Buffer.from(publicKeyBase64, "base64"),
  );
  return Buffer.from(sealed).toString("base64");
}
