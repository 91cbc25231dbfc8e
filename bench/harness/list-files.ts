import { readdir } from "node:fs/promises";
import { join } from "node:path";

/**
 * Every regular file under `root` as a relative POSIX path, sorted by code
 * unit so the order is the same on every machine and locale. Symbolic links
 * are not followed.
 */
export async function listFiles(root: string): Promise<string[]> {
  const found: string[] = [];
  async function visit(relative: string): Promise<void> {
    const entries = await readdir(join(root, relative), { withFileTypes: true });
    for (const entry of entries) {
      const path = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await visit(path);
      else if (entry.isFile()) found.push(path);
    }
  }
  await visit("");
  return found.sort();
}
