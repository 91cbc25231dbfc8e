#!/usr/bin/env node
import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  GITHUB_STORE_HELP,
  S3_STORE_HELP
} from "../chunks/chunk-3DD7AWWT.js";
import {
  EXIT_USAGE
} from "../chunks/chunk-D6PZSJD3.js";
import {
  json,
  parseCommandArgs
} from "../chunks/chunk-6P64A6B4.js";
import "../chunks/chunk-S5A4YI2O.js";
import "../chunks/chunk-PCQS3LOH.js";
import "../chunks/chunk-CPZT5EG3.js";
import "../chunks/chunk-K3D2YTSH.js";
import "../chunks/chunk-26DBSQQT.js";
import "../chunks/chunk-2NBA2BLU.js";
import {
  didYouMean
} from "../chunks/chunk-ZITD4ZB6.js";
import "../chunks/chunk-U2VA4CFL.js";
import "../chunks/chunk-ZUEUDRMP.js";
import {
  SnapgateError,
  asSnapgateError
} from "../chunks/chunk-6KERQ4ZL.js";
import "../chunks/chunk-H5NHOGLY.js";

// cli/commands/index.ts
var COMMANDS = [
  { name: "keygen", load: async () => (await import("../chunks/keygen-7EWCNZYN.js")).keygenCommand },
  { name: "snapshot", load: async () => (await import("../chunks/snapshot-TDKHVBEE.js")).snapshotCommand },
  { name: "list", load: async () => (await import("../chunks/list-4NRS23P6.js")).listCommand },
  { name: "show", load: async () => (await import("../chunks/show-HIZJEEEQ.js")).showCommand },
  { name: "diff", load: async () => (await import("../chunks/diff-BVNVOSJJ.js")).diffCommand },
  { name: "verify", load: async () => (await import("../chunks/verify-KEXVUGCU.js")).verifyCommand },
  { name: "restore", load: async () => (await import("../chunks/restore-JANZS6JC.js")).restoreCommand },
  { name: "coverage", load: async () => (await import("../chunks/coverage-UMGLXACQ.js")).coverageCommand },
  { name: "drift", load: async () => (await import("../chunks/drift-TY4BVFJW.js")).driftCommand },
  { name: "check", load: async () => (await import("../chunks/check-DXRBJYBA.js")).checkCommand },
  { name: "forget", load: async () => (await import("../chunks/forget-SUHCKN4O.js")).forgetCommand },
  { name: "prune", load: async () => (await import("../chunks/prune-FE45XENH.js")).pruneCommand },
  {
    name: "lift-legal-hold",
    load: async () => (await import("../chunks/lift-legal-hold-FBNGSPU7.js")).liftLegalHoldCommand
  },
  { name: "rekey", load: async () => (await import("../chunks/rekey-JEB6PNHJ.js")).rekeyCommand },
  {
    name: "retire-epoch",
    load: async () => (await import("../chunks/retire-epoch-PU26QJBX.js")).retireEpochCommand
  },
  { name: "replicate", load: async () => (await import("../chunks/replicate-B5VN6ZA7.js")).replicateCommand },
  { name: "stats", load: async () => (await import("../chunks/stats-ZK5EGEJC.js")).statsCommand },
  { name: "doctor", load: async () => (await import("../chunks/doctor-WIWMSU3H.js")).doctorCommand },
  { name: "audit", load: async () => (await import("../chunks/audit-SDKQAIQ4.js")).auditCommand },
  { name: "drill", load: async () => (await import("../chunks/drill-VBONXO3N.js")).drillCommand },
  { name: "health", load: async () => (await import("../chunks/health-4B4RHNY5.js")).healthCommand },
  { name: "canary", load: async () => (await import("../chunks/canary-HWOOOIIW.js")).canaryCommand },
  { name: "report", load: async () => (await import("../chunks/report-4K3FX7Y3.js")).reportCommand },
  { name: "dashboard", load: async () => (await import("../chunks/dashboard-DRWH4LRT.js")).dashboardCommand }
];

// cli/escape-terminal-text.ts
var CONTROL = (
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g
);
function escapeTerminalText(text) {
  return text.replace(CONTROL, (character) => {
    const code2 = character.charCodeAt(0);
    return code2 <= 255 ? `\\x${code2.toString(16).padStart(2, "0")}` : `\\u${code2.toString(16).padStart(4, "0")}`;
  });
}

