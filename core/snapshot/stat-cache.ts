import { createHmac, timingSafeEqual } from "node:crypto";
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { dirname, join, resolve } from "node:path";
import { tempPathFor } from "../store/atomic-file.js";
import type { CollectedFile } from "./collect-files.js";
import type { StoredContent } from "./stored-content.js";

const FORMAT = "snapgate-stat-cache/1";

/**
 * Files whose mtime or ctime is this close to the scan are not cached: a
 * change within the same timestamp tick (1-2 s on coarse file systems) would
 * leave the stat unchanged ("racily clean", as git calls it).
 */
export const RACY_WINDOW_MS = 2000;

/** Cache files of roots not snapshotted for this long are removed (e.g. old CI checkouts). */
export const STALE_CACHE_MS = 30 * 24 * 3600 * 1000;

/** path, size, mtimeMs, ctimeMs, inode, blob id */
type Entry = [string, number, number, number, number, string];

/** A pack (ADR 1114): its id, ciphertext sha256 and recipient set. */
type PackEntry = [string, string, string];
/** A content in a pack: content id, index in `packs`, offset, length, 1 when gzip'd. */
type PackedEntry = [string, number, number, number, number];

interface CacheBody {
  root: string;
  /** The sha256 of the manifest this writer last committed or checked for this root. */
  manifest?: string | null;
  entries: Entry[];
  /** Where that manifest's packed contents lie, so the next snapshot need not read it to reuse them. */
  packs?: PackEntry[];
  packed?: PackedEntry[];
}

/** What the cache needs of a hashed file. */
export interface HashedFile {
  file: CollectedFile;
  blob?: string;
}

/**
 * A local, per-root map from a file's stat (size, mtime, ctime, inode) to its
 * keyed blob id, as restic and git keep: a file whose stat is unchanged since
 * the last snapshot of this root is not read or hashed again. It lives on the
 * machine that already holds the plaintext (default ~/.cache/snapgate), holds
 * no content, and is authenticated with the writer key's MAC key, so an
 * edited or foreign cache is ignored, never trusted. A wrong or unreadable
 * cache costs only speed: every file is then read.
 */
export class StatCache {
  private constructor(
    private readonly macKey: Uint8Array,
    private readonly root: string,
    readonly file: string,
    private readonly entries: Map<string, Entry>,
    /** Why an existing cache file was not used, for the progress log. */
    readonly ignoredReason: string | null,
    private readonly manifest: string | null = null,
    private readonly packs: readonly PackEntry[] = [],
    private readonly packed: readonly PackedEntry[] = [],
  ) {}

  /** Opens the cache of `root` under `directory`; a missing, stale or forged file gives an empty cache. */
  static open(directory: string, root: string, macKey: Uint8Array): StatCache {
    const absoluteRoot = resolve(root);
    const name = createHmac("sha256", macKey)
      .update(`${FORMAT}\0name\0${absoluteRoot}`)
      .digest("hex")
      .slice(0, 32);
    const file = join(resolve(directory), `${name}.json`);
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch {
      return new StatCache(macKey, absoluteRoot, file, new Map(), null);
    }
    const ignore = (reason: string) => new StatCache(macKey, absoluteRoot, file, new Map(), reason);
    // "<format> <mac>\n<body>": the MAC is checked on the body's bytes before it is parsed.
    const newline = text.indexOf("\n");
    const [format, mac] = text.slice(0, Math.max(newline, 0)).split(" ");
    if (newline < 0 || format !== FORMAT) return ignore("it is of another format or root");
    const body = text.slice(newline + 1);
    const expected = Buffer.from(macOf(macKey, body), "hex");
    const given = Buffer.from(/^[0-9a-f]{64}$/.test(mac ?? "") ? (mac as string) : "", "hex");
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      return ignore("its MAC does not match this writer key");
    let parsed: Partial<CacheBody>;
    try {
      parsed = JSON.parse(body) as Partial<CacheBody>;
    } catch {
      return ignore("it is not JSON");
    }
    if (parsed.root !== absoluteRoot || !Array.isArray(parsed.entries))
      return ignore("it is of another format or root");
    return new StatCache(
      macKey,
      absoluteRoot,
      file,
      new Map(parsed.entries.map((entry) => [entry[0], entry])),
      null,
      typeof parsed.manifest === "string" ? parsed.manifest : null,
      Array.isArray(parsed.packs) ? parsed.packs : [],
      Array.isArray(parsed.packed) ? parsed.packed : [],
    );
  }

