import { describe, expect, it } from "@jest/globals";
import { planAgainstSnapshot } from "../../../core/approvals/plan-against-snapshot.js";
import type { FileState } from "../../../core/snapshot/diff-file-states.js";

const file = (path: string, blob: string): FileState => ({ path, type: "file", blob, mode: 0o644 });

describe("planAgainstSnapshot", () => {
  const current = [
    file("k8s/a.yaml", "1"),
    file("k8s/b.yaml", "2"),
    file("k8s/old.yaml", "3"),
    file("docs/x.md", "4"),
  ];
  const wanted = [
    file("k8s/a.yaml", "1"),
    file("k8s/b.yaml", "9"),
    file("k8s/new.yaml", "5"),
    file("docs/x.md", "8"),
  ];

  it("creates, updates, keeps extras and counts unchanged files, within the paths", () => {
    expect(planAgainstSnapshot(current, wanted, ["k8s/**"])).toEqual([
      { path: "k8s/a.yaml", action: "unchanged" },
      { path: "k8s/b.yaml", action: "update", changes: ["content"] },
      { path: "k8s/new.yaml", action: "create" },
      { path: "k8s/old.yaml", action: "extra" },
    ]);
    expect(planAgainstSnapshot(current, wanted, []).map((c) => c.path)).toContain("docs/x.md");
  });

  it("against no snapshot, every file is created", () => {
    expect(planAgainstSnapshot(null, wanted, ["docs/**"])).toEqual([
      { path: "docs/x.md", action: "create" },
    ]);
  });
});
