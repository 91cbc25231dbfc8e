import { randomBytes } from "node:crypto";
import type { S3ClaimMode } from "./s3-claim-mode.js";
import type { S3StoreClient } from "./s3-store-types.js";
import { s3ClaimProbePath } from "../store.js";

/**
 * Puts a fresh probe key twice with `If-None-Match: *`: refused the second
 * time means the bucket honours conditional writes. Two small puts per store
 * opened for writing; the probe is deleted where the bucket allows it (an
 * Object Lock bucket's default retention keeps it until that expires).
 */
export async function detectS3ClaimMode(
  client: S3StoreClient,
  prefix: string,
): Promise<S3ClaimMode> {
  const key = `${prefix}${s3ClaimProbePath(randomBytes(8).toString("hex"))}`;
  const body = new TextEncoder().encode("snapgate conditional-write probe\n");
  await client.put(key, body, { ifNoneMatch: true });
  const second = await client.put(key, body, { ifNoneMatch: true });
  for (const version of await client.listVersions(key).catch(() => []))
    await client.delete(key, version.versionId).catch(() => undefined);
  return second === "exists" ? "if-none-match" : "put-then-list";
}