  /**
   * The packed contents of the manifest this cache was saved with (ADR 1114), by
   * content id. Authenticated like the rest; the store still confirms each pack.
   */
  packedContents(): Map<string, StoredContent> {
    const contents = new Map<string, StoredContent>();
    const refs = this.packs.map(([id, sha256, recipientSet]) => ({
      id,
      sha256,
      encoding: "none" as const,
      recipientSet,
    }));
    for (const [id, index, offset, length, gzip] of this.packed) {
      const ref = refs[index];
      if (!ref) continue;
      contents.set(id, {
        ref,
        encoding: gzip ? "gzip" : "none",
        pack: { blob: ref.id, offset, length },
      });
    }
    return contents;
  }

  /**
   * True when manifest bytes with this sha256 are ones this writer wrote or
   * schema-checked before: byte-identical, so they need no second check.
   */
  knowsManifest(sha256: string): boolean {
    return this.manifest !== null && this.manifest === sha256;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The blob id recorded for this exact stat, or undefined: then the file must be read. */
  lookup(file: CollectedFile): string | undefined {
    const entry = this.entries.get(file.path);
    if (!entry || file.type !== "file" || file.stamp === undefined) return undefined;
    const { size, mtimeMs, ctimeMs, ino } = file.stamp;
    return entry[1] === size && entry[2] === mtimeMs && entry[3] === ctimeMs && entry[4] === ino
      ? entry[5]
      : undefined;
  }

  /**
   * Replaces the cache with the files of a snapshot that succeeded, leaving
   * out the racily clean ones (changed within RACY_WINDOW_MS of the scan).
   * Best effort: a cache that cannot be written is only slower next time.
   * `manifest`: the sha256 of the stream's manifest just committed or checked.
   */
  save(
    files: readonly HashedFile[],
    scannedAtMs: number,
    manifest: string | null = null,
    packedContents: ReadonlyMap<string, StoredContent> = new Map(),
  ): boolean {
    const entries: Entry[] = [];
    for (const { file, blob } of files) {
      const stamp = file.stamp;
      if (file.type !== "file" || blob === undefined || stamp === undefined) continue;
      if (Math.max(stamp.mtimeMs, stamp.ctimeMs) >= scannedAtMs - RACY_WINDOW_MS) continue;
      entries.push([file.path, stamp.size, stamp.mtimeMs, stamp.ctimeMs, stamp.ino, blob]);
    }
    const packs: PackEntry[] = [];
    const indexOf = new Map<string, number>();
    const packed: PackedEntry[] = [];
    for (const [id, { ref, encoding, pack }] of packedContents) {
      if (!pack || !ref.recipientSet) continue;
      const key = `${ref.id}-${ref.sha256}-${ref.recipientSet}`;
      let index = indexOf.get(key);
      if (index === undefined) {
        index = packs.push([ref.id, ref.sha256, ref.recipientSet]) - 1;
        indexOf.set(key, index);
      }
      packed.push([id, index, pack.offset, pack.length, encoding === "gzip" ? 1 : 0]);
    }
    const body = JSON.stringify({
      root: this.root,
      manifest,
      entries,
      ...(packed.length ? { packs, packed } : {}),
    } satisfies CacheBody);
    const content = `${FORMAT} ${macOf(this.macKey, body)}\n${body}`;
    // No fsync: a file torn by a crash fails its MAC and is ignored.
    const temp = tempPathFor(this.file);
    try {
      mkdirSync(dirname(this.file), { recursive: true, mode: 0o700 });
      writeFileSync(temp, content, { mode: 0o600, flag: "wx" });
      renameSync(temp, this.file);
      removeStaleCaches(dirname(this.file), Date.now() - STALE_CACHE_MS);
      return true;
    } catch {
      rmSync(temp, { force: true });
      return false;
    }
  }
}

/** Removes cache files (32 hex digits + .json) last written before `before`; best effort. */
function removeStaleCaches(directory: string, before: number): void {
  for (const name of readdirSync(directory)) {
    if (!/^[0-9a-f]{32}\.json$/.test(name)) continue;
    const path = join(directory, name);
    try {
      if (statSync(path).mtimeMs < before) rmSync(path, { force: true });
    } catch {
      // gone already, or not ours to remove
    }
  }
}

function macOf(macKey: Uint8Array, body: string): string {
  return createHmac("sha256", macKey).update(`${FORMAT}\0`).update(body).digest("hex");
}
