import type { WorkflowRunRecord } from "../state/entities.js";

/** What a test reads about a workflow run: how it was started and how it stands. */
export interface WorkflowRunView {
  id: number;
  repository: string;
  /** The workflow file, ".github/workflows/<name>". */
  workflow: string;
  branch: string;
  headSha: string;
  event: string;
  actor: string;
  /** The attempt (re-runs count up) and who started it. */
  attempt: number;
  triggeringActor: string;
  inputs: Record<string, unknown>;
  status: WorkflowRunRecord["status"];
  conclusion: string | null;
  /** Answers to custom deployment protection rules. */
  reviews: {
    environment: string;
    state: "approved" | "rejected" | null;
    comment: string | null;
    by: string;
  }[];
  /** Jobs of a dispatched run, with the environment each names and why GitHub held it back. */
  jobs: {
    name: string;
    environment: string | null;
    status: string;
    conclusion: string | null;
    refusal: string | null;
  }[];
}

export function workflowRunView(run: WorkflowRunRecord): WorkflowRunView {
  return {
    id: run.id,
    repository: run.repo.fullName,
    workflow: run.path,
    branch: run.headBranch,
    headSha: run.headSha,
    event: run.event,
    actor: run.actor.login,
    attempt: run.attempt,
    triggeringActor: run.triggeringActor.login,
    inputs: structuredClone(run.inputs),
    status: run.status,
    conclusion: run.conclusion,
    reviews: run.reviews.map((review) => ({
      environment: review.environment,
      state: review.state,
      comment: review.comment,
      by: review.by.login,
    })),
    jobs: run.jobs.map((job) => ({ ...job })),
  };
}
