import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  openManifest
} from "./chunk-7BAZV6R7.js";
import {
  sha256Hex
} from "./chunk-U2VA4CFL.js";
import {
  SnapgateError
} from "./chunk-6KERQ4ZL.js";

// core/snapshot/load-snapshot.ts
async function loadSnapshot(store, entry) {
  const where = `manifest ${entry.stream}@${entry.seq}`;
  const bytes = await store.readManifest(entry.stream, entry.seq);
  if (!bytes) {
    throw new SnapgateError("INTEGRITY", `The ${where} is missing from ${store.location}.`, {
      fix: "The store lost a manifest: run `snapgate verify --all`, restore the store from its replica, and restore from another snapshot meanwhile (ENV@SEQ)."
    });
  }
  const id = sha256Hex(bytes);
  if (id !== entry.id) {
    throw new SnapgateError(
      "INTEGRITY",
      `The ${where} does not match its catalog entry (sha256 ${id.slice(0, 16)}, catalog ${entry.id.slice(0, 16)}).`,
      {
        fix: "The manifest or catalog was altered; run `snapgate verify --all` and do not restore from it."
      }
    );
  }
  const manifest = await openManifest(store, bytes, where);
  if (manifest.stream !== entry.stream || manifest.seq !== entry.seq) {
    throw new SnapgateError(
      "INTEGRITY",
      `The ${where} says it is ${manifest.stream}@${manifest.seq}.`,
      {
        fix: "A manifest was copied to the wrong place; do not restore from it and run `snapgate verify --all`."
      }
    );
  }
  return { id, manifest, bytes };
}

export {
  loadSnapshot
};
