import { encodeContent } from "../crypto/encode-content.js";
import type { BlobEncoding } from "../types.js";

export interface PackMember {
  content: Uint8Array;
  /** gzip when it pays (never for secret-class files: the caller decides). */
  compress: boolean;
}

export interface BuiltPack {
  /** The members' encoded contents, concatenated: what is sealed as one age file. */
  plaintext: Uint8Array;
  /** Per member, in order: where its encoded content lies in the plaintext, and how it is encoded. */
  slices: Array<{ offset: number; length: number; encoding: BlobEncoding }>;
}

/**
 * A pack's plaintext (ADR 1114): each member encoded on its own, as a single
 * blob would be, then concatenated, so any member can be cut out of the
 * decrypted pack by its offset and length and decoded alone (`tail -c`,
 * `head -c`, `gunzip` in a break-glass).
 */
export function buildPack(members: readonly PackMember[]): BuiltPack {
  const parts: Uint8Array[] = [];
  const slices: BuiltPack["slices"] = [];
  let offset = 0;
  for (const { content, compress } of members) {
    const { payload, encoding } = encodeContent(content, compress);
    parts.push(payload);
    slices.push({ offset, length: payload.length, encoding });
    offset += payload.length;
  }
  return { plaintext: Buffer.concat(parts), slices };
}
