import { createHmac } from "node:crypto";

/**
 * `payload` as a cookie value only this app can have written: base64url JSON
 * with an expiry, then an HMAC-SHA256 of it. Read back with openSignedValue.
 */
export function signValue(
  secret: Buffer,
  purpose: string,
  payload: object,
  expiresAt: Date,
): string {
  const body = Buffer.from(JSON.stringify({ ...payload, exp: expiresAt.getTime() })).toString(
    "base64url",
  );
  const mac = createHmac("sha256", secret).update(`${purpose}.${body}`).digest("base64url");
  return `${body}.${mac}`;
}
