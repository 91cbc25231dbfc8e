import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { generateAppKeyText, parseAppKey } from "../../../core/crypto/app-key.js";
import { loadSodium } from "../../../core/crypto/sodium.js";
import { buildDashboard } from "../../../core/operations/build-dashboard.js";
import { renderDashboardHtml } from "../../../core/operations/render-dashboard-html.js";
import { buildMonthlyReport } from "../../../core/operations/build-monthly-report.js";
import type { SignoffRole } from "../../../core/operations/drill-signoff-path.js";
import { sealDrillSignoff } from "../../../core/operations/drill-signoff-record.js";
import type { MonthlyReport } from "../../../core/operations/monthly-report.js";
import { renderReportHtml } from "../../../core/operations/render-report-html.js";
import { renderReportMarkdown } from "../../../core/operations/render-report-markdown.js";
import { loadPolicy } from "../../../core/policy/load-policy.js";
import { memoryPolicySource } from "../../../core/policy/policy-source.js";
import { readCatalog } from "../../../core/snapshot/read-catalog.js";
import { snapshotUnderPolicy } from "../../../core/snapshot/snapshot-under-policy.js";
import { LocalDirStore } from "../../../core/store/local-dir-store.js";
import { craftDrill } from "../../helpers/craft-drill.js";
import { makeKeys } from "../../helpers/keys.js";
import { tempDir } from "../../helpers/temp-dir.js";

/**
 * The fixture: November's drills of prod and who signed each off (an
 * "forged" sign-off is signed by an app key the policy does not list). The
 * report's sign-off numbers must be what this table says.
 */
const DRILLS: Array<{ time: string; signoffs: Array<[SignoffRole, string, "app" | "forged"]> }> = [
  {
    time: "2026-11-03T10:00:00.000Z",
    signoffs: [
      ["ops", "olivia", "app"],
      ["security", "sam", "app"],
    ],
  },
  { time: "2026-11-10T10:00:00.000Z", signoffs: [["ops", "olivia", "app"]] },
  {
    time: "2026-11-17T10:00:00.000Z",
    signoffs: [
      ["ops", "olivia", "app"],
      ["security", "mallory", "forged"],
    ],
  },
  { time: "2026-11-24T10:00:00.000Z", signoffs: [] },
];
const expectedSignedOff = DRILLS.filter(
  (drill) =>
    drill.signoffs
      .filter(([, , key]) => key === "app")
      .map(([role]) => role)
      .sort()
      .join() === "ops,security",
).length;

describe("the monthly report's drill sign-offs equal those of a fixture store", () => {
  const work = tempDir();
  const store = new LocalDirStore(join(work, "store"));
  let report: MonthlyReport;
  let dashboardHtml: string;
  let newestDrillSignoffs: unknown;

  beforeAll(async () => {
    const keys = await makeKeys();
    const sodium = await loadSodium();
    const forger = parseAppKey(generateAppKeyText(), "forger");
    const policy = await loadPolicy(
      memoryPolicySource({
        ".github/snapgate.yml": `keys:
  recipients: [${keys.age.recipient}]
  writers: [{ key: ${keys.verifyKey} }]
  app: [{ key: ${keys.appVerifyKey} }]
tiers: { tier1: { max_age: 24h, drill_interval: 90d, drill_signoff: true } }
environments: { prod: { tier: tier1 } }
components: [{ name: app, paths: ["**"] }]
roles: { ops: ["@olivia"], security: ["@sam"] }
`,
      }),
    );
    mkdirSync(join(work, "tree"));
    writeFileSync(join(work, "tree", "app.yaml"), "version: 1\n");
    await snapshotUnderPolicy({
      store,
      root: join(work, "tree"),
      paths: ["."],
      stream: "prod",
      phase: "post",
      writerKey: keys.writer,
      policy,
      changeTicketVerifier: null,
      time: new Date("2026-11-01T00:00:00Z"),
    });
    const entry = (await readCatalog(store, "prod"))[0]!;
    for (const drill of DRILLS) {
      const path = await craftDrill(store, keys.writer, entry, { time: new Date(drill.time) });
      for (const [role, login, key] of drill.signoffs) {
        await store.writeRecords([
          sealDrillSignoff(
            sodium,
            {
              stream: "prod",
              drill: path,
              snapshot: entry.id,
              role,
              by: { id: login.length, login },
              at: drill.time.replace("T10", "T15"),
              commentId: 1,
              deliveryId: "d",
            },
            key === "app" ? keys.app : forger,
          ),
        ]);
      }
    }
    report = await buildMonthlyReport({
      store,
      policy,
      month: "2026-11",
      now: new Date("2026-12-01T00:00:00Z"),
    });
    const dashboard = await buildDashboard({
      store,
      policy,
      now: new Date("2026-11-25T00:00:00Z"),
    });
    newestDrillSignoffs = dashboard.environments[0]?.lastDrill?.signoffs;
    dashboardHtml = renderDashboardHtml(dashboard);
  });

  it("lists each drill's trusted sign-offs and counts the drills signed off by both roles", () => {
    const drills = report.environments.find((env) => env.environment === "prod")!.drills;
    expect(drills.map((d) => [d.time, d.signoffs, d.signedOff])).toEqual([
      [
        "2026-11-03T10:00:00.000Z",
        ["ops: @olivia (2026-11-03)", "security: @sam (2026-11-03)"],
        true,
      ],
      ["2026-11-10T10:00:00.000Z", ["ops: @olivia (2026-11-10)"], false],
      [
        "2026-11-17T10:00:00.000Z",
        ["ops: @olivia (2026-11-17)", "security: untrusted record"],
        false,
      ],
      ["2026-11-24T10:00:00.000Z", [], false],
    ]);
    expect(report.totals).toMatchObject({
      drills: DRILLS.length,
      drillsSignedOff: expectedSignedOff,
    });
    expect(expectedSignedOff).toBe(1);
  });

  it("shows them in Markdown and HTML", () => {
    const line = `${expectedSignedOff} of ${DRILLS.length} drills signed off by ops and security.`;
    const markdown = renderReportMarkdown(report);
    expect(markdown).toContain(line);
    expect(markdown).toContain("| ops: @olivia (2026-11-03), security: @sam (2026-11-03) |");
    expect(markdown).toContain("| none recorded |");
    expect(renderReportHtml(report)).toContain(`<p>${line}</p>`);
  });

  it("the dashboard shows the newest drill's missing sign-offs, as words", () => {
    expect(newestDrillSignoffs).toEqual([]);
    expect(dashboardHtml).toContain("sign-off missing: ops, security");
  });
});
