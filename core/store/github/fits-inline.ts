/** A blob larger than this goes through the blobs API instead of inline tree content. */
const INLINE_BLOB_LIMIT = 512 * 1024;

/**
 * Whether bytes can go inline (as UTF-8 text) in a create-tree request: small
 * enough, and ASCII text as armored age output is; anything else is uploaded first.
 */
export function fitsInline(bytes: Uint8Array): boolean {
  if (bytes.length > INLINE_BLOB_LIMIT) return false;
  for (const byte of bytes)
    if (byte > 0x7e || (byte < 0x20 && byte !== 0x0a && byte !== 0x0d)) return false;
  return true;
}
