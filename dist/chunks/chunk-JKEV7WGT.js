import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  recipientSetId
} from "./chunk-PZ5T2MZR.js";
import {
  distinctRecipients
} from "./chunk-RXFM76GD.js";

// core/snapshot/recipients-of-file.ts
function recipientsOfFile(manifest, file) {
  if (file.recipientSet === void 0) return distinctRecipients(manifest.recipients);
  const set = manifest.recipientSets?.[file.recipientSet];
  if (!set || recipientSetId(set.recipients) !== file.recipientSet) return [];
  return distinctRecipients(set.recipients);
}

export {
  recipientsOfFile
};
