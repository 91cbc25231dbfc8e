import { S3Store } from "../s3-store.js";
import { createS3StoreClient } from "./create-s3-store-client.js";
import { newS3Client, type S3ClientSettings } from "./new-s3-client.js";
import { parseS3StoreSpec } from "./parse-s3-store-spec.js";
import { s3CredentialsOf, type S3Credentials } from "./s3-credentials-of.js";
import type { S3StoreOptions } from "./s3-store-types.js";

/**
 * An s3://BUCKET/PREFIX store with its credentials resolved up front (the
 * SDK's default chain; a refusal is a SnapgateError with a fix), for the CLI
 * and the actions alike. The credentials are returned so an edge can mask them.
 */
export async function openS3Store(
  spec: string,
  settings: Omit<S3ClientSettings, "bucket">,
  options: S3StoreOptions = {},
): Promise<{ store: S3Store; credentials: S3Credentials }> {
  const location = parseS3StoreSpec(spec);
  const clientSettings = { ...settings, bucket: location.bucket };
  const s3 = newS3Client(clientSettings);
  const where = `s3://${location.bucket}/${location.prefix}`;
  const credentials = await s3CredentialsOf(s3, where);
  return {
    store: new S3Store(createS3StoreClient(clientSettings, s3), location, options),
    credentials,
  };
}
