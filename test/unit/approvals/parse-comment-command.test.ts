import { describe, expect, it } from "@jest/globals";
import type { CommentCommand, ParsedComment } from "../../../core/approvals/comment-command.js";
import {
  MAX_COMMAND_LINE,
  MAX_COMMENT_BODY,
  MAX_PATHS,
  MAX_REASON,
} from "../../../core/approvals/comment-command-grammar.js";
import { parseCommentCommand } from "../../../core/approvals/parse-comment-command.js";

function accepted(body: string): CommentCommand {
  const parsed = parseCommentCommand(body);
  if (parsed.kind !== "command") {
    throw new Error(
      `expected a command from ${JSON.stringify(body)}, got ${parsed.kind}${parsed.kind === "refused" ? `: ${parsed.error.message}` : ""}`,
    );
  }
  return parsed.command;
}

function refused(body: string): Extract<ParsedComment, { kind: "refused" }> {
  const parsed = parseCommentCommand(body);
  if (parsed.kind !== "refused") {
    throw new Error(`expected a refusal of ${JSON.stringify(body)}, got ${parsed.kind}`);
  }
  return parsed;
}

/** POSIX single quoting: what a person (or a test) types to pass any text as one word. */
function quote(text: string): string {
  return `'${text.replace(/'/g, "'\\''")}'`;
}

