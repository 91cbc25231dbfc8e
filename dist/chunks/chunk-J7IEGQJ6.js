import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  rewrapRecordPath,
  trustedRewrapRecord
} from "./chunk-LNWDKVHM.js";
import {
  recipientSetId
} from "./chunk-PZ5T2MZR.js";
import {
  blobRefOf
} from "./chunk-CY3L4U4E.js";
import {
  distinctRecipients
} from "./chunk-RXFM76GD.js";

// core/rekey/rewrapped-manifest-view.ts
async function rewrappedManifestView(store, manifest, sodium, trustedKeys) {
  const listed = new Set(await store.listRecords("rewraps"));
  if (listed.size === 0) return manifest;
  const sets = { ...manifest.recipientSets ?? {} };
  const added = [];
  const files = await Promise.all(
    manifest.files.map(async (file) => {
      if (file.type !== "file") return file;
      let ref = blobRefOf(file);
      let recipientSet = file.recipientSet;
      for (let hop = 0; hop < 16 && listed.has(rewrapRecordPath(ref)); hop++) {
        const bytes = await store.readRecord(rewrapRecordPath(ref));
        const record = bytes ? trustedRewrapRecord(sodium, bytes, trustedKeys) : void 0;
        if (!record || !Array.isArray(record.recipients)) break;
        const id = recipientSetId(record.recipients);
        if (record.new.recipientSet !== id) break;
        sets[id] = { recipients: distinctRecipients(record.recipients) };
        added.push(...record.recipients);
        recipientSet = id;
        ref = record.new;
      }
      return recipientSet === file.recipientSet ? file : { ...file, recipientSet };
    })
  );
  if (added.length === 0) return manifest;
  return {
    ...manifest,
    recipients: distinctRecipients([...manifest.recipients, ...added]),
    recipientSets: sets,
    files
  };
}

export {
  rewrappedManifestView
};
