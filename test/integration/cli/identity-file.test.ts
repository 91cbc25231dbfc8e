import { execFileSync, spawn } from "node:child_process";
import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { createSnapshot } from "../../../core/snapshot/create-snapshot.js";
import { LocalDirStore } from "../../../core/store/local-dir-store.js";
import { makeKeys, type TestKeys } from "../../helpers/keys.js";
import { CLI_BUNDLE, spawnCli, type CliRun } from "../../helpers/run-cli.js";
import { tempDir } from "../../helpers/temp-dir.js";

describe("identity and writer key files", () => {
  const dir = tempDir();
  let keys: TestKeys;

  beforeAll(async () => {
    keys = await makeKeys();
    mkdirSync(join(dir, "tree"));
    writeFileSync(join(dir, "tree/app.yaml"), "a: 1\n");
    await createSnapshot({
      store: new LocalDirStore(join(dir, "store")),
      root: join(dir, "tree"),
      paths: ["app.yaml"],
      stream: "prod",
      phase: "manual",
      recipients: [keys.age.recipient],
      writerKey: keys.writer,
    });
  });

  const verify = (...extra: string[]): Promise<CliRun> =>
    spawnCli(
      [
        "verify",
        "latest",
        "--env",
        "prod",
        "--store",
        "store",
        "--verify-key",
        keys.verifyKey,
        ...extra,
      ],
      { cwd: dir },
    );

  it("warns once, naming the file and the chmod, when group or others may read it", async () => {
    writeFileSync(join(dir, "open.txt"), `${keys.age.identity}\n`);
    chmodSync(join(dir, "open.txt"), 0o644);
    writeFileSync(join(dir, "open.key"), `${keys.writerText}\n`);
    chmodSync(join(dir, "open.key"), 0o640);
    const run = await verify("--identity", "open.txt", "--writer-key", "open.key");
    expect(run.code).toBe(0);
    expect(
      run.stderr.match(/identity file open\.txt is accessible by group or others \(mode 0644\)/g),
    ).toHaveLength(1);
    expect(run.stderr.match(/chmod 600 open\.txt/g)).toHaveLength(1);
    expect(run.stderr).toContain(
      "writer key file open.key is accessible by group or others (mode 0640)",
    );
    expect(run.stderr).not.toContain(keys.age.identity.slice(16, 24));
  });

  it("says nothing about a file only its owner may read", async () => {
    writeFileSync(join(dir, "closed.txt"), `${keys.age.identity}\n`, { mode: 0o600 });
    chmodSync(join(dir, "closed.txt"), 0o600);
    const run = await verify("--identity", "closed.txt");
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
  });

  it("refuses a FIFO instead of waiting for a writer forever", async () => {
    execFileSync("mkfifo", [join(dir, "fifo")]);
    // The old code blocked in open(); the child is killed if it hangs, which fails the test.
    const run = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(
        process.execPath,
        [
          CLI_BUNDLE,
          "verify",
          "latest",
          "--env",
          "prod",
          "--store",
          "store",
          "--verify-key",
          keys.verifyKey,
          "--identity",
          "fifo",
        ],
        { cwd: dir, env: { PATH: process.env.PATH }, timeout: 20_000 },
      );
      let stderr = "";
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      child.on("close", (code) => resolve({ code, stderr }));
    });
    expect(run.stderr).toMatch(
      /^snapgate verify: The identity file fifo is a FIFO, not a regular file\./,
    );
    expect(run.code).toBe(1);
    const directory = await verify("--identity", "tree");
    expect(directory.stderr).toContain(
      "The identity file tree is a directory, not a regular file.",
    );
  }, 40_000);
});
