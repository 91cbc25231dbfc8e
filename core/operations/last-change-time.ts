import type { CatalogEntry, FileEntry } from "../types.js";
import type { Store } from "../store/store.js";
import { openManifest } from "../snapshot/open-manifest.js";

/** How far back the walk goes: older history costs reads and changes nothing a drill reports. */
const MAX_MANIFESTS = 50;

function fingerprint(files: readonly FileEntry[]): string {
  return files
    .map((file) =>
      file.type === "file"
        ? `${file.path}\0${file.blob}\0${file.mode}`
        : `${file.path}\0->${file.target}`,
    )
    .sort()
    .join("\n");
}

/**
 * When the configuration a snapshot holds appeared: the earliest time of the
 * snapshots, in the unbroken run of earlier snapshots of the stream with the
 * same files, that the walk reaches (at most MAX_MANIFESTS back). Files are
 * compared by keyed id, so nothing is decrypted.
 */
export async function lastChangeTime(
  store: Store,
  entries: readonly CatalogEntry[],
  snapshot: { seq: number; time: string; writtenAt: string; files: readonly FileEntry[] },
): Promise<string> {
  const target = fingerprint(snapshot.files);
  // The earlier of time and write time, as the gate's freshness: --time cannot make it look newer.
  const effective = (m: { time: string; writtenAt: string }) =>
    Math.min(Date.parse(m.time), Date.parse(m.writtenAt));
  let since = effective(snapshot);
  const earlier = entries
    .filter((entry) => entry.seq < snapshot.seq)
    .sort((a, b) => b.seq - a.seq)
    .slice(0, MAX_MANIFESTS);
  for (const entry of earlier) {
    const bytes = await store.readManifest(entry.stream, entry.seq);
    if (!bytes) break;
    const manifest = await openManifest(store, bytes, `manifest ${entry.stream}@${entry.seq}`);
    if (fingerprint(manifest.files) !== target) break;
    since = Math.min(since, effective(manifest));
  }
  return new Date(since).toISOString();
}
