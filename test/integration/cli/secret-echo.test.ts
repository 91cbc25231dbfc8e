import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { createSnapshot } from "../../../core/snapshot/create-snapshot.js";
import { LocalDirStore } from "../../../core/store/local-dir-store.js";
import { makeKeys, type TestKeys } from "../../helpers/keys.js";
import { spawnCli, type CliRun } from "../../helpers/run-cli.js";
import { tempDir } from "../../helpers/temp-dir.js";

/** Every 6 characters of a key's data part (after the bech32 separator), upper and lower case. */
function fragments(key: string): string[] {
  const data = key.slice(key.lastIndexOf("1") + 1);
  const pieces: string[] = [];
  for (let i = 0; i + 6 <= data.length; i++) pieces.push(data.slice(i, i + 6).toLowerCase());
  return pieces;
}

/** Nothing of the secret reaches stdout or stderr, not even a few characters of it. */
function expectNoEcho(run: CliRun, secret: string): void {
  const output = `${run.stdout}\n${run.stderr}`.toLowerCase();
  for (const piece of fragments(secret)) expect(output).not.toContain(piece);
}

describe("errors never echo key material", () => {
  const dir = tempDir();
  let keys: TestKeys;

  beforeAll(async () => {
    keys = await makeKeys();
    mkdirSync(join(dir, ".github"));
    mkdirSync(join(dir, "deploy"));
    writeFileSync(join(dir, "deploy/app.yaml"), "a: 1\n");
    // A store to verify and restore from, so the commands get as far as the keys.
    await createSnapshot({
      store: new LocalDirStore(join(dir, "store")),
      root: dir,
      paths: ["deploy"],
      stream: "prod",
      phase: "manual",
      recipients: [keys.age.recipient],
      writerKey: keys.writer,
    });
  });

  function writePolicy(keysYaml: string): void {
    writeFileSync(
      join(dir, ".github/snapgate.yml"),
      `${keysYaml}tiers:\n  tier0: { max_age: 24h }\nenvironments:\n  prod: { tier: tier0, paths: ["deploy/**"] }\n`,
    );
  }

  it("names an identity pasted into keys.recipients without quoting it", async () => {
    writePolicy(
      `keys:\n  recipients: [${keys.age.identity}]\n  writers:\n    - key: ${keys.verifyKey}\n`,
    );
    const run = await spawnCli(["coverage"], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("age identity");
    expectNoEcho(run, keys.age.identity);
  });

  it("names a writer key pasted into keys.writers without quoting it", async () => {
    writePolicy(
      `keys:\n  recipients: [${keys.age.recipient}]\n  writers:\n    - key: ${keys.writerText}\n`,
    );
    const run = await spawnCli(["coverage"], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("writer key");
    expectNoEcho(run, keys.writerText);
  });

  it("names a key of the wrong kind on the command line and in SNAPGATE_* variables", async () => {
    const store = join(dir, "store");
    const cases: Array<{ args: string[]; env?: NodeJS.ProcessEnv; secret: string; kind: string }> =
      [
        {
          args: ["verify", "--all", "--store", store, "--verify-key", keys.age.identity],
          secret: keys.age.identity,
          kind: "age identity",
        },
        {
          args: ["verify", "--all", "--store", store, "--verify-key", keys.writerText],
          secret: keys.writerText,
          kind: "writer key",
        },
        {
          args: ["verify", "--all", "--store", store],
          env: { SNAPGATE_VERIFY_KEYS: keys.writerText },
          secret: keys.writerText,
          kind: "writer key",
        },
        {
          args: [
            "snapshot",
            "--store",
            store,
            "--env",
            "prod",
            "--phase",
            "manual",
            "--recipient",
            keys.age.identity,
            "deploy",
          ],
          env: { SNAPGATE_WRITER_KEY: keys.writerText },
          secret: keys.age.identity,
          kind: "age identity",
        },
        {
          args: [
            "restore",
            "latest",
            "--env",
            "prod",
            "--store",
            store,
            "--to",
            "out",
            "--identity",
            keys.age.identity,
            "--verify-key",
            keys.verifyKey,
          ],
          secret: keys.age.identity,
          kind: "age identity",
        },
        {
          args: ["verify", "--all", "--store", store],
          env: { SNAPGATE_VERIFY_KEYS: "hunter2-swordfish-correcthorse" },
          secret: "x1hunter2-swordfish-correcthorse",
          kind: "is not a valid Snapgate writer verify key",
        },
      ];
    writePolicy(
      `keys:\n  recipients: [${keys.age.recipient}]\n  writers:\n    - key: ${keys.verifyKey}\n`,
    );
    for (const { args, env, secret, kind } of cases) {
      const run = await spawnCli(args, { cwd: dir, env });
      expect(run.code).not.toBe(0);
      expect(run.stderr).toContain(kind);
      expectNoEcho(run, secret);
    }
  });
});
