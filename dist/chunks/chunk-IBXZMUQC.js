import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  compileGlobs,
  normalisePath
} from "./chunk-R4SSWUCW.js";

// core/policy/evaluate-exceptions.ts
var DAY_MS = 864e5;
var EXPIRING_SOON_MS = 14 * DAY_MS;
function evaluateExceptions(policy, now, options = {}) {
  const soonMs = options.soonMs ?? EXPIRING_SOON_MS;
  const paths = (options.paths ?? []).map(normalisePath);
  const exceptions = policy.exceptions.filter(
    (exception) => options.environment === void 0 || exception.environments === null || exception.environments.includes(options.environment)
  ).map((exception) => {
    const left = exception.expiresAtMs - now.getTime();
    const state = left <= 0 ? "expired" : left <= soonMs ? "expiring-soon" : "active";
    const matches = compileGlobs(exception.paths);
    return {
      exception,
      state,
      daysLeft: Math.floor(left / DAY_MS),
      coveredPaths: paths.filter((path) => matches(path))
    };
  });
  const expired = exceptions.filter((status) => status.state === "expired");
  return {
    exceptions,
    expired,
    expiringSoon: exceptions.filter((status) => status.state === "expiring-soon"),
    failed: expired.length > 0
  };
}

export {
  evaluateExceptions
};
