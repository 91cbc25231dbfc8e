import { describe, expect, it } from "@jest/globals";
import { isSnapgateError } from "../../../core/errors.js";
import type { KeepRules, RetentionFloor } from "../../../core/policy/policy.js";
import {
  applyRetention,
  type RetentionSnapshot,
} from "../../../core/policy/retention/apply-retention.js";
import { bucketOf, isoWeek } from "../../../core/policy/retention/calendar-buckets.js";
import { policyFromYaml } from "./policy-from-yaml.js";

const NOW = new Date("2025-06-01T00:00:00Z");
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const keepRules = (rules: Partial<KeepRules>): KeepRules => ({
  last: 0,
  hourly: 0,
  daily: 0,
  weekly: 0,
  monthly: 0,
  yearly: 0,
  withinMs: 0,
  tags: [],
  ...rules,
});
const floorRules = (rules: Partial<RetentionFloor> = {}): RetentionFloor => ({
  minAgeMs: 0,
  minCount: 0,
  tags: [],
  legalHold: null,
  ...rules,
});

/** Snapshots named by their time, so expectations read as times. */
const at = (...times: string[]): RetentionSnapshot[] =>
  times.map((time) => ({ id: time, time: `${time}Z` }));
const kept = (decisions: { id: string; keep: boolean }[]): string[] =>
  decisions.filter((d) => d.keep).map((d) => d.id);

describe("isoWeek", () => {
  it.each([
    ["2024-12-30T10:00:00Z", 202501], // a Monday that starts ISO week 1 of 2025
    ["2023-12-31T23:59:59Z", 202352], // a Sunday: still the last week of 2023
    ["2024-01-01T00:00:00Z", 202401],
    ["2021-01-03T12:00:00Z", 202053], // 2020 had 53 ISO weeks
    ["2020-12-31T00:00:00Z", 202053],
    ["2026-06-15T00:00:00Z", 202625],
  ])("%s is in week %d", (time, week) => {
    expect(isoWeek(Date.parse(time))).toBe(week);
  });

  it("buckets by UTC hour, day, month and year", () => {
    const ms = Date.parse("2024-02-29T23:30:00Z");
    expect(bucketOf("hourly", ms, 0)).toBe(2024022923);
    expect(bucketOf("daily", ms, 0)).toBe(20240229);
    expect(bucketOf("monthly", ms, 0)).toBe(202402);
    expect(bucketOf("yearly", ms, 0)).toBe(2024);
    expect(bucketOf("last", ms, 7)).toBe(7);
  });
});

