import { createHmac } from "node:crypto";
import { SnapgateError } from "../errors.js";

const DOMAIN = "snapgate.request-state/v1\0";

/**
 * HMAC-SHA256 (hex) of a status comment's hidden state, under a key only the
 * app holds: repository admins can edit any comment, so the app must notice
 * an edited block rather than act on it.
 */
export function requestStateMac(key: Uint8Array, json: string): string {
  if (key.length < 32) {
    throw new SnapgateError("CONFIG", "The key for request status comments is too short.", {
      fix: "Derive it from the app's secret as 32 random bytes or more.",
    });
  }
  return createHmac("sha256", key).update(DOMAIN).update(json).digest("hex");
}
