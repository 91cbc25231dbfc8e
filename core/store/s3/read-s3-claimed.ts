import type { S3ClaimMode } from "./s3-claim-mode.js";
import type { S3StoreClient } from "./s3-store-types.js";

/** A claimed key's bytes: the winner's, which under put-then-list is the key's oldest version. */
export async function readS3Claimed(
  client: S3StoreClient,
  mode: S3ClaimMode,
  key: string,
): Promise<Uint8Array | null> {
  if (mode === "if-none-match") return client.get(key);
  const versions = await client.listVersions(key);
  const oldest = versions.at(-1);
  if (!oldest) return null;
  // One version (the usual case): the plain GET is the same object.
  return versions.length === 1 ? client.get(key) : client.get(key, oldest.versionId);
}
