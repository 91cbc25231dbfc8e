import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);

// core/errors.ts
var SnapgateError = class extends Error {
  code;
  /** The message without the fix. */
  summary;
  fix;
  details;
  constructor(code, message, options = {}) {
    super(options.fix ? `${message} ${options.fix}` : message, { cause: options.cause });
    this.name = "SnapgateError";
    this.code = code;
    this.summary = message;
    this.fix = options.fix;
    this.details = options.details ?? {};
  }
  /** The JSON shape the CLI prints with --json and the actions log. */
  toJSON() {
    return {
      code: this.code,
      message: this.message,
      ...this.fix ? { fix: this.fix } : {},
      details: this.details
    };
  }
};
function isSnapgateError(error, code) {
  return error instanceof SnapgateError && (code === void 0 || error.code === code);
}
function asSnapgateError(error) {
  if (error instanceof SnapgateError) return error;
  const nodeError = error;
  if (nodeError && typeof nodeError.code === "string" && nodeError.syscall) {
    return new SnapgateError("IO", `${nodeError.message}.`, {
      fix: "Check that the path exists and that you may read and write it.",
      cause: error,
      details: { errno: nodeError.code, path: nodeError.path }
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new SnapgateError("REMOTE", `Unexpected failure: ${message}`, {
    fix: "This is a bug if it repeats; report it with the command you ran.",
    cause: error
  });
}

export {
  SnapgateError,
  isSnapgateError,
  asSnapgateError
};
