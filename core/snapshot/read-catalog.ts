import type { CatalogEntry } from "../types.js";
import type { Store } from "../store/store.js";
import { sha256Hex } from "../crypto/sha256-hex.js";
import { catalogEntryOf } from "./catalog-entry.js";
import { parseManifest } from "./parse-manifest.js";

/**
 * The catalog of a stream, completed from the manifests: a crash between the
 * manifest and its catalog line leaves a gap that readers fill in, since the
 * manifest is the source of truth.
 */
export async function readCatalog(store: Store, stream: string): Promise<CatalogEntry[]> {
  const [entries, seqs] = await Promise.all([
    store.readCatalog(stream),
    store.listManifestSeqs(stream),
  ]);
  const bySeq = new Map(entries.map((entry) => [entry.seq, entry]));
  const complete: CatalogEntry[] = [];
  for (const seq of seqs) {
    const known = bySeq.get(seq);
    if (known) {
      complete.push(known);
      continue;
    }
    const bytes = await store.readManifest(stream, seq);
    if (!bytes) continue;
    try {
      complete.push(
        catalogEntryOf(parseManifest(bytes, `manifest ${stream}#${seq}`), sha256Hex(bytes)),
      );
    } catch {
      // A damaged manifest is reported by verify; it is left out of the catalog here.
    }
  }
  return complete;
}

/** Every stream's catalog. */
export async function readAllCatalogs(store: Store): Promise<CatalogEntry[]> {
  const streams = await store.listStreams();
  return (await Promise.all(streams.map((stream) => readCatalog(store, stream)))).flat();
}
