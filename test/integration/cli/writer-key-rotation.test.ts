import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { createSnapshot } from "../../../core/snapshot/create-snapshot.js";
import { loadSnapshot } from "../../../core/snapshot/load-snapshot.js";
import { readCatalog } from "../../../core/snapshot/read-catalog.js";
import { restoreSnapshot } from "../../../core/snapshot/restore-snapshot.js";
import { loadPolicy } from "../../../core/policy/load-policy.js";
import { localPolicySource } from "../../../core/policy/local-policy-source.js";
import { LocalDirStore } from "../../../core/store/local-dir-store.js";
import { makeKeys, type TestKeys } from "../../helpers/keys.js";
import { runCli } from "../../helpers/run-cli.js";
import { tempDir } from "../../helpers/temp-dir.js";

interface VerifyJson {
  ok: boolean;
  snapshots: { seq: number; ok: boolean; problems: { kind: string; message: string }[] }[];
}

/**
 * A rotation as the runbook does it: the old key's period ends, the new key's
 * starts. Snapshots are judged by their signed time, so old ones keep
 * verifying and the old key (say, leaked) cannot sign anything new.
 */
describe("writer-key rotation: keys.writers validity periods", () => {
  const dir = tempDir();
  let oldKeys: TestKeys;
  let newKeys: TestKeys;
  const store = () => new LocalDirStore(join(dir, "store"));

  const snapshot = (writer: TestKeys, time: string, content: string) => {
    writeFileSync(join(dir, "tree/app.yaml"), content);
    return createSnapshot({
      store: store(),
      root: join(dir, "tree"),
      paths: ["app.yaml"],
      stream: "prod",
      phase: "manual",
      recipients: [oldKeys.age.recipient],
      writerKey: writer.writer,
      time: new Date(time),
    });
  };

  beforeAll(async () => {
    [oldKeys, newKeys] = await Promise.all([makeKeys(), makeKeys()]);
    mkdirSync(join(dir, "tree"));
    mkdirSync(join(dir, ".github"));
    writeFileSync(
      join(dir, ".github/snapgate.yml"),
      [
        "keys:",
        `  recipients: [${oldKeys.age.recipient}]`,
        "  writers:",
        `    - { key: ${oldKeys.verifyKey}, valid_until: 2026-06-30 }`,
        `    - { key: ${newKeys.verifyKey}, valid_from: 2026-06-30 }`,
        "tiers: { tier1: { max_age: 1h } }",
        "environments: { prod: { tier: tier1 } }",
        "",
      ].join("\n"),
    );
    await snapshot(oldKeys, "2026-05-01T00:00:00Z", "a: 1\n");
    await snapshot(newKeys, "2026-08-01T00:00:00Z", "a: 2\n");
  });

  const verifyAll = async () => {
    const run = await runCli(["verify", "--all", "--store", "store", "--json"], { cwd: dir });
    return { code: run.code, report: run.json() as VerifyJson };
  };

  it("old snapshots keep verifying after the rotation, new ones verify with the new key", async () => {
    const { code, report } = await verifyAll();
    expect(report.snapshots.map((s) => [s.seq, s.ok])).toEqual([
      [1, true],
      [2, true],
    ]);
    expect(code).toBe(0);
  });

  it("refuses a manifest the old key signed after its period ended, in verify and in restore", async () => {
    await snapshot(oldKeys, "2026-09-01T00:00:00Z", "a: 3\n");
    const { code, report } = await verifyAll();
    expect(code).not.toBe(0);
    const third = report.snapshots.find((s) => s.seq === 3);
    expect(third?.ok).toBe(false);
    expect(third?.problems[0]?.kind).toBe("signature");
    expect(third?.problems[0]?.message).toContain(
      "was not valid at its signed time 2026-09-01T00:00:00.000Z",
    );
    // The same key's earlier snapshot is still good.
    expect(report.snapshots.find((s) => s.seq === 1)?.ok).toBe(true);

    const policy = await loadPolicy(localPolicySource(dir));
    const entry = (await readCatalog(store(), "prod")).find((e) => e.seq === 3);
    if (!entry) throw new Error("prod@3 is missing");
    await expect(
      restoreSnapshot({
        store: store(),
        snapshot: await loadSnapshot(store(), entry),
        opener: oldKeys.opener,
        trustedKeys: policy.keys.writers.map((w) => w.key),
        writerPeriods: policy.keys.writers,
        target: join(dir, "out"),
      }),
    ).rejects.toThrow(/was not valid at its signed time .* Nothing was restored\./);
  });

  it("without periods (explicit --verify-key) the key is trusted as given", async () => {
    const run = await runCli(
      ["verify", "prod@3", "--store", "store", "--verify-key", oldKeys.verifyKey, "--json"],
      { cwd: dir },
    );
    expect(run.code).toBe(0);
  });
});
