import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { sealRequestState } from "../../../core/approvals/request-state-record.js";
import { appendAuditEvents } from "../../../core/audit/append-audit-events.js";
import { loadSodium } from "../../../core/crypto/sodium.js";
import { buildDashboard } from "../../../core/operations/build-dashboard.js";
import { renderDashboardHtml } from "../../../core/operations/render-dashboard-html.js";
import { loadPolicy } from "../../../core/policy/load-policy.js";
import { localPolicySource } from "../../../core/policy/local-policy-source.js";
import type { Store } from "../../../core/store/store.js";
import { LocalDirStore } from "../../../core/store/local-dir-store.js";
import { makeKeys } from "../../helpers/keys.js";
import { makePolicyWorkspace, type PolicyWorkspace } from "../../helpers/policy-workspace.js";
import { tempDir } from "../../helpers/temp-dir.js";
import { askedRestore } from "../../unit/approvals/lifecycle-requests.js";

const ENVIRONMENTS = 200;
const names = Array.from(
  { length: ENVIRONMENTS - 1 },
  (_, i) => `env-${String(i).padStart(3, "0")}`,
);

describe("snapgate dashboard: a static, accessible page for 200 environments", () => {
  const dir = tempDir();
  let ws: PolicyWorkspace;
  let page: string;

  beforeAll(async () => {
    ws = await makePolicyWorkspace(dir);
    ws.writePolicy(
      `${ws.keysYaml}  app:\n    - key: ${ws.keys.appVerifyKey}\n` +
        `tiers:\n  tier1: { max_age: 24h }\nenvironments:\n  prod: { tier: tier1, paths: ["deploy/**"] }\n` +
        names.map((name) => `  ${name}: { tier: tier1, paths: ["deploy/**"] }\n`).join("") +
        `components:\n  - { name: api, paths: ["deploy/**"] }\n`,
    );
    ws.write("deploy/app.yaml", "port: 1\n");
    expect((await ws.snapshot("--env", "prod", "--phase", "post")).code).toBe(0);
    expect(
      (
        await ws.snapshot(
          "--env",
          "env-001",
          "--phase",
          "post",
          "--time",
          new Date(Date.now() - 3 * 86_400_000).toISOString(),
        )
      ).code,
    ).toBe(0);
    const store = new LocalDirStore(ws.store);
    const sodium = await loadSodium();
    const { request } = await askedRestore();
    const open = { ...request, expiresAt: "2099-01-01T00:00:00.000Z" };
    const forger = await makeKeys();
    await store.writeRecords([
      sealRequestState(sodium, open, 1, ws.keys.app),
      sealRequestState(sodium, { ...open, id: "r-forgedforged" }, 1, forger.app),
    ]);
    const alice = { kind: "user" as const, login: "alice", id: 1 };
    await appendAuditEvents(store, [
      {
        type: "environment.locked",
        time: new Date(),
        actor: alice,
        subject: { environment: "prod" },
        details: { reason: "incident <7>" },
      },
      {
        type: "environment.locked",
        time: new Date(),
        actor: alice,
        subject: { environment: "env-002" },
        details: { reason: null },
      },
      {
        type: "environment.unlocked",
        time: new Date(),
        actor: alice,
        subject: { environment: "env-002" },
        details: {},
      },
    ]);
    const out = join(ws.dir, "dashboard.html");
    const run = await ws.cli("dashboard", "--store", ws.store, "--out", out, "--json");
    expect(run.code).toBe(0);
    expect(run.json()).toEqual({
      out,
      environments: ENVIRONMENTS,
      unhealthy: ENVIRONMENTS - 1,
      openRequests: 1,
      locked: 1,
    });
    page = readFileSync(out, "utf8");
  });

  it("shows per environment the latest snapshot and age, requests, lock and alerts", () => {
    const prodRow = /<tr id="env-prod">.*?<\/tr>/.exec(page)?.[0] ?? "";
    expect(prodRow).toContain("#1 <code>");
    expect(prodRow).toContain("&#10003; ");
    expect(prodRow).toContain(
      `${"r-abcdefghijkl"}: restore by @alice, pending until 2099-01-01T00:00:00.000Z`,
    );
    // Text from the store is escaped.
    expect(prodRow).toContain("locked</span> by @alice since");
    expect(prodRow).toContain(": incident &lt;7&gt;");
    const lateRow = /<tr id="env-env-001">.*?<\/tr>/.exec(page)?.[0] ?? "";
    expect(lateRow).toMatch(/&#10007; 3d\S* \(late\)/);
    expect(lateRow).toContain("&#10007; late</span>");
    expect(/<tr id="env-env-002">.*?<\/tr>/.exec(page)?.[0]).toContain("unlocked");
    expect(page).toContain(
      "Request records that fail the app-key check (investigate): r-forgedforged.",
    );
    // Unhealthy first: the one healthy environment is the last row.
    expect(page.lastIndexOf("<tr id=")).toBe(page.indexOf('<tr id="env-prod">'));
  });

  it("is accessible: landmarks, captioned table with column and row headers, words not colours", () => {
    for (const landmark of [
      "<header>",
      '<nav aria-label="Dashboard">',
      "<main>",
      "<footer>",
      '<html lang="en">',
    ])
      expect(page).toContain(landmark);
    expect(page).toContain("<caption>");
    expect(page.match(/<th scope="col">/g)).toHaveLength(10);
    expect(page.match(/<th scope="row">/g)).toHaveLength(ENVIRONMENTS);
    expect(page).not.toMatch(/<script|<link|src=|url\(|https?:/);
  });

  it("stays cheap with 200 environments: a bounded number of store reads per environment, a small page", async () => {
    const store = new LocalDirStore(ws.store);
    const calls: Record<string, number> = {};
    const counted = new Proxy(store, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver) as unknown;
        if (typeof value !== "function") return value;
        return (...args: unknown[]) => {
          calls[String(property)] = (calls[String(property)] ?? 0) + 1;
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    }) as Store;
    const policy = await loadPolicy(localPolicySource(ws.repo), { path: ".github/snapgate.yml" });
    const dashboard = await buildDashboard({ store: counted, policy, now: new Date() });
    expect(dashboard.environments).toHaveLength(ENVIRONMENTS);
    // One index and one drill listing per environment; a manifest only where there is a snapshot.
    expect(calls.readStreamIndex).toBe(ENVIRONMENTS);
    expect(calls.readManifest).toBe(2);
    expect(calls.listRecords).toBe(ENVIRONMENTS + 1 + 2);
    expect(calls.readAuditLines).toBe(1);
    expect(Buffer.byteLength(renderDashboardHtml(dashboard))).toBeLessThan(400_000);
  });

  it("shows the drift of a live directory when given one", async () => {
    ws.write("deploy/app.yaml", "port: 2\n");
    const out = join(ws.dir, "drift.html");
    const run = await ws.cli(
      "dashboard",
      "--store",
      ws.store,
      "--out",
      out,
      "--env",
      "prod",
      "--root",
      ws.repo,
      "--writer-key",
      join(ws.dir, "writer.key"),
    );
    expect(run.code).toBe(0);
    const html = readFileSync(out, "utf8");
    expect(/<tr id="env-prod">.*?<\/tr>/.exec(html)?.[0]).toContain(
      "&#10007; 0 added, 0 removed, 1 changed",
    );
    expect(/<tr id="env-env-001">.*?<\/tr>/.exec(html)?.[0]).toContain("not checked");
  });
});
