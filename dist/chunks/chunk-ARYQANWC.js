import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  recipientsOfFile
} from "./chunk-HVMTTQAX.js";
import {
  distinctRecipients
} from "./chunk-RXFM76GD.js";

// core/snapshot/recipient-gaps.ts
function recipientGaps(manifest) {
  const listed = distinctRecipients(manifest.recipients);
  const gaps = [];
  for (const file of manifest.files) {
    if (file.type !== "file") continue;
    const opens = new Set(recipientsOfFile(manifest, file));
    const cannotOpen = listed.filter((recipient) => !opens.has(recipient));
    if (cannotOpen.length > 0) gaps.push({ path: file.path, cannotOpen });
  }
  return gaps;
}

export {
  recipientGaps
};
