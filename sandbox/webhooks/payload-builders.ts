import { SnapgateError } from "../../core/errors.js";
import type { CommitObject } from "../git/commit-object.js";
import { pullStats } from "../git/pull-stats.js";
import { runGit } from "../git/run-git.js";
import { installationJson, integrationJson } from "../representations/app-json.js";
import { checkRunJson, pullRequestsAt } from "../representations/check-run-json.js";
import { signatureDate } from "../representations/git-json.js";
import { commentJson, issueJson } from "../representations/issue-json.js";
import { pullRequestJson } from "../representations/pull-request-json.js";
import { repositoryJson } from "../representations/repository-json.js";
import { isoTime, nodeId, type SandboxUrls } from "../representations/urls.js";
import { userJson } from "../representations/user-json.js";
import { simpleCommitJson, workflowRunJson } from "../representations/workflow-run-json.js";
import type { CheckSuiteRecord, RepoRecord, UserRecord } from "../state/entities.js";
import type { World } from "../state/world.js";
import { checkSuiteAppEvents } from "./check-suite-app-events.js";

const ZERO = "0".repeat(40);

export type Payload = Record<string, unknown>;

function usage(message: string, fix: string): SnapgateError {
  return new SnapgateError("USAGE", message, { fix });
}

/**
 * Builds webhook payloads for the events Snapgate handles from the sandbox's
 * real state (ids, shas, users), shaped like GitHub's. Deliver them with
 * `webhooks.deliver(appId, event, payload)`, which adds `installation`.
 */
export class PayloadBuilders {
  constructor(
    private readonly world: World,
    private readonly urls: SandboxUrls,
  ) {}

  /** `push`: a ref moved from `before` to `after` (null: created / deleted). */
  async push(options: {
    owner: string;
    repo: string;
    ref: string;
    before: string | null;
    after: string | null;
    pusher?: string;
    forced?: boolean;
  }): Promise<Payload> {
    const repo = this.repo(options.owner, options.repo);
    const pusher = options.pusher ? this.user(options.pusher) : repo.owner;
    const commits = [];
    if (options.after) {
      const range = options.before
        ? [`${options.before}..${options.after}`]
        : ["-n", "1", options.after];
      const listed = await runGit(
        repo.git.gitDir,
        ["rev-list", "--reverse", "-n", "20", ...range],
        { check: true },
      );
      for (const oid of listed.stdout.split("\n").filter(Boolean))
        commits.push(await this.pushCommit(repo, oid));
    }
    const repository = this.repository(repo);
    return {
      ref: options.ref,
      before: options.before ?? ZERO,
      after: options.after ?? ZERO,
      repository: {
        ...repository,
        // Push payloads carry these times as epoch seconds.
        created_at: Math.floor(repo.createdAt.getTime() / 1000),
        pushed_at: Math.floor(repo.pushedAt.getTime() / 1000),
      },
      pusher: { name: pusher.login, email: pusher.email || null },
      sender: userJson(this.urls, pusher),
      created: options.before === null,
      deleted: options.after === null,
      forced: options.forced ?? false,
      base_ref: null,
      compare: this.urls.html(
        `/${repo.fullName}/compare/${(options.before ?? ZERO).slice(0, 12)}...${(options.after ?? ZERO).slice(0, 12)}`,
      ),
      commits,
      head_commit: commits.at(-1) ?? null,
      ...this.organization(repo),
    };
  }

  /** `pull_request` opened, synchronize (the head moved to the branch's current commit) or reopened. */
  async pullRequest(options: {
    owner: string;
    repo: string;
    number: number;
    action: "opened" | "synchronize" | "reopened";
    sender?: string;
  }): Promise<Payload> {
    const repo = this.repo(options.owner, options.repo);
    const issue = this.world.issue(repo, options.number);
    if (!issue?.pull)
      throw usage(
        `${repo.fullName}#${options.number} is not a pull request.`,
        "Create it with createPullRequest.",
      );
    const before = issue.pull.headSha;
    issue.pull.headSha = repo.git.readRef(`refs/heads/${issue.pull.headRef}`) ?? before;
    issue.pull.baseSha = repo.git.readRef(`refs/heads/${issue.pull.baseRef}`) ?? issue.pull.baseSha;
    const stats = await pullStats(repo.git, issue.pull.baseSha, issue.pull.headSha);
    return {
      action: options.action,
      number: issue.number,
      ...(options.action === "synchronize" ? { before, after: issue.pull.headSha } : {}),
      pull_request: pullRequestJson(this.urls, this.world, issue, stats),
      repository: this.repository(repo),
      sender: this.sender(options.sender, issue.user),
      ...this.organization(repo),
    };
  }

