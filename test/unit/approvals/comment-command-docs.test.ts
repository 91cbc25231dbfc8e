import { readFileSync } from "node:fs";
import { describe, expect, it } from "@jest/globals";
import {
  MAX_COMMAND_LINE,
  MAX_COMMENT_BODY,
  MAX_GLOB,
  MAX_PATHS,
  MAX_REASON,
  SUBCOMMANDS,
} from "../../../core/approvals/comment-command-grammar.js";
import { commentCommandHelp } from "../../../core/approvals/comment-command-help.js";
import { commentCommandUsage } from "../../../core/approvals/comment-command-usage.js";
import { parseCommentCommand } from "../../../core/approvals/parse-comment-command.js";

/**
 * The grammar is written once (comment-command-grammar.ts); the reference
 * page, the help reply and the design's command list must say the same.
 */
const page = readFileSync(new URL("../../../docs/comment-commands.md", import.meta.url), "utf8");

/** The subcommands of the design's grammar block (DESIGN.md, "Restores (app)"). */
const DESIGNED = [
  "restore",
  "approve",
  "deny",
  "cancel",
  "status",
  "list",
  "show",
  "diff",
  "help",
  "lock",
  "unlock",
  "forget",
  // Issue 12: drill sign-off by ops and security (ADR 1203).
  "signoff",
];

describe("docs/comment-commands.md", () => {
  it("shows exactly the usage lines the grammar renders", () => {
    const block = /<!-- grammar:start[^>]*-->\s*```\n([\s\S]*?)\n```\s*<!-- grammar:end -->/.exec(
      page,
    );
    const rendered = SUBCOMMANDS.map(commentCommandUsage).join("\n");
    // On a grammar change, paste `rendered` between the grammar markers.
    expect(block?.[1]).toBe(rendered);
  });

  it("has a row for every command, and no other", () => {
    const rows = [...page.matchAll(/^\| `([a-z-]+)` +\|/gm)].map((match) => match[1]);
    expect(rows).toEqual(SUBCOMMANDS.map((spec) => spec.name));
  });

  it("describes every flag for exactly the commands that take it", () => {
    const documented = new Map<string, string[]>();
    for (const match of page.matchAll(/^- `--([a-z-]+)[^`]*` \(([^);]*)[);]/gm)) {
      documented.set(
        match[1] as string,
        (match[2] as string).split(/,\s*/).map((word) => word.split(" ")[0] as string),
      );
    }
    const taking = new Map<string, string[]>();
    for (const spec of SUBCOMMANDS) {
      for (const flag of spec.flags)
        taking.set(flag.name, [...(taking.get(flag.name) ?? []), spec.name]);
    }
    expect(Object.fromEntries(documented)).toEqual(Object.fromEntries(taking));
  });

  it("states the grammar's limits", () => {
    for (const limit of [MAX_PATHS, MAX_GLOB, MAX_REASON, MAX_COMMAND_LINE, MAX_COMMENT_BODY]) {
      expect(page).toContain(limit.toLocaleString("en-US"));
    }
  });
});

describe("the grammar", () => {
  it("has the design's commands, and only those", () => {
    expect(SUBCOMMANDS.map((spec) => spec.name).sort()).toEqual([...DESIGNED].sort());
  });

  it("is what help shows: every usage line, and each command's flags", () => {
    const overview = commentCommandHelp();
    for (const spec of SUBCOMMANDS) {
      expect(overview).toContain(commentCommandUsage(spec));
      const one = commentCommandHelp(spec.name);
      expect(one).toContain(commentCommandUsage(spec));
      for (const flag of spec.flags) expect(one).toContain(`\`--${flag.name}\``);
    }
    expect(commentCommandHelp("nonsense")).toBe(overview);
  });

  it("is what the parser accepts: each command with its required parts, and each flag", () => {
    const sample: Record<string, string> = {
      snapshot: "prod@41",
      "exact-snapshot": "prod@41",
      request: "r-abcdefgh2345",
      environment: "prod",
      glob: "k8s/**",
      reason: "'a reason'",
      command: "restore",
      drill: `drills/prod/20261126T120000.123Z-ok-${"a".repeat(64)}.json`,
    };
    for (const spec of SUBCOMMANDS) {
      // One part per argument or flag; distinct values, as a person would type them.
      const parts = [
        ...spec.args.map((arg, i) => ({
          required: arg.required,
          text: i === 0 ? (sample[arg.kind] as string) : "prod@40",
        })),
        ...spec.flags.map((flag) => ({
          required: flag.required,
          text: flag.kind === null ? `--${flag.name}` : `--${flag.name} ${sample[flag.kind]}`,
        })),
      ];
      const line = (kept: typeof parts) =>
        ["/snapgate", spec.name, ...kept.map((part) => part.text)].join(" ");
      expect(parseCommentCommand(line(parts))).toMatchObject({
        kind: "command",
        command: { name: spec.name },
      });
      // Leaving out a required flag, or the arguments of a command that needs one, is refused.
      const flags = parts.slice(spec.args.length);
      const cases = flags
        .filter((part) => part.required)
        .map((part) => parts.filter((p) => p !== part));
      if (spec.args.some((arg) => arg.required)) cases.push(flags);
      for (const kept of cases) {
        expect([line(kept), parseCommentCommand(line(kept)).kind]).toEqual([line(kept), "refused"]);
      }
    }
  });
});
