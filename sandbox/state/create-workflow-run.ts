import type { RepoRecord, UserRecord, WorkflowRunRecord } from "./entities.js";
import type { World } from "./world.js";

/** Records a queued run of the workflow file at `path` (ids per workflow file, run numbers per workflow). */
export function createWorkflowRun(
  world: World,
  repo: RepoRecord,
  run: {
    path: string;
    branch: string;
    headSha: string;
    event: string;
    actor: UserRecord;
    inputs: Record<string, unknown>;
  },
): WorkflowRunRecord {
  let workflowId = repo.workflowIds.get(run.path);
  if (workflowId === undefined) {
    workflowId = world.nextId("workflow");
    repo.workflowIds.set(run.path, workflowId);
  }
  const now = new Date();
  const record: WorkflowRunRecord = {
    id: world.nextId("workflowRun"),
    repo,
    workflowId,
    path: run.path,
    name: run.path.split("/").pop()!,
    headBranch: run.branch,
    headSha: run.headSha,
    event: run.event,
    status: "queued",
    conclusion: null,
    runNumber: world.nextId(`run-number:${repo.fullName}:${run.path}`),
    attempt: 1,
    actor: run.actor,
    triggeringActor: run.actor,
    inputs: run.inputs,
    createdAt: now,
    updatedAt: now,
    pendingDeployments: [],
    reviews: [],
    jobs: [],
  };
  world.workflowRuns.set(record.id, record);
  return record;
}
