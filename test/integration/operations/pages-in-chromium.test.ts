import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import type { Browser, Page } from "playwright-core";
import {
  createScenario,
  OWNER,
  policyYaml,
  startAppHarness,
  type AppHarness,
} from "../../helpers/app-harness.js";
import { makePolicyWorkspace } from "../../helpers/policy-workspace.js";
import { tempDir } from "../../helpers/temp-dir.js";

/**
 * The dashboard (served by the app, after signing in through the sandbox's
 * GitHub pages) and the monthly HTML report, in real headless Chromium
 * (Debian's `chromium`): the key content, the accessibility tree's
 * landmarks, table caption and headers, no request leaving the page's
 * hosts, no console error (a CSP violation is one), and a screenshot of
 * each under test-artifacts/. One browser for the suite.
 *
 * Without chromium this suite is skipped locally, with a message, and fails
 * in CI (CI set), where .ci/run installs it.
 */
// Debian's chromium first; Ubuntu's name for it, and the Chrome GitHub's Ubuntu runners carry, after.
const CANDIDATES = process.env["SNAPGATE_CHROMIUM"]
  ? [process.env["SNAPGATE_CHROMIUM"]]
  : ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];
const CHROMIUM = CANDIDATES.find((path) => existsSync(path)) ?? CANDIDATES[0] ?? "";
const ARTIFACTS = join(process.cwd(), "test-artifacts");
const present = existsSync(CHROMIUM);

