import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);

// core/rekey/verified-rewraps.ts
var verifiedRewraps = /* @__PURE__ */ new WeakMap();

export {
  verifiedRewraps
};
