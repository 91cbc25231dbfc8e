/**
 * The ref in the backup repository whose creation claims a request for its
 * one dispatch. Creating a ref is atomic on GitHub (422 "Reference already
 * exists" for the second), so of several app instances or redeliveries that
 * reach the same approved request, one dispatches.
 */
export function requestClaimRef(requestId: string): string {
  return `refs/snapgate/requests/${requestId}`;
}
