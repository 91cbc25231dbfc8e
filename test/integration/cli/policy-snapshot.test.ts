import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { existsSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { consistencyValueDigest } from "../../../core/policy/consistency/consistency-value-digest.js";
import { loadPolicy } from "../../../core/policy/load-policy.js";
import { memoryPolicySource } from "../../../core/policy/policy-source.js";
import { policyDigest } from "../../../core/policy/policy-digest.js";
import type { Manifest } from "../../../core/types.js";
import { makeKeys } from "../../helpers/keys.js";
import { makePolicyWorkspace, type PolicyWorkspace } from "../../helpers/policy-workspace.js";
import { tempDir } from "../../helpers/temp-dir.js";

const POLICY_BODY = `tiers:
  tier0: { max_age: 24h, approvals: 2 }
  tier1: { max_age: 72h }
environments:
  prod: { tier: tier0 }
  staging: { tier: tier1 }
components:
  - { name: payments-db, paths: ["deploy/prod/db/**"], tier: tier0, owner: "@acme/dba" }
  - { name: api, paths: ["deploy/*/api/**"], owner: "@acme/platform" }
  - { name: vault, paths: ["deploy/prod/vault/**"], secret: true, owner: "@acme/security" }
exclude: ["**/*.bak"]
consistency:
  - name: api-db-schema
    left: { file: deploy/prod/api/config.yaml, path: db.schemaVersion }
    right: { file: deploy/prod/db/VERSION }
    rule: equal
`;

interface SnapshotJson {
  seq: number;
  id: string;
  excluded: string[];
  policy: {
    file: string;
    digest: string;
    tier: string;
    recipients: { fromPolicy: string[]; added: string[] };
    changeId: string | null;
    consistency: { name: string; ok: boolean; message: string }[];
    coverage: {
      uncoveredTier0Paths: string[];
      missingComponents: string[];
      secretsOutsideComponents: string[];
    };
  } | null;
}

describe("snapgate snapshot under a policy", () => {
  const dir = tempDir();
  let ws: PolicyWorkspace;
  const show = async (seq: number) =>
    (await ws.cli("show", `prod@${seq}`, "--store", ws.store, "--json")).json() as Manifest;

  beforeAll(async () => {
    ws = await makePolicyWorkspace(dir);
    ws.writePolicy(ws.keysYaml + POLICY_BODY);
    ws.write("deploy/prod/db/VERSION", "42\n");
    ws.write("deploy/prod/db/schema.sql", "create table t (id int);\n".repeat(20));
    ws.write(
      "deploy/prod/api/config.yaml",
      "db:\n  schemaVersion: 42\nreplicas: 3\n# padding\n".repeat(1) + "#\n".repeat(40),
    );
    ws.write("deploy/prod/vault/token.txt", "hvs.notreallyasecret-but-classified-secret\n");
    ws.write("deploy/prod/api/.env", "API_KEY=abc\n");
    ws.write("deploy/prod/old.yaml.bak", "old\n");
    ws.write("deploy/prod/node_modules/lib/index.js", "module.exports = 1;\n");
    ws.write("deploy/prod/debug.log", "log line\n");
    ws.write("deploy/prod/misc/notes.yaml", "notes: true\n");
  });

  it("encrypts to keys.recipients, records classification, digest, consistency and coverage", async () => {
    const run = await ws.snapshot("--env", "prod", "--phase", "manual", "--json", "deploy");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const result = run.json() as SnapshotJson;
    const policy = await loadPolicy(
      memoryPolicySource({ ".github/snapgate.yml": ws.keysYaml + POLICY_BODY }),
    );
    expect(result.policy).toEqual({
      file: ".github/snapgate.yml",
      digest: `sha256:${policyDigest(policy)}`,
      tier: "tier0",
      recipients: { fromPolicy: [ws.keys.age.recipient], added: [] },
      changeId: null,
      consistency: [
        {
          name: "api-db-schema",
          ok: true,
          // The value is never shown: only its keyed digest.
          message: expect.stringMatching(
            /^api-db-schema: .* are equal \(digest [0-9a-f]{12}\)\.$/,
          ) as unknown as string,
        },
      ],
      coverage: {
        uncoveredTier0Paths: ["deploy/prod/misc/notes.yaml"],
        missingComponents: [],
        secretsOutsideComponents: [],
      },
    });
    const manifest = await show(result.seq);
    expect(manifest.recipients).toEqual([ws.keys.age.recipient]);
    expect(manifest.policyDigest).toBe(result.policy?.digest);
    expect(manifest.coverage).toEqual(result.policy?.coverage);
    expect(manifest.consistency).toEqual(result.policy?.consistency);
    const byPath = Object.fromEntries(manifest.files.map((file) => [file.path, file]));
    expect(byPath["deploy/prod/db/schema.sql"]).toMatchObject({
      component: "payments-db",
      tier: "tier0",
      owner: "@acme/dba",
      encoding: "gzip",
    });
    expect(byPath["deploy/prod/api/config.yaml"]).toMatchObject({
      component: "api",
      tier: "tier0",
      owner: "@acme/platform",
    });
    // Secret class: a secret-looking name, and every file of a `secret: true` component.
    expect(byPath["deploy/prod/api/.env"]).toMatchObject({ component: "api", encoding: "none" });
    expect(byPath["deploy/prod/vault/token.txt"]).toMatchObject({
      component: "vault",
      encoding: "none",
    });
    expect(byPath["deploy/prod/misc/notes.yaml"]).toMatchObject({ tier: "tier0" });
    expect(byPath["deploy/prod/misc/notes.yaml"]?.component).toBeUndefined();
    // Default exclusions (a whole node_modules directory, logs) and the policy's own.
    expect(result.excluded).toEqual([
      "deploy/prod/debug.log",
      "deploy/prod/node_modules/",
      "deploy/prod/old.yaml.bak",
    ]);
    expect(Object.keys(byPath)).not.toContain("deploy/prod/debug.log");
  });

  it("says which recipients came from where and prints what was excluded", async () => {
    const extra = await makeKeys();
    ws.write("deploy/prod/db/schema.sql", "create table t (id bigint);\n");
    const run = await ws.snapshot(
      "--env",
      "prod",
      "--phase",
      "manual",
      "--recipient",
      extra.age.recipient,
      "--recipient",
      ws.keys.age.recipient,
      "deploy",
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      "Policy .github/snapgate.yml: prod is tier0; encrypted to 1 recipient(s) from keys.recipients and 1 added by --recipient.",
    );
    expect(run.stdout).toContain("warning: 1 tier-0 file(s) in no component (the gate will fail)");
    expect(run.stdout).toContain(
      "Excluded 3 path(s):\n  deploy/prod/debug.log\n  deploy/prod/node_modules/\n  deploy/prod/old.yaml.bak\n",
    );
    const manifest = await show(2);
    expect(manifest.recipients).toEqual([ws.keys.age.recipient, extra.age.recipient]);
  });

  it("counts files left out by --exclude as uncovered: a flag cannot hide a tier-0 gap", async () => {
    const run = await ws.snapshot(
      "--env",
      "prod",
      "--phase",
      "manual",
      "--exclude",
      "**/misc/**",
      "--json",
      "deploy",
    );
    const result = run.json() as SnapshotJson;
    expect(result.excluded).toContain("deploy/prod/misc/notes.yaml");
    expect(result.policy?.coverage.uncoveredTier0Paths).toEqual(["deploy/prod/misc/notes.yaml"]);
  });

  it("refuses an inconsistent tree naming the files (values as keyed digests), and records it with --allow-inconsistent", async () => {
    const digest = (value: string) => consistencyValueDigest(ws.keys.writer.macKey, value);
    ws.write("deploy/prod/db/VERSION", "43\n");
    const before = readdirSync(join(ws.store, "manifests", "prod")).length;
    const refused = await ws.snapshot("--env", "prod", "--phase", "manual", "deploy");
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("1 consistency rule(s) fail, so no snapshot was written");
    expect(refused.stderr).toContain(
      `deploy/prod/api/config.yaml db.schemaVersion (digest ${digest("42")}) differs from deploy/prod/db/VERSION (digest ${digest("43")})`,
    );
    expect(refused.stderr).not.toMatch(/'4[23]'/);
    expect(refused.stderr).toContain("--allow-inconsistent");
    expect(readdirSync(join(ws.store, "manifests", "prod"))).toHaveLength(before);

    const allowed = await ws.snapshot(
      "--env",
      "prod",
      "--phase",
      "manual",
      "--allow-inconsistent",
      "deploy",
    );
    expect(allowed.code).toBe(0);
    expect(allowed.stdout).toContain("warning: consistency recorded as failing: api-db-schema:");
    const manifest = await show(before + 1);
    expect(manifest.consistency).toEqual([
      { name: "api-db-schema", ok: false, message: expect.stringContaining(digest("43")) },
    ]);
    ws.write("deploy/prod/db/VERSION", "42\n");
  });

  it("refuses a writer key the policy does not list", async () => {
    const other = await makeKeys();
    ws.write("other-writer.key", `${other.writerText}\n`);
    const run = await ws.cli(
      "snapshot",
      "--store",
      ws.store,
      "--writer-key",
      "other-writer.key",
      "--env",
      "prod",
      "--phase",
      "manual",
      "deploy",
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `(verify key ${other.verifyKey}) is not in the policy's keys.writers`,
    );
  });

  it("refuses an environment the policy does not know", async () => {
    const run = await ws.snapshot("--env", "qa", "--phase", "manual", "deploy");
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("The policy has no environment 'qa'.");
    expect(run.stderr).toContain("prod, staging");
  });

  it("a --policy that does not exist is a CONFIG error; --allow-inconsistent needs a policy", async () => {
    const base = [
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
    ];
    const missing = await ws.cli(...base, "--policy", "missing.yml", "--json", ".");
    expect(missing.code).toBe(1);
    expect((missing.json() as { error: { code: string; message: string } }).error).toMatchObject({
      code: "CONFIG",
      message: expect.stringContaining("No Snapgate policy at missing.yml."),
    });
    // Under --root deploy there is no .github/snapgate.yml: no policy.
    const noPolicy = await ws.cli(...base, "--allow-inconsistent", ".");
    expect(noPolicy.code).toBe(64);
    expect(noPolicy.stderr).toContain("allow-inconsistent needs a policy");
  });
});

describe("snapgate snapshot: change tickets from the policy", () => {
  const dir = tempDir();
  let ws: PolicyWorkspace;
  let server: Server;
  const seen: { url: string; authorization: string | undefined }[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      seen.push({ url: request.url ?? "", authorization: request.headers.authorization });
      const id = decodeURIComponent((request.url ?? "").replace(/^\/tickets\//, ""));
      const approved = id === "CHG0000001";
      response
        .writeHead(id.startsWith("CHG") ? 200 : 404, { "content-type": "application/json" })
        .end(JSON.stringify({ approved, state: approved ? "implement" : "assess" }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/tickets`;
    ws = await makePolicyWorkspace(dir);
    ws.writePolicy(`${ws.keysYaml}tiers:
  tier0: { max_age: 24h }
  tier1: { max_age: 72h }
environments:
  prod: { tier: tier0 }
  staging: { tier: tier1 }
change_tickets:
  required_for: { tier0: [pre] }
  pattern: "^CHG[0-9]{7}$"
  endpoint: { url: "${url}", token_env: CHANGE_TOKEN, timeout: 5s }
`);
    ws.write("app/config.yaml", "a: 1\n");
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const snapshot = (env: NodeJS.ProcessEnv, ...args: string[]) =>
    ws.cliWithEnv(
      env,
      "snapshot",
      "--store",
      ws.store,
      "--writer-key",
      "../writer.key",
      "--json",
      ...args,
      "app",
    );

  it("requires a change id for tier-0 pre-deploy snapshots", async () => {
    const run = await snapshot({ CHANGE_TOKEN: "t" }, "--env", "prod", "--phase", "pre");
    expect(run.code).toBe(1);
    expect((run.json() as { error: { code: string; message: string } }).error).toMatchObject({
      code: "POLICY",
      message: expect.stringContaining("A change id is required for pre snapshots of tier0."),
    });
    expect(existsSync(join(ws.store, "manifests"))).toBe(false);
  });

  it("refuses a change id of the wrong form, before asking the change system", async () => {
    const before = seen.length;
    const run = await snapshot(
      { CHANGE_TOKEN: "t" },
      "--env",
      "prod",
      "--phase",
      "pre",
      "--change-id",
      "JIRA-12",
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("The change id 'JIRA-12' does not match ^CHG[0-9]{7}$.");
    expect(seen.length).toBe(before);
  });

  it("needs the token variable the policy names", async () => {
    const run = await snapshot({}, "--env", "prod", "--phase", "pre", "--change-id", "CHG0000001");
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("token_env names CHANGE_TOKEN, which is not set");
  });

  it("asks the change system with the bearer token and refuses an unapproved ticket", async () => {
    const run = await snapshot(
      { CHANGE_TOKEN: "s3cret" },
      "--env",
      "prod",
      "--phase",
      "pre",
      "--change-id",
      "CHG0000002",
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("Change CHG0000002 is not approved (state: assess).");
    expect(seen.at(-1)).toEqual({ url: "/tickets/CHG0000002", authorization: "Bearer s3cret" });
  });

  it("records an approved change id in the manifest and the catalog", async () => {
    const run = await snapshot(
      { CHANGE_TOKEN: "s3cret" },
      "--env",
      "prod",
      "--phase",
      "pre",
      "--change-id",
      " CHG0000001 ",
    );
    expect(run.code).toBe(0);
    expect((run.json() as SnapshotJson).policy?.changeId).toBe("CHG0000001");
    const listed = await ws.cli("list", "--store", ws.store, "--change-id", "CHG0000001", "--json");
    expect((listed.json() as { snapshots: unknown[] }).snapshots).toHaveLength(1);
  });

  it("needs no change id for a tier and phase the policy does not list", async () => {
    const run = await snapshot({}, "--env", "staging", "--phase", "pre");
    expect(run.code).toBe(0);
  });
});

describe("policy loading in the CLI", () => {
  const dir = tempDir();
  let ws: PolicyWorkspace;

  beforeAll(async () => {
    ws = await makePolicyWorkspace(dir);
    ws.write("app/config.yaml", "a: 1\n");
  });

  it("prints every problem of an invalid policy as file:line path: message; fix", async () => {
    ws.writePolicy(
      `${ws.keysYaml}tiers:
  tier0: { max_age: "24" }
environments:
  prod: { tier: tier9 }
`,
      "policies/broken.yml",
    );
    const run = await ws.snapshot(
      "--policy",
      "policies/broken.yml",
      "--env",
      "prod",
      "--phase",
      "manual",
      "app",
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("The Snapgate policy has 2 problems:");
    expect(run.stderr).toMatch(
      /policies\/broken\.yml:6 tiers\.tier0\.max_age: '24' is not a duration; [^\n]+\n/,
    );
    expect(run.stderr).toMatch(
      /policies\/broken\.yml:8 environments\.prod\.tier: [^\n]*tier9[^\n]*;/,
    );
  });

  it("says that an _extends of another repository needs GitHub", async () => {
    ws.writePolicy(`_extends: .github:snapgate-org.yml\n${ws.keysYaml}`, "policies/extends.yml");
    const run = await ws.snapshot(
      "--policy",
      "policies/extends.yml",
      "--env",
      "prod",
      "--phase",
      "manual",
      "app",
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      "policies/extends.yml extends .github:snapgate-org.yml (_extends), another repository: resolving it needs GitHub",
    );
    expect(run.stderr).toContain("The Snapgate app resolves _extends from the default branch.");
  });

  it("reads .github/snapgate.yml under --root by default", async () => {
    ws.write(
      "sub/.github/snapgate.yml",
      `${ws.keysYaml}tiers: { tier1: { max_age: 1h } }\nenvironments: { dev: { tier: tier1 } }\n`,
    );
    ws.write("sub/app.yaml", "x: 1\n");
    const run = await ws.snapshot(
      "--root",
      "sub",
      "--env",
      "dev",
      "--phase",
      "manual",
      "--json",
      "app.yaml",
    );
    expect(run.code).toBe(0);
    expect((run.json() as SnapshotJson).policy).toMatchObject({
      file: ".github/snapgate.yml",
      tier: "tier1",
    });
  });

  it("refuses a writer key outside its validity window at the snapshot's time", async () => {
    ws.writePolicy(
      `keys:\n  recipients: [${ws.keys.age.recipient}]\n  writers:\n    - { key: ${ws.keys.verifyKey}, valid_from: 2030-01-01 }\ntiers: { tier1: { max_age: 1h } }\nenvironments: { dev: { tier: tier1 } }\n`,
      "policies/window.yml",
    );
    const args = ["--policy", "policies/window.yml", "--env", "dev", "--phase", "manual"];
    const now = await ws.snapshot(...args, "app");
    expect(now.code).toBe(1);
    expect(now.stderr).toContain("is not valid at the snapshot's time");
    const later = await ws.snapshot(...args, "--time", "2030-06-01T00:00:00Z", "app");
    expect(later.code).toBe(0);
  });

  it("never reads a consistency file through a link that leaves the repository", async () => {
    writeFileSync(join(dir, "outside.txt"), "7\n");
    symlinkSync(join(dir, "outside.txt"), join(ws.repo, "app", "VERSION"));
    ws.writePolicy(
      `${ws.keysYaml}tiers: { tier1: { max_age: 1h } }\nenvironments: { dev: { tier: tier1 } }\nconsistency:\n  - { name: version, left: { file: app/VERSION }, rule: regex, pattern: "^[0-9]+$" }\n`,
      "policies/link.yml",
    );
    const run = await ws.snapshot(
      "--policy",
      "policies/link.yml",
      "--env",
      "dev",
      "--phase",
      "manual",
      "app/config.yaml",
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      "app/VERSION (a consistency rule's file) leads outside the repository root.",
    );
  });
});
