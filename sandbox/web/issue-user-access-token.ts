import { newTokenValue } from "../auth/new-token-value.js";
import type { AppRecord, UserRecord } from "../state/entities.js";
import type { World } from "../state/world.js";

/** GitHub's lifetimes for expiring user access tokens: 8 hours, refresh tokens 6 months. */
const ACCESS_SECONDS = 28_800;
const REFRESH_SECONDS = 15_897_600;

/**
 * A GitHub App's user access token (ghu_) and its refresh token (ghr_), as
 * the web flow's token exchange answers them (the app setting "Expire user
 * authorization tokens" on, GitHub's default). The token carries the app's
 * permissions; the person's role caps them per repository (repo-access.ts).
 */
export function issueUserAccessToken(
  world: World,
  app: AppRecord,
  user: UserRecord,
  expiresAt?: Date,
): {
  access_token: string;
  expires_in: number;
  refresh_token: string;
  refresh_token_expires_in: number;
  scope: string;
  token_type: "bearer";
} {
  const now = Date.now();
  const access = newTokenValue("ghu_");
  const expiry = expiresAt ?? new Date(now + ACCESS_SECONDS * 1000);
  world.tokens.set(access, {
    value: access,
    kind: "user",
    actor: user,
    app,
    repositoryIds: "all",
    permissions: { ...app.permissions },
    expiresAt: expiry,
    installation: null,
  });
  const refresh = newTokenValue("ghr_");
  world.refreshTokens.set(refresh, {
    app,
    user,
    expiresAt: new Date(now + REFRESH_SECONDS * 1000),
  });
  return {
    access_token: access,
    expires_in: Math.max(0, Math.round((expiry.getTime() - now) / 1000)),
    refresh_token: refresh,
    refresh_token_expires_in: REFRESH_SECONDS,
    scope: "",
    token_type: "bearer",
  };
}
