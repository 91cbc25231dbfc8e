import { randomBytes } from "node:crypto";

/**
 * A fresh secret in GitHub's style: "ghs_" (installation), "github_pat_"
 * (personal), "ghu_" (a GitHub App's user access token) or "ghr_" (its
 * refresh token), plus 36 characters.
 */
export function newTokenValue(prefix: "ghs_" | "github_pat_" | "ghu_" | "ghr_"): string {
  return `${prefix}${randomBytes(27).toString("base64url").slice(0, 36)}`;
}
