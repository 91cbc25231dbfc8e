import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { loadPolicy } from "../../../core/policy/load-policy.js";
import type { Policy } from "../../../core/policy/policy.js";
import { memoryPolicySource } from "../../../core/policy/policy-source.js";
import { snapshotUnderPolicy } from "../../../core/snapshot/snapshot-under-policy.js";
import { planForgetSnapshots } from "../../../core/snapshot/plan-forget-snapshots.js";
import { readCatalog } from "../../../core/snapshot/read-catalog.js";
import { LocalDirStore } from "../../../core/store/local-dir-store.js";
import { makeKeys, type TestKeys } from "../../helpers/keys.js";
import { tempDir } from "../../helpers/temp-dir.js";

/** The plan of a forget request: named snapshots, their tier, and what no quorum overrides. */
const work = tempDir();
let keys: TestKeys;
let store: LocalDirStore;

const policyWith = (tiers: string): Promise<Policy> =>
  loadPolicy(
    memoryPolicySource({
      ".github/snapgate.yml": `keys: { recipients: [${keys.age.recipient}], writers: [{ key: ${keys.verifyKey} }] }
tiers:
${tiers}
environments: { dev: { tier: tier1 } }
components: [{ name: vault, paths: ["secrets/**"], tier: tier0 }]
`,
    }),
  );
const TIERS = `  tier0: { max_age: 24h, approvals: 3 }
  tier1: { max_age: 24h, approvals: 1 }`;

beforeAll(async () => {
  keys = await makeKeys();
  store = new LocalDirStore(join(work, "store"));
  const policy = await policyWith(TIERS);
  for (const [index, files] of [
    { "app.yaml": "a: 1\n" },
    { "app.yaml": "a: 2\n", "secrets/root.key": "k\n" },
  ].entries()) {
    const tree = join(work, `tree-${index}`);
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(join(tree, path, ".."), { recursive: true });
      writeFileSync(join(tree, path), content);
    }
    await snapshotUnderPolicy({
      policy,
      store,
      root: tree,
      paths: ["."],
      stream: "dev",
      phase: "post",
      writerKey: keys.writer,
      changeTicketVerifier: null,
      time: new Date(Date.UTC(2026, 0, index + 1)),
    });
  }
});

describe("planForgetSnapshots", () => {
  it("drops exactly the named snapshots; one holding a tier-0 component is tier-0 and sets the approvals", async () => {
    const policy = await policyWith(TIERS);
    const [first, second] = await readCatalog(store, "dev");
    const plan = await planForgetSnapshots(store, policy, "dev", [first!.id], "ticket 1");
    expect(plan.drop.map((drop) => [drop.seq, drop.tier0, drop.reasons])).toEqual([
      [1, false, ["ticket 1"]],
    ]);
    expect(plan.tier0Drops).toEqual([]);
    const both = await planForgetSnapshots(store, policy, "dev", [first!.id, second!.id], "t");
    expect(both.tier0Drops).toEqual([second!.id]);
    expect(both.requiredApprovals).toBe(3);
  });

  it("refuses a legal hold (no quorum overrides it), an unknown snapshot and an environment the policy lacks", async () => {
    const [, second] = await readCatalog(store, "dev");
    const held =
      await policyWith(`  tier0: { max_age: 24h, retention: { floor: { legal_hold: { reason: "case 42" } } } }
  tier1: { max_age: 24h }`);
    await expect(planForgetSnapshots(store, held, "dev", [second!.id], "t")).rejects.toMatchObject({
      code: "POLICY",
      fix: expect.stringContaining("no approval overrides it"),
    });
    const policy = await policyWith(TIERS);
    await expect(
      planForgetSnapshots(store, policy, "dev", ["ab".repeat(32)], "t"),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      planForgetSnapshots(store, policy, "prod", [second!.id], "t"),
    ).rejects.toMatchObject({
      code: "CONFIG",
    });
  });
});
