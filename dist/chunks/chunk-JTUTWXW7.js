import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  SnapgateError
} from "./chunk-6KERQ4ZL.js";

// core/store/s3/s3-lock-retention.ts
function s3LockRetention(modeText, daysText, tier, names) {
  const mode = modeText?.toUpperCase() ?? tier.mode;
  if (mode === void 0) {
    if (daysText !== void 0)
      throw new SnapgateError("USAGE", `${names.days} needs ${names.mode}.`, {
        fix: `Add ${names.mode} GOVERNANCE or COMPLIANCE (or set retention.object_lock.mode in the tier's policy), or drop ${names.days} (the bucket's default retention then applies).`
      });
    return void 0;
  }
  const days = daysText === void 0 ? tier.retainDays ?? Number.NaN : Number(daysText);
  if (mode !== "GOVERNANCE" && mode !== "COMPLIANCE" || !Number.isInteger(days) || days < 1) {
    throw new SnapgateError(
      "USAGE",
      `${names.mode} ${mode} ${names.days} ${daysText ?? "(none)"} is not a retention.`,
      {
        fix: `Pass ${names.mode} GOVERNANCE or COMPLIANCE with ${names.days} N (a whole number of days, at least 1), or snapshot under a policy whose tier has retention.floor.min_age.`
      }
    );
  }
  return { mode, days };
}

export {
  s3LockRetention
};
