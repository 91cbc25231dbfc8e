import type { RepoRole } from "../types.js";
import type {
  AppRecord,
  CheckRunRecord,
  CheckSuiteRecord,
  CommentRecord,
  InstallationRecord,
  IssueRecord,
  LabelRecord,
  OrgRecord,
  RepoRecord,
  TeamRecord,
  OAuthCodeRecord,
  TokenRecord,
  UserRecord,
  WorkflowRunRecord,
} from "./entities.js";

const ROLE_ORDER: readonly (RepoRole | "none")[] = [
  "none",
  "read",
  "triage",
  "write",
  "maintain",
  "admin",
];

export function roleAtLeast(role: RepoRole | "none", wanted: RepoRole): boolean {
  return ROLE_ORDER.indexOf(role) >= ROLE_ORDER.indexOf(wanted);
}

function higher(a: RepoRole | "none", b: RepoRole | "none"): RepoRole | "none" {
  return ROLE_ORDER.indexOf(a) >= ROLE_ORDER.indexOf(b) ? a : b;
}

/** Every in-memory record of the sandbox, with lookups; ids come from separate ranges per kind. */
export class World {
  readonly users = new Map<string, UserRecord>();
  readonly orgs = new Map<string, OrgRecord>();
  readonly teams = new Map<string, TeamRecord>();
  readonly repos = new Map<string, RepoRecord>();
  readonly tokens = new Map<string, TokenRecord>();
  readonly apps = new Map<number, AppRecord>();
  readonly installations = new Map<number, InstallationRecord>();
  readonly checkSuites = new Map<number, CheckSuiteRecord>();
  readonly checkRuns = new Map<number, CheckRunRecord>();
  /** By "owner/name#number". */
  readonly issues = new Map<string, IssueRecord>();
  readonly comments = new Map<number, CommentRecord>();
  /** By "owner/name:label name", lower case. */
  readonly labels = new Map<string, LabelRecord>();
  readonly workflowRuns = new Map<number, WorkflowRunRecord>();
  /** Passwords of people who may sign in to the web pages (the OAuth web flow), by user id. */
  readonly passwords = new Map<number, string>();
  /** Signed-in browsers: the user_session cookie's value to its user. */
  readonly webSessions = new Map<string, UserRecord>();
  /** Codes of the OAuth web flow, single use, ten minutes. */
  readonly oauthCodes = new Map<string, OAuthCodeRecord>();
  /** Refresh tokens of user access tokens, single use. */
  readonly refreshTokens = new Map<string, { app: AppRecord; user: UserRecord; expiresAt: Date }>();
  private readonly counters = new Map<string, number>();

  /** A fresh id; each kind counts from its own base so an id of one kind never fits another. */
  nextId(kind: string): number {
    const bases: Record<string, number> = {
      user: 1_000,
      repo: 500_000,
      team: 7_000,
      app: 900,
      installation: 40_000,
      suite: 3_000_000,
      run: 4_000_000,
      issue: 2_000_000,
      comment: 6_000_000,
      reaction: 8_000_000,
      workflowRun: 9_000_000,
      workflow: 100_000,
      ruleset: 12_000,
      hook: 300_000,
      deployment: 11_000_000,
      environment: 13_000_000,
      branchPolicy: 14_000,
      protectionRule: 15_000,
      secretKey: 3_380_204_578_000,
      label: 16_000_000,
    };
    const next = (this.counters.get(kind) ?? bases[kind] ?? 0) + 1;
    this.counters.set(kind, next);
    return next;
  }

  nextIssueNumber(repo: RepoRecord): number {
    return this.nextId(`issue-number:${repo.fullName}`);
  }

  user(login: string): UserRecord | undefined {
    return this.users.get(login.toLowerCase());
  }

  userById(id: number): UserRecord | undefined {
    return [...this.users.values()].find((user) => user.id === id);
  }

  repo(owner: string, name: string): RepoRecord | undefined {
    return this.repos.get(`${owner}/${name}`.toLowerCase());
  }

  repoById(id: number): RepoRecord | undefined {
    return [...this.repos.values()].find((repo) => repo.id === id);
  }

  /** The repository's label of that name, created (grey, as GitHub does) when it has none. */
  label(repo: RepoRecord, name: string): LabelRecord {
    const key = `${repo.fullName}:${name}`.toLowerCase();
    let label = this.labels.get(key);
    if (!label) {
      label = { id: this.nextId("label"), name, color: "ededed" };
      this.labels.set(key, label);
    }
    return label;
  }

  issue(repo: RepoRecord, number: number): IssueRecord | undefined {
    return this.issues.get(`${repo.fullName}#${number}`.toLowerCase());
  }

  /** The installations of an app or of any app that reach `repo`. */
  installationsFor(repo: RepoRecord): InstallationRecord[] {
    return [...this.installations.values()].filter(
      (installation) =>
        installation.account.id === repo.owner.id &&
        (installation.repositorySelection === "all" || installation.repositoryIds.has(repo.id)),
    );
  }

  /** A person's effective role on a repository: ownership, organization, teams and collaborators. */
  roleOf(user: UserRecord, repo: RepoRecord): RepoRole | "none" {
    if (user.id === repo.owner.id) return "admin";
    let role: RepoRole | "none" = repo.collaborators.get(user.login.toLowerCase()) ?? "none";
    const org = this.orgs.get(repo.owner.login.toLowerCase());
    if (org) {
      const membership = org.members.get(user.login.toLowerCase());
      if (membership === "admin") return "admin";
      if (membership === "member") role = higher(role, org.basePermission);
      for (const team of this.teams.values()) {
        if (team.org !== org || !team.members.has(user.login.toLowerCase())) continue;
        role = higher(role, team.repositories.get(repo.id) ?? "none");
      }
    }
    return role;
  }
}
