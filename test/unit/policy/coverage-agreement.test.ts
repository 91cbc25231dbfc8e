import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { coverageReport } from "../../../core/policy/coverage-report.js";
import { decideGate } from "../../../core/gate/decide-gate.js";
import { gatherGateFacts } from "../../../core/gate/gather-gate-facts.js";
import { loadPolicy } from "../../../core/policy/load-policy.js";
import type { Policy } from "../../../core/policy/policy.js";
import { memoryPolicySource } from "../../../core/policy/policy-source.js";
import { snapshotUnderPolicy } from "../../../core/snapshot/snapshot-under-policy.js";
import { LocalDirStore } from "../../../core/store/local-dir-store.js";
import { makeKeys, type TestKeys } from "../../helpers/keys.js";
import { tempDir } from "../../helpers/temp-dir.js";

const work = tempDir();
const root = join(work, "repo");
let keys: TestKeys;
let policy: Policy;
let count = 0;

beforeAll(async () => {
  keys = await makeKeys();
  mkdirSync(join(root, "deploy/prod"), { recursive: true });
  mkdirSync(join(root, "secrets"), { recursive: true });
  writeFileSync(join(root, "deploy/prod/app.yaml"), "replicas: 3\n");
  writeFileSync(join(root, "secrets/db.yaml"), "password: x\n");
  policy = await loadPolicy(
    memoryPolicySource({
      ".github/snapgate.yml": `keys:
  recipients: [${keys.age.recipient}]
  writers: [{ key: ${keys.verifyKey} }]
tiers: { tier0: { max_age: 24h } }
environments:
  prod: { tier: tier0, paths: ["deploy/prod/**"] }
components: [{ name: app, paths: ["deploy/**"] }]
`,
    }),
  );
});

async function gateAfterSnapshot(paths: string[]) {
  const store = new LocalDirStore(join(work, `store${++count}`));
  const result = await snapshotUnderPolicy({
    store,
    root,
    paths,
    stream: "prod",
    phase: "post",
    writerKey: keys.writer,
    policy,
    changeTicketVerifier: null,
  });
  const decision = decideGate(await gatherGateFacts(store, policy, "prod", new Date()));
  return { result, coverage: decision.conditions.find((c) => c.name === "coverage") };
}

describe("coverage and the gate decide alike", () => {
  it("a tier-0 file backed up outside the environment's paths is judged: coverage and the gate both fail", async () => {
    const { result, coverage } = await gateAfterSnapshot(["deploy/prod", "secrets"]);
    expect(result.manifest?.files.map((file) => file.path)).toContain("secrets/db.yaml");
    expect(result.manifest?.coverage?.uncoveredTier0Paths).toEqual(["secrets/db.yaml"]);
    expect(coverage).toMatchObject({ state: "fail", paths: ["secrets/db.yaml"] });
    // The same files, judged as the snapshot judges what it holds.
    const report = coverageReport(policy, "prod", ["deploy/prod/app.yaml", "secrets/db.yaml"], {
      scope: "all",
    });
    expect(report.failed).toBe(true);
    expect(report.uncoveredTier0).toEqual(["secrets/db.yaml"]);
  });

  it("a snapshot of the environment's paths alone passes both", async () => {
    const { coverage } = await gateAfterSnapshot(["deploy/prod"]);
    expect(coverage?.state).toBe("pass");
    expect(coverageReport(policy, "prod", ["deploy/prod/app.yaml", "secrets/db.yaml"]).failed).toBe(
      false,
    );
  });

  it("a required component with no file fails the report as it fails the gate", async () => {
    const strict = await loadPolicy(
      memoryPolicySource({
        ".github/snapgate.yml": `keys:
  recipients: [${keys.age.recipient}]
  writers: [{ key: ${keys.verifyKey} }]
tiers: { tier0: { max_age: 24h } }
environments:
  prod: { tier: tier0, paths: ["deploy/prod/**"] }
components: [{ name: app, paths: ["deploy/**"] }, { name: db, paths: ["db/**"] }]
`,
      }),
    );
    const report = coverageReport(strict, "prod", ["deploy/prod/app.yaml"]);
    expect(report.missingComponents).toEqual(["db"]);
    expect(report.failed).toBe(true);
  });
});
