import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { runCli } from "../../helpers/run-cli.js";
import { tempDir } from "../../helpers/temp-dir.js";

describe("snapgate CLI: a recipient change between two snapshots (issue 10)", () => {
  const work = tempDir();
  const cli = (...args: string[]) => runCli(args, { cwd: work });
  const recipients: string[] = [];
  let verifyKey = "";

  beforeAll(async () => {
    for (const name of ["r1.txt", "r2.txt"]) {
      const keygen = await cli("keygen", "--out", name, "--json");
      recipients.push((keygen.json() as { recipient: string }).recipient);
    }
    verifyKey = (await cli("keygen", "--writer", "--out", "writer.key")).stdout.trim();
    mkdirSync(join(work, "config"), { recursive: true });
    writeFileSync(join(work, "config/a.yaml"), "a: 1\n");
    writeFileSync(join(work, "config/b.yaml"), "b: 1\n");
  });

  const snapshot = (recipient: string) =>
    cli(
      "snapshot",
      "--store",
      "store",
      "--env",
      "prod",
      "--phase",
      "pre",
      "--recipient",
      recipient,
      "--writer-key",
      "writer.key",
      "--json",
      "config",
    );

  it("the latest snapshot restores with the new recipient alone, and verifies", async () => {
    expect((await snapshot(recipients[0] as string)).code).toBe(0);
    writeFileSync(join(work, "config/b.yaml"), "b: 2\n");
    const second = await snapshot(recipients[1] as string);
    expect(second.code).toBe(0);
    expect(second.json()).toMatchObject({ newBlobs: 2, reusedBlobs: 0 });

    const restore = await cli(
      "restore",
      "prod@2",
      "--store",
      "store",
      "--identity",
      "r2.txt",
      "--verify-key",
      verifyKey,
      "--to",
      "restored",
    );
    expect(restore.stderr).toBe("");
    expect(restore.code).toBe(0);
    expect(readFileSync(join(work, "restored/config/a.yaml"), "utf8")).toBe("a: 1\n");
    expect(readFileSync(join(work, "restored/config/b.yaml"), "utf8")).toBe("b: 2\n");

    const verify = await cli(
      "verify",
      "prod@2",
      "--store",
      "store",
      "--verify-key",
      verifyKey,
      "--identity",
      "r2.txt",
      "--json",
    );
    expect(verify.json()).toMatchObject({ ok: true, level: "restore" });
  });
});
