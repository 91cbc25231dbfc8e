import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);

// cli/exit-codes.ts
var EXIT_DRIFT = 2;
var EXIT_PROBLEMS = 3;
var EXIT_USAGE = 64;

export {
  EXIT_DRIFT,
  EXIT_PROBLEMS,
  EXIT_USAGE
};
