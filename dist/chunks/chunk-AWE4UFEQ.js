import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  loadSnapshot
} from "./chunk-QNEOUFJD.js";
import {
  scanTree
} from "./chunk-C266N7X3.js";
import {
  diffFileStates
} from "./chunk-MS7OGOB6.js";
import {
  resolveSnapshot
} from "./chunk-DPHRPEIS.js";
import {
  verifyManifestSignature
} from "./chunk-PP22UWMA.js";
import {
  loadSodium
} from "./chunk-AXJEESJ2.js";
import {
  writerSigner
} from "./chunk-JAZ2OF6U.js";
import {
  SnapgateError
} from "./chunk-6KERQ4ZL.js";

// core/snapshot/detect-drift.ts
async function detectDrift(options) {
  const entry = await resolveSnapshot(options.store, "latest", { stream: options.stream });
  const { manifest } = await loadSnapshot(options.store, entry);
  const sodium = await loadSodium();
  const verifyKey = writerSigner(sodium, options.writerKey).verifyKey;
  const where = `${entry.stream}@${entry.seq}`;
  if (manifest.signature.key !== verifyKey) {
    throw new SnapgateError(
      "CONFIG",
      `${where} was written with writer key ${manifest.signature.key}, not with yours (${verifyKey}): keyed ids differ, so every file would look changed.`,
      {
        fix: "Pass the writer key of the job that takes this environment's snapshots (--writer-key or SNAPGATE_WRITER_KEY), or take a new snapshot with your key first."
      }
    );
  }
  if (!verifyManifestSignature(sodium, manifest, [verifyKey]).ok) {
    throw new SnapgateError("INTEGRITY", `The signature of ${where} does not verify.`, {
      fix: "The manifest was altered after it was signed: run `snapgate verify --all` and investigate before trusting it."
    });
  }
  const tree = await scanTree({
    root: options.root,
    paths: options.paths,
    exclude: options.exclude,
    isExcluded: options.isExcluded,
    isExcludedDirectory: options.isExcludedDirectory,
    skipDirectories: options.skipDirectories,
    macKey: options.writerKey.macKey,
    classify: options.classify,
    keepContent: false
  });
  const diff = diffFileStates(manifest.files, tree.states);
  const groups = /* @__PURE__ */ new Map();
  const group = (component) => {
    const key = component ?? null;
    let found = groups.get(key);
    if (!found) {
      found = { component: key, added: [], removed: [], changed: [] };
      groups.set(key, found);
    }
    return found;
  };
  for (const file of diff.added) group(file.component).added.push(file);
  for (const file of diff.removed) group(file.component).removed.push(file);
  for (const change of diff.changed)
    group(change.after.component ?? change.before.component).changed.push(change);
  const components = [...groups.values()].sort(
    (a, b) => a.component === null ? 1 : b.component === null ? -1 : a.component.localeCompare(b.component)
  );
  return {
    snapshot: { id: entry.id, stream: entry.stream, seq: entry.seq, time: entry.time },
    drifted: components.length > 0,
    added: diff.added.length,
    removed: diff.removed.length,
    changed: diff.changed.length,
    unchanged: diff.unchanged,
    components,
    excluded: tree.excluded
  };
}

export {
  detectDrift
};
