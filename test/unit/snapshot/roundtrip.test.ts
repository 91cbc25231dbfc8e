import {
  mkdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
  statSync,
  readlinkSync,
  readdirSync,
} from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { LocalDirStore } from "../../../core/store/local-dir-store.js";
import { createSnapshot } from "../../../core/snapshot/create-snapshot.js";
import { resolveSnapshot } from "../../../core/snapshot/resolve-snapshot.js";
import { loadSnapshot } from "../../../core/snapshot/load-snapshot.js";
import { restoreSnapshot } from "../../../core/snapshot/restore-snapshot.js";
import { verifySnapshots } from "../../../core/snapshot/verify-snapshots.js";
import { diffSnapshots } from "../../../core/snapshot/diff-snapshots.js";
import { listSnapshots } from "../../../core/snapshot/list-snapshots.js";
import { readAllCatalogs } from "../../../core/snapshot/read-catalog.js";
import { verifyAuditChain } from "../../../core/audit/verify-audit-chain.js";
import { makeKeys, type TestKeys } from "../../helpers/keys.js";
import { tempDir } from "../../helpers/temp-dir.js";

describe("snapshot, list, diff, verify and restore on a local store", () => {
  const work = tempDir();
  const tree = join(work, "tree");
  const store = new LocalDirStore(join(work, "store"));
  let keys: TestKeys;

  beforeAll(async () => {
    keys = await makeKeys();
    mkdirSync(join(tree, "deploy/prod"), { recursive: true });
    writeFileSync(join(tree, "deploy/prod/app.yaml"), "replicas: 3\nimage: app:1.0.0\n".repeat(20));
    writeFileSync(join(tree, "deploy/prod/.env"), "DB_PASSWORD=hunter2\n", { mode: 0o600 });
    writeFileSync(join(tree, "deploy/prod/run.sh"), "#!/bin/sh\necho deploy\n", { mode: 0o4755 });
    symlinkSync("app.yaml", join(tree, "deploy/prod/current.yaml"));
    writeFileSync(join(tree, "deploy/prod/debug.log"), "noise");
  });

  const snap = (extra: Partial<Parameters<typeof createSnapshot>[0]> = {}) =>
    createSnapshot({
      store,
      root: tree,
      paths: ["deploy"],
      exclude: ["**/*.log"],
      stream: "prod",
      phase: "pre",
      recipients: [keys.age.recipient],
      writerKey: keys.writer,
      metadata: { commit: "abc123", tags: ["release"] },
      classify: (path) => ({ secret: path.endsWith(".env"), component: "api", tier: "tier0" }),
      ...extra,
    });

  it("takes a first snapshot, excluding logs and recording the symlink as a link", async () => {
    const result = await snap();
    expect(result.skipped).toBe(false);
    expect(result.seq).toBe(1);
    expect(result.excluded).toEqual(["deploy/prod/debug.log"]);
    expect(result.manifest?.files.map((f) => f.path)).toEqual([
      "deploy/prod/.env",
      "deploy/prod/app.yaml",
      "deploy/prod/current.yaml",
      "deploy/prod/run.sh",
    ]);
    const link = result.manifest?.files.find((f) => f.path === "deploy/prod/current.yaml");
    expect(link).toMatchObject({ type: "symlink", target: "app.yaml" });
    const env = result.manifest?.files.find((f) => f.path === "deploy/prod/.env");
    expect(env).toMatchObject({ encoding: "none", mode: 0o600 });
    const app = result.manifest?.files.find((f) => f.path === "deploy/prod/app.yaml");
    expect(app).toMatchObject({ encoding: "gzip", component: "api" });
    expect(result.newBlobs).toBe(3);
  });

  it("skips with --skip-unchanged when nothing changed, and writes nothing", async () => {
    const before = readdirSync(join(work, "store/manifests/prod")).length;
    const result = await snap({ skipUnchanged: true });
    expect(result.skipped).toBe(true);
    expect(readdirSync(join(work, "store/manifests/prod")).length).toBe(before);
  });

  it("stores only changed content on the next snapshot and chains it", async () => {
    writeFileSync(join(tree, "deploy/prod/app.yaml"), "replicas: 5\nimage: app:1.1.0\n");
    const result = await snap({ skipUnchanged: true, phase: "post" });
    expect(result.skipped).toBe(false);
    expect(result.seq).toBe(2);
    expect(result.newBlobs).toBe(1);
    expect(result.reusedBlobs).toBe(2);
    expect(result.manifest?.prev).toBe(result.previousId);
    const diff = await diffSnapshots(
      store,
      await resolveSnapshot(store, "latest", { stream: "prod" }),
    );
    expect(diff.changed.map((c) => [c.path, c.kinds])).toEqual([
      ["deploy/prod/app.yaml", ["content"]],
    ]);
    expect(diff.added).toEqual([]);
  });

  it("lists with filters from the catalog", async () => {
    expect((await listSnapshots(store, { phase: "post" })).map((e) => e.seq)).toEqual([2]);
    expect((await listSnapshots(store, { tags: ["release"], commit: "abc" })).length).toBe(2);
    expect((await listSnapshots(store, { tags: ["nope"] })).length).toBe(0);
  });

  it("verifies at structure and restore level", async () => {
    const snapshots = await readAllCatalogs(store);
    const structure = await verifySnapshots({
      store,
      snapshots,
      trustedKeys: [keys.verifyKey],
      level: "structure",
    });
    expect(structure.ok).toBe(true);
    const restore = await verifySnapshots({
      store,
      snapshots,
      trustedKeys: [keys.verifyKey],
      level: "restore",
      opener: keys.opener,
      writerKey: keys.writer,
    });
    expect(restore).toMatchObject({ ok: true, blobsChecked: 4 });
  });

  it("restores the first snapshot exactly, without setuid bits", async () => {
    const entry = await resolveSnapshot(store, "prod@1");
    const target = join(work, "restored");
    const result = await restoreSnapshot({
      store,
      snapshot: await loadSnapshot(store, entry),
      opener: keys.opener,
      trustedKeys: [keys.verifyKey],
      target,
    });
    expect(result.files).toBe(3);
    expect(readFileSync(join(target, "deploy/prod/app.yaml"), "utf8")).toBe(
      "replicas: 3\nimage: app:1.0.0\n".repeat(20),
    );
    expect(readFileSync(join(target, "deploy/prod/.env"), "utf8")).toBe("DB_PASSWORD=hunter2\n");
    expect(statSync(join(target, "deploy/prod/.env")).mode & 0o7777).toBe(0o600);
    expect(statSync(join(target, "deploy/prod/run.sh")).mode & 0o7777).toBe(0o755);
    expect(readlinkSync(join(target, "deploy/prod/current.yaml"))).toBe("app.yaml");
  });

  it("keeps an audit chain of the snapshots", async () => {
    const lines = await store.readAuditLines();
    expect(lines.length).toBe(2);
    expect(verifyAuditChain(lines).problems).toEqual([]);
  });
});
