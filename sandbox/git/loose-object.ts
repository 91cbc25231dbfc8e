import { createHash } from "node:crypto";

export type GitObjectType = "blob" | "tree" | "commit" | "tag";

/** The bytes git stores for an object ("<type> <size>\0<content>") and their SHA-1, the object id. */
export function looseObject(type: GitObjectType, content: Buffer): { oid: string; stored: Buffer } {
  const stored = Buffer.concat([Buffer.from(`${type} ${content.length}\0`), content]);
  return { oid: createHash("sha1").update(stored).digest("hex"), stored };
}
