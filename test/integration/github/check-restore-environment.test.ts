import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import type { ProtectionFinding } from "../../../core/github/check-backup-repository.js";
import { checkRestoreEnvironment } from "../../../core/github/check-restore-environment.js";
import { createGitHubClient, type GitHubClient } from "../../../core/github/github-client.js";
import { startSandbox, type Sandbox } from "../../../sandbox/index.js";
import { sealSecret } from "../../helpers/seal-secret.js";
import { registerSnapgateApp } from "../../helpers/snapgate-app.js";

/** `doctor --restore-repo` on the sandbox: each finding of the restore environment, present and absent. */
const owner = "acme";
const repo = "service";
const SECRET = "SNAPGATE_IDENTITY";
let gh: Sandbox;
let admin: GitHubClient;
let appId: number;
let otherAppId: number;

function client(token: string): GitHubClient {
  return createGitHubClient({ token, baseUrl: gh.url, retries: 0 });
}

beforeAll(async () => {
  gh = await startSandbox({ webhookSideEffects: false });
  gh.createUser({ login: "alice" });
  gh.createOrg({ login: owner, admins: ["alice"] });
  await gh.createRepo({ owner, name: repo, private: true, files: { "README.md": "x\n" } });
  appId = registerSnapgateApp(gh).appId;
  gh.installApp(appId, owner, "all");
  // Someone else's app as the rule instead of Snapgate's.
  otherAppId = gh.createApp({
    slug: "third-party-gate",
    permissions: { deployments: "write" },
    events: ["deployment_protection_rule"],
  }).appId;
  gh.installApp(otherAppId, owner, "all");
  admin = client(
    gh.createToken({
      actor: "alice",
      repositories: "all",
      permissions: {
        administration: "write",
        contents: "read",
        actions: "read",
        secrets: "write",
        environments: "write",
      },
    }),
  );
});

afterEach(() => gh.assertClean());
afterAll(() => gh.close());

/** An environment set up as docs/restore-environment.md says, then spoiled by `spoil`. */
async function environment(
  name: string,
  setup: {
    rule?: number | null;
    bypass?: boolean;
    secret?: boolean;
    branches?: "custom" | "protected" | "custom-empty" | null;
    /** A workflow whose job runs in the environment (as docs/examples/snapgate-restore.yml). */
    workflow?: boolean;
  } = {},
): Promise<void> {
  if (setup.workflow ?? true) {
    await gh.commitFiles(
      owner,
      repo,
      "main",
      {
        [`.github/workflows/restore-${name}.yml`]: [
          "on: workflow_dispatch",
          "jobs:",
          "  restore:",
          "    runs-on: ubuntu-latest",
          `    environment: { name: ${name} }`,
          "    steps: [{ run: 'true' }]",
          "",
        ].join("\n"),
      },
      `restore workflow for ${name}`,
    );
  }
  const branches = setup.branches === undefined ? "custom" : setup.branches;
  await admin.request("PUT /repos/{owner}/{repo}/environments/{environment_name}", {
    owner,
    repo,
    environment_name: name,
    deployment_branch_policy:
      branches === null
        ? null
        : {
            protected_branches: branches === "protected",
            custom_branch_policies: branches !== "protected",
          },
  });
  if (branches === "custom") {
    await admin.request(
      "POST /repos/{owner}/{repo}/environments/{environment_name}/deployment-branch-policies",
      { owner, repo, environment_name: name, name: "main", type: "branch" },
    );
  }
  const rule = setup.rule === undefined ? appId : setup.rule;
  if (rule !== null) {
    await admin.request(
      "POST /repos/{owner}/{repo}/environments/{environment_name}/deployment_protection_rules",
      { owner, repo, environment_name: name, integration_id: rule },
    );
  }
  gh.setEnvironmentAdminBypass(owner, repo, name, setup.bypass ?? false);
  if (setup.secret ?? true) {
    const key = await admin.request(
      "GET /repos/{owner}/{repo}/environments/{environment_name}/secrets/public-key",
      { owner, repo, environment_name: name },
    );
    await admin.request(
      "PUT /repos/{owner}/{repo}/environments/{environment_name}/secrets/{secret_name}",
      {
        owner,
        repo,
        environment_name: name,
        secret_name: SECRET,
        key_id: key.data.key_id,
        encrypted_value: await sealSecret(key.data.key, "AGE-SECRET-KEY-1TEST"),
      },
    );
  }
}

/** `id` null: doctor run without --app-id. */
function check(name: string, by: GitHubClient = admin, id: number | null = appId) {
  return checkRestoreEnvironment(by, {
    owner,
    repo,
    environment: name,
    secretName: SECRET,
    ...(id === null ? {} : { appId: id }),
  });
}

function states(findings: ProtectionFinding[]): Record<string, boolean | null> {
  return Object.fromEntries(findings.map((finding) => [finding.check, finding.ok]));
}

