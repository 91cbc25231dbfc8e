/**
 * How the S3 store makes a key's first write win (ADR 1404): `if-none-match`
 * where the bucket refuses a second `If-None-Match: *` put (AWS, RGW without
 * Object Lock); `put-then-list` where it does not (Ceph Pacific in an Object
 * Lock bucket): every writer puts, then lists the key's versions, and the
 * oldest version is the one that counts.
 */
export type S3ClaimMode = "if-none-match" | "put-then-list";
