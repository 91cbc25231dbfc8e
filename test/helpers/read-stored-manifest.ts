import { openManifest } from "../../core/snapshot/open-manifest.js";
import { manifestPath, type Store } from "../../core/store/store.js";
import { MANIFEST_FORMAT, type Manifest, type ManifestBody } from "../../core/types.js";

/** A stored manifest with every file, whatever its format (a v2 root's nodes are read and hash-checked). */
export async function readStoredManifest(
  store: Store,
  stream: string,
  seq: number,
): Promise<Manifest> {
  const bytes = await store.readManifest(stream, seq);
  if (!bytes) throw new Error(`no ${manifestPath(stream, seq)} in ${store.location}`);
  return openManifest(store, bytes, `${stream}@${seq}`);
}

/** The unsigned v1 body of a manifest read with readStoredManifest: what tests re-sign to craft one. */
export function v1BodyOf(manifest: Manifest): ManifestBody {
  const { signature: _signature, nodes: _nodes, ...body } = manifest;
  return { ...body, format: MANIFEST_FORMAT };
}