  /** `check_suite` requested or rerequested for an app's suite on a commit (the branch head by default). */
  async checkSuite(options: {
    owner: string;
    repo: string;
    appId: number;
    action: "requested" | "rerequested";
    branch?: string;
    headSha?: string;
    sender?: string;
  }): Promise<Payload> {
    const repo = this.repo(options.owner, options.repo);
    const branch = options.branch ?? repo.defaultBranch;
    const headSha = options.headSha ?? repo.git.readRef(`refs/heads/${branch}`);
    if (!headSha)
      throw usage(`Branch ${branch} of ${repo.fullName} does not exist.`, "Commit to it first.");
    const suite = this.suite(repo, options.appId, headSha, branch);
    return {
      action: options.action,
      check_suite: await this.checkSuiteJson(suite, options.action),
      repository: this.repository(repo),
      sender: this.sender(options.sender, repo.owner),
      ...this.organization(repo),
    };
  }

  /** `check_run` rerequested, or requested_action (a button with `identifier` was pressed). */
  async checkRun(options: {
    owner: string;
    repo: string;
    checkRunId: number;
    action: "rerequested" | "requested_action";
    identifier?: string;
    sender?: string;
  }): Promise<Payload> {
    const repo = this.repo(options.owner, options.repo);
    const run = this.world.checkRuns.get(options.checkRunId);
    if (!run || run.repo !== repo)
      throw usage(
        `There is no check run ${options.checkRunId} in ${repo.fullName}.`,
        "Use an id the API returned.",
      );
    if (options.action === "requested_action" && !options.identifier) {
      throw usage("A requested_action payload needs the action's identifier.", "Pass identifier.");
    }
    return {
      action: options.action,
      check_run: {
        ...checkRunJson(this.urls, this.world, run),
        check_suite: await this.checkSuiteJson(run.suite),
      },
      ...(options.action === "requested_action"
        ? { requested_action: { identifier: options.identifier } }
        : {}),
      repository: this.repository(repo),
      sender: this.sender(options.sender, repo.owner),
      ...this.organization(repo),
    };
  }

  /** `merge_group` checks_requested: a merge queue group of `pullNumber` on top of `baseBranch`, at `headSha`. */
  async mergeGroup(options: {
    owner: string;
    repo: string;
    baseBranch: string;
    headSha: string;
    pullNumber: number;
    sender?: string;
  }): Promise<Payload> {
    const repo = this.repo(options.owner, options.repo);
    const baseSha = repo.git.readRef(`refs/heads/${options.baseBranch}`);
    const head = await repo.git.readCommit(options.headSha);
    if (!baseSha || !head)
      throw usage(
        "The merge group's base branch and head commit must exist.",
        "Commit them first.",
      );
    return {
      action: "checks_requested",
      merge_group: {
        head_sha: options.headSha,
        head_ref: `refs/heads/gh-readonly-queue/${options.baseBranch}/pr-${options.pullNumber}-${baseSha}`,
        base_sha: baseSha,
        base_ref: `refs/heads/${options.baseBranch}`,
        head_commit: simpleCommitJson(options.headSha, head),
      },
      repository: this.repository(repo),
      sender: this.sender(options.sender, repo.owner),
      ...this.organization(repo),
    };
  }

  /** `deployment_protection_rule` requested for a run waiting on a custom protection rule. */
  async deploymentProtectionRule(options: {
    runId: number;
    environment?: string;
    /** Which of the run's pending deployments (several rules or jobs); the first by default. */
    deploymentId?: number;
    sender?: string;
  }): Promise<Payload> {
    const run = this.world.workflowRuns.get(options.runId);
    const pending = run?.pendingDeployments.find(
      (deployment) =>
        (options.environment === undefined || deployment.environment === options.environment) &&
        (options.deploymentId === undefined || deployment.deploymentId === options.deploymentId),
    );
    if (!run || !pending) {
      throw usage(
        `Run ${options.runId} is not waiting on a deployment protection rule.`,
        "Dispatch a run whose job names an environment with a custom protection rule, or use createWaitingRun.",
      );
    }
    const { repo } = run;
    const api = this.urls.repoApi(repo.fullName, `/deployments/${pending.deploymentId}`);
    return {
      action: "requested",
      environment: pending.environment,
      event: run.event,
      deployment_callback_url: this.urls.repoApi(
        repo.fullName,
        `/actions/runs/${run.id}/deployment_protection_rule`,
      ),
      deployment: {
        url: api,
        id: pending.deploymentId,
        node_id: nodeId("DE", pending.deploymentId),
        sha: run.headSha,
        ref: run.headBranch,
        task: "deploy",
        payload: {},
        original_environment: pending.environment,
        environment: pending.environment,
        description: null,
        creator: userJson(this.urls, run.actor),
        created_at: isoTime(run.createdAt),
        updated_at: isoTime(run.updatedAt),
        statuses_url: `${api}/statuses`,
        repository_url: this.urls.repoApi(repo.fullName),
        transient_environment: false,
        production_environment: false,
        performed_via_github_app: integrationJson(this.urls, this.world, pending.app),
      },
      pull_requests: pullRequestsAt(this.urls, this.world, repo.id, run.headSha),
      repository: this.repository(repo),
      sender: this.sender(options.sender, run.actor),
      ...this.organization(repo),
    };
  }

