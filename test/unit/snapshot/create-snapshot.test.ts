import { chmodSync, existsSync, mkdirSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { LocalDirStore } from "../../../core/store/local-dir-store.js";
import type {
  CreateSnapshotOptions,
  SnapshotProgress,
} from "../../../core/snapshot/create-snapshot.js";
import { loadSnapshot } from "../../../core/snapshot/load-snapshot.js";
import { readCatalog } from "../../../core/snapshot/read-catalog.js";
import { verifyAuditChain } from "../../../core/audit/verify-audit-chain.js";
import type { Phase, RegularFileEntry } from "../../../core/types.js";
import { storeThatLosesOneRace } from "../../helpers/store-that-loses-one-race.js";
import { makeKeys, type TestKeys } from "../../helpers/keys.js";
import { snapshotDeploy } from "../../helpers/snapshot-deploy.js";
import { tempDir } from "../../helpers/temp-dir.js";

const work = tempDir();
const tree = join(work, "tree");
let keys: TestKeys;
let count = 0;
const newStore = (): LocalDirStore => new LocalDirStore(join(work, `store${++count}`));

beforeAll(async () => {
  keys = await makeKeys();
  mkdirSync(join(tree, "deploy"), { recursive: true });
  writeFileSync(join(tree, "deploy/app.yaml"), "replicas: 3\n".repeat(20));
  writeFileSync(join(tree, "deploy/copy.yaml"), "replicas: 3\n".repeat(20));
  writeFileSync(join(tree, "deploy/.env"), "TOKEN=abc\n".repeat(20));
});

const snapshot = (store: LocalDirStore, extra: Partial<CreateSnapshotOptions> = {}) =>
  snapshotDeploy(store, tree, keys, extra);

describe("createSnapshot: refused before anything is written", () => {
  it.each([
    [{ stream: "Prod" }, "USAGE", "'Prod' is not a valid environment name."],
    [{ stream: "" }, "USAGE", "'' is not a valid environment name."],
    [{ phase: "during" as Phase }, "USAGE", "'during' is not a snapshot phase."],
    [{ paths: [] }, "USAGE", "No paths to snapshot were given."],
    [{ recipients: [] }, "CONFIG", "No recipients to encrypt to."],
    [
      { recipients: ["age1typo"] },
      "CONFIG",
      "An age recipient (8 characters) is not a valid age X25519 recipient.",
    ],
  ])("%p", async (extra, code, summary) => {
    const store = newStore();
    await expect(snapshot(store, extra)).rejects.toMatchObject({ code, summary });
    expect(existsSync(store.location)).toBe(false);
  });

  it("a file over the size limit: TOO_LARGE, and no blob or manifest is written", async () => {
    const store = newStore();
    await expect(snapshot(store, { maxFileBytes: 100 })).rejects.toMatchObject({
      code: "TOO_LARGE",
      summary: expect.stringMatching(
        /^deploy\/\.env is 0\.0 MB; the limit is 0 MB\. Nothing was written\.$/,
      ),
    });
    expect(await store.listBlobs()).toEqual([]);
    expect(await store.listStreams()).toEqual([]);
  });
});

describe("createSnapshot: what it records", () => {
  it("records metadata, classification, times, policy digest and consistency as given", async () => {
    const store = newStore();
    const result = await snapshot(store, {
      phase: "post",
      time: new Date("2025-01-01T00:00:00Z"),
      now: () => new Date("2025-01-01T00:05:00Z"),
      metadata: {
        tags: ["b", "a", "b"],
        commit: "abc123",
        deployer: "octocat",
        changeId: "CHG-7",
        application: "",
        ...({ environment: "spoofed" } as object),
      },
      policyDigest: "f".repeat(64),
      consistency: [{ name: "replicas", ok: true, message: "fine" }],
      classify: (path) =>
        path.endsWith(".env")
          ? { secret: true, component: "api", tier: "tier0", owner: "team-a" }
          : { component: "api" },
    });
    const manifest = result.manifest;
    expect(manifest).toMatchObject({
      phase: "post",
      time: "2025-01-01T00:00:00.000Z",
      writtenAt: "2025-01-01T00:05:00.000Z",
      metadata: {
        environment: "prod",
        tags: ["a", "b"],
        commit: "abc123",
        deployer: "octocat",
        changeId: "CHG-7",
      },
      policyDigest: "f".repeat(64),
      consistency: [{ name: "replicas", ok: true, message: "fine" }],
      recipients: [keys.age.recipient],
    });
    expect(manifest?.metadata).not.toHaveProperty("application");
    const env = manifest?.files.find((f) => f.path === "deploy/.env") as RegularFileEntry;
    expect(env).toMatchObject({
      component: "api",
      tier: "tier0",
      owner: "team-a",
      encoding: "none",
    });
    expect(env).not.toHaveProperty("secret");
    const app = manifest?.files.find((f) => f.path === "deploy/app.yaml") as RegularFileEntry;
    expect(app).toMatchObject({ component: "api", encoding: "gzip" });
    expect(app).not.toHaveProperty("tier");

    // Identical content is one blob.
    expect(result).toMatchObject({ files: 3, newBlobs: 2, reusedBlobs: 0, attempts: 1 });
    expect(await store.listBlobs()).toHaveLength(2);

    // The audit event names the writer key, the deployer, the commit and the change.
    const [line] = await store.readAuditLines();
    expect(JSON.parse(line ?? "{}")).toMatchObject({
      type: "snapshot.created",
      time: "2025-01-01T00:05:00.000Z",
      actor: { kind: "writer", key: keys.verifyKey, login: "octocat" },
      subject: { stream: "prod", seq: 1, snapshot: result.id },
      details: { phase: "post", files: 3, newBlobs: 2, commit: "abc123", changeId: "CHG-7" },
    });
  });

  it("reports progress through scan, hash, encrypt and commit", async () => {
    const events: SnapshotProgress[] = [];
    await snapshot(newStore(), { onProgress: (p) => events.push(p) });
    const stages = events.map((e) => `${e.stage} ${e.done}/${e.total}`);
    expect(stages.slice(0, 5)).toEqual([
      "scan 0/0",
      "scan 3/3",
      "hash 1/3",
      "hash 2/3",
      "hash 3/3",
    ]);
    expect(stages.filter((s) => s.startsWith("encrypt")).sort()).toEqual([
      "encrypt 1/2",
      "encrypt 2/2",
    ]);
    expect(stages.slice(-2)).toEqual(["commit 0/1", "commit 1/1"]);
  });

  it("with skipUnchanged, a first snapshot is taken and a changed mode is a change", async () => {
    const store = newStore();
    expect((await snapshot(store, { skipUnchanged: true })).skipped).toBe(false);
    const same = await snapshot(store, { skipUnchanged: true });
    expect(same).toMatchObject({ skipped: true, seq: 1, attempts: 1, newBlobs: 0 });
    writeFileSync(join(tree, "deploy/run.sh"), "#!/bin/sh\n", { mode: 0o644 });
    try {
      expect((await snapshot(store, { skipUnchanged: true })).seq).toBe(2);
      chmodSync(join(tree, "deploy/run.sh"), 0o755);
      const modeOnly = await snapshot(store, { skipUnchanged: true });
      expect(modeOnly).toMatchObject({ skipped: false, seq: 3, newBlobs: 0, reusedBlobs: 3 });
    } finally {
      unlinkSync(join(tree, "deploy/run.sh"));
    }
  });
});

describe("createSnapshot: losing a race", () => {
  it("re-reads the head, links to the winner, re-signs and commits without re-encrypting", async () => {
    const store = newStore();
    // Another writer commits between this snapshot's view and its commit.
    const { racing, winner } = storeThatLosesOneRace(store, keys, "prod");
    const result = await snapshot(racing);
    expect(result).toMatchObject({ attempts: 2, seq: 2, previousId: winner(), newBlobs: 2 });
    expect(result.manifest?.prev).toBe(winner());
    expect(await store.listBlobs()).toHaveLength(2);
    const catalog = await readCatalog(store, "prod");
    expect(catalog.map((e) => e.seq)).toEqual([1, 2]);
    // What was committed is the re-signed manifest, and the audit chain is intact.
    expect((await loadSnapshot(store, catalog[1] as NonNullable<(typeof catalog)[1]>)).id).toBe(
      result.id,
    );
    expect(verifyAuditChain(await store.readAuditLines()).problems).toEqual([]);
  });
});
