import { createSign, type KeyObject } from "node:crypto";

/** A compact JWS (RS256) of `claims`, with `kid` in the header as GitHub's tokens carry it. */
export function signRs256Jwt(claims: Record<string, unknown>, key: KeyObject, kid: string): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const input = `${part({ typ: "JWT", alg: "RS256", x5t: kid, kid })}.${part(claims)}`;
  const signature = createSign("RSA-SHA256").update(input).sign(key).toString("base64url");
  return `${input}.${signature}`;
}
