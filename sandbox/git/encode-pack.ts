import { createHash } from "node:crypto";
import { deflateSync } from "node:zlib";
import type { GitObjectType } from "./loose-object.js";

const TYPE_CODES: Record<GitObjectType, number> = { commit: 1, tree: 2, blob: 3, tag: 4 };

/** The variable-length header of a packed object: type and inflated size. */
function objectHeader(type: GitObjectType, size: number): Buffer {
  const bytes: number[] = [];
  let byte = (TYPE_CODES[type] << 4) | (size & 0x0f);
  let rest = Math.floor(size / 16);
  while (rest > 0) {
    bytes.push(byte | 0x80);
    byte = rest & 0x7f;
    rest = Math.floor(rest / 128);
  }
  bytes.push(byte);
  return Buffer.from(bytes);
}

/**
 * A version 2 packfile holding `objects` whole (no deltas): "PACK", version,
 * count, each object's header and zlib stream, then the SHA-1 of it all.
 * `git index-pack` checks and indexes it.
 */
export function encodePack(objects: readonly { type: GitObjectType; content: Buffer }[]): Buffer {
  const header = Buffer.alloc(12);
  header.write("PACK", 0, "latin1");
  header.writeUInt32BE(2, 4);
  header.writeUInt32BE(objects.length, 8);
  const parts: Buffer[] = [header];
  for (const object of objects) {
    parts.push(
      objectHeader(object.type, object.content.length),
      deflateSync(object.content, { level: 1 }),
    );
  }
  const body = Buffer.concat(parts);
  return Buffer.concat([body, createHash("sha1").update(body).digest()]);
}
