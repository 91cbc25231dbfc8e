/** Exit codes besides 0 (success) and 1 (an error); EXIT_CODE_TABLE documents them all. */

/** `drift` found live files that differ from the latest snapshot. */
export const EXIT_DRIFT = 2;

/** `verify`, `coverage`, `doctor`, `drill`, `canary` or `health` found problems, or `audit verify` a damaged or tampered audit log. */
export const EXIT_PROBLEMS = 3;

/** An unknown command or option, or a missing argument (sysexits' EX_USAGE). */
export const EXIT_USAGE = 64;

/**
 * Every exit code and what it means: the README's exit-code table and
 * docs/cli.md are checked against (and generated from) this list.
 */
export const EXIT_CODE_TABLE: ReadonlyArray<{ code: number; meaning: string }> = [
  { code: 0, meaning: "success (for `check`: every condition passes; for `drift`: no drift)" },
  {
    code: 1,
    meaning:
      "an error (see the message and its `fix`), or `check` found a failing or unknown condition",
  },
  { code: EXIT_DRIFT, meaning: "`drift` found live files that differ from the latest snapshot" },
  {
    code: EXIT_PROBLEMS,
    meaning:
      "`verify`, `coverage`, `doctor` or `health` found problems, `drill` or `canary` failed (or a drill missed the SLA), or `audit verify` found the audit log damaged or tampered with",
  },
  {
    code: EXIT_USAGE,
    meaning: "usage error: an unknown command or option, or a missing argument",
  },
];
