import { createHmac } from "node:crypto";

/** HMAC-SHA256 under the writer's MAC key: same content, same id; unguessable without the key. */
export function computeBlobId(macKey: Uint8Array, content: Uint8Array): string {
  return createHmac("sha256", macKey).update(content).digest("hex");
}

export const BLOB_ID_PATTERN = /^[0-9a-f]{64}$/;
