import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import type { Bench, Row } from "../bench.js";
import { measure } from "../harness/measure.js";
import { generateAgeKeyPair } from "../../core/crypto/age-keys.js";
import { loadSodium } from "../../core/crypto/sodium.js";
import {
  generateWriterKeyText,
  parseWriterKey,
  writerSigner,
} from "../../core/crypto/writer-key.js";
import { createGitHubClient } from "../../core/github/github-client.js";
import { buildDashboard } from "../../core/operations/build-dashboard.js";
import { renderDashboardHtml } from "../../core/operations/render-dashboard-html.js";
import { loadPolicy } from "../../core/policy/load-policy.js";
import type { Policy } from "../../core/policy/policy.js";
import { memoryPolicySource } from "../../core/policy/policy-source.js";
import { snapshotUnderPolicy } from "../../core/snapshot/snapshot-under-policy.js";
import { GitHubStore } from "../../core/store/github-store.js";
import { LocalDirStore } from "../../core/store/local-dir-store.js";
import type { Store } from "../../core/store/store.js";
import { startSandbox } from "../../sandbox/index.js";

const ENVIRONMENTS = 200;
/** Environments that have a snapshot; the others show "no snapshot" alerts. */
const WITH_SNAPSHOTS = 150;
/** Issue 12: the dashboard loads in under a second with 200 environments. */
const TARGET_MS = 1000;
const CHROMIUM = process.env["SNAPGATE_CHROMIUM"] ?? "/usr/bin/chromium";

const names = Array.from({ length: ENVIRONMENTS }, (_, i) => `env-${String(i).padStart(3, "0")}`);

async function fill(
  store: Store,
  policy: Policy,
  root: string,
  count: number,
  writerKey: ReturnType<typeof parseWriterKey>,
): Promise<void> {
  for (const name of names.slice(0, count)) {
    await snapshotUnderPolicy({
      policy,
      store,
      root,
      paths: ["."],
      stream: name,
      phase: "post",
      writerKey,
      changeTicketVerifier: null,
      metadata: {},
    });
  }
}

/**
 * The dashboard of 200 environments (150 with a snapshot): building it
 * from a local store and rendering it (what `snapgate dashboard` does), the
 * page's bytes, and the time headless Chromium takes to load and lay it out
 * (when /usr/bin/chromium is there). Then the same build over a GitHub
 * backup repository on the sandbox, as the app serves it: its API calls
 * per environment.
 */
export const dashboardBench: Bench = {
  name: "dashboard",
  description: `The dashboard with ${ENVIRONMENTS} environments (${WITH_SNAPSHOTS} with a snapshot); target: built, rendered and loaded in under ${TARGET_MS} ms.`,
  columns: [
    { key: "step", header: "step", unit: "text" },
    { key: "wallMs", header: "time", unit: "ms", digits: 0 },
    { key: "bytes", header: "HTML", unit: "count" },
    { key: "gzip", header: "gzip", unit: "count" },
    { key: "rows", header: "table rows", unit: "count" },
    { key: "calls", header: "API calls", unit: "count" },
    { key: "verdict", header: "", unit: "text" },
  ],
  async run({ workDir }) {
    const sodium = await loadSodium();
    const recipient = generateAgeKeyPair(sodium).recipient;
    const writerKey = parseWriterKey(generateWriterKeyText(), "bench");
    const verifyKey = writerSigner(sodium, writerKey).verifyKey;
    const policyText = [
      "backup: { repository: acme/config-backups, branch: main }",
      `keys: { recipients: [${recipient}], writers: [{ key: ${verifyKey} }] }`,
      "tiers: { tier1: { max_age: 24h } }",
      "environments:",
      ...names.map((name) => `  ${name}: { tier: tier1, paths: ["deploy/**"] }`),
      'components: [{ name: app, paths: ["deploy/**"] }]',
      "",
    ].join("\n");
    const policy = await loadPolicy(memoryPolicySource({ ".github/snapgate.yml": policyText }));
    const root = join(workDir, "live");
    mkdirSync(join(root, "deploy"), { recursive: true });
    for (let i = 0; i < 5; i++) writeFileSync(join(root, `deploy/service-${i}.yaml`), `n: ${i}\n`);

    const rows: Row[] = [];
    const local = new LocalDirStore(join(workDir, "store"));
    await fill(local, policy, root, WITH_SNAPSHOTS, writerKey);
    const built = await measure("build", () =>
      buildDashboard({ store: local, policy, now: new Date() }),
    );
    const rendered = await measure("render", async () => renderDashboardHtml(built.value));
    const html = rendered.value;
    const tableRows = (html.match(/<tr id="env-/g) ?? []).length;
    rows.push(
      { step: "build (local store)", wallMs: built.wallMs },
      {
        step: "render",
        wallMs: rendered.wallMs,
        bytes: Buffer.byteLength(html),
        gzip: gzipSync(html).length,
        rows: tableRows,
      },
    );
    let loadMs = 0;
    if (existsSync(CHROMIUM)) {
      const file = join(workDir, "dashboard.html");
      writeFileSync(file, html);
      const { chromium } = await import("playwright-core");
      const browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: [
          "--no-sandbox",
          "--disable-gpu",
          "--no-first-run",
          "--disable-background-networking",
        ],
      });
      try {
        const page = await browser.newPage();
        // Warm the browser once, then measure a fresh navigation: load event, layout included.
        await page.goto(pathToFileURL(file).toString());
        await page.goto("about:blank");
        await page.goto(pathToFileURL(file).toString());
        // Evaluated in the page (the Node types have no DOM): the navigation's load event, from its start.
        loadMs = Number(
          await page.evaluate(
            "(() => { const n = performance.getEntriesByType('navigation')[0]; return n ? n.loadEventEnd - n.startTime : 0; })()",
          ),
        );
        rows.push({ step: "load in headless Chromium (file)", wallMs: loadMs, rows: tableRows });
      } finally {
        await browser.close();
      }
    } else {
      rows.push({ step: `load in Chromium: skipped (no ${CHROMIUM})` });
    }
    const total = built.wallMs + rendered.wallMs + loadMs;
    rows.push({
      step: "build + render + load",
      wallMs: total,
      verdict: total <= TARGET_MS ? `ok (<= ${TARGET_MS} ms)` : `over ${TARGET_MS} ms`,
    });

    // The app's way: the same build over a GitHub backup repository (the sandbox).
    const gh = await startSandbox({ dir: join(workDir, "sandbox"), webhookSideEffects: false });
    try {
      gh.createUser({ login: "octo" });
      gh.createOrg({ login: "acme", admins: ["octo"] });
      await gh.createRepo({ owner: "acme", name: "config-backups", private: true });
      const remote = new GitHubStore(
        createGitHubClient({
          token: gh.createToken({
            actor: "octo",
            repositories: ["acme/config-backups"],
            permissions: { contents: "write" },
          }),
          baseUrl: gh.url,
          writeSpacingMs: 0,
        }),
        { owner: "acme", repo: "config-backups", branch: "main" },
      );
      await remote.initialize();
      await fill(remote, policy, root, 10, writerKey);
      gh.resetLog();
      const overGitHub = await measure("build", () =>
        buildDashboard({ store: remote, policy, now: new Date() }),
      );
      rows.push({
        step: "build over GitHub (sandbox, 10 snapshots)",
        wallMs: overGitHub.wallMs,
        calls: gh.countCalls(),
        verdict: `${(gh.countCalls() / ENVIRONMENTS).toFixed(1)} calls per environment`,
      });
    } finally {
      await gh.close();
    }
    return rows;
  },
};
