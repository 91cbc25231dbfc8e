import { generateKeyPairSync, createPublicKey, randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { SnapgateError } from "../core/errors.js";
import { newTokenValue } from "./auth/new-token-value.js";
import { issueUserAccessToken } from "./web/issue-user-access-token.js";
import { restContract } from "./contract/rest-contract.js";
import { webhookContract } from "./contract/webhook-contract.js";
import { describeFault } from "./faults/describe-fault.js";
import { FaultInjector } from "./faults/fault-injector.js";
import { GitRepository } from "./git/git-repository.js";
import { createGraphqlHandler } from "./graphql/graphql-handler.js";
import { allRoutes } from "./handlers/all-routes.js";
import { noreplyEmail, signatureFrom } from "./handlers/request-helpers.js";
import { RateLimits } from "./http/rate-limits.js";
import { RequestHandler } from "./http/request-handler.js";
import { Router } from "./http/router.js";
import { RequestLog, type LoggedRequest } from "./log/request-log.js";
import { ViolationLog, type Violation } from "./log/violation-log.js";
import { SandboxUrls } from "./representations/urls.js";
import { ENFORCED_RULE_TYPES } from "./rules/enforced-rule-types.js";
import { RefWriter } from "./services/ref-writer.js";
import {
  DEFAULT_SANDBOX_LIMITS,
  type SandboxLimits,
  type SandboxServices,
} from "./services/sandbox-services.js";
import type { RepoRecord, UserRecord, WorkflowRunRecord } from "./state/entities.js";
import { World } from "./state/world.js";
import { createWorkflowRun } from "./state/create-workflow-run.js";
import { newSecretBox } from "./state/secret-box.js";
import { orgSecretsFor } from "./handlers/secret-routes.js";
import { finishJob, gateRunJobs, waitingOn } from "./services/deployment-gates.js";
import { findPath } from "./git/find-path.js";
import { scheduleCrons } from "./state/schedule-crons.js";
import { pushBranches } from "./state/push-branches.js";
import picomatch from "picomatch";
import { workflowJobs } from "./state/workflow-jobs.js";
import { parse as parseYaml } from "yaml";
import type {
  CreateAppOptions,
  CreatedApp,
  CreatedRepo,
  CreateOrgOptions,
  CreatePullRequestOptions,
  CreateRepoOptions,
  CreateTokenOptions,
  CreateUserOptions,
  Permissions,
  RepoRole,
  RulesetSpec,
  TeamMember,
} from "./types.js";
import { WebhookCenter } from "./webhooks/webhook-center.js";
import { workflowRunView, type WorkflowRunView } from "./webhooks/workflow-run-view.js";

export interface SandboxOptions {
  /** Where bare repositories live; a temporary directory (removed on close) if omitted. */
  dir: string;
  /** Whether the directory is the sandbox's to remove on close. */
  ownsDir: boolean;
  limits?: Partial<SandboxLimits>;
  /** Emit push and workflow_run webhooks to installed apps (default true). */
  webhookSideEffects?: boolean;
}

function usage(message: string, fix: string): SnapgateError {
  return new SnapgateError("USAGE", message, { fix });
}

/**
 * A local stand-in for api.github.com: the HTTP server plus the admin API
 * tests use to set up users, repositories, apps, tokens and rulesets, inject
 * faults, deliver webhooks and read the request log. Start it with
 * `startSandbox()`.
 */
export class Sandbox {
  /** REST base URL; GraphQL is at `${url}/graphql`, git smart HTTP at `${url}/<owner>/<repo>.git`. */
  readonly url: string;
  readonly graphqlUrl: string;
  readonly faults = new FaultInjector();
  readonly webhooks: WebhookCenter;
  private readonly world = new World();
  private readonly log = new RequestLog();
  private readonly violationLog = new ViolationLog();
  private readonly services: SandboxServices;
  private concurrentWrites = 0;

  private constructor(
    private readonly server: Server,
    private readonly options: SandboxOptions,
  ) {
    const port = (server.address() as AddressInfo).port;
    this.url = `http://127.0.0.1:${port}`;
    this.graphqlUrl = `${this.url}/graphql`;
    const urls = new SandboxUrls(this.url);
    this.webhooks = new WebhookCenter(this.world, urls, webhookContract(), this.violationLog);
    this.webhooks.sideEffects = options.webhookSideEffects ?? true;
    const refs = new RefWriter(this.world, (push) => this.webhooks.pushed(push));
    this.services = {
      world: this.world,
      urls,
      refs,
      limits: { ...DEFAULT_SANDBOX_LIMITS, ...options.limits },
      workflowRunCompleted: (run) => this.webhooks.workflowRunCompleted(run),
      protectionRuleRequested: (run, pending) =>
        this.webhooks.protectionRuleRequested(run, pending),
      violations: this.violationLog,
    };
    const handler = new RequestHandler({
      services: this.services,
      router: new Router(allRoutes),
      contract: restContract(),
      faults: this.faults,
      log: this.log,
      violations: this.violationLog,
      rateLimits: new RateLimits(this.services.limits.requestsPerHour),
      graphql: createGraphqlHandler(this.violationLog),
      concurrentWrite: (repo, branch, files) => this.writeConcurrently(repo, branch, files),
    });
    server.on("request", (request, response) => {
      handler.handle(request, response).catch((error: unknown) => {
        if (!response.headersSent) response.writeHead(500, { "content-type": "text/plain" });
        response.end(`Sandbox failure: ${String(error)}`);
      });
    });
  }

  static async start(options: SandboxOptions): Promise<Sandbox> {
    const server = createServer({ keepAlive: true });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return new Sandbox(server, options);
  }

  // ---- people ---------------------------------------------------------

  createUser(options: CreateUserOptions): { id: number; login: string } {
    const user = this.addUser(options.login, options.type ?? "User", options.name, options.email);
    return { id: user.id, login: user.login };
  }

  createOrg(options: CreateOrgOptions): { id: number; login: string } {
    const user = this.addUser(options.login, "Organization");
    const members = new Map<string, "admin" | "member">();
    for (const login of options.members ?? [])
      members.set(this.requireUser(login).login.toLowerCase(), "member");
    for (const login of options.admins ?? [])
      members.set(this.requireUser(login).login.toLowerCase(), "admin");
    this.world.orgs.set(user.login.toLowerCase(), {
      user,
      members,
      basePermission: options.basePermission ?? "read",
      secrets: new Map(),
    });
    return { id: user.id, login: user.login };
  }

  /** A team of an organization; its members join the organization. `repositories` maps repository names to the team's role. */
  createTeam(
    org: string,
    slug: string,
    members: (string | TeamMember)[],
    repositories: Record<string, RepoRole> = {},
  ): { id: number; slug: string } {
    const orgRecord = this.world.orgs.get(org.toLowerCase());
    if (!orgRecord)
      throw usage(`There is no organization ${org}.`, "Create it with createOrg first.");
    const team = {
      id: this.world.nextId("team"),
      org: orgRecord,
      slug,
      name: slug,
      members: new Map<string, "member" | "maintainer">(),
      repositories: new Map<number, RepoRole>(),
    };
    for (const member of members) {
      const { login, role } =
        typeof member === "string" ? { login: member, role: "member" as const } : member;
      const user = this.requireUser(login);
      team.members.set(user.login.toLowerCase(), role ?? "member");
      if (!orgRecord.members.has(user.login.toLowerCase()))
        orgRecord.members.set(user.login.toLowerCase(), "member");
    }
    for (const [name, role] of Object.entries(repositories)) {
      team.repositories.set(this.requireRepo(org, name).id, role);
    }
    this.world.teams.set(`${org}/${slug}`.toLowerCase(), team);
    return { id: team.id, slug };
  }

  addCollaborator(owner: string, repo: string, login: string, permission: RepoRole): void {
    const user = this.requireUser(login);
    this.requireRepo(owner, repo).collaborators.set(user.login.toLowerCase(), permission);
  }

  // ---- repositories ---------------------------------------------------

  async createRepo(options: CreateRepoOptions): Promise<CreatedRepo> {
    const owner = this.requireUser(options.owner);
    const fullName = `${owner.login}/${options.name}`;
    if (this.world.repo(owner.login, options.name)) {
      throw usage(`Repository ${fullName} already exists.`, "Pick another name.");
    }
    if (!/^[\w.-]+$/.test(options.name)) {
      throw usage(
        `${JSON.stringify(options.name)} is not a repository name.`,
        "Use letters, digits, '.', '-' and '_'.",
      );
    }
    const defaultBranch = options.defaultBranch ?? "main";
    const gitDir = join(this.options.dir, "repos", owner.login, `${options.name}.git`);
    const git = await GitRepository.create(gitDir, defaultBranch);
    const now = new Date();
    const repo: RepoRecord = {
      id: this.world.nextId("repo"),
      owner,
      name: options.name,
      fullName,
      private: options.private ?? false,
      description: options.description ?? null,
      defaultBranch,
      git,
      collaborators: new Map(),
      rulesets: [],
      verifiedCommits: new Set(),
      workflowIds: new Map(),
      environments: new Map(),
      secrets: new Map(),
      secretBox: newSecretBox(String(this.world.nextId("secretKey"))),
      createdAt: now,
      updatedAt: now,
      pushedAt: now,
    };
    this.world.repos.set(fullName.toLowerCase(), repo);
    if (options.files && Object.keys(options.files).length > 0) {
      await this.commitFiles(
        owner.login,
        options.name,
        defaultBranch,
        options.files,
        "Initial commit",
      );
    }
    return { path: gitDir, id: repo.id };
  }

  /** The bare repository directory, for `git clone` or `git --git-dir`. */
  repoPath(owner: string, repo: string): string {
    return this.requireRepo(owner, repo).git.gitDir;
  }

  /**
   * Commits files to a branch as a `git push` by `author` (default: the owner)
   * would: rulesets do not apply (this is the test's hand), push webhooks do.
   * A missing branch starts from the default branch. null deletes a file.
   */
  async commitFiles(
    owner: string,
    repo: string,
    branch: string,
    files: Record<string, string | Buffer | null>,
    message: string,
    options: { author?: string } = {},
  ): Promise<string> {
    const repoRecord = this.requireRepo(owner, repo);
    const author = options.author
      ? this.requireUser(options.author)
      : this.defaultPusher(repoRecord);
    const signature = signatureFrom(undefined, author, new Date());
    const contents = Object.fromEntries(
      Object.entries(files).map(([path, content]) => [
        path,
        content === null ? null : Buffer.isBuffer(content) ? content : Buffer.from(content, "utf8"),
      ]),
    );
    const { commit } = await this.services.refs.commitFiles(
      repoRecord,
      {
        branch,
        files: contents,
        message,
        author: signature,
        committer: signature,
        createBranch: true,
        documentationUrl: "https://docs.github.com/rest",
      },
      { admin: true, pusher: author },
    );
    return commit;
  }

  /** Adds a ruleset to a repository, as the rulesets REST API would; returns its id. */
  addRuleset(owner: string, repo: string, ruleset: RulesetSpec): number {
    const repoRecord = this.requireRepo(owner, repo);
    if (ruleset.rules.length === 0)
      throw usage(`Ruleset ${ruleset.name} has no rules.`, "Add at least one rule.");
    const unenforced = ruleset.rules
      .map((rule) => (rule as { type: string }).type)
      .filter((type) => !ENFORCED_RULE_TYPES.has(type));
    if (unenforced.length > 0)
      throw usage(
        `The sandbox does not enforce the rule type(s) ${unenforced.map((type) => `'${type}'`).join(", ")} of ruleset ${ruleset.name}.`,
        `Use ${[...ENFORCED_RULE_TYPES].join(", ")}, or teach sandbox/rules/enforce-rulesets.ts the rule first.`,
      );
    const now = new Date();
    const id = this.world.nextId("ruleset");
    repoRecord.rulesets.push({
      id,
      name: ruleset.name,
      target: ruleset.target ?? "branch",
      enforcement: ruleset.enforcement ?? "active",
      include: ruleset.conditions?.ref_name.include ?? ["~DEFAULT_BRANCH"],
      exclude: ruleset.conditions?.ref_name.exclude ?? [],
      rules: ruleset.rules,
      bypassActors: ruleset.bypass_actors ?? [],
      createdAt: now,
      updatedAt: now,
    });
    return id;
  }

  /**
   * Changes a ruleset as the UI's edit page (or `PUT /repos/{owner}/{repo}/rulesets/{id}`,
   * which the sandbox does not serve) does: only the fields given change.
   */
  updateRuleset(
    owner: string,
    repo: string,
    id: number,
    change: Partial<Pick<RulesetSpec, "bypass_actors" | "enforcement">>,
  ): void {
    const ruleset = this.requireRepo(owner, repo).rulesets.find((r) => r.id === id);
    if (!ruleset)
      throw usage(`${owner}/${repo} has no ruleset ${id}.`, "Use the id addRuleset returned.");
    if (change.bypass_actors) ruleset.bypassActors = change.bypass_actors;
    if (change.enforcement) ruleset.enforcement = change.enforcement;
    ruleset.updatedAt = new Date();
  }

  /** Opens a pull request from `head` into `base`; returns its number (shared with issues). */
  createPullRequest(options: CreatePullRequestOptions): number {
    const repo = this.requireRepo(options.owner, options.repo);
    const headSha = repo.git.readRef(`refs/heads/${options.head}`);
    const baseSha = repo.git.readRef(`refs/heads/${options.base}`);
    if (!headSha || !baseSha) {
      throw usage(
        `Branches ${options.head} and ${options.base} must exist in ${repo.fullName}.`,
        "Create them with commitFiles first.",
      );
    }
    const now = new Date();
    const number = this.world.nextIssueNumber(repo);
    this.world.issues.set(`${repo.fullName}#${number}`.toLowerCase(), {
      id: this.world.nextId("issue"),
      number,
      repo,
      title: options.title ?? `Merge ${options.head} into ${options.base}`,
      body: options.body ?? null,
      user: this.requireUser(options.user),
      state: "open",
      createdAt: now,
      updatedAt: now,
      pull: { headRef: options.head, headSha, baseRef: options.base, baseSha, draft: false },
    });
    return number;
  }

  // ---- tokens and apps ------------------------------------------------

  /** A fine-grained token acting as `actor` on the given repositories with the given permissions. */
  createToken(options: CreateTokenOptions): string {
    const actor = this.requireUser(options.actor);
    if ([...this.world.apps.values()].some((app) => app.bot === actor)) {
      throw usage(
        `${actor.login} is a GitHub App's bot: its tokens come from an installation.`,
        "Use createInstallationToken (or createWorkflowToken for GITHUB_TOKEN).",
      );
    }
    const value = newTokenValue("github_pat_");
    this.world.tokens.set(value, {
      value,
      kind: "user",
      actor,
      repositoryIds: this.repositoryIds(options.repositories),
      permissions: { ...options.permissions },
      expiresAt: options.expiresAt ?? null,
      installation: null,
    });
    return value;
  }

  createApp(options: CreateAppOptions): CreatedApp {
    if ([...this.world.apps.values()].some((app) => app.slug === options.slug)) {
      throw usage(`An app with slug ${options.slug} exists.`, "Pick another slug.");
    }
    const owner = options.owner
      ? this.requireUser(options.owner)
      : this.addUser(`${options.slug}-owner`, "User");
    const bot = this.addUser(`${options.slug}[bot]`, "Bot", options.name ?? options.slug);
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const privateKeyPem = privateKey.export({ type: "pkcs1", format: "pem" }).toString();
    const id = this.world.nextId("app");
    const webhookSecret = options.webhookSecret ?? randomBytes(20).toString("hex");
    this.world.apps.set(id, {
      id,
      slug: options.slug,
      name: options.name ?? options.slug,
      clientId: `Iv1.${randomBytes(8).toString("hex")}`,
      owner,
      bot,
      privateKeyPem,
      publicKey: createPublicKey(privateKey),
      permissions: { metadata: "read", ...options.permissions },
      events: [...options.events],
      webhookUrl: options.webhookUrl ?? null,
      webhookSecret,
      hookId: this.world.nextId("hook"),
      clientSecret: randomBytes(20).toString("hex"),
      callbackUrls: [...(options.callbackUrls ?? [])],
      authorizedUserIds: new Set(),
      createdAt: new Date(),
    });
    const app = this.world.apps.get(id)!;
    return {
      appId: id,
      slug: app.slug,
      clientId: app.clientId,
      clientSecret: app.clientSecret,
      privateKeyPem,
      webhookSecret,
      botLogin: bot.login,
      botId: bot.id,
    };
  }

  /** Installs an app on an account, for all its repositories or the named ones; returns the installation id. */
  installApp(appId: number, owner: string, repos: string[] | "all"): number {
    const app = this.requireApp(appId);
    const account = this.requireUser(owner);
    const id = this.world.nextId("installation");
    const installation = {
      id,
      app,
      account,
      repositorySelection: repos === "all" ? ("all" as const) : ("selected" as const),
      repositoryIds: new Set(
        repos === "all" ? [] : repos.map((name) => this.requireRepo(owner, name).id),
      ),
      createdAt: new Date(),
    };
    this.world.installations.set(id, installation);
    return id;
  }

  /**
   * An installation token without going through the API (what GITHUB_TOKEN is
   * to a workflow): narrowed to `repositories` and `permissions` if given.
   */
  createInstallationToken(
    installationId: number,
    options: { repositories?: string[]; permissions?: Permissions; expiresAt?: Date } = {},
  ): string {
    const installation = this.world.installations.get(installationId);
    if (!installation)
      throw usage(`There is no installation ${installationId}.`, "Use the id installApp returned.");
    const value = newTokenValue("ghs_");
    this.world.tokens.set(value, {
      value,
      kind: "installation",
      actor: installation.app.bot,
      repositoryIds: options.repositories
        ? new Set(
            options.repositories.map(
              (name) => this.requireRepo(installation.account.login, name).id,
            ),
          )
        : "all",
      permissions: { ...(options.permissions ?? installation.app.permissions) },
      expiresAt: options.expiresAt ?? new Date(Date.now() + 3600_000),
      installation,
    });
    return value;
  }

  /**
   * What a workflow's GITHUB_TOKEN is: an installation token of the
   * "github-actions" app (created on first use), for one repository only.
   */
  createWorkflowToken(options: { repository: string; permissions: Permissions }): string {
    const [owner, name] = options.repository.split("/");
    const repo = this.requireRepo(owner ?? "", name ?? "");
    let app = [...this.world.apps.values()].find(
      (candidate) => candidate.slug === "github-actions",
    );
    if (!app) {
      const created = this.createApp({
        slug: "github-actions",
        name: "GitHub Actions",
        permissions: {},
        events: [],
      });
      app = this.world.apps.get(created.appId)!;
    }
    const appRecord = app;
    let installation = [...this.world.installations.values()].find(
      (candidate) => candidate.app === appRecord && candidate.account === repo.owner,
    );
    if (!installation) {
      installation = this.world.installations.get(
        this.installApp(appRecord.id, repo.owner.login, "all"),
      )!;
    }
    return this.createInstallationToken(installation.id, {
      repositories: [repo.name],
      permissions: { metadata: "read", ...options.permissions },
    });
  }

  /** The app settings' "Callback URLs" (as webhooks.setUrl is its webhook URL): where the web flow may return. */
  setAppCallbackUrls(appId: number, urls: string[]): void {
    this.requireApp(appId).callbackUrls = [...urls];
  }

  /** Lets `login` sign in on the sandbox's web pages (the OAuth web flow's sign-in form) with `password`. */
  setUserPassword(login: string, password: string): void {
    this.world.passwords.set(this.requireUser(login).id, password);
  }

  /**
   * A user access token of a GitHub App for `login`, as the web flow's token
   * exchange mints it (for tests that need one without a browser).
   */
  createUserAccessToken(appId: number, login: string, expiresAt?: Date): string {
    const app = this.requireApp(appId);
    const user = this.requireUser(login);
    return issueUserAccessToken(this.world, app, user, expiresAt).access_token;
  }

  // ---- issues and comments --------------------------------------------

  /** A comment by `user` on an issue or pull request, as if posted in the web UI; returns its id. */
  addIssueComment(options: {
    owner: string;
    repo: string;
    number: number;
    user: string;
    body: string;
  }): number {
    const repo = this.requireRepo(options.owner, options.repo);
    const issue = this.world.issue(repo, options.number);
    if (!issue)
      throw usage(
        `There is no issue or pull request #${options.number} in ${repo.fullName}.`,
        "Create it first.",
      );
    const now = new Date();
    const id = this.world.nextId("comment");
    this.world.comments.set(id, {
      id,
      repo,
      issue,
      user: this.requireUser(options.user),
      body: options.body,
      createdAt: now,
      updatedAt: now,
      reactions: [],
      deleted: false,
    });
    return id;
  }

  /** Edits a comment as its author would; returns the previous body (for an `edited` payload). */
  editIssueComment(commentId: number, body: string): string {
    const comment = this.requireComment(commentId);
    const previous = comment.body;
    comment.body = body;
    comment.updatedAt = new Date();
    return previous;
  }

  /** Deletes a comment: the API no longer shows it, a `deleted` payload can still describe it. */
  deleteIssueComment(commentId: number): void {
    this.requireComment(commentId).deleted = true;
  }

  // ---- workflow runs --------------------------------------------------

  /**
   * The buttons (requested actions) a check run offers, as GitHub's UI shows
   * them: neither REST nor GraphQL returns them.
   */
  checkRunActions(
    checkRunId: number,
  ): { label: string; description: string; identifier: string }[] {
    const run = this.world.checkRuns.get(checkRunId);
    if (!run) throw usage(`There is no check run ${checkRunId}.`, "Use an id the API returned.");
    return run.actions.map((action) => ({ ...action }));
  }

  /** A workflow run as tests read it (inputs, ref, status, deployment reviews). */
  workflowRun(runId: number): WorkflowRunView {
    return workflowRunView(this.requireRun(runId));
  }

  /** Runs of a repository, newest first. */
  workflowRuns(owner: string, repo: string): WorkflowRunView[] {
    const repoRecord = this.requireRepo(owner, repo);
    return [...this.world.workflowRuns.values()]
      .filter((run) => run.repo === repoRecord)
      .reverse()
      .map(workflowRunView);
  }

  /** Completes a run and emits `workflow_run` (completed) to subscribed apps. */
  completeWorkflowRun(
    runId: number,
    conclusion: "success" | "failure" | "cancelled" | "timed_out" = "success",
  ): void {
    const run = this.requireRun(runId);
    if (run.status === "completed")
      throw usage(`Workflow run ${runId} is already completed.`, "Complete each run once.");
    run.status = "completed";
    run.conclusion = conclusion;
    run.updatedAt = new Date();
    this.services.workflowRunCompleted(run);
  }

  /**
   * GitHub's scheduler firing a workflow's `schedule` trigger: a run with
   * event `schedule` of the workflow file as it is on the head of the
   * default branch (GitHub schedules only there), attempt 1, whose jobs are
   * gated like any run's (an environment's custom protection rule holds them
   * and asks its app). GitHub's actor of a scheduled run is the user who last
   * changed the cron in the file; `actor` stands for that user (the
   * repository's default pusher when omitted). Returns the run id.
   */
  async runSchedule(options: {
    owner: string;
    repo: string;
    workflow: string;
    actor?: string;
  }): Promise<number> {
    const repo = this.requireRepo(options.owner, options.repo);
    const path = `.github/workflows/${options.workflow}`;
    const headSha = repo.git.readRef(`refs/heads/${repo.defaultBranch}`);
    if (!headSha)
      throw usage(
        `${repo.fullName} has no commit on its default branch ${repo.defaultBranch}.`,
        "Commit the workflow to the default branch first: GitHub schedules only the default branch's workflows.",
      );
    const file = await findPath(repo.git, (await repo.git.readCommit(headSha))!.tree, path);
    if (!file || file.type !== "blob")
      throw usage(
        `${path} is not on ${repo.defaultBranch} of ${repo.fullName}.`,
        "Commit the workflow to the default branch first.",
      );
    const workflow = parseYaml((await repo.git.read(file.oid))!.content.toString("utf8")) as Record<
      string | number,
      unknown
    > | null;
    if (scheduleCrons(workflow).length === 0)
      throw usage(
        `${path} has no schedule trigger, so GitHub never runs it on a schedule.`,
        "Add `on: schedule: [{ cron: ... }]` to the workflow.",
      );
    const jobs = workflowJobs(workflow, (what) => {
      throw usage(
        `${what} is not supported by the Snapgate sandbox.`,
        "Name the environment literally.",
      );
    });
    const run = createWorkflowRun(this.world, repo, {
      path,
      branch: repo.defaultBranch,
      headSha,
      event: "schedule",
      actor: options.actor ? this.requireUser(options.actor) : this.defaultPusher(repo),
      inputs: {},
    });
    const now = new Date();
    gateRunJobs(this.world, run, jobs, this.services, now);
    return run.id;
  }

  /**
   * GitHub starting a workflow's `push` trigger for the head of `branch` (as
   * after a push to it): a run with event `push` of the workflow file as it
   * is on that head, attempt 1, refused unless the file's `on.push.branches`
   * match the branch; its jobs are gated like any run's. `actor` is the
   * pusher (the repository's default pusher when omitted). Returns the run id.
   */
  async runPush(options: {
    owner: string;
    repo: string;
    workflow: string;
    branch: string;
    actor?: string;
  }): Promise<number> {
    const repo = this.requireRepo(options.owner, options.repo);
    const path = `.github/workflows/${options.workflow}`;
    const headSha = repo.git.readRef(`refs/heads/${options.branch}`);
    if (!headSha)
      throw usage(
        `${repo.fullName} has no branch ${options.branch}.`,
        "Commit to the branch first (commitFiles creates it).",
      );
    const file = await findPath(repo.git, (await repo.git.readCommit(headSha))!.tree, path);
    if (!file || file.type !== "blob")
      throw usage(
        `${path} is not on ${options.branch} of ${repo.fullName}.`,
        "Commit the workflow to the branch first: a push runs the workflows of the pushed commit.",
      );
    const workflow = parseYaml((await repo.git.read(file.oid))!.content.toString("utf8")) as Record<
      string | number,
      unknown
    > | null;
    const branches = pushBranches(workflow);
    if (!branches?.some((pattern) => picomatch.isMatch(options.branch, pattern)))
      throw usage(
        `${path} does not run on a push to ${options.branch} (its push trigger: ${branches ? branches.join(", ") : "none"}).`,
        "Push to a branch the workflow's `on.push.branches` names.",
      );
    const jobs = workflowJobs(workflow, (what) => {
      throw usage(
        `${what} is not supported by the Snapgate sandbox.`,
        "Name the environment literally.",
      );
    });
    const run = createWorkflowRun(this.world, repo, {
      path,
      branch: options.branch,
      headSha,
      event: "push",
      actor: options.actor ? this.requireUser(options.actor) : this.defaultPusher(repo),
      inputs: {},
    });
    gateRunJobs(this.world, run, jobs, this.services, new Date());
    return run.id;
  }

  /**
   * Holds a run on a custom deployment protection rule answered by `appId`
   * for `environment`; returns the run id. The `deployment_protection_rule`
   * payload builder describes it.
   */
  async createWaitingRun(options: {
    owner: string;
    repo: string;
    branch: string;
    environment: string;
    appId: number;
    workflow?: string;
    actor?: string;
    /** The run's trigger (GitHub's `event`); `push` when omitted. */
    event?: string;
  }): Promise<number> {
    const repo = this.requireRepo(options.owner, options.repo);
    const headSha = repo.git.readRef(`refs/heads/${options.branch}`);
    if (!headSha) throw usage(`Branch ${options.branch} does not exist.`, "Commit to it first.");
    const path = `.github/workflows/${options.workflow ?? "deploy.yml"}`;
    const run = createWorkflowRun(this.world, repo, {
      path,
      branch: options.branch,
      headSha,
      event: options.event ?? "push",
      actor: options.actor ? this.requireUser(options.actor) : this.defaultPusher(repo),
      inputs: {},
    });
    run.status = "waiting";
    run.pendingDeployments.push({
      environment: options.environment,
      app: this.requireApp(options.appId),
      deploymentId: this.world.nextId("deployment"),
    });
    return run.id;
  }

  // ---- environments, secrets and jobs ---------------------------------

  /**
   * GitHub's "Allow administrators to bypass configured protection rules" of
   * an environment (on for a new one): a setting of the web UI that the REST
   * description does not let a client send, so tests set it here.
   */
  setEnvironmentAdminBypass(owner: string, repo: string, environment: string, allowed: boolean) {
    const record = this.requireRepo(owner, repo).environments.get(environment.toLowerCase());
    if (!record)
      throw usage(
        `${owner}/${repo} has no environment ${environment}.`,
        "Create it with PUT /repos/{owner}/{repo}/environments/{environment_name} first.",
      );
    record.canAdminsBypass = allowed;
  }

  /** An organization secret, as an organization owner sets it in the settings. */
  setOrgSecret(
    org: string,
    name: string,
    value: string,
    options: { visibility?: "all" | "private" | "selected"; repositories?: string[] } = {},
  ): void {
    const orgRecord = this.world.orgs.get(org.toLowerCase());
    if (!orgRecord)
      throw usage(`There is no organization ${org}.`, "Create it with createOrg first.");
    const now = new Date();
    orgRecord.secrets.set(name.toUpperCase(), {
      name: name.toUpperCase(),
      value,
      createdAt: now,
      updatedAt: now,
      visibility: options.visibility ?? (options.repositories ? "selected" : "all"),
      repositoryIds: new Set(
        (options.repositories ?? []).map((repo) => this.requireRepo(org, repo).id),
      ),
    });
  }

  /**
   * What the runner receives when it picks up a job of a dispatched run: the
   * secrets of the repository, its organization and the job's environment
   * (environment first), and only once GitHub released the job (its branch
   * may deploy there and every custom protection rule approved). Otherwise
   * throws GitHub's reason and hands over nothing. Test-only: no REST
   * endpoint returns a secret's value.
   */
  startJob(
    runId: number,
    jobName: string,
  ): { environment: string | null; secrets: Record<string, string> } {
    const run = this.requireRun(runId);
    const job = run.jobs.find((candidate) => candidate.name === jobName);
    if (!job)
      throw usage(
        `Run ${runId} has no job ${jobName}.`,
        `Use a job id of ${run.path}: ${run.jobs.map((candidate) => candidate.name).join(", ") || "none"}.`,
      );
    const refuse = (reason: string) =>
      new SnapgateError(
        "PERMISSION",
        `GitHub does not start job ${jobName} of run ${runId}: ${reason}`,
        {
          fix: "Only a run whose custom deployment protection rules approved it receives the environment's secrets.",
        },
      );
    if (job.status === "waiting") {
      const apps = waitingOn(run, job).map((app) => app.slug);
      throw refuse(
        `it waits on the deployment protection rule of ${apps.join(", ")} for ${job.environment}.`,
      );
    }
    if (job.refusal) throw refuse(job.refusal);
    if (job.status !== "queued") throw refuse(`the job is ${job.status} already.`);
    job.status = "in_progress";
    run.status = "in_progress";
    run.updatedAt = new Date();
    const environment = job.environment
      ? run.repo.environments.get(job.environment.toLowerCase())
      : undefined;
    const secrets: Record<string, string> = {};
    for (const secret of [
      ...orgSecretsFor(this.world, run.repo),
      ...run.repo.secrets.values(),
      ...(environment?.secrets.values() ?? []),
    ])
      secrets[secret.name] = secret.value;
    return { environment: job.environment, secrets };
  }

  /** Ends a job the harness ran; the run completes (workflow_run) with its last job. */
  completeJob(
    runId: number,
    jobName: string,
    conclusion: "success" | "failure" | "cancelled",
  ): void {
    const run = this.requireRun(runId);
    const job = run.jobs.find((candidate) => candidate.name === jobName);
    if (job?.status !== "in_progress")
      throw usage(
        `Job ${jobName} of run ${runId} is not running.`,
        "Start it with startJob first.",
      );
    finishJob(run, job, conclusion, this.services, new Date());
  }

  // ---- log, contract and lifecycle -----------------------------------

  /** Every request so far (since the last resetLog). */
  get requests(): readonly LoggedRequest[] {
    return this.log.all();
  }

  resetLog(): void {
    this.log.reset();
  }

  /** Requests with this operation id ("git/create-tree", "graphql", "git-http"), or all requests. */
  countCalls(operationId?: string): number {
    return this.log.count(operationId);
  }

  /** Milliseconds the sandbox spent answering the requests logged so far (since the last resetLog). */
  handlingMs(): number {
    return this.log.handlingMs();
  }

  /** Requests per operation id. */
  callCounts(): Record<string, number> {
    return this.log.countsByOperation();
  }

  get violations(): readonly Violation[] {
    return this.violationLog.all();
  }

  /** Returns and forgets contract violations: for tests that send a bad request on purpose and assert on it. */
  takeViolations(): Violation[] {
    return this.violationLog.take();
  }

  /**
   * Throws when a request broke GitHub's contract, hit a route the sandbox
   * does not serve, used an unimplemented GraphQL field, got a response the
   * sandbox got wrong, or when an injected fault never fired. Clears what it
   * reports so the next test starts clean. Call it in afterEach.
   */
  assertClean(): void {
    const violations = this.violationLog.take();
    const unused = this.faults.unused();
    this.faults.clear();
    if (violations.length === 0 && unused.length === 0) return;
    const lines = [
      ...violations.map(
        (violation) =>
          `${violation.kind}: ${violation.method} ${violation.path} (${violation.operationId ?? "no operation"}): ${violation.problems.join(" ")}`,
      ),
      ...unused.map(
        (fault) => `unused fault (${fault.remaining} left): ${describeFault(fault.spec)}`,
      ),
    ];
    throw new SnapgateError("INTEGRITY", `The GitHub sandbox saw problems:\n${lines.join("\n")}`, {
      fix: "Fix the request the code sends (it is checked against GitHub's OpenAPI description), or remove the fault that never fired.",
      details: { violations, unusedFaults: unused.map((fault) => fault.spec) },
    });
  }

  async close(): Promise<void> {
    await this.webhooks.settle();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const repo of this.world.repos.values()) repo.git.close();
    if (this.options.ownsDir) rmSync(this.options.dir, { recursive: true, force: true });
  }

  // ---- internals ------------------------------------------------------

  private addUser(
    login: string,
    type: UserRecord["type"],
    name?: string,
    email?: string,
  ): UserRecord {
    if (this.world.user(login)) throw usage(`The login ${login} is taken.`, "Pick another login.");
    if (!/^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(\[bot\])?$/.test(login)) {
      throw usage(
        `${JSON.stringify(login)} is not a GitHub login.`,
        "Use letters, digits and single hyphens.",
      );
    }
    const user: UserRecord = {
      id: this.world.nextId("user"),
      login,
      type,
      name: name ?? login,
      email: email ?? "",
      createdAt: new Date(),
    };
    if (!user.email && type !== "Organization") user.email = noreplyEmail(user);
    this.world.users.set(login.toLowerCase(), user);
    return user;
  }

  private requireUser(login: string): UserRecord {
    const user = this.world.user(login);
    if (!user)
      throw usage(`There is no user ${login}.`, "Create it with createUser (or createOrg) first.");
    return user;
  }

  private requireRepo(owner: string, name: string): RepoRecord {
    const repo = this.world.repo(owner, name);
    if (!repo)
      throw usage(`There is no repository ${owner}/${name}.`, "Create it with createRepo first.");
    return repo;
  }

  private requireApp(appId: number) {
    const app = this.world.apps.get(appId);
    if (!app) throw usage(`There is no app ${appId}.`, "Use the appId createApp returned.");
    return app;
  }

  private requireComment(commentId: number) {
    const comment = this.world.comments.get(commentId);
    if (!comment || comment.deleted) {
      throw usage(
        `There is no comment ${commentId}.`,
        "Use an id addIssueComment or the API returned.",
      );
    }
    return comment;
  }

  private requireRun(runId: number): WorkflowRunRecord {
    const run = this.world.workflowRuns.get(runId);
    if (!run) throw usage(`There is no workflow run ${runId}.`, "Use the id a dispatch returned.");
    return run;
  }

  private repositoryIds(repositories: string[] | "all"): Set<number> | "all" {
    if (repositories === "all") return "all";
    return new Set(
      repositories.map((fullName) => {
        const [owner, name] = fullName.split("/");
        if (!owner || !name)
          throw usage(
            `${JSON.stringify(fullName)} is not "owner/name".`,
            "Name repositories as owner/name.",
          );
        return this.requireRepo(owner, name).id;
      }),
    );
  }

  private defaultPusher(repo: RepoRecord): UserRecord {
    if (repo.owner.type !== "Organization") return repo.owner;
    const org = this.world.orgs.get(repo.owner.login.toLowerCase())!;
    const admin = [...org.members].find(([, role]) => role === "admin")?.[0];
    return admin
      ? this.world.user(admin)!
      : (this.world.user("sandbox-pusher") ?? this.addUser("sandbox-pusher", "User"));
  }

  private async writeConcurrently(
    repo: RepoRecord,
    branch: string,
    files?: Record<string, string>,
  ): Promise<void> {
    this.concurrentWrites += 1;
    const writer =
      this.world.user("sandbox-concurrent-writer") ??
      this.addUser("sandbox-concurrent-writer", "User");
    await this.commitFiles(
      repo.owner.login,
      repo.name,
      branch,
      files ?? {
        [`.sandbox-concurrent/${this.concurrentWrites}.txt`]: `concurrent write ${this.concurrentWrites}\n`,
      },
      `Concurrent write ${this.concurrentWrites}`,
      { author: writer.login },
    );
  }
}