  /** `issue_comment` created, edited (pass the body before the edit) or deleted. */
  async issueComment(options: {
    commentId: number;
    action: "created" | "edited" | "deleted";
    previousBody?: string;
    sender?: string;
  }): Promise<Payload> {
    const comment = this.world.comments.get(options.commentId);
    if (!comment)
      throw usage(
        `There is no comment ${options.commentId}.`,
        "Use an id the API or addIssueComment returned.",
      );
    if (options.action === "edited" && options.previousBody === undefined) {
      throw usage("An edited issue_comment payload needs the previous body.", "Pass previousBody.");
    }
    const { repo } = comment;
    return {
      action: options.action,
      ...(options.action === "edited" ? { changes: { body: { from: options.previousBody } } } : {}),
      issue: issueJson(this.urls, this.world, comment.issue),
      comment: commentJson(this.urls, this.world, comment),
      repository: this.repository(repo),
      sender: this.sender(options.sender, comment.user),
      ...this.organization(repo),
    };
  }

  /** `workflow_run` completed for a run (complete it with completeWorkflowRun). */
  async workflowRun(options: { runId: number; sender?: string }): Promise<Payload> {
    const run = this.world.workflowRuns.get(options.runId);
    if (!run)
      throw usage(`There is no workflow run ${options.runId}.`, "Use an id a dispatch returned.");
    if (run.status !== "completed")
      throw usage(
        `Workflow run ${run.id} is not completed.`,
        "Complete it with completeWorkflowRun.",
      );
    const { repo } = run;
    const openIssues = this.openIssues(repo);
    const workflowApi = this.urls.repoApi(repo.fullName, `/actions/workflows/${run.workflowId}`);
    return {
      action: "completed",
      workflow: {
        badge_url: this.urls.html(`/${repo.fullName}/workflows/${run.name}/badge.svg`),
        created_at: isoTime(repo.createdAt),
        html_url: this.urls.html(`/${repo.fullName}/blob/${repo.defaultBranch}/${run.path}`),
        id: run.workflowId,
        name: run.name,
        node_id: nodeId("W", run.workflowId),
        path: run.path,
        state: "active",
        updated_at: isoTime(repo.createdAt),
        url: workflowApi,
      },
      workflow_run: workflowRunJson(
        this.urls,
        run,
        await repo.git.readCommit(run.headSha),
        openIssues,
      ),
      repository: this.repository(repo),
      sender: this.sender(options.sender, run.actor),
      ...this.organization(repo),
    };
  }

  /** `installation` created. */
  async installation(options: { installationId: number; sender?: string }): Promise<Payload> {
    const installation = this.world.installations.get(options.installationId);
    if (!installation)
      throw usage(
        `There is no installation ${options.installationId}.`,
        "Use the id installApp returned.",
      );
    const repositories = [...this.world.repos.values()]
      .filter((repo) => this.world.installationsFor(repo).includes(installation))
      .map((repo) => ({
        id: repo.id,
        node_id: nodeId("R", repo.id),
        name: repo.name,
        full_name: repo.fullName,
        private: repo.private,
      }));
    return {
      action: "created",
      installation: installationJson(this.urls, installation),
      repositories,
      requester: null,
      sender: this.sender(
        options.sender,
        installation.account.type === "Organization"
          ? installation.app.owner
          : installation.account,
      ),
    };
  }

  private repo(owner: string, name: string): RepoRecord {
    const repo = this.world.repo(owner, name);
    if (!repo)
      throw usage(`There is no repository ${owner}/${name}.`, "Create it with createRepo first.");
    return repo;
  }

  private user(login: string): UserRecord {
    const user = this.world.user(login);
    if (!user) throw usage(`There is no user ${login}.`, "Create it with createUser first.");
    return user;
  }

  private sender(login: string | undefined, fallback: UserRecord) {
    return userJson(this.urls, login ? this.user(login) : fallback);
  }

  private openIssues(repo: RepoRecord): number {
    return [...this.world.issues.values()].filter(
      (issue) => issue.repo === repo && issue.state === "open",
    ).length;
  }

