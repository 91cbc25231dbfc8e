/**
 * The branch filters of a workflow file's `push` trigger: null when it has
 * no push trigger, ["**"] when it has one without `branches` (every branch).
 */
export function pushBranches(workflow: Record<string | number, unknown> | null): string[] | null {
  // YAML 1.1 readers turn the key `on` into true; accept both spellings.
  const on = workflow?.on ?? workflow?.true;
  if (on === "push") return ["**"];
  if (Array.isArray(on)) return on.includes("push") ? ["**"] : null;
  if (!on || typeof on !== "object" || !("push" in on)) return null;
  const push = (on as Record<string, unknown>).push;
  const branches =
    push && typeof push === "object" ? (push as { branches?: unknown }).branches : null;
  return Array.isArray(branches) ? branches.map(String) : ["**"];
}
