import { debug, setFailed } from "@actions/core";
import { asSnapgateError } from "../../core/errors.js";

/**
 * The entry of every bundled action: runs `main` and turns any failure into
 * the step's error (one `::error::` line with what happened and how to fix
 * it, exit code 1). Stacks go to the debug log only.
 */
export async function runAction(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (thrown) {
    const error = asSnapgateError(thrown);
    debug(String((thrown as Error)?.stack ?? thrown));
    setFailed(`${error.summary.trimEnd()}${error.fix ? `\nFix: ${error.fix}` : ""}`);
  }
}