if (!present && process.env["CI"]) {
  describe("pages in headless Chromium", () => {
    it("needs chromium in CI", () => {
      throw new Error(
        `Chromium is not at ${CHROMIUM}: install Debian's chromium package (.ci/run does) or set SNAPGATE_CHROMIUM.`,
      );
    });
  });
} else if (!present) {
  describe.skip(`pages in headless Chromium (skipped: no chromium at ${CHROMIUM}; apt-get install chromium, or set SNAPGATE_CHROMIUM)`, () => {
    it("is skipped", () => undefined);
  });
} else {
  describe("pages in headless Chromium", () => {
    const work = tempDir("snapgate-chromium-");
    let h: AppHarness;
    let browser: Browser;
    let reportFile: string;

    beforeAll(async () => {
      const { chromium } = await import("playwright-core");
      mkdirSync(ARTIFACTS, { recursive: true });
      const [launched, harness] = await Promise.all([
        chromium.launch({
          executablePath: CHROMIUM,
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
          ],
        }),
        startAppHarness({ dashboard: true }),
      ]);
      browser = launched;
      h = harness;
      h.gh.createUser({ login: "alice" });
      h.gh.setUserPassword("alice", "alice-password");
      h.gh.addCollaborator(OWNER, "config-backups", "alice", "read");
      const scenario = await createScenario(
        h,
        work,
        "prod",
        policyYaml(h.keys, "prod").replace(
          "environments:\n",
          "environments:\n  staging: { tier: tier1, release_branches: [main] }\n",
        ),
      );
      await scenario.snapshot({ "deploy/app.yaml": "replicas: 1\n" });

      // The monthly report of a small local store, written by the CLI.
      const ws = await makePolicyWorkspace(join(work, "report"));
      ws.writePolicy(
        `${ws.keysYaml}tiers:\n  tier1: { max_age: 24h }\nenvironments:\n  prod: { tier: tier1, paths: ["deploy/**"] }\n` +
          `components:\n  - { name: api, paths: ["deploy/**"] }\n`,
      );
      ws.write("deploy/app.yaml", "port: 1\n");
      expect((await ws.snapshot("--env", "prod", "--phase", "post")).code).toBe(0);
      reportFile = join(ws.dir, "report.html");
      const month = new Date().toISOString().slice(0, 7);
      const run = await ws.cli(
        "report",
        "--store",
        ws.store,
        "--month",
        month,
        "--format",
        "html",
        "--out",
        reportFile,
      );
      expect(run.code).toBe(0);
    });

    afterAll(async () => {
      await browser?.close();
      // Nothing the browser or the app asked of the sandbox was outside GitHub's contract.
      h?.gh.assertClean();
      await h?.close();
    });

    /** A page that records console errors and every URL it requests. */
    async function openPage(): Promise<{ page: Page; errors: string[]; urls: string[] }> {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      const page = await context.newPage();
      const errors: string[] = [];
      const urls: string[] = [];
      page.on("console", (message) => {
        // Browsers ask every host for /favicon.ico on their own; the pages link no resource.
        if (message.type() === "error" && !message.location().url.endsWith("/favicon.ico"))
          errors.push(`${message.text()} (${message.location().url})`);
      });
      page.on("pageerror", (error) => errors.push(error.message));
      page.on("request", (request) => {
        if (!request.url().endsWith("/favicon.ico")) urls.push(request.url());
      });
      return { page, errors, urls };
    }

    it("signs in through GitHub and shows the dashboard: content, landmarks, table headers, words and symbols", async () => {
      const { page, errors, urls } = await openPage();
      const dashboard = `${h.server.url}/dashboard/${OWNER}/svc-prod`;
      await page.goto(dashboard);
      // GitHub's sign-in form, then its "Authorize" page (the sandbox's).
      await page.getByLabel("Username or email address").fill("alice");
      await page.getByLabel("Password").fill("alice-password");
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.getByRole("button", { name: /^Authorize/ }).click();
      await page.waitForURL(dashboard);

      const tree = await page.locator("body").ariaSnapshot();
      expect(tree).toContain("- banner:");
      expect(tree).toContain('- navigation "Dashboard":');
      expect(tree).toContain("- main:");
      expect(tree).toContain("- contentinfo:");
      const table = page.getByRole("table", { name: /^Per environment/ });
      expect(await table.getByRole("columnheader").count()).toBe(10);
      expect(await table.getByRole("rowheader").allTextContents()).toEqual(["staging", "prod"]);
      const prod = table.getByRole("row", { name: /^prod/ });
      expect(await prod.getByRole("cell").nth(1).textContent()).toContain("#1");
      // Statuses are words with a symbol: healthy, and the staging row's missing snapshot.
      expect(await prod.textContent()).toContain("✓ healthy");
      expect(await table.getByRole("row", { name: /^staging/ }).textContent()).toContain(
        "✗ no-snapshot",
      );
      expect(await page.getByRole("navigation").textContent()).toContain("Signed in as @alice");

      const cookies = await page.context().cookies(h.server.url);
      const session = cookies.find((cookie) => cookie.name === "snapgate_session");
      expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });
      expect(errors).toEqual([]);
      const hosts = new Set(urls.map((url) => new URL(url).origin));
      expect([...hosts].sort()).toEqual([h.gh.url, h.server.url].sort());
      await page.screenshot({ path: join(ARTIFACTS, "dashboard.png"), fullPage: true });
      await page.context().close();
    });

    it("shows the monthly HTML report: landmarks, charts as images with names, captioned tables", async () => {
      const { page, errors, urls } = await openPage();
      await page.goto(pathToFileURL(reportFile).toString());
      const tree = await page.locator("body").ariaSnapshot();
      for (const landmark of ["- banner:", '- navigation "Sections":', "- main:", "- contentinfo:"])
        expect(tree).toContain(landmark);
      const charts = page.getByRole("img");
      expect(await charts.count()).toBeGreaterThanOrEqual(3);
      for (const name of await charts.evaluateAll((nodes) =>
        nodes.map((node) => node.getAttribute("aria-labelledby") ?? ""),
      ))
        expect(name).not.toBe("");
      expect(await page.getByRole("table").count()).toBeGreaterThan(3);
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toMatch(/report/i);
      expect(readFileSync(reportFile, "utf8")).not.toMatch(/<script/);
      expect(errors).toEqual([]);
      // Nothing but the file itself: no network dependency.
      expect(urls.every((url) => url.startsWith("file:"))).toBe(true);
      await page.screenshot({ path: join(ARTIFACTS, "report.png"), fullPage: true });
      await page.context().close();
    });
  });
}