describe("applyRetention: restic's keep rules", () => {
  const week = at(
    "2025-01-06T09:00:00", // Monday
    "2025-01-06T18:00:00",
    "2025-01-07T09:00:00",
    "2025-01-08T09:00:00",
    "2025-01-08T09:30:00",
    "2025-01-12T23:00:00", // Sunday, same ISO week
    "2025-01-13T01:00:00", // next Monday
  );

  it.each<[string, Partial<KeepRules>, boolean, string[]]>([
    ["last 2", { last: 2 }, true, ["2025-01-13T01:00:00", "2025-01-12T23:00:00"]],
    [
      "daily 3: newest of each of the 3 newest days",
      { daily: 3 },
      true,
      ["2025-01-13T01:00:00", "2025-01-12T23:00:00", "2025-01-08T09:30:00"],
    ],
    [
      "daily 10 with restic 0.14: counts left, oldest not kept",
      { daily: 10 },
      false,
      [
        "2025-01-13T01:00:00",
        "2025-01-12T23:00:00",
        "2025-01-08T09:30:00",
        "2025-01-07T09:00:00",
        "2025-01-06T18:00:00",
      ],
    ],
    [
      "daily 10 with restic >= 0.16: counts left, so the oldest is kept too",
      { daily: 10 },
      true,
      [
        "2025-01-13T01:00:00",
        "2025-01-12T23:00:00",
        "2025-01-08T09:30:00",
        "2025-01-07T09:00:00",
        "2025-01-06T18:00:00",
        "2025-01-06T09:00:00",
      ],
    ],
    [
      "daily -1 (unlimited) keeps one per day, and the oldest",
      { daily: -1 },
      true,
      [
        "2025-01-13T01:00:00",
        "2025-01-12T23:00:00",
        "2025-01-08T09:30:00",
        "2025-01-07T09:00:00",
        "2025-01-06T18:00:00",
        "2025-01-06T09:00:00",
      ],
    ],
    ["weekly 1: the newest of the newest week", { weekly: 1 }, true, ["2025-01-13T01:00:00"]],
    [
      "weekly 2: Sunday closes the week before",
      { weekly: 2 },
      true,
      ["2025-01-13T01:00:00", "2025-01-12T23:00:00"],
    ],
    [
      "hourly 2 and daily 2 overlap on the same snapshots",
      { hourly: 2, daily: 2 },
      true,
      ["2025-01-13T01:00:00", "2025-01-12T23:00:00"],
    ],
    [
      "within 2d counts back from the newest snapshot, not from now",
      { withinMs: 2 * DAY },
      true,
      ["2025-01-13T01:00:00", "2025-01-12T23:00:00"],
    ],
  ])("%s", (_name, rules, keepOldest, expected) => {
    const decisions = applyRetention(
      week,
      { keep: keepRules(rules), floor: floorRules() },
      { now: NOW, keepOldest },
    );
    expect(kept(decisions)).toEqual(expected);
  });

  it("orders decisions newest first and names the rules that keep each snapshot", () => {
    const decisions = applyRetention(
      week,
      { keep: keepRules({ last: 1, daily: 2 }), floor: floorRules() },
      { now: NOW },
    );
    expect(decisions[0]).toEqual({
      id: "2025-01-13T01:00:00",
      time: "2025-01-13T01:00:00.000Z",
      keep: true,
      reasons: ["last", "daily"],
    });
    expect(decisions[1]?.reasons).toEqual(["daily"]);
    expect(decisions[2]?.keep).toBe(false);
    expect(decisions[2]?.reasons).toEqual([
      "last: all 1 used by newer snapshots",
      "daily: all 2 used by newer snapshots",
    ]);
  });

  it("says which newer snapshot holds the bucket of a dropped one", () => {
    const decisions = applyRetention(
      week,
      { keep: keepRules({ daily: 10 }), floor: floorRules() },
      { now: NOW, keepOldest: false },
    );
    const dropped = decisions.find((d) => d.id === "2025-01-08T09:00:00");
    expect(dropped).toEqual({
      id: "2025-01-08T09:00:00",
      time: "2025-01-08T09:00:00.000Z",
      keep: false,
      reasons: ["daily: day 2025-01-08 has a newer snapshot"],
    });
    expect(decisions.at(-1)?.reasons).toEqual(["daily: day 2025-01-06 has a newer snapshot"]);
  });

  it("marks the oldest snapshot kept by the >= 0.16 rule", () => {
    const decisions = applyRetention(
      week,
      { keep: keepRules({ daily: 10 }), floor: floorRules() },
      { now: NOW },
    );
    expect(decisions.at(-1)?.reasons).toEqual(["oldest daily"]);
  });

  it("keeps within strictly after the cutoff, and ignores future snapshots when finding the newest", () => {
    const snapshots = at(
      "2025-05-01T00:00:00",
      "2025-04-30T00:00:00",
      "2025-04-29T23:59:59",
      "2025-07-01T00:00:00",
    );
    const decisions = applyRetention(
      snapshots,
      { keep: keepRules({ withinMs: DAY }), floor: floorRules() },
      { now: NOW },
    );
    // newest before now is 05-01; the cutoff 04-30T00:00 itself is not "within".
    expect(kept(decisions)).toEqual(["2025-07-01T00:00:00", "2025-05-01T00:00:00"]);
  });

  it("keeps snapshots with any keep tag", () => {
    const snapshots: RetentionSnapshot[] = [
      { id: "a", time: "2025-01-03T00:00:00Z", tags: [] },
      { id: "b", time: "2025-01-02T00:00:00Z", tags: ["release"] },
      { id: "c", time: "2025-01-01T00:00:00Z", tags: ["incident", "x"] },
      { id: "d", time: "2024-12-31T00:00:00Z", tags: ["x"] },
    ];
    const decisions = applyRetention(
      snapshots,
      { keep: keepRules({ tags: ["release", "incident"] }), floor: floorRules() },
      { now: NOW },
    );
    expect(kept(decisions)).toEqual(["b", "c"]);
    expect(decisions[2]?.reasons).toEqual(["tag incident"]);
    expect(decisions[3]?.reasons).toEqual(["tags: has none of release, incident"]);
  });

  it("keeps everything when no keep rule is set (restic 0.14's empty policy)", () => {
    const decisions = applyRetention(
      week,
      { keep: keepRules({}), floor: floorRules() },
      { now: NOW },
    );
    expect(decisions.every((d) => d.keep && d.reasons[0] === "no keep rules: keep all")).toBe(true);
    expect(decisions).toHaveLength(week.length);
  });

  it("breaks ties in time by input order, as restic's stable sort does", () => {
    const snapshots: RetentionSnapshot[] = [
      { id: "first", time: "2025-01-01T00:00:00Z" },
      { id: "second", time: "2025-01-01T00:00:00Z" },
    ];
    expect(
      kept(
        applyRetention(
          snapshots,
          { keep: keepRules({ last: 1 }), floor: floorRules() },
          { now: NOW },
        ),
      ),
    ).toEqual(["first"]);
  });

  it("refuses a snapshot whose time is not a time", () => {
    let caught: unknown;
    try {
      applyRetention(
        [{ id: "bad", time: "yesterday" }],
        { keep: keepRules({ last: 1 }), floor: floorRules() },
        { now: NOW },
      );
    } catch (error) {
      caught = error;
    }
    expect(isSnapgateError(caught, "INTEGRITY")).toBe(true);
    expect((caught as Error).message).toContain("Snapshot bad has the time 'yesterday'");
  });
});

