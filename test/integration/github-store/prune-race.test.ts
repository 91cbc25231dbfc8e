import { mkdirSync, writeFileSync } from "node:fs";
import { blobRefOf } from "../../../core/snapshot/blob-ref-of.js";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { createSnapshot } from "../../../core/snapshot/create-snapshot.js";
import { forgetSnapshots } from "../../../core/snapshot/forget-snapshots.js";
import { planForget } from "../../../core/snapshot/plan-forget.js";
import { pruneBlobs } from "../../../core/snapshot/prune-blobs.js";
import { openManifest } from "../../../core/snapshot/open-manifest.js";
import { loadPolicy } from "../../../core/policy/load-policy.js";
import type { Policy } from "../../../core/policy/policy.js";
import { memoryPolicySource } from "../../../core/policy/policy-source.js";
import type { GitHubStore } from "../../../core/store/github-store.js";
import type { Store } from "../../../core/store/store.js";
import type { RegularFileEntry } from "../../../core/types.js";
import { commitCraftedManifest } from "../../helpers/craft-manifest.js";
import { startBackupRepo, type BackupRepo } from "../../helpers/github-backup-repo.js";
import { makeKeys, type TestKeys } from "../../helpers/keys.js";
import { tempDir } from "../../helpers/temp-dir.js";

describe("prune racing a snapshot on a GitHub store", () => {
  const work = tempDir("snapgate-ghprune-");
  let backup: BackupRepo;
  let keys: TestKeys;
  let policy: Policy;

  beforeAll(async () => {
    backup = await startBackupRepo();
    keys = await makeKeys();
    policy = await loadPolicy(
      memoryPolicySource({
        ".github/snapgate.yml": `keys: { recipients: [${keys.age.recipient}], writers: [{ key: ${keys.verifyKey} }] }
tiers: { tier1: { max_age: 24h, retention: { keep: { last: 1 } } } }
environments: { a: { tier: tier1 }, b: { tier: tier1 } }
`,
      }),
    );
  });
  afterAll(() => backup.gh.close());

  /** Two snapshots of `stream`, the first forgotten: returns the file entry whose blob prune will delete. */
  async function forgottenBlob(stream: string): Promise<RegularFileEntry> {
    const root = join(work, stream);
    mkdirSync(root, { recursive: true });
    for (const content of ["one", "two"]) {
      writeFileSync(join(root, "app.yaml"), `${stream}: ${content}\n`);
      await createSnapshot({
        store: backup.store,
        root,
        paths: ["."],
        stream,
        phase: "manual",
        recipients: [keys.age.recipient],
        writerKey: keys.writer,
      });
    }
    const now = new Date();
    const plan = await planForget({ store: backup.store, policy, environment: stream, now });
    await forgetSnapshots(backup.store, plan, {
      approval: null,
      policyDigest: null,
      now,
      appKeys: [],
    });
    const first = await openManifest(
      backup.store,
      (await backup.store.readManifest(stream, 1)) as Uint8Array,
      `${stream}@1`,
    );
    return first.files[0] as RegularFileEntry;
  }

  const present = async (file: RegularFileEntry) =>
    (await backup.store.readBlob(blobRefOf(file))) !== null;

  /** The store as prune sees it, with `during` run at one point of its deletion. */
  function pruneStore(
    at: "before-delete" | "inside-recheck",
    during: () => Promise<unknown>,
  ): Store {
    const store: GitHubStore = backup.newStore();
    let fired = false;
    const once = async () => {
      if (fired) return;
      fired = true;
      await during();
    };
    return new Proxy(store, {
      get(target, property, receiver) {
        if (property === "deleteBlobs") {
          return async (...[blobs, recheck]: Parameters<Store["deleteBlobs"]>) => {
            if (at === "before-delete") await once();
            return target.deleteBlobs(blobs, async (candidates) => {
              const kept = recheck ? await recheck(candidates) : candidates;
              if (at === "inside-recheck") await once();
              return kept;
            });
          };
        }
        const value = Reflect.get(target, property, receiver) as unknown;
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
  }

  it("spares a blob a snapshot reused after prune's scan, before its delete commit", async () => {
    const reused = await forgottenBlob("a");
    const store = pruneStore("before-delete", () =>
      commitCraftedManifest(backup.newStore(), keys.writer, "a", [reused], [keys.age.recipient]),
    );
    const result = await pruneBlobs(store, { graceMs: 0, now: new Date() });
    expect(result.spared).toEqual([reused.blob]);
    expect(result.damaged).toEqual([]);
    expect(await present(reused)).toBe(true);
  });

  it("spares a blob a snapshot reused between prune's recheck and its ref update", async () => {
    const reused = await forgottenBlob("b");
    const store = pruneStore("inside-recheck", () =>
      commitCraftedManifest(backup.newStore(), keys.writer, "b", [reused], [keys.age.recipient]),
    );
    const result = await pruneBlobs(store, { graceMs: 0, now: new Date() });
    // The deletion's ref update failed (not a fast forward) and was rebuilt on the new head.
    expect(result.spared).toEqual([reused.blob]);
    expect(result.damaged).toEqual([]);
    expect(await present(reused)).toBe(true);
  });
});
