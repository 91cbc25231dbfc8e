import type { AppRecord, TokenRecord } from "../state/entities.js";

/** Who sent a request: nobody, a token (a person's or an app installation's), or an app by its JWT. */
export type Principal =
  { kind: "anonymous" } | { kind: "token"; token: TokenRecord } | { kind: "app"; app: AppRecord };

/** The login a request log shows for a principal. */
export function actorLogin(principal: Principal): string | null {
  if (principal.kind === "anonymous") return null;
  if (principal.kind === "app") return `app:${principal.app.slug}`;
  return principal.token.actor.login;
}
