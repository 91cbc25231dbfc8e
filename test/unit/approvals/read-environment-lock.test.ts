import { beforeAll, describe, expect, it } from "@jest/globals";
import {
  environmentLockPath,
  sealEnvironmentLock,
} from "../../../core/approvals/environment-lock-record.js";
import { readEnvironmentLock } from "../../../core/approvals/read-environment-lock.js";
import type { EnvironmentLock } from "../../../core/approvals/request-lifecycle.js";
import { loadSodium, type Sodium } from "../../../core/crypto/sodium.js";
import { gatherGateFacts } from "../../../core/gate/gather-gate-facts.js";
import { decideGate } from "../../../core/gate/decide-gate.js";
import { loadPolicy } from "../../../core/policy/load-policy.js";
import { memoryPolicySource } from "../../../core/policy/policy-source.js";
import { LocalDirStore } from "../../../core/store/local-dir-store.js";
import { makeKeys, type TestKeys } from "../../helpers/keys.js";
import { tempDir } from "../../helpers/temp-dir.js";

/**
 * Lock records: write-once revisions under locks/<env>/, signed with the app
 * key; the newest decides; anything not the app's is INTEGRITY, never
 * "unlocked", and the gate turns it into an unknown (failing) condition.
 */
let sodium: Sodium;
let keys: TestKeys;
let other: TestKeys;
const root = tempDir("snapgate-locks-");
let n = 0;

beforeAll(async () => {
  sodium = await loadSodium();
  keys = await makeKeys();
  other = await makeKeys();
});

async function freshStore(): Promise<LocalDirStore> {
  n += 1;
  const store = new LocalDirStore(`${root}/store-${n}`);
  await store.initialize();
  return store;
}

const held: EnvironmentLock = {
  environment: "prod",
  by: { id: 7, login: "carol" },
  reason: "INC-9",
  at: "2026-12-01T10:00:00.000Z",
  commentId: 11,
};
const revision = (number: number, lock: EnvironmentLock | null, key = keys.app) =>
  sealEnvironmentLock(
    sodium,
    { environment: "prod", revision: number, lock, by: { id: 7, login: "carol" }, at: held.at },
    key,
  );

describe("readEnvironmentLock", () => {
  it("is null for an environment never locked, and the newest revision decides", async () => {
    const store = await freshStore();
    expect(await readEnvironmentLock(store, "prod", [keys.appVerifyKey])).toBeNull();
    await store.writeRecords([revision(1, held)]);
    expect(await readEnvironmentLock(store, "prod", [keys.appVerifyKey])).toEqual(held);
    await store.writeRecords([revision(2, null)]);
    expect(await readEnvironmentLock(store, "prod", [keys.appVerifyKey])).toBeNull();
    expect(await store.listRecords("locks/prod/")).toEqual([
      environmentLockPath("prod", 1),
      environmentLockPath("prod", 2),
    ]);
  });

  it("refuses a second writer of the same revision (write-once)", async () => {
    const store = await freshStore();
    await store.writeRecords([revision(1, held)]);
    await expect(store.writeRecords([revision(1, null)])).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });

  it("a record signed by another key, altered, unsigned or misplaced is INTEGRITY", async () => {
    const store = await freshStore();
    await store.writeRecords([revision(1, held), revision(2, null, other.app)]);
    await expect(readEnvironmentLock(store, "prod", [keys.appVerifyKey])).rejects.toMatchObject({
      code: "INTEGRITY",
      message: expect.stringContaining("signed by a key that is not an app key of the policy"),
    });

    const altered = await freshStore();
    const record = revision(1, held);
    const text = Buffer.from(record.bytes).toString("utf8").replace("INC-9", "INC-0");
    await altered.writeRecords([{ path: record.path, bytes: Buffer.from(text) }]);
    await expect(readEnvironmentLock(altered, "prod", [keys.appVerifyKey])).rejects.toMatchObject({
      code: "INTEGRITY",
      message: expect.stringContaining("altered"),
    });

    const unsigned = await freshStore();
    const { signature: _signature, ...body } = JSON.parse(
      Buffer.from(revision(1, null).bytes).toString("utf8"),
    ) as Record<string, unknown>;
    await unsigned.writeRecords([
      { path: environmentLockPath("prod", 1), bytes: Buffer.from(JSON.stringify(body)) },
    ]);
    await expect(readEnvironmentLock(unsigned, "prod", [keys.appVerifyKey])).rejects.toMatchObject({
      code: "INTEGRITY",
      message: expect.stringContaining("not signed by the Snapgate App"),
    });

    const moved = await freshStore();
    await moved.writeRecords([
      { path: environmentLockPath("prod", 3), bytes: revision(1, held).bytes },
    ]);
    await expect(readEnvironmentLock(moved, "prod", [keys.appVerifyKey])).rejects.toMatchObject({
      code: "INTEGRITY",
      message: expect.stringContaining("not the environment and revision its path names"),
    });
  });
});

describe("the gate and the lock", () => {
  const policyText = (app: string) =>
    [
      "keys:",
      `  recipients: [${keys.age.recipient}]`,
      `  writers: [{ key: ${keys.verifyKey} }]`,
      `  app: [{ key: ${app} }]`,
      "tiers:",
      "  tier1: { max_age: 24h }",
      "environments:",
      "  prod: { tier: tier1 }",
    ].join("\n");

  it("a held lock fails the gate with who and why; a forged one is unknown; none adds no condition", async () => {
    const store = await freshStore();
    const policy = await loadPolicy(
      memoryPolicySource({ ".github/snapgate.yml": policyText(keys.appVerifyKey) }),
    );
    const now = new Date("2026-12-01T11:00:00.000Z");
    const unlocked = decideGate(await gatherGateFacts(store, policy, "prod", now));
    expect(unlocked.conditions.map((condition) => condition.name)).not.toContain("lock");

    await store.writeRecords([revision(1, held)]);
    const locked = decideGate(await gatherGateFacts(store, policy, "prod", now));
    expect(locked.conclusion).toBe("failure");
    expect(locked.conditions.find((condition) => condition.name === "lock")).toMatchObject({
      state: "fail",
      detail: "prod is locked by @carol since 2026-12-01T10:00:00.000Z: INC-9.",
      fix: expect.stringContaining("/snapgate unlock --env prod"),
    });

    await store.writeRecords([revision(2, null, other.app)]);
    const forged = decideGate(await gatherGateFacts(store, policy, "prod", now));
    expect(forged.conditions.find((condition) => condition.name === "lock")).toMatchObject({
      state: "unknown",
      detail: expect.stringContaining("cannot be trusted"),
    });
  });
});
