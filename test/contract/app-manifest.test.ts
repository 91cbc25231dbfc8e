import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "@jest/globals";
import type { Probot } from "probot";
import { parse } from "yaml";
import { snapgateApp } from "../../app/index.js";
import { appManifest } from "../helpers/snapgate-app.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** Every TypeScript file under `dir`, relative to the repository root. */
function sourcesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".ts"))
    .map((name) => relative(ROOT, join(ROOT, dir, name)))
    .sort();
}

/** The events the app registers handlers for, without actions ("pull_request.opened" -> "pull_request"). */
function handledEvents(): string[] {
  const names: string[] = [];
  const recorder = {
    on(name: string | string[]) {
      names.push(...(Array.isArray(name) ? name : [name]));
    },
    auth: () => Promise.reject(new Error("not used")),
  };
  void snapgateApp()(recorder as unknown as Probot, { cwd: ".", addHandler: () => undefined });
  return [...new Set(names.map((name) => name.split(".")[0]!))].sort();
}

describe("app.yml", () => {
  it("subscribes to exactly the events the app handles", () => {
    expect([...appManifest().events].sort()).toEqual(handledEvents());
  });

  it("asks for the least permissions, none of them admin", () => {
    expect(appManifest().permissions).toEqual({
      // The snapshot, verify and restore jobs write the backup repository with the App's token.
      contents: "write",
      metadata: "read",
      checks: "write",
      pull_requests: "read",
      actions: "write",
      deployments: "write",
      merge_queues: "read",
      issues: "write",
      // Team memberships of the policy's roles, asked live for request commands.
      members: "read",
    });
  });

  it("registers the dashboard's sign-in callback, /auth/callback, and asks no authorization on install", () => {
    const manifest = parse(readFileSync(join(ROOT, "app.yml"), "utf8")) as {
      callback_urls: string[];
      request_oauth_on_install: boolean;
    };
    expect(manifest.callback_urls.map((url) => new URL(url).pathname)).toEqual(["/auth/callback"]);
    expect(manifest.request_oauth_on_install).toBe(false);
  });

  it("explains each permission in a comment above it", () => {
    const text = readFileSync(join(ROOT, "app.yml"), "utf8");
    const block = text.slice(text.indexOf("default_permissions:"), text.indexOf("default_events:"));
    const lines = block.split("\n").slice(1);
    for (const name of Object.keys(appManifest().permissions)) {
      const at = lines.findIndex((line) => line.startsWith(`  ${name}:`));
      expect({ name, commented: lines[at - 1]?.trim().startsWith("#") ?? false }).toEqual({
        name,
        commented: true,
      });
    }
  });
});

describe("tests register the Snapgate App only from app.yml", () => {
  // The shared harness (sandbox/harness, used by the tests and the demo's second act) counts as helpers.
  const HELPER = "sandbox/harness/snapgate-app.ts";
  const files = [...sourcesUnder("test"), ...sourcesUnder("sandbox/harness")].filter(
    (file) => file !== "test/contract/app-manifest.test.ts",
  );

  it("no test or helper creates an app named snapgate except registerSnapgateApp", () => {
    const registersSnapgate = (text: string) =>
      [...text.matchAll(/\.createApp\(/g)].some((call) =>
        /slug:\s*["']snapgate["']/.test(
          text.slice(call.index, call.index + 300).split("})")[0] ?? "",
        ),
      );
    const offenders = files.filter(
      (file) => file !== HELPER && registersSnapgate(readFileSync(join(ROOT, file), "utf8")),
    );
    expect(offenders).toEqual([]);
  });

  it("no helper registers any other app, and tests outside the sandbox's own suites register only named third parties", () => {
    // The sandbox's own tests use fixture apps (other slugs) to exercise its permission checks.
    // Elsewhere another app stands only for someone else's (slug "third-party-..."), e.g. a
    // protection rule that is not Snapgate's: never a Snapgate App with other permissions.
    const sandboxSuites = (file: string) =>
      file.startsWith("test/integration/sandbox/") || file.startsWith("test/contract/sandbox-");
    const slugs = (text: string) =>
      [...text.matchAll(/\.createApp\(/g)].map(
        (call) =>
          /slug:\s*["']([^"']+)["']/.exec(
            text.slice(call.index, call.index + 300).split("})")[0] ?? "",
          )?.[1] ?? "(computed)",
      );
    const offenders = files.flatMap((file) => {
      if (file === HELPER || sandboxSuites(file)) return [];
      const found = slugs(readFileSync(join(ROOT, file), "utf8"));
      const bad =
        file.startsWith("test/helpers/") || file.startsWith("sandbox/harness/")
          ? found
          : found.filter((slug) => !slug.startsWith("third-party-"));
      return bad.map((slug) => `${file}: ${slug}`);
    });
    expect(offenders).toEqual([]);
  });

  it("registerSnapgateApp gives the sandbox exactly app.yml's permissions and events", () => {
    const helper = readFileSync(join(ROOT, HELPER), "utf8");
    expect(helper).toContain('gh.createApp({ slug: "snapgate", ...appManifest() })');
    const manifest = parse(readFileSync(join(ROOT, "app.yml"), "utf8")) as {
      default_permissions: unknown;
      default_events: unknown;
      callback_urls: unknown;
    };
    expect(appManifest()).toEqual({
      permissions: manifest.default_permissions,
      events: manifest.default_events,
      callbackUrls: manifest.callback_urls,
    });
  });
});
