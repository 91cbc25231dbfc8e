import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createSnapshot } from "../../core/snapshot/create-snapshot.js";
import { LocalDirStore } from "../../core/store/local-dir-store.js";
import type { TestKeys } from "./keys.js";
import { runCli } from "./run-cli.js";

/**
 * A local store to replicate (as the replicate tests' source): two
 * environments, four snapshots sharing blobs (6 blobs), a verification record
 * per snapshot, a lock record, and 8 audit events.
 */
export async function replicationSource(
  dir: string,
  keys: TestKeys,
  /** The blobs' recipient (default keys.age) and the store's folder under `dir` (default "source"). */
  options: { recipient?: string; storeDir?: string } = {},
): Promise<LocalDirStore> {
  const tree = join(dir, "tree");
  mkdirSync(tree, { recursive: true });
  const store = new LocalDirStore(join(dir, options.storeDir ?? "source"));
  const take = async (stream: string, files: Record<string, string>) => {
    for (const [path, content] of Object.entries(files)) writeFileSync(join(tree, path), content);
    await createSnapshot({
      store,
      root: tree,
      paths: Object.keys(files),
      stream,
      phase: "manual",
      recipients: [options.recipient ?? keys.age.recipient],
      writerKey: keys.writer,
    });
  };
  await take("prod", { "app.yaml": "replicas: 2\n", "db.yaml": "pool: 5\n" });
  await take("prod", { "app.yaml": "replicas: 3\n", "db.yaml": "pool: 5\n" });
  await take("dev", { "app.yaml": "replicas: 1\n" });
  await take("prod", { "app.yaml": "replicas: 4\n", "db.yaml": "pool: 6\n" });
  const verified = await runCli(
    ["verify", "--all", "--store", store.location, "--verify-key", keys.verifyKey, "--record"],
    { cwd: dir },
  );
  if (verified.code !== 0) throw new Error(`verify --record failed: ${verified.stderr}`);
  await store.writeRecords([
    {
      path: "locks/prod/0000000001.json",
      bytes: Buffer.from(JSON.stringify({ env: "prod", locked: true }) + "\n"),
    },
  ]);
  return store;
}
