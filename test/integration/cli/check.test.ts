import { chmodSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import type { GateDecision } from "../../../core/gate/gate-decision.js";
import { makeKeys, type TestKeys } from "../../helpers/keys.js";
import { makePolicyWorkspace, type PolicyWorkspace } from "../../helpers/policy-workspace.js";
import { tempDir } from "../../helpers/temp-dir.js";

const BODY = `tiers:
  tier0: { max_age: 24h, restore_verification: 30d }
  tier1: { max_age: 1h }
environments:
  prod: { tier: tier0 }
  qa: { tier: tier1 }
components:
  - { name: payments-db, paths: ["deploy/db/**"], tier: tier0, environments: [prod] }
  - { name: api, paths: ["deploy/api/**"] }
consistency:
  - { name: schema, left: { file: deploy/api/config.yaml, path: db.schema }, right: { file: deploy/db/VERSION }, rule: equal }
`;

const states = (decision: GateDecision) =>
  Object.fromEntries(decision.conditions.map((condition) => [condition.name, condition.state]));
const detail = (decision: GateDecision, name: string) =>
  decision.conditions.find((condition) => condition.name === name)?.detail ?? "";

describe("snapgate check: the gate over a local store", () => {
  const dir = tempDir();
  let ws: PolicyWorkspace;
  let other: TestKeys;
  const check = async (env = "prod", ...args: string[]) => {
    const run = await ws.cli("check", "--store", ws.store, "--env", env, "--json", ...args);
    return { code: run.code, decision: run.json() as GateDecision, stderr: run.stderr };
  };
  const snapshot = (env: string, ...args: string[]) =>
    ws.snapshot("--env", env, "--phase", "post", ...args, "deploy");
  const blobFiles = () =>
    readdirSync(join(ws.store, "blobs")).flatMap((prefix) =>
      readdirSync(join(ws.store, "blobs", prefix)).map((name) =>
        join(ws.store, "blobs", prefix, name),
      ),
    );

  beforeAll(async () => {
    ws = await makePolicyWorkspace(dir);
    other = await makeKeys();
    ws.writePolicy(ws.keysYaml + BODY);
    ws.write("deploy/db/VERSION", "7\n");
    ws.write("deploy/api/config.yaml", "db:\n  schema: 7\n");
  });

  it("fails with no snapshot, printing each condition with its fix", async () => {
    const missing = await ws.cli("check", "--store", ws.store, "--env", "prod");
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`There is no Snapgate store at ${ws.store}.`);
    expect((await snapshot("qa")).code).toBe(0);
    const text = await ws.cli("check", "--store", ws.store, "--env", "prod");
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/^CONDITION\s+STATE\s+DETAIL\n/);
    expect(text.stdout).toMatch(/snapshot\s+FAIL\s+No snapshot of prod exists\./);
    expect(text.stdout).toContain("fix: Take one:");
    expect(text.stdout).toContain("prod: FAILURE.");
    // Nothing else can be known without a snapshot, but exceptions and verification are still judged.
    const { decision } = await check();
    expect(states(decision)).toEqual({
      snapshot: "fail",
      exceptions: "pass",
      "restore-verification": "fail",
    });
  });

  it("passes once a snapshot under the policy has been verified at restore level with --record", async () => {
    expect((await snapshot("prod")).code).toBe(0);
    const before = await check();
    expect(before.code).toBe(1);
    expect(states(before.decision)).toMatchObject({
      snapshot: "pass",
      signature: "pass",
      chain: "pass",
      blobs: "pass",
      freshness: "pass",
      coverage: "pass",
      consistency: "pass",
      "restore-verification": "fail",
    });
    expect(detail(before.decision, "restore-verification")).toContain("none is recorded");

    const verified = await ws.cli(
      "verify",
      "latest",
      "--env",
      "prod",
      "--store",
      ws.store,
      "--identity",
      "../id.txt",
      "--record",
      "--json",
    );
    expect(verified.code).toBe(0);
    const records = (verified.json() as { records: string[] }).records;
    expect(records).toHaveLength(1);
    expect(records[0]).toMatch(
      /^verifications\/prod\/\d{8}T\d{6}\.\d{3}Z-restore-ok-[0-9a-f]{64}\.json$/,
    );
    const record = JSON.parse(readFileSync(join(ws.store, records[0] as string), "utf8")) as {
      level: string;
      ok: boolean;
      stream: string;
    };
    expect(record).toMatchObject({ level: "restore", ok: true, stream: "prod" });
    const audit = readdirSync(join(ws.store, "audit"))
      .filter((year) => /^\d{4}$/.test(year))
      .flatMap((year) =>
        readdirSync(join(ws.store, "audit", year)).map((file) =>
          readFileSync(join(ws.store, "audit", year, file), "utf8"),
        ),
      )
      .join("");
    expect(audit).toContain('"type":"snapshot.verified"');

    const after = await check();
    expect(after.code).toBe(0);
    expect(after.decision.conclusion).toBe("success");
    const text = await ws.cli("check", "--store", ws.store, "--env", "prod");
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("prod: SUCCESS. All 9 conditions pass.");
  });

  it("fails coverage for an uncovered tier-0 file, naming it", async () => {
    ws.write("deploy/misc/extra.yaml", "x: 1\n");
    await snapshot("prod");
    const { code, decision } = await check();
    expect(code).toBe(1);
    expect(states(decision).coverage).toBe("fail");
    expect(decision.conditions.find((c) => c.name === "coverage")?.paths).toEqual([
      "deploy/misc/extra.yaml",
    ]);
    unlinkSync(join(ws.repo, "deploy/misc/extra.yaml"));
  });

  it("fails consistency recorded with --allow-inconsistent", async () => {
    ws.write("deploy/db/VERSION", "8\n");
    await snapshot("prod", "--allow-inconsistent");
    const { decision } = await check();
    expect(states(decision).consistency).toBe("fail");
    // The values themselves are never recorded: only their keyed digests.
    expect(detail(decision, "consistency")).toMatch(
      /\(digest [0-9a-f]{12}\) differs from deploy\/db\/VERSION \(digest [0-9a-f]{12}\)/,
    );
    expect(detail(decision, "consistency")).not.toContain("'8'");
    ws.write("deploy/db/VERSION", "7\n");
    await snapshot("prod");
    expect((await check()).decision.conclusion).toBe("success");
  });

  it("fails on a missing or altered blob (and verify --record of it fails the verification)", async () => {
    const latest = (await ws.cli("show", "prod@latest", "--store", ws.store, "--json")).json() as {
      files: { blob: string }[];
    };
    const victim = blobFiles().find((file) => file.includes(latest.files[0]?.blob ?? "-"));
    expect(victim).toBeDefined();
    chmodSync(victim as string, 0o644);
    writeFileSync(victim as string, "not the ciphertext");
    const altered = await check();
    expect(states(altered.decision).blobs).toBe("fail");
    expect(detail(altered.decision, "blobs")).toContain(latest.files[0]?.blob.slice(0, 12));

    const verified = await ws.cli(
      "verify",
      "latest",
      "--env",
      "prod",
      "--store",
      ws.store,
      "--identity",
      "../id.txt",
      "--record",
    );
    expect(verified.code).toBe(3);
    const after = await check();
    expect(states(after.decision)["restore-verification"]).toBe("fail");
    expect(detail(after.decision, "restore-verification")).toContain(
      "The newest restore-level verification",
    );

    unlinkSync(victim as string);
    expect(states((await check()).decision).blobs).toBe("fail");
  });

  it("fails a stale snapshot (the earlier of its time and write time counts)", async () => {
    const old = await snapshot("qa", "--time", new Date(Date.now() - 2 * 3_600_000).toISOString());
    expect(old.code).toBe(0);
    const { decision } = await check("qa");
    expect(states(decision).freshness).toBe("fail");
    expect(detail(decision, "freshness")).toMatch(
      /^The newest snapshot is 2h\d*m?\d*s? old; tier1 allows 1h\.$/,
    );
    await snapshot("qa");
    expect(states((await check("qa")).decision).freshness).toBe("pass");
  });

  it("fails a signature by a writer key the policy does not list", async () => {
    ws.write("../other.key", `${other.writerText}\n`);
    ws.writePolicy(
      `keys:\n  recipients: [${ws.keys.age.recipient}]\n  writers:\n    - key: ${other.verifyKey}\n${BODY}`,
      "../other-policy.yml",
    );
    const foreign = await ws.cli(
      "snapshot",
      "--store",
      ws.store,
      "--writer-key",
      "../other.key",
      "--policy",
      "../other-policy.yml",
      "--env",
      "qa",
      "--phase",
      "post",
      "deploy",
    );
    expect(foreign.code).toBe(0);
    const { decision } = await check("qa");
    expect(states(decision).signature).toBe("fail");
    expect(detail(decision, "signature")).toContain("which is not in keys.writers");
  });

  it("fails a broken chain", async () => {
    unlinkSync(join(ws.store, "manifests", "qa", "0000000001.json"));
    const { decision } = await check("qa");
    expect(states(decision).chain).toBe("fail");
    expect(detail(decision, "chain")).toContain("broken at snapshot #1 (manifest qa@1 is missing)");
  });

  it("fails an expired exception, and an invalid policy as one failing condition", async () => {
    ws.writePolicy(
      `${ws.keysYaml}${BODY}exceptions:\n  - { paths: ["legacy/**"], reason: "replaced by v2 next quarter", accepted_by: ["@a", "@b"], expires: 2020-01-31 }\n`,
      "../expired.yml",
    );
    const expired = await check("prod", "--policy", "../expired.yml");
    expect(states(expired.decision).exceptions).toBe("fail");
    expect(detail(expired.decision, "exceptions")).toContain("expired 2020-01-31");

    ws.writePolicy(`${ws.keysYaml}tiers: { tier0: { max_age: soon } }\n`, "../broken.yml");
    const broken = await check("prod", "--policy", "../broken.yml");
    expect(broken.code).toBe(1);
    expect(states(broken.decision)).toEqual({ policy: "fail" });
    expect(detail(broken.decision, "policy")).toContain(
      "../broken.yml:5 tiers.tier0.max_age: 'soon' is not a duration",
    );
  });

  it("fails coverage for a snapshot taken without a policy (it recorded no coverage)", async () => {
    const plain = await ws.cli(
      "snapshot",
      "--store",
      ws.store,
      "--writer-key",
      "../writer.key",
      "--recipient",
      ws.keys.age.recipient,
      "--root",
      "deploy",
      "--env",
      "prod",
      "--phase",
      "manual",
      ".",
    );
    expect(plain.code).toBe(0);
    const { decision } = await check();
    expect(states(decision)).toMatchObject({ coverage: "fail", consistency: "unknown" });
  });
});