/** A small deterministic generator, so a failing case can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe("what is a command", () => {
  it("reads the issue's example: <env>@<seq> names the environment, quotes group words", () => {
    expect(
      accepted(`/snapgate restore prod@41 --paths 'k8s/**' --reason "INC-3321 bad ingress"`),
    ).toEqual({
      name: "restore",
      args: { snapshot: "prod@41" },
      environment: "prod",
      paths: ["k8s/**"],
      reason: "INC-3321 bad ingress",
      dryRun: false,
    });
  });

  it("accepts --flag=value, repeated --paths, a switch, leading blanks, tabs and CRLF", () => {
    expect(
      accepted(
        '  \t/snapgate\trestore latest --env=staging --paths=a/** --paths "b c/*.yaml" --dry-run\r\nthanks!',
      ),
    ).toEqual({
      name: "restore",
      args: { snapshot: "latest" },
      environment: "staging",
      paths: ["a/**", "b c/*.yaml"],
      reason: null,
      dryRun: true,
    });
  });

  it("accepts every subcommand of the grammar", () => {
    const id = "r-abcdefgh2345";
    expect(accepted(`/snapgate approve ${id}`)).toMatchObject({
      name: "approve",
      args: { request: id },
    });
    expect(accepted(`/snapgate deny ${id} --reason 'not now'`)).toMatchObject({
      name: "deny",
      reason: "not now",
    });
    expect(accepted(`/snapgate cancel ${id}`)).toMatchObject({ name: "cancel" });
    expect(accepted("/snapgate status")).toMatchObject({ name: "status", args: {} });
    expect(accepted(`/snapgate status ${id}`)).toMatchObject({ args: { request: id } });
    expect(accepted("/snapgate list --env prod")).toMatchObject({
      name: "list",
      environment: "prod",
    });
    expect(accepted("/snapgate show prod@latest")).toMatchObject({
      args: { snapshot: "prod@latest" },
    });
    expect(accepted("/snapgate diff prod@3 0123abcd")).toMatchObject({
      args: { a: "prod@3", b: "0123abcd" },
    });
    expect(accepted("/snapgate help")).toMatchObject({ name: "help", args: {} });
    expect(accepted("/snapgate help restore")).toMatchObject({ args: { command: "restore" } });
    expect(accepted("/snapgate lock --env prod --reason freeze")).toMatchObject({
      name: "lock",
      environment: "prod",
      reason: "freeze",
    });
    expect(accepted("/snapgate unlock --env prod")).toMatchObject({ name: "unlock" });
    expect(accepted("/snapgate forget prod@7 --reason 'leaked a token'")).toMatchObject({
      name: "forget",
      args: { snapshot: "prod@7" },
      reason: "leaked a token",
    });
    expect(accepted("/snapgate restore 0123abcd --env prod")).toMatchObject({
      environment: "prod",
    });
  });

  it("is not a command unless the first line starts with the trigger and a word boundary", () => {
    for (const body of [
      "LGTM",
      "",
      "please run\n/snapgate restore prod@41",
      "> /snapgate approve r-abcdefgh2345",
      "see `/snapgate help`",
      "/snapgates help",
      "/snapgate-restore prod@1",
      "/snapgatehelp",
    ]) {
      expect(parseCommentCommand(body)).toEqual({ kind: "none" });
    }
  });
});

describe("hostile input", () => {
  it("a flag inside quotes is a value, never a flag", () => {
    expect(accepted(`/snapgate restore prod@41 --reason "--env staging"`)).toMatchObject({
      environment: "prod",
      reason: "--env staging",
    });
    expect(accepted(`/snapgate restore prod@41 --reason '--dry-run'`).dryRun).toBe(false);
    // A quoted flag name is an argument, and restore takes one.
    expect(refused(`/snapgate restore prod@41 "--env" staging`).error.summary).toBe(
      "`--env` is one argument too many for restore.",
    );
    expect(refused(`/snapgate restore prod@41 -"-env" staging`).error.summary).toContain(
      "is not a flag of restore",
    );
    // An unquoted flag is not the value of another.
    expect(refused("/snapgate restore prod@41 --reason --dry-run").error.summary).toBe(
      "--reason needs a value.",
    );
  });

  it("shell metacharacters are literal inside quotes and refused outside", () => {
    const reason = "$(rm -rf /); `id` | tee && echo ${HOME} > x";
    expect(accepted(`/snapgate deny r-abcdefgh2345 --reason ${quote(reason)}`).reason).toBe(reason);
    expect(
      accepted(`/snapgate deny r-abcdefgh2345 --reason "a \\"quoted\\" \\$x \\\` \\n"`).reason,
    ).toBe('a "quoted" $x ` \\n');
    for (const tail of ["; rm -rf /", "| cat", "&& echo", "`id`", "$(id)", "$HOME", "> out", "&"]) {
      const refusal = refused(`/snapgate restore prod@41 ${tail}`);
      expect(refusal.error.code).toBe("USAGE");
      expect(refusal.error.summary).toMatch(/is not accepted outside quotes/);
      expect(refusal.error.fix).toMatch(/Quote the value/);
    }
  });

  it("unclosed quotes and a trailing backslash are refused, an escaped space joins words", () => {
    expect(refused("/snapgate deny r-abcdefgh2345 --reason 'oops").error.summary).toBe(
      "A single quote is not closed.",
    );
    expect(refused('/snapgate deny r-abcdefgh2345 --reason "oops').error.summary).toBe(
      "A double quote is not closed.",
    );
    expect(refused("/snapgate help \\").error.summary).toBe("The command ends with a backslash.");
    expect(accepted("/snapgate deny r-abcdefgh2345 --reason two\\ words").reason).toBe("two words");
  });

  it("refuses look-alike triggers and says which characters are not ASCII", () => {
    const cases: Array<[string, string]> = [
      ["\uff0fsnapgate help", "U+FF0F"], // fullwidth solidus
      ["/sn\u0430pgate help", "U+0430"], // Cyrillic a
      ["/\u0455napgate help", "U+0455"], // Cyrillic dze
      ["\u2215snapgate help", "U+2215"], // division slash
      ["/snap\u200bgate help", "U+200B"], // zero-width space inside
      ["\u200b/snapgate help", "U+200B"], // zero-width space before
      ["/snapgate\u200b help", "U+200B"], // zero-width space after
      ["\u00a0/snapgate help", "U+00A0"], // no-break space before
      ["\uff53\uff4e\uff41\uff50", ""], // fullwidth letters alone: not the trigger
    ];
    for (const [body, codePoint] of cases) {
      if (codePoint === "") {
        expect(parseCommentCommand(body)).toEqual({ kind: "none" });
        continue;
      }
      const refusal = refused(body);
      expect(refusal.error.summary).toContain("looks like a Snapgate command");
      expect(refusal.error.summary).toContain(codePoint);
      expect(refusal.error.fix).toContain("plain lower-case ASCII");
    }
    expect(refused("/SnapGate help").error.summary).toContain("not lower-case /snapgate");
  });

  it("refuses invisible and direction-changing characters anywhere in the command", () => {
    // U+202E would show "prod" while the text says something else.
    const refusal = refused("/snapgate restore prod@41 --reason 'ok \u202e'");
    expect(refusal.error.summary).toContain("U+202E");
    expect(refused("/snapgate restore prod@41 --env\u200b prod").error.summary).toContain("U+200B");
  });

  it("refuses huge input by its size without reading it, and ignores huge non-commands", () => {
    const huge = `/snapgate help\n${"x".repeat(50_000_000)}`;
    expect(refused(huge).error).toMatchObject({ code: "TOO_LARGE" });
    expect(refused(`/snapgate help\n${"x".repeat(MAX_COMMENT_BODY)}`).error.code).toBe("TOO_LARGE");
    expect(accepted(`/snapgate help\n${"x".repeat(MAX_COMMENT_BODY - 20)}`).name).toBe("help");
    const longLine = `/snapgate deny r-abcdefgh2345 --reason '${"a".repeat(MAX_COMMAND_LINE)}'`;
    expect(refused(longLine).error).toMatchObject({
      code: "TOO_LARGE",
      summary: `The command line is longer than ${MAX_COMMAND_LINE} characters.`,
    });
    expect(parseCommentCommand(`${"'".repeat(50_000_000)}\n/snapgate help`)).toEqual({
      kind: "none",
    });
    expect(parseCommentCommand(`/snapgate ${"'a' ".repeat(20_000_000)}`)).toMatchObject({
      kind: "refused",
    });
  });
});

describe("refusals say what to type", () => {
  it("an unknown subcommand gets a did-you-mean and the overview", () => {
    const refusal = refused("/snapgate restor prod@41");
    expect(refusal.suggestion).toBe("restore");
    expect(refusal.error.summary).toBe("`restor` is not a Snapgate command.");
    expect(refusal.error.fix).toBe("Did you mean `/snapgate restore`?");
    expect(refusal.help).toContain("/snapgate forget <snapshot> [--env <env>] --reason");
    expect(refused("/snapgate").error.summary).toBe("The command names no subcommand.");
    expect(refused("/snapgate xyzzy").suggestion).toBeNull();
    expect(refused("/snapgate 'help'").error.summary).toBe("`help` is not a Snapgate command.");
  });

  it("an unknown flag gets the subcommand's closest flag and its usage", () => {
    const refusal = refused("/snapgate restore prod@41 --evn prod");
    expect(refusal.suggestion).toBe("--env");
    expect(refusal.error.fix).toContain("Did you mean `--env`?");
    expect(refusal.error.fix).toContain(
      'Usage: `/snapgate restore <snapshot> [--env <env>] [--paths <glob>]... [--reason "..."] [--dry-run]`.',
    );
    expect(refusal.help).toContain("`--paths`: Restore only files matching this glob");
    expect(refused("/snapgate approve r-abcdefgh2345 --reason ok").error.summary).toBe(
      "`--reason` is not a flag of approve (it takes none).",
    );
    expect(refused("/snapgate lock -e prod").suggestion).toBe("--env");
    expect(refused("/snapgate list --").error.summary).toBe("`--` is not a flag of list.");
  });

  it("checks required arguments and flags", () => {
    expect(refused("/snapgate restore --env prod").error.summary).toBe("restore needs <snapshot>.");
    expect(refused("/snapgate forget prod@3").error.summary).toBe("forget needs --reason.");
    expect(refused("/snapgate lock").error.summary).toBe("lock needs --env.");
    expect(refused("/snapgate approve").error.summary).toBe("approve needs <request>.");
    expect(refused("/snapgate restore latest").error.summary).toBe(
      "Which environment's latest snapshot?",
    );
    expect(refused("/snapgate restore 0123abcd").error.summary).toBe(
      "restore of a snapshot id needs --env.",
    );
    expect(refused("/snapgate show latest").error.fix).toBe(
      "Add --env, or write <env>@latest. Usage: `/snapgate show <snapshot> [--env <env>]`.",
    );
    expect(refused("/snapgate restore prod@41 --env staging").error.summary).toBe(
      "prod@41 is a snapshot of prod, but --env says staging.",
    );
  });

  it("validates ids, environment names, globs and reasons", () => {
    const summary = (body: string) => refused(body).error.summary;
    expect(summary("/snapgate restore prod@41 --env Prod")).toBe(
      "--env `Prod` is not an environment name.",
    );
    expect(summary("/snapgate restore prod@x")).toBe(
      "<snapshot> `prod@x` is not a snapshot reference.",
    );
    expect(summary("/snapgate approve 42")).toBe("<request> `42` is not a request id.");
    expect(summary("/snapgate approve r-ABCDEFGH2345")).toBe(
      "<request> `r-ABCDEFGH2345` is not a request id.",
    );
    for (const glob of ["../etc/**", "/etc/passwd", "a/../../b", "a\\\\b", "''"]) {
      expect(summary(`/snapgate restore prod@41 --paths ${glob}`)).toMatch(/^--paths /);
    }
    expect(summary(`/snapgate deny r-abcdefgh2345 --reason '${"a".repeat(MAX_REASON + 1)}'`)).toBe(
      `--reason \`${"a".repeat(40)}…\` must have 1 to ${MAX_REASON} characters.`,
    );
    expect(summary("/snapgate deny r-abcdefgh2345 --reason '  '")).toMatch(/must have 1 to/);
    expect(summary("/snapgate forget prod@latest --reason x")).toContain("latest moves");
    expect(summary("/snapgate forget latest --reason x")).toContain("latest moves");
    expect(summary("/snapgate restore prod@41 --dry-run=yes")).toBe("--dry-run takes no value.");
    expect(summary("/snapgate restore prod@41 --env prod --env prod")).toBe(
      "--env is given twice.",
    );
    expect(summary("/snapgate help restor")).toBe("<command> `restor` is not a Snapgate command.");
    expect(refused("/snapgate help restor").suggestion).toBe("restore");
    const many = Array.from({ length: MAX_PATHS + 1 }, (_, i) => `--paths d${i}/**`).join(" ");
    expect(summary(`/snapgate restore prod@41 ${many}`)).toBe(
      `A restore names at most ${MAX_PATHS} --paths globs.`,
    );
  });

  it("never puts user text in a reply where it could mention or format", () => {
    expect(refused("/snapgate @org/admins").error.summary).toBe(
      "`@org/admins` is not a Snapgate command.",
    );
    expect(refused("/snapgate '@org/admins`x'").error.summary).toBe(
      "`@org/admins'x` is not a Snapgate command.",
    );
  });
});

describe("properties", () => {
  it("any text quoted as one word comes back as that word (reasons and globs)", () => {
    const next = random(20261202);
    const alphabet = [..."abcXYZ019 -_./*?'\"\\$`;|&<>(){}[]#!~=%é中€"];
    const word = (length: number) =>
      Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)]).join("");
    for (let round = 0; round < 500; round += 1) {
      const reason = `r${word(Math.floor(next() * 60))}`;
      const globs = Array.from({ length: 1 + Math.floor(next() * 3) }, () =>
        `g${word(1 + Math.floor(next() * 20))}`.replace(/\\/g, "").replace(/\.\./g, "."),
      ).filter((glob) => !glob.split("/").includes(".."));
      const line = [
        "/snapgate restore prod@41",
        ...globs.map((glob) =>
          next() < 0.5 ? `--paths ${quote(glob)}` : `--paths=${quote(glob)}`,
        ),
        `--reason ${quote(reason)}`,
      ].join(" ");
      const command = accepted(line);
      expect(command.reason).toBe(reason);
      expect(command.paths).toEqual(globs);
    }
  });

  it("random first lines never throw and always get one of the three answers", () => {
    const next = random(7);
    const alphabet = [
      ..."/snapgate restore --env=prod@41 'x\"\\$`;|\t\u200b\uff0f\u0430\u202e\r\n-",
    ];
    for (let round = 0; round < 1000; round += 1) {
      const length = Math.floor(next() * 80);
      let body = next() < 0.6 ? "/snapgate " : "";
      for (let i = 0; i < length; i += 1) body += alphabet[Math.floor(next() * alphabet.length)];
      const parsed = parseCommentCommand(body);
      expect(["none", "command", "refused"]).toContain(parsed.kind);
      if (parsed.kind === "refused") expect(parsed.error.fix).toBeTruthy();
    }
  });
});
