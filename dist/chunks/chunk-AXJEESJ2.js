import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);

// core/crypto/sodium.ts
var ready;
function loadSodium() {
  ready ??= import("./libsodium-wrappers-MLRUIJKR.js").then(async (module) => {
    const sodium = module.default ?? module;
    await sodium.ready;
    return sodium;
  });
  return ready;
}

export {
  loadSodium
};
