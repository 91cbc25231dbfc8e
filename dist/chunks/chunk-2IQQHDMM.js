import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  mapWithConcurrency
} from "./chunk-K3D2YTSH.js";
import {
  sha256Hex
} from "./chunk-U2VA4CFL.js";

// core/snapshot/check-stream-chain.ts
var BATCH = 64;
async function checkStreamChain(store, stream, upto) {
  let previous = null;
  for (let start = 1; start <= upto; start += BATCH) {
    const seqs = Array.from({ length: Math.min(BATCH, upto - start + 1) }, (_, i) => start + i);
    const links = await mapWithConcurrency(seqs, 16, async (seq) => {
      const bytes = await store.readManifest(stream, seq);
      if (!bytes) return { seq, sha256: null, prev: void 0, named: "" };
      let prev;
      let named = "";
      try {
        const parsed = JSON.parse(Buffer.from(bytes).toString("utf8"));
        prev = typeof parsed.prev === "string" || parsed.prev === null ? parsed.prev : void 0;
        named = `${String(parsed.stream)}@${String(parsed.seq)}`;
      } catch {
        prev = void 0;
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
function linkProblem(stream, link, previous) {
  if (link.sha256 === null) return `manifest ${stream}@${link.seq} is missing`;
  if (link.prev === void 0) return `manifest ${stream}@${link.seq} cannot be read`;
  if (link.named !== `${stream}@${link.seq}`)
    return `the manifest stored as ${stream}@${link.seq} says it is ${link.named}`;
  const expected = previous?.sha256 ?? null;
  if (link.prev !== expected)
    return link.seq === 1 ? `manifest ${stream}@1 links to an earlier manifest` : `manifest ${stream}@${link.seq - 1} is not the one ${stream}@${link.seq} was written after`;
  return null;
}

export {
  checkStreamChain
};
