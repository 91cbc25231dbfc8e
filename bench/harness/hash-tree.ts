import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { listFiles } from "./list-files.js";

/**
 * One sha256 over every regular file's path, permission bits and content, in
 * a fixed order: equal hashes mean byte-identical trees (e.g. a restore
 * matches its source, or two corpora from one seed match).
 */
export async function hashTree(root: string): Promise<string> {
  const tree = createHash("sha256");
  for (const path of await listFiles(root)) {
    const file = join(root, path);
    const [content, info] = await Promise.all([readFile(file), stat(file)]);
    const contentHash = createHash("sha256").update(content).digest("hex");
    tree.update(`${path}\0${(info.mode & 0o7777).toString(8)}\0${contentHash}\n`);
  }
  return tree.digest("hex");
}
