import type { Identity, Recipient } from "age-encryption";
import { OpenSslX25519Identity, OpenSslX25519Recipient } from "../crypto/age-x25519.js";
import { parseRecipient } from "../crypto/age-keys.js";
import { loadAge } from "../crypto/age-library.js";
import { distinctRecipients } from "../crypto/distinct-recipients.js";
import { recipientSetId } from "../crypto/recipient-set-id.js";
import { sha256Hex } from "../crypto/sha256-hex.js";
import { loadSodium } from "../crypto/sodium.js";
import { writerSigner, type WriterKey } from "../crypto/writer-key.js";
import { isSnapgateError, SnapgateError } from "../errors.js";
import { blobRefOf } from "../snapshot/blob-ref-of.js";
import { openManifest } from "../snapshot/open-manifest.js";
import { blobPath, type BlobRef, type Store, type StoreRecord } from "../store/store.js";
import { rewrapAgeFile } from "./rewrap-age-file.js";
import { rewrapRecordPath } from "./rewrap-record.js";
import { signRewrapRecord } from "./sign-rewrap-record.js";
import { trustedRewrapRecord } from "./trusted-rewrap-record.js";

/** Where rekey is in one blob's steps: a test stops it there to play a crash. */
export type RekeyStep = "written" | "recorded" | "retired";

/** Blobs re-wrapped per batch unless --batch-size says otherwise: one GitHub read query each. */
export const DEFAULT_REKEY_BATCH = 100;

export interface RekeyProgress {
  batch: number;
  batches: number;
  /** Blobs finished (re-wrapped, resumed, current or skipped) of `total`. */
  done: number;
  total: number;
}

export interface RekeyOptions {
  store: Store;
  /** Secret keys of identities that open the blobs now. */
  identities: readonly Uint8Array[];
  /** The new recipient set (age1...). */
  recipients: readonly string[];
  /** Signs the re-wrap records; its verify key must be in keys.writers for readers to follow them. */
  writerKey: WriterKey;
  /** Keys whose earlier re-wrap records are followed (the writer key's own is always trusted). */
  trustedKeys?: readonly string[];
  /** Only the blobs these environments' snapshots use (default: every environment). */
  streams?: readonly string[];
  dryRun?: boolean;
  /** Blobs per batch (default DEFAULT_REKEY_BATCH): on GitHub, two commits per batch whatever its size. */
  batchSize?: number;
  now?: () => Date;
  onStep?: (step: RekeyStep, old: BlobRef) => void | Promise<void>;
  /** After each batch (and after the retirements a resumed run finishes first, as batch 0). */
  onProgress?: (progress: RekeyProgress) => void;
}

export interface RekeyedBlob {
  old: BlobRef;
  new: BlobRef | null;
  /** rewrapped: done now; resumed: finished what an interrupted run started; current: already sealed to the set. */
  state: "rewrapped" | "resumed" | "current" | "would-rewrap";
}

export interface RekeyResult {
  dryRun: boolean;
  recipientSet: string;
  recipients: string[];
  /** Blobs per batch this run used. */
  batchSize: number;
  /** Batches of blobs re-wrapped (not counting the retirements of an interrupted run). */
  batches: number;
  blobs: RekeyedBlob[];
  /** Blobs no identity given opens, or that are missing: left as they are. */
  skipped: { ref: BlobRef; reason: string }[];
}

const key = (ref: BlobRef) => blobPath(ref);

/** One named blob followed through its re-wrap records. */
interface Traced {
  start: BlobRef;
  current: BlobRef;
  /** Old blobs an interrupted run re-wrapped and recorded but did not delete, with what replaced them. */
  retire: { old: BlobRef; next: BlobRef }[];
  dangling: boolean;
}

/** A blob to re-wrap in this run, once re-wrapped in memory. */
interface Prepared {
  old: BlobRef;
  next: BlobRef;
  /** Absent when a blob of the same content already sealed to the set is reused. */
  bytes?: Uint8Array;
  record: StoreRecord;
}

