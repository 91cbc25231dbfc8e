import { parseDrillPath } from "../operations/drill-path.js";
import { readDrillRecord } from "../operations/read-drill-record.js";
import type { Store } from "../store/store.js";
import type { Policy } from "../policy/policy.js";

/** The newest drill of an environment, as the gate sees it. */
export interface DrillFact {
  path: string;
  time: string;
  snapshot: string;
  ok: boolean;
  /** Its signature verifies with keys.writers and its content agrees with its name. */
  trusted: boolean;
  /** Why it is not trusted, or what failed. */
  detail: string | null;
}

/**
 * Reads the newest drill record of the environment when its tier asks for
 * drills (drill_interval): one listing and one read; undefined when the tier
 * does not ask, null when there is no drill.
 */
export async function gatherDrillFact(
  store: Store,
  policy: Policy,
  environment: string,
): Promise<DrillFact | null | undefined> {
  const tierName = policy.environments[environment]?.tier;
  if (!tierName || policy.tiers[tierName]?.drillIntervalMs === undefined) return undefined;
  const newest = (await store.listRecords(`drills/${environment}`))
    .map((path) => parseDrillPath(path))
    .filter((name) => name !== undefined && name.stream === environment)
    .sort((a, b) => ((a?.time ?? "") < (b?.time ?? "") ? 1 : -1))[0];
  if (!newest) return null;
  const read = await readDrillRecord(
    store,
    newest.path,
    policy.keys.writers.map((writer) => writer.key),
  );
  const failed = read.ok
    ? [
        read.record.validation?.timedOut ? "the validation timed out" : null,
        read.record.validation &&
        read.record.validation.exitCode !== 0 &&
        !read.record.validation.timedOut
          ? `the validation exited ${read.record.validation.exitCode ?? "without starting"}`
          : null,
        ...read.record.gaps.filter((gap) => gap.kind === "restore").map((gap) => gap.message),
      ].filter((text): text is string => text !== null)
    : [];
  return {
    path: newest.path,
    time: newest.time,
    snapshot: newest.snapshot,
    ok: newest.ok,
    trusted: read.ok,
    detail: read.ok ? failed.join("; ") || null : read.detail,
  };
}
