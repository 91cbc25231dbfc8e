import { loadSodium } from "../crypto/sodium.js";
import { parseDrillPath, type DrillName } from "../operations/drill-path.js";
import {
  drillSignoffPath,
  SIGNOFF_ROLES,
  type SignoffRole,
} from "../operations/drill-signoff-path.js";
import type { DrillRead } from "../operations/read-drill-record.js";
import { readDrillSignoffs } from "../operations/read-drill-signoffs.js";
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
  /**
   * For tiers with drill_signoff: the newest passing drill signed off by both
   * roles (or, when none is, the newest passing drill, to say what it lacks);
   * null when no drill passed. Absent when the tier does not ask.
   */
  signoff?: DrillSignoffFact | null;
}

export interface DrillSignoffFact {
  path: string;
  time: string;
  snapshot: string;
  /** The drill record itself verifies (writer key). */
  trusted: boolean;
  /** Each role's trusted sign-off; null when missing. */
  by: Record<SignoffRole, { login: string; at: string } | null>;
  /** Sign-off records that exist but cannot be trusted (not the app's, altered). */
  untrusted: string[];
}

/** Reads a drill record once per gate evaluation, however many facts need it. */
export type DrillReader = (path: string) => Promise<DrillRead>;

/**
 * Reads the newest drill record of the environment when its tier asks for
 * drills (drill_interval): the names come from the stream index's listing
 * (or one listing), then one read; with drill_signoff, the sign-offs of one
 * passing drill (at most one more drill read and two sign-off reads).
 * Undefined when the tier does not ask, null when there is no drill.
 */
export async function gatherDrillFact(
  store: Store,
  policy: Policy,
  environment: string,
  listed: readonly string[],
  readDrill: DrillReader,
): Promise<DrillFact | null | undefined> {
  const tierName = policy.environments[environment]?.tier;
  const tier = tierName ? policy.tiers[tierName] : undefined;
  if (tier?.drillIntervalMs === undefined) return undefined;
  const drills = listed
    .map((path) => parseDrillPath(path))
    .filter((name): name is DrillName => name !== undefined && name.stream === environment)
    .sort((a, b) => (a.time < b.time ? 1 : -1));
  const newest = drills[0];
  if (!newest) return null;
  const read = await readDrill(newest.path);
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
  const fact: DrillFact = {
    path: newest.path,
    time: newest.time,
    snapshot: newest.snapshot,
    ok: newest.ok,
    trusted: read.ok,
    detail: read.ok ? failed.join("; ") || null : read.detail,
  };
  if (tier.drillSignoff) fact.signoff = await signoffFact(store, policy, drills, listed, readDrill);
  return fact;
}

async function signoffFact(
  store: Store,
  policy: Policy,
  drills: readonly DrillName[],
  listed: readonly string[],
  readDrill: DrillReader,
): Promise<DrillSignoffFact | null> {
  const present = new Set(listed);
  const passing = drills.filter((drill) => drill.ok);
  // By name first: the newest passing drill with both sign-offs present, else the newest passing one.
  const chosen =
    passing.find((drill) =>
      SIGNOFF_ROLES.every((role) => present.has(drillSignoffPath(drill.path, role))),
    ) ?? passing[0];
  if (!chosen) return null;
  const [read, signoffs] = await Promise.all([
    readDrill(chosen.path),
    readDrillSignoffs(store, await loadSodium(), chosen.path, policy.keys.app ?? [], present),
  ]);
  const by = { ops: null, security: null } as DrillSignoffFact["by"];
  const untrusted: string[] = [];
  for (const role of SIGNOFF_ROLES) {
    const signoff = signoffs[role];
    if (signoff?.state === "signed")
      by[role] = { login: signoff.record.by.login, at: signoff.record.at };
    else if (signoff?.state === "untrusted") untrusted.push(signoff.detail);
  }
  return {
    path: chosen.path,
    time: chosen.time,
    snapshot: chosen.snapshot,
    trusted: read.ok,
    by,
    untrusted,
  };
}
