import type { Manifest } from "../types.js";
import { blobRefOf } from "./blob-ref-of.js";
import type { StoredContent } from "./stored-content.js";

/**
 * The contents a snapshot holds in packs, by content id (ADR 1114): a later
 * snapshot reuses them as it reuses blobs, once the store confirms the pack.
 */
export function packedContentsOf(manifest: Manifest): Map<string, StoredContent> {
  const packed = new Map<string, StoredContent>();
  for (const file of manifest.files) {
    if (file.type !== "file" || !file.pack) continue;
    packed.set(file.blob, { ref: blobRefOf(file), encoding: file.encoding, pack: file.pack });
  }
  return packed;
}
