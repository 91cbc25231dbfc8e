import type { CliContext } from "./command.js";

/** A progress line on stderr, redrawn at most every 100 ms, only on a terminal. */
export function progressReporter(
  context: CliContext,
  enabled: boolean,
): (label: string, done: number, total: number) => void {
  if (!enabled || !context.interactive) return () => undefined;
  let last = 0;
  return (label, done, total) => {
    const now = Date.now();
    if (now - last < 100 && done !== total) return;
    last = now;
    const ratio = total > 0 ? ` ${done}/${total}` : "";
    (context.terminal ?? context.stderr)(
      `\r\x1b[K${label}${ratio}${done === total && total > 0 ? "\n" : ""}`,
    );
  };
}
