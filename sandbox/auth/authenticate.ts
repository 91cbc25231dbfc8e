import { apiError } from "../http/api-error.js";
import type { World } from "../state/world.js";
import type { Principal } from "./principal.js";
import { verifyAppJwt } from "./verify-app-jwt.js";

const JWT_SHAPE = /^eyJ[\w-]*\.[\w-]+\.[\w-]+$/;

function badCredentials() {
  return apiError(401, "Bad credentials", { documentationUrl: "https://docs.github.com/rest" });
}

/** The secret in an Authorization header: "token X", "Bearer X", or Basic with the token as password (git). */
export function credentialOf(header: string | undefined): string | null {
  if (!header) return null;
  const [scheme, value] = header.trim().split(/\s+/, 2);
  if (!scheme || !value) throw badCredentials();
  switch (scheme.toLowerCase()) {
    case "token":
    case "bearer":
      return value;
    case "basic": {
      const decoded = Buffer.from(value, "base64").toString("utf8");
      return decoded.slice(decoded.indexOf(":") + 1);
    }
    default:
      throw badCredentials();
  }
}

/** Resolves the Authorization header to a principal; an unknown or expired secret is 401 Bad credentials. */
export function authenticate(world: World, header: string | undefined, now: Date): Principal {
  const credential = credentialOf(header);
  if (credential === null) return { kind: "anonymous" };
  if (JWT_SHAPE.test(credential)) {
    return { kind: "app", app: verifyAppJwt(world, credential, Math.floor(now.getTime() / 1000)) };
  }
  const token = world.tokens.get(credential);
  if (!token || (token.expiresAt !== null && token.expiresAt <= now)) throw badCredentials();
  return { kind: "token", token };
}
