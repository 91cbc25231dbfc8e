import { SnapgateError } from "../errors.js";
import type { CatalogEntry } from "../types.js";

/** One catalog shard: its path in the store (for messages) and its text. */
export interface CatalogShard {
  path: string;
  text: string;
}

/** Why a parsed line is not a catalog entry of `stream`, or null. */
function entryProblem(value: unknown, stream: string): string | null {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return "it is not a JSON object";
  const entry = value as Record<string, unknown>;
  if (typeof entry.id !== "string" || !/^[0-9a-f]{64}$/.test(entry.id))
    return "its id is not a sha256";
  if (typeof entry.seq !== "number" || !Number.isSafeInteger(entry.seq) || entry.seq < 1)
    return "its seq is not a positive whole number";
  if (entry.stream !== stream) return `it names the environment ${JSON.stringify(entry.stream)}`;
  if (typeof entry.time !== "string" || typeof entry.phase !== "string")
    return "its time or phase is missing";
  const metadata = entry.metadata as { tags?: unknown } | null | undefined;
  if (typeof metadata !== "object" || metadata === null || !Array.isArray(metadata.tags))
    return "its metadata is missing";
  if (
    typeof entry.files !== "number" ||
    typeof entry.bytes !== "number" ||
    !Array.isArray(entry.components)
  )
    return "its file counts are missing";
  return null;
}

/**
 * Catalog lines of a stream's shards, ordered by seq. A line that is not JSON
 * is a torn append (a crash): skipped, and readCatalog() rebuilds it from its
 * manifest. A line that is JSON but not a catalog entry was written by
 * something else: an INTEGRITY error naming the file and line.
 */
export function parseCatalogLines(shards: readonly CatalogShard[], stream: string): CatalogEntry[] {
  const entries: CatalogEntry[] = [];
  for (const shard of shards) {
    shard.text.split("\n").forEach((line, index) => {
      if (line.trim() === "") return;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        return;
      }
      const problem = entryProblem(value, stream);
      if (problem) {
        throw new SnapgateError(
          "INTEGRITY",
          `Line ${index + 1} of ${shard.path} is not a catalog entry of ${stream}: ${problem}.`,
          {
            fix: `Delete that line: the catalog is only an index, rebuilt from the manifests where a line is missing. Then run \`snapgate verify --all --env ${stream}\` and find out what wrote it.`,
            details: { file: shard.path, line: index + 1 },
          },
        );
      }
      entries.push(value as CatalogEntry);
    });
  }
  return entries.sort((a, b) => a.seq - b.seq);
}
