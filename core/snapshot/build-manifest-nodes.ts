import { createHash } from "node:crypto";
import {
  MANIFEST_NODE_FORMAT,
  MANIFEST_NODE_V2_FORMAT,
  type FileEntry,
  type ManifestNode,
} from "../types.js";
import type { NodeFile } from "../store/store.js";
import { sha256Hex } from "../crypto/sha256-hex.js";

/**
 * A node ends after a file whose path hashes below this (1 in 16): boundaries
 * depend on paths alone, so a changed file rewrites only its own node and an
 * added or removed one at most two. ADR 1101 has the measurements.
 */
const BOUNDARY_BELOW = 256 / 16;
/** And after this many entries whatever the hashes, so no node grows without bound. */
const MAX_NODE_FILES = 64;

export interface ManifestNodes {
  /** Node ids in order: what the root signs. */
  ids: string[];
  /** One file per distinct id. */
  files: NodeFile[];
}

/**
 * Splits a snapshot's file entries (in manifest order) into content-addressed
 * nodes. `shape` exists for the measurements of ADR 1101 (bench/manifest-layouts.ts).
 */
export function buildManifestNodes(
  entries: readonly FileEntry[],
  shape: { boundaryBelow: number; maxFiles: number } = {
    boundaryBelow: BOUNDARY_BELOW,
    maxFiles: MAX_NODE_FILES,
  },
): ManifestNodes {
  const ids: string[] = [];
  const files = new Map<string, NodeFile>();
  let run: FileEntry[] = [];
  const close = () => {
    if (run.length === 0) return;
    // v2 only where needed: a node without packed entries keeps its v1 bytes, hence its id.
    const packed = run.some((entry) => entry.type === "file" && entry.pack !== undefined);
    const node: ManifestNode = {
      format: packed ? MANIFEST_NODE_V2_FORMAT : MANIFEST_NODE_FORMAT,
      files: run,
    };
    const bytes = new TextEncoder().encode(JSON.stringify(node));
    const id = sha256Hex(bytes);
    ids.push(id);
    if (!files.has(id)) files.set(id, { id, bytes });
    run = [];
  };
  for (const entry of entries) {
    run.push(entry);
    const cut = (createHash("sha256").update(entry.path).digest()[0] ?? 0) < shape.boundaryBelow;
    if (cut || run.length >= shape.maxFiles) close();
  }
  close();
  return { ids, files: [...files.values()] };
}
