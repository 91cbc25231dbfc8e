import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);

// core/crypto/distinct-recipients.ts
function distinctRecipients(recipients) {
  return [...new Set(recipients)].sort();
}

export {
  distinctRecipients
};
