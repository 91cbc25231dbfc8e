import { mkdirSync, readdirSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { RACY_WINDOW_MS } from "../../../core/snapshot/stat-cache.js";
import { runCli } from "../../helpers/run-cli.js";
import { tempDir } from "../../helpers/temp-dir.js";

interface SnapshotJson {
  skipped: boolean;
  seq: number;
  files: number;
  newBlobs: number;
  cachedFiles: number;
}

describe("snapgate snapshot: the stat cache", () => {
  const work = tempDir();
  const cacheDir = join(work, "cache");
  const cli = (...args: string[]) => runCli(args, { cwd: work });
  let recipient = "";

  const snapshotArgs = (...extra: string[]) => [
    "snapshot",
    ...["--store", "store", "--env", "prod", "--phase", "scheduled"],
    ...["--recipient", recipient, "--writer-key", "writer.key", "--cache-dir", cacheDir],
    "--skip-unchanged",
    ...extra,
    "config",
  ];
  const snapshot = async (...extra: string[]) => {
    const run = await cli(...snapshotArgs("--json", ...extra));
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    return run.json() as SnapshotJson;
  };

  beforeAll(async () => {
    recipient = (await cli("keygen", "--out", "id.txt")).stdout.trim();
    await cli("keygen", "--writer", "--out", "writer.key");
    mkdirSync(join(work, "config"), { recursive: true });
    for (let i = 0; i < 4; i++) writeFileSync(join(work, "config", `f${i}.yaml`), `v: ${i}\n`);
    // Files written just now are "racily clean" and never cached: let them age past the window.
    await new Promise((resolve) => setTimeout(resolve, RACY_WINDOW_MS + 200));
  });

  it("a second run reads no file; --no-cache reads them all; a same-size edit is still seen", async () => {
    expect(await snapshot()).toMatchObject({ skipped: false, seq: 1, cachedFiles: 0 });
    expect(readdirSync(cacheDir)).toHaveLength(1);
    expect(statSync(join(cacheDir, readdirSync(cacheDir)[0] ?? "")).mode & 0o777).toBe(0o600);

    expect(await snapshot()).toMatchObject({ skipped: true, files: 4, cachedFiles: 4 });
    expect(await snapshot("--no-cache")).toMatchObject({ skipped: true, cachedFiles: 0 });

    const path = join(work, "config/f1.yaml");
    const before = statSync(path);
    writeFileSync(path, "v: 9\n");
    utimesSync(path, before.atime, before.mtime);
    expect(await snapshot()).toMatchObject({ skipped: false, seq: 2, newBlobs: 1, cachedFiles: 3 });

    const human = await cli(...snapshotArgs());
    expect(human.stdout).toMatch(
      /1 file\(s\) read; 3 unchanged since the last snapshot by size, times and inode \(--no-cache reads them all\)\./,
    );
  });
});