  private repository(repo: RepoRecord) {
    return repositoryJson(this.urls, repo, this.openIssues(repo));
  }

  /** Events of organization repositories carry the organization. */
  private organization(repo: RepoRecord): Payload {
    if (repo.owner.type !== "Organization") return {};
    const api = this.urls.api(`/orgs/${repo.owner.login}`);
    return {
      organization: {
        login: repo.owner.login,
        id: repo.owner.id,
        node_id: nodeId("O", repo.owner.id),
        url: api,
        repos_url: `${api}/repos`,
        events_url: `${api}/events`,
        hooks_url: `${api}/hooks`,
        issues_url: `${api}/issues`,
        members_url: `${api}/members{/member}`,
        public_members_url: `${api}/public_members{/member}`,
        avatar_url: this.urls.api(`/avatars/u/${repo.owner.id}`),
        description: null,
      },
    };
  }

  private async pushCommit(repo: RepoRecord, oid: string) {
    const commit = (await repo.git.readCommit(oid))!;
    const changes = await runGit(
      repo.git.gitDir,
      ["diff-tree", "--root", "-r", "--no-commit-id", "--name-status", "--no-renames", oid],
      { check: true },
    );
    const added: string[] = [];
    const removed: string[] = [];
    const modified: string[] = [];
    for (const line of changes.stdout.split("\n").filter(Boolean)) {
      const [status, path] = line.split("\t") as [string, string];
      (status === "A" ? added : status === "D" ? removed : modified).push(path);
    }
    const person = (signature: CommitObject["author"]) => ({
      name: signature.name,
      email: signature.email,
      date: signatureDate(signature),
      ...(this.world.users.get(signature.name.toLowerCase()) ? { username: signature.name } : {}),
    });
    return {
      id: oid,
      tree_id: commit.tree,
      distinct: true,
      message: commit.message,
      timestamp: signatureDate(commit.committer),
      url: this.urls.html(`/${repo.fullName}/commit/${oid}`),
      author: person(commit.author),
      committer: person(commit.committer),
      added,
      removed,
      modified,
    };
  }

  private suite(
    repo: RepoRecord,
    appId: number,
    headSha: string,
    branch: string,
  ): CheckSuiteRecord {
    const app = this.world.apps.get(appId);
    if (!app) throw usage(`There is no app ${appId}.`, "Use the appId createApp returned.");
    let suite = [...this.world.checkSuites.values()].find(
      (candidate) =>
        candidate.repo === repo && candidate.app === app && candidate.headSha === headSha,
    );
    if (!suite) {
      const now = new Date();
      suite = {
        id: this.world.nextId("suite"),
        repo,
        app,
        headSha,
        headBranch: branch,
        createdAt: now,
        updatedAt: now,
      };
      this.world.checkSuites.set(suite.id, suite);
    }
    suite.headBranch ??= branch;
    return suite;
  }

  /** `action`: the check_suite event it is for (its app's events are a closed list there); none inside a check_run event. */
  private async checkSuiteJson(suite: CheckSuiteRecord, action?: "requested" | "rerequested") {
    const { repo } = suite;
    const runs = [...this.world.checkRuns.values()].filter((run) => run.suite === suite);
    const completed = runs.length > 0 && runs.every((run) => run.status === "completed");
    const head = await repo.git.readCommit(suite.headSha);
    const parent = head?.parents[0] ?? null;
    return {
      id: suite.id,
      node_id: nodeId("CS", suite.id),
      head_branch: suite.headBranch,
      head_sha: suite.headSha,
      status: runs.length === 0 ? "queued" : completed ? "completed" : "in_progress",
      conclusion: completed
        ? runs.some((run) => run.conclusion === "failure")
          ? "failure"
          : "success"
        : null,
      url: this.urls.repoApi(repo.fullName, `/check-suites/${suite.id}`),
      before: parent,
      after: suite.headSha,
      pull_requests: pullRequestsAt(this.urls, this.world, repo.id, suite.headSha),
      app: {
        ...integrationJson(this.urls, this.world, suite.app),
        events:
          action === undefined
            ? [...suite.app.events]
            : suite.app.events.filter((event) => checkSuiteAppEvents(action).has(event)),
      },
      repository: this.repository(repo),
      created_at: isoTime(suite.createdAt),
      updated_at: isoTime(suite.updatedAt),
      latest_check_runs_count: runs.length,
      check_runs_url: this.urls.repoApi(repo.fullName, `/check-suites/${suite.id}/check-runs`),
      head_commit: head ? simpleCommitJson(suite.headSha, head) : null,
      rerequestable: true,
      runs_rerequestable: true,
    };
  }
}
