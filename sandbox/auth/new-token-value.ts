import { randomBytes } from "node:crypto";

/** A fresh secret in GitHub's style: "ghs_" (installation) or "github_pat_" (personal) plus 36 characters. */
export function newTokenValue(prefix: "ghs_" | "github_pat_"): string {
  return `${prefix}${randomBytes(27).toString("base64url").slice(0, 36)}`;
}
