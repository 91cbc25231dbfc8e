import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import type { AlertChange } from "../../../core/operations/health-alert.js";
import { makeAlertWorkspace, type AlertWorkspace } from "../../helpers/alert-workspace.js";
import { tempDir } from "../../helpers/temp-dir.js";

// A generous grace and a streak of two: both are read from alerts.* .
const BODY = `tiers:
  tier1: { max_age: 1h }
environments:
  qa: { tier: tier1, paths: ["deploy/**"] }
components:
  - { name: api, paths: ["deploy/**"] }
alerts:
  late_after: 2h
  consecutive_failures: 2
`;

const MINUTE = 60_000;

describe("alert issues follow the policy's alerts.late_after and alerts.consecutive_failures", () => {
  const dir = tempDir("snapgate-alert-thresholds-");
  let aw: AlertWorkspace;
  const cli = (...args: string[]) => aw.cli(...args);
  const health = async () => {
    const run = await cli("health", "--store", aw.store, "--alert", "acme/service", "--json");
    return {
      code: run.code,
      changes: (run.json() as { alerts: { changes: AlertChange[] } }).alerts.changes.map(
        (c) => `${c.action} ${c.problem}`,
      ),
    };
  };
  const drill = (validate: string) =>
    cli(
      "drill",
      "--store",
      aw.store,
      "--env",
      "qa",
      "--identity",
      join(aw.ws.dir, "id.txt"),
      "--writer-key",
      join(aw.ws.dir, "writer.key"),
      "--validate",
      validate,
    );

  beforeAll(async () => {
    aw = await makeAlertWorkspace(dir, BODY);
  });
  afterEach(() => aw.backup.gh.assertClean());
  afterAll(() => aw.backup.gh.close());

  it("a snapshot past max_age but within late_after raises nothing", async () => {
    // 150 minutes old: due after 1h, late only after 1h + 2h.
    const time = new Date(Date.now() - 150 * MINUTE).toISOString();
    const snapshot = await cli(
      "snapshot",
      "--store",
      aw.store,
      "--writer-key",
      join(aw.ws.dir, "writer.key"),
      "--env",
      "qa",
      "--phase",
      "scheduled",
      "--time",
      time,
    );
    expect(snapshot.code).toBe(0);
    expect(await health()).toEqual({ code: 0, changes: [] });
  });

  it("a failing drill alerts as drill-failed, two in a row (consecutive_failures) as failures; a pass closes the alert", async () => {
    expect((await drill("false")).code).toBe(3);
    expect(await health()).toEqual({ code: 3, changes: ["opened drill-failed"] });
    expect((await drill("false")).code).toBe(3);
    expect(await health()).toEqual({
      code: 3,
      changes: ["opened failures", "resolved drill-failed"],
    });
    expect((await drill("true")).code).toBe(0);
    expect(await health()).toEqual({ code: 0, changes: ["resolved failures"] });
    const titles = (await aw.issues()).map((issue) => `${issue.state} ${issue.title}`);
    expect(titles).toEqual([
      "closed Snapgate: qa latest drill failed",
      "closed Snapgate: qa verifications or drills keep failing",
    ]);
  });
});
