import type { KeyObject } from "node:crypto";
import type { GitRepository } from "../git/git-repository.js";
import type { BypassActor, Permissions, RepoRole, RulesetRule } from "../types.js";

/** The records the sandbox keeps in memory; git data lives in the bare repositories. */

export interface UserRecord {
  id: number;
  login: string;
  type: "User" | "Bot" | "Organization";
  name: string;
  email: string;
  createdAt: Date;
}

export interface OrgRecord {
  user: UserRecord;
  members: Map<string, "admin" | "member">;
  basePermission: RepoRole | "none";
  /** Organization secrets by name, with the repositories they are shared with. */
  secrets: Map<string, OrgSecretRecord>;
}

export interface OrgSecretRecord extends SecretRecord {
  visibility: "all" | "private" | "selected";
  /** The repositories of a "selected" secret. */
  repositoryIds: Set<number>;
}

export interface TeamRecord {
  id: number;
  org: OrgRecord;
  slug: string;
  name: string;
  members: Map<string, "member" | "maintainer">;
  repositories: Map<number, RepoRole>;
}

export interface RulesetRecord {
  id: number;
  name: string;
  target: "branch" | "tag";
  enforcement: "active" | "evaluate" | "disabled";
  include: string[];
  exclude: string[];
  rules: RulesetRule[];
  bypassActors: BypassActor[];
  createdAt: Date;
  updatedAt: Date;
}

export interface RepoRecord {
  id: number;
  owner: UserRecord;
  name: string;
  fullName: string;
  private: boolean;
  description: string | null;
  defaultBranch: string;
  git: GitRepository;
  collaborators: Map<string, RepoRole>;
  rulesets: RulesetRecord[];
  /** Commits GitHub signed itself (createCommitOnBranch): the only verified ones, as no user keys exist. */
  verifiedCommits: Set<string>;
  workflowIds: Map<string, number>;
  /** Deployment environments by lower-cased name (GitHub's names are case-insensitive). */
  environments: Map<string, EnvironmentRecord>;
  /** Repository secrets by name (upper-cased, as GitHub stores them). */
  secrets: Map<string, SecretRecord>;
  secretBox: SecretBox;
  createdAt: Date;
  updatedAt: Date;
  pushedAt: Date;
}

export interface AppRecord {
  id: number;
  slug: string;
  name: string;
  clientId: string;
  owner: UserRecord;
  bot: UserRecord;
  privateKeyPem: string;
  publicKey: KeyObject;
  permissions: Permissions;
  events: string[];
  webhookUrl: string | null;
  webhookSecret: string;
  hookId: number;
  /** The client secret of the app's user authorization (OAuth web flow). */
  clientSecret: string;
  /** The "Callback URLs" of the app's settings: where the web flow may send a user back. */
  callbackUrls: string[];
  /** The users who authorized the app (GitHub asks each once). */
  authorizedUserIds: Set<number>;
  createdAt: Date;
}

export interface InstallationRecord {
  id: number;
  app: AppRecord;
  account: UserRecord;
  /** "all" reaches every repository of the account, now and later. */
  repositorySelection: "all" | "selected";
  repositoryIds: Set<number>;
  createdAt: Date;
}

export interface TokenRecord {
  value: string;
  kind: "user" | "installation";
  actor: UserRecord;
  /**
   * For a user access token of a GitHub App (ghu_, the web flow): the app.
   * It reaches what both the user and an installation of the app reach.
   */
  app?: AppRecord;
  repositoryIds: Set<number> | "all";
  permissions: Permissions;
  expiresAt: Date | null;
  installation: InstallationRecord | null;
}

