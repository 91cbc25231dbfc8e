import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "@jest/globals";
import { COMMANDS } from "../../cli/commands/index.js";
import { COMMON_OPTIONS, type Command } from "../../cli/command.js";
import { commandHelpLines } from "../../cli/command-help-lines.js";
import { EXIT_CODE_TABLE } from "../../cli/exit-codes.js";
import {
  AUDIT_HEAD_PATH,
  auditPath,
  blobPath,
  catalogPath,
  headPath,
  manifestPath,
  nodePath,
  gzipNodePath,
  s3AuditBatchPath,
  s3CatalogEntryPath,
  s3ClaimProbePath,
  s3CommitIntentPath,
  s3PruneMarkPath,
  s3DoctorProbePath,
} from "../../core/store/store.js";
import { RECORD_ROOTS } from "../../core/store/record-path.js";
import { tombstonePath } from "../../core/snapshot/tombstone.js";
import { verificationPath } from "../../core/snapshot/verification-record.js";
import { requestPath } from "../../core/approvals/approval-request.js";
import { requestStatePath } from "../../core/approvals/request-state-record.js";
import { requestExecutionPath } from "../../core/approvals/request-execution.js";
import { environmentLockPath } from "../../core/approvals/environment-lock-record.js";
import { requestDispatchPath } from "../../core/approvals/request-dispatch-record.js";
import { retiredEpochPath } from "../../core/rekey/retired-epoch-path.js";
import { rewrapRecordPath } from "../../core/rekey/rewrap-record.js";
import { drillPath } from "../../core/operations/drill-path.js";
import { drillSignoffPath } from "../../core/operations/drill-signoff-path.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const DOCS = [
  "README.md",
  ...readdirSync(join(ROOT, "docs"))
    .filter((name) => name.endsWith(".md"))
    .map((name) => `docs/${name}`),
  // Runbooks are followed step by step: their commands must run as written.
  ...readdirSync(join(ROOT, "docs/runbooks"))
    .filter((name) => name.endsWith(".md"))
    .map((name) => `docs/runbooks/${name}`),
];
const read = (path: string) => readFileSync(join(ROOT, path), "utf8");

// One at a time: jest's ESM loader fails on concurrent imports of shared modules.
const commands: Command[] = [];
for (const entry of COMMANDS) commands.push(await entry.load());
const byName = new Map(commands.map((command) => [command.name, command]));

const flagsIn = (text: string) =>
  [...text.matchAll(/(?<![\w-])--([a-z][a-z0-9-]*)/g)].map((match) => match[1] ?? "");

interface Mention {
  command: string;
  flag: string;
  where: string;
}

/**
 * The flags a document gives a command: in code (spans and blocks) after
 * `snapgate COMMAND` or a span that starts with `COMMAND --`, and in a README
 * table row about `snapgate COMMAND`, the spans that are just flags.
 */
export function documentedFlags(markdown: string, file: string): Mention[] {
  const mentions: Mention[] = [];
  const add = (command: string, text: string, line: number) => {
    for (const flag of flagsIn(text)) mentions.push({ command, flag, where: `${file}:${line}` });
  };
  // A command line continued with a trailing backslash is one line.
  const lines = markdown.replace(/\\\n/g, " ").split("\n");
  let fenced = false;
  lines.forEach((raw, index) => {
    const line = raw.replace(/\\\|/g, "|");
    if (/^\s*```/.test(line)) {
      fenced = !fenced;
      return;
    }
    // In code, each `snapgate COMMAND` owns the flags up to the next command.
    const inCode = (code: string) => {
      // `/snapgate restore` is a comment command (docs/comment-commands.md), not the CLI.
      for (const part of code.split(/(?<![\w/-])snapgate (?=[a-z])/).slice(1)) {
        const name = /^[a-z]+/.exec(part)?.[0] ?? "";
        if (byName.has(name)) add(name, part.split(/\s(?:\||&&|;)\s/)[0] ?? "", index + 1);
      }
    };
    if (fenced) return inCode(line);
    const row = /^\|\s*`snapgate ([a-z]+)/.exec(line)?.[1];
    for (const span of line.match(/`[^`]+`/g) ?? []) {
      const code = span.slice(1, -1);
      const bare = /^([a-z]+) --/.exec(code)?.[1];
      if (/(?<![\w/-])snapgate /.test(code)) inCode(code);
      else if (bare && byName.has(bare)) add(bare, code, index + 1);
      else if (row && byName.has(row) && /^--[a-z]/.test(code)) add(row, code, index + 1);
    }
  });
  return mentions;
}

describe("every flag the README and docs/*.md give a command is one it accepts", () => {
  it("finds the flags (the parser sees code, table rows and bare `COMMAND --flag` spans)", () => {
    const sample = [
      "Run `snapgate verify --all --bogus` then `restore --nope`.",
      "| `snapgate list --store S` | `--run` filters; `--json` too |",
      "```sh",
      "snapgate snapshot --store s \\",
      "  --env prod | snapgate diff --from x",
      "/snapgate restore prod@1 --paths x",
      "```",
    ].join("\n");
    expect(documentedFlags(sample, "x.md").map((m) => `${m.command} --${m.flag}`)).toEqual([
      "verify --all",
      "verify --bogus",
      "restore --nope",
      "list --store",
      "list --run",
      "list --json",
      "snapshot --store",
      "snapshot --env",
      "diff --from",
    ]);
  });

  it.each(DOCS)("%s", (file) => {
    const unknown = documentedFlags(read(file), file)
      .filter(({ command, flag }) => {
        const definition = byName.get(command);
        const options = Object.keys({ ...COMMON_OPTIONS, ...definition?.options });
        // `--keep-*` names a family of options.
        return flag.endsWith("-")
          ? !options.some((option) => option.startsWith(flag))
          : !options.includes(flag);
      })
      .map(({ command, flag, where }) => `${where}: ${command} has no --${flag}`);
    expect(unknown).toEqual([]);
  });
});

