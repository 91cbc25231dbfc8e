import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  s3DoctorProbePath
} from "./chunk-ZUEUDRMP.js";
import "./chunk-H5NHOGLY.js";

// core/store/s3/check-s3-bucket.ts
var DAY_MS = 864e5;
var DOCTOR_PROBE_RETENTION_MS = 10 * 6e4;
function doctorProbeKey(prefix, probeId) {
  return `${prefix}${s3DoctorProbePath(probeId)}`;
}
async function checkS3Bucket(inspector, location, options) {
  const bucket = location.bucket;
  const reach = await inspector.reach();
  if (reach !== "ok") {
    return [
      {
        check: "the bucket is reachable",
        ok: false,
        detail: reach === "missing" ? `bucket ${bucket} does not exist at this endpoint` : `these credentials may not read bucket ${bucket} (403)`,
        fix: reach === "missing" ? "Create it with Object Lock (aws s3api create-bucket --object-lock-enabled-for-bucket), or check --store, --endpoint and --region." : "Use credentials allowed s3:ListBucket, s3:GetBucketVersioning, s3:GetBucketObjectLockConfiguration and s3:GetBucketPublicAccessBlock on the bucket."
      }
    ];
  }
  const findings = [
    { check: "the bucket is reachable", ok: true, detail: `bucket ${bucket}` }
  ];
  const versioning = await inspector.versioning();
  findings.push(
    versioning === "Enabled" ? { check: "versioning is enabled", ok: true, detail: "Enabled" } : {
      check: "versioning is enabled",
      ok: false,
      detail: `versioning is ${versioning ?? "off (never enabled)"}: an overwrite or delete loses the object`,
      fix: "Versioning comes with Object Lock: create a new bucket with --object-lock-enabled-for-bucket and replicate the store into it (snapgate replicate)."
    }
  );
  const lock = await inspector.objectLock();
  const lockOn = lock?.enabled === true;
  findings.push(
    lockOn ? { check: "Object Lock is enabled", ok: true, detail: "Enabled" } : {
      check: "Object Lock is enabled",
      ok: false,
      detail: "the bucket has no Object Lock: whoever holds write credentials can delete every backup",
      fix: "Create a bucket with Object Lock (aws s3api create-bucket --object-lock-enabled-for-bucket) and replicate the store into it (snapgate replicate --to s3://NEW-BUCKET/PREFIX)."
    }
  );
  const retention = lock?.defaultRetention ?? null;
  const retentionFix = (days) => `aws s3api put-object-lock-configuration --bucket ${bucket} --object-lock-configuration '{"ObjectLockEnabled":"Enabled","Rule":{"DefaultRetention":{"Mode":"COMPLIANCE","Days":${days}}}}'`;
  const floorDays = options.floor ? Math.ceil(options.floor.minAgeMs / DAY_MS) : 0;
  const floorText = options.floor ? ` (the policy's largest floor: tier ${options.floor.tier}, ${floorDays} days)` : "";
  if (!lockOn) {
    findings.push({
      check: "a default retention covers the policy's floor",
      ok: false,
      detail: "no Object Lock, so no default retention",
      fix: "Enable Object Lock first (above), then set a default retention."
    });
  } else if (!retention) {
    findings.push({
      check: "a default retention covers the policy's floor",
      ok: false,
      detail: `no default retention: objects written without their own retain-until are not locked${floorText}`,
      fix: retentionFix(Math.max(floorDays, 1))
    });
  } else if (options.floor && retention.days * DAY_MS < options.floor.minAgeMs) {
    findings.push({
      check: "a default retention covers the policy's floor",
      ok: false,
      detail: `the default retention is ${retention.mode} ${retention.days} days, shorter than the policy's floor${floorText}`,
      fix: retentionFix(floorDays)
    });
  } else {
    findings.push({
      check: "a default retention covers the policy's floor",
      ok: true,
      detail: `${retention.mode} ${retention.days} days${options.floor ? floorText : " (no policy given to compare with: --policy FILE)"}`
    });
  }
  const block = await inspector.publicAccessBlock();
  const blockFix = `aws s3api put-public-access-block --bucket ${bucket} --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true`;
  if (block === "unsupported") {
    findings.push({
      check: "public access is blocked",
      ok: null,
      detail: "could not check: this server does not implement GetPublicAccessBlock",
      fix: "Check by hand that no bucket policy or ACL grants access to anonymous or all users."
    });
  } else if (block === "none") {
    findings.push({
      check: "public access is blocked",
      ok: false,
      detail: "no public access block is set: a bucket policy or ACL could make backups public",
      fix: blockFix
    });
  } else {
    const off = Object.entries(block).filter(([, on]) => !on).map(([flag]) => flag);
    findings.push(
      off.length === 0 ? {
        check: "public access is blocked",
        ok: true,
        detail: "all four public access block settings are on"
      } : {
        check: "public access is blocked",
        ok: false,
        detail: `public access block settings off: ${off.join(", ")}`,
        fix: blockFix
      }
    );
  }
  findings.push(await governanceBypassFinding(inspector, location, options, lockOn));
  return findings;
}
async function governanceBypassFinding(inspector, location, options, lockOn) {
  const check = "these credentials cannot bypass governance retention";
  if (!lockOn)
    return {
      check,
      ok: null,
      detail: "could not check: the bucket has no Object Lock",
      fix: "Enable Object Lock (above) and run doctor again."
    };
  const probePrefix = doctorProbeKey(location.prefix, "");
  for (const old of await inspector.listVersions(probePrefix)) {
    const until = (await inspector.lockOf(old.key, old.versionId)).retainUntil;
    if (!until || until.getTime() < options.now.getTime())
      await inspector.deleteVersion(old.key, old.versionId, false);
  }
  const key = doctorProbeKey(location.prefix, options.probeId);
  const put = await inspector.putGovernanceProbe(
    key,
    new Date(options.now.getTime() + DOCTOR_PROBE_RETENTION_MS)
  );
  if (put === "denied")
    return {
      check,
      ok: null,
      detail: `could not check: these credentials may not write the probe ${key} (403)`,
      fix: "Run doctor with the credentials the store writes with (they need s3:PutObject and s3:PutObjectRetention), or check by hand that they are denied s3:BypassGovernanceRetention."
    };
  const versionId = put.versionId;
  if (!versionId)
    return {
      check,
      ok: null,
      detail: `could not check: the probe ${key} got no version id`,
      fix: "Enable versioning and Object Lock on the bucket."
    };
  const probeLock = await inspector.lockOf(key, versionId);
  if (probeLock.mode !== "GOVERNANCE")
    return {
      check,
      ok: null,
      detail: `could not check: the server locked the probe ${key} in ${probeLock.mode ?? "no"} mode, not the GOVERNANCE mode it was written with: it ignored the request's own lock headers, so the store's per-object retain-until and legal holds are ignored too (Ceph RGW Pacific does this while BlockPublicAcls is on, ADR 1405)`,
      fix: "Rely on the bucket's default retention (COMPLIANCE, at least the policy's floor), and check by hand that these credentials are denied s3:BypassGovernanceRetention (a bucket policy Deny naming them)."
    };
  if (await inspector.deleteVersion(key, versionId, false) === "deleted")
    return {
      check,
      ok: null,
      detail: `could not check: the probe ${key} was deletable without a bypass, so its GOVERNANCE retention did not take (is this machine's clock behind the server's?)`,
      fix: "Check the clock, then run doctor again."
    };
  if (await inspector.deleteVersion(key, versionId, true) === "refused")
    return {
      check,
      ok: true,
      detail: `deleting the GOVERNANCE-locked probe ${key} with x-amz-bypass-governance-retention was refused (it expires in ${DOCTOR_PROBE_RETENTION_MS / 6e4} minutes)`
    };
  return {
    check,
    ok: false,
    detail: `these credentials deleted the GOVERNANCE-locked probe ${key} with x-amz-bypass-governance-retention: they could delete GOVERNANCE-locked backups`,
    fix: `Deny s3:BypassGovernanceRetention to these credentials (a bucket policy Deny naming them; Ceph RGW honours only an explicit Deny, ADR 1403), or use COMPLIANCE retention, which nobody can bypass.`
  };
}
export {
  checkS3Bucket
};
