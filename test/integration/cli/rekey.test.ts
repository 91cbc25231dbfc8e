import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import {
  formatIdentityFile,
  generateAgeKeyPair,
  type AgeKeyPair,
} from "../../../core/crypto/age-keys.js";
import { loadSodium } from "../../../core/crypto/sodium.js";
import { gatherGateFacts } from "../../../core/gate/gather-gate-facts.js";
import { loadPolicy } from "../../../core/policy/load-policy.js";
import { memoryPolicySource } from "../../../core/policy/policy-source.js";
import { rekeyStore, type RekeyStep } from "../../../core/rekey/rekey-store.js";
import { createSnapshot } from "../../../core/snapshot/create-snapshot.js";
import { pruneBlobs } from "../../../core/snapshot/prune-blobs.js";
import { LocalDirStore } from "../../../core/store/local-dir-store.js";
import { makeKeys, type TestKeys } from "../../helpers/keys.js";
import { runCli } from "../../helpers/run-cli.js";
import { tempDir } from "../../helpers/temp-dir.js";

const CONFIG = "log_level: info\n".repeat(400);

interface Fixture {
  dir: string;
  store: LocalDirStore;
  keys: TestKeys;
  old: AgeKeyPair;
  next: AgeKeyPair;
  blobFiles: () => string[];
}

const root = tempDir("snapgate-rekey-");
let fixtures = 0;

/** A store with two environments, three snapshots, shared and gzipped blobs, sealed to `old`. */
async function fixture(): Promise<Fixture> {
  const dir = join(root, `f${++fixtures}`);
  mkdirSync(join(dir, "tree"), { recursive: true });
  const sodium = await loadSodium();
  const keys = await makeKeys();
  const old = generateAgeKeyPair(sodium);
  const next = generateAgeKeyPair(sodium);
  writeFileSync(join(dir, "old.txt"), formatIdentityFile(old, new Date()), { mode: 0o600 });
  writeFileSync(join(dir, "new.txt"), formatIdentityFile(next, new Date()), { mode: 0o600 });
  writeFileSync(join(dir, "writer.key"), `${keys.writerText}\n`, { mode: 0o600 });
  const store = new LocalDirStore(join(dir, "store"));
  const take = async (stream: string, files: Record<string, string>) => {
    for (const [path, content] of Object.entries(files))
      writeFileSync(join(dir, "tree", path), content);
    await createSnapshot({
      store,
      root: join(dir, "tree"),
      paths: Object.keys(files),
      stream,
      phase: "manual",
      recipients: [old.recipient],
      writerKey: keys.writer,
    });
  };
  await take("prod", { "app.yaml": "a: 1\n", "big.yaml": CONFIG, ".env": "KEY=one\n" });
  await take("prod", { "app.yaml": "a: 2\n", "big.yaml": CONFIG, ".env": "KEY=one\n" });
  await take("dev", { "app.yaml": "a: 3\n" });
  const blobFiles = () =>
    readdirSync(join(dir, "store/blobs"), { recursive: true, encoding: "utf8" })
      .filter((name) => name.endsWith(".age"))
      .map((name) => join(dir, "store/blobs", name))
      .sort();
  return { dir, store, keys, old, next, blobFiles };
}

const restoreAll = async (f: Fixture, identity: string, tag: string) => {
  const runs = [];
  for (const spec of ["prod@1", "prod@2", "dev@1"]) {
    const to = join(f.dir, `out-${tag}-${spec.replace("@", "-")}`);
    rmSync(to, { recursive: true, force: true });
    runs.push({
      spec,
      to,
      run: await runCli(
        [
          "restore",
          spec,
          "--store",
          "store",
          "--identity",
          identity,
          "--to",
          to,
          "--verify-key",
          f.keys.verifyKey,
          "--json",
        ],
        { cwd: f.dir },
      ),
    });
  }
  return runs;
};

const expectRestoresWithNewIdentityOnly = async (f: Fixture) => {
  for (const { spec, to, run } of await restoreAll(f, "new.txt", "new")) {
    expect({ spec, code: run.code, stderr: run.stderr }).toEqual({ spec, code: 0, stderr: "" });
    if (spec === "prod@2") {
      expect(readFileSync(join(to, "app.yaml"), "utf8")).toBe("a: 2\n");
      expect(readFileSync(join(to, "big.yaml"), "utf8")).toBe(CONFIG);
      expect(readFileSync(join(to, ".env"), "utf8")).toBe("KEY=one\n");
    }
  }
  for (const { run } of await restoreAll(f, "old.txt", "old")) expect(run.code).not.toBe(0);
};

