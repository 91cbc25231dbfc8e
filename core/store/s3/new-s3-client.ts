import { S3Client } from "@aws-sdk/client-s3";

export interface S3ClientSettings {
  bucket: string;
  endpoint?: string;
  region?: string;
}

/**
 * The SDK client every S3 adapter uses. Credentials come from the SDK's default
 * chain (environment, profile, web identity). Checksums only when an operation
 * requires them: Ceph RGW before Reef rejects the SDK's default aws-chunked
 * trailing checksums (ADR 1403); AWS accepts both.
 */
export function newS3Client(settings: S3ClientSettings): S3Client {
  return new S3Client({
    ...(settings.endpoint ? { endpoint: settings.endpoint, forcePathStyle: true } : {}),
    region: settings.region ?? "us-east-1",
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
}
