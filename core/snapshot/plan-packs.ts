/** A snapshot packs its new blobs only when it has at least this many that fit (ADR 1114). */
export const MIN_PACKED_BLOBS = 32;
/** Files larger than this stay one age file each: a restore of one need not decrypt others. */
export const MAX_PACKED_FILE_BYTES = 1024 * 1024;
/** A pack closes at this many members... */
export const MAX_PACK_MEMBERS = 64;
/** ...or once its members' contents reach this many bytes. */
export const MAX_PACK_BYTES = 4 * 1024 * 1024;

/** A pack also ends after a member whose content id starts with a byte below this (1 in 32). */
const BOUNDARY_BELOW = 256 / 32;

/**
 * Splits the new blobs of a snapshot (in path order) into packs and blobs
 * sealed alone: files over MAX_PACKED_FILE_BYTES, and every file when fewer
 * than MIN_PACKED_BLOBS would be packed (an incremental snapshot of a few
 * changed files keeps one age file per file, as before ADR 1114). Where a pack
 * ends depends on its members' content ids, as a manifest node's end depends
 * on paths (ADR 1101): two trees that differ in a few files (two environments)
 * make mostly the same packs, which a store then holds once.
 */
export function planPacks<T>(
  blobs: readonly T[],
  sizeOf: (blob: T) => number,
  idOf: (blob: T) => string = () => "ff",
): { packs: T[][]; alone: T[] } {
  const fits = blobs.filter((blob) => sizeOf(blob) <= MAX_PACKED_FILE_BYTES);
  if (fits.length < MIN_PACKED_BLOBS) return { packs: [], alone: [...blobs] };
  const packs: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const blob of fits) {
    current.push(blob);
    bytes += sizeOf(blob);
    const boundary = Number.parseInt(idOf(blob).slice(0, 2), 16) < BOUNDARY_BELOW;
    if (boundary || current.length >= MAX_PACK_MEMBERS || bytes >= MAX_PACK_BYTES) {
      packs.push(current);
      current = [];
      bytes = 0;
    }
  }
  if (current.length > 0) packs.push(current);
  return { packs, alone: blobs.filter((blob) => sizeOf(blob) > MAX_PACKED_FILE_BYTES) };
}
