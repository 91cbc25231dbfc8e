// The same server probed with the official AWS SDK for JavaScript v3, which the S3 store must use.
// It needs @aws-sdk/client-s3 where Node resolves it from this file (the repo does not depend on
// it yet: copy this file next to a node_modules that has it). Reads S3_ENDPOINT,
// AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (the SDK's own chain) from the environment.
//
//   node probe-sdk-v3.mjs default         the SDK's default checksums (WHEN_SUPPORTED)
//   node probe-sdk-v3.mjs when_required   requestChecksumCalculation/responseChecksumValidation
//                                         WHEN_REQUIRED, which Ceph Pacific's RGW needs for streams
import {
  S3Client,
  CreateBucketCommand,
  PutObjectCommand,
  GetObjectCommand,
  DeleteObjectCommand,
  PutObjectLockConfigurationCommand,
  GetObjectLockConfigurationCommand,
  PutObjectRetentionCommand,
  PutObjectLegalHoldCommand,
  HeadObjectCommand,
} from "@aws-sdk/client-s3";
import { Readable } from "node:stream";

const mode = process.argv[2] ?? "default";
const checksums =
  mode === "when_required"
    ? { requestChecksumCalculation: "WHEN_REQUIRED", responseChecksumValidation: "WHEN_REQUIRED" }
    : {};
const s3 = new S3Client({
  endpoint: process.env.S3_ENDPOINT,
  region: process.env.AWS_REGION ?? "us-east-1",
  forcePathStyle: true,
  maxAttempts: 1,
  ...checksums,
});
const run = Math.random().toString(16).slice(2, 8);
const locked = `sdk-lock-${run}`;
const plain = `sdk-plain-${run}`;
let differs = 0;

// expect: "OK" or an error name such as "AccessDenied" or "PreconditionFailed".
async function check(name, expect, fn) {
  let got;
  let detail;
  try {
    const r = await fn();
    got = "OK";
    detail = typeof r === "string" ? r : "";
  } catch (e) {
    got = e.name;
    detail = `${e.$metadata?.httpStatusCode ?? ""} ${String(e.message).slice(0, 120)}`;
  }
  if (got !== expect) differs++;
  console.log(`${got === expect ? "ok     " : "DIFFERS"}  ${name}: ${got}  -- ${detail}`);
}

const send = (c) => s3.send(c);
const tomorrow = () => new Date(Date.now() + 86400e3);
console.log(`mode=${mode} server=${process.env.S3_ENDPOINT}`);

await check("CreateBucket with ObjectLockEnabledForBucket", "OK", () =>
  send(new CreateBucketCommand({ Bucket: locked, ObjectLockEnabledForBucket: true })),
);
await check("PutObjectLockConfiguration default COMPLIANCE 1 day", "OK", () =>
  send(
    new PutObjectLockConfigurationCommand({
      Bucket: locked,
      ObjectLockConfiguration: {
        ObjectLockEnabled: "Enabled",
        Rule: { DefaultRetention: { Mode: "COMPLIANCE", Days: 1 } },
      },
    }),
  ),
);
await check("GetObjectLockConfiguration", "OK", () =>
  send(new GetObjectLockConfigurationCommand({ Bucket: locked })).then((r) =>
    JSON.stringify(r.ObjectLockConfiguration),
  ),
);
let version;
await check("PutObject, string body", "OK", () =>
  send(new PutObjectCommand({ Bucket: locked, Key: "s", Body: "hello" })).then((r) => {
    version = r.VersionId;
    return version;
  }),
);
await check("PutObject, Buffer body, COMPLIANCE until +1 day", "OK", () =>
  send(
    new PutObjectCommand({
      Bucket: locked,
      Key: "c",
      Body: Buffer.alloc(1000, 120),
      ObjectLockMode: "COMPLIANCE",
      ObjectLockRetainUntilDate: tomorrow(),
    }),
  ).then((r) => r.VersionId),
);
await check("PutObject, stream body with ContentLength", "OK", () =>
  send(
    new PutObjectCommand({
      Bucket: locked,
      Key: "st",
      Body: Readable.from([Buffer.from("abc"), Buffer.from("def")]),
      ContentLength: 6,
    }),
  ).then((r) => r.VersionId),
);
await check("GetObject", "OK", () =>
  send(new GetObjectCommand({ Bucket: locked, Key: "s" })).then((r) => r.Body.transformToString()),
);
await check("HeadObject shows the default retention", "OK", () =>
  send(new HeadObjectCommand({ Bucket: locked, Key: "s" })).then(
    (r) => `${r.ObjectLockMode} ${r.ObjectLockRetainUntilDate?.toISOString()}`,
  ),
);
await check("DeleteObject of the locked version", "AccessDenied", () =>
  send(new DeleteObjectCommand({ Bucket: locked, Key: "s", VersionId: version })),
);
await check("DeleteObject of the locked version, BypassGovernanceRetention", "AccessDenied", () =>
  send(
    new DeleteObjectCommand({
      Bucket: locked,
      Key: "s",
      VersionId: version,
      BypassGovernanceRetention: true,
    }),
  ),
);
await check("PutObjectRetention shortening COMPLIANCE", "AccessDenied", () =>
  send(
    new PutObjectRetentionCommand({
      Bucket: locked,
      Key: "s",
      VersionId: version,
      Retention: { Mode: "COMPLIANCE", RetainUntilDate: new Date(Date.now() + 3600e3) },
    }),
  ),
);
await check("PutObjectLegalHold ON", "OK", () =>
  send(
    new PutObjectLegalHoldCommand({
      Bucket: locked,
      Key: "s",
      VersionId: version,
      LegalHold: { Status: "ON" },
    }),
  ),
);

await check("CreateBucket without Object Lock", "OK", () =>
  send(new CreateBucketCommand({ Bucket: plain })),
);
await check("[plain] PutObject IfNoneMatch * on a new key", "OK", () =>
  send(new PutObjectCommand({ Bucket: plain, Key: "h", Body: "1", IfNoneMatch: "*" })),
);
await check("[plain] PutObject IfNoneMatch * on an existing key", "PreconditionFailed", () =>
  send(new PutObjectCommand({ Bucket: plain, Key: "h", Body: "2", IfNoneMatch: "*" })),
);
const etag = (await send(new HeadObjectCommand({ Bucket: plain, Key: "h" }))).ETag;
await check(`[plain] PutObject IfMatch ${etag} (quoted, as HEAD returns it)`, "OK", () =>
  send(new PutObjectCommand({ Bucket: plain, Key: "h", Body: "3", IfMatch: etag })),
);
await check("[plain] PutObject IfMatch, the same ETag unquoted", "OK", () =>
  send(
    new PutObjectCommand({ Bucket: plain, Key: "h", Body: "3", IfMatch: etag.replaceAll('"', "") }),
  ),
);
await check("[object lock] PutObject IfNoneMatch * on an existing key", "PreconditionFailed", () =>
  send(new PutObjectCommand({ Bucket: locked, Key: "s", Body: "2", IfNoneMatch: "*" })),
);

console.log(`\n${differs} check(s) differ from S3`);
