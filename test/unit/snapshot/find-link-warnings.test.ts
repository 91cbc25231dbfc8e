import { describe, expect, it } from "@jest/globals";
import { findLinkWarnings } from "../../../core/snapshot/find-link-warnings.js";
import type { FileEntry } from "../../../core/types.js";

const link = (path: string, target: string): FileEntry => ({ type: "symlink", path, target });

describe("findLinkWarnings", () => {
  it("says nothing of links that stay inside the tree", () => {
    expect(
      findLinkWarnings([
        link("deploy/prod/current.yaml", "app.yaml"),
        link("deploy/staging", "prod"),
        link("deploy/prod/up.yaml", "../prod/app.yaml"),
      ]),
    ).toEqual([]);
  });

  it("warns of absolute and escaping targets and of targets through another link", () => {
    expect(
      findLinkWarnings([
        link("etc/localtime", "/usr/share/zoneinfo/UTC"),
        link("d/l", "../../x"),
        link("up", ".."),
        link("l", "up/x"),
      ]),
    ).toEqual([
      { path: "etc/localtime", reason: "it points to the absolute path /usr/share/zoneinfo/UTC" },
      { path: "d/l", reason: "it points outside the restore directory (../../x)" },
      { path: "up", reason: "it points outside the restore directory (..)" },
      { path: "l", reason: "its target passes through another symlink (up/x)" },
    ]);
  });
});
