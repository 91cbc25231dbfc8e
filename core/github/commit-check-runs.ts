/** A check run of the app on a commit, as the gate needs it to avoid duplicates. */
export interface ExistingCheckRun {
  id: number;
  name: string;
  /** queued, in_progress, completed, ... (GitHub's REST spelling). */
  status: string;
  /** success, failure, ... or null while not completed. */
  conclusion: string | null;
  externalId: string | null;
}

/**
 * A GraphQL selection on a Commit: the app's (`$appId`) check runs on it, every
 * run rather than the newest per name. GitHub creates one check suite per app
 * and commit, so a handful of suites is plenty.
 */
export const COMMIT_CHECK_RUNS_FIELDS =
  "checkSuites(first: 10, filterBy: { appId: $appId }) { nodes { checkRuns(first: 100, filterBy: { checkType: ALL }) { nodes { databaseId name status conclusion externalId } } } }";

/** What COMMIT_CHECK_RUNS_FIELDS returns. */
export interface CommitCheckRuns {
  checkSuites?: {
    nodes: Array<{
      checkRuns: {
        nodes: Array<{
          databaseId: number | null;
          name: string;
          status: string;
          conclusion: string | null;
          externalId: string | null;
        }>;
      };
    }>;
  } | null;
}

/** The runs of a COMMIT_CHECK_RUNS_FIELDS selection, oldest first. */
export function commitCheckRuns(commit: CommitCheckRuns | null | undefined): ExistingCheckRun[] {
  const runs: ExistingCheckRun[] = [];
  for (const suite of commit?.checkSuites?.nodes ?? []) {
    for (const run of suite.checkRuns.nodes) {
      if (run.databaseId === null) continue;
      runs.push({
        id: run.databaseId,
        name: run.name,
        status: run.status.toLowerCase(),
        conclusion: run.conclusion === null ? null : run.conclusion.toLowerCase(),
        externalId: run.externalId,
      });
    }
  }
  return runs.sort((a, b) => a.id - b.id);
}
