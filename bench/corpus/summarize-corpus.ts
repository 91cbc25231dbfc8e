import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { gzip } from "node:zlib";
import { listFiles } from "../harness/list-files.js";
import { mapWithConcurrency } from "../../core/map-with-concurrency.js";

const gzipAsync = promisify(gzip);

export interface CorpusSummary {
  files: number;
  /** Sum of the file sizes. */
  bytes: number;
  /** Sum over files of each file gzipped alone at level 6 (node:zlib), as a per-file store would. */
  gzipBytes: number;
  largestFile: { path: string; bytes: number };
}

/** Measures any tree the way the corpus is described: counts, bytes, per-file gzip bytes. */
export async function summarizeCorpus(root: string): Promise<CorpusSummary> {
  const paths = await listFiles(root);
  // zlib runs on the libuv thread pool, so a few files in flight use every core.
  const sizes = await mapWithConcurrency(paths, 8, async (path) => {
    const content = await readFile(join(root, path));
    const compressed = await gzipAsync(content, { level: 6 });
    return { path, bytes: content.length, gzipBytes: compressed.length };
  });
  const summary: CorpusSummary = {
    files: paths.length,
    bytes: 0,
    gzipBytes: 0,
    largestFile: { path: "", bytes: 0 },
  };
  for (const { path, bytes, gzipBytes } of sizes) {
    summary.bytes += bytes;
    summary.gzipBytes += gzipBytes;
    if (bytes > summary.largestFile.bytes) summary.largestFile = { path, bytes };
  }
  return summary;
}
