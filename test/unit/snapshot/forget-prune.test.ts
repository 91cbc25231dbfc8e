import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "@jest/globals";
import { isSnapgateError } from "../../../core/errors.js";
import { loadPolicy } from "../../../core/policy/load-policy.js";
import type { Policy } from "../../../core/policy/policy.js";
import { memoryPolicySource } from "../../../core/policy/policy-source.js";
import { appendAuditEvents } from "../../../core/audit/append-audit-events.js";
import { forgetSnapshots } from "../../../core/snapshot/forget-snapshots.js";
import { planForget } from "../../../core/snapshot/plan-forget.js";
import { pruneBlobs } from "../../../core/snapshot/prune-blobs.js";
import { readTombstone, tombstonePath } from "../../../core/snapshot/tombstone.js";
import { LocalDirStore } from "../../../core/store/local-dir-store.js";
import { blobPath, type Store } from "../../../core/store/store.js";
import { blobRefOf } from "../../../core/snapshot/blob-ref-of.js";
import type { RegularFileEntry } from "../../../core/types.js";
import { commitCraftedManifest } from "../../helpers/craft-manifest.js";
import { readStoredManifest } from "../../helpers/read-stored-manifest.js";
import { makeKeys, type TestKeys } from "../../helpers/keys.js";
import { snapshotTree } from "../../helpers/snapshot-tree.js";
import { tempDir } from "../../helpers/temp-dir.js";

const work = tempDir();
let keys: TestKeys;
let policy: Policy;
let store: LocalDirStore;
let count = 0;
const now = new Date();

/** A fresh store with `n` snapshots of env "dev", each of a different file content. */
async function storeWith(n: number): Promise<LocalDirStore> {
  count += 1;
  const fresh = new LocalDirStore(join(work, `store-${count}`));
  const tree = join(work, `tree-${count}`);
  mkdirSync(tree, { recursive: true });
  for (let i = 1; i <= n; i++) {
    writeFileSync(join(tree, "app.yaml"), `version: ${i}\n`);
    await snapshotTree(fresh, tree, keys, { stream: "dev", time: new Date(Date.UTC(2026, 0, i)) });
  }
  return fresh;
}

async function forgetAllButNewest(target: Store): Promise<void> {
  const plan = await planForget({ store: target, policy, environment: "dev", now });
  await forgetSnapshots(target, plan, { approval: null, policyDigest: null, appKeys: [], now });
}

beforeEach(async () => {
  keys ??= await makeKeys();
  policy ??= await loadPolicy(
    memoryPolicySource({
      ".github/snapgate.yml": `keys: { recipients: [${keys.age.recipient}], writers: [{ key: ${keys.verifyKey} }] }
tiers: { tier1: { max_age: 24h, retention: { keep: { last: 1 } } } }
environments: { dev: { tier: tier1 } }
`,
    }),
  );
  store = await storeWith(3);
});

describe("forgetSnapshots", () => {
  it("counts a tombstone another forget wrote first as already forgotten", async () => {
    const plan = await planForget({ store, policy, environment: "dev", now });
    expect(plan.drop.map((d) => d.seq)).toEqual([2, 1]);
    await forgetSnapshots(
      store,
      { ...plan, drop: plan.drop.slice(1) },
      {
        approval: null,
        policyDigest: null,
        appKeys: [],
        now,
      },
    );
    const outcome = await forgetSnapshots(store, plan, {
      approval: null,
      policyDigest: null,
      appKeys: [],
      now,
    });
    expect(outcome.tombstones).toEqual([tombstonePath("dev", 2)]);
    expect(outcome.alreadyForgotten).toEqual([plan.drop[1]?.id]);
  });
});

describe("readTombstone", () => {
  it("refuses a damaged record, or one filed under another seq", async () => {
    await forgetAllButNewest(store);
    const path = store.path(tombstonePath("dev", 1));
    chmodSync(path, 0o644);
    writeFileSync(path, "{not json");
    await expect(readTombstone(store, tombstonePath("dev", 1))).rejects.toThrow(
      "The tombstone tombstones/dev/0000000001.json",
    );
    const two = store.path(tombstonePath("dev", 2));
    chmodSync(two, 0o644);
    writeFileSync(path, readFileSync(two));
    await expect(readTombstone(store, tombstonePath("dev", 1))).rejects.toThrow("is damaged");
  });
});

