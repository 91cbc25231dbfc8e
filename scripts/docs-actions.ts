// Regenerates the inputs and outputs tables of every action's README from its
// action.yml (`npm run docs:actions`). test/contract/action-readmes.test.ts
// fails when a README is out of date.
import { readdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { format, resolveConfig } from "prettier";
import { updateActionReadme } from "../actions/lib/update-action-readme.js";

for (const name of readdirSync("actions").sort()) {
  const yml = join("actions", name, "action.yml");
  if (!existsSync(yml)) continue;
  const readmePath = join("actions", name, "README.md");
  const updated = updateActionReadme(readFileSync(readmePath, "utf8"), readFileSync(yml, "utf8"));
  const formatted = await format(updated, {
    ...(await resolveConfig(readmePath)),
    filepath: readmePath,
  });
  writeFileSync(readmePath, formatted);
  console.log(`updated ${readmePath}`);
}
