import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { appendAuditEvents } from "../../../core/audit/append-audit-events.js";
import type { MonthlyReport } from "../../../core/operations/monthly-report.js";
import { runDrill } from "../../../core/operations/run-drill.js";
import { loadPolicy } from "../../../core/policy/load-policy.js";
import { localPolicySource } from "../../../core/policy/local-policy-source.js";
import { LocalDirStore } from "../../../core/store/local-dir-store.js";
import { makePolicyWorkspace, type PolicyWorkspace } from "../../helpers/policy-workspace.js";
import { tempDir } from "../../helpers/temp-dir.js";

const BODY = `tiers:
  tier0: { max_age: 24h, rto: 1h, rpo: 2d, retention: { floor: { min_count: 2 } } }
  tier1: { max_age: 7d, retention: { floor: { legal_hold: { reason: "case 42 hold" } } } }
environments:
  prod: { tier: tier0, paths: ["deploy/**"] }
  qa: { tier: tier1, paths: ["deploy/**"] }
components:
  - { name: api, paths: ["deploy/api/**"] }
  - { name: db, paths: ["deploy/db/**"], tier: tier0, environments: [prod] }
exceptions:
  - { paths: ["deploy/legacy/**"], reason: "legacy files until the migration", accepted_by: ["@alice", "@bob"], expires: 2026-11-20 }
  - { paths: ["deploy/tmp/**"], reason: "scratch files of the batch job", accepted_by: ["@alice", "@bob"], expires: 2027-01-31 }
alerts: { late_after: 1h }
`;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T = (iso: string) => Date.parse(iso);

/** The fixture: snapshot times per environment, and what the report must compute from them. */
const PROD = [
  "2026-10-31T12:00:00Z",
  "2026-11-01T00:00:00Z",
  "2026-11-02T00:00:00Z",
  "2026-11-05T00:00:00Z",
];
const QA = ["2026-11-10T00:00:00Z"];

