import { describe, expect, it } from "@jest/globals";
import { renderCommandReply } from "../../../core/approvals/render-command-reply.js";
import { SnapgateError } from "../../../core/errors.js";
import type { ListedSnapshot } from "../../../core/snapshot/list-snapshots.js";

function listed(seq: number, extra: Partial<ListedSnapshot> = {}): ListedSnapshot {
  return {
    id: `${seq}`.padStart(64, "a"),
    stream: "prod",
    seq,
    time: `2026-12-0${seq}T10:00:00.000Z`,
    writtenAt: `2026-12-0${seq}T10:00:01.000Z`,
    phase: "post",
    metadata: { environment: "prod", tags: [] },
    files: 3,
    bytes: 10,
    components: [],
    forgotten: false,
    ...extra,
  };
}

describe("renderCommandReply", () => {
  it("lists snapshots newest first, marks forgotten ones and says when there are none", () => {
    const text = renderCommandReply({
      kind: "snapshots",
      sections: [
        {
          environment: "prod",
          snapshots: [
            listed(1, { forgotten: true }),
            listed(2, { metadata: { environment: "prod", tags: [], commit: "c".repeat(40) } }),
          ],
        },
        { environment: "dev", snapshots: [] },
      ],
    });
    const rows = text.split("\n").filter((line) => line.startsWith("| prod@"));
    expect(rows).toEqual([
      `| prod@2 | \`${"a".repeat(12)}\` | 2026-12-02T10:00:00.000Z | post | 3 | \`${"c".repeat(12)}\` |`,
      `| prod@1 (forgotten) | \`${"a".repeat(12)}\` | 2026-12-01T10:00:00.000Z | post | 3 |  |`,
    ]);
    expect(text).toContain("**dev**: no snapshots yet.");
  });

  it("a failure without a fix is one line; a huge reply is cut below GitHub's limit", () => {
    expect(
      renderCommandReply({
        kind: "failed",
        command: "list",
        error: new SnapgateError("REMOTE", "GitHub is down."),
      }),
    ).toBe("**`list` failed:** GitHub is down.");
    const huge = renderCommandReply({ kind: "help", text: "x".repeat(70_000) });
    expect(huge.length).toBeLessThan(65_536);
    expect(huge.endsWith("(cut: too long for a comment)")).toBe(true);
  });
});
