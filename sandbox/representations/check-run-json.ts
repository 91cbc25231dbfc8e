import type { CheckRunRecord } from "../state/entities.js";
import type { World } from "../state/world.js";
import { integrationJson } from "./app-json.js";
import { isoTime, nodeId, type SandboxUrls } from "./urls.js";

/** The open pull requests whose head is `sha`, as `pull-request-minimal` (check runs and suites list them). */
export function pullRequestsAt(urls: SandboxUrls, world: World, repoId: number, sha: string) {
  return [...world.issues.values()]
    .filter(
      (issue) => issue.repo.id === repoId && issue.pull?.headSha === sha && issue.state === "open",
    )
    .map((issue) => {
      const repo = {
        id: issue.repo.id,
        url: urls.repoApi(issue.repo.fullName),
        name: issue.repo.name,
      };
      return {
        id: issue.id,
        number: issue.number,
        url: urls.repoApi(issue.repo.fullName, `/pulls/${issue.number}`),
        head: { ref: issue.pull!.headRef, sha: issue.pull!.headSha, repo },
        base: { ref: issue.pull!.baseRef, sha: issue.pull!.baseSha, repo },
      };
    });
}

/** A check run as `check-run`. */
export function checkRunJson(urls: SandboxUrls, world: World, run: CheckRunRecord) {
  const api = urls.repoApi(run.repo.fullName, `/check-runs/${run.id}`);
  return {
    id: run.id,
    head_sha: run.headSha,
    node_id: nodeId("CR", run.id),
    external_id: run.externalId ?? "",
    url: api,
    html_url: urls.html(`/${run.repo.fullName}/runs/${run.id}`),
    details_url: run.detailsUrl ?? urls.html(`/${run.repo.fullName}/runs/${run.id}`),
    status: run.status,
    conclusion: run.conclusion,
    started_at: isoTime(run.startedAt),
    completed_at: run.completedAt ? isoTime(run.completedAt) : null,
    output: {
      title: run.output.title,
      summary: run.output.summary,
      text: run.output.text,
      annotations_count: run.output.annotations.length,
      annotations_url: `${api}/annotations`,
    },
    name: run.name,
    check_suite: { id: run.suite.id },
    app: integrationJson(urls, world, run.app),
    pull_requests: pullRequestsAt(urls, world, run.repo.id, run.headSha),
  };
}
