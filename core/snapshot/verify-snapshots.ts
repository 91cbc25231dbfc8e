import { SnapgateError, isSnapgateError } from "../errors.js";
import type { CatalogEntry, Manifest, RegularFileEntry } from "../types.js";
import type { Store } from "../store/store.js";
import type { BlobOpener } from "../crypto/blob-opener.js";
import { computeBlobId } from "../crypto/blob-id.js";
import { sha256Hex } from "../crypto/sha256-hex.js";
import { blobSha256 } from "./blob-sha256.js";
import { loadSodium } from "../crypto/sodium.js";
import type { WriterKey } from "../crypto/writer-key.js";
import { openManifest } from "./open-manifest.js";
import { parseManifest, type ManifestRecord } from "./parse-manifest.js";
import { signatureProblem } from "./signature-problem.js";
import type { Policy, WriterKeyRule } from "../policy/policy.js";
import { epochGaps } from "../rekey/epoch-gaps.js";
import { openVerifiedBlob } from "./open-verified-blob.js";
import { forEachBlobWindow } from "./for-each-blob-window.js";
import { rewrapResolver } from "../rekey/rewrap-resolver.js";
import { verifiedRewraps } from "../rekey/verified-rewraps.js";
import type { RewrapRecord } from "../rekey/rewrap-record.js";
import { recipientSetId } from "../crypto/recipient-set-id.js";
import { recipientGaps } from "./recipient-gaps.js";
import { recipientsOfFile } from "./recipients-of-file.js";

export type VerifyLevel = "structure" | "restore";

export type ProblemKind =
  | "manifest"
  | "signature"
  | "chain"
  | "missing-blob"
  | "tampered-blob"
  | "decrypt"
  | "content-id"
  /** A file some of the snapshot's recipients cannot open (its blob is sealed to other keys). */
  | "recipients"
  /** `snapgate rekey` re-wrapped the file to a recipient set the identity given is not in. */
  | "rewrapped";

export interface VerifyProblem {
  kind: ProblemKind;
  message: string;
  fix: string;
  path?: string;
}

export interface SnapshotVerification {
  id: string;
  stream: string;
  seq: number;
  ok: boolean;
  /** Forgotten (tombstoned): its manifest, signature and chain link are checked, not its blobs. */
  forgotten: boolean;
  problems: VerifyProblem[];
  /**
   * With a policy that names key epochs: files no current identity opens (a
   * warning, not a problem: the snapshot is fine until that epoch is retired).
   */
  epochGaps?: string[];
}

export interface VerifyOptions {
  store: Store;
  /** Snapshots to check (from the catalog); each is checked against its predecessor in the chain. */
  snapshots: readonly Pick<CatalogEntry, "stream" | "seq" | "id">[];
  trustedKeys: readonly string[];
  /** The policy's keys.writers: a signature by a key outside its period is a problem. */
  writerPeriods?: readonly WriterKeyRule[];
  /** The policy, to report files no identity of a current key epoch opens (epochGaps). */
  epochPolicy?: Pick<Policy, "keys" | "environments">;
  level: VerifyLevel;
  /** Needed for restore level: decrypts every blob. */
  opener?: BlobOpener;
  /** Optional at restore level: also recompute the keyed ids. */
  writerKey?: WriterKey;
  /** Ids of forgotten snapshots: prune may have deleted their blobs, so those are not checked. */
  forgotten?: ReadonlySet<string>;
  onProgress?: (done: number, total: number) => void;
}

export interface VerifyReport {
  level: VerifyLevel;
  ok: boolean;
  snapshots: SnapshotVerification[];
  blobsChecked: number;
  bytesChecked: number;
}

/**
 * Structure level: manifest well-formed, signature by a trusted writer, chain
 * link to the previous manifest, every blob present with the signed
 * ciphertext sha256, every file sealed to every recipient the snapshot lists
 * (as its manifest records; older manifests do not). Restore level adds: every blob decrypts to the recorded
 * size (and, with the writer key, to the recorded keyed id).
 */
