// Regenerates docs/cli.md from the CLI's command definitions (`npm run docs:cli`).
// test/contract/cli-reference.test.ts fails when docs/cli.md is out of date.
import { writeFileSync } from "node:fs";
import { format, resolveConfig } from "prettier";
import { COMMANDS } from "../cli/commands/index.js";
import { renderCliReference } from "../cli/render-cli-reference.js";

const path = "docs/cli.md";
const commands = await Promise.all(COMMANDS.map((entry) => entry.load()));
const formatted = await format(renderCliReference(commands), {
  ...(await resolveConfig(path)),
  filepath: path,
});
writeFileSync(path, formatted);
console.log(`updated ${path}`);
