#!/usr/bin/env node
import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  json,
  parseCommandArgs
} from "../chunks/chunk-H7HHPLOE.js";
import {
  didYouMean
} from "../chunks/chunk-ZITD4ZB6.js";
import {
  SnapgateError,
  asSnapgateError
} from "../chunks/chunk-6KERQ4ZL.js";
import "../chunks/chunk-HPEAIKBF.js";

// cli/commands/index.ts
var COMMANDS = [
  { name: "keygen", load: async () => (await import("../chunks/keygen-NW6BWFJC.js")).keygenCommand },
  { name: "snapshot", load: async () => (await import("../chunks/snapshot-RWUBARLK.js")).snapshotCommand },
  { name: "list", load: async () => (await import("../chunks/list-GEKYOHN7.js")).listCommand },
  { name: "show", load: async () => (await import("../chunks/show-IZZNYSKS.js")).showCommand },
  { name: "diff", load: async () => (await import("../chunks/diff-INS4ZW5K.js")).diffCommand },
  { name: "verify", load: async () => (await import("../chunks/verify-EJFJJ3SM.js")).verifyCommand },
  { name: "restore", load: async () => (await import("../chunks/restore-E66KIAEF.js")).restoreCommand },
  { name: "coverage", load: async () => (await import("../chunks/coverage-2BE3RETD.js")).coverageCommand },
  { name: "drift", load: async () => (await import("../chunks/drift-DKUNZ4AR.js")).driftCommand },
  { name: "check", load: async () => (await import("../chunks/check-O4CL73MM.js")).checkCommand },
  { name: "forget", load: async () => (await import("../chunks/forget-VXOYGL3U.js")).forgetCommand },
  { name: "prune", load: async () => (await import("../chunks/prune-MFWIUBMT.js")).pruneCommand },
  { name: "doctor", load: async () => (await import("../chunks/doctor-75MJUJSL.js")).doctorCommand }
];

// cli/main.ts
var EXIT_CODES = { USAGE: 64 };
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
    ...command.help.map((line) => `  ${line}`),
    "  --json                machine-readable output",
    ""
  ].join("\n");
}
async function main(argv, context) {
  const [name, ...rest] = argv;
  const wantsJson = argv.includes("--json");
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
    return await command.run(args, { ...context, interactive: context.interactive && !wantsJson });
  } catch (thrown) {
    const error = asSnapgateError(thrown);
    if (wantsJson) context.stdout(json({ ok: false, error: error.toJSON() }));
    context.stderr(
      `snapgate: ${error.summary.trimEnd()}
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
var code = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  interactive: Boolean(process.stderr.isTTY)
});
process.exitCode = code;
