import { readFileSync } from "node:fs";
import { parse } from "yaml";
import type { CreatedApp, Permissions, Sandbox } from "../../sandbox/index.js";

/** The app's permissions, events and callback URLs as app.yml declares them. */
export function appManifest(): {
  permissions: Permissions;
  events: string[];
  callbackUrls: string[];
} {
  const manifest = parse(readFileSync(new URL("../../app.yml", import.meta.url), "utf8")) as {
    default_permissions: Permissions;
    default_events: string[];
    callback_urls?: string[];
  };
  return {
    permissions: manifest.default_permissions,
    events: manifest.default_events,
    callbackUrls: manifest.callback_urls ?? [],
  };
}

/**
 * The app's callback URL moved to where a test's app server listens, keeping
 * app.yml's path (as an operator edits the App's settings to their host).
 */
export function callbackUrlAt(serverUrl: string): string {
  const registered = appManifest().callbackUrls[0];
  if (!registered)
    throw new Error("app.yml has no callback_urls: the dashboard's sign-in needs one.");
  return `${serverUrl}${new URL(registered).pathname}`;
}

/**
 * Registers the Snapgate App on the sandbox exactly as app.yml declares it:
 * the only way tests create it, so a permission or event the documented
 * setup needs and app.yml lacks fails them.
 */
export function registerSnapgateApp(gh: Sandbox): CreatedApp {
  return gh.createApp({ slug: "snapgate", ...appManifest() });
}
