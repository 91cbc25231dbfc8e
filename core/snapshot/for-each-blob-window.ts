import type { RegularFileEntry } from "../types.js";
import type { Store } from "../store/store.js";
import { mapWithConcurrency } from "../map-with-concurrency.js";
import { blobRefOf } from "./blob-ref-of.js";
import type { RewrapResolver } from "../rekey/rewrap-resolver.js";

/** Files per window: a GitHub store answers one window's blob reads with one request. */
export const BLOB_WINDOW = 100;

/**
 * Reads blobs a window at a time (all of a window's reads are issued together,
 * so a store can batch them), then processes the window's files with bounded
 * concurrency. Memory holds one window of ciphertext.
 */
export async function forEachBlobWindow<T>(
  store: Store,
  files: readonly RegularFileEntry[],
  process: (file: RegularFileEntry, ciphertext: Uint8Array | null) => Promise<T>,
  concurrency = 4,
  /** Sees a whole window's blobs before any is processed (a restore checks them all first). */
  checkWindow?: (
    window: readonly RegularFileEntry[],
    blobs: ReadonlyArray<Uint8Array | null>,
  ) => void,
  /** Where a missing blob may have gone: `snapgate rekey`'s signed re-wrap records. */
  resolveMissing?: RewrapResolver,
): Promise<T[]> {
  const results: T[] = [];
  for (let start = 0; start < files.length; start += BLOB_WINDOW) {
    const window = files.slice(start, start + BLOB_WINDOW);
    const blobs = await Promise.all(
      window.map(async (file) => {
        const ref = blobRefOf(file);
        return (await store.readBlob(ref)) ?? (resolveMissing ? resolveMissing(ref) : null);
      }),
    );
    checkWindow?.(window, blobs);
    results.push(
      ...(await mapWithConcurrency(window, concurrency, (file, index) =>
        process(file, blobs[index] ?? null),
      )),
    );
  }
  return results;
}
