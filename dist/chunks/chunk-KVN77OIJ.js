import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  sha256Hex
} from "./chunk-U2VA4CFL.js";

// core/snapshot/blob-sha256.ts
var known = /* @__PURE__ */ new WeakMap();
function blobSha256(bytes) {
  let hash = known.get(bytes);
  if (hash === void 0) {
    hash = sha256Hex(bytes);
    known.set(bytes, hash);
  }
  return hash;
}

// core/rekey/verified-rewraps.ts
var verifiedRewraps = /* @__PURE__ */ new WeakMap();

export {
  blobSha256,
  verifiedRewraps
};
