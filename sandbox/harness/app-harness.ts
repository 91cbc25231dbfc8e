import { mkdirSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { Octokit } from "@octokit/rest";
import { startSnapgateServer, type SnapgateServer } from "../../app/start-snapgate-server.js";
import { createGitHubClient } from "../../core/github/github-client.js";
import { loadPolicy } from "../../core/policy/load-policy.js";
import type { Policy } from "../../core/policy/policy.js";
import { memoryPolicySource } from "../../core/policy/policy-source.js";
import { snapshotUnderPolicy } from "../../core/snapshot/snapshot-under-policy.js";
import { GitHubStore } from "../../core/store/github-store.js";
import { startSandbox, type CreatedApp, type Sandbox } from "../../sandbox/index.js";
import { makeKeys, type TestKeys } from "./keys.js";
import { callbackUrlAt, registerSnapgateApp } from "./snapgate-app.js";

export const OWNER = "acme";
export const BACKUP_REPO = "config-backups";

export { appManifest } from "./snapgate-app.js";

export interface AppHarness {
  gh: Sandbox;
  app: CreatedApp;
  /** The app's installation on acme (every repository). */
  installationId: number;
  server: SnapgateServer;
  keys: TestKeys;
  /** What a snapshot job writes the backup repository with. */
  store: GitHubStore;
  /** A person's client that can read everything (check runs, workflow runs). */
  reader: Octokit;
  close(): Promise<void>;
}

/**
 * A sandbox with the organisation `acme`, its private backup repository, the
 * Snapgate App created from app.yml and installed on every repository of
 * acme, and the real app server (signing requests with keys.app) on 127.0.0.1 receiving the sandbox's
 * webhooks. Side-effect webhooks are off until a test turns them on.
 */
/** A port free right now on 127.0.0.1 (the dashboard's public URL must be known before the server starts). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export async function startAppHarness(
  options: {
    now?: () => Date;
    retries?: number;
    backupAccounts?: string[];
    /** Serve the dashboard with GitHub sign-in through the sandbox's web flow. */
    dashboard?: boolean;
    /** Where the app's log goes (default: nowhere). */
    log?: Parameters<typeof startSnapgateServer>[0]["log"];
  } = {},
): Promise<AppHarness> {
  const gh = await startSandbox({ webhookSideEffects: false });
  gh.createUser({ login: "octo-admin" });
  gh.createUser({ login: "dev" });
  gh.createOrg({ login: OWNER, admins: ["octo-admin"], members: ["dev"], basePermission: "write" });
  await gh.createRepo({ owner: OWNER, name: BACKUP_REPO, private: true });
  const app = registerSnapgateApp(gh);
  const installationId = gh.installApp(app.appId, OWNER, "all");
  // The snapshot job's token, as the documented workflows mint it: the App's, scoped to the backup repository.
  const writer = gh.createInstallationToken(installationId, { repositories: [BACKUP_REPO] });
  const store = new GitHubStore(
    createGitHubClient({
      token: writer,
      baseUrl: gh.url,
      retryAfterBaseValue: 1,
      writeSpacingMs: 0,
    }),
    { owner: OWNER, repo: BACKUP_REPO, branch: "main" },
  );
  await store.initialize();
  const keys = await makeKeys();
  const port = options.dashboard ? await freePort() : 0;
  const server = await startSnapgateServer({
    appId: app.appId,
    privateKey: app.privateKeyPem,
    webhookSecret: app.webhookSecret,
    baseUrl: gh.url,
    ...(options.dashboard
      ? {
          dashboardSettings: {
            clientId: app.clientId,
            clientSecret: app.clientSecret,
            publicUrl: `http://127.0.0.1:${port}`,
            webUrl: gh.url,
          },
        }
      : {}),
    ...(options.log ? { log: options.log } : {}),
    port,
    host: "127.0.0.1",
    logLevel: "fatal",
    retries: options.retries ?? 2,
    retryAfterBaseValue: 1,
    ...(options.now ? { now: options.now } : {}),
    ...(options.backupAccounts ? { backupAccounts: options.backupAccounts } : {}),
    signingKey: keys.app,
  });
  gh.webhooks.setUrl(app.appId, server.webhookUrl);
  // The App's settings, as its operator edits them for where the app listens.
  gh.setAppCallbackUrls(app.appId, [callbackUrlAt(server.url)]);
  const reader = new Octokit({
    baseUrl: gh.url,
    auth: gh.createToken({
      actor: "octo-admin",
      repositories: "all",
      permissions: { checks: "read", actions: "read", contents: "read", pull_requests: "read" },
    }),
    log: { debug() {}, info() {}, warn() {}, error() {} },
  });
  return {
    gh,
    app,
    installationId,
    server,
    keys,
    store,
    reader,
    async close() {
      await gh.webhooks.settle();
      await server.close();
      await gh.close();
    },
  };
}

/** A policy file for one environment gated on main, whose snapshots go to the backup repository. */
export function policyYaml(
  keys: TestKeys,
  environment: string,
  extra: { tier?: "tier0" | "tier1"; body?: string; snapshotWorkflow?: boolean } = {},
): string {
  return [
    `backup: { repository: ${OWNER}/${BACKUP_REPO}, branch: main }`,
    "keys:",
    `  recipients: [${keys.age.recipient}]`,
    "  writers:",
    `    - key: ${keys.verifyKey}`,
    `  app: [{ key: ${keys.appVerifyKey} }]`,
    "tiers:",
    "  tier0: { max_age: 24h }",
    "  tier1: { max_age: 24h }",
    "environments:",
    `  ${environment}: { tier: ${extra.tier ?? "tier1"}, release_branches: [main]${extra.snapshotWorkflow === false ? "" : ", snapshot_workflow: snapshot.yml"} }`,
    "components:",
    '  - { name: app, paths: ["deploy/**"] }',
    extra.body ?? "",
  ].join("\n");
}

