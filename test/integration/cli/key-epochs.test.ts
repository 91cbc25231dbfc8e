import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { generateAgeKeyPair, type AgeKeyPair } from "../../../core/crypto/age-keys.js";
import { loadSodium } from "../../../core/crypto/sodium.js";
import { makeKeys, type TestKeys } from "../../helpers/keys.js";
import { runCli } from "../../helpers/run-cli.js";
import { tempDir } from "../../helpers/temp-dir.js";

/** keys.epochs: new snapshots are sealed to the epoch valid at their time for their tier. */
describe("key epochs in the policy", () => {
  const dir = tempDir();
  let keys: TestKeys;
  let h1: AgeKeyPair;
  let h2: AgeKeyPair;
  let fallback: AgeKeyPair;

  beforeAll(async () => {
    const sodium = await loadSodium();
    keys = await makeKeys();
    [h1, h2, fallback] = [
      generateAgeKeyPair(sodium),
      generateAgeKeyPair(sodium),
      generateAgeKeyPair(sodium),
    ];
    mkdirSync(join(dir, ".github"));
    writeFileSync(join(dir, "app.yaml"), "a: 1\n");
    writeFileSync(join(dir, "writer.key"), `${keys.writerText}\n`, { mode: 0o600 });
    writeFileSync(
      join(dir, ".github/snapgate.yml"),
      [
        "keys:",
        `  recipients: [${fallback.recipient}]`,
        "  writers:",
        `    - { key: ${keys.verifyKey} }`,
        "  epochs:",
        `    - { name: 2026-h1, recipients: [${h1.recipient}], tiers: [tier1], valid_until: 2026-06-30 }`,
        `    - { name: 2026-h2, recipients: [${h2.recipient}], tiers: [tier1], valid_from: 2026-07-01 }`,
        "tiers: { tier1: { max_age: 1h }, tier2: { max_age: 1d } }",
        "environments: { prod: { tier: tier1 }, dev: { tier: tier2 } }",
        "",
      ].join("\n"),
    );
  });

  const snapshot = async (env: string, time: string): Promise<string[]> => {
    const run = await runCli(
      [
        "snapshot",
        "--store",
        "store",
        "--env",
        env,
        "--phase",
        "manual",
        "--writer-key",
        "writer.key",
        "--time",
        time,
        "--json",
        "app.yaml",
      ],
      { cwd: dir },
    );
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: "" });
    const show = await runCli(["show", `${env}@latest`, "--store", "store", "--json"], {
      cwd: dir,
    });
    return (show.json() as { recipients: string[] }).recipients;
  };

  it("seals each snapshot to the epoch of its time and tier, else to keys.recipients", async () => {
    expect(await snapshot("prod", "2026-03-01T00:00:00Z")).toEqual([h1.recipient]);
    expect(await snapshot("prod", "2026-08-01T00:00:00Z")).toEqual([h2.recipient]);
    // tier2 has no epoch.
    expect(await snapshot("dev", "2026-08-01T00:00:00Z")).toEqual([fallback.recipient]);
  });

  it("refuses an epoch that names an unknown tier, with the path and a fix", async () => {
    writeFileSync(
      join(dir, "bad.yml"),
      [
        "keys:",
        `  recipients: [${fallback.recipient}]`,
        `  writers: [{ key: ${keys.verifyKey} }]`,
        `  epochs: [{ name: e1, recipients: [${h1.recipient}], tiers: [tierl] }]`,
        "tiers: { tier1: { max_age: 1h } }",
        "environments: { prod: { tier: tier1 } }",
        "",
      ].join("\n"),
    );
    const run = await runCli(
      [
        "snapshot",
        "--store",
        "store",
        "--env",
        "prod",
        "--phase",
        "manual",
        "--writer-key",
        "writer.key",
        "--policy",
        "bad.yml",
        "app.yaml",
      ],
      { cwd: dir },
    );
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain("keys.epochs[0].tiers[0]");
    expect(run.stderr).toContain("did you mean 'tier1'?");
  });

  it("verify warns about snapshots no identity of a current epoch opens, without failing them", async () => {
    const run = await runCli(["verify", "--all", "--store", "store", "--json"], { cwd: dir });
    expect(run.code).toBe(0);
    const report = run.json() as {
      snapshots: { stream: string; seq: number; ok: boolean; epochGaps?: string[] }[];
    };
    // prod@1 is sealed to 2026-h1, which ended; prod@2 to 2026-h2; dev to keys.recipients.
    expect(report.snapshots.map((s) => [`${s.stream}@${s.seq}`, s.ok, s.epochGaps ?? []])).toEqual([
      ["dev@1", true, []],
      ["prod@1", true, ["app.yaml"]],
      ["prod@2", true, []],
    ]);
    const human = await runCli(["verify", "--all", "--store", "store"], { cwd: dir });
    expect(human.stdout).toContain("warning: no identity of a current key epoch opens app.yaml");
  });

  it("retire-epoch refuses while a snapshot under retention needs the epoch, and lists it; after a rekey it retires", async () => {
    writeFileSync(join(dir, "h1.txt"), `${h1.identity}\n`, { mode: 0o600 });
    const refused = await runCli(["retire-epoch", "2026-h1", "--store", "store", "--json"], {
      cwd: dir,
    });
    expect(refused.code).not.toBe(0);
    const needed = refused.json() as {
      retired: boolean;
      needed: { stream: string; seq: number; paths: string[] }[];
    };
    expect(needed.retired).toBe(false);
    expect(needed.needed.map((n) => `${n.stream}@${n.seq}`)).toEqual(["prod@1"]);
    expect(needed.needed[0]?.paths).toEqual(["app.yaml"]);
    const human = await runCli(["retire-epoch", "2026-h1", "--store", "store"], { cwd: dir });
    expect(human.stdout).toContain("prod@1");
    expect(human.stdout).toContain("snapgate rekey");

    // Re-wrap prod's blobs to the current epoch, then nothing needs 2026-h1.
    const rekey = await runCli(
      [
        "rekey",
        "--store",
        "store",
        "--env",
        "prod",
        "--identity",
        "h1.txt",
        "--recipient",
        h2.recipient,
        "--writer-key",
        "writer.key",
        "--json",
      ],
      { cwd: dir },
    );
    expect(rekey.code).toBe(0);
    const retired = await runCli(["retire-epoch", "2026-h1", "--store", "store", "--json"], {
      cwd: dir,
    });
    expect(retired.code).toBe(0);
    expect(retired.json()).toMatchObject({
      retired: true,
      retiring: [h1.recipient],
      record: "epochs/2026-h1/retired.json",
      needed: [],
    });
    expect(readFileSync(join(dir, "store/epochs/2026-h1/retired.json"), "utf8")).toContain(
      h1.recipient,
    );
  });
});
