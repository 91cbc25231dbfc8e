import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import type { ApprovalRequest } from "../../../core/approvals/approval-request.js";
import { authorizeRestore } from "../../../core/approvals/authorize-restore.js";
import { requestDigest } from "../../../core/approvals/request-digest.js";
import { sha256Hex } from "../../../core/crypto/sha256-hex.js";
import { loadPolicy } from "../../../core/policy/load-policy.js";
import { memoryPolicySource } from "../../../core/policy/policy-source.js";
import { policyDigest } from "../../../core/policy/policy-digest.js";
import type { Policy } from "../../../core/policy/policy.js";
import { snapshotTier } from "../../../core/policy/snapshot-tier.js";
import { loadSnapshot, type LoadedSnapshot } from "../../../core/snapshot/load-snapshot.js";
import { planForget } from "../../../core/snapshot/plan-forget.js";
import { snapshotUnderPolicy } from "../../../core/snapshot/snapshot-under-policy.js";
import { LocalDirStore } from "../../../core/store/local-dir-store.js";
import { makeKeys, signRequest, type TestKeys } from "../../helpers/keys.js";
import { tempDir } from "../../helpers/temp-dir.js";

const work = tempDir();
const root = join(work, "repo");
let keys: TestKeys;
let count = 0;

beforeAll(async () => {
  keys = await makeKeys();
  mkdirSync(join(root, "deploy"), { recursive: true });
  mkdirSync(join(root, "db"), { recursive: true });
  writeFileSync(join(root, "deploy/app.yaml"), "replicas: 3\n");
  writeFileSync(join(root, "db/schema.sql"), "create table t (id int);\n");
});

/** staging is tier1 (1 approval, few floors); the db component in it is tier0. */
const policyWith = (tier0Floor: string) =>
  loadPolicy(
    memoryPolicySource({
      ".github/snapgate.yml": `keys:
  recipients: [${keys.age.recipient}]
  writers: [{ key: ${keys.verifyKey} }]
  app: [{ key: ${keys.appVerifyKey} }]
tiers:
  tier0: { max_age: 24h, approvals: 3, retention: { keep: { last: 1 }, floor: ${tier0Floor} } }
  tier1: { max_age: 24h, approvals: 1, retention: { keep: { last: 1 } } }
environments: { staging: { tier: tier1 } }
components:
  - { name: app, paths: ["deploy/**"] }
  - { name: db, paths: ["db/**"], tier: tier0 }
`,
    }),
  );

/** Snapshots of staging, oldest first; true: with the tier-0 db file. */
async function snapshots(policy: Policy, withDb: boolean[]): Promise<LocalDirStore> {
  const store = new LocalDirStore(join(work, `store${++count}`));
  for (const db of withDb) {
    await snapshotUnderPolicy({
      store,
      root,
      paths: db ? ["deploy", "db"] : ["deploy"],
      stream: "staging",
      phase: "post",
      writerKey: keys.writer,
      policy,
      changeTicketVerifier: null,
    });
  }
  return store;
}

describe("a snapshot's tier is the most critical tier of any file it holds", () => {
  it("snapshotTier: a tier-0 component lifts a tier-1 environment's snapshot to tier-0", async () => {
    const policy = await policyWith("{}");
    expect(snapshotTier(policy, "staging", { components: ["app"] }).name).toBe("tier1");
    expect(snapshotTier(policy, "staging", { components: ["app", "db"] }).name).toBe("tier0");
    expect(snapshotTier(policy, "staging", { tiers: ["tier0"] }).name).toBe("tier0");
    expect(snapshotTier(policy, "staging", { tiers: ["gone"] }).name).toBe("tier1");
  });

  it("forget keeps a snapshot under its tier-0 file's legal hold", async () => {
    const policy = await policyWith("{ legal_hold: { reason: case 7 } }");
    const store = await snapshots(policy, [true, false, false]);
    const plan = await planForget({ store, policy, environment: "staging", now: new Date() });
    expect(plan.decisions.map((d) => [d.seq, d.keep, d.tier])).toEqual([
      [3, true, "tier1"],
      [2, false, "tier1"],
      [1, true, "tier0"],
    ]);
    expect(plan.decisions.find((d) => d.seq === 1)?.reasons).toContain(
      "floor legal_hold of tier0 (case 7)",
    );
  });

  it("forget applies tier-0's min_count to tier-0 snapshots and asks for tier-0's approvals", async () => {
    const policy = await policyWith("{ min_count: 1 }");
    const store = await snapshots(policy, [true, true, false]);
    const plan = await planForget({ store, policy, environment: "staging", now: new Date() });
    expect(plan.decisions.map((d) => [d.seq, d.keep, d.tier0])).toEqual([
      [3, true, false],
      [2, true, true],
      [1, false, true],
    ]);
    expect(plan.decisions.find((d) => d.seq === 2)?.reasons).toEqual([
      "floor min_count 1 of tier0",
    ]);
    expect(plan.tier0Drops).toHaveLength(1);
    expect(plan.requiredApprovals).toBe(3);
  });

  it("a restore of a snapshot holding a tier-0 file needs tier-0's quorum", async () => {
    const policy = await policyWith("{}");
    const store = await snapshots(policy, [true, false]);
    const [withDb, appOnly] = await Promise.all(
      [1, 2].map(async (seq) => {
        const bytes = (await store.readManifest("staging", seq)) as Uint8Array;
        return loadSnapshot(store, { stream: "staging", seq, id: sha256Hex(bytes) });
      }),
    );
    const now = new Date();
    const authorize = async (snapshot: LoadedSnapshot) => {
      const base: Omit<ApprovalRequest, "digest" | "approvals"> = {
        format: "snapgate.request/v1",
        id: `req-${snapshot.manifest.seq}`,
        action: "restore",
        subject: {
          environment: "staging",
          snapshots: [snapshot.id],
          policyDigest: `sha256:${policyDigest(policy)}`,
        },
        requester: { id: 1, login: "alice" },
        createdAt: new Date(now.getTime() - 3600_000).toISOString(),
        expiresAt: new Date(now.getTime() + 3600_000).toISOString(),
        state: "approved",
      };
      const digest = requestDigest(base);
      const at = new Date(now.getTime() - 60_000).toISOString();
      const request: ApprovalRequest = {
        ...base,
        digest,
        approvals: [
          { user: { id: 2, login: "bob" }, at, digest },
          { user: { id: 3, login: "carol" }, at, digest },
        ],
      };
      await store.writeRecords([
        {
          path: `requests/${base.id}.json`,
          bytes: new TextEncoder().encode(JSON.stringify(await signRequest(request, keys.app))),
        },
      ]);
      return authorizeRestore({
        store,
        snapshot,
        trustedKeys: [keys.verifyKey],
        requestId: base.id,
        policy,
        include: [],
        run: null,
        now,
      });
    };
    // Two approvals are enough for tier1, not for the tier-0 db file.
    expect((await authorize(appOnly as LoadedSnapshot)).kind).toBe("request");
    await expect(authorize(withDb as LoadedSnapshot)).rejects.toMatchObject({
      code: "POLICY",
      summary: expect.stringContaining("the tier needs 3"),
    });
  });
});
