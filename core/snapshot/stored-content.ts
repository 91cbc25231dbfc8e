import type { BlobRef } from "../store/store.js";
import type { BlobEncoding, PackSlice } from "../types.js";

/** Where a content id is stored: its own blob, or a slice of a pack (ADR 1114). */
export interface StoredContent {
  /** The stored object: the blob, or the pack. */
  ref: BlobRef;
  /** The content's own encoding (a pack itself is "none"). */
  encoding: BlobEncoding;
  pack?: PackSlice;
}
