import { parse } from "yaml";

/** What `${{ ... }}` reads in a step: steps, secrets, vars, inputs, needs, github. */
export type ExpressionContext = Record<string, unknown>;

interface WorkflowStep {
  id?: string;
  name?: string;
  uses?: string;
  with?: Record<string, unknown>;
}

/**
 * The `with:` inputs of one step of a documented workflow, its expressions
 * evaluated against `context` as the runner does for plain property paths
 * (`${{ secrets.X }}`, `${{ needs.deploy.outputs.pre-snapshot }}`): a
 * property that is not there is an empty string, as on GitHub. Anything
 * richer (operators, functions) is refused, so a workflow the harness cannot
 * honestly evaluate fails loudly instead of running with a guess. The step
 * is the one of `job` whose id (or, without `id`, whose `uses`) matches.
 */
export function workflowStepInputs(
  workflowText: string,
  where: { job: string; id?: string; uses?: string },
  context: ExpressionContext,
): Record<string, string> {
  const workflow = parse(workflowText) as {
    jobs?: Record<string, { steps?: WorkflowStep[] }>;
  } | null;
  const steps = workflow?.jobs?.[where.job]?.steps ?? [];
  const found = steps.filter((step) =>
    where.id !== undefined ? step.id === where.id : step.uses === where.uses,
  );
  if (found.length !== 1)
    throw new Error(
      `The workflow's job ${where.job} has ${found.length} steps with ${where.id !== undefined ? `id ${where.id}` : `uses ${where.uses}`}; the harness needs exactly one.`,
    );
  return Object.fromEntries(
    Object.entries(found[0]!.with ?? {}).map(([name, value]) => [
      name,
      evaluate(String(value), context),
    ]),
  );
}

function evaluate(text: string, context: ExpressionContext): string {
  return text.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_, expression: string) => {
    if (!/^[A-Za-z_][\w-]*(\.[A-Za-z_][\w-]*)*$/.test(expression))
      throw new Error(
        `The expression \${{ ${expression} }} is more than a property path; the harness evaluates only those.`,
      );
    let value: unknown = context;
    for (const key of expression.split(".")) {
      value =
        value && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined;
    }
    return value === undefined || value === null ? "" : String(value);
  });
}
