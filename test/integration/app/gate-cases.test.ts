import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import { readStoredManifest } from "../../helpers/read-stored-manifest.js";
import { makeKeys } from "../../helpers/keys.js";
import {
  annotationsOf,
  BACKUP_REPO,
  createScenario,
  createSourceRepo,
  OWNER,
  policyYaml,
  startAppHarness,
  type AppHarness,
} from "../../helpers/app-harness.js";
import { tempDir } from "../../helpers/temp-dir.js";
import { blobPath, manifestPath } from "../../../core/store/store.js";
import { blobRefOf } from "../../../core/snapshot/blob-ref-of.js";
import { gateLockRefCount } from "../../helpers/gate-lock-ref-count.js";

/**
 * The gate's decisions, end to end: the sandbox delivers a signed
 * pull_request webhook to the real app over HTTP, the app reads the policy
 * and the backup repository through the sandbox's API and posts a check run,
 * which the test reads back through the API.
 */
let h: AppHarness;
const work = tempDir("snapgate-app-gate-");

beforeAll(async () => {
  h = await startAppHarness();
  // The first decision also fetches the installation token; later ones reuse it.
  const text = policyYaml(h.keys, "warmup");
  const pull = await createSourceRepo(h.gh, "svc-warmup", text);
  await deliverOpened("svc-warmup", pull.number);
});
afterEach(() => h.gh.assertClean());
afterAll(() => h.close());

async function deliverOpened(repo: string, number: number): Promise<void> {
  const payload = await h.gh.webhooks.payloads.pullRequest({
    owner: OWNER,
    repo,
    number,
    action: "opened",
  });
  const delivery = await h.gh.webhooks.deliver(h.app.appId, "pull_request", payload);
  expect(delivery.status).toBe(200);
}

/** Opens the pull request's webhook and returns the check runs on its head and the API calls the decision made. */
async function decide(repo: string, pull: { number: number; headSha: string }) {
  h.gh.resetLog();
  await deliverOpened(repo, pull.number);
  const calls = h.gh.callCounts();
  const runs = (
    await h.reader.checks.listForRef({ owner: OWNER, repo, ref: pull.headSha, filter: "all" })
  ).data.check_runs;
  return { calls, runs };
}

const scenario = (environment: string, policyText?: string) =>
  createScenario(h, work, environment, policyText);

/**
 * Three reads decide; the lock (backup head, one ref, two near midnight: ADR 0611) and the
 * check run write. A function: the lock's ref count is the hour's.
 */
const decisionCalls = () => ({
  graphql: 3,
  "git/get-ref": 1,
  "git/create-ref": gateLockRefCount(),
  "checks/create": 1,
});

function conditionRow(summary: string | null | undefined, name: string): string {
  return (summary ?? "").split("\n").find((line) => line.startsWith(`| ${name} |`)) ?? "";
}

