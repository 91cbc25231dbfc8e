/**
 * Builds a document of about `targetBytes`: the head, then as many units as it
 * takes, then the tail. It overshoots by at most one unit, so sizes stay close
 * to the plan without cutting a document in the middle of a line.
 */
export function fillToSize(
  targetBytes: number,
  head: string,
  tail: string,
  unit: (index: number) => string,
): string {
  const parts = [head];
  let size = Buffer.byteLength(head) + Buffer.byteLength(tail);
  for (let index = 0; size < targetBytes; index++) {
    const next = unit(index);
    parts.push(next);
    size += Buffer.byteLength(next);
  }
  parts.push(tail);
  return parts.join("");
}