describe("applyRetention: floors only keep more", () => {
  const snapshots: RetentionSnapshot[] = [
    { id: "s5", time: "2025-05-31T00:00:00Z" },
    { id: "s4", time: "2025-05-20T00:00:00Z" },
    { id: "s3", time: "2025-03-01T00:00:00Z", tags: ["release"] },
    { id: "s2", time: "2025-02-01T00:00:00Z", legalHold: true },
    { id: "s1", time: "2025-01-01T00:00:00Z" },
  ];
  const lastOne = keepRules({ last: 1 });

  it.each<[string, Partial<RetentionFloor>, string[]]>([
    ["no floor", {}, ["s5", "s2"]],
    ["min_count 3", { minCount: 3 }, ["s5", "s4", "s3", "s2"]],
    ["min_age 30d (from now)", { minAgeMs: 30 * DAY }, ["s5", "s4", "s2"]],
    ["floor tag release", { tags: ["release"] }, ["s5", "s3", "s2"]],
    [
      "tier legal hold",
      { legalHold: { reason: "case 42", sinceMs: null } },
      ["s5", "s4", "s3", "s2", "s1"],
    ],
  ])("%s", (_name, floor, expected) => {
    const decisions = applyRetention(
      snapshots,
      { keep: lastOne, floor: floorRules(floor) },
      { now: NOW },
    );
    expect(kept(decisions)).toEqual(expected);
  });

  it("names the floor that kept a snapshot", () => {
    const decisions = applyRetention(
      snapshots,
      {
        keep: lastOne,
        floor: floorRules({
          minCount: 2,
          minAgeMs: 30 * DAY,
          legalHold: { reason: "case 42", sinceMs: null },
        }),
      },
      { now: NOW },
    );
    expect(decisions[1]?.reasons).toEqual([
      "floor legal_hold (case 42)",
      "floor min_count 2",
      "floor min_age 4w2d",
    ]);
    expect(decisions[3]?.reasons).toEqual([
      "floor legal_hold (case 42)",
      "floor legal_hold (snapshot)",
    ]);
  });
});

describe("applyRetention: restic's --keep-within-<bucket> rules, from the policy", () => {
  it("keeps the newest of each day within within_daily of the newest snapshot", async () => {
    const policy = await policyFromYaml(`tiers:
  tier1:
    max_age: 24h
    retention: { keep: { within_daily: 2d, within_weekly: 3w } }
environments:
  prod: { tier: tier1 }
`);
    const retention = policy.tiers["tier1"]?.retention;
    expect(retention?.keep.withinBucketsMs).toEqual({ daily: 2 * DAY, weekly: 21 * DAY });
    const decisions = applyRetention(
      at(
        "2025-01-20T12:00:00",
        "2025-01-20T08:00:00",
        "2025-01-19T23:00:00",
        "2025-01-18T13:00:00",
        "2025-01-18T11:00:00",
        "2025-01-05T10:00:00",
        "2024-12-01T10:00:00",
      ),
      retention!,
      { now: NOW },
    );
    // Daily within 2d: 01-20 (newest of its day), 01-19, and 01-18T13 is still newer than
    // 01-18T12 (the cutoff). Weekly within 3w: the newest of weeks 04, 03 and 01.
    expect(kept(decisions)).toEqual([
      "2025-01-20T12:00:00",
      "2025-01-19T23:00:00",
      "2025-01-18T13:00:00",
      "2025-01-05T10:00:00",
    ]);
    expect(decisions.find((d) => d.id === "2025-01-19T23:00:00")?.reasons).toEqual([
      "daily within 2d",
      "weekly within 3w",
    ]);
  });

  it("refuses a within_hourly that is not whole hours", async () => {
    await expect(
      policyFromYaml(`tiers:
  tier1: { max_age: 24h, retention: { keep: { within_hourly: 90m } } }
environments:
  prod: { tier: tier1 }
`),
    ).rejects.toThrow(/within_hourly: '90m' is not whole hours/);
  });
});
