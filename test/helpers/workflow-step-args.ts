import { readFileSync } from "node:fs";
import { parse } from "yaml";

const CLI = "node .snapgate/dist/cli/index.js ";

/**
 * The CLI arguments of a documented workflow's step that runs the Snapgate
 * CLI bundle (`node .snapgate/dist/cli/index.js ...`), with `${{ expr }}`
 * replaced from `context` (e.g. `github.repository`), and the step's env
 * names: so tests run exactly what docs/examples tells users to run.
 */
export function workflowStepArgs(
  file: URL,
  job: string,
  context: Readonly<Record<string, string>>,
): { args: string[]; envNames: string[] } {
  const workflow = parse(readFileSync(file, "utf8")) as {
    jobs: Record<string, { steps: { run?: string; env?: Record<string, string> }[] }>;
  };
  const step = workflow.jobs[job]?.steps.find((s) => s.run?.startsWith(CLI));
  if (!step?.run) throw new Error(`${file.pathname}: job ${job} has no step running ${CLI}`);
  const text = step.run
    .trim()
    .slice(CLI.length)
    .replace(/\$\{\{\s*([\w.]+)\s*\}\}/g, (_, name: string) => {
      const value = context[name];
      if (value === undefined) throw new Error(`no value for \${{ ${name} }}`);
      return value;
    });
  return { args: text.split(/\s+/), envNames: Object.keys(step.env ?? {}).sort() };
}