export async function verifySnapshots(options: VerifyOptions): Promise<VerifyReport> {
  if (options.trustedKeys.length === 0) {
    throw new SnapgateError("USAGE", "No trusted writer keys to check signatures against.", {
      fix: "Pass --verify-key sgw1... (printed by `snapgate keygen --writer`) or use a policy that lists keys.writers.",
    });
  }
  if (options.level === "restore" && !options.opener) {
    throw new SnapgateError(
      "USAGE",
      "Restore-level verification decrypts every file and needs an identity.",
      {
        fix: "Pass --identity FILE (or SNAPGATE_IDENTITY), or verify at structure level.",
      },
    );
  }
  const sodium = await loadSodium();
  const epochGapsOf = new Map<string, string[]>();
  const checkedBlobs = new Map<string, VerifyProblem | null>();
  let bytesChecked = 0;
  const results: SnapshotVerification[] = [];
  let done = 0;

  for (const entry of options.snapshots) {
    const where = `snapshot ${entry.stream}@${entry.seq}`;
    const problems: VerifyProblem[] = [];
    const bytes = await options.store.readManifest(entry.stream, entry.seq);
    const forgotten = options.forgotten?.has(entry.id) ?? false;
    let manifest: Manifest | undefined;
    if (!bytes) {
      problems.push({
        kind: "manifest",
        message: `The manifest of ${where} is missing.`,
        fix: "Restore the store from a replica; the chain is broken here.",
      });
    } else {
      if (sha256Hex(bytes) !== entry.id) {
        problems.push({
          kind: "manifest",
          message: `The manifest of ${where} does not hash to its id ${entry.id.slice(0, 12)}.`,
          fix: "The manifest or the catalog was altered; do not restore from this snapshot.",
        });
      }
      try {
        // A forgotten snapshot's nodes go with its blobs at prune: its root is what is checked.
        manifest = forgotten
          ? rootOnly(parseManifest(bytes, `the manifest of ${where}`))
          : await openManifest(options.store, bytes, `the manifest of ${where}`);
      } catch (error) {
        if (!isSnapgateError(error)) throw error;
        problems.push({ kind: "manifest", message: error.summary, fix: error.fix ?? "" });
      }
    }
    if (manifest) {
      const signature = signatureProblem(
        sodium,
        manifest,
        options.trustedKeys,
        where,
        options.writerPeriods,
      );
      if (signature) problems.push({ kind: "signature", ...signature });
      problems.push(...(await chainProblems(options.store, manifest, entry, where)));
      problems.push(...recipientProblems(manifest, where));
      if (options.epochPolicy && !forgotten) {
        const gaps = await epochGaps(
          options.store,
          manifest,
          options.epochPolicy,
          sodium,
          options.trustedKeys,
          new Date(),
        );
        if (gaps.length > 0) epochGapsOf.set(entry.id, gaps);
      }
      if (!forgotten)
        problems.push(
          ...(await blobProblems(
            options,
            manifest,
            where,
            checkedBlobs,
            (n) => (bytesChecked += n),
          )),
        );
    }
    results.push({
      id: entry.id,
      stream: entry.stream,
      seq: entry.seq,
      ok: problems.length === 0,
      forgotten,
      problems,
      ...(epochGapsOf.has(entry.id) ? { epochGaps: epochGapsOf.get(entry.id) } : {}),
    });
    options.onProgress?.(++done, options.snapshots.length);
  }
  return {
    level: options.level,
    ok: results.every((r) => r.ok),
    snapshots: results,
    blobsChecked: checkedBlobs.size,
    bytesChecked,
  };
}

async function chainProblems(
  store: Store,
  manifest: Manifest,
  entry: Pick<CatalogEntry, "stream" | "seq">,
  where: string,
): Promise<VerifyProblem[]> {
  if (manifest.stream !== entry.stream || manifest.seq !== entry.seq) {
    return [
      {
        kind: "chain",
        message: `The manifest stored as ${where} says it is ${manifest.stream}@${manifest.seq}.`,
        fix: "A manifest was moved or copied; do not restore from it.",
      },
    ];
  }
  if (manifest.seq === 1) {
    return manifest.prev === null
      ? []
      : [
          {
            kind: "chain",
            message: `${where} is the first of its stream but links to a previous manifest.`,
            fix: "Earlier manifests were removed from the store; restore it from a replica.",
          },
        ];
  }
  const previous = await store.readManifest(entry.stream, entry.seq - 1);
  if (!previous) {
    return [
      {
        kind: "chain",
        message: `The chain is broken at seq ${entry.seq - 1} of ${entry.stream}: that manifest is missing.`,
        fix: "A manifest was deleted from the store; restore it from a replica and find out who deleted it.",
      },
    ];
  }
  if (sha256Hex(previous) !== manifest.prev) {
    return [
      {
        kind: "chain",
        message: `The chain is broken between seq ${entry.seq - 1} and ${entry.seq} of ${entry.stream}: ${entry.seq - 1} is not the manifest ${entry.seq} was written after.`,
        fix: `Manifest ${entry.seq - 1} was replaced or altered; treat it as untrusted and investigate the store's history.`,
      },
    ];
  }
  return [];
}

/** Files the manifest says some of its own recipients cannot open. */
function recipientProblems(manifest: Manifest, where: string): VerifyProblem[] {
  return recipientGaps(manifest).map((gap) => ({
    kind: "recipients",
    message: `${gap.path} in ${where} cannot be opened by ${gap.cannotOpen.join(", ")}: its blob is sealed to other keys, though the snapshot lists them as recipients.`,
    fix: "Take a new snapshot (it seals every file to the current recipients again); until then restore this file with a key it is sealed to.",
    path: gap.path,
  }));
}

/** The size is part of the key: each manifest records its own, and restore checks it. */
function blobKey(file: RegularFileEntry): string {
  return `${file.blob}-${file.ciphertextSha256}-${file.encoding}-${file.recipientSet ?? ""}-${file.size}`;
}

/**
 * Checks every blob of a manifest, each distinct blob once across the whole
 * run, reading them a window at a time (one request per window on GitHub).
 */
