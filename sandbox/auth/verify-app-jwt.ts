import { verify } from "node:crypto";
import { apiError } from "../http/api-error.js";
import type { AppRecord } from "../state/entities.js";
import type { World } from "../state/world.js";

const DOCS = "https://docs.github.com/rest";

function unauthorized(message: string) {
  return apiError(401, message, { documentationUrl: DOCS });
}

function decodePart(part: string): Record<string, unknown> {
  try {
    const value = JSON.parse(Buffer.from(part, "base64url").toString("utf8")) as unknown;
    if (value && typeof value === "object") return value as Record<string, unknown>;
  } catch {
    // Falls through to the error GitHub gives for any undecodable token.
  }
  throw unauthorized("A JSON web token could not be decoded");
}

/**
 * Checks an app's JWT as GitHub does: RS256 signed by the app's private key,
 * `iss` the app id (or client id), `iat` not in the future, `exp` in the
 * future and at most ten minutes ahead. Clock drift of 60 s is tolerated.
 */
export function verifyAppJwt(world: World, jwt: string, nowSeconds: number): AppRecord {
  const parts = jwt.split(".");
  if (parts.length !== 3) throw unauthorized("A JSON web token could not be decoded");
  const [encodedHeader, encodedPayload, encodedSignature] = parts as [string, string, string];
  const header = decodePart(encodedHeader);
  const payload = decodePart(encodedPayload);
  if (header.alg !== "RS256") throw unauthorized("A JSON web token could not be decoded");
  const issuer = payload.iss;
  const app = [...world.apps.values()].find(
    (candidate) => String(candidate.id) === String(issuer) || candidate.clientId === issuer,
  );
  if (!app) throw unauthorized("'Issuer' claim ('iss') must be an Integer");
  const signed = verify(
    "RSA-SHA256",
    Buffer.from(`${encodedHeader}.${encodedPayload}`),
    app.publicKey,
    Buffer.from(encodedSignature, "base64url"),
  );
  if (!signed) throw unauthorized("A JSON web token could not be decoded");
  const { iat, exp } = payload;
  if (!Number.isInteger(iat) || (iat as number) > nowSeconds + 60) {
    throw unauthorized(
      "'Issued at' claim ('iat') must be an Integer representing the time that the assertion was issued",
    );
  }
  if (!Number.isInteger(exp) || (exp as number) <= nowSeconds - 60) {
    throw unauthorized(
      "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires",
    );
  }
  if ((exp as number) > nowSeconds + 600 + 60) {
    throw unauthorized("'Expiration time' claim ('exp') is too far in the future");
  }
  return app;
}
