#!/usr/bin/python3
"""Probe an S3 server's Object Lock and conditional writes with Debian's python3-boto3.

    sandbox/s3/start-s3-server.sh start /tmp/s3 > /tmp/s3.env
    set -a; . /tmp/s3.env; set +a
    /usr/bin/python3 sandbox/s3/probe-object-lock.py

Reads S3_ENDPOINT, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY (and AWS_REGION) from the environment.
Each check prints one line: "ok" when the server did what S3 specifies, "DIFFERS" when it did not.
Exits 1 when the server does not enforce the lock (a locked version could be deleted).
"""
import datetime
import os
import sys
import threading
import uuid

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

endpoint = os.environ["S3_ENDPOINT"]
s3 = boto3.client(
    "s3",
    endpoint_url=endpoint,
    region_name=os.environ.get("AWS_REGION", "us-east-1"),
    aws_access_key_id=os.environ["AWS_ACCESS_KEY_ID"],
    aws_secret_access_key=os.environ["AWS_SECRET_ACCESS_KEY"],
    config=Config(s3={"addressing_style": "path"}, signature_version="s3v4",
                  retries={"max_attempts": 1}, max_pool_connections=20),
)

# boto3 1.26 (Debian bookworm) has no IfNoneMatch/IfMatch parameters on PutObject:
# add the headers to the request before it is signed.
_extra = threading.local()


def _add_headers(request, **_):
    for k, v in getattr(_extra, "headers", {}).items():
        request.headers[k] = v


s3.meta.events.register("before-sign.s3.PutObject", _add_headers)

results = {"differs": 0, "lock_broken": False}


def check(name, ok, detail=""):
    print(f"{'ok     ' if ok else 'DIFFERS'}  {name}{'  -- ' + detail if detail else ''}")
    if not ok:
        results["differs"] += 1


def code_of(fn):
    """Run fn; return ('OK', 200) or (error code, http status)."""
    try:
        fn()
        return "OK", 200
    except ClientError as e:
        return e.response["Error"]["Code"], e.response["ResponseMetadata"]["HTTPStatusCode"]


def put(bucket, key, body, headers=None, **kw):
    _extra.headers = headers or {}
    try:
        return s3.put_object(Bucket=bucket, Key=key, Body=body, **kw)
    finally:
        _extra.headers = {}


now = datetime.datetime.now(datetime.timezone.utc)
tomorrow = now + datetime.timedelta(days=1)
run = uuid.uuid4().hex[:8]
locked = f"probe-lock-{run}"
plain = f"probe-plain-{run}"

print(f"server: {endpoint}")

# 1. A bucket with Object Lock: versioning comes on with it.
s3.create_bucket(Bucket=locked, ObjectLockEnabledForBucket=True)
v = s3.get_bucket_versioning(Bucket=locked).get("Status")
check("bucket created with ObjectLockEnabledForBucket has versioning Enabled", v == "Enabled", f"Status={v}")
cfg = s3.get_object_lock_configuration(Bucket=locked)["ObjectLockConfiguration"]
check("GetObjectLockConfiguration says ObjectLockEnabled", cfg.get("ObjectLockEnabled") == "Enabled", str(cfg))

# 2. Default retention: GOVERNANCE, 1 day.
s3.put_object_lock_configuration(Bucket=locked, ObjectLockConfiguration={
    "ObjectLockEnabled": "Enabled",
    "Rule": {"DefaultRetention": {"Mode": "GOVERNANCE", "Days": 1}}})
cfg = s3.get_object_lock_configuration(Bucket=locked)["ObjectLockConfiguration"]
check("default retention GOVERNANCE 1 day is stored",
      cfg.get("Rule", {}).get("DefaultRetention") == {"Mode": "GOVERNANCE", "Days": 1}, str(cfg.get("Rule")))
r = put(locked, "default-retention", b"d")
h = s3.head_object(Bucket=locked, Key="default-retention")
check("an object put with no retention gets the default (GOVERNANCE)",
      h.get("ObjectLockMode") == "GOVERNANCE" and h.get("ObjectLockRetainUntilDate") is not None,
      f"mode={h.get('ObjectLockMode')} until={h.get('ObjectLockRetainUntilDate')}")
code, _ = code_of(lambda: s3.delete_object(Bucket=locked, Key="default-retention", VersionId=r["VersionId"]))
check("DELETE of a default-retention version is refused", code == "AccessDenied", code)
if code == "OK":
    results["lock_broken"] = True

