import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  distinctRecipients
} from "./chunk-RXFM76GD.js";

// core/crypto/recipient-set-id.ts
import { createHash } from "node:crypto";
function recipientSetId(recipients) {
  return createHash("sha256").update(`snapgate.recipient-set/v1
${distinctRecipients(recipients).join("\n")}`).digest("hex").slice(0, 32);
}

export {
  recipientSetId
};
