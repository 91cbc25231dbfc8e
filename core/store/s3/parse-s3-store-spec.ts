import { SnapgateError } from "../../errors.js";
import type { S3StoreLocation } from "./s3-store-types.js";

const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/** s3://BUCKET[/PREFIX] into a bucket and a prefix that is "" or ends in "/". */
export function parseS3StoreSpec(spec: string): S3StoreLocation {
  const match = /^s3:\/\/([^/]+)(?:\/(.*))?$/.exec(spec);
  const bucket = match?.[1] ?? "";
  const prefix = (match?.[2] ?? "").replace(/^\/+|\/+$/g, "");
  if (!match || !BUCKET.test(bucket) || prefix.split("/").some((s) => s === "." || s === "..")) {
    throw new SnapgateError("USAGE", `'${spec}' is not an S3 store address.`, {
      fix: "Use s3://BUCKET/PREFIX (a bucket name of 3-63 lower-case letters, digits, '.' and '-'; the prefix is optional).",
    });
  }
  return { bucket, prefix: prefix ? `${prefix}/` : "" };
}
