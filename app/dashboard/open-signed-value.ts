import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * The payload of a value signValue wrote for the same purpose, or null when
 * it is missing, altered, signed for another purpose or expired.
 */
export function openSignedValue<T extends object>(
  secret: Buffer,
  purpose: string,
  value: string | undefined,
  now: Date,
): T | null {
  if (!value) return null;
  const [body, mac, extra] = value.split(".");
  if (!body || !mac || extra !== undefined) return null;
  const expected = createHmac("sha256", secret).update(`${purpose}.${body}`).digest();
  const given = Buffer.from(mac, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const payload = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as T & {
      exp?: unknown;
    };
    if (typeof payload.exp !== "number" || payload.exp <= now.getTime()) return null;
    return payload;
  } catch {
    return null;
  }
}
