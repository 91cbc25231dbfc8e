import type { RequestDispatchRecord } from "./request-dispatch-record.js";
import type { EnvironmentLock, LifecycleRequest } from "./request-lifecycle.js";

/** What the restore environment's protection rule knows about a run waiting on it. */
export interface RestoreRunFacts {
  run: {
    id: number;
    attempt: number;
    event: string;
    /** .github/workflows/<file> */
    path: string;
    triggeringActor: { login: string; type: string };
    /** The branch the run is of (GitHub's head_branch); null when GitHub gives none. */
    headBranch?: string | null;
  };
  /** The signed dispatch record naming the run; null when none does; a string when one does but cannot be trusted. */
  dispatch: RequestDispatchRecord | null | string;
  /** The request's newest signed state (null when there is none). */
  request: LifecycleRequest | null;
  /** Why the decided record requests/<id>.json does not allow this restore (signature, state, digest, expiry, quorum), or null when it does. */
  recordProblem: string | null;
  /** The store holds an execution record for the request. */
  executed: boolean;
  /**
   * The lock that holds the run, if any: the request's environment's for a
   * dispatched run; for a scheduled run, any environment's (the identity
   * opens every environment's snapshots). A locked environment releases nothing.
   */
  lock: EnvironmentLock | null;
  /** For scheduled runs: the default branch's restore_environment.scheduled_workflows and the default branch. */
  schedule?: { workflows: readonly string[]; defaultBranch: string | null };
}

export interface RestoreRelease {
  /** `wait`: a run the app itself dispatched whose record is not written yet; the dispatcher answers it. */
  answer: "approved" | "rejected" | "wait";
  reasons: string[];
  requestId: string | null;
  /** Which rule approved the run (for the approval comment); null unless approved. */
  rule: "dispatched-request" | "scheduled-workflow" | null;
}
