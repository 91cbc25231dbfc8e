import { describe, expect, it } from "@jest/globals";
import { GATE_LOCK_PREFIX, gateLockRefs } from "../../../app/gate/gate-lock-refs.js";

const SHA = "a".repeat(40);
const key = {
  source: "acme/svc",
  headSha: SHA,
  checkName: "Snapgate / config backup (prod)",
  deliveryId: null,
};

describe("gateLockRefs", () => {
  it("names one ref in the day's namespace, the same on every instance", () => {
    const refs = gateLockRefs(key, new Date("2026-12-03T12:00:00Z"));
    expect(refs).toHaveLength(1);
    expect(refs[0]).toMatch(new RegExp(`^${GATE_LOCK_PREFIX}2026-12-03/${SHA}-[0-9a-f]{24}$`));
    expect(gateLockRefs({ ...key, source: "ACME/Svc" }, new Date("2026-12-03T18:00:00Z"))).toEqual(
      refs,
    );
  });

  it("keys by repository, check name and, when deciding again, the delivery", () => {
    const now = new Date("2026-12-03T12:00:00Z");
    const names = [
      gateLockRefs(key, now),
      gateLockRefs({ ...key, source: "acme/other" }, now),
      gateLockRefs({ ...key, checkName: "Snapgate / config backup (staging)" }, now),
      gateLockRefs({ ...key, deliveryId: "d-1" }, now),
      gateLockRefs({ ...key, deliveryId: "d-2" }, now),
    ].map((refs) => refs[0]);
    expect(new Set(names).size).toBe(names.length);
  });

  it("near midnight also takes the other day's ref, the earlier day first, on both sides", () => {
    const before = gateLockRefs(key, new Date("2026-12-03T23:55:00Z"));
    const after = gateLockRefs(key, new Date("2026-12-04T00:05:00Z"));
    expect(before).toEqual(after);
    expect(before.map((ref) => ref.slice(GATE_LOCK_PREFIX.length, -66))).toEqual([
      "2026-12-03",
      "2026-12-04",
    ]);
    expect(gateLockRefs(key, new Date("2026-12-04T00:11:00Z"))).toHaveLength(1);
    expect(gateLockRefs(key, new Date("2026-12-03T23:49:00Z"))).toHaveLength(1);
  });
});
