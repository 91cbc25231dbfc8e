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
import { blobPath, type BlobRef, type Store } from "../store/store.js";
import { rewrapAgeFile } from "./rewrap-age-file.js";
import { rewrapRecordPath } from "./rewrap-record.js";
import { signRewrapRecord } from "./sign-rewrap-record.js";
import { trustedRewrapRecord } from "./trusted-rewrap-record.js";

/** Where rekey is in one blob's steps: a test stops it there to play a crash. */
export type RekeyStep = "written" | "recorded" | "retired";

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
  now?: () => Date;
  onStep?: (step: RekeyStep, old: BlobRef) => void | Promise<void>;
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
  blobs: RekeyedBlob[];
  /** Blobs no identity given opens, or that are missing: left as they are. */
  skipped: { ref: BlobRef; reason: string }[];
}

const key = (ref: BlobRef) => blobPath(ref);

/**
 * Re-wraps every blob the selected snapshots use for a new recipient set
 * (docs/adr/1301-rekey-rewrap-records.md). Per blob, in an order that makes a
 * crash at any point safe to resume: write the new blob (exclusive; a blob of
 * the same content already sealed to the set is reused instead) -> read it back
 * and check it -> write the signed re-wrap record -> delete the old blob. Run
 * again after a crash, it finishes each blob from where it stopped: nothing is
 * lost, and no blob is written twice.
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
  if (!options.dryRun && !store.putBlob) {
    throw new SnapgateError("USAGE", `Re-keying ${store.location} is not supported yet.`, {
      fix: "Re-key a local directory store (a clone of the backup repository's blobs), or wait for GitHub store support (issue 13).",
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
    blobs: [],
    skipped: [],
  };

  // The blobs the selected snapshots name, each once.
  const named = new Map<string, BlobRef>();
  const streams = options.streams?.length ? options.streams : await store.listStreams();
  for (const stream of streams) {
    for (const seq of await store.listManifestSeqs(stream)) {
      const bytes = await store.readManifest(stream, seq);
      if (!bytes) continue;
      for (const file of (await openManifest(store, bytes, `manifest ${stream}@${seq}`)).files) {
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

  for (const start of named.values()) {
    // Where the payload is now: the named blob, or the end of its re-wrap records. An old blob
    // whose record and new blob exist is retired here (a run that stopped before doing it).
    let current = start;
    let resumed = false;
    let dangling = false;
    for (let hop = 0; hop < 16; hop++) {
      const bytes = await store.readRecord(rewrapRecordPath(current));
      const record = bytes ? trustedRewrapRecord(sodium, bytes, trusted) : undefined;
      if (!record) break;
      if (!present.has(key(record.new))) {
        dangling = true;
        break;
      }
      if (present.has(key(current))) {
        if (!options.dryRun) await retire(store, current, options);
        present.delete(key(current));
        resumed = true;
      }
      current = record.new;
    }
    if (current.recipientSet === set && present.has(key(current))) {
      result.blobs.push({
        old: start,
        new: current === start ? null : current,
        state: resumed ? "resumed" : "current",
      });
      continue;
    }
    if (dangling) {
      result.skipped.push({
        ref: current,
        reason: "its re-wrap record names a blob that is missing from the store",
      });
      continue;
    }
    if (!present.has(key(current))) {
      result.skipped.push({ ref: current, reason: "missing from the store" });
      continue;
    }
    const existing = sealedToSet.get(`${current.id}/${current.encoding}`);
    if (options.dryRun) {
      result.blobs.push({ old: current, new: existing ?? null, state: "would-rewrap" });
      continue;
    }
    let next: BlobRef;
    let payloadBytes: number;
    const oldBytes = await store.readBlob(current);
    if (!oldBytes || sha256Hex(oldBytes) !== current.sha256) {
      result.skipped.push({ ref: current, reason: "damaged: its bytes do not match its name" });
      continue;
    }
    try {
      const rewrapped = await rewrapAgeFile(age, oldBytes, identities, sealers, blobPath(current));
      payloadBytes = rewrapped.payloadLength;
      if (existing) {
        // Written by an interrupted run (or a snapshot of the same content): the same content
        // sealed to the same set. It is checked like a new one, and not written twice.
        next = existing;
      } else {
        next = { ...current, sha256: sha256Hex(rewrapped.bytes), recipientSet: set };
        await store.putBlob?.({ ...next, ciphertext: rewrapped.bytes });
        await options.onStep?.("written", current);
      }
    } catch (error) {
      if (!isSnapgateError(error) || (error.code !== "WRONG_KEY" && error.code !== "INTEGRITY")) {
        throw error;
      }
      result.skipped.push({ ref: current, reason: error.summary });
      continue;
    }
    // Checked before the old one goes: it is there and holds what its name says.
    const readBack = await store.readBlob(next);
    if (!readBack || sha256Hex(readBack) !== next.sha256) {
      throw new SnapgateError(
        "INTEGRITY",
        `The re-wrapped blob ${blobPath(next)} did not read back intact; ${blobPath(current)} was kept.`,
        { fix: "Check the store's disk, then run rekey again: it resumes where it stopped." },
      );
    }
    const signed = signRewrapRecord(
      sodium,
      {
        format: "snapgate.rewrap/v1",
        old: current,
        new: next,
        recipients,
        payloadBytes,
        time: now().toISOString(),
      },
      options.writerKey,
    );
    await store.writeRecords([
      {
        path: rewrapRecordPath(current),
        bytes: new TextEncoder().encode(`${JSON.stringify(signed, null, 2)}\n`),
      },
    ]);
    await options.onStep?.("recorded", current);
    await retire(store, current, options);
    present.delete(key(current));
    present.add(key(next));
    sealedToSet.set(`${next.id}/${next.encoding}`, next);
    result.blobs.push({ old: current, new: next, state: "rewrapped" });
  }
  return result;
}

/** The old blob goes only after its record is written: a reader always finds one of the two. */
async function retire(store: Store, old: BlobRef, options: RekeyOptions): Promise<void> {
  await store.deleteBlobs([old]);
  await options.onStep?.("retired", old);
}
