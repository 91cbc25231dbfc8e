import { isSnapgateError } from "../../core/errors.js";
import { readCheckRuns } from "../../core/github/read-check-runs.js";
import { readGateHeads } from "../../core/github/read-gate-heads.js";
import type { GateDecision } from "../../core/gate/gate-decision.js";
import { gateCheckName } from "../../core/gate/gate-check-name.js";
import { compileGlobs } from "../../core/policy/glob.js";
import { loadPolicy } from "../../core/policy/load-policy.js";
import type { Policy } from "../../core/policy/policy.js";
import { GitHubStore } from "../../core/store/github-store.js";
import { streamsOfStorePaths } from "../../core/store/streams-of-store-paths.js";
import { decideEnvironment, mayUseBackup } from "./decide-environment.js";
import type { GateEvent } from "./gate-event.js";
import { openGateLock } from "./open-gate-lock.js";
import { postGateCheck } from "./post-gate-check.js";
import { postOnce } from "./post-once.js";

/** Source repositories one push re-evaluates at most (the most recent snapshots' first). */
export const MAX_SOURCES_PER_PUSH = 20;

const REPOSITORY_NAME = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/;

/**
 * A push to a backup repository (a new snapshot, verification or tombstone)
 * re-evaluates the gates that wait on it. The environments come from the
 * pushed paths; the source repositories from the `metadata.repository` of
 * their catalog lines (the snapshot action records it); in each source, the
 * heads are its release branches and the heads of its open pull requests
 * into them (readGateHeads: 100 of each at most), and only those whose
 * newest check run of the environment is not a success get a new one, except
 * where the push changed the environment's lock (`/snapgate lock` turns a
 * success into a failure): then every head gets one. A source whose policy
 * names another backup repository or branch is left alone.
 * Each new run goes through the ledger and the lock of the commit's first
 * runs (postOnce), per delivery: two instances handling one push (a
 * redelivery) post it once (ADR 0611). The lock ref points at the pushed
 * head, so it costs one ref creation and no read.
 */
export async function reevaluateBackupPush(
  event: GateEvent,
  push: { branch: string; after: string; paths: readonly string[] },
): Promise<void> {
  const environments = streamsOfStorePaths(push.paths);
  if (environments.length === 0) return;
  const relocked = new Set(
    streamsOfStorePaths(push.paths.filter((path) => path.startsWith("locks/"))),
  );
  const store = new GitHubStore(event.octokit, {
    owner: event.owner,
    repo: event.repo,
    branch: push.branch,
  });
  const sources = new Map<string, { owner: string; repo: string; environments: Set<string> }>();
  for (const environment of environments) {
    let catalog;
    try {
      catalog = (await store.readStreamIndex(environment)).catalog;
    } catch (error) {
      event.log.warn(
        `re-evaluation: reading the catalog of ${environment} failed: ${String(error)}`,
      );
      continue;
    }
    for (const entry of [...catalog].reverse()) {
      const match = REPOSITORY_NAME.exec(entry.metadata.repository ?? "");
      if (!match?.[1] || !match[2]) continue;
      const key = `${match[1]}/${match[2]}`.toLowerCase();
      if (!sources.has(key)) {
        if (sources.size >= MAX_SOURCES_PER_PUSH) continue;
        sources.set(key, { owner: match[1], repo: match[2], environments: new Set() });
      }
      sources.get(key)!.environments.add(environment);
    }
  }
  for (const source of sources.values()) {
    try {
      await reevaluateSource(event, push, source.owner, source.repo, source.environments, relocked);
    } catch (error) {
      if (!isSnapgateError(error)) throw error;
      event.log.warn(`re-evaluation of ${source.owner}/${source.repo} failed: ${error.message}`);
    }
  }
}

async function reevaluateSource(
  event: GateEvent,
  push: { branch: string; after: string },
  owner: string,
  repo: string,
  environments: ReadonlySet<string>,
  relocked: ReadonlySet<string>,
): Promise<void> {
  // A source of another account may use this backup only where the operator allows it.
  if (!mayUseBackup(owner, event.owner, event.backupAccounts)) return;
  const client = await event.clientFor(owner, repo);
  const heads = await readGateHeads(client, { owner, repo });
  if (!heads.hasPolicy) return;
  let policy: Policy;
  try {
    policy = await loadPolicy(heads.policySource, { owner, repo });
  } catch {
    // The source's own events report its policy's problems.
    return;
  }
  const backup = policy.backup;
  const backupBranch = push.branch;
  if (
    !backup ||
    backup.repository.toLowerCase() !== `${event.owner}/${event.repo}`.toLowerCase() ||
    backup.branch !== backupBranch
  )
    return;

  const candidates: Array<{ environment: string; sha: string; where: string }> = [];
  for (const environment of environments) {
    const gated = policy.environments[environment];
    if (!gated) continue;
    const matches = compileGlobs(gated.releaseBranches);
    for (const branch of heads.branches) {
      if (matches(branch.name))
        candidates.push({ environment, sha: branch.sha, where: `branch ${branch.name}` });
    }
    for (const pull of heads.pulls) {
      if (matches(pull.baseBranch))
        candidates.push({ environment, sha: pull.headSha, where: `pull request #${pull.number}` });
    }
  }
  if (candidates.length === 0) return;
  const runs = await readCheckRuns(client, {
    owner,
    repo,
    appId: event.appId,
    shas: candidates.map((candidate) => candidate.sha),
  });
  const stale = new Map<string, Map<string, string>>();
  for (const candidate of candidates) {
    const named = (runs.get(candidate.sha) ?? []).filter(
      (run) => run.name === gateCheckName(candidate.environment),
    );
    if (named.some((run) => run.externalId === event.deliveryId)) continue;
    const latest = named.at(-1);
    if (!latest) continue;
    const passed = latest.status === "completed" && latest.conclusion === "success";
    if (passed && !relocked.has(candidate.environment)) continue;
    const heads = stale.get(candidate.environment) ?? new Map<string, string>();
    if (!heads.has(candidate.sha)) heads.set(candidate.sha, candidate.where);
    stale.set(candidate.environment, heads);
  }
  const target: GateEvent = { ...event, octokit: client, owner, repo };
  const claim = openGateLock(target, {
    owner: event.owner,
    repo: event.repo,
    branch: backupBranch,
    head: push.after,
  });
  for (const [environment, shas] of stale) {
    // Decided once for all heads, and only if one of them is still due.
    let decision: Promise<GateDecision> | undefined;
    for (const [sha, where] of shas) {
      await postOnce(target, { headSha: sha, mode: "again" }, environment, [], claim, async () =>
        postGateCheck(
          target,
          sha,
          environment,
          await (decision ??= decideEnvironment(policy, environment, {
            ...event,
            gatedOwner: owner,
          })),
          [
            `Decided at ${event.now.toISOString()} again because ${event.owner}/${event.repo}@${backupBranch} changed (delivery ${event.deliveryId}); this head is ${where}.`,
            `Policy: ${policy.sources.join(" extends ")}, read from the default branch.`,
            `Backup repository: ${backup.repository}@${backup.branch}.`,
          ],
          policy.environments[environment]?.snapshotWorkflow ?? null,
        ),
      );
    }
  }
}
