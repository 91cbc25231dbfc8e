import { SnapgateError } from "../errors.js";
import type { CatalogEntry, Manifest } from "../types.js";
import type { Store } from "../store/store.js";
import { sha256Hex } from "../crypto/sha256-hex.js";
import { openManifest } from "./open-manifest.js";

export interface LoadedSnapshot {
  id: string;
  manifest: Manifest;
  bytes: Uint8Array;
}

/** Reads a snapshot's manifest and checks it is the one the catalog names. */
export async function loadSnapshot(
  store: Store,
  entry: Pick<CatalogEntry, "stream" | "seq" | "id">,
): Promise<LoadedSnapshot> {
  const where = `manifest ${entry.stream}@${entry.seq}`;
  const bytes = await store.readManifest(entry.stream, entry.seq);
  if (!bytes) {
    // The catalog (or a head) names it: a lost manifest is damage, not a typo.
    throw new SnapgateError("INTEGRITY", `The ${where} is missing from ${store.location}.`, {
      fix: "The store lost a manifest: run `snapgate verify --all`, restore the store from its replica, and restore from another snapshot meanwhile (ENV@SEQ).",
    });
  }
  const id = sha256Hex(bytes);
  if (id !== entry.id) {
    throw new SnapgateError(
      "INTEGRITY",
      `The ${where} does not match its catalog entry (sha256 ${id.slice(0, 16)}, catalog ${entry.id.slice(0, 16)}).`,
      {
        fix: "The manifest or catalog was altered; run `snapgate verify --all` and do not restore from it.",
      },
    );
  }
  // v2: the nodes too, each checked against the id the root names.
  const manifest = await openManifest(store, bytes, where);
  if (manifest.stream !== entry.stream || manifest.seq !== entry.seq) {
    throw new SnapgateError(
      "INTEGRITY",
      `The ${where} says it is ${manifest.stream}@${manifest.seq}.`,
      {
        fix: "A manifest was copied to the wrong place; do not restore from it and run `snapgate verify --all`.",
      },
    );
  }
  return { id, manifest, bytes };
}