describe("the gate's check run on a pull request", () => {
  it("passes with a fresh, signed, complete, covered snapshot, in 6 API calls (4 without the lock)", async () => {
    const { repo, pull, snapshot } = await scenario("good");
    await snapshot({ "deploy/app.yaml": "replicas: 1\n" });
    const { calls, runs } = await decide(repo, pull);
    expect(calls).toEqual(decisionCalls());
    expect(runs).toHaveLength(1);
    const [run] = runs;
    expect(run).toMatchObject({
      name: "Snapgate / config backup (good)",
      status: "completed",
      conclusion: "success",
      external_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      output: { title: "All 8 conditions pass.", annotations_count: 0 },
      app: { id: h.app.appId },
    });
    expect(run!.output.summary).toContain("| signature | ✅ pass |");
    expect(run!.output.text).toContain("read from the default branch (main) only");
    expect(run!.output.text).toContain(`Backup repository: ${OWNER}/${BACKUP_REPO}@main.`);
    // A passing gate offers no "Snapshot now".
    expect(h.gh.checkRunActions(run!.id)).toEqual([]);
  });

  it("fails when the environment has no snapshot, and offers Snapshot now", async () => {
    const { repo, pull } = await scenario("nosnap");
    const { calls, runs } = await decide(repo, pull);
    // An empty environment needs no manifest read.
    expect(calls).toEqual({ ...decisionCalls(), graphql: 2 });
    const [run] = runs;
    expect(run).toMatchObject({
      name: "Snapgate / config backup (nosnap)",
      conclusion: "failure",
      output: { title: "1 of 2 conditions do not pass: snapshot." },
    });
    expect(conditionRow(run!.output.summary, "snapshot")).toBe(
      "| snapshot | ❌ fail | No snapshot of nosnap exists. | Take one: run the snapshot workflow (snapshot.yml) or `snapgate snapshot --env nosnap`. |",
    );
    expect(h.gh.checkRunActions(run!.id)).toEqual([
      {
        label: "Snapshot now",
        description: "Dispatch the snapshot workflow",
        identifier: "snapshot-now",
      },
    ]);
  });

  it("fails on a stale snapshot", async () => {
    const { repo, pull, snapshot } = await scenario("stale");
    await snapshot(
      { "deploy/app.yaml": "replicas: 1\n" },
      { time: new Date(Date.now() - 3 * 86_400_000) },
    );
    const { calls, runs } = await decide(repo, pull);
    expect(calls).toEqual(decisionCalls());
    expect(runs[0]).toMatchObject({
      conclusion: "failure",
      output: { title: "1 of 8 conditions do not pass: freshness." },
    });
    expect(conditionRow(runs[0]!.output.summary, "freshness")).toMatch(
      /^\| freshness \| ❌ fail \| The newest snapshot is 3d(\d+s)? old; tier1 allows 1d\. \| Take a snapshot: /,
    );
  });

  it("fails on a manifest signed with a key the policy does not list", async () => {
    const { repo, pull, snapshot, policy: loadGated } = await scenario("unknownkey");
    const policy = await loadGated();
    const stranger = await makeKeys();
    // The writer's own copy of the policy lists its key; the gated policy does not.
    const forged = {
      ...policy,
      keys: {
        ...policy.keys,
        writers: [{ key: stranger.verifyKey, validFromMs: null, validUntilMs: null }],
      },
    };
    await snapshot(
      { "deploy/app.yaml": "replicas: 1\n" },
      { writerKey: stranger.writer, policy: forged },
    );
    const { calls, runs } = await decide(repo, pull);
    expect(calls).toEqual(decisionCalls());
    expect(runs[0]).toMatchObject({
      conclusion: "failure",
      output: { title: "1 of 8 conditions do not pass: signature." },
    });
    expect(conditionRow(runs[0]!.output.summary, "signature")).toContain(
      `The manifest is signed by ${stranger.verifyKey.slice(0, 16)}..., which is not in keys.writers.`,
    );
  });

  it("fails on a broken chain (a manifest removed from the backup repository)", async () => {
    const { repo, pull, snapshot } = await scenario("chain");
    await snapshot({ "deploy/app.yaml": "replicas: 1\n" });
    await snapshot({ "deploy/app.yaml": "replicas: 2\n" });
    await h.gh.commitFiles(
      OWNER,
      BACKUP_REPO,
      "main",
      { [manifestPath("chain", 1)]: null },
      "lose history",
    );
    const { calls, runs } = await decide(repo, pull);
    expect(calls).toEqual(decisionCalls());
    expect(runs[0]).toMatchObject({
      conclusion: "failure",
      output: { title: "1 of 8 conditions do not pass: chain." },
    });
    expect(conditionRow(runs[0]!.output.summary, "chain")).toContain(
      "The hash chain is broken at snapshot #1 (manifest chain@1 is missing).",
    );
  });

  it("fails on a missing blob", async () => {
    const { repo, pull, snapshot } = await scenario("blob");
    await snapshot({ "deploy/app.yaml": "replicas: 1\n", "deploy/db.yaml": "pool: 5\n" });
    const manifest = await readStoredManifest(h.store, "blob", 1);
    const lost = manifest.files.find((file) => file.path === "deploy/db.yaml");
    if (lost?.type !== "file") throw new Error("the snapshot has no deploy/db.yaml");
    await h.gh.commitFiles(
      OWNER,
      BACKUP_REPO,
      "main",
      {
        [blobPath(blobRefOf(lost))]: null,
      },
      "lose a blob",
    );
    const { calls, runs } = await decide(repo, pull);
    // A blob the listing lacks may have been re-wrapped by `snapgate rekey`: its re-wrap record
    // is looked for, one more query (for up to 100 missing blobs; ADR 1303).
    expect(calls).toEqual({ ...decisionCalls(), graphql: decisionCalls().graphql + 1 });
    expect(runs[0]).toMatchObject({
      conclusion: "failure",
      output: { title: "1 of 8 conditions do not pass: blobs." },
    });
    expect(conditionRow(runs[0]!.output.summary, "blobs")).toContain(
      `1 blob(s) are missing or do not match their recorded hash: ${lost.blob.slice(0, 12)}.`,
    );
  });

  it("fails on an expired exception", async () => {
    const text = policyYaml(h.keys, "exception", {
      body: 'exceptions:\n  - { paths: ["legacy/**"], reason: "regenerated by the vendor", accepted_by: ["@alice"], expires: 2020-01-31 }\n',
    });
    const { repo, pull, snapshot } = await scenario("exception", text);
    await snapshot({ "deploy/app.yaml": "replicas: 1\n" });
    const { calls, runs } = await decide(repo, pull);
    expect(calls).toEqual(decisionCalls());
    expect(runs[0]).toMatchObject({
      conclusion: "failure",
      output: { title: "1 of 8 conditions do not pass: exceptions." },
    });
    expect(conditionRow(runs[0]!.output.summary, "exceptions")).toContain(
      "Expired: exceptions[0] (legacy/**) expired 2020-01-31.",
    );
  });

  it("fails on a tier-0 file in no component, with an annotation on it", async () => {
    const text = policyYaml(h.keys, "coverage", { tier: "tier0" });
    const { repo, pull, snapshot } = await scenario("coverage", text);
    await snapshot({ "deploy/app.yaml": "replicas: 1\n", "ops/root.conf": "admin: true\n" });
    const { calls, runs } = await decide(repo, pull);
    expect(calls).toEqual(decisionCalls());
    const [run] = runs;
    expect(run).toMatchObject({
      conclusion: "failure",
      output: { title: "1 of 8 conditions do not pass: coverage.", annotations_count: 1 },
    });
    expect(conditionRow(run!.output.summary, "coverage")).toContain(
      "1 tier-0 path(s) in no component: ops/root.conf",
    );
    expect(await annotationsOf(h, repo, pull.headSha, run!.name)).toEqual([
      {
        path: "ops/root.conf",
        location: { start: { line: 1 }, end: { line: 1 } },
        annotationLevel: "FAILURE",
        title: "Tier-0 file in no component",
        message: expect.stringContaining("ops/root.conf is tier-0 but belongs to no component"),
      },
    ]);
  });

  it("fails with one policy-wide check run when the policy is invalid, saying where and how to fix it", async () => {
    const text = policyYaml(h.keys, "invalid").replace(
      "tier1: { max_age: 24h }",
      "tier1: { max_age: 24 }",
    );
    const { repo, pull } = await scenario("invalid", text);
    const { calls, runs } = await decide(repo, pull);
    // No environment is known, so no backup read: the policy read and the check run.
    expect(calls).toEqual({ graphql: 1, "checks/create": 1 });
    const [run] = runs;
    expect(run).toMatchObject({
      name: "Snapgate / config backup",
      conclusion: "failure",
      output: { title: "The Snapgate policy cannot be used.", annotations_count: 1 },
    });
    const line = text.split("\n").findIndex((row) => row.includes("max_age: 24 ")) + 1;
    expect(conditionRow(run!.output.summary, "policy")).toContain(
      `.github/snapgate.yml:${line} tiers.tier1.max_age: `,
    );
    expect(conditionRow(run!.output.summary, "policy")).toContain("write e.g. 24h");
    expect(await annotationsOf(h, repo, pull.headSha, run!.name)).toEqual([
      {
        path: ".github/snapgate.yml",
        location: { start: { line }, end: { line } },
        annotationLevel: "FAILURE",
        title: "Invalid Snapgate policy (read from the default branch)",
        message: expect.stringContaining("write e.g. 24h"),
      },
    ]);
  });
});