/**
 * Re-wraps every blob the selected snapshots use for a new recipient set
 * (docs/adr/1301-rekey-rewrap-records.md, 1303), in batches. Per blob, in an
 * order that makes a crash at any point safe to resume: write the new blob
 * (exclusive; a blob of the same content already sealed to the set is reused
 * instead) -> check it -> write the signed re-wrap record -> delete the old
 * blob. A store with commits (GitHub) writes a batch's new blobs and records as
 * one commit, reads them back, then deletes the batch's old blobs as a second:
 * two commits per batch. Run again after a crash, it finishes each blob from
 * where it stopped: nothing is lost, and no blob is written twice.
 */
export async function rekeyStore(options: RekeyOptions): Promise<RekeyResult> {
  const { store } = options;
  await store.assertExists();
  const recipients = distinctRecipients(options.recipients);
  if (recipients.length === 0) {
    throw new SnapgateError("USAGE", "No new recipient was given.", {
      fix: "Pass --recipient age1... for each key that should open the backups from now on.",
    });
  }
  const batchSize = options.batchSize ?? DEFAULT_REKEY_BATCH;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new SnapgateError("USAGE", `A batch size of ${batchSize} blobs is not possible.`, {
      fix: "Pass --batch-size with a whole number of blobs, 1 or more (default 100).",
    });
  }
  if (!options.dryRun && !store.putBlob && !store.putBlobsWithRecords) {
    throw new SnapgateError("USAGE", `Re-keying ${store.location} is not supported.`, {
      fix: "Re-key a local directory store or a GitHub store (github://OWNER/REPO).",
    });
  }
  const [sodium, age] = await Promise.all([loadSodium(), loadAge()]);
  const set = recipientSetId(recipients);
  const identities: Identity[] = options.identities.map(
    (secret) => new OpenSslX25519Identity(secret),
  );
  const sealers: Recipient[] = recipients.map(
    (recipient) => new OpenSslX25519Recipient(parseRecipient(recipient)),
  );
  const ownKey = writerSigner(sodium, options.writerKey).verifyKey;
  const trusted = [...new Set([...(options.trustedKeys ?? []), ownKey])];
  const now = options.now ?? (() => new Date());
  const result: RekeyResult = {
    dryRun: options.dryRun === true,
    recipientSet: set,
    recipients,
    batchSize,
    batches: 0,
    blobs: [],
    skipped: [],
  };

  // The blobs the selected snapshots name, each once. A stream's manifests are read together
  // (one query per 100 on GitHub).
  const named = new Map<string, BlobRef>();
  const streams = options.streams?.length ? options.streams : await store.listStreams();
  for (const stream of streams) {
    const seqs = await store.listManifestSeqs(stream);
    const manifests = await Promise.all(seqs.map((seq) => store.readManifest(stream, seq)));
    for (const [index, bytes] of manifests.entries()) {
      if (!bytes) continue;
      const where = `manifest ${stream}@${seqs[index]}`;
      for (const file of (await openManifest(store, bytes, where)).files) {
        if (file.type === "file") named.set(key(blobRefOf(file)), blobRefOf(file));
      }
    }
  }
  const listed = await store.listBlobs();
  const present = new Set(listed.map(({ modifiedAt: _m, ...ref }) => key(ref)));
  const sealedToSet = new Map<string, BlobRef>();
  for (const { modifiedAt: _m, ...ref } of listed) {
    if (ref.recipientSet === set) sealedToSet.set(`${ref.id}/${ref.encoding}`, ref);
  }

  // Where each payload is now: the named blob, or the end of its re-wrap records. One listing
  // of rewraps/, then the records that exist, all of a hop at once.
  const recordPaths = new Set(await store.listRecords("rewraps"));
  const traced: Traced[] = [...named.values()].map((start) => ({
    start,
    current: start,
    retire: [],
    dangling: false,
  }));
  for (let hop = 0; hop < 16; hop++) {
    const moving = traced.filter(
      (t) => !t.dangling && recordPaths.has(rewrapRecordPath(t.current)),
    );
    if (moving.length === 0) break;
    const bytes = await Promise.all(
      moving.map((t) => store.readRecord(rewrapRecordPath(t.current))),
    );
    let moved = false;
    for (const [index, t] of moving.entries()) {
      const raw = bytes[index];
      const record = raw ? trustedRewrapRecord(sodium, raw, trusted) : undefined;
      if (!record || record.old.id !== t.current.id || record.old.sha256 !== t.current.sha256) {
        recordPaths.delete(rewrapRecordPath(t.current));
        continue;
      }
      // A new blob re-wrapped again since (a second rotation) is followed through its own record.
      if (!present.has(key(record.new)) && !recordPaths.has(rewrapRecordPath(record.new))) {
        t.dangling = true;
        continue;
      }
      if (present.has(key(t.current))) t.retire.push({ old: t.current, next: record.new });
      t.current = record.new;
      moved = true;
    }
    if (!moved) break;
  }

  const work: BlobRef[] = [];
  const resumable: Traced[] = [];
  for (const t of traced) {
    if (t.current.recipientSet === set && present.has(key(t.current))) {
      if (t.retire.length > 0) resumable.push(t);
      else
        result.blobs.push({
          old: t.start,
          new: t.current === t.start ? null : t.current,
          state: "current",
        });
      continue;
    }
    if (t.dangling) {
      result.skipped.push({
        ref: t.current,
        reason: "its re-wrap record names a blob that is missing from the store",
      });
      continue;
    }
    if (!present.has(key(t.current))) {
      result.skipped.push({ ref: t.current, reason: "missing from the store" });
      continue;
    }
    // Re-wrapped to another set before: that old blob goes too, once this one is re-wrapped.
    if (t.retire.length > 0) resumable.push(t);
    work.push(t.current);
  }
  const total = named.size;
  const progress = (batch: number, batches: number) =>
    options.onProgress?.({
      batch,
      batches,
      done: result.blobs.length + result.skipped.length,
      total,
    });

  // A run that stopped between writing records and deleting old blobs: each new blob is read
  // back and checked against its record before the old one goes (one commit on GitHub).
  if (resumable.length > 0) {
    const pairs = resumable.flatMap((t) => t.retire);
    let good = pairs;
    if (!options.dryRun) {
      const intact = await readBackIntact(
        store,
        pairs.map((p) => p.next),
      );
      good = pairs.filter((_, index) => intact[index]);
      await retire(
        store,
        good.map((p) => p.old),
        options,
      );
    }
    for (const t of resumable) {
      if (t.current.recipientSet !== set) continue;
      const ok = t.retire.every((p) => good.includes(p));
      if (ok) result.blobs.push({ old: t.start, new: t.current, state: "resumed" });
      else
        result.skipped.push({
          ref: t.current,
          reason:
            "its re-wrapped blob does not hash to what its record says; the old blob was kept",
        });
    }
    progress(0, Math.ceil(work.length / batchSize));
  }

  const batches = Math.ceil(work.length / batchSize);
  for (let batch = 0; batch < batches; batch++) {
    const refs = work.slice(batch * batchSize, (batch + 1) * batchSize);
    if (options.dryRun) {
      for (const old of refs) {
        const existing = sealedToSet.get(`${old.id}/${old.encoding}`);
        result.blobs.push({ old, new: existing ?? null, state: "would-rewrap" });
      }
      progress(batch + 1, batches);
      continue;
    }
    const oldBytes = await Promise.all(refs.map((ref) => store.readBlob(ref)));
    const prepared: Prepared[] = [];
    for (const [index, old] of refs.entries()) {
      const bytes = oldBytes[index];
      if (!bytes || sha256Hex(bytes) !== old.sha256) {
        result.skipped.push({ ref: old, reason: "damaged: its bytes do not match its name" });
        continue;
      }
      let rewrapped: { bytes: Uint8Array; payloadLength: number };
      try {
        rewrapped = await rewrapAgeFile(age, bytes, identities, sealers, blobPath(old));
      } catch (error) {
        if (!isSnapgateError(error) || (error.code !== "WRONG_KEY" && error.code !== "INTEGRITY")) {
          throw error;
        }
        result.skipped.push({ ref: old, reason: error.summary });
        continue;
      }
      // Written by an interrupted run (or a snapshot of the same content): the same content
      // sealed to the same set. It is checked like a new one, and not written twice.
      const existing = sealedToSet.get(`${old.id}/${old.encoding}`);
      const next: BlobRef = existing ?? {
        ...old,
        sha256: sha256Hex(rewrapped.bytes),
        recipientSet: set,
      };
      const signed = signRewrapRecord(
        sodium,
        {
          format: "snapgate.rewrap/v1",
          old,
          new: next,
          recipients,
          payloadBytes: rewrapped.payloadLength,
          time: now().toISOString(),
        },
        options.writerKey,
      );
      prepared.push({
        old,
        next,
        ...(existing ? {} : { bytes: rewrapped.bytes }),
        record: {
          path: rewrapRecordPath(old),
          bytes: new TextEncoder().encode(`${JSON.stringify(signed, null, 2)}\n`),
        },
      });
    }
    if (store.putBlobsWithRecords) {
      // One commit: a reader finds a batch's new blobs and records together or not at all.
      await store.putBlobsWithRecords(
        prepared.flatMap((p) => (p.bytes ? [{ ...p.next, ciphertext: p.bytes }] : [])),
        prepared.map((p) => p.record),
      );
      for (const p of prepared) await options.onStep?.("written", p.old);
      for (const p of prepared) await options.onStep?.("recorded", p.old);
    } else {
      for (const p of prepared) {
        if (p.bytes) {
          await store.putBlob?.({ ...p.next, ciphertext: p.bytes });
          await options.onStep?.("written", p.old);
        }
        // Checked before the record names it: it is there and holds what its name says.
        await assertReadBack(store, [p]);
        await store.writeRecords([p.record]);
        await options.onStep?.("recorded", p.old);
      }
    }
    // Checked before the old ones go (read together: one query on GitHub).
    if (store.putBlobsWithRecords) await assertReadBack(store, prepared);
    await retire(
      store,
      prepared.map((p) => p.old),
      options,
    );
    for (const p of prepared) {
      present.delete(key(p.old));
      present.add(key(p.next));
      sealedToSet.set(`${p.next.id}/${p.next.encoding}`, p.next);
      result.blobs.push({ old: p.old, new: p.next, state: "rewrapped" });
    }
    result.batches++;
    progress(batch + 1, batches);
  }
  return result;
}

