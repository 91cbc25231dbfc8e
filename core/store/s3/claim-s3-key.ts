import type { S3ClaimMode } from "./s3-claim-mode.js";
import type { S3PutOptions, S3StoreClient } from "./s3-store-types.js";

/**
 * Writes `key` only if no other writer wrote it first: "won" when this write
 * is the one that counts; the version it wrote either way (to read its lock back). With put-then-list, a loser's version stays behind
 * (newer than the winner's); readers take the oldest version (readS3Claimed).
 */
export async function claimS3Key(
  client: S3StoreClient,
  mode: S3ClaimMode,
  key: string,
  body: Uint8Array,
  /** Object Lock fields (retention, legal hold) the put carries. */
  lock: Pick<S3PutOptions, "retention" | "legalHold"> = {},
): Promise<{ outcome: "won" | "lost"; versionId?: string }> {
  if (mode === "if-none-match") {
    const put = await client.put(key, body, { ifNoneMatch: true, ...lock });
    return put === "exists" ? { outcome: "lost" } : { outcome: "won", ...put };
  }
  const put = await client.put(key, body, lock);
  if (put === "exists" || !put.versionId) return { outcome: "lost" };
  // Newest first: the last version listed is the first written, whatever the writers' clocks say.
  const oldest = (await client.listVersions(key)).at(-1);
  return { outcome: oldest?.versionId === put.versionId ? "won" : "lost", ...put };
}
