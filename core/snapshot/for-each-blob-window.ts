import type { RegularFileEntry } from "../types.js";
import { blobPath, type Store } from "../store/store.js";
import { mapWithConcurrency } from "../map-with-concurrency.js";
import { blobRefOf } from "./blob-ref-of.js";
import type { RewrapResolver } from "../rekey/rewrap-resolver.js";

/** Files per window: a GitHub store answers one window's blob reads with one request. */
export const BLOB_WINDOW = 100;

/**
 * Reads blobs a window at a time (all of a window's reads are issued together,
 * so a store can batch them), then processes the window's files with bounded
 * concurrency while the next window is read. Memory holds two windows of ciphertext.
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
  const read = (start: number) => {
    const window = files.slice(start, start + BLOB_WINDOW);
    // Each stored object once: the members of a pack (ADR 1114) share one read.
    const reads = new Map<string, Promise<Uint8Array | null>>();
    const blobs = Promise.all(
      window.map((file) => {
        const ref = blobRefOf(file);
        const path = blobPath(ref);
        const read =
          reads.get(path) ??
          (async () =>
            (await store.readBlob(ref)) ?? (resolveMissing ? resolveMissing(ref) : null))();
        reads.set(path, read);
        return read;
      }),
    );
    // Handled here so a failure while the previous window is processed is not "unhandled";
    // it still rejects where the window is awaited.
    blobs.catch(() => undefined);
    return { window, blobs };
  };
  let next = files.length > 0 ? read(0) : undefined;
  for (let start = 0; next; start += BLOB_WINDOW) {
    const window = next.window;
    const blobs = await next.blobs;
    // The next window is read while this one is processed, so the processing (decryption
    // on every core) does not stop at each window to wait for the store.
    next = start + BLOB_WINDOW < files.length ? read(start + BLOB_WINDOW) : undefined;
    checkWindow?.(window, blobs);
    results.push(
      ...(await mapWithConcurrency(window, concurrency, (file, index) =>
        process(file, blobs[index] ?? null),
      )),
    );
  }
  return results;
}
