import { describe, expect, it } from "@jest/globals";
import { boundedLines, MAX_LISTED_LINES } from "../../../core/approvals/bounded-lines.js";
import { markdownCode } from "../../../core/approvals/markdown-code.js";
import { renderDiffReply } from "../../../core/approvals/render-diff-reply.js";
import { renderCommandReply } from "../../../core/approvals/render-command-reply.js";
import { renderStatusReply } from "../../../core/approvals/render-status-reply.js";
import type { EnvironmentLock } from "../../../core/approvals/request-lifecycle.js";
import type { SnapshotDiff } from "../../../core/snapshot/diff-snapshots.js";

describe("markdownCode", () => {
  it("keeps any text inside one code span", () => {
    expect(markdownCode("k8s/app.yaml")).toBe("`k8s/app.yaml`");
    expect(markdownCode("a`b")).toBe("``a`b``");
    expect(markdownCode("`x``")).toBe("``` `x`` ```");
    expect(markdownCode("")).toBe("`  `");
  });

  it("shows controls, line breaks and bidi or zero-width characters as escapes", () => {
    expect(markdownCode("evil\u202etxt.sh")).toBe("`evil\\u202etxt.sh`");
    expect(markdownCode("a\nb\u200bc\u0007")).toBe("`a\\u000ab\\u200bc\\u0007`");
    expect(markdownCode("@team <b>hi</b>")).toBe("`@team <b>hi</b>`");
  });
});

describe("boundedLines", () => {
  it("keeps all lines that fit, and says how many it left out", () => {
    expect(boundedLines(["a", "b"])).toEqual({ shown: ["a", "b"], note: null });
    const many = Array.from({ length: MAX_LISTED_LINES + 5 }, (_, i) => `- file ${i}`);
    const cut = boundedLines(many);
    expect(cut.shown).toHaveLength(MAX_LISTED_LINES);
    expect(cut.note).toContain("… and 5 more not shown here");
    const long = Array.from({ length: 100 }, () => "x".repeat(1000));
    expect(boundedLines(long).shown.length).toBeLessThan(50);
  });
});

describe("renderDiffReply", () => {
  it("lists changes by path, escaped, and a huge diff stays a comment GitHub accepts", () => {
    const ref = (seq: number) => ({ id: `${seq}`.repeat(64), stream: "prod", seq });
    const diff: SnapshotDiff = {
      from: ref(1),
      to: ref(2),
      added: Array.from({ length: 10_000 }, (_, i) => ({
        path: `conf/${"deep/".repeat(20)}file-${i}.yaml`,
        type: "file" as const,
      })),
      removed: [{ path: "old\u202e.yaml", type: "file" }],
      changed: [],
      unchanged: 3,
    };
    const text = renderCommandReply({ kind: "diff", diff });
    expect(text).toContain("10000 added, 1 removed, 0 changed, 3 unchanged");
    expect(text.length).toBeLessThan(60_000);
    expect(text).toContain("more not shown here");
    expect(text).not.toContain("(cut: too long for a comment)");
    expect(renderDiffReply({ ...diff, added: [] })).toContain("- removed `old\\u202e.yaml`");
  });
});

describe("renderStatusReply", () => {
  const lock: EnvironmentLock = {
    environment: "prod",
    by: { id: 7, login: "carol" },
    reason: "INC-9 `freeze` @everyone",
    at: "2026-12-01T10:00:00.000Z",
    commentId: 1,
  };
  it("says who holds a lock and why, with the reason as code", () => {
    const text = renderStatusReply({
      kind: "environments",
      environments: [
        { environment: "prod", lock },
        { environment: "qa", lock: null },
      ],
      open: [],
      unread: 3,
    });
    expect(text).toContain(
      "🔒 **prod** is locked by @carol since 2026-12-01T10:00:00.000Z: ``INC-9 `freeze` @everyone``.",
    );
    expect(text).toContain("- **qa** is not locked.");
    expect(text).toContain("No open requests.");
    expect(text).toContain("(3 older request records were not read");
  });
});
