import type { RequestUser } from "./approval-request.js";

/** A repository permission as GitHub's collaborator permission API names it. */
export type RepositoryPermission = "admin" | "maintain" | "write" | "triage" | "read" | "none";

/** What a person is asked to be eligible for: ask for (or lock) a restore, or approve/deny one. */
export type EligibilityRole = "restorer" | "approver" | "ops" | "security";

/**
 * What the edge learned from GitHub, live, right before the decision: never
 * from the webhook payload (author_association is not used) and never cached
 * across decisions.
 */
export interface EligibilityFacts {
  /** The account's live permission on the repository. */
  permission: RepositoryPermission;
  /** GitHub says the account is a bot (type Bot). */
  bot: boolean;
  /**
   * The account is one of the role's principals (a listed user, or a live
   * member of a listed team); null when the policy lists nobody for the role.
   */
  inRole: boolean | null;
}

/** The port the edge implements with live GitHub calls (collaborator permission, team membership). */
export type Eligibility = (user: RequestUser, role: EligibilityRole) => Promise<EligibilityFacts>;

const WRITE_OR_MORE: ReadonlySet<RepositoryPermission> = new Set(["admin", "maintain", "write"]);

/**
 * Why this user may not act in this role, or null when they may: bots never
 * count; a person needs live write access or more, and, when the policy
 * lists principals for the role, to be one of them.
 */
export function decideEligibility(
  user: RequestUser,
  facts: EligibilityFacts,
  role: EligibilityRole,
): string | null {
  if (facts.bot || user.login.endsWith("[bot]")) return `@${user.login} is a bot; bots never count`;
  if (!WRITE_OR_MORE.has(facts.permission))
    return `@${user.login} has ${facts.permission} access to this repository; ${role}s need write access or more`;
  if (facts.inRole === false)
    return `@${user.login} is not one of the policy's roles.${role}s (users and teams are checked live)`;
  return null;
}
