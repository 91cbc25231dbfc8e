import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);

// core/policy/parse-duration.ts
var UNIT_MS = {
  s: 1e3,
  m: 6e4,
  h: 36e5,
  d: 864e5,
  w: 6048e5
};
var WHOLE = /^(?:\d+[smhdw])+$/;
var PART = /(\d+)([smhdw])/g;
function parseDuration(text) {
  if (typeof text !== "string" || !WHOLE.test(text)) return null;
  let total = 0;
  for (const [, digits, unit] of text.matchAll(PART)) {
    total += Number(digits) * UNIT_MS[unit];
  }
  return Number.isSafeInteger(total) ? total : null;
}
function formatDuration(ms) {
  if (ms <= 0) return "0s";
  let rest = ms;
  let text = "";
  for (const unit of ["w", "d", "h", "m", "s"]) {
    const size = UNIT_MS[unit];
    const count = Math.floor(rest / size);
    if (count > 0) {
      text += `${count}${unit}`;
      rest -= count * size;
    }
  }
  return text === "" ? `${ms}ms` : text;
}

export {
  parseDuration,
  formatDuration
};
