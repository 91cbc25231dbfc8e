import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import type { RetentionPolicy } from "../../core/policy/policy.js";
import { applyRetention } from "../../core/policy/retention/apply-retention.js";
import { makePolicyWorkspace, type PolicyWorkspace } from "../helpers/policy-workspace.js";
import { tempDir } from "../helpers/temp-dir.js";

/**
 * Compares applyRetention, and `snapgate forget --dry-run --json` on snapshots
 * taken with `snapgate snapshot --time`, with the real restic CLI (Debian's
 * restic 0.14.0): the same snapshot times and tags, the same keep flags, the
 * same kept set (and, for applyRetention, the same reasons). restic buckets in
 * local time, so it runs with TZ=UTC. restic 0.14 predates the "keep the
 * oldest while counts remain" rule of 0.16, so the comparison runs with
 * keepOldest: false (`--no-keep-oldest` for the CLI).
 */
const run = promisify(execFile);

const SNAPSHOTS: { time: string; tags?: string[] }[] = [
  { time: "2023-06-14 09:00:00" },
  { time: "2023-12-31 23:30:00", tags: ["release"] }, // Sunday: ISO week 2023-W52
  { time: "2024-01-01 00:10:00" }, // Monday: 2024-W01
  { time: "2024-01-01 08:00:00" },
  { time: "2024-01-01 08:40:00" }, // same hour as the one before
  { time: "2024-01-07 23:59:00" }, // Sunday, still 2024-W01
  { time: "2024-01-08 00:00:00", tags: ["incident"] }, // 2024-W02
  { time: "2024-01-31 23:00:00" },
  { time: "2024-02-01 01:00:00" },
  { time: "2024-02-29 12:00:00", tags: ["release"] },
  { time: "2024-06-15 06:00:00" },
  { time: "2024-12-30 10:00:00" }, // Monday of ISO week 2025-W01
  { time: "2024-12-31 22:00:00", tags: ["release", "incident"] },
  { time: "2025-01-01 03:00:00" },
  { time: "2025-01-02 03:00:00" },
  { time: "2025-01-02 03:30:00" },
  { time: "2025-01-02 18:00:00" },
  { time: "2025-01-03 00:00:00" },
  { time: "2025-01-03 12:00:00" },
  { time: "2025-01-04 12:00:00", tags: ["release"] },
];

