import { createHash } from "node:crypto";
import { base32nopad } from "@scure/base";

/**
 * The id of the request a command comment creates (`r-` and 12 characters
 * of a-z2-7, REQUEST_ID_PATTERN), derived from the repository and the
 * comment: a redelivered webhook names the same request, so the store's
 * write-once records refuse a second one.
 */
export function newRequestId(repository: string, commentId: number): string {
  const digest = createHash("sha256")
    .update(`snapgate.request-id/v1\0${repository.toLowerCase()}\0${commentId}`)
    .digest();
  return `r-${base32nopad.encode(digest).slice(0, 12).toLowerCase()}`;
}