const RULE = "the Snapgate App is the environment's protection rule";
const BYPASS = "administrators cannot bypass the protection rules";
const STORED = `${SECRET} is a secret of `;
const ONLY = `${SECRET} exists only in `;
const BRANCHES = "a deployment branch policy limits which branches may restore";
const WORKFLOW = "a workflow's job runs in ";

describe("checkRestoreEnvironment", () => {
  it("passes an environment set up as documented", async () => {
    await environment("good");
    expect(states(await check("good"))).toEqual({
      [RULE]: true,
      [BYPASS]: true,
      [`${STORED}good`]: true,
      [`${ONLY}good`]: true,
      [BRANCHES]: true,
      [`${WORKFLOW}good`]: true,
    });
  });

  it("flags an environment no workflow's job runs in, and says unknown without contents read", async () => {
    await environment("unused", { workflow: false });
    const finding = (await check("unused")).find((f) => f.check === `${WORKFLOW}unused`)!;
    expect(finding.ok).toBe(false);
    expect(finding.detail).toContain("no restore can run there");
    expect(finding.fix).toContain("docs/examples/snapgate-restore.yml");
    const blind = client(
      gh.createToken({
        actor: "alice",
        repositories: "all",
        permissions: {
          administration: "write",
          actions: "read",
          secrets: "read",
          environments: "read",
        },
      }),
    );
    expect(states(await check("good", blind))[`${WORKFLOW}good`]).toBeNull();
  });

  it("says how to create a missing environment", async () => {
    const findings = await check("missing");
    expect(findings).toEqual([
      expect.objectContaining({ check: "the restore environment exists", ok: false }),
    ]);
    expect(findings[0]?.fix).toContain("docs/restore-environment.md");
  });

  it("flags a missing protection rule, with the plan limit, and another app's rule", async () => {
    await environment("no-rule", { rule: null });
    const missing = (await check("no-rule")).find((finding) => finding.check === RULE)!;
    expect(missing.ok).toBe(false);
    expect(missing.detail).toContain("need GitHub Enterprise Cloud");
    expect(missing.detail).toContain("signed request record");
    expect(missing.fix).toContain("Deployment protection rules");
    await environment("other-rule", { rule: otherAppId });
    expect(states(await check("other-rule"))[RULE]).toBe(false);
    // Without the App's id, any custom rule counts.
    expect(states(await check("other-rule", admin, null))[RULE]).toBe(true);
  });

  it("flags administrators who may bypass the rule", async () => {
    await environment("bypass", { bypass: true });
    const finding = (await check("bypass")).find((candidate) => candidate.check === BYPASS)!;
    expect(finding.ok).toBe(false);
    expect(finding.fix).toContain("Allow administrators to bypass");
  });

  it("flags an identity missing from the environment, or readable outside it", async () => {
    await environment("no-secret", { secret: false });
    expect(states(await check("no-secret"))[`${STORED}no-secret`]).toBe(false);

    await environment("shared");
    const key = await admin.request("GET /repos/{owner}/{repo}/actions/secrets/public-key", {
      owner,
      repo,
    });
    await admin.request("PUT /repos/{owner}/{repo}/actions/secrets/{secret_name}", {
      owner,
      repo,
      secret_name: SECRET,
      key_id: key.data.key_id,
      encrypted_value: await sealSecret(key.data.key, "AGE-SECRET-KEY-1TEST"),
    });
    const repoLevel = (await check("shared")).find((f) => f.check === `${ONLY}shared`)!;
    expect(repoLevel).toMatchObject({ ok: false });
    expect(repoLevel.detail).toContain("a repository secret");
    expect(repoLevel.fix).toContain("/settings/secrets/actions");

    gh.setOrgSecret(owner, SECRET, "AGE-SECRET-KEY-1TEST", { visibility: "private" });
    const orgLevel = (await check("shared")).find((f) => f.check === `${ONLY}shared`)!;
    expect(orgLevel.detail).toContain("an organization secret shared with the repository");
  });

  it("says it cannot tell when the token may not list secrets", async () => {
    await environment("unread");
    const reader = client(
      gh.createToken({ actor: "alice", repositories: "all", permissions: { actions: "read" } }),
    );
    const found = states(await check("unread", reader));
    expect([found[`${STORED}unread`], found[`${ONLY}unread`]]).toEqual([null, null]);
    expect(found[RULE]).toBe(true);
  });

  it("flags every branch, or no branch, allowed to deploy; protected branches pass", async () => {
    await environment("all-branches", { branches: null });
    expect(states(await check("all-branches"))[BRANCHES]).toBe(false);
    await environment("no-branch", { branches: "custom-empty" });
    expect(states(await check("no-branch"))[BRANCHES]).toBe(false);
    await environment("protected", { branches: "protected" });
    expect(states(await check("protected"))[BRANCHES]).toBe(true);
  });
});
