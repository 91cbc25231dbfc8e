import { distinctRecipients } from "../crypto/distinct-recipients.js";
import { recipientSetId } from "../crypto/recipient-set-id.js";
import type { Sodium } from "../crypto/sodium.js";
import { blobRefOf } from "../snapshot/blob-ref-of.js";
import type { Store } from "../store/store.js";
import type { Manifest, RecipientSet } from "../types.js";
import { rewrapRecordPath } from "./rewrap-record.js";
import { trustedRewrapRecord } from "./trusted-rewrap-record.js";

type View = Pick<Manifest, "recipients" | "recipientSets" | "files" | "stream" | "seq">;

/**
 * Who can open a snapshot's files now that `snapgate rekey` may have
 * re-wrapped some: the manifest as signed, with each re-wrapped file's
 * recipient set replaced by the one its trusted re-wrap records end at, and
 * those recipients added to the snapshot's. Only for the up-front "is this
 * identity a recipient" check; integrity still comes from the signed manifest
 * and records. One listing when the store has no re-wrap records.
 */
export async function rewrappedManifestView(
  store: Store,
  manifest: View,
  sodium: Sodium,
  trustedKeys: readonly string[],
): Promise<View> {
  const listed = new Set(await store.listRecords("rewraps"));
  if (listed.size === 0) return manifest;
  const sets: Record<string, RecipientSet> = { ...(manifest.recipientSets ?? {}) };
  const added: string[] = [];
  const files = await Promise.all(
    manifest.files.map(async (file) => {
      if (file.type !== "file") return file;
      let ref = blobRefOf(file);
      let recipientSet = file.recipientSet;
      for (let hop = 0; hop < 16 && listed.has(rewrapRecordPath(ref)); hop++) {
        const bytes = await store.readRecord(rewrapRecordPath(ref));
        const record = bytes ? trustedRewrapRecord(sodium, bytes, trustedKeys) : undefined;
        if (!record || !Array.isArray(record.recipients)) break;
        const id = recipientSetId(record.recipients);
        if (record.new.recipientSet !== id) break;
        sets[id] = { recipients: distinctRecipients(record.recipients) };
        added.push(...record.recipients);
        recipientSet = id;
        ref = record.new;
      }
      return recipientSet === file.recipientSet ? file : { ...file, recipientSet };
    }),
  );
  if (added.length === 0) return manifest;
  return {
    ...manifest,
    recipients: distinctRecipients([...manifest.recipients, ...added]),
    recipientSets: sets,
    files,
  };
}
