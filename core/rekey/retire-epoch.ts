import { retiredEpochPath } from "./retired-epoch-path.js";
import { distinctRecipients } from "../crypto/distinct-recipients.js";
import { loadSodium } from "../crypto/sodium.js";
import { SnapgateError } from "../errors.js";
import type { Policy } from "../policy/policy.js";
import { openManifest } from "../snapshot/open-manifest.js";
import { recipientsOfFile } from "../snapshot/recipients-of-file.js";
import { selectSnapshots } from "../snapshot/select-snapshots.js";
import type { Store } from "../store/store.js";
import { rewrappedManifestView } from "./rewrapped-manifest-view.js";

export interface EpochNeed {
  id: string;
  stream: string;
  seq: number;
  /** Files only the retiring epoch's identities open (the first few). */
  paths: string[];
}

export interface RetireEpochResult {
  epoch: string;
  /** Its recipients whose identities may be destroyed (not used by another epoch or keys.recipients). */
  retiring: string[];
  retired: boolean;
  record: string | null;
  /** Snapshots under retention (not forgotten) that would become unreadable. */
  needed: EpochNeed[];
}

/**
 * Marks a key epoch's identities retired (crypto-shredding: after this, their
 * secret keys are to be destroyed) once no snapshot under retention needs
 * them: a snapshot needs them while some file of it opens only with them
 * (after any re-wrap records). Refuses, listing those snapshots, otherwise.
 */
export async function retireEpoch(options: {
  store: Store;
  policy: Pick<Policy, "keys">;
  epoch: string;
  trustedKeys: readonly string[];
  dryRun?: boolean;
  now?: () => Date;
}): Promise<RetireEpochResult> {
  const { store, policy } = options;
  const epochs = policy.keys.epochs ?? [];
  const epoch = epochs.find((candidate) => candidate.name === options.epoch);
  if (!epoch) {
    throw new SnapgateError("USAGE", `The policy has no key epoch '${options.epoch}'.`, {
      fix: `Name one of keys.epochs: ${epochs.map((e) => e.name).join(", ") || "(none defined)"}.`,
    });
  }
  const staying = new Set([
    ...policy.keys.recipients,
    ...epochs.filter((other) => other !== epoch).flatMap((other) => other.recipients),
  ]);
  const retiring = distinctRecipients(epoch.recipients).filter((r) => !staying.has(r));
  const result: RetireEpochResult = {
    epoch: epoch.name,
    retiring,
    retired: false,
    record: null,
    needed: [],
  };
  const sodium = await loadSodium();
  const { snapshots, forgotten } = await selectSnapshots(store, { all: true });
  for (const entry of snapshots) {
    if (forgotten.has(entry.id)) continue;
    const bytes = await store.readManifest(entry.stream, entry.seq);
    if (!bytes) continue;
    const manifest = await openManifest(store, bytes, `manifest ${entry.stream}@${entry.seq}`);
    const view = await rewrappedManifestView(store, manifest, sodium, options.trustedKeys);
    const lost = view.files.filter((file) => {
      if (file.type !== "file") return false;
      const recipients = recipientsOfFile(view, file);
      return recipients.length > 0 && recipients.every((r) => retiring.includes(r));
    });
    if (lost.length > 0) {
      result.needed.push({
        id: entry.id,
        stream: entry.stream,
        seq: entry.seq,
        paths: lost.slice(0, 5).map((file) => file.path),
      });
    }
  }
  if (result.needed.length > 0 || options.dryRun) return result;
  const path = retiredEpochPath(epoch.name);
  const at = (options.now ?? (() => new Date()))().toISOString();
  await store.writeRecords([
    {
      path,
      bytes: new TextEncoder().encode(
        `${JSON.stringify({ format: "snapgate.epoch-retired/v1", epoch: epoch.name, recipients: retiring, retiredAt: at }, null, 2)}\n`,
      ),
    },
  ]);
  return { ...result, retired: true, record: path };
}