describe("exit codes", () => {
  it("the CLI guide's exit-code table is cli/exit-codes.ts's EXIT_CODE_TABLE", () => {
    const guide = read("docs/cli-guide.md");
    const section = guide.slice(guide.indexOf("## Exit codes"));
    const rows = [...section.matchAll(/^\| (\d+) +\| (.+?) +\|$/gm)].map((match) => ({
      code: Number(match[1]),
      meaning: match[2],
    }));
    expect(rows).toEqual(EXIT_CODE_TABLE);
  });

  it.each(commands.map((command) => [command.name, command] as const))(
    "the exit codes %s's help names are in the table",
    (_name, command) => {
      const known = EXIT_CODE_TABLE.map(({ code }) => code);
      const line = command.help.find((text) => text.startsWith("exit codes:")) ?? "";
      const named = [...line.matchAll(/(?:^exit codes:|,) (\d+)/g)].map((m) => Number(m[1]));
      expect(named.filter((code) => !known.includes(code))).toEqual([]);
    },
  );
});

describe("store paths in the README, docs/*.md and the CLI's help are the paths the code writes", () => {
  const hex = (c: string) => c.repeat(64);
  const time = new Date("2026-03-07T12:34:56.789Z");
  const blob = { id: `ab${hex("1").slice(2)}`, sha256: hex("2") };
  /** One of each path the store writes, from the functions that name them. */
  const written = [
    blobPath({ ...blob, encoding: "none", recipientSet: "3".repeat(32) }),
    blobPath({ ...blob, encoding: "gzip", recipientSet: "3".repeat(32) }),
    blobPath({ ...blob, encoding: "gzip" }),
    manifestPath("prod", 12),
    nodePath(hex("5")),
    gzipNodePath(hex("5")),
    headPath("prod"),
    catalogPath("prod", time),
    auditPath(time),
    AUDIT_HEAD_PATH,
    tombstonePath("prod", 12),
    verificationPath("prod", hex("4"), time, "restore", true),
    requestPath("r-12"),
    requestStatePath("r-12", 1),
    requestStatePath("r-12", 2),
    requestExecutionPath("r-12"),
    environmentLockPath("prod", 1),
    environmentLockPath("prod", 2),
    requestDispatchPath(4242),
    drillPath("prod", time, true, hex("4")),
    drillSignoffPath(drillPath("prod", time, true, hex("4")), "ops"),
    drillSignoffPath(drillPath("prod", time, true, hex("4")), "security"),
    retiredEpochPath("2026-q4"),
    rewrapRecordPath({ id: hex("6"), sha256: hex("7") }),
    s3CatalogEntryPath("prod", 12, time),
    s3AuditBatchPath(3),
    s3ClaimProbePath("0123456789abcdef"),
    s3DoctorProbePath("0123456789abcdef"),
    s3CommitIntentPath(time, "0123456789abcdef"),
    s3PruneMarkPath(time, "0123456789abcdef"),
  ];

  /** What a documented placeholder stands for; an unknown one fails the test, so each is precise. */
  const PLACEHOLDERS: Record<string, string> = {
    "<env>": "prod",
    // As written, a seq is unpadded: a file name says `<seq, 10 digits>`.
    "<seq>": "[1-9][0-9]{0,8}",
    "<seq, 10 digits>": "[0-9]{10}",
    "<yyyy>": "[0-9]{4}",
    "<mm>": "[0-9]{2}",
    "<id>": "[^/]+",
    "<id[0:2]>": "[0-9a-f]{2}",
    "<blob-id>": "[0-9a-f]{64}",
    // A pack (ADR 1114) is stored as a blob: its id is one too.
    "<pack-id>": "[0-9a-f]{64}",
    "<sha256>": "[0-9a-f]{64}",
    "<set>": "[0-9a-f]{32}",
    "<snapshot>": "[0-9a-f]{64}",
    "<snapshot id>": "[0-9a-f]{64}",
    "<time>": "[0-9]{8}T[0-9]{6}\\.[0-9]{3}Z",
    "<level>": "(?:structure|restore)",
    "<ok|fail>": "(?:ok|fail)",
    "<epoch>": "[A-Za-z0-9][A-Za-z0-9._-]*",
    "<run id>": "[0-9]+",
    "<role>": "(?:ops|security)",
    "<nonce>": "[0-9a-f]{16}",
    "<first seq, 10 digits>": "[0-9]{10}",
  };
  const ROOTS =
    "(?:records/)?(?:blobs|manifests|nodes|heads|catalog|audit|tombstones|verifications|requests|approvals|drills|locks|rewraps|epochs)/";
  /** `store/manifests/...` in a shell line is the same path; `core/approvals/x.ts` is source. */
  const PATH = new RegExp(`(?<![\\w./-])(?:store/)?(${ROOTS}(?:<[^>\\n]*>|[^\\s\`)"',;<|])*)`, "g");

  function documentedPaths(text: string, where: string) {
    return [...text.replace(/\\\|/g, "|").matchAll(PATH)]
      .map((match) => (match[1] ?? "").replace(/\.$/, ""))
      .filter((path) => !/\.(?:ts|js)$/.test(path))
      .map((path) => ({ path, where }));
  }

  function asPattern(path: string): RegExp | string {
    let pattern = "";
    for (const token of path.match(/<[^>]*>|\[\.gz\]|\.\.\.|…|[A-Z]{2,}|[^<[.…A-Z]+|./g) ?? []) {
      if (token.startsWith("<")) {
        const part = PLACEHOLDERS[token];
        if (part === undefined) return `unknown placeholder ${token}`;
        pattern += part;
      } else if (token === "[.gz]") pattern += "(?:\\.gz)?";
      else if (token === "..." || token === "…") pattern += ".*";
      else if (/^[A-Z]{2,}$/.test(token)) pattern += "[^/]+";
      else pattern += token.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    }
    // A folder (`manifests/<env>/`) names what is under it.
    return new RegExp(`^${pattern}${path.endsWith("/") ? ".+" : ""}$`);
  }

  const documented = [
    ...DOCS.flatMap((file) => documentedPaths(read(file), file)),
    ...commands.flatMap((command) =>
      documentedPaths(commandHelpLines(command).join("\n"), `snapgate ${command.name} --help`),
    ),
  ];

  it("finds the documented paths", () => {
    expect(documented.length).toBeGreaterThan(20);
    const found = documentedPaths(
      "see `store/manifests/<env>/<seq>.json`, records/requests/ID.json and core/approvals/x.ts.",
      "x",
    ).map(({ path }) => path);
    expect(found).toEqual(["manifests/<env>/<seq>.json", "records/requests/ID.json"]);
    expect(asPattern("manifests/<env>/<seq>.json")).toEqual(
      /^manifests\/prod\/[1-9][0-9]{0,8}\.json$/,
    );
  });

  it("each names a path the code writes", () => {
    const wrong = documented
      .map(({ path, where }) => {
        const pattern = asPattern(path);
        if (typeof pattern === "string") return `${where}: ${path}: ${pattern}`;
        // A record folder the store accepts (record-path.ts) may be named on its own.
        if ((RECORD_ROOTS as readonly string[]).includes(path.replace(/\/$/, ""))) return undefined;
        return written.some((real) => pattern.test(real))
          ? undefined
          : `${where}: ${path} is not a path the store writes`;
      })
      .filter((problem) => problem !== undefined);
    expect(wrong).toEqual([]);
  });
});
