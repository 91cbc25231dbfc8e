import type { BlobOpener } from "../crypto/blob-opener.js";
import { loadSodium } from "../crypto/sodium.js";
import { isSnapgateError } from "../errors.js";
import { assertIdentityIsRecipient } from "../snapshot/assert-identity-is-recipient.js";
import type { Store } from "../store/store.js";
import type { Manifest } from "../types.js";
import { rewrappedManifestView } from "./rewrapped-manifest-view.js";

/**
 * assertIdentityIsRecipient, counting the recipients `snapgate rekey`
 * re-wrapped blobs to. The records are read only when the signed manifest
 * alone refuses the identity, so a store never re-keyed costs nothing more.
 */
export async function assertIdentityOpensSnapshot(
  opener: Pick<BlobOpener, "recipients">,
  store: Store,
  manifest: Pick<Manifest, "recipients" | "recipientSets" | "files" | "stream" | "seq">,
  trustedKeys: readonly string[],
): Promise<void> {
  try {
    assertIdentityIsRecipient(opener, manifest);
  } catch (error) {
    if (!isSnapgateError(error, "WRONG_KEY")) throw error;
    const view = await rewrappedManifestView(store, manifest, await loadSodium(), trustedKeys);
    if (view === manifest) throw error;
    assertIdentityIsRecipient(opener, view);
  }
}
