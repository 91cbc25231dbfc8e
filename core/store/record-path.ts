import { SnapgateError } from "../errors.js";

/** Top-level folders that hold records (small JSON files outside the snapshot chain). */
export const RECORD_ROOTS = [
  "verifications",
  "tombstones",
  "requests",
  "approvals",
  "drills",
  "locks",
  "rewraps",
  "epochs",
] as const;

const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._@:-]{0,127}$/;

/** Record paths come from ids we generate; anything else is refused rather than joined onto a path. */
export function assertRecordPath(path: string): void {
  const segments = path.split("/");
  const ok =
    segments.length >= 2 &&
    (RECORD_ROOTS as readonly string[]).includes(segments[0] ?? "") &&
    segments.every((segment) => SEGMENT.test(segment) && segment !== "." && segment !== "..");
  if (!ok) {
    throw new SnapgateError("UNSAFE_PATH", `'${path}' is not a valid record path.`, {
      fix: `Record paths are <${RECORD_ROOTS.join("|")}>/<name>... with letters, digits, '.', '_', '-', ':' and '@'.`,
    });
  }
}
