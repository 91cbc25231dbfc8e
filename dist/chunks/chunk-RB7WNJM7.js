import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  SnapgateError
} from "./chunk-6KERQ4ZL.js";

// core/store/s3/parse-s3-store-spec.ts
var BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
function parseS3StoreSpec(spec) {
  const match = /^s3:\/\/([^/]+)(?:\/(.*))?$/.exec(spec);
  const bucket = match?.[1] ?? "";
  const prefix = (match?.[2] ?? "").replace(/^\/+|\/+$/g, "");
  if (!match || !BUCKET.test(bucket) || prefix.split("/").some((s) => s === "." || s === "..")) {
    throw new SnapgateError("USAGE", `'${spec}' is not an S3 store address.`, {
      fix: "Use s3://BUCKET/PREFIX (a bucket name of 3-63 lower-case letters, digits, '.' and '-'; the prefix is optional)."
    });
  }
  return { bucket, prefix: prefix ? `${prefix}/` : "" };
}

export {
  parseS3StoreSpec
};
