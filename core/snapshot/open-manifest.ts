import { SnapgateError } from "../errors.js";
import { MANIFEST_V2_FORMAT, type Manifest } from "../types.js";
import type { Store } from "../store/store.js";
import { parseManifest } from "./parse-manifest.js";
import { parseManifestNode } from "./parse-manifest-node.js";

/**
 * Parses manifest bytes and, for a v2 root, reads its nodes and checks each
 * against its id: the result lists every file whatever the format. Node reads
 * are issued together so a GitHub store batches them (100 per query), and a
 * node two roots share is read once per call.
 */
export async function openManifest(
  store: Pick<Store, "readNode" | "location">,
  bytes: Uint8Array,
  where: string,
): Promise<Manifest> {
  const record = parseManifest(bytes, where);
  const ids = record.nodes;
  if (record.format !== MANIFEST_V2_FORMAT || !ids) return record as Manifest;
  const unique = [...new Set(ids)];
  const read = await Promise.all(unique.map((id) => store.readNode(id)));
  const nodes = new Map(
    unique.map((id, index) => {
      const node = read[index];
      if (!node) {
        throw new SnapgateError(
          "INTEGRITY",
          `${where} names node ${id.slice(0, 12)}, which is missing from ${store.location}.`,
          {
            fix: "If the snapshot was forgotten, prune removed its nodes with its blobs (`snapgate list --forgotten`): use another snapshot. Otherwise the store lost a node: run `snapgate verify --all` and restore the store from its replica.",
          },
        );
      }
      return [id, parseManifestNode(node, id, where)] as const;
    }),
  );
  return { ...record, files: ids.flatMap((id) => nodes.get(id)?.files ?? []) };
}
