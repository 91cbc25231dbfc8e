/**
 * The jobs of a workflow file with the environment each names (a string or
 * `{ name }`). An expression cannot be evaluated here, so `refuse` is called
 * with what is unsupported (the REST route records a violation, a test
 * helper throws a usage error).
 */
export function workflowJobs(
  workflow: Record<string | number, unknown> | null,
  refuse: (what: string) => never,
): { name: string; environment: string | null }[] {
  const jobs = (workflow?.jobs ?? {}) as Record<string, { environment?: unknown } | null>;
  return Object.entries(jobs).map(([name, job]) => {
    const declared = job?.environment;
    const environment =
      typeof declared === "string"
        ? declared
        : declared && typeof declared === "object" && "name" in declared
          ? String((declared as { name: unknown }).name)
          : null;
    if (environment?.includes("${{")) refuse(`The expression in the environment of job ${name}`);
    return { name, environment };
  });
}
