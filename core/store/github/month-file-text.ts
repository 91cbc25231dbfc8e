import type { GitHubReader } from "./github-reader.js";
import type { WriteState } from "./github-store-types.js";

/**
 * The text of a month file (a stream's catalog, the audit log) at the state's
 * commit, for the month a commit writes. The state holds the file of the month
 * it was read in; a snapshot begun at 23:59:59 on the last day of a month
 * commits into the next month's file, which must start from that file's own
 * text, not the previous month's lines.
 */
export async function monthFileText(
  reader: GitHubReader,
  state: WriteState,
  kind: "catalog" | "audit",
  path: string,
): Promise<string> {
  const text =
    path === state.monthPaths[kind]
      ? await reader.blobText(state[kind])
      : await reader.fileTextAt(state.oid, path);
  return text ?? "";
}
