import { describe, expect, it } from "@jest/globals";
import type { Probot } from "probot";
import { snapgateApp } from "../../app/index.js";
import { appManifest } from "../helpers/app-harness.js";

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
      contents: "read",
      metadata: "read",
      checks: "write",
      pull_requests: "read",
      actions: "write",
      deployments: "write",
      merge_queues: "read",
      issues: "write",
    });
  });
});
