import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  statSync,
  symlinkSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "@jest/globals";
import { CLI_BUNDLE, runCli } from "../../helpers/run-cli.js";
import { tempDir } from "../../helpers/temp-dir.js";

interface VerifyJson {
  ok: boolean;
  snapshots: Array<{
    seq: number;
    ok: boolean;
    problems: Array<{ kind: string; message: string; path?: string }>;
  }>;
}

/** Each test damages a fresh store the way a failing disk or an attacker with write access would. */
describe("damaged stores and wrong keys get precise errors", () => {
  const work = tempDir();
  let recipient = "";
  let verifyKey = "";
  let store = "";
  let count = 0;
  const cli = (...args: string[]) => runCli(args, { cwd: work });
  const snapshot = (file: string, content: string) => {
    writeFileSync(join(work, "tree", file), content);
    return cli(
      "snapshot",
      "--store",
      store,
      "--env",
      "prod",
      "--phase",
      "manual",
      "--recipient",
      recipient,
      "--writer-key",
      "w.key",
      "--root",
      "tree",
      ".",
    );
  };
  const blobFiles = () =>
    readdirSync(join(work, store, "blobs")).flatMap((prefix) =>
      readdirSync(join(work, store, "blobs", prefix)).map((name) =>
        join(work, store, "blobs", prefix, name),
      ),
    );

  beforeEach(async () => {
    if (!recipient) {
      recipient = (await cli("keygen", "--out", "id.txt")).stdout.trim();
      verifyKey = (await cli("keygen", "--writer", "--out", "w.key")).stdout.trim();
      mkdirSync(join(work, "tree"));
    }
    store = `store${++count}`;
    await snapshot("app.yaml", "replicas: 1\n");
    await snapshot("app.yaml", "replicas: 2\n");
  });

  it("a tampered blob: verify names the file and snapshot, restore refuses", async () => {
    const blob = blobFiles()[0] as string;
    chmodSync(blob, 0o644);
    const bytes = readFileSync(blob);
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 0xff;
    writeFileSync(blob, bytes);
    const verify = await cli(
      "verify",
      "--all",
      "--store",
      store,
      "--verify-key",
      verifyKey,
      "--json",
    );
    expect(verify.code).toBe(3);
    const report = verify.json() as VerifyJson;
    const problem = report.snapshots
      .flatMap((s) => s.problems.map((p) => ({ seq: s.seq, ...p })))
      .find((p) => p.kind === "tampered-blob");
    expect(problem?.path).toBe("app.yaml");
    expect(problem?.message).toMatch(/app\.yaml in snapshot prod@\d/);

    const seq = problem?.seq;
    const restore = await cli(
      "restore",
      `prod@${seq}`,
      "--store",
      store,
      "--identity",
      "id.txt",
      "--verify-key",
      verifyKey,
      "--to",
      `out-${store}`,
      "--json",
    );
    expect(restore.code).toBe(1);
    expect(restore.json()).toMatchObject({ error: { code: "INTEGRITY" } });
    expect(restore.stderr).toContain("tampered");
    // Nothing half-restored is left behind: no temp files of the files decrypted before it.
    const out = join(work, `out-${store}`);
    const leftovers = existsSync(out)
      ? readdirSync(out, { recursive: true, encoding: "utf8" }).filter((name) =>
          name.includes(".snapgate-tmp-"),
        )
      : [];
    expect(leftovers).toEqual([]);
  });

  it("a missing blob is reported as missing", async () => {
    for (const blob of blobFiles()) unlinkSync(blob);
    const report = (
      await cli(
        "verify",
        "latest",
        "--env",
        "prod",
        "--store",
        store,
        "--verify-key",
        verifyKey,
        "--json",
      )
    ).json() as VerifyJson;
    expect(report.snapshots[0]?.problems.map((p) => p.kind)).toEqual(["missing-blob"]);
  });

  it("a replaced manifest breaks the chain at its seq", async () => {
    // Replace manifest 1 by a validly signed manifest of another store: signature fine, chain not.
    const other = `${store}-other`;
    const saved = store;
    store = other;
    await snapshot("app.yaml", "replicas: 9\n");
    store = saved;
    const first = join(work, store, "manifests/prod/0000000001.json");
    chmodSync(first, 0o644);
    copyFileSync(join(work, other, "manifests/prod/0000000001.json"), first);
    const report = (
      await cli("verify", "prod@2", "--store", store, "--verify-key", verifyKey, "--json")
    ).json() as VerifyJson;
    expect(report.ok).toBe(false);
    expect(report.snapshots[0]?.problems[0]).toMatchObject({ kind: "chain" });
    expect(report.snapshots[0]?.problems[0]?.message).toContain("between seq 1 and 2");
  });

  it("a deleted manifest breaks the chain and says which seq is missing", async () => {
    unlinkSync(join(work, store, "manifests/prod/0000000001.json"));
    const report = (
      await cli("verify", "prod@2", "--store", store, "--verify-key", verifyKey, "--json")
    ).json() as VerifyJson;
    expect(report.snapshots[0]?.problems[0]?.message).toContain("broken at seq 1");
  });

  it("a manifest signed by an unknown writer is refused", async () => {
    const stranger = (
      await cli("keygen", "--writer", "--out", `stranger-${store}.key`)
    ).stdout.trim();
    const verify = await cli(
      "verify",
      "latest",
      "--env",
      "prod",
      "--store",
      store,
      "--verify-key",
      stranger,
      "--json",
    );
    expect((verify.json() as VerifyJson).snapshots[0]?.problems[0]).toMatchObject({
      kind: "signature",
    });
    const restore = await cli(
      "restore",
      "latest",
      "--env",
      "prod",
      "--store",
      store,
      "--identity",
      "id.txt",
      "--verify-key",
      stranger,
      "--to",
      `o-${store}`,
    );
    expect(restore.code).toBe(1);
    expect(restore.stderr).toContain("not a trusted writer key");
    expect(existsSync(join(work, `o-${store}`))).toBe(false);
  });

  it("a wrong identity names the snapshot's recipients and the identity's key", async () => {
    const other = (await cli("keygen", "--out", `other-${store}.txt`)).stdout.trim();
    const restore = await cli(
      "restore",
      "latest",
      "--env",
      "prod",
      "--store",
      store,
      "--identity",
      `other-${store}.txt`,
      "--verify-key",
      verifyKey,
      "--to",
      `w-${store}`,
    );
    expect(restore.code).toBe(1);
    expect(restore.stderr).toContain(`is encrypted to ${recipient}; your identity is ${other}`);
    // Found before anything is made: no empty folders to clean up before a retry.
    expect(existsSync(join(work, `w-${store}`))).toBe(false);
  });

  it("--force never writes through a symlink planted in the target", async () => {
    const target = join(work, `planted-${store}`);
    mkdirSync(target);
    mkdirSync(join(work, `victim-${store}`));
    symlinkSync(join(work, `victim-${store}`), join(target, "sub"));
    writeFileSync(join(work, "tree/sub-file.yaml"), "x: 1\n");
    mkdirSync(join(work, "tree/sub"), { recursive: true });
    writeFileSync(join(work, "tree/sub/inner.yaml"), "y: 2\n");
    await snapshot("app.yaml", "replicas: 3\n");
    const restore = await cli(
      "restore",
      "latest",
      "--env",
      "prod",
      "--store",
      store,
      "--identity",
      "id.txt",
      "--verify-key",
      verifyKey,
      "--to",
      target,
      "--force",
    );
    expect(restore.code).toBe(1);
    expect(restore.stderr).toContain("is a symlink");
    expect(readdirSync(join(work, `victim-${store}`))).toEqual([]);
  });

  it("a store directory that is not a store is refused", async () => {
    mkdirSync(join(work, "not-a-store"));
    writeFileSync(join(work, "not-a-store/file.txt"), "hello");
    const run = await cli(
      "snapshot",
      "--store",
      "not-a-store",
      "--env",
      "prod",
      "--phase",
      "manual",
      "--recipient",
      recipient,
      "--writer-key",
      "w.key",
      "--root",
      "tree",
      ".",
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("is not empty and is not a Snapgate store");
  });

  it("a write that fails for lack of space leaves no lock behind, and the next snapshot goes ahead", async () => {
    // Same content as snapshot 1: nothing to encrypt, so the first file written is the lock's.
    writeFileSync(join(work, "tree", "app.yaml"), "replicas: 1\n");
    const args = [
      "snapshot",
      "--store",
      store,
      "--env",
      "prod",
      "--phase",
      "manual",
      "--recipient",
      recipient,
      "--writer-key",
      "w.key",
      "--root",
      "tree",
      ".",
    ];
    // A file size limit of 0 fails every write (EFBIG), as a full disk fails it (ENOSPC).
    const full = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(
        "bash",
        ["-c", 'ulimit -f 0; exec "$0" "$@"', process.execPath, CLI_BUNDLE, ...args],
        { cwd: work, stdio: "ignore" },
      );
      child.on("error", reject);
      child.on("close", resolve);
    });
    expect(full).not.toBe(0);
    expect(existsSync(join(work, store, "locks", "commit.lock"))).toBe(false);
    const next = await cli(...args.slice(0, -1), "--json", ".");
    expect({ code: next.code, stderr: next.stderr }).toEqual({ code: 0, stderr: "" });
    expect(next.json()).toMatchObject({ seq: 3 });
  });
  const restoreLatest = (to: string) =>
    cli(
      "restore",
      "latest",
      "--env",
      "prod",
      "--store",
      store,
      "--identity",
      "id.txt",
      "--verify-key",
      verifyKey,
      "--to",
      to,
    );
  const verifyAll = () => cli("verify", "--all", "--store", store, "--verify-key", verifyKey);

  it("a deleted newest manifest: verify, restore latest and the next snapshot all say so", async () => {
    unlinkSync(join(work, store, "manifests/prod/0000000002.json"));
    const verify = await verifyAll();
    expect(verify.code).not.toBe(0);
    expect(verify.stderr).toContain(
      "heads/prod.json names prod@2, but manifests/prod/0000000002.json is missing",
    );
    const restore = await restoreLatest(`out-${store}`);
    expect(restore.code).not.toBe(0);
    expect(restore.stderr).toContain("names prod@2");
    expect(existsSync(join(work, `out-${store}`, "app.yaml"))).toBe(false);
    const next = await snapshot("app.yaml", "replicas: 3\n");
    expect(next.code).not.toBe(0);
    expect(next.stderr).toContain("Restore manifests/prod/ from a copy of the store");
    expect(readdirSync(join(work, store, "manifests/prod"))).toEqual(["0000000001.json"]);
  });

  it("a junk catalog line: list, verify and restore give an integrity error naming file and line", async () => {
    const shards = readdirSync(join(work, store, "catalog/prod"));
    const shard = join(work, store, "catalog/prod", shards[0] as string);
    const [first, second] = readFileSync(shard, "utf8").trim().split("\n");
    for (const junk of ["null", '{"seq":2,"id":null}']) {
      writeFileSync(shard, [first, junk, second].join("\n") + "\n");
      for (const run of [
        await cli("list", "--store", store),
        await verifyAll(),
        await restoreLatest(`out-${store}`),
      ]) {
        expect(run.code).toBe(1);
        expect(run.stderr).toContain(`Line 2 of catalog/prod/${shards[0]} is not a catalog entry`);
        expect(run.stderr).toContain("Delete that line");
        expect(run.stderr).not.toContain("TypeError");
      }
    }
  });

  it("a newest manifest that is not JSON: verify reports it and the next snapshot refuses to chain onto it", async () => {
    const newest = join(work, store, "manifests/prod/0000000002.json");
    chmodSync(newest, 0o644);
    writeFileSync(newest, "this is not json");
    const verify = await verifyAll();
    expect(verify.code).toBe(3);
    expect(verify.stdout).toContain("FAIL prod@2");
    expect(verify.stdout).toContain("is not valid JSON");
    const next = await snapshot("app.yaml", "replicas: 3\n");
    expect(next.code).toBe(1);
    expect(next.stderr).toContain("manifests/prod/0000000002.json, the newest manifest of prod in");
    expect(next.stderr).toContain("is not JSON: a snapshot cannot chain onto it");
    expect(readdirSync(join(work, store, "manifests/prod"))).toHaveLength(2);
  });
  /** Runs the bundled CLI with every file write limited to `blocks` x 512 bytes (a nearly full disk). */
  const cliWithFileLimit = (blocks: number, ...args: string[]) =>
    new Promise<number | null>((resolve, reject) => {
      const child = spawn(
        "bash",
        ["-c", `ulimit -f ${blocks}; exec "$0" "$@"`, process.execPath, CLI_BUNDLE, ...args],
        { cwd: work, stdio: "ignore" },
      );
      child.on("error", reject);
      child.on("close", resolve);
    });
  const tempFilesIn = (dir: string) =>
    readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((path) =>
      path.split("/").some((segment) => segment.startsWith(".snapgate-tmp-")),
    );

  it("a snapshot that fails on a full disk leaves no temp files, and prune clears what a killed writer left", async () => {
    // Small files fit under the limit, the large random one does not.
    mkdirSync(join(work, "tree-full"));
    for (let i = 0; i < 20; i++)
      writeFileSync(join(work, "tree-full", `small${i}.yaml`), `n: ${i}\n`);
    writeFileSync(join(work, "tree-full", "large.bin"), randomBytes(256 * 1024));
    const code = await cliWithFileLimit(
      4,
      "snapshot",
      "--store",
      store,
      "--env",
      "prod",
      "--phase",
      "manual",
      "--recipient",
      recipient,
      "--writer-key",
      "w.key",
      "--root",
      "tree-full",
      ".",
    );
    expect(code).not.toBe(0);
    expect(tempFilesIn(join(work, store))).toEqual([]);
    expect(readdirSync(join(work, store, "manifests/prod"))).toHaveLength(2);

    // What kill -9 leaves: temp files nobody will rename. Prune removes those older than 6 hours.
    const aged = join(work, store, "locks", ".snapgate-tmp-killed");
    const recent = join(work, store, "locks", ".snapgate-tmp-recent");
    writeFileSync(aged, "x".repeat(1000));
    writeFileSync(recent, "x".repeat(1000));
    const then = new Date(Date.now() - 7 * 60 * 60 * 1000);
    utimesSync(aged, then, then);
    const prune = await cli("prune", "--store", store, "--grace", "0s");
    expect({ code: prune.code, stderr: prune.stderr }).toEqual({ code: 0, stderr: "" });
    expect(prune.stdout).toContain("Removed 1 temp file(s) (1000 B) left by interrupted writers.");
    expect(tempFilesIn(join(work, store))).toEqual(
      [".snapgate-tmp-recent"].map((name) => `locks/${name}`),
    );
  });
  it("prune skips a stray file in blobs/ and names it, instead of failing with ENOTDIR", async () => {
    writeFileSync(join(work, store, "blobs", "README"), "notes\n");
    const prune = await cli("prune", "--store", store, "--grace", "0s");
    expect({ code: prune.code, stderr: prune.stderr }).toEqual({ code: 0, stderr: "" });
    expect(prune.stdout).toContain(
      "Skipped 1 file(s) under blobs/ that are not blobs (move them out of the store): blobs/README.",
    );
    expect(existsSync(join(work, store, "blobs", "README"))).toBe(true);
  });

  it("store folders are never group- or other-writable, even under umask 000", async () => {
    const previous = process.umask(0);
    try {
      store = `store-umask-${count}`;
      expect((await snapshot("app.yaml", "replicas: 5\n")).code).toBe(0);
      expect(
        (await cli("verify", "--all", "--store", store, "--verify-key", verifyKey, "--record"))
          .code,
      ).toBe(0);
    } finally {
      process.umask(previous);
    }
    const folders = readdirSync(join(work, store), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => join(entry.parentPath, entry.name));
    expect(folders.length).toBeGreaterThan(5);
    const loose = folders.filter((folder) => (statSync(folder).mode & 0o022) !== 0);
    expect(loose).toEqual([]);
    expect(statSync(join(work, store)).mode & 0o022).toBe(0);
  });
  it("doctor checks every folder of a local store, not just the top one", async () => {
    chmodSync(join(work, store), 0o755);
    const tidy = await cli("doctor", "--store", store);
    expect(tidy.code).toBe(0);
    chmodSync(join(work, store, "manifests"), 0o777);
    const loose = await cli("doctor", "--store", store, "--json");
    expect(loose.code).toBe(3);
    expect(loose.json()).toMatchObject({
      ok: false,
      findings: [
        {
          check: "only the owner can write the store",
          ok: false,
          detail: expect.stringContaining("manifests (777)") as unknown,
          fix: `chmod -R go-w ${join(work, store)}`,
        },
        { check: "the store is owned by you", ok: true },
      ],
    });
  });
});
