import { SnapgateError } from "../../errors.js";
import type { StoreRecord } from "../store.js";
import type { GitHubReader } from "./github-reader.js";
import type { TreeEntry, WriteState } from "./github-store-types.js";

/** Entries for new records on a state, refusing (CONFLICT) if one exists there already. */
export async function recordTreeEntries(
  reader: GitHubReader,
  state: WriteState,
  records: readonly StoreRecord[],
  extra: readonly TreeEntry[] = [],
): Promise<TreeEntry[]> {
  const existing = await reader.existingPaths(
    state.oid,
    records.map((record) => record.path),
  );
  if (existing.length > 0) {
    throw new SnapgateError(
      "CONFLICT",
      `The record ${existing[0]} already exists in ${reader.location}.`,
      {
        fix: "Records are never overwritten; retry, which writes a record with a new name.",
      },
    );
  }
  return [
    ...extra,
    ...records.map((record) => ({
      path: record.path,
      mode: "100644" as const,
      type: "blob" as const,
      content: Buffer.from(record.bytes).toString("utf8"),
    })),
  ];
}