interface FlagSet {
  flags: string[];
  keep: Partial<RetentionPolicy["keep"]>;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const FLAG_SETS: FlagSet[] = [
  { flags: ["--keep-last", "3"], keep: { last: 3 } },
  { flags: ["--keep-hourly", "5"], keep: { hourly: 5 } },
  { flags: ["--keep-daily", "5"], keep: { daily: 5 } },
  { flags: ["--keep-hourly", "3", "--keep-daily", "3"], keep: { hourly: 3, daily: 3 } },
  { flags: ["--keep-weekly", "4"], keep: { weekly: 4 } },
  { flags: ["--keep-monthly", "6"], keep: { monthly: 6 } },
  { flags: ["--keep-yearly", "5"], keep: { yearly: 5 } },
  {
    flags: ["--keep-daily", "2", "--keep-weekly", "2", "--keep-monthly", "2", "--keep-yearly", "2"],
    keep: { daily: 2, weekly: 2, monthly: 2, yearly: 2 },
  },
  { flags: ["--keep-within", "3d"], keep: { withinMs: 3 * 86_400_000 } },
  {
    flags: ["--keep-within", "36h", "--keep-last", "2"],
    keep: { withinMs: 36 * 3_600_000, last: 2 },
  },
  { flags: ["--keep-tag", "release", "--keep-daily", "1"], keep: { tags: ["release"], daily: 1 } },
  {
    flags: ["--keep-tag", "incident", "--keep-tag", "release", "--keep-weekly", "2"],
    keep: { tags: ["incident", "release"], weekly: 2 },
  },
  { flags: ["--keep-weekly", "100"], keep: { weekly: 100 } },
  { flags: ["--keep-within-hourly", "2d"], keep: { withinBucketsMs: { hourly: 2 * DAY } } },
  { flags: ["--keep-within-daily", "3d"], keep: { withinBucketsMs: { daily: 3 * DAY } } },
  { flags: ["--keep-within-weekly", "30d"], keep: { withinBucketsMs: { weekly: 30 * DAY } } },
  {
    flags: ["--keep-within-monthly", "400d"],
    keep: { withinBucketsMs: { monthly: 400 * DAY } },
  },
  {
    flags: ["--keep-within-yearly", "1000d"],
    keep: { withinBucketsMs: { yearly: 1000 * DAY } },
  },
  {
    flags: ["--keep-within-daily", "60h", "--keep-within-weekly", "10d", "--keep-last", "1"],
    keep: { withinBucketsMs: { daily: 60 * HOUR, weekly: 10 * DAY }, last: 1 },
  },
  {
    flags: ["--keep-within-hourly", "1d", "--keep-within", "12h", "--keep-monthly", "3"],
    keep: { withinBucketsMs: { hourly: DAY }, withinMs: 12 * HOUR, monthly: 3 },
  },
];

const NO_FLOOR: RetentionPolicy["floor"] = { minAgeMs: 0, minCount: 0, tags: [], legalHold: null };

interface ResticSnapshot {
  id: string;
  time: string;
  tags: string[] | null;
}

interface ResticForgetGroup {
  keep: ResticSnapshot[] | null;
  remove: ResticSnapshot[] | null;
  reasons: { snapshot: { time: string }; matches: string[] }[] | null;
}

let workDir = "";
let env: NodeJS.ProcessEnv = {};
let snapshots: ResticSnapshot[] = [];
const forgetOutputs = new Map<string, ResticForgetGroup[]>();
/** `snapgate forget --dry-run --json` per flag set: the times of the kept snapshots. */
const snapgateKept = new Map<string, string[]>();
const snapgateDir = tempDir("snapgate-restic-cli-");
let workspace: PolicyWorkspace;

/** restic's "2024-01-01 08:00:00" (TZ=UTC) as ISO 8601. */
const iso = (time: string) => `${time.replace(" ", "T")}Z`;

/** The same snapshots through the CLI, then forget --dry-run per flag set. */
async function runSnapgate(): Promise<void> {
  workspace = await makePolicyWorkspace(snapgateDir);
  workspace.writePolicy(
    `${workspace.keysYaml}tiers: { tier1: { max_age: 24h } }\nenvironments: { prod: { tier: tier1 } }\n`,
  );
  workspace.write("file.txt", "snapgate");
  for (const snapshot of SNAPSHOTS) {
    const tags = (snapshot.tags ?? []).flatMap((tag) => ["--tag", tag]);
    const run = await workspace.snapshot(
      "--env",
      "prod",
      "--phase",
      "scheduled",
      "--time",
      iso(snapshot.time),
      ...tags,
      "file.txt",
    );
    if (run.code !== 0) throw new Error(run.stderr);
  }
  for (const set of FLAG_SETS) {
    const run = await workspace.cli(
      "forget",
      "--store",
      workspace.store,
      "--env",
      "prod",
      "--dry-run",
      "--json",
      "--no-keep-oldest",
      ...set.flags,
    );
    if (run.code !== 0) throw new Error(run.stderr);
    const result = run.json() as { rules: string; snapshots: { time: string; keep: boolean }[] };
    if (result.rules !== "flags") throw new Error("the flags did not replace the tier's rules");
    snapgateKept.set(
      set.flags.join(" "),
      result.snapshots.filter((s) => s.keep).map((s) => s.time),
    );
  }
}

async function restic(args: string[]): Promise<string> {
  const { stdout } = await run("restic", args, { env, maxBuffer: 16 * 1024 * 1024 });
  return stdout;
}

/** restic's reason wording -> Snapgate's rule names. */
function fromResticReason(match: string): string {
  const tag = /^has tags \[(.*)\]$/.exec(match);
  if (tag) return `tag ${tag[1] as string}`;
  const within = /^((?:hourly|daily|weekly|monthly|yearly) )?within (.+)$/.exec(match);
  if (within) return `${within[1] ?? ""}within`;
  return match.replace(/^last snapshot$/, "last").replace(/ snapshot$/, "");
}

beforeAll(async () => {
  try {
    await run("restic", ["version"]);
  } catch {
    throw new Error(
      "restic is not installed: run `apt-get install restic` (the comparison needs the real CLI).",
    );
  }
  workDir = await mkdtemp(join(tmpdir(), "snapgate-restic-"));
  await writeFile(join(workDir, "file.txt"), "snapgate");
  env = {
    ...process.env,
    TZ: "UTC",
    RESTIC_PASSWORD: "snapgate-test",
    RESTIC_REPOSITORY: join(workDir, "repo"),
    RESTIC_CACHE_DIR: join(workDir, "cache"),
  };
  await restic(["init", "-q"]);
  // backup takes a shared lock, so snapshots can be made two at a time.
  const queue = [...SNAPSHOTS];
  const worker = async (): Promise<void> => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const tagArgs = (next.tags ?? []).flatMap((tag) => ["--tag", tag]);
      await restic([
        "backup",
        "-q",
        "--host",
        "snapgate-test",
        "--time",
        next.time,
        ...tagArgs,
        workDir + "/file.txt",
      ]);
    }
  };
  await Promise.all([worker(), worker()]);
  snapshots = JSON.parse(await restic(["snapshots", "--json"])) as ResticSnapshot[];
  // Each restic run pays its key derivation; run the dry runs two at a time up front.
  const pending = FLAG_SETS.map((set) => set.flags);
  const forgetWorker = async (): Promise<void> => {
    for (let flags = pending.shift(); flags; flags = pending.shift()) {
      const output = await restic(["forget", "--dry-run", "--json", "--no-lock", ...flags]);
      forgetOutputs.set(flags.join(" "), JSON.parse(output) as ResticForgetGroup[]);
    }
  };
  await Promise.all([forgetWorker(), forgetWorker(), runSnapgate()]);
});

