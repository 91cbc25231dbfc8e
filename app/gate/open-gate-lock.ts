import { isSnapgateError } from "../../core/errors.js";
import { claimRef } from "../../core/github/claim-ref.js";
import { githubError } from "../../core/github/github-error.js";
import type { AppOctokit } from "./app-octokit.js";
import type { GateEvent } from "./gate-event.js";
import { gateLockRefs, type GateLockKey } from "./gate-lock-refs.js";

/** Where the locks go: the backup repository, and its branch head if the event already knows it. */
export interface GateLockPlace {
  owner: string;
  repo: string;
  branch: string;
  /** The branch's head commit (a push to the backup repository carries it); read once otherwise. */
  head?: string;
}

/**
 * Owns the lock of one check run across app instances, or says another
 * instance owns it. `run` is called only by the owner; if it fails, the lock
 * is released so that a later event may post.
 */
export type GateClaim = (
  key: Omit<GateLockKey, "source">,
  run: () => Promise<void>,
) => Promise<boolean>;

/**
 * The cross-instance lock of the gate's check runs for one event (ADR 0611):
 * refs under refs/snapgate/checks/<day>/ in the backup repository, created
 * with the Git Data API, which answers 422 "Reference already exists" to all
 * but one creator. A ref points at the backup branch's head (any object of
 * the repository would do; that one is known or costs one read per event).
 * Without a place (no backup repository in the policy, or one the gated
 * account may not use) or when the lock cannot be taken (the app is not
 * installed there, a ruleset refuses the ref), the run is posted anyway: a
 * second check run with the same decision is better than none.
 */
export function openGateLock(event: GateEvent, place: GateLockPlace | null): GateClaim {
  if (place === null) {
    return async (_key, run) => {
      await run();
      return true;
    };
  }
  let opened: Promise<{ client: AppOctokit; head: string } | null> | undefined;
  const open = () =>
    (opened ??= (async () => {
      try {
        const client = await event.clientFor(place.owner, place.repo);
        const head =
          place.head ??
          (
            await client.rest.git
              .getRef({
                owner: place.owner,
                repo: place.repo,
                ref: `heads/${place.branch}`,
              })
              .catch((error: unknown) => {
                throw githubError(
                  error,
                  `reading ${place.branch}'s head for the gate's lock`,
                  `${place.owner}/${place.repo}`,
                );
              })
          ).data.object.sha;
        return { client, head };
      } catch (error) {
        unlocked(event, place, error);
        return null;
      }
    })());
  return async (key, run) => {
    const target = await open();
    if (target === null) {
      await run();
      return true;
    }
    const refs = gateLockRefs({ ...key, source: `${event.owner}/${event.repo}` }, event.now);
    const created: string[] = [];
    for (const ref of refs) {
      let mine: boolean;
      try {
        mine = await claimRef(target.client, place, ref, target.head);
      } catch (error) {
        unlocked(event, place, error);
        break;
      }
      if (!mine) {
        event.log.info(
          `${key.checkName} on ${event.owner}/${event.repo}@${key.headSha.slice(0, 12)}: another instance holds ${ref}, it posts`,
        );
        return false;
      }
      created.push(ref);
    }
    try {
      await run();
    } catch (error) {
      // Nobody posted: let the next event (a redelivery, "Re-run all checks") take the lock.
      await Promise.allSettled(
        created.map((ref) =>
          target.client.rest.git.deleteRef({
            owner: place.owner,
            repo: place.repo,
            ref: ref.slice("refs/".length),
          }),
        ),
      );
      throw error;
    }
    return true;
  };
}

function unlocked(event: GateEvent, place: GateLockPlace, error: unknown): void {
  if (!isSnapgateError(error)) throw error;
  event.log.warn(
    `the gate's lock in ${place.owner}/${place.repo} cannot be taken (${error.message} ${error.fix ?? ""}); posting without it: another app instance may post the same check run`,
  );
}
