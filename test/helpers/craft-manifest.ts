import { loadSodium } from "../../core/crypto/sodium.js";
import { blobRefOf } from "../../core/snapshot/blob-ref-of.js";
import { signManifest } from "../../core/crypto/manifest-signature.js";
import { canonicalJson } from "../../core/crypto/canonical-json.js";
import { sha256Hex } from "../../core/crypto/sha256-hex.js";
import type { WriterKey } from "../../core/crypto/writer-key.js";
import { catalogEntryOf } from "../../core/snapshot/catalog-entry.js";
import type { Store, WriteView } from "../../core/store/store.js";
import { MANIFEST_FORMAT, type FileEntry, type ManifestBody } from "../../core/types.js";

/**
 * Commits a hand-made manifest, correctly signed and chained, the way a
 * compromised writer could: for tests of what restore and verify refuse.
 */
export async function commitCraftedManifest(
  store: Store,
  writer: WriterKey,
  stream: string,
  files: FileEntry[],
  recipients: string[],
  /** A view taken earlier, as a writer that read the store before something else changed it. */
  earlierView?: WriteView,
  /** Further manifest fields (e.g. recipientSets). */
  extra: Partial<ManifestBody> = {},
): Promise<string> {
  const sodium = await loadSodium();
  await store.initialize();
  const view = earlierView ?? (await store.beginWrite(stream));
  const now = new Date();
  const body: ManifestBody = {
    format: MANIFEST_FORMAT,
    stream,
    seq: (view.head?.seq ?? 0) + 1,
    prev: view.head?.sha256 ?? null,
    phase: "manual",
    time: now.toISOString(),
    writtenAt: now.toISOString(),
    metadata: { environment: stream, tags: [] },
    policyDigest: null,
    recipients,
    files,
    ...extra,
  };
  const manifest = signManifest(sodium, body, writer);
  const bytes = new TextEncoder().encode(canonicalJson(manifest));
  const id = sha256Hex(bytes);
  const outcome = await store.commitSnapshot({
    view,
    seq: body.seq,
    manifest: bytes,
    blobs: files.flatMap((file) => (file.type === "file" ? [blobRefOf(file)] : [])),
    catalogEntry: catalogEntryOf(manifest, id),
    auditLines: [],
    time: now,
  });
  if (outcome !== "committed") throw new Error("crafted manifest lost a race");
  return id;
}
