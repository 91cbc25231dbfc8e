import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Whether `signature` (X-Hub-Signature-256, "sha256=<hex>") is the HMAC of
 * the body under the webhook secret. Compared in constant time.
 */
export function checkWebhookSignature(secret: string, body: string, signature: string): boolean {
  const expected = Buffer.from(
    `sha256=${createHmac("sha256", secret).update(body, "utf8").digest("hex")}`,
  );
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