afterAll(async () => {
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

describe("applyRetention agrees with restic forget", () => {
  it("sees every snapshot made", () => {
    expect(snapshots).toHaveLength(SNAPSHOTS.length);
  });

  it.each(FLAG_SETS.map((set) => [set.flags.join(" "), set] as const))("%s", (name, set) => {
    const groups = forgetOutputs.get(name) ?? [];
    expect(groups).toHaveLength(1);
    const group = groups[0] as ResticForgetGroup;
    const resticKept = new Set((group.keep ?? []).map((snapshot) => snapshot.id));
    const resticReasons = new Map(
      (group.reasons ?? []).map((reason) => [
        Date.parse(reason.snapshot.time),
        reason.matches.map(fromResticReason).sort(),
      ]),
    );

    const keep = {
      last: 0,
      hourly: 0,
      daily: 0,
      weekly: 0,
      monthly: 0,
      yearly: 0,
      withinMs: 0,
      tags: [],
      ...set.keep,
    };
    const decisions = applyRetention(
      snapshots.map((snapshot) => ({
        id: snapshot.id,
        time: snapshot.time,
        tags: snapshot.tags ?? [],
      })),
      { keep, floor: NO_FLOOR },
      { now: new Date(), keepOldest: false },
    );
    const ours = new Set(
      decisions.filter((decision) => decision.keep).map((decision) => decision.id),
    );
    expect([...ours].sort()).toEqual([...resticKept].sort());
    expect(resticKept.size).toBeGreaterThan(0);
    for (const decision of decisions.filter((d) => d.keep)) {
      const reasons = decision.reasons
        .map((reason) => reason.replace(/^(\w+ )?within .*/, "$1within"))
        .sort();
      expect(reasons).toEqual(resticReasons.get(Date.parse(decision.time)));
    }
  });

  it("drops snapshots in most flag sets, so the comparison exercises the rules", () => {
    const dropping = [...forgetOutputs.values()].filter(
      (groups) => (groups[0]?.remove ?? []).length > 0,
    );
    expect(dropping.length).toBeGreaterThanOrEqual(FLAG_SETS.length - 1);
  });
});

describe("snapgate forget --dry-run --json agrees with restic forget --dry-run --json", () => {
  it.each(FLAG_SETS.map((set) => [set.flags.join(" ")] as const))("%s", (name) => {
    const group = (forgetOutputs.get(name) ?? [])[0] as ResticForgetGroup;
    const resticKept = (group.keep ?? []).map((snapshot) => Date.parse(snapshot.time)).sort();
    const ours = (snapgateKept.get(name) ?? []).map((time) => Date.parse(time)).sort();
    expect(ours).toEqual(resticKept);
    expect(ours.length).toBeGreaterThan(0);
  });
});
