import { STREAM_PATTERN } from "../types.js";

const STREAM_DIRECTORIES =
  /^(?:manifests|catalog|verifications|tombstones|locks|drills)\/([^/]+)\//;
const HEAD_POINTER = /^heads\/([^/]+)\.json$/;

/**
 * The streams (environments) whose snapshots, catalog, verification records,
 * tombstones, locks or drills (and their sign-offs) a set of store paths touches, sorted: what a push to a backup
 * repository changed, read from the paths alone. Other paths (blobs, audit,
 * anything that is not the store's layout) name no stream.
 */
export function streamsOfStorePaths(paths: Iterable<string>): string[] {
  const streams = new Set<string>();
  for (const path of paths) {
    const stream = STREAM_DIRECTORIES.exec(path)?.[1] ?? HEAD_POINTER.exec(path)?.[1];
    if (stream !== undefined && STREAM_PATTERN.test(stream)) streams.add(stream);
  }
  return [...streams].sort();
}