describe("snapgate report: the monthly report's numbers equal those computed from a fixture store", () => {
  const dir = tempDir();
  let ws: PolicyWorkspace;
  let report: MonthlyReport;

  beforeAll(async () => {
    ws = await makePolicyWorkspace(dir);
    ws.writePolicy(ws.keysYaml + BODY);
    ws.write("deploy/api/app.yaml", "port: 1\n");
    ws.write("deploy/db/VERSION", "7\n");
    for (const time of PROD)
      expect(
        (await ws.snapshot("--env", "prod", "--phase", "scheduled", "--time", time)).code,
      ).toBe(0);
    for (const time of QA)
      expect(
        (await ws.snapshot("--env", "qa", "--phase", "scheduled", "--time", time, "deploy/api"))
          .code,
      ).toBe(0);
    const store = new LocalDirStore(ws.store);
    const policy = await loadPolicy(localPolicySource(ws.repo), { path: ".github/snapgate.yml" });
    // Two drills in November (clock injected: 10 minutes per reading), one passing, one failing.
    for (const [start, validate] of [
      ["2026-11-06T10:00:00Z", "true"],
      ["2026-11-20T10:00:00Z", "false"],
    ] as const) {
      let now = T(start) - 10 * 60_000;
      await runDrill({
        store,
        policy,
        stream: "prod",
        opener: ws.keys.opener,
        trustedKeys: [ws.keys.verifyKey],
        writerKey: ws.keys.writer,
        validate,
        timeoutMs: 60_000,
        env: {},
        clock: () => (now += 10 * 60_000),
      });
    }
    // Restores and deletions as the restore action and forget record them.
    const workflow = { kind: "workflow" as const, login: "erin" };
    await appendAuditEvents(store, [
      {
        type: "snapshot.restored",
        time: new Date("2026-11-12T09:00:00Z"),
        actor: workflow,
        subject: { stream: "prod", seq: 2, snapshot: "a".repeat(64) },
        details: { authorization: "request", request: "r-7", approvers: ["@carol", "@dave"] },
      },
      {
        type: "snapshot.forgotten",
        time: new Date("2026-11-15T09:00:00Z"),
        actor: { kind: "cli" },
        subject: { stream: "prod", seq: 1, snapshot: "b".repeat(64) },
        details: { reasons: ["old"], approval: "f-3", approvers: ["@carol", "@frank"] },
      },
      {
        type: "snapshot.forgotten",
        time: new Date("2026-11-16T09:00:00Z"),
        actor: { kind: "cli" },
        subject: { stream: "qa", seq: 1, snapshot: "c".repeat(64) },
        details: { reasons: ["old"] },
      },
      {
        type: "snapshot.restored",
        time: new Date("2026-12-01T09:00:00Z"),
        actor: workflow,
        subject: { stream: "prod", seq: 3, snapshot: "d".repeat(64) },
        details: { approvers: ["@x"] },
      },
    ]);
    const run = await ws.cli("report", "--store", ws.store, "--month", "2026-11", "--json");
    expect(run.code).toBe(0);
    report = run.json() as MonthlyReport;
  });

  it("counts snapshots, coverage per environment and tier", () => {
    const inMonth = (times: string[]) => times.filter((t) => t.startsWith("2026-11")).length;
    const prod = report.environments.find((env) => env.environment === "prod");
    const qa = report.environments.find((env) => env.environment === "qa");
    expect(report.from).toBe("2026-11-01T00:00:00.000Z");
    expect(report.until).toBe("2026-12-01T00:00:00.000Z");
    expect(prod?.snapshots).toBe(inMonth(PROD));
    expect(qa?.snapshots).toBe(inMonth(QA));
    expect(report.totals.snapshots).toBe(inMonth(PROD) + inMonth(QA));
    expect(prod?.latestAtEnd).toEqual({
      seq: PROD.length,
      time: new Date(PROD.at(-1) as string).toISOString(),
    });
    expect(prod?.coverage).toEqual({ state: "pass", missingComponents: [] });
    expect(qa?.coverage).toEqual({ state: "pass", missingComponents: [] });
    expect(report.tiers).toEqual([
      { tier: "tier0", environments: 1, covered: 1 },
      { tier: "tier1", environments: 1, covered: 1 },
    ]);
  });

  it("samples the backup age at the end of each day", () => {
    const prod = report.environments.find((env) => env.environment === "prod");
    const qa = report.environments.find((env) => env.environment === "qa");
    expect(prod?.backupAge).toHaveLength(30);
    const age = (day: number) => {
      const sample = T("2026-11-01T00:00:00Z") + (day + 1) * DAY;
      const newest = PROD.map(T)
        .filter((t) => t <= sample)
        .at(-1) as number;
      return sample - newest;
    };
    for (const day of [0, 2, 5, 29]) expect(prod?.backupAge[day]?.ageMs).toBe(age(day));
    expect(prod?.backupAge[2]?.ageMs).toBe(48 * HOUR);
    expect(qa?.backupAge[0]?.ageMs).toBeNull();
  });

  it("lists drills with RTO/RPO against the SLA, and counts checks", () => {
    const prod = report.environments.find((env) => env.environment === "prod");
    const lastSnapshot = T(PROD.at(-1) as string);
    expect(
      prod?.drills.map((d) => [d.time, d.ok, d.trusted, d.rtoMs, d.rtoMet, d.rpoMs, d.rpoMet]),
    ).toEqual([
      [
        "2026-11-06T10:00:00.000Z",
        true,
        true,
        30 * 60_000,
        true,
        T("2026-11-06T10:00:00Z") - lastSnapshot,
        true,
      ],
      [
        "2026-11-20T10:00:00.000Z",
        false,
        true,
        30 * 60_000,
        true,
        T("2026-11-20T10:00:00Z") - lastSnapshot,
        false,
      ],
    ]);
    expect(prod?.drills[0]?.signoffs).toEqual([]);
    expect(prod?.checks).toEqual({ total: 2, ok: 1 });
    expect(report.totals).toMatchObject({ drills: 2, drillsPassed: 1 });
  });

  it("lists restores and deletions of the month with their approvers, and judges retention", () => {
    expect(report.restores).toEqual([
      {
        time: "2026-11-12T09:00:00.000Z",
        type: "snapshot.restored",
        stream: "prod",
        seq: 2,
        actor: "erin",
        approvers: ["@carol", "@dave"],
        request: "r-7",
      },
    ]);
    expect(report.deletions.map((d) => [d.stream, d.seq, d.approvers, d.request])).toEqual([
      ["prod", 1, ["@carol", "@frank"], "f-3"],
      ["qa", 1, [], null],
    ]);
    const retention = Object.fromEntries(
      report.environments.map((env) => [env.environment, env.retention]),
    );
    expect(retention.prod).toMatchObject({
      held: PROD.length,
      forgottenInMonth: 1,
      minCount: 2,
      legalHold: null,
      adheres: true,
    });
    expect(retention.qa).toMatchObject({
      forgottenInMonth: 1,
      legalHold: "case 42 hold",
      adheres: false,
    });
  });

  it("lists exceptions with expiry and the late-backup alerts raised and resolved", () => {
    expect(report.exceptions.map((x) => [x.expires, x.expired, x.expiresInMonth])).toEqual([
      ["2026-11-20", true, true],
      ["2027-01-31", false, false],
    ]);
    const alerts = Object.fromEntries(
      report.environments.map((env) => [env.environment, env.alerts]),
    );
    // prod: due 24h after a snapshot, late 1h later: Nov 2 -> Nov 5 is a gap; after Nov 5 none came.
    expect(alerts.prod).toEqual([
      { raisedAt: "2026-11-03T01:00:00.000Z", resolvedAt: "2026-11-05T00:00:00.000Z" },
      { raisedAt: "2026-11-06T01:00:00.000Z", resolvedAt: null },
    ]);
    expect(alerts.qa).toEqual([{ raisedAt: "2026-11-17T01:00:00.000Z", resolvedAt: null }]);
    expect(report.totals).toMatchObject({
      restores: 1,
      deletions: 2,
      alertsRaised: 3,
      alertsResolved: 1,
    });
  });

  it("renders Markdown and a self-contained, accessible HTML page with inline SVG charts", async () => {
    const md = await ws.cli("report", "--store", ws.store, "--month", "2026-11");
    expect(md.stdout).toContain("# Snapgate compliance report 2026-11");
    expect(md.stdout).toContain(
      "| prod | 2026-11-20T10:00:00.000Z | #4 | FAILED | 30m | met | 2w1d10h | MISSED | none recorded |",
    );
    const out = join(ws.dir, "report.html");
    const html = await ws.cli(
      "report",
      "--store",
      ws.store,
      "--month",
      "2026-11",
      "--format",
      "html",
      "--out",
      out,
    );
    expect(html.code).toBe(0);
    const page = readFileSync(out, "utf8");
    for (const landmark of ["<header>", '<nav aria-label="Sections">', "<main>", "<footer>"])
      expect(page).toContain(landmark);
    expect(page.match(/<svg role="img" aria-labelledby=/g)).toHaveLength(3);
    expect(page).toContain('<th scope="col">RTO</th>');
    // Status is a word and a symbol, not a colour alone; nothing is loaded from anywhere.
    expect(page).toContain("&#10007; failed");
    expect(page).not.toMatch(/<script|<link|src=|url\(|https?:/);
  });

  it("refuses a malformed or future month, and an unknown format", async () => {
    const bad = await ws.cli("report", "--store", ws.store, "--month", "November");
    expect(bad.code).toBe(64);
    expect(bad.stderr).toContain("Write it as YYYY-MM");
    expect((await ws.cli("report", "--store", ws.store, "--month", "2099-01")).stderr).toContain(
      "has not begun",
    );
    expect(
      (await ws.cli("report", "--store", ws.store, "--month", "2026-11", "--format", "pdf")).stderr,
    ).toContain("Use md, html or json.");
  });
});
