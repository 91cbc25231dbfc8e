import { describe, expect, it } from "@jest/globals";
import { checkDrill } from "../../../core/gate/check-drill.js";
import type { DrillFact, DrillSignoffFact } from "../../../core/gate/drill-fact.js";
import type { GateInput } from "../../../core/gate/gate-decision.js";
import type { Tier } from "../../../core/policy/policy.js";

const DAY = 86_400_000;
const SNAPSHOT = "c".repeat(64);
const NEW = `drills/prod/20261125T000000.000Z-ok-${SNAPSHOT}.json`;
const OLD = `drills/prod/20261001T000000.000Z-ok-${SNAPSHOT}.json`;
const tier = { name: "tier0", drillIntervalMs: 30 * DAY, drillSignoff: true } as Tier;
const now = new Date("2026-11-30T00:00:00Z");
const signoff = (extra: Partial<DrillSignoffFact> = {}): DrillSignoffFact => ({
  path: NEW,
  time: "2026-11-25T00:00:00.000Z",
  snapshot: SNAPSHOT,
  trusted: true,
  by: {
    ops: { login: "olivia", at: "2026-11-25T10:00:00.000Z" },
    security: { login: "sam", at: "2026-11-25T11:00:00.000Z" },
  },
  untrusted: [],
  ...extra,
});
const input = (fact: DrillSignoffFact | null | undefined): GateInput => {
  const drill: DrillFact = {
    path: NEW,
    time: "2026-11-25T00:00:00.000Z",
    snapshot: SNAPSHOT,
    ok: true,
    trusted: true,
    detail: null,
    ...(fact !== undefined ? { signoff: fact } : {}),
  };
  return { environment: "prod", now, drill } as GateInput;
};

describe("the drill condition of a tier with drill_signoff (pure)", () => {
  it("passes with a drill in the interval signed off by ops and security, and names them", () => {
    expect(checkDrill(input(signoff()), tier)).toMatchObject({
      state: "pass",
      detail: expect.stringContaining("is signed off by @olivia (ops) and @sam (security)"),
    });
  });

  it("names the drill, its date and the missing role, and what to comment", () => {
    const missing = checkDrill(
      input(signoff({ by: { ops: { login: "olivia", at: "x" }, security: null } })),
      tier,
    );
    expect(missing).toMatchObject({
      state: "fail",
      detail: `Drill ${NEW} on 2026-11-25 lacks a security sign-off.`,
      fix: `Ask someone in role security to comment \`/snapgate signoff ${NEW}\`.`,
    });
  });

  it("fails when the signed-off drill is older than the interval, or one person signed both", () => {
    const stale = checkDrill(input(signoff({ path: OLD, time: "2026-10-01T00:00:00.000Z" })), tier);
    expect(stale?.state).toBe("fail");
    expect(stale?.detail).toContain("The newest signed-off drill (2026-10-01) is");
    const same = checkDrill(
      input(
        signoff({
          by: { ops: { login: "olivia", at: "x" }, security: { login: "Olivia", at: "y" } },
        }),
      ),
      tier,
    );
    expect(same).toMatchObject({ state: "fail" });
    expect(same?.detail).toContain("by the same person (@olivia)");
  });

  it("does not count sign-offs that cannot be trusted, and says so", () => {
    const forged = checkDrill(
      input(
        signoff({
          by: { ops: { login: "olivia", at: "x" }, security: null },
          untrusted: [
            "drills/prod/signoffs/x-security.json is signed by a key that is not an app key",
          ],
        }),
      ),
      tier,
    );
    expect(forged?.state).toBe("fail");
    expect(forged?.detail).toContain("not counted, cannot be trusted");
  });

  it("is unknown when the sign-offs were not read, and unchanged for tiers without drill_signoff", () => {
    expect(checkDrill(input(undefined), tier)?.state).toBe("unknown");
    expect(checkDrill(input(undefined), { ...tier, drillSignoff: undefined } as Tier)?.state).toBe(
      "pass",
    );
  });
});