/** Whether each blob reads back with the bytes its name says; all read together. */
async function readBackIntact(store: Store, refs: readonly BlobRef[]): Promise<boolean[]> {
  const bytes = await Promise.all(refs.map((ref) => store.readBlob(ref)));
  return refs.map((ref, index) => {
    const read = bytes[index];
    return read !== null && read !== undefined && sha256Hex(read) === ref.sha256;
  });
}

async function assertReadBack(store: Store, prepared: readonly Prepared[]): Promise<void> {
  const intact = await readBackIntact(
    store,
    prepared.map((p) => p.next),
  );
  const bad = prepared.find((_, index) => !intact[index]);
  if (bad) {
    throw new SnapgateError(
      "INTEGRITY",
      `The re-wrapped blob ${blobPath(bad.next)} did not read back intact; ${blobPath(bad.old)} was kept.`,
      { fix: "Check the store, then run rekey again: it resumes where it stopped." },
    );
  }
}

/** Old blobs go only after their records are written: a reader always finds one of the two. */
async function retire(
  store: Store,
  olds: readonly BlobRef[],
  options: RekeyOptions,
): Promise<void> {
  if (olds.length === 0) return;
  await store.deleteBlobs(olds);
  for (const old of olds) await options.onStep?.("retired", old);
}
