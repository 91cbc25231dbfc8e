import { parse } from "yaml";

interface ActionYml {
  inputs?: Record<string, { description?: string; required?: boolean; default?: string }>;
  outputs?: Record<string, { description?: string }>;
}

const BLOCKS = {
  inputs: (yml: ActionYml) =>
    table(
      ["input", "required", "default", "description"],
      Object.entries(yml.inputs ?? {}).map(([name, input]) => [
        `\`${name}\``,
        input.required ? "yes" : "no",
        input.default === undefined ? "" : `\`${input.default}\``,
        input.description ?? "",
      ]),
    ),
  outputs: (yml: ActionYml) =>
    table(
      ["output", "description"],
      Object.entries(yml.outputs ?? {}).map(([name, output]) => [
        `\`${name}\``,
        output.description ?? "",
      ]),
    ),
};

/**
 * The README with its inputs and outputs tables regenerated from the
 * action.yml text, between `<!-- inputs:start -->`/`<!-- inputs:end -->` and
 * `<!-- outputs:start -->`/`<!-- outputs:end -->` (`npm run docs:actions`
 * writes it, Prettier formats it; a contract test fails when a README is out
 * of date). A README without the markers is an error, not silently skipped.
 */
export function updateActionReadme(readme: string, actionYml: string): string {
  const yml = parse(actionYml) as ActionYml;
  let updated = readme;
  for (const [name, render] of Object.entries(BLOCKS)) {
    const start = `<!-- ${name}:start (generated from action.yml by npm run docs:actions) -->`;
    const end = `<!-- ${name}:end -->`;
    const from = updated.indexOf(start);
    const to = updated.indexOf(end);
    if (from < 0 || to < from) throw new Error(`The README has no ${start} ... ${end} block.`);
    updated = `${updated.slice(0, from + start.length)}\n\n${render(yml)}\n\n${updated.slice(to)}`;
  }
  return updated;
}

function table(headers: string[], rows: string[][]): string {
  const cell = (text: string) =>
    text
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/\|/g, "\\|")
      .replace(/\s*\n\s*/g, " ");
  return [
    `| ${headers.join(" | ")} |`,
    `| ${headers.map(() => "---").join(" | ")} |`,
    ...rows.map((row) => `| ${row.map(cell).join(" | ")} |`),
  ].join("\n");
}
