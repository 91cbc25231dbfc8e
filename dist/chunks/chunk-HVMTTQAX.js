import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  recipientSetId
} from "./chunk-PZ5T2MZR.js";
import {
  distinctRecipients
} from "./chunk-RXFM76GD.js";

// core/snapshot/recipients-of-file.ts
function recipientsOfFile(manifest, file) {
  if (file.recipientSet === void 0) return [...distinctOnce(manifest.recipients)];
  const set = manifest.recipientSets?.[file.recipientSet];
  if (!set) return [];
  let checked = memo.get(set);
  if (checked?.id !== file.recipientSet || checked.recipients !== set.recipients) {
    checked = {
      id: file.recipientSet,
      recipients: set.recipients,
      opens: recipientSetId(set.recipients) === file.recipientSet ? distinctRecipients(set.recipients) : []
    };
    memo.set(set, checked);
  }
  return [...checked.opens];
}
var memo = /* @__PURE__ */ new WeakMap();
var distinct = /* @__PURE__ */ new WeakMap();
function distinctOnce(recipients) {
  let found = distinct.get(recipients);
  if (!found) distinct.set(recipients, found = distinctRecipients(recipients));
  return found;
}

export {
  recipientsOfFile
};
