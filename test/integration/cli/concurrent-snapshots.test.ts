import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { blobRefOf } from "../../../core/snapshot/blob-ref-of.js";
import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import { LocalDirStore } from "../../../core/store/local-dir-store.js";
import { readCatalog } from "../../../core/snapshot/read-catalog.js";
import { loadSnapshot } from "../../../core/snapshot/load-snapshot.js";
import { verifyAuditChain } from "../../../core/audit/verify-audit-chain.js";
import { runCli, spawnCli } from "../../helpers/run-cli.js";
import { tempDir } from "../../helpers/temp-dir.js";

describe("8 snapshot processes started at once on one store", () => {
  const work = tempDir();

  it("all succeed, seq runs 1..8, every prev link verifies and no blob is lost", async () => {
    const recipient = (await runCli(["keygen", "--out", "id.txt"], { cwd: work })).stdout.trim();
    const verifyKey = (
      await runCli(["keygen", "--writer", "--out", "w.key"], { cwd: work })
    ).stdout.trim();
    // Each process snapshots its own tree: a shared file (deduplicated) and one of its own.
    for (let i = 0; i < 8; i++) {
      mkdirSync(join(work, `tree${i}/app`), { recursive: true });
      writeFileSync(join(work, `tree${i}/app/shared.yaml`), "shared: true\n".repeat(100));
      writeFileSync(join(work, `tree${i}/app/own.yaml`), `writer: ${i}\n`);
    }
    const runs = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        spawnCli(
          [
            "snapshot",
            "--store",
            "store",
            "--env",
            "prod",
            "--phase",
            "manual",
            "--recipient",
            recipient,
            "--writer-key",
            "w.key",
            "--root",
            `tree${i}`,
            "--json",
            "app",
          ],
          { cwd: work },
        ),
      ),
    );
    for (const run of runs)
      expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: "" });
    const seqs = runs
      .map((run) => (JSON.parse(run.stdout) as { seq: number }).seq)
      .sort((a, b) => a - b);
    expect(seqs).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);

    const store = new LocalDirStore(join(work, "store"));
    const catalog = await readCatalog(store, "prod");
    expect(catalog.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    for (const entry of catalog) {
      const { manifest } = await loadSnapshot(store, entry);
      for (const file of manifest.files) {
        if (file.type !== "file") continue;
        expect(await store.readBlob(blobRefOf(file))).not.toBeNull();
      }
    }
    const verified = await runCli(
      [
        "verify",
        "--all",
        "--store",
        "store",
        "--verify-key",
        verifyKey,
        "--identity",
        "id.txt",
        "--json",
      ],
      { cwd: work },
    );
    expect(verified.json()).toMatchObject({ ok: true });
    // Each process's own file came back: 8 distinct own.yaml contents across the snapshots.
    const restored = await Promise.all(
      catalog.map(async (entry) => {
        const out = `out${entry.seq}`;
        await runCli(
          [
            "restore",
            entry.id,
            "--store",
            "store",
            "--identity",
            "id.txt",
            "--verify-key",
            verifyKey,
            "--to",
            out,
          ],
          { cwd: work },
        );
        return readFileSync(join(work, out, "app/own.yaml"), "utf8");
      }),
    );
    expect(new Set(restored).size).toBe(8);
    expect(verifyAuditChain(await store.readAuditLines())).toEqual({ events: 8, problems: [] });
  });
});
