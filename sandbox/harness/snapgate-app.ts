import { readFileSync } from "node:fs";
import { parse } from "yaml";
import type { CreatedApp, Permissions, Sandbox } from "../../sandbox/index.js";

/** The app's permissions and events as app.yml declares them. */
export function appManifest(): { permissions: Permissions; events: string[] } {
  const manifest = parse(readFileSync(new URL("../../app.yml", import.meta.url), "utf8")) as {
    default_permissions: Permissions;
    default_events: string[];
  };
  return { permissions: manifest.default_permissions, events: manifest.default_events };
}

/**
 * Registers the Snapgate App on the sandbox exactly as app.yml declares it:
 * the only way tests create it, so a permission or event the documented
 * setup needs and app.yml lacks fails them.
 */
export function registerSnapgateApp(gh: Sandbox): CreatedApp {
  return gh.createApp({ slug: "snapgate", ...appManifest() });
}
