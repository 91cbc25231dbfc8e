/** One entry of a git tree object. `mode` is as git stores it: "100644", "100755", "120000", "160000" or "40000". */
export interface TreeObjectEntry {
  mode: string;
  name: string;
  oid: string;
}

export const TREE_MODE = "40000";

/** Git orders tree entries by name bytes, comparing a subtree as if its name ended with "/". */
function sortKey(entry: TreeObjectEntry): Buffer {
  return Buffer.from(entry.mode === TREE_MODE ? `${entry.name}/` : entry.name);
}

export function encodeTree(entries: readonly TreeObjectEntry[]): Buffer {
  const sorted = [...entries].sort((a, b) => Buffer.compare(sortKey(a), sortKey(b)));
  return Buffer.concat(
    sorted.flatMap((entry) => [
      Buffer.from(`${entry.mode} ${entry.name}\0`),
      Buffer.from(entry.oid, "hex"),
    ]),
  );
}

export function parseTree(content: Buffer): TreeObjectEntry[] {
  const entries: TreeObjectEntry[] = [];
  let offset = 0;
  while (offset < content.length) {
    const space = content.indexOf(0x20, offset);
    const nul = content.indexOf(0, space);
    entries.push({
      mode: content.subarray(offset, space).toString("latin1"),
      name: content.subarray(space + 1, nul).toString("utf8"),
      oid: content.subarray(nul + 1, nul + 21).toString("hex"),
    });
    offset = nul + 21;
  }
  return entries;
}