async function blobProblems(
  options: VerifyOptions,
  manifest: Manifest,
  where: string,
  checked: Map<string, VerifyProblem | null>,
  addBytes: (n: number) => void,
): Promise<VerifyProblem[]> {
  const regular = manifest.files.filter((file): file is RegularFileEntry => file.type === "file");
  const fresh = new Map<string, RegularFileEntry>();
  const counted = new WeakSet<Uint8Array>();
  for (const file of regular) {
    const key = blobKey(file);
    if (!checked.has(key) && !fresh.has(key)) fresh.set(key, file);
  }
  await forEachBlobWindow(
    options.store,
    [...fresh.values()],
    async (file, ciphertext) => {
      checked.set(
        blobKey(file),
        await checkBlobOnce(options, manifest, file, where, ciphertext, (n) => {
          // A pack's members share its bytes (ADR 1114): those read are counted once.
          if (!file.pack || !ciphertext || options.level === "restore") return addBytes(n);
          if (counted.has(ciphertext)) return;
          counted.add(ciphertext);
          addBytes(n);
        }),
      );
    },
    4,
    undefined,
    rewrapResolver(options.store, await loadSodium(), options.trustedKeys),
  );
  return regular.flatMap((file) => {
    const problem = checked.get(blobKey(file));
    return problem ? [{ ...problem, path: file.path }] : [];
  });
}

async function checkBlobOnce(
  options: VerifyOptions,
  manifest: Manifest,
  file: RegularFileEntry,
  where: string,
  ciphertext: Uint8Array | null,
  addBytes: (n: number) => void,
): Promise<VerifyProblem | null> {
  let problem: VerifyProblem | null = null;
  try {
    if (options.level === "restore" && options.opener) {
      const content = await openVerifiedBlob(
        options.store,
        options.opener,
        manifest,
        file,
        where,
        ciphertext,
      );
      addBytes(content.length);
      if (options.writerKey && computeBlobId(options.writerKey.macKey, content) !== file.blob) {
        problem = {
          kind: "content-id",
          message: `${file.path} in ${where} decrypts to content whose keyed id is not the recorded one.`,
          fix: "The snapshot's writer key differs from yours, or the blob was swapped; restore the file from another snapshot.",
        };
      }
    } else {
      if (!ciphertext) {
        problem = {
          kind: "missing-blob",
          message: `The blob of ${file.path} in ${where} is missing.`,
          fix: "The store lost data: restore this file from another snapshot; find out how the blob was deleted.",
        };
      } else {
        addBytes(ciphertext.length);
        if (
          blobSha256(ciphertext) !== file.ciphertextSha256 &&
          verifiedRewraps.get(ciphertext)?.standsFor !== file.ciphertextSha256
        ) {
          problem = {
            kind: "tampered-blob",
            message: `The blob of ${file.path} in ${where} does not match the signed ciphertext sha256.`,
            fix: "Do not trust this copy: restore the file from another snapshot and check who can write the store.",
          };
        }
      }
    }
  } catch (error) {
    if (!isSnapgateError(error)) throw error;
    if (error.code === "WRONG_KEY") {
      const identity = options.opener?.recipients ?? [];
      // Re-wrapped away from this identity: say to whom, so the right identity is used.
      const rewrap = ciphertext ? verifiedRewraps.get(ciphertext) : undefined;
      if (rewrap) return rewrappedProblem(file, where, identity, rewrap.record);
      const listedFor = (recipients: readonly string[]) =>
        identity.some((recipient) => recipients.includes(recipient));
      // An identity the snapshot does not list fails every file alike: stop and say so once.
      if (!listedFor(manifest.recipients)) throw error;
      // A listed identity the file's recorded set leaves out: the recipient check reports it.
      if (!listedFor(recipientsOfFile(manifest, file))) return null;
      // The manifest says the blob is sealed to this identity, but it is not.
      return {
        kind: "decrypt",
        message: `${file.path} in ${where} is not sealed to ${identity.join(", ")}, though its manifest says it is.`,
        fix: "Take a new snapshot (it seals every file to the current recipients); until then restore this file from an older snapshot or with another recipient's key.",
      };
    }
    const kind = (error.details.kind as ProblemKind | undefined) ?? "decrypt";
    problem = { kind, message: error.summary, fix: error.fix ?? "" };
  }
  return problem;
}

function rewrappedProblem(
  file: RegularFileEntry,
  where: string,
  identity: readonly string[],
  record: RewrapRecord,
): VerifyProblem {
  const set = record.new.recipientSet ?? recipientSetId(record.recipients);
  return {
    kind: "rewrapped",
    message: `${file.path} in ${where} was re-wrapped by \`snapgate rekey\` at ${record.time} to recipient set ${set} (${record.recipients.join(", ")}); ${identity.join(", ")} is not in it.`,
    fix: `Verify or restore with the identity of one of ${record.recipients.join(", ")}. The old identity opens only copies from before the rekey (and, on a git store, the history).`,
  };
}

/** A manifest without reading nodes: a v2 root's files are not checked (none are listed). */
function rootOnly(record: ManifestRecord): Manifest {
  return "files" in record ? record : { ...record, files: [] };
}
