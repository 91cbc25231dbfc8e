import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import {
  DeleteObjectCommand,
  GetObjectLockConfigurationCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  ListObjectVersionsCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { parse } from "yaml";
import { prepareWebIdentity } from "../../../core/store/s3/prepare-web-identity.js";
import { startOidcServer, type OidcServer } from "../../../sandbox/oidc/start-oidc-server.js";
import { workflowStepInputs } from "../../../sandbox/harness/workflow-step.js";
import { makeActionWorkspace, type ActionWorkspace } from "../../helpers/action-workspace.js";
import { createWebIdentityRole } from "../../helpers/rgw-web-identity-role.js";
import { runAction, workflowEnv, type ActionRun } from "../../helpers/run-action.js";
import { s3ServerAvailable, startS3Server, type S3TestServer } from "../../helpers/s3-server.js";
import { tempDir } from "../../helpers/temp-dir.js";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const EXAMPLE = readFileSync(join(ROOT, "docs/examples/deploy-s3.yml"), "utf8");
const SETUP = readFileSync(join(ROOT, "docs/setup.md"), "utf8");
/** The json blocks of docs/setup.md's S3 section: the role's trust policy, then its permissions. */
const SETUP_POLICIES = [
  ...(SETUP.split("## An S3 bucket instead of the backup repository")[1] ?? "").matchAll(
    /```json\n([\s\S]*?)```/g,
  ),
].map(([, block]) => block);

interface Job {
  environment?: string;
  permissions?: Record<string, string>;
  steps: Array<{ id?: string; uses?: string }>;
}
interface Workflow {
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}

const suite = s3ServerAvailable() ? describe : describe.skip;

/**
 * docs/examples/deploy-s3.yml's Snapgate steps, run as the runner runs them
 * (the bundled actions, inputs from the workflow's `with:`), against Ceph RGW
 * with its own STS (AssumeRoleWithWebIdentity) and the sandbox's stand-in for
 * GitHub's OIDC token endpoint and issuer. No AWS key is in the steps' env:
 * only what the runner gives a job with id-token: write.
 */
suite("the S3 store in the actions, with credentials from GitHub OIDC (RGW STS)", () => {
  const dir = tempDir("snapgate-s3-oidc-");
  const bucket = "acme-config-backups";
  let server: S3TestServer;
  let oidc: OidcServer;
  let ws: ActionWorkspace;
  let roleArn = "";

  const objectKeys = async () =>
    (await server.s3.send(new ListObjectsV2Command({ Bucket: bucket }))).Contents?.map(
      (item) => item.Key,
    ) ?? [];

  /**
   * One step of the example: `with:` evaluated from `context`; the runner's OIDC
   * variables only when the workflow or job grants id-token: write, for a token
   * whose claims are this repository and the job's environment (unless `job`
   * says otherwise: another repository's run).
   */
  const runStep = (
    jobName: string,
    id: string,
    context: Record<string, unknown>,
    options: {
      runId: number;
      job?: { repository: string; environment?: string };
      /** The example as a user might have changed it. */
      text?: string;
    },
  ): Promise<ActionRun & { env: Record<string, string> }> => {
    const text = options.text ?? EXAMPLE;
    const workflow = parse(text) as Workflow;
    const job = workflow.jobs[jobName] as Job;
    const step = job.steps.find((s) => s.id === id);
    const uses = step?.uses ?? "";
    const action = uses.startsWith("acme/snapgate@")
      ? "."
      : (/^acme\/snapgate\/actions\/([\w-]+)@/.exec(uses)?.[1] ?? "");
    const permissions = { ...workflow.permissions, ...job.permissions };
    const run = workflowEnv({ apiUrl: ws.backup.gh.url, runId: options.runId });
    const env = {
      ...run,
      ...(permissions["id-token"] === "write"
        ? oidc.runnerEnv({
            ...(options.job ?? { repository: "acme/service", environment: job.environment }),
            // The token's claims are the run's: its ref and id.
            ref: run.GITHUB_REF,
            runId: options.runId,
          })
        : {}),
    };
    const inputs = workflowStepInputs(text, { job: jobName, id }, context);
    return runAction(action, { cwd: ws.repo, inputs, env }).then((run) => ({ ...run, env }));
  };
  const context = (extra: Record<string, unknown> = {}) => ({
    vars: {
      SNAPGATE_S3_ENDPOINT: server.endpoint,
      SNAPGATE_AWS_ROLE_ARN: roleArn,
      CHANGE_ID: "CHG0000123",
    },
    secrets: { SNAPGATE_WRITER_KEY: ws.keys.writerText, SNAPGATE_IDENTITY: ws.keys.age.identity },
    github: { ref_name: "release/1.2" },
    ...extra,
  });

  /**
   * `use` with an SDK client on the role's session for `token`, by the same
   * default chain the action uses (process.env only while it runs, no AWS key).
   */
  const asRole = async <T>(token: string, use: (s3: S3Client) => Promise<T>): Promise<T> => {
    const saved = { ...process.env };
    for (const name of ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"]) delete process.env[name];
    Object.assign(
      process.env,
      prepareWebIdentity(
        token,
        { roleArn, sessionName: "test-as-role", stsEndpoint: server.endpoint },
        dir,
      ),
    );
    const s3 = new S3Client({
      endpoint: server.endpoint,
      forcePathStyle: true,
      region: "us-east-1",
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
    });
    try {
      return await use(s3);
    } finally {
      s3.destroy();
      for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
      Object.assign(process.env, saved);
    }
  };

  beforeAll(async () => {
    server = startS3Server({ sts: true });
    oidc = await startOidcServer();
    ws = await makeActionWorkspace(dir);
    // The prod tier keeps snapshots at least a day: the steps' COMPLIANCE retention.
    ws.write(
      ".github/snapgate.yml",
      ws.policyText.replace(
        "tier0: { max_age: 24h, approvals: 2, request_ttl: 4h }",
        "tier0: { max_age: 24h, approvals: 2, request_ttl: 4h, retention: { floor: { min_age: 1d } } }",
      ),
    );
    await server.createBucket(bucket, true);
    await server.createBucket("another-team", false);
    // docs/setup.md's trust and permission policies, as an AWS user would create them.
    if (SETUP_POLICIES.length !== 2)
      throw new Error(`docs/setup.md's S3 section has ${SETUP_POLICIES.length} json blocks, not 2`);
    const [trust, permissions] = SETUP_POLICIES;
    roleArn = await createWebIdentityRole(server, {
      name: "snapgate-backup",
      issuer: oidc.issuer,
      thumbprint: oidc.thumbprint,
      audience: "sts.amazonaws.com",
      trust: trust as string,
      permissions: permissions as string,
    });
  });
  afterAll(async () => {
    await oidc?.close();
    await ws?.close();
    server?.stop();
  });

  it("deploy's pre-deploy snapshot and rollback's restore run on the role's temporary credentials alone", async () => {
    expect(
      (await server.s3.send(new GetObjectLockConfigurationCommand({ Bucket: bucket })))
        .ObjectLockConfiguration?.ObjectLockEnabled,
    ).toBe("Enabled");
    const pre = await runStep("deploy", "pre", context(), { runId: 5001 });
    // Only the runner's variables: no AWS key, no role, no token file.
    expect(Object.keys(pre.env).filter((name) => name.startsWith("AWS_"))).toEqual([]);
    expect(pre.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN).toBeTruthy();
    expect(pre.stderr).toBe("");
    expect(pre.code).toBe(0);
    const id = pre.outputs["snapshot-id"] ?? "";
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    expect(pre.outputs).toMatchObject({ seq: "1", skipped: "false", files: "5" });

    // One token, for the role's audience, naming this repository's prod environment; masked.
    expect(oidc.issued).toHaveLength(1);
    const [token] = oidc.issued;
    expect(token?.audience).toBe("sts.amazonaws.com");
    expect(token?.claims).toMatchObject({
      sub: "repo:acme/service:environment:prod",
      aud: "sts.amazonaws.com",
      repository: "acme/service",
      environment: "prod",
      run_id: "5001",
    });
    expect(pre.masked).toContain(token?.token);
    expect(pre.log).not.toContain(token?.token);
    // The temporary secret key and session token are masked too: with the access key the step
    // logged, they are the role's live credentials (the server accepts them).
    const accessKeyId =
      /^Assumed arn:aws:iam:::role\/snapgate-backup with the job's OIDC token \(session snapgate-5001-1, access key (\S+)\)\.$/m.exec(
        pre.log,
      )?.[1];
    const [secretAccessKey, sessionToken] = pre.masked.filter(
      (value) => value !== token?.token && !ws.keys.writerText.includes(value),
    );
    expect(accessKeyId && secretAccessKey && sessionToken).toBeTruthy();
    const masked = new S3Client({
      endpoint: server.endpoint,
      forcePathStyle: true,
      region: "us-east-1",
      credentials: {
        accessKeyId: accessKeyId as string,
        secretAccessKey: secretAccessKey as string,
        sessionToken: sessionToken as string,
      },
    });
    expect(
      (await masked.send(new ListObjectsV2Command({ Bucket: bucket }))).KeyCount,
    ).toBeGreaterThan(0);
    masked.destroy();
    expect(pre.log).not.toContain(secretAccessKey);

    // Written by the role into the bucket, under COMPLIANCE until the tier's floor (1 day).
    const keys = await objectKeys();
    expect(keys).toContain("service/manifests/prod/0000000001.json");
    const [version] =
      (
        await server.s3.send(
          new ListObjectVersionsCommand({
            Bucket: bucket,
            Prefix: "service/manifests/prod/0000000001.json",
          }),
        )
      ).Versions ?? [];
    // RGW shows an object's retention only to its owner, here the role (ADR 1406).
    const head = await asRole(token?.token ?? "", (s3) =>
      s3.send(
        new HeadObjectCommand({ Bucket: bucket, Key: version?.Key, VersionId: version?.VersionId }),
      ),
    );
    expect(head.ObjectLockMode).toBe("COMPLIANCE");
    const days = ((head.ObjectLockRetainUntilDate?.getTime() ?? 0) - Date.now()) / 86_400_000;
    expect(Math.round(days)).toBe(1);
    // And the server enforces it: not even the bucket's owner may delete that version.
    await expect(
      server.s3.send(
        new DeleteObjectCommand({
          Bucket: bucket,
          Key: version?.Key,
          VersionId: version?.VersionId,
        }),
      ),
    ).rejects.toMatchObject({ name: "AccessDenied", $metadata: { httpStatusCode: 403 } });

    // The deploy breaks the configuration; the rollback job restores this run's pre snapshot.
    const good = ws.read("deploy/prod/api/config.yaml");
    ws.write("deploy/prod/api/config.yaml", "db:\n  schemaVersion: 43\nreplicas: 0\n");
    const rollback = await runStep(
      "rollback",
      "restore",
      context({ needs: { deploy: { outputs: { "pre-snapshot": id } } } }),
      { runId: 5001 },
    );
    expect(Object.keys(rollback.env).filter((name) => name.startsWith("AWS_"))).toEqual([]);
    expect(rollback.stderr).toBe("");
    expect(rollback.code).toBe(0);
    expect(rollback.outputs["snapshot-id"]).toBe(id);
    expect(ws.read("deploy/prod/api/config.yaml")).toBe(good);
    expect(oidc.issued.at(-1)?.claims.sub).toBe("repo:acme/service:environment:snapgate-rollback");
  });

  it("the verify, drift and drill actions read the same store on the role's credentials alone", async () => {
    // After the deploy test: seq 1 is in the bucket, and the checkout is back to it.
    const store = {
      store: `s3://${bucket}/service`,
      "s3-endpoint": server.endpoint,
      "aws-role-arn": roleArn,
      environment: "prod",
    };
    const env = {
      ...workflowEnv({ apiUrl: ws.backup.gh.url, runId: 5002 }),
      ...oidc.runnerEnv({
        repository: "acme/service",
        environment: "snapgate-rollback",
        ref: "refs/heads/release/1.2",
        runId: 5002,
      }),
    };
    const run = (action: string, inputs: Record<string, string>) =>
      runAction(action, { cwd: ws.repo, inputs: { ...store, ...inputs }, env });
    const issuedBefore = oidc.issued.length;

    const verified = await run("verify", {
      level: "restore",
      identity: ws.keys.age.identity,
    });
    expect({ code: verified.code, stderr: verified.stderr }).toEqual({ code: 0, stderr: "" });
    expect(verified.outputs).toMatchObject({ verified: "true", level: "restore", snapshots: "1" });

    const drift = await run("drift", { "writer-key": ws.keys.writerText });
    expect({ code: drift.code, stderr: drift.stderr }).toEqual({ code: 0, stderr: "" });
    expect(drift.outputs).toMatchObject({ drifted: "false" });

    const drill = await run("drill", {
      identity: ws.keys.age.identity,
      "writer-key": ws.keys.writerText,
    });
    expect({ code: drill.code, stderr: drill.stderr }).toEqual({ code: 0, stderr: "" });
    expect(drill.outputs).toMatchObject({ passed: "true" });

    // Each step asked for its own token and logged the role it assumed; no AWS key in the env.
    expect(oidc.issued.length - issuedBefore).toBe(3);
    expect(Object.keys(env).filter((name) => name.startsWith("AWS_"))).toEqual([]);
    for (const step of [verified, drift, drill])
      expect(step.log).toMatch(
        /^Assumed arn:aws:iam:::role\/snapgate-backup with the job's OIDC token/m,
      );
  });

  it("the role's credentials reach only its bucket: the server refuses another bucket", async () => {
    const run = await runStep("deploy", "pre", context(), { runId: 5002 });
    expect(run.code).toBe(0);
    const issued = oidc.issued.at(-1)?.token ?? "";
    await asRole(issued, async (s3) => {
      const listed = await s3.send(new ListObjectsV2Command({ Bucket: bucket }));
      expect(listed.KeyCount).toBeGreaterThan(0);
      await expect(
        s3.send(new ListObjectsV2Command({ Bucket: "another-team" })),
      ).rejects.toMatchObject({ $metadata: { httpStatusCode: 403 } });
    });
  });

  it.each<[string, { repository: string; environment?: string }]>([
    ["another repository's run", { repository: "acme/other", environment: "prod" }],
    [
      "another environment of this repository",
      { repository: "acme/service", environment: "staging" },
    ],
    ["a job without an environment", { repository: "acme/service" }],
  ])("STS refuses a token of %s, and nothing is written", async (_, job) => {
    const before = await objectKeys();
    const run = await runStep("deploy", "pre", context(), { runId: 5003, job });
    expect(run.code).toBe(1);
    const sub = job.environment
      ? `repo:${job.repository}:environment:${job.environment}`
      : `repo:${job.repository}:ref:refs/heads/release/1.2`;
    expect(oidc.issued.at(-1)?.claims.sub).toBe(sub);
    expect(run.stdout).toContain(
      `::error::STS refused AssumeRoleWithWebIdentity of ${roleArn} for the token of sub '${sub}', aud 'sts.amazonaws.com'`,
    );
    expect(run.stdout).toContain("trust policy allows this token");
    expect(await objectKeys()).toEqual(before);
  });

  it("a workflow without id-token: write gets no token: a PERMISSION error that says to grant it", async () => {
    const issued = oidc.issued.length;
    const text = EXAMPLE.replace(/\n {2}id-token: write[^\n]*/, "");
    expect(text).not.toBe(EXAMPLE);
    const run = await runStep("deploy", "pre", context(), { runId: 5004, text });
    // The runner gives such a job no ACTIONS_ID_TOKEN_REQUEST_* variables.
    expect(Object.keys(run.env).filter((name) => name.startsWith("ACTIONS_ID_TOKEN"))).toEqual([]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      "::error::aws-role-arn needs the job's OIDC token, and this job may not request one",
    );
    expect(run.stdout).toContain("Add `permissions: { id-token: write, contents: read }`");
    expect(oidc.issued.length).toBe(issued);
  });

  it("a token endpoint that refuses the request token: a PERMISSION error, nothing assumed", async () => {
    const refused = oidc.refused;
    const issued = oidc.issued.length;
    const inputs = workflowStepInputs(EXAMPLE, { job: "deploy", id: "pre" }, context());
    const granted = oidc.runnerEnv({ repository: "acme/service", environment: "prod" });
    const run = await runAction(".", {
      cwd: ws.repo,
      inputs,
      env: {
        ...workflowEnv({ apiUrl: ws.backup.gh.url, runId: 5005 }),
        ...granted,
        // A request token of an earlier job: the endpoint does not know it.
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: "expired-request-token",
      },
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      "::error::The runner's OIDC token endpoint refused a token for audience 'sts.amazonaws.com'",
    );
    expect(run.stdout).toContain("Error Code : 401");
    expect(oidc.refused).toBe(refused + 1);
    expect(oidc.issued.length).toBe(issued);
  });
});
