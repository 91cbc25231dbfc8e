import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { BlobEncoding } from "../types.js";
import { computeBlobId } from "../crypto/blob-id.js";
import type { BlobSealer } from "../crypto/blob-sealer.js";
import { writeSealedTempFile } from "../crypto/write-sealed-temp-file.js";
import { DIR_MODE } from "../store/atomic-file.js";
import { blobDirectoryOf } from "../store/store.js";
import type { FileStamp } from "./collect-files.js";
import { readRegularFile } from "./read-regular-file.js";

/** A walked regular file that a crypto worker reads, ids and seals itself (ADR 1112). */
export interface DiskFileSeal {
  absolute: string;
  /** The path as the manifest shows it, for errors. */
  shown: string;
  /** The inode the walk saw: the file read must be that one. */
  expect?: { dev: number; ino: number };
  maxBytes?: number;
  /** Gzip before sealing (never for secret-class files). */
  compress: boolean;
  /** The store's blobs directory: the temp file goes into the blob's own folder under it. */
  blobsRoot: string;
}

/** What the read found, and the sealed temp file (not yet the store's: the snapshot adopts it or deletes it). */
export interface DiskFileSealed {
  /** The content's keyed id. */
  blob: string;
  /** The content's length, and the file's stat once it was read (readRegularFile). */
  size: number;
  mode: number;
  stamp: FileStamp;
  sha256: string;
  encoding: BlobEncoding;
  sealedSize: number;
  tempPath: string;
}

/** Blob folders this thread has made (or found): one mkdir each per process. */
const madeDirs = new Set<string>();

/**
 * Reads one walked file exactly as the main thread's scan does (readRegularFile:
 * no link followed, the walk's inode, a consistent read), computes its keyed id,
 * and seals it into a temp file in the store's folder for that id, so a first
 * snapshot's content never crosses threads and its reads, hashing and sealing
 * run on every core at once. The caller decides whether the blob is needed.
 */
export async function sealFileFromDisk(
  sealer: BlobSealer,
  macKey: Uint8Array,
  request: DiskFileSeal,
): Promise<DiskFileSealed> {
  const { content, stat } = readRegularFile(request.absolute, request.shown, {
    ...(request.expect ? { expect: request.expect } : {}),
    ...(request.maxBytes !== undefined ? { maxBytes: request.maxBytes } : {}),
  });
  const blob = computeBlobId(macKey, content);
  const sealed = await sealer.seal(content, request.compress);
  const dir = join(request.blobsRoot, blobDirectoryOf(blob));
  if (!madeDirs.has(dir)) {
    mkdirSync(dir, { recursive: true, mode: DIR_MODE });
    madeDirs.add(dir);
  }
  return {
    blob,
    size: content.length,
    mode: stat.mode,
    stamp: { size: stat.size, mtimeMs: stat.mtimeMs, ctimeMs: stat.ctimeMs, ino: stat.ino },
    sha256: sealed.sha256,
    encoding: sealed.encoding,
    sealedSize: sealed.ciphertext.length,
    tempPath: writeSealedTempFile(dir, sealed.ciphertext),
  };
}
