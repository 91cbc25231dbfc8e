import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);

// cli/progress.ts
function progressReporter(context, enabled) {
  if (!enabled || !context.interactive) return () => void 0;
  let last = 0;
  return (label, done, total) => {
    const now = Date.now();
    if (now - last < 100 && done !== total) return;
    last = now;
    const ratio = total > 0 ? ` ${done}/${total}` : "";
    (context.terminal ?? context.stderr)(
      `\r\x1B[K${label}${ratio}${done === total && total > 0 ? "\n" : ""}`
    );
  };
}

export {
  progressReporter
};
