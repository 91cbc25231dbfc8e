import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);

// core/policy/parse-policy-date.ts
var DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
var DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
var DAY_MS = 864e5;
function parsePolicyDate(text, options = {}) {
  if (typeof text !== "string") return null;
  const dateOnly = DATE_ONLY.exec(text);
  if (dateOnly) {
    const [, y2, m, d2] = dateOnly.map(Number);
    const ms2 = Date.UTC(y2, m - 1, d2);
    const check = new Date(ms2);
    if (check.getUTCFullYear() !== y2 || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d2) {
      return null;
    }
    return options.endOfDay ? ms2 + DAY_MS : ms2;
  }
  const dateTime = DATE_TIME.exec(text);
  if (!dateTime) return null;
  const [, y, mo, d, h, mi, s] = dateTime.map((part) => Number(part ?? 0));
  if (mo < 1 || mo > 12 || h > 23 || mi > 59 || s > 59) {
    return null;
  }
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (probe.getUTCDate() !== d) return null;
  const ms = Date.parse(text.replace(" ", "T"));
  return Number.isNaN(ms) ? null : ms;
}

export {
  parsePolicyDate
};