// cli/align-help-lines.ts
var ENTRY = /^(\S.*?) {2,}(\S.*)$/;
function alignHelpLines(lines) {
  const parsed = lines.map((line) => {
    if (/^\s/.test(line)) return { term: null, text: line.trim(), continues: true };
    const match = ENTRY.exec(line);
    return match ? { term: match[1] ?? "", text: match[2] ?? "", continues: false } : { term: null, text: line, continues: false };
  });
  const width = Math.max(0, ...parsed.map((entry) => entry.term?.length ?? 0));
  return parsed.map((entry) => {
    if (entry.term !== null) return `${entry.term.padEnd(width)}  ${entry.text}`;
    return entry.continues ? `${" ".repeat(width + 2)}${entry.text}` : entry.text;
  });
}

// cli/command-help-lines.ts
function commandHelpLines(command) {
  const store = [
    ..."token" in command.options ? GITHUB_STORE_HELP : [],
    ..."endpoint" in command.options ? S3_STORE_HELP : []
  ];
  return alignHelpLines([...command.help, ...store, "--json  machine-readable output"]);
}

// cli/main.ts
var EXIT_CODES = { USAGE: EXIT_USAGE };
async function generalHelp() {
  const commands = await Promise.all(COMMANDS.map((entry) => entry.load()));
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    "snapgate: encrypted, verifiable configuration backups",
    "",
    "Usage: snapgate <command> [options]",
    "",
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Every command takes --json for machine-readable output and --help for its options.",
    "Run `snapgate help <command>` for details."
  ].join("\n") + "\n";
}
function commandHelp(command) {
  return [
    `${command.summary}.`,
    "",
    `Usage: ${command.usage}`,
    "",
    ...commandHelpLines(command).map((line) => `  ${line}`),
    "",
    ...command.json ? [`JSON output (--json): ${command.json}`, ""] : []
  ].join("\n");
}
function errorPrefix(name) {
  return COMMANDS.some((c) => c.name === name) ? `snapgate ${name}` : "snapgate";
}
function withoutPrefix(summary) {
  return summary.replace(/^snapgate(?: [a-z-]+)?: /, "");
}
async function main(argv, cliContext) {
  const [name, ...rest] = argv;
  const wantsJson = argv.includes("--json");
  const context = {
    ...cliContext,
    stdout: wantsJson ? cliContext.stdout : (text) => cliContext.stdout(escapeTerminalText(text)),
    stderr: (text) => cliContext.stderr(escapeTerminalText(text)),
    terminal: cliContext.terminal ?? cliContext.stderr,
    interactive: cliContext.interactive && !wantsJson
  };
  try {
    if (!name || name === "help" || name === "--help" || name === "-h") {
      const topic = COMMANDS.find((c) => c.name === rest[0]);
      context.stdout(topic ? commandHelp(await topic.load()) : await generalHelp());
      return 0;
    }
    if (name === "--version" || name === "version") {
      context.stdout("snapgate 0.1.0\n");
      return 0;
    }
    const entry = COMMANDS.find((c) => c.name === name);
    if (!entry) {
      const suggestion = didYouMean(
        name,
        COMMANDS.map((c) => c.name)
      );
      throw new SnapgateError("USAGE", `'${name}' is not a snapgate command.`, {
        fix: suggestion ? `Did you mean \`snapgate ${suggestion}\`? Run \`snapgate help\` for the list.` : "Run `snapgate help` for the list of commands."
      });
    }
    const command = await entry.load();
    const args = parseCommandArgs(command, rest);
    if (args.values.help === true) {
      context.stdout(commandHelp(command));
      return 0;
    }
    return await command.run(args, context);
  } catch (thrown) {
    const error = asSnapgateError(thrown);
    if (wantsJson) context.stdout(json({ ok: false, error: error.toJSON() }));
    context.stderr(
      `${errorPrefix(name)}: ${withoutPrefix(error.summary).trimEnd()}
${error.fix ? `  fix: ${error.fix}
` : ""}`
    );
    if (error.code === "REMOTE" && context.env.SNAPGATE_DEBUG)
      context.stderr(`${String(thrown?.stack)}
`);
    return EXIT_CODES[error.code] ?? 1;
  }
}

// cli/index.ts
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => {
    if (error.code !== "EPIPE") throw error;
    process.exit(0);
  });
}
var code = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  interactive: Boolean(process.stderr.isTTY)
});
process.exitCode = code;
