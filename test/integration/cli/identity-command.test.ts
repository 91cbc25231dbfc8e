import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { createSnapshot } from "../../../core/snapshot/create-snapshot.js";
import { LocalDirStore } from "../../../core/store/local-dir-store.js";
import { makeKeys, type TestKeys } from "../../helpers/keys.js";
import { runCli, type CliRun } from "../../helpers/run-cli.js";
import { tempDir } from "../../helpers/temp-dir.js";

describe("--identity-command: the identity from a secret manager's command", () => {
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

  // The "secret manager" hands the key over in its environment, as a CLI session would.
  const env = () => ({ PATH: process.env.PATH, VAULT_SECRET: keys.age.identity });
  const restore = (to: string, ...extra: string[]): Promise<CliRun> =>
    runCli(
      [
        "restore",
        "latest",
        "--env",
        "prod",
        "--store",
        "store",
        "--to",
        to,
        "--verify-key",
        keys.verifyKey,
        "--json",
        ...extra,
      ],
      { cwd: dir, env: env() },
    );

  it("restores with the identity the command prints, and writes no key file", async () => {
    const before = readdirSync(dir).sort();
    const run = await restore(
      "out",
      "--identity-command",
      'printf "# from vault\\n%s\\n" "$VAULT_SECRET"',
    );
    expect(run.code).toBe(0);
    expect(readFileSync(join(dir, "out/app.yaml"), "utf8")).toBe("a: 1\n");
    expect(readdirSync(dir).sort()).toEqual([...before, "out"].sort());
    const verify = await runCli(
      [
        "verify",
        "latest",
        "--env",
        "prod",
        "--store",
        "store",
        "--verify-key",
        keys.verifyKey,
        "--identity-command",
        'echo "$VAULT_SECRET"',
        "--json",
      ],
      { cwd: dir, env: env() },
    );
    expect(verify.code).toBe(0);
    expect((verify.json() as { level: string }).level).toBe("restore");
  });

  it("a failing command: its exit code and a fix, never its output", async () => {
    const run = await restore(
      "failed",
      "--identity-command",
      'echo "$VAULT_SECRET"; echo "token expired for $VAULT_SECRET" >&2; exit 7',
    );
    expect(run.code).not.toBe(0);
    const text = run.stdout + run.stderr;
    expect(text).toContain("--identity-command exited with code 7");
    expect(text).not.toContain(keys.age.identity.slice(16));
    expect(text).not.toContain("token expired");
  });

  it("garbage output is refused without being shown", async () => {
    const run = await restore("garbage", "--identity-command", "echo hunter2-not-a-key");
    const text = run.stdout + run.stderr;
    expect(run.code).not.toBe(0);
    expect(text).toContain("The output of --identity-command line 1 is not an age identity.");
    expect(text).not.toContain("hunter2");
  });

  it("refuses --identity together with --identity-command", async () => {
    writeFileSync(join(dir, "id.txt"), keys.age.identity, { mode: 0o600 });
    const run = await restore("both", "--identity", "id.txt", "--identity-command", "true");
    expect(run.stdout + run.stderr).toContain(
      "--identity and --identity-command both name an identity.",
    );
  });
});
