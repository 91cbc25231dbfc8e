import { isSnapgateError, SnapgateError } from "../errors.js";
import type { CatalogEntry, Manifest } from "../types.js";
import { manifestPath, type Store } from "../store/store.js";
import { sha256Hex } from "../crypto/sha256-hex.js";
import { catalogEntryOf } from "./catalog-entry.js";
import { openManifest } from "./open-manifest.js";

/**
 * The catalog of a stream, completed from the manifests: a crash between the
 * manifest and its catalog line leaves a gap that readers fill in, since the
 * manifest is the source of truth. A line whose manifest is gone stays (verify
 * reports it, restore refuses it), so `latest` never silently becomes an older
 * snapshot; a manifest without a line that cannot be read is an INTEGRITY error.
 */
export async function readCatalog(store: Store, stream: string): Promise<CatalogEntry[]> {
  const [entries, seqs] = await Promise.all([
    store.readCatalog(stream),
    store.listManifestSeqs(stream),
  ]);
  const bySeq = new Map(entries.map((entry) => [entry.seq, entry]));
  const complete: CatalogEntry[] = [];
  for (const seq of [...new Set([...seqs, ...bySeq.keys()])].sort((a, b) => a - b)) {
    const known = bySeq.get(seq);
    if (known) {
      complete.push(known);
      continue;
    }
    const bytes = await store.readManifest(stream, seq);
    if (!bytes) continue;
    let manifest: Manifest;
    try {
      manifest = await openManifest(store, bytes, `manifest ${stream}@${seq}`);
    } catch (error) {
      if (!isSnapgateError(error)) throw error;
      throw new SnapgateError(
        "INTEGRITY",
        `${manifestPath(stream, seq)} in ${store.location} cannot be read: ${error.summary}`,
        {
          fix: `Restore that file from a copy of the store, then run \`snapgate verify --all --env ${stream}\`.`,
          details: { stream, seq },
        },
      );
    }
    complete.push(catalogEntryOf(manifest, sha256Hex(bytes)));
  }
  return complete;
}

/** Every stream's catalog. */
export async function readAllCatalogs(store: Store): Promise<CatalogEntry[]> {
  const streams = await store.listStreams();
  return (await Promise.all(streams.map((stream) => readCatalog(store, stream)))).flat();
}