# 3. COMPLIANCE, retain-until +1 day.
r = put(locked, "compliance", b"c", ObjectLockMode="COMPLIANCE", ObjectLockRetainUntilDate=tomorrow)
cv = r["VersionId"]
ret = s3.get_object_retention(Bucket=locked, Key="compliance", VersionId=cv)["Retention"]
check("GetObjectRetention says COMPLIANCE until +1 day", ret["Mode"] == "COMPLIANCE", str(ret))
code, status = code_of(lambda: s3.delete_object(Bucket=locked, Key="compliance", VersionId=cv))
check("DELETE of a COMPLIANCE version is refused", code == "AccessDenied", f"{code} {status}")
if code == "OK":
    results["lock_broken"] = True
code, status = code_of(lambda: s3.delete_object(Bucket=locked, Key="compliance", VersionId=cv,
                                                BypassGovernanceRetention=True))
check("DELETE of a COMPLIANCE version with x-amz-bypass-governance-retention is refused",
      code == "AccessDenied", f"{code} {status}")
if code == "OK":
    results["lock_broken"] = True
code, status = code_of(lambda: s3.put_object_retention(
    Bucket=locked, Key="compliance", VersionId=cv,
    Retention={"Mode": "COMPLIANCE", "RetainUntilDate": now + datetime.timedelta(hours=1)}))
check("shortening a COMPLIANCE retain-until is refused", code == "AccessDenied", f"{code} {status}")
code, status = code_of(lambda: s3.put_object_retention(
    Bucket=locked, Key="compliance", VersionId=cv,
    Retention={"Mode": "GOVERNANCE", "RetainUntilDate": tomorrow}))
check("turning COMPLIANCE into GOVERNANCE is refused", code == "AccessDenied", f"{code} {status}")
code, _ = code_of(lambda: s3.delete_object(Bucket=locked, Key="compliance"))
vs = s3.list_object_versions(Bucket=locked, Prefix="compliance")
kept = [x["VersionId"] for x in vs.get("Versions", [])]
markers = vs.get("DeleteMarkers", [])
check("DELETE without a version id only adds a delete marker; the locked version stays",
      code == "OK" and cv in kept and len(markers) == 1, f"delete={code} versions={kept} markers={len(markers)}")
g = s3.get_object(Bucket=locked, Key="compliance", VersionId=cv)["Body"].read()
check("the locked version is still readable by its version id", g == b"c")

# 4. GOVERNANCE: refused, unless the caller bypasses (the bucket owner may).
r = put(locked, "governance", b"g", ObjectLockMode="GOVERNANCE", ObjectLockRetainUntilDate=tomorrow)
gv = r["VersionId"]
code, status = code_of(lambda: s3.delete_object(Bucket=locked, Key="governance", VersionId=gv))
check("DELETE of a GOVERNANCE version without bypass is refused", code == "AccessDenied", f"{code} {status}")
if code == "OK":
    results["lock_broken"] = True
code, _ = code_of(lambda: s3.delete_object(Bucket=locked, Key="governance", VersionId=gv,
                                           BypassGovernanceRetention=True))
check("DELETE of a GOVERNANCE version with bypass by the owner succeeds", code == "OK", code)

# 5. Legal hold.
r = put(locked, "held", b"h", ObjectLockLegalHoldStatus="OFF")
hv = r["VersionId"]
s3.put_object_legal_hold(Bucket=locked, Key="held", VersionId=hv, LegalHold={"Status": "ON"})
lh = s3.get_object_legal_hold(Bucket=locked, Key="held", VersionId=hv)["LegalHold"]["Status"]
check("legal hold is ON", lh == "ON", lh)
code, status = code_of(lambda: s3.delete_object(Bucket=locked, Key="held", VersionId=hv,
                                                BypassGovernanceRetention=True))
check("DELETE of a held version, even with governance bypass, is refused", code == "AccessDenied", f"{code} {status}")
if code == "OK":
    results["lock_broken"] = True
s3.put_object_legal_hold(Bucket=locked, Key="held", VersionId=hv, LegalHold={"Status": "OFF"})
code, _ = code_of(lambda: s3.delete_object(Bucket=locked, Key="held", VersionId=hv,
                                           BypassGovernanceRetention=True))
check("after the hold is released (default GOVERNANCE retention left), bypass deletes it", code == "OK", code)

# 6. Object Lock cannot be switched off, nor versioning suspended.
code, status = code_of(lambda: s3.put_bucket_versioning(Bucket=locked,
                                                        VersioningConfiguration={"Status": "Suspended"}))
check("suspending versioning on an Object Lock bucket is refused", code != "OK", f"{code} {status}")

