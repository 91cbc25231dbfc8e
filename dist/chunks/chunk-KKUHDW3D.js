import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);

// core/crypto/blob-id.ts
import { createHmac } from "node:crypto";
function computeBlobId(macKey, content) {
  return createHmac("sha256", macKey).update(content).digest("hex");
}

export {
  computeBlobId
};
