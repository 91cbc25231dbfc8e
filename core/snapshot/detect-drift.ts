import { SnapgateError } from "../errors.js";
import type { CatalogEntry } from "../types.js";
import type { Store } from "../store/store.js";
import { verifyManifestSignature } from "../crypto/manifest-signature.js";
import { loadSodium } from "../crypto/sodium.js";
import { writerSigner, type WriterKey } from "../crypto/writer-key.js";
import { diffFileStates, type FileChange, type FileState } from "./diff-file-states.js";
import { loadSnapshot } from "./load-snapshot.js";
import { resolveSnapshot } from "./resolve-snapshot.js";
import { scanTree, type FileClassification } from "./scan-tree.js";

export interface DriftOptions {
  store: Store;
  stream: string;
  root: string;
  paths: readonly string[];
  exclude?: readonly string[];
  isExcluded?: (path: string) => boolean;
  isExcludedDirectory?: (path: string) => boolean;
  classify?: (path: string) => FileClassification;
  skipDirectories?: readonly string[];
  /** The writer key of the stream's snapshots: its MAC key gives comparable ids. */
  writerKey: WriterKey;
}

export interface ComponentDrift {
  /** null: files in no component. */
  component: string | null;
  added: FileState[];
  removed: FileState[];
  changed: FileChange[];
}

export interface DriftReport {
  snapshot: Pick<CatalogEntry, "id" | "stream" | "seq" | "time">;
  drifted: boolean;
  added: number;
  removed: number;
  changed: number;
  unchanged: number;
  /** Sorted by component name, files in no component last. */
  components: ComponentDrift[];
  excluded: string[];
}

/**
 * Live files against the stream's latest snapshot, by keyed id: the files are
 * hashed with the writer key's MAC key and compared with the manifest's blob
 * ids, so nothing is decrypted (drift needs no identity). Changes are grouped
 * by component: the live classification for added files, the recorded one
 * for removed files.
 */
export async function detectDrift(options: DriftOptions): Promise<DriftReport> {
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
        fix: "Pass the writer key of the job that takes this environment's snapshots (--writer-key or SNAPGATE_WRITER_KEY), or take a new snapshot with your key first.",
      },
    );
  }
  if (!verifyManifestSignature(sodium, manifest, [verifyKey]).ok) {
    throw new SnapgateError("INTEGRITY", `The signature of ${where} does not verify.`, {
      fix: "The manifest was altered after it was signed: run `snapgate verify --all` and investigate before trusting it.",
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
    keepContent: false,
  });
  const diff = diffFileStates(manifest.files, tree.states);

  const groups = new Map<string | null, ComponentDrift>();
  const group = (component: string | undefined): ComponentDrift => {
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

  const components = [...groups.values()].sort((a, b) =>
    a.component === null ? 1 : b.component === null ? -1 : a.component.localeCompare(b.component),
  );
  return {
    snapshot: { id: entry.id, stream: entry.stream, seq: entry.seq, time: entry.time },
    drifted: components.length > 0,
    added: diff.added.length,
    removed: diff.removed.length,
    changed: diff.changed.length,
    unchanged: diff.unchanged,
    components,
    excluded: tree.excluded,
  };
}