# 7. Conditional PUTs, in a plain bucket and in the Object Lock (versioned) bucket.
s3.create_bucket(Bucket=plain)
for bucket in (plain, locked):
    kind = "plain" if bucket == plain else "versioned+lock"
    key = f"head-{run}"
    code, status = code_of(lambda: put(bucket, key, b"1", {"If-None-Match": "*"}))
    check(f"[{kind}] If-None-Match: * on a new key is accepted", code == "OK", code)
    code, status = code_of(lambda: put(bucket, key, b"2", {"If-None-Match": "*"}))
    check(f"[{kind}] If-None-Match: * on an existing key is refused 412", code == "PreconditionFailed",
          f"{code} {status}")
    etag = s3.head_object(Bucket=bucket, Key=key)["ETag"]
    body = s3.get_object(Bucket=bucket, Key=key)["Body"].read()
    check(f"[{kind}] after the refused PUT the object still holds the first body", body == b"1", repr(body))
    code, status = code_of(lambda: put(bucket, key, b"3", {"If-Match": '"00000000000000000000000000000000"'}))
    check(f"[{kind}] If-Match with a stale ETag is refused 412", code == "PreconditionFailed", f"{code} {status}")
    code, status = code_of(lambda: put(bucket, key, b"4", {"If-Match": etag}))
    check(f"[{kind}] If-Match with the current ETag (quoted, as HEAD returns it) is accepted",
          code == "OK", f"{code} {status}")
    etag = s3.head_object(Bucket=bucket, Key=key)["ETag"]
    code, status = code_of(lambda: put(bucket, key, b"4u", {"If-Match": etag.strip('"')}))
    check(f"[{kind}] If-Match with the current ETag unquoted is accepted", code == "OK", f"{code} {status}")
    code, status = code_of(lambda: put(bucket, key, b"4s", {"If-Match": "*"}))
    check(f"[{kind}] If-Match: * on an existing key is accepted", code == "OK", f"{code} {status}")
    code, status = code_of(lambda: put(bucket, f"absent-{run}", b"5", {"If-Match": etag}))
    check(f"[{kind}] If-Match on an absent key is refused (S3: 404 NoSuchKey)", code != "OK", f"{code} {status}")

    # Ten writers race to create the same key with If-None-Match: *; S3 lets exactly one win.
    race = f"race-{run}"
    outcomes = []
    lock = threading.Lock()

    def writer(i):
        c, _ = code_of(lambda: put(bucket, race, f"w{i}".encode(), {"If-None-Match": "*"}))
        with lock:
            outcomes.append(c)

    ts = [threading.Thread(target=writer, args=(i,)) for i in range(10)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    wins = outcomes.count("OK")
    versions = len([x for x in s3.list_object_versions(Bucket=bucket, Prefix=race).get("Versions", [])])
    check(f"[{kind}] 10 concurrent If-None-Match: * PUTs: exactly one wins", wins == 1,
          f"wins={wins} outcomes={sorted(set(outcomes))} versions stored={versions}")

    # Ten writers race to replace the same ETag with If-Match; S3 lets exactly one win.
    etag = s3.head_object(Bucket=bucket, Key=race)["ETag"].strip('"')  # unquoted: see above
    outcomes = []

    def swapper(i):
        c, _ = code_of(lambda: put(bucket, race, f"s{i}".encode(), {"If-Match": etag}))
        with lock:
            outcomes.append(c)

    ts = [threading.Thread(target=swapper, args=(i,)) for i in range(10)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    wins = outcomes.count("OK")
    check(f"[{kind}] 10 concurrent If-Match PUTs on one unquoted ETag: exactly one wins", wins == 1,
          f"wins={wins} outcomes={sorted(set(outcomes))}")

# 8. Without conditional writes in a versioned bucket: each writer PUTs a claim key, then lists its
#    versions; the oldest version in the listing's order (the bucket index's, newest first; not
#    LastModified) is the winner. Every writer must reach the same verdict.
claim = f"claim-{run}"
verdicts = {}


def claimer(i):
    mine = put(locked, claim, f"c{i}".encode())["VersionId"]
    vs = [x for x in s3.list_object_versions(Bucket=locked, Prefix=claim).get("Versions", []) if x["Key"] == claim]
    verdicts[i] = (mine, vs[-1]["VersionId"])


ts = [threading.Thread(target=claimer, args=(i,)) for i in range(10)]
for t in ts:
    t.start()
for t in ts:
    t.join()
winners = [i for i, (mine, oldest) in verdicts.items() if mine == oldest]
check("[versioned+lock] 10 writers PUT then list versions: all agree on one winner (the oldest listed)",
      len(winners) == 1 and len({oldest for _, oldest in verdicts.values()}) == 1,
      f"winners={winners} distinct verdicts={len({o for _, o in verdicts.values()})}")

print(f"\n{results['differs']} check(s) differ from S3; "
      f"lock enforced by the server: {'NO' if results['lock_broken'] else 'yes'}")
print(f"buckets left on the server (locked versions cannot be removed): {locked}, {plain}")
sys.exit(1 if results["lock_broken"] else 0)
