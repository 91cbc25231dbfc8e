import { beforeAll, describe, expect, it } from "@jest/globals";
import { appendAuditEvents } from "../../../core/audit/append-audit-events.js";
import type { AuditEventInput } from "../../../core/audit/audit-event.js";
import type { MonthlyReport } from "../../../core/operations/monthly-report.js";
import { LocalDirStore } from "../../../core/store/local-dir-store.js";
import { makePolicyWorkspace, type PolicyWorkspace } from "../../helpers/policy-workspace.js";
import { tempDir } from "../../helpers/temp-dir.js";

const BODY = `tiers:
  tier1: { max_age: 1d }
environments:
  prod: { tier: tier1, paths: ["deploy/**"] }
components:
  - { name: api, paths: ["deploy/**"] }
`;

const workflow = {
  kind: "workflow" as const,
  login: "octo-admin",
  run: "https://github.com/acme/service/actions/runs/7",
};
const alert = (
  type: string,
  time: string,
  issue: number,
  problem = "late",
  environment = "prod",
): AuditEventInput => ({
  type: `alert.${type}`,
  time: new Date(time),
  actor: workflow,
  subject: { environment, problem, repository: "acme/service", issue },
  details: { url: `https://github.com/acme/service/issues/${issue}` },
});
const canary = (time: string, ok: boolean): AuditEventInput => ({
  type: "canary.checked",
  time: new Date(time),
  actor: workflow,
  subject: { stream: "snapgate-canary" },
  details: { ok, failedAt: ok ? null : "restore", message: ok ? "matches" : "no identity" },
});

/**
 * The fixture's alert history, as `health --alert` and `canary` record it, and
 * what November's report must count from it:
 * - #1 opened and resolved in October: not in November's report;
 * - #2 opened in October, updated twice (once in November), resolved in November: resolved, not raised;
 * - #3 opened and resolved in November: raised and resolved;
 * - #4 (the canary) opened in November, still open on 1 December: raised, open at the end;
 * - #5 opened in December: not in November's report.
 */
const EVENTS: AuditEventInput[] = [
  alert("opened", "2026-10-02T10:00:00Z", 1),
  alert("resolved", "2026-10-03T10:00:00Z", 1),
  alert("opened", "2026-10-30T10:00:00Z", 2, "failures"),
  alert("updated", "2026-10-31T10:00:00Z", 2, "failures"),
  alert("updated", "2026-11-01T10:00:00Z", 2, "failures"),
  alert("resolved", "2026-11-02T10:00:00Z", 2, "failures"),
  alert("opened", "2026-11-10T10:00:00Z", 3),
  alert("resolved", "2026-11-11T10:00:00Z", 3),
  canary("2026-11-20T04:00:00Z", true),
  canary("2026-11-21T04:00:00Z", false),
  alert("opened", "2026-11-21T04:00:01Z", 4, "canary", "snapgate-canary"),
  canary("2026-11-22T04:00:00Z", false),
  canary("2026-12-01T04:00:00Z", true),
  alert("resolved", "2026-12-01T04:00:01Z", 4, "canary", "snapgate-canary"),
  alert("opened", "2026-12-02T10:00:00Z", 5),
];

describe("snapgate report: alert issues raised and resolved, from the audit log's alert events", () => {
  const dir = tempDir();
  let ws: PolicyWorkspace;
  let report: MonthlyReport;

  beforeAll(async () => {
    ws = await makePolicyWorkspace(dir);
    ws.writePolicy(ws.keysYaml + BODY);
    const store = new LocalDirStore(ws.store);
    await store.initialize();
    await appendAuditEvents(store, EVENTS);
    const run = await ws.cli("report", "--store", ws.store, "--month", "2026-11", "--json");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    report = run.json() as MonthlyReport;
  });

  it("counts the issues of the month from their events, and the canary's runs", () => {
    expect(
      report.alertIssues.map((a) => [a.issue, a.problem, a.raisedAt, a.resolvedAt, a.updates]),
    ).toEqual([
      [2, "failures", "2026-10-30T10:00:00.000Z", "2026-11-02T10:00:00.000Z", 2],
      [3, "late", "2026-11-10T10:00:00.000Z", "2026-11-11T10:00:00.000Z", 0],
      // Resolved on 1 December: open at the end of November.
      [4, "canary", "2026-11-21T04:00:01.000Z", null, 0],
    ]);
    expect(report.totals).toMatchObject({ alertIssuesRaised: 2, alertIssuesResolved: 2 });
    expect(report.canary).toEqual({
      runs: 3,
      passed: 1,
      failed: 2,
      lastFailure: "2026-11-22T04:00:00.000Z",
    });
  });

  it("shows them in the Markdown and HTML reports", async () => {
    const md = (await ws.cli("report", "--store", ws.store, "--month", "2026-11")).stdout;
    expect(md).toContain("## Alert issues (from the audit log)");
    expect(md).toMatch(
      /\| snapgate-canary \| canary \| acme\/service#4 \| 2026-11-21T04:00:01\.000Z \| 0 \| OPEN at the end of the period \|/,
    );
    expect(md).toContain(
      "Synthetic canary: 3 run(s), 1 passed, 2 failed (last failure 2026-11-22T04:00:00.000Z).",
    );
    const html = (
      await ws.cli("report", "--store", ws.store, "--month", "2026-11", "--format", "html")
    ).stdout;
    expect(html).toContain(
      "<caption>Alert issues raised and resolved (from the audit log)</caption>",
    );
    expect(html).toContain('<th scope="row">snapgate-canary</th>');
  });
});
