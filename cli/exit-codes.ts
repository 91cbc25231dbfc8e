/** Exit codes besides 0 (success), 1 (an error) and 64 (usage); documented in the README. */

/** `drift` found live files that differ from the latest snapshot. */
export const EXIT_DRIFT = 2;

/** `verify` or `coverage` found problems, or `audit verify` a damaged or tampered audit log. */
export const EXIT_PROBLEMS = 3;