export const SNAPSHOT_WORKFLOW = [
  "on:",
  "  workflow_dispatch:",
  "    inputs:",
  "      environment:",
  "        required: true",
  "jobs: {}",
  "",
].join("\n");

/**
 * A source repository of acme with its policy on main, a feature branch and
 * a pull request from it into main; returns the pull request's number and head.
 */
export async function createSourceRepo(
  gh: Sandbox,
  name: string,
  policy: string,
  files: Record<string, string> = {},
): Promise<{ number: number; headSha: string }> {
  await gh.createRepo({
    owner: OWNER,
    name,
    files: {
      ".github/snapgate.yml": policy,
      ".github/workflows/snapshot.yml": SNAPSHOT_WORKFLOW,
      "deploy/app.yaml": `name: ${name}\n`,
      ...files,
    },
  });
  // The pull request changes a deploy file (and cannot change its own gate: the policy comes from main).
  const headSha = await gh.commitFiles(
    OWNER,
    name,
    "feature",
    { "deploy/app.yaml": `name: ${name}\nreplicas: 2\n` },
    "scale up",
    { author: "dev" },
  );
  const number = gh.createPullRequest({
    owner: OWNER,
    repo: name,
    head: "feature",
    base: "main",
    user: "dev",
  });
  return { number, headSha };
}

/** Loads a policy text as the app would read it (no _extends). */
export function policyOf(text: string): Promise<Policy> {
  return loadPolicy(memoryPolicySource({ ".github/snapgate.yml": text }));
}

/**
 * A snapshot of `files` (written under `dir`) taken by the real engine under
 * the policy, into the backup repository, recording the source repository.
 */
export async function takeSnapshot(
  harness: AppHarness,
  dir: string,
  options: {
    policy: Policy;
    environment: string;
    repository: string;
    files: Record<string, string>;
    time?: Date;
    writerKey?: TestKeys["writer"];
  },
): Promise<void> {
  for (const [path, content] of Object.entries(options.files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  await snapshotUnderPolicy({
    policy: options.policy,
    store: harness.store,
    root: dir,
    paths: ["."],
    stream: options.environment,
    phase: "post",
    writerKey: options.writerKey ?? harness.keys.writer,
    changeTicketVerifier: null,
    metadata: { repository: options.repository },
    ...(options.time ? { time: options.time } : {}),
  });
}

export interface ReadAnnotation {
  path: string;
  title: string | null;
  message: string;
  annotationLevel: string;
  location: { start: { line: number }; end: { line: number } };
}

/**
 * The annotations of the app's check run `name` on a commit, read through
 * GraphQL (the REST annotations endpoint is not served by the sandbox).
 */
export async function annotationsOf(
  harness: AppHarness,
  repo: string,
  sha: string,
  name: string,
): Promise<ReadAnnotation[]> {
  const result = await harness.reader.graphql<{
    repository: {
      object: {
        checkSuites: {
          nodes: { checkRuns: { nodes: { annotations: { nodes: ReadAnnotation[] } }[] } }[];
        };
      };
    };
  }>(
    `query($owner: String!, $name: String!, $oid: GitObjectID!, $appId: Int!, $check: String!) {
      repository(owner: $owner, name: $name) { object(oid: $oid) { ... on Commit {
        checkSuites(first: 1, filterBy: { appId: $appId }) { nodes { checkRuns(first: 10, filterBy: { checkName: $check, checkType: ALL }) { nodes {
          annotations(first: 50) { nodes { path title message annotationLevel location { start { line } end { line } } } }
        } } } }
      } } }
    }`,
    { owner: OWNER, name: repo, oid: sha, appId: harness.app.appId, check: name },
  );
  return result.repository.object.checkSuites.nodes.flatMap((suite) =>
    suite.checkRuns.nodes.flatMap((run) => run.annotations.nodes),
  );
}

export interface Scenario {
  repo: string;
  pull: { number: number; headSha: string };
  /** The gated policy, loaded lazily (an invalid one's scenario takes no snapshot). */
  policy(): Promise<Policy>;
  /** A snapshot of the environment into the backup repository, by the real engine under the policy. */
  snapshot(
    files: Record<string, string>,
    extra?: { time?: Date; writerKey?: TestKeys["writer"]; policy?: Policy },
  ): Promise<void>;
}

/**
 * A source repository `svc-<environment>` gating `environment` on main, with
 * a pull request into main, and a way to snapshot the environment. File
 * contents get the environment's name appended, so no two environments share
 * a blob (tests delete blobs).
 */
export async function createScenario(
  harness: AppHarness,
  work: string,
  environment: string,
  policyText = policyYaml(harness.keys, environment),
): Promise<Scenario> {
  const repo = `svc-${environment}`;
  const pull = await createSourceRepo(harness.gh, repo, policyText);
  const policy = () => policyOf(policyText);
  let count = 0;
  return {
    repo,
    pull,
    policy,
    snapshot: async (files, extra = {}) => {
      count += 1;
      await takeSnapshot(harness, join(work, `${environment}-${count}`), {
        policy: extra.policy ?? (await policy()),
        environment,
        repository: `${OWNER}/${repo}`,
        files: Object.fromEntries(
          Object.entries(files).map(([path, content]) => [path, `${content}# ${environment}\n`]),
        ),
        ...(extra.time ? { time: extra.time } : {}),
        ...(extra.writerKey ? { writerKey: extra.writerKey } : {}),
      });
    },
  };
}
