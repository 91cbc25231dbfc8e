import { readFileSync } from "node:fs";

/**
 * How many tasks the kernel has running or ready to run at this instant,
 * the caller included: the numerator of /proc/loadavg's fourth field
 * ("2/140"). Undefined where there is no such file (not Linux) or it does not
 * parse.
 */
export function runnableTasks(): number | undefined {
  let text: string;
  try {
    text = readFileSync("/proc/loadavg", "latin1");
  } catch {
    return undefined;
  }
  const match = /^\S+ \S+ \S+ (\d+)\/\d+ /.exec(text);
  return match?.[1] ? Number(match[1]) : undefined;
}
