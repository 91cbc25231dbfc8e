import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { blobRefOf } from "../../../core/snapshot/blob-ref-of.js";
import { readCatalog } from "../../../core/snapshot/read-catalog.js";
import { loadSnapshot } from "../../../core/snapshot/load-snapshot.js";
import { verifyAuditChain } from "../../../core/audit/verify-audit-chain.js";
import { S3Store } from "../../../core/store/s3-store.js";
import { createS3StoreClient } from "../../../core/store/s3/create-s3-store-client.js";
import { parseS3StoreSpec } from "../../../core/store/s3/parse-s3-store-spec.js";
import { runCli } from "../../helpers/run-cli.js";
import { tempDir } from "../../helpers/temp-dir.js";
import { s3ServerAvailable, startS3Server, type S3TestServer } from "../../helpers/s3-server.js";

const suite = s3ServerAvailable() ? describe : describe.skip;

suite("10 writers at once on one S3 environment, on a real Ceph RGW", () => {
  let server: S3TestServer;
  const work = tempDir();
  let recipient = "";

  beforeAll(async () => {
    server = startS3Server();
    recipient = (await runCli(["keygen", "--out", "id.txt"], { cwd: work })).stdout.trim();
    await runCli(["keygen", "--writer", "--out", "w.key"], { cwd: work });
    for (let i = 0; i < 10; i++) {
      mkdirSync(join(work, `tree${i}/app`), { recursive: true });
      writeFileSync(join(work, `tree${i}/app/shared.yaml`), "shared: true\n".repeat(100));
      writeFileSync(join(work, `tree${i}/app/own.yaml`), `writer: ${i}\n`);
    }
  });
  afterAll(() => server?.stop());

  // Object Lock bucket: Pacific ignores If-None-Match there, so claims are put-then-list (ADR 1404).
  it.each([
    ["an Object Lock bucket", "locked", true, "put-then-list"],
    ["a plain bucket", "plain", false, "if-none-match"],
  ])(
    "in %s: distinct seqs 1..10, a whole audit chain, every blob present",
    async (_name, bucket, lock, mode) => {
      await server.createBucket(bucket, lock);
      const spec = `s3://${bucket}/store`;
      const store = new S3Store(
        createS3StoreClient({ bucket, endpoint: server.endpoint }),
        parseS3StoreSpec(spec),
      );
      expect(await store.claimMode()).toBe(mode);
      const runs = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          runCli(
            [
              "snapshot",
              "--store",
              spec,
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
            { cwd: work, env: server.env },
          ),
        ),
      );
      for (const run of runs)
        expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: "" });
      const seqs = runs.map((run) => (run.json() as { seq: number }).seq).sort((a, b) => a - b);
      expect(seqs).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);

      const catalog = await readCatalog(store, "prod");
      expect(catalog.map((entry) => entry.seq)).toEqual(seqs);
      const own = new Set<string>();
      for (const entry of catalog) {
        const { manifest } = await loadSnapshot(store, entry);
        for (const file of manifest.files) {
          if (file.type !== "file") continue;
          expect(await store.readBlob(blobRefOf(file))).not.toBeNull();
          if (file.path === "app/own.yaml") own.add(file.blob);
        }
      }
      // Nothing lost: each writer's own file is in exactly one snapshot.
      expect(own.size).toBe(10);
      expect(verifyAuditChain(await store.readAuditLines())).toEqual({ events: 10, problems: [] });
    },
  );
});