describe("snapgate rekey: re-wrap every blob for a new recipient set", () => {
  it("then restores with only the new identity; the old identity opens no blob on the store", async () => {
    const f = await fixture();
    const before = f.blobFiles();
    const dry = await runCli(
      [
        "rekey",
        "--store",
        "store",
        "--identity",
        "old.txt",
        "--recipient",
        f.next.recipient,
        "--writer-key",
        "writer.key",
        "--dry-run",
        "--json",
      ],
      { cwd: f.dir },
    );
    expect(dry.code).toBe(0);
    expect(f.blobFiles()).toEqual(before);

    const run = await runCli(
      [
        "rekey",
        "--store",
        "store",
        "--identity",
        "old.txt",
        "--recipient",
        f.next.recipient,
        "--writer-key",
        "writer.key",
        "--json",
      ],
      { cwd: f.dir },
    );
    expect(run.code).toBe(0);
    const result = run.json() as { blobs: { state: string }[]; skipped: unknown[] };
    expect(result.skipped).toEqual([]);
    expect(result.blobs.filter((b) => b.state === "rewrapped")).toHaveLength(before.length);
    // Same number of blob files: each old one replaced by its re-wrapped one.
    const after = f.blobFiles();
    expect(after).toHaveLength(before.length);
    expect(after.filter((file) => before.includes(file))).toEqual([]);

    await expectRestoresWithNewIdentityOnly(f);
    // Break-glass with the age CLI: the new identity opens every blob, the old one none.
    for (const file of after) {
      const opened = execFileSync("age", ["-d", "-i", join(f.dir, "new.txt"), file]);
      expect(opened.length).toBeGreaterThan(0);
      expect(spawnSync("age", ["-d", "-i", join(f.dir, "old.txt"), file]).status).not.toBe(0);
    }
    // The signed manifests and the chain still verify, at both levels.
    const verify = await runCli(
      [
        "verify",
        "--all",
        "--store",
        "store",
        "--verify-key",
        f.keys.verifyKey,
        "--identity",
        "new.txt",
        "--writer-key",
        "writer.key",
        "--json",
      ],
      { cwd: f.dir },
    );
    expect(verify.code).toBe(0);
    expect((verify.json() as { blobsChecked: number }).blobsChecked).toBe(before.length);

    // The gate follows the records too, by reading blobs (the CLI's check) and by listing.
    expect(await gateMissing(f)).toEqual({ read: [], list: [] });
    // With the old identity, verify says where each file went and which identity opens it.
    const old = await runCli(
      [
        "verify",
        "prod@2",
        "--store",
        "store",
        "--verify-key",
        f.keys.verifyKey,
        "--identity",
        "old.txt",
        "--json",
      ],
      { cwd: f.dir },
    );
    expect(old.code).not.toBe(0);
    const problems = (
      old.json() as { snapshots: { problems: { kind: string; message: string; path: string }[] }[] }
    ).snapshots[0]!.problems;
    expect(problems.map((p) => [p.kind, p.path]).sort()).toEqual([
      ["rewrapped", ".env"],
      ["rewrapped", "app.yaml"],
      ["rewrapped", "big.yaml"],
    ]);
    expect(problems[0]!.message).toContain(
      `re-wrapped by \`snapgate rekey\` at ${new Date().toISOString().slice(0, 10)}`,
    );
    expect(problems[0]!.message).toContain(
      `(${f.next.recipient}); ${f.old.recipient} is not in it.`,
    );

    // Run again: nothing to do, nothing written.
    const again = await runCli(
      [
        "rekey",
        "--store",
        "store",
        "--identity",
        "new.txt",
        "--recipient",
        f.next.recipient,
        "--writer-key",
        "writer.key",
        "--json",
      ],
      { cwd: f.dir },
    );
    expect(
      (again.json() as { blobs: { state: string }[] }).blobs.every((b) => b.state === "current"),
    ).toBe(true);
    expect(f.blobFiles()).toEqual(after);

    // Prune keeps re-wrapped blobs: they are referenced through their records.
    const pruned = await pruneBlobs(f.store, {
      graceMs: 0,
      now: new Date(Date.now() + 86_400_000),
    });
    expect(pruned.deleted).toEqual([]);
    expect(f.blobFiles()).toEqual(after);
  });

  it("re-keyed twice (a second rotation), a third run follows both records: every blob current, nothing skipped", async () => {
    const f = await fixture();
    const third = generateAgeKeyPair(await loadSodium());
    const base = { store: f.store, writerKey: f.keys.writer };
    await rekeyStore({
      ...base,
      identities: await makeOpenerKeys(f.old),
      recipients: [f.next.recipient],
    });
    const second = await rekeyStore({
      ...base,
      identities: await makeOpenerKeys(f.next),
      recipients: [third.recipient],
    });
    expect(second.skipped).toEqual([]);
    expect(second.blobs.every((b) => b.state === "rewrapped")).toBe(true);
    const again = await rekeyStore({
      ...base,
      identities: await makeOpenerKeys(third),
      recipients: [third.recipient],
    });
    expect(again.skipped).toEqual([]);
    expect(again.blobs.map((b) => b.state)).toEqual(second.blobs.map(() => "current"));
    expect(await gateMissing(f)).toEqual({ read: [], list: [] });
  });

  it("a re-wrap record signed by an untrusted key is not followed", async () => {
    const f = await fixture();
    const stranger = await makeKeys();
    writeFileSync(join(f.dir, "stranger.key"), `${stranger.writerText}\n`, { mode: 0o600 });
    await runCli(
      [
        "rekey",
        "--store",
        "store",
        "--identity",
        "old.txt",
        "--recipient",
        f.next.recipient,
        "--writer-key",
        "stranger.key",
        "--json",
      ],
      { cwd: f.dir },
    );
    const verify = await runCli(
      ["verify", "prod@2", "--store", "store", "--verify-key", f.keys.verifyKey, "--json"],
      { cwd: f.dir },
    );
    expect(verify.code).not.toBe(0);
    expect(verify.stdout).toContain("missing-blob");
    // Nor by the gate: the policy does not list the stranger's key.
    const missing = await gateMissing(f);
    expect(missing.read).toHaveLength(3);
    expect(missing.list).toEqual(missing.read);
  });

  it.each<[RekeyStep, number]>([
    ["written", 1],
    ["recorded", 2],
    ["retired", 3],
    ["written", 4],
  ])(
    "stopped after '%s' of blob %i, a second run finishes: no loss, no duplicate",
    async (step, nth) => {
      const f = await fixture();
      const before = f.blobFiles();
      const options = {
        store: f.store,
        identities: await makeOpenerKeys(f.old),
        recipients: [f.next.recipient],
        writerKey: f.keys.writer,
      };
      let seen = 0;
      await expect(
        rekeyStore({
          ...options,
          onStep: (at) => {
            if (at === step && ++seen === nth) throw new Error("killed");
          },
        }),
      ).rejects.toThrow("killed");
      // In between, every snapshot restores with both identities: each blob is old or re-wrapped.
      writeFileSync(join(f.dir, "both.txt"), `${f.old.identity}\n${f.next.identity}\n`, {
        mode: 0o600,
      });
      for (const { spec, run } of await restoreAll(f, "both.txt", "mid")) {
        expect({ spec, code: run.code, stderr: run.stderr }).toEqual({ spec, code: 0, stderr: "" });
      }
      const second = await rekeyStore(options);
      expect(second.skipped).toEqual([]);
      expect(f.blobFiles()).toHaveLength(before.length);
      const records = readdirSync(join(f.dir, "store/rewraps"), {
        recursive: true,
        encoding: "utf8",
      }).filter((n) => n.endsWith(".json"));
      expect(records).toHaveLength(before.length);
      await expectRestoresWithNewIdentityOnly(f);
    },
  );
});

/** The blob ids the gate finds missing from prod's newest snapshot, by reading blobs and by listing. */
async function gateMissing(f: Fixture): Promise<{ read: unknown; list: unknown }> {
  const policy = await loadPolicy(
    memoryPolicySource({
      ".github/snapgate.yml": `keys:\n  recipients: [${f.next.recipient}]\n  writers:\n    - key: ${f.keys.verifyKey}\ntiers:\n  tier1: { max_age: 24h, approvals: 1 }\nenvironments:\n  prod: { tier: tier1, release_branches: [main] }\n`,
    }),
  );
  const facts = async (blobs: "read" | "list") =>
    (await gatherGateFacts(f.store, policy, "prod", new Date(), { blobs })).snapshot?.missingBlobs;
  return { read: ((await facts("read")) ?? []).sort(), list: ((await facts("list")) ?? []).sort() };
}

async function makeOpenerKeys(pair: AgeKeyPair): Promise<Uint8Array[]> {
  const { parseIdentities } = await import("../../../core/crypto/age-keys.js");
  return parseIdentities(pair.identity, "test");
}
