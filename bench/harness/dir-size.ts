import { lstat, readdir } from "node:fs/promises";
import { join } from "node:path";

export interface DirSize {
  /** Regular files counted (hard links once). */
  files: number;
  /** Sum of the regular files' sizes: what a store "weighs" independent of the file system. */
  apparentBytes: number;
  /** Allocated blocks of every entry, directories included, like `du -s -B1`. */
  diskBytes: number;
}

/** The size of a directory tree, without following symbolic links. */
export async function dirSize(root: string): Promise<DirSize> {
  const size: DirSize = { files: 0, apparentBytes: 0, diskBytes: 0 };
  const seen = new Set<string>();
  async function visit(path: string): Promise<void> {
    const info = await lstat(path, { bigint: true });
    const inode = `${info.dev}:${info.ino}`;
    // du counts a hard-linked inode once.
    if (seen.has(inode)) return;
    seen.add(inode);
    size.diskBytes += Number(info.blocks) * 512;
    if (info.isFile()) {
      size.files += 1;
      size.apparentBytes += Number(info.size);
    } else if (info.isDirectory()) {
      for (const name of await readdir(path)) await visit(join(path, name));
    }
  }
  await visit(root);
  return size;
}