export interface CheckSuiteRecord {
  id: number;
  repo: RepoRecord;
  app: AppRecord;
  headSha: string;
  headBranch: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface CheckRunRecord {
  id: number;
  repo: RepoRecord;
  suite: CheckSuiteRecord;
  app: AppRecord;
  name: string;
  headSha: string;
  externalId: string | null;
  detailsUrl: string | null;
  status: "queued" | "in_progress" | "completed" | "waiting" | "requested" | "pending";
  conclusion: string | null;
  startedAt: Date;
  completedAt: Date | null;
  output: {
    title: string | null;
    summary: string | null;
    text: string | null;
    annotations: Record<string, unknown>[];
  };
  actions: { label: string; description: string; identifier: string }[];
}

export interface PullRecord {
  headRef: string;
  headSha: string;
  baseRef: string;
  baseSha: string;
  draft: boolean;
}

export interface IssueRecord {
  id: number;
  number: number;
  repo: RepoRecord;
  title: string;
  body: string | null;
  user: UserRecord;
  state: "open" | "closed";
  createdAt: Date;
  updatedAt: Date;
  pull: PullRecord | null;
  /** Label names, as set on creation or update (absent: none). */
  labels?: string[];
  closedAt?: Date | null;
  stateReason?: "completed" | "not_planned" | "duplicate" | "reopened" | null;
}

/** A repository's label: GitHub creates one when an issue is labelled with a name it lacks. */
export interface LabelRecord {
  id: number;
  name: string;
  color: string;
}

export interface ReactionRecord {
  id: number;
  user: UserRecord;
  content: string;
  createdAt: Date;
}

export interface CommentRecord {
  id: number;
  repo: RepoRecord;
  issue: IssueRecord;
  user: UserRecord;
  body: string;
  createdAt: Date;
  updatedAt: Date;
  reactions: ReactionRecord[];
  deleted: boolean;
}

export interface DeploymentReview {
  environment: string;
  state: "approved" | "rejected" | null;
  comment: string | null;
  by: UserRecord;
  at: Date;
}

export interface WorkflowRunRecord {
  id: number;
  repo: RepoRecord;
  workflowId: number;
  path: string;
  name: string;
  headBranch: string;
  headSha: string;
  event: string;
  status: "queued" | "in_progress" | "completed" | "waiting";
  conclusion: string | null;
  runNumber: number;
  /** 1, then one more per re-run. */
  attempt: number;
  actor: UserRecord;
  /** Who started the latest attempt (a re-run's actor). */
  triggeringActor: UserRecord;
  inputs: Record<string, unknown>;
  createdAt: Date;
  updatedAt: Date;
  /** Environments waiting on a custom deployment protection rule, with the app that answers. */
  pendingDeployments: { environment: string; app: AppRecord; deploymentId: number }[];
  reviews: DeploymentReview[];
  /** The jobs of the workflow file (dispatched runs); the runner harness plays them. */
  jobs: WorkflowJobRecord[];
}

/**
 * A job of a run. A job that names an environment starts only once GitHub
 * released it: its branch may deploy there and every custom protection rule
 * approved. Only then does the runner get the environment's secrets.
 */
export interface WorkflowJobRecord {
  name: string;
  environment: string | null;
  status: "waiting" | "queued" | "in_progress" | "completed";
  conclusion: "success" | "failure" | "cancelled" | null;
  /** Why GitHub did not release the job (a branch policy, a rejection), when it did not. */
  refusal: string | null;
}

/** A Curve25519 key pair whose public half encrypts secrets (libsodium sealed boxes). */
export interface SecretBox {
  keyId: string;
  publicKey: Buffer;
  privateKey: Buffer;
}

/** A secret's value, opened from its sealed box: only the runner harness ever reads it. */
export interface SecretRecord {
  name: string;
  value: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface EnvironmentRecord {
  id: number;
  name: string;
  repo: RepoRecord;
  createdAt: Date;
  updatedAt: Date;
  /** null: every branch may deploy. */
  branchPolicy: { protectedBranches: boolean; customBranchPolicies: boolean } | null;
  /** The name patterns of custom branch and tag policies. */
  branchPolicies: { id: number; name: string; type: "branch" | "tag" }[];
  /** Custom deployment protection rules: the GitHub App that answers each. */
  protectionRules: { id: number; app: AppRecord }[];
  /** GitHub's "Allow administrators to bypass configured protection rules" (on by default). */
  canAdminsBypass: boolean;
  secrets: Map<string, SecretRecord>;
  secretBox: SecretBox;
}

/** A code the web flow handed a user's browser, exchanged once for a user access token. */
export interface OAuthCodeRecord {
  app: AppRecord;
  user: UserRecord;
  /** The redirect_uri of the authorization request ("" when none was given). */
  redirectUri: string;
  expiresAt: Date;
}
