/** The cron lines of a workflow file's `schedule` trigger: empty when it has none. */
export function scheduleCrons(workflow: Record<string | number, unknown> | null): string[] {
  // YAML 1.1 readers turn the key `on` into true; accept both spellings.
  const on = workflow?.on ?? workflow?.true;
  if (!on || typeof on !== "object" || Array.isArray(on) || !("schedule" in on)) return [];
  const schedule = (on as Record<string, unknown>).schedule;
  if (!Array.isArray(schedule)) return [];
  return schedule
    .map((entry) =>
      entry && typeof entry === "object" ? (entry as { cron?: unknown }).cron : null,
    )
    .filter((cron): cron is string => typeof cron === "string");
}