describe("pruneBlobs", () => {
  const blobOf = async (target: LocalDirStore, seq: number): Promise<RegularFileEntry> => {
    return (await readStoredManifest(target, "dev", seq)).files[0] as RegularFileEntry;
  };
  const exists = (target: LocalDirStore, file: RegularFileEntry) =>
    existsSync(target.path(blobPath(blobRefOf(file))));

  it("treats a forgotten snapshot with a damaged tombstone as live", async () => {
    await forgetAllButNewest(store);
    const path = store.path(tombstonePath("dev", 1));
    chmodSync(path, 0o644);
    writeFileSync(path, "damaged");
    // Read first: prune takes dev@2's nodes with its blobs.
    const [one, two] = [await blobOf(store, 1), await blobOf(store, 2)];
    const result = await pruneBlobs(store, { graceMs: 0, now });
    expect(result.deleted).toHaveLength(1);
    expect(exists(store, one)).toBe(true);
    expect(exists(store, two)).toBe(false);
    expect(result.referenced).toBe(2);
    // dev@1 counts as live, so its nodes stay and it still opens.
    expect((await blobOf(store, 1)).blob).toBe(one.blob);
  });

  it("spares a blob that a snapshot committed while prune ran reuses", async () => {
    await forgetAllButNewest(store);
    const reused = await blobOf(store, 1);
    const doomed = await blobOf(store, 2);
    let injected = false;
    const racing = new Proxy(store, {
      get(target, property, receiver) {
        if (property === "listBlobs") {
          return async () => {
            const listed = await target.listBlobs();
            if (!injected) {
              injected = true;
              await commitCraftedManifest(
                target,
                keys.writer,
                "dev",
                [reused],
                [keys.age.recipient],
              );
            }
            return listed;
          };
        }
        const value = Reflect.get(target, property, receiver) as unknown;
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    const result = await pruneBlobs(racing, { graceMs: 0, now });
    expect(result.spared).toEqual([reused.blob]);
    expect(result.deleted.map((blob) => blob.id)).toEqual([doomed.blob]);
    expect(exists(store, reused)).toBe(true);
    expect(result.damaged).toEqual([]);
  });

  it("a snapshot that would reference a blob prune just deleted is refused by the store, so nothing is damaged", async () => {
    await forgetAllButNewest(store);
    const doomed = await blobOf(store, 2);
    let refused: unknown;
    // The writer read the store (and found the blob) before prune deleted it.
    const earlier = await store.beginWrite("dev");
    const racing = new Proxy(store, {
      get(target, property, receiver) {
        if (property === "deleteBlobs") {
          return async (...args: Parameters<Store["deleteBlobs"]>) => {
            await target.deleteBlobs(...args);
            refused = await commitCraftedManifest(
              target,
              keys.writer,
              "dev",
              [doomed],
              [keys.age.recipient],
              earlier,
            ).catch((error: unknown) => error);
          };
        }
        const value = Reflect.get(target, property, receiver) as unknown;
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    const result = await pruneBlobs(racing, { graceMs: 0, now });
    // The local store checks, under its commit lock, that every referenced blob still exists;
    // the snapshot engine retries such a conflict and stores the content again.
    expect(String(refused)).toContain("lost a race");
    expect(result.damaged).toEqual([]);
  });

  it("keeps orphans of unknown age, and deletes nothing on a dry run", async () => {
    await forgetAllButNewest(store);
    const ageless = new Proxy(store, {
      get(target, property, receiver) {
        if (property === "listBlobs")
          return async () =>
            (await target.listBlobs()).map(({ modifiedAt: _modifiedAt, ...blob }) => blob);
        const value = Reflect.get(target, property, receiver) as unknown;
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    const prefix = store.path("blobs/ee");
    mkdirSync(prefix, { recursive: true });
    writeFileSync(join(prefix, `${"e".repeat(64)}-${"3".repeat(64)}.age`), "orphan");
    const dry = await pruneBlobs(ageless, { graceMs: 0, now, dryRun: true });
    expect(dry.deleted.map((blob) => blob.reason)).toEqual(["forgotten", "forgotten"]);
    expect(dry.waiting).toEqual([
      expect.objectContaining({ id: "e".repeat(64), reason: "orphan", since: null }),
    ]);
    expect(exists(store, await blobOf(store, 1))).toBe(true);
  });
});

describe("appendAuditEvents", () => {
  it("re-chains and retries when another writer appended first", async () => {
    let conflicts = 1;
    const contended = new Proxy(store, {
      get(target, property, receiver) {
        if (property === "appendAudit") {
          return async (...args: Parameters<Store["appendAudit"]>) => {
            if (conflicts-- > 0) return "conflict";
            return target.appendAudit(...args);
          };
        }
        const value = Reflect.get(target, property, receiver) as unknown;
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    const before = (await store.readAuditLines()).length;
    await appendAuditEvents(contended, [
      { type: "test.event", time: now, actor: { kind: "cli" }, subject: {} },
    ]);
    expect((await store.readAuditLines()).length).toBe(before + 1);
    expect(conflicts).toBe(-1);
    await appendAuditEvents(store, []);
    expect((await store.readAuditLines()).length).toBe(before + 1);
  });

  it("gives up with CONFLICT when it never wins", async () => {
    const hopeless = new Proxy(store, {
      get(target, property, receiver) {
        if (property === "appendAudit") return async () => "conflict";
        const value = Reflect.get(target, property, receiver) as unknown;
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    const failure = await appendAuditEvents(hopeless, [
      { type: "test.event", time: now, actor: { kind: "cli" }, subject: {} },
    ]).catch((error: unknown) => error);
    expect(isSnapgateError(failure, "CONFLICT")).toBe(true);
  });
});

describe("pruneBlobs: manifest nodes (format v2)", () => {
  const nodeIds = async (target: Store, seq: number) =>
    new Set((await readStoredManifest(target, "dev", seq)).nodes ?? []);
  // Local stores write nodes gzip'd (ADR 1106).
  const nodeExists = (target: LocalDirStore, id: string) =>
    existsSync(target.path(`nodes/${id.slice(0, 2)}/${id}.json.gz`));

  it("deletes the nodes only forgotten snapshots named, keeps the live ones, and the live snapshot still opens", async () => {
    const [one, two, three] = [
      await nodeIds(store, 1),
      await nodeIds(store, 2),
      await nodeIds(store, 3),
    ];
    const doomed = [...one, ...two].filter((id) => !three.has(id));
    expect(doomed.length).toBeGreaterThan(0);
    await forgetAllButNewest(store);
    const dry = await pruneBlobs(store, { graceMs: 0, now, dryRun: true });
    expect(dry.nodes.deleted.sort()).toEqual([...new Set(doomed)].sort());
    expect(doomed.every((id) => nodeExists(store, id))).toBe(true);

    const result = await pruneBlobs(store, { graceMs: 0, now });
    expect(result.nodes).toMatchObject({ referenced: three.size, waiting: 0, spared: [] });
    expect(result.nodes.deleted.sort()).toEqual([...new Set(doomed)].sort());
    expect(doomed.some((id) => nodeExists(store, id))).toBe(false);
    expect([...three].every((id) => nodeExists(store, id))).toBe(true);
    expect((await readStoredManifest(store, "dev", 3)).files).toHaveLength(1);
    // A forgotten root still verifies (signature, chain) without its nodes.
    const { verifySnapshots } = await import("../../../core/snapshot/verify-snapshots.js");
    const { readAllCatalogs } = await import("../../../core/snapshot/read-catalog.js");
    const { listForgotten } = await import("../../../core/snapshot/tombstone.js");
    const forgotten = await listForgotten(store);
    const entries = await readAllCatalogs(store);
    const report = await verifySnapshots({
      store,
      snapshots: entries,
      trustedKeys: [keys.verifyKey],
      level: "structure",
      forgotten: new Set(
        entries.filter((e) => forgotten.get(e.stream)?.has(e.seq)).map((e) => e.id),
      ),
    });
    expect(report.snapshots.map((s) => s.ok)).toEqual([true, true, true]);
  });

  it("keeps nodes within the grace period", async () => {
    await forgetAllButNewest(store);
    const result = await pruneBlobs(store, { graceMs: 60 * 60 * 1000, now });
    expect(result.nodes.deleted).toEqual([]);
    expect(result.nodes.waiting).toBeGreaterThan(0);
  });

  it("spares a node that a snapshot committed while prune ran names", async () => {
    await forgetAllButNewest(store);
    const reused = [...(await nodeIds(store, 1))];
    let injected = false;
    const racing = new Proxy(store, {
      get(target, property, receiver) {
        if (property === "listBlobs") {
          return async () => {
            const listed = await target.listBlobs();
            if (!injected) {
              injected = true;
              // The first snapshot's tree again, after prune's scan: the same entries (its
              // blob is spared as well), hence the same node ids.
              const tree = join(work, `tree-${count}`);
              writeFileSync(join(tree, "app.yaml"), "version: 1\n");
              await snapshotTree(target, tree, keys, {
                stream: "dev",
                time: new Date(Date.UTC(2026, 0, 9)),
              });
            }
            return listed;
          };
        }
        const value = Reflect.get(target, property, receiver) as unknown;
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    const result = await pruneBlobs(racing, { graceMs: 0, now });
    expect(injected).toBe(true);
    expect(result.nodes.spared.sort()).toEqual([...reused].sort());
    expect(reused.every((id) => nodeExists(store, id))).toBe(true);
    expect((await readStoredManifest(store, "dev", 4)).files).toHaveLength(1);
  });
});

describe("prune and packs (ADR 1114)", () => {
  it("keeps a pack while a live snapshot names one of its files, and deletes one only forgotten snapshots name", async () => {
    count += 1;
    const packed = new LocalDirStore(join(work, `store-${count}`));
    const tree = join(work, `tree-${count}`);
    mkdirSync(tree, { recursive: true });
    const write = (version: number, from = 0) => {
      for (let i = from; i < 40; i++)
        writeFileSync(join(tree, `f${i}.yaml`), `f${i}: ${version}\n`);
    };
    const take = (day: number) =>
      snapshotTree(packed, tree, keys, { stream: "dev", time: new Date(Date.UTC(2026, 0, day)) });
    const packsOf = (result: Awaited<ReturnType<typeof take>>) =>
      new Set(
        result.manifest?.files.flatMap((f) => (f.type === "file" && f.pack ? [f.pack.blob] : [])),
      );
    write(1);
    const first = packsOf(await take(1));
    // f0 stays as it was: its content is still in a pack of the first snapshot. The 39
    // others change twice, into new packs each time.
    write(2, 1);
    const second = packsOf(await take(2));
    write(3, 1);
    const third = await take(3);
    const live = packsOf(third);
    const f0 = third.manifest?.files.find((f) => f.path === "f0.yaml");
    const kept = f0?.type === "file" ? (f0.pack?.blob as string) : "";
    expect(first.has(kept)).toBe(true);
    const doomed = [...new Set([...first, ...second])].filter((id) => !live.has(id));
    expect(doomed.length).toBeGreaterThan(0);

    await forgetAllButNewest(packed);
    const result = await pruneBlobs(packed, { graceMs: 0, now });
    expect(result.deleted.map((blob) => blob.id).sort()).toEqual(doomed.sort());
    const left = (await packed.listBlobs()).map((blob) => blob.id).sort();
    expect(left).toEqual([...live].sort());
    expect(left).toContain(kept);
    const { restoreSnapshot } = await import("../../../core/snapshot/restore-snapshot.js");
    const { loadSnapshot } = await import("../../../core/snapshot/load-snapshot.js");
    const { resolveSnapshot } = await import("../../../core/snapshot/resolve-snapshot.js");
    const target = join(work, `restored-${count}`);
    await restoreSnapshot({
      store: packed,
      snapshot: await loadSnapshot(packed, await resolveSnapshot(packed, "dev@3")),
      opener: keys.opener,
      trustedKeys: [keys.verifyKey],
      target,
    });
    expect(readFileSync(join(target, "f0.yaml"), "utf8")).toBe("f0: 1\n");
    expect(readFileSync(join(target, "f39.yaml"), "utf8")).toBe("f39: 3\n");
  });
});
