import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  didYouMean
} from "./chunk-ZITD4ZB6.js";
import {
  SnapgateError
} from "./chunk-6KERQ4ZL.js";

// cli/command.ts
import { parseArgs } from "node:util";
var COMMON_OPTIONS = {
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" }
};
function parseCommandArgs(command, argv) {
  const options = { ...COMMON_OPTIONS, ...command.options };
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options,
      allowPositionals: true,
      strict: true
    });
    return { values, positionals };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const unknown = /Unknown option '(-{1,2}[^']+)'/.exec(message)?.[1];
    const suggestion = unknown ? didYouMean(unknown.replace(/^-+/, ""), Object.keys(options)) : void 0;
    throw new SnapgateError("USAGE", `${message.replace(/\. To specify.*$/s, "")}.`, {
      fix: suggestion ? `Did you mean --${suggestion}? Usage: ${command.usage}` : `Usage: ${command.usage}`
    });
  }
}
function stringValue(args, name) {
  const value = args.values[name];
  return typeof value === "string" ? value : void 0;
}
function listValue(args, name) {
  const value = args.values[name];
  return Array.isArray(value) ? value : typeof value === "string" ? [value] : [];
}
function flag(args, name) {
  return args.values[name] === true;
}
function requireValue(args, name, command, hint) {
  const value = stringValue(args, name);
  if (value === void 0 || value === "") {
    throw new SnapgateError("USAGE", `--${name} is required.`, {
      fix: `${hint} Usage: ${command.usage}`
    });
  }
  return value;
}

// cli/output.ts
function renderTable(headers, rows) {
  const widths = headers.map(
    (header, column) => Math.max(header.length, ...rows.map((row) => (row[column] ?? "").length))
  );
  const line = (cells) => cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join("  ").trimEnd();
  return [line(headers), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n") + "\n";
}
function json(value) {
  return JSON.stringify(value, null, 2) + "\n";
}
function shortId(id) {
  return id.slice(0, 12);
}

export {
  parseCommandArgs,
  stringValue,
  listValue,
  flag,
  requireValue,
  renderTable,
  json,
  shortId
};
