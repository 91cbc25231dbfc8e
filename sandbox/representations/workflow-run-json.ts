import type { CommitObject } from "../git/commit-object.js";
import type { WorkflowRunRecord } from "../state/entities.js";
import { signatureDate } from "./git-json.js";
import { repositoryJson } from "./repository-json.js";
import { isoTime, nodeId, type SandboxUrls } from "./urls.js";
import { userJson } from "./user-json.js";

/** The head commit of a run or push as `simple-commit`. */
export function simpleCommitJson(oid: string, commit: CommitObject) {
  return {
    id: oid,
    tree_id: commit.tree,
    message: commit.message,
    timestamp: signatureDate(commit.committer),
    author: { name: commit.author.name, email: commit.author.email },
    committer: { name: commit.committer.name, email: commit.committer.email },
  };
}

/** A workflow run as `workflow-run`. */
export function workflowRunJson(
  urls: SandboxUrls,
  run: WorkflowRunRecord,
  headCommit: CommitObject | null,
  openIssues: number,
) {
  const api = urls.repoApi(run.repo.fullName, `/actions/runs/${run.id}`);
  const repository = repositoryJson(urls, run.repo, openIssues);
  return {
    id: run.id,
    name: run.name,
    node_id: nodeId("WFR", run.id),
    check_suite_id: run.id + 1,
    check_suite_node_id: nodeId("CS", run.id + 1),
    head_branch: run.headBranch,
    head_sha: run.headSha,
    path: run.path,
    run_number: run.runNumber,
    run_attempt: run.attempt,
    referenced_workflows: [],
    event: run.event,
    status: run.status,
    conclusion: run.conclusion,
    workflow_id: run.workflowId,
    url: api,
    html_url: urls.html(`/${run.repo.fullName}/actions/runs/${run.id}`),
    pull_requests: [],
    created_at: isoTime(run.createdAt),
    updated_at: isoTime(run.updatedAt),
    actor: userJson(urls, run.actor),
    triggering_actor: userJson(urls, run.triggeringActor),
    run_started_at: isoTime(run.createdAt),
    jobs_url: `${api}/jobs`,
    logs_url: `${api}/logs`,
    check_suite_url: urls.repoApi(run.repo.fullName, `/check-suites/${run.id + 1}`),
    artifacts_url: `${api}/artifacts`,
    cancel_url: `${api}/cancel`,
    rerun_url: `${api}/rerun`,
    previous_attempt_url: run.attempt > 1 ? `${api}/attempts/${run.attempt - 1}` : null,
    workflow_url: urls.repoApi(run.repo.fullName, `/actions/workflows/${run.workflowId}`),
    head_commit: headCommit ? simpleCommitJson(run.headSha, headCommit) : null,
    repository,
    head_repository: repository,
    head_repository_id: run.repo.id,
    display_title: headCommit?.message.split("\n")[0] ?? run.name,
  };
}
