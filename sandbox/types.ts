/**
 * Public types of the sandbox's admin API (what tests and benchmarks use to
 * set up the world the API then serves).
 */

/** Access a token or an app holds on one permission, as GitHub's fine-grained permissions. */
export type PermissionLevel = "read" | "write" | "admin";

export type PermissionName =
  | "actions"
  | "administration"
  | "checks"
  | "contents"
  | "deployments"
  | "environments"
  | "issues"
  | "members"
  | "merge_queues"
  | "metadata"
  | "pull_requests"
  | "secrets"
  | "statuses"
  | "workflows";

export type Permissions = Partial<Record<PermissionName, PermissionLevel>>;

/** A person's role on a repository, as the collaborator API reports it. */
export type RepoRole = "read" | "triage" | "write" | "maintain" | "admin";

export interface CreateUserOptions {
  login: string;
  type?: "User" | "Bot";
  name?: string;
  email?: string;
}

export interface CreateOrgOptions {
  login: string;
  /** Logins of organization owners. */
  admins?: string[];
  /** Logins of plain members. */
  members?: string[];
  /** The role every member gets on every repository of the organization. */
  basePermission?: RepoRole | "none";
}

export interface TeamMember {
  login: string;
  role?: "member" | "maintainer";
}

export interface CreateRepoOptions {
  owner: string;
  name: string;
  private?: boolean;
  defaultBranch?: string;
  /** Files of an initial commit on the default branch; without them the repository is empty. */
  files?: Record<string, string>;
  description?: string;
}

export interface CreatedRepo {
  /** The bare repository directory (clone it with `git clone <path>`). */
  path: string;
  id: number;
}

export interface CreateTokenOptions {
  /** The login that acts: a user, or an app's bot ("<slug>[bot]"). */
  actor: string;
  /** "owner/name" of each repository the token may reach, or "all". */
  repositories: string[] | "all";
  permissions: Permissions;
  /** Defaults to never; an expired token answers 401. */
  expiresAt?: Date;
}

export interface CreateAppOptions {
  slug: string;
  name?: string;
  /** The owner login; defaults to a user created for the app. */
  owner?: string;
  permissions: Permissions;
  /** Webhook events the app subscribes to, e.g. ["push", "pull_request"]. */
  events: string[];
  webhookUrl?: string;
  webhookSecret?: string;
  /** The app's callback URLs (user authorization, the OAuth web flow); app.yml's `callback_urls`. */
  callbackUrls?: string[];
}

export interface CreatedApp {
  appId: number;
  slug: string;
  clientId: string;
  /** The client secret the web flow's token exchange needs (generated in the app's settings). */
  clientSecret: string;
  privateKeyPem: string;
  webhookSecret: string;
  /** The bot user the app acts as ("<slug>[bot]"). */
  botLogin: string;
  botId: number;
}

/** A ruleset as the REST API describes it (the rule types the sandbox enforces). */
export interface RulesetSpec {
  name: string;
  target?: "branch" | "tag";
  enforcement?: "active" | "evaluate" | "disabled";
  conditions?: { ref_name: { include: string[]; exclude?: string[] } };
  rules: RulesetRule[];
  bypass_actors?: BypassActor[];
}

export type RulesetRule =
  | { type: "creation" }
  | { type: "deletion" }
  | { type: "non_fast_forward" }
  | { type: "update"; parameters?: { update_allows_fetch_and_merge: boolean } }
  | { type: "required_linear_history" }
  | {
      type: "pull_request";
      parameters?: {
        dismiss_stale_reviews_on_push: boolean;
        require_code_owner_review: boolean;
        require_last_push_approval: boolean;
        required_approving_review_count: number;
        required_review_thread_resolution: boolean;
      };
    }
  | { type: "required_signatures" };

export interface BypassActor {
  /** An app id (Integration), a team id (Team), a role id (RepositoryRole: 2 maintain, 4 write, 5 admin) or 1 (OrganizationAdmin). */
  actor_id: number | null;
  actor_type: "Integration" | "OrganizationAdmin" | "RepositoryRole" | "Team";
  bypass_mode?: "always" | "pull_request";
}

export interface CreatePullRequestOptions {
  owner: string;
  repo: string;
  /** The branch with the changes (must exist). */
  head: string;
  /** The branch to merge into (must exist). */
  base: string;
  title?: string;
  body?: string;
  /** The author's login. */
  user: string;
}
