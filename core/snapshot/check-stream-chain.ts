import { sha256Hex } from "../crypto/sha256-hex.js";
import { mapWithConcurrency } from "../map-with-concurrency.js";
import type { Store } from "../store/store.js";

export type StreamChain = { state: "ok" } | { state: "broken"; atSeq: number; detail: string };

interface Link {
  seq: number;
  sha256: string | null;
  prev: string | null | undefined;
  named: string;
}

const BATCH = 64;

/**
 * Walks a stream's hash chain from seq 1 to `upto`: every manifest present,
 * naming its own stream and seq, and linking (prev) to the sha256 of the one
 * before it. Manifests are read a batch at a time and only their hashes and
 * links are kept, so a long stream of large manifests stays small in memory.
 */
export async function checkStreamChain(
  store: Store,
  stream: string,
  upto: number,
): Promise<StreamChain> {
  let previous: Link | null = null;
  for (let start = 1; start <= upto; start += BATCH) {
    const seqs = Array.from({ length: Math.min(BATCH, upto - start + 1) }, (_, i) => start + i);
    const links = await mapWithConcurrency(seqs, 16, async (seq): Promise<Link> => {
      const bytes = await store.readManifest(stream, seq);
      if (!bytes) return { seq, sha256: null, prev: undefined, named: "" };
      let prev: string | null | undefined;
      let named = "";
      try {
        const parsed = JSON.parse(Buffer.from(bytes).toString("utf8")) as {
          prev?: unknown;
          stream?: unknown;
          seq?: unknown;
        };
        prev = typeof parsed.prev === "string" || parsed.prev === null ? parsed.prev : undefined;
        named = `${String(parsed.stream)}@${String(parsed.seq)}`;
      } catch {
        prev = undefined;
      }
      return { seq, sha256: sha256Hex(bytes), prev, named };
    });
    for (const link of links) {
      const broken = linkProblem(stream, link, previous);
      if (broken) return { state: "broken", atSeq: link.seq, detail: broken };
      previous = link;
    }
  }
  return { state: "ok" };
}

function linkProblem(stream: string, link: Link, previous: Link | null): string | null {
  if (link.sha256 === null) return `manifest ${stream}@${link.seq} is missing`;
  if (link.prev === undefined) return `manifest ${stream}@${link.seq} cannot be read`;
  if (link.named !== `${stream}@${link.seq}`)
    return `the manifest stored as ${stream}@${link.seq} says it is ${link.named}`;
  const expected = previous?.sha256 ?? null;
  if (link.prev !== expected)
    return link.seq === 1
      ? `manifest ${stream}@1 links to an earlier manifest`
      : `manifest ${stream}@${link.seq - 1} is not the one ${stream}@${link.seq} was written after`;
  return null;
}
