import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import { startSnapgateServer } from "../../../app/start-snapgate-server.js";
import { gatherGateFacts } from "../../../core/gate/gather-gate-facts.js";
import { drillSignoffPath } from "../../../core/operations/drill-signoff-path.js";
import { readCatalog } from "../../../core/snapshot/read-catalog.js";
import {
  BACKUP_REPO,
  createScenario,
  OWNER,
  policyYaml,
  startAppHarness,
  type AppHarness,
  type Scenario,
} from "../../helpers/app-harness.js";
import { craftDrill } from "../../helpers/craft-drill.js";
import { tempDir } from "../../helpers/temp-dir.js";

/**
 * `/snapgate signoff <drill>` through the real app, over HTTP, with signed
 * webhooks, against the sandbox: roles.ops and roles.security are checked
 * live (a listed login, a team's active membership), the drill's runner
 * cannot sign off, one person cannot sign both, each sign-off is one
 * app-signed write-once file and one audit event, and a tier with
 * drill_signoff passes its gate only once both are recorded.
 */
let h: AppHarness;
let so: Scenario;
const work = tempDir("snapgate-app-signoff-");
const ROLES = `roles:\n  ops: ["@olivia"]\n  security: ["@${OWNER}/security"]\n`;

beforeAll(async () => {
  h = await startAppHarness();
  for (const login of ["olivia", "sam", "runner", "outsider"]) h.gh.createUser({ login });
  h.gh.createTeam(OWNER, "security", ["sam", "runner"]);
  const policy = policyYaml(h.keys, "so", { body: ROLES }).replace(
    "tier1: { max_age: 24h }",
    "tier1: { max_age: 24h, drill_interval: 30d, drill_signoff: true, restore_verification: 30d }",
  );
  so = await createScenario(h, work, "so", policy);
  await so.snapshot({ "deploy/app.yaml": "replicas: 1\n" });
});
afterEach(() => h.gh.assertClean());
afterAll(() => h.close());

/** A drill record of the newest snapshot, signed with the writer key, as the drill action writes it. */
async function drill(options: { ok?: boolean; ranBy?: string; minutesAgo?: number } = {}) {
  const [entry] = (await readCatalog(h.store, "so")).slice(-1);
  return craftDrill(h.store, h.keys.writer, entry!, {
    ...options,
    time: new Date(Date.now() - (options.minutesAgo ?? 1) * 60_000),
  });
}

async function comment(body: string, user: string): Promise<number> {
  return h.gh.addIssueComment({ owner: OWNER, repo: so.repo, number: so.pull.number, user, body });
}

async function deliver(commentId: number): Promise<void> {
  const delivery = await h.gh.webhooks.deliver(
    h.app.appId,
    "issue_comment",
    await h.gh.webhooks.payloads.issueComment({ commentId, action: "created" }),
  );
  expect(delivery.status).toBe(200);
}

/** The one reply to a command comment. */
async function ask(body: string, user: string): Promise<{ id: number; reply: string }> {
  const id = await comment(body, user);
  await deliver(id);
  return { id, reply: await replyTo(id) };
}

async function replyTo(id: number): Promise<string> {
  const comments = (
    await h.reader.issues.listComments({
      owner: OWNER,
      repo: so.repo,
      issue_number: so.pull.number,
      per_page: 100,
    })
  ).data;
  const replies = comments.filter((c) => c.body?.includes(`<!-- snapgate:reply-to ${id} -->`));
  expect(replies).toHaveLength(1);
  return replies[0]!.body ?? "";
}

const signoffFiles = () => h.store.listRecords("drills/so/signoffs");
const events = async (type: string) =>
  (await h.store.readAuditLines())
    .map(
      (line) =>
        JSON.parse(line) as {
          type: string;
          actor?: { login?: string };
          details?: { role?: string; refusal?: string };
        },
    )
    .filter((event) => event.type === type);

/** The backup repository's head commit. */
async function backupHead(): Promise<string> {
  return (await h.reader.git.getRef({ owner: OWNER, repo: BACKUP_REPO, ref: "heads/main" })).data
    .object.sha;
}

let seen: string | null = null;

/**
 * The gate check run on the pull request: the first from its pull_request
 * delivery, later ones from the push GitHub sends when the backup repository
 * changed (the app re-evaluates a failing gate then, ADR 0602); and the API
 * calls the app made.
 */
async function gate() {
  const after = await backupHead();
  h.gh.resetLog();
  const delivery =
    seen === null
      ? await h.gh.webhooks.deliver(
          h.app.appId,
          "pull_request",
          await h.gh.webhooks.payloads.pullRequest({
            owner: OWNER,
            repo: so.repo,
            number: so.pull.number,
            action: "synchronize",
          }),
        )
      : await h.gh.webhooks.deliver(
          h.app.appId,
          "push",
          await h.gh.webhooks.payloads.push({
            owner: OWNER,
            repo: BACKUP_REPO,
            ref: "refs/heads/main",
            before: seen,
            after,
          }),
        );
  seen = after;
  expect(delivery.status).toBe(200);
  const calls = h.gh.callCounts();
  const runs = (
    await h.reader.checks.listForRef({
      owner: OWNER,
      repo: so.repo,
      ref: so.pull.headSha,
      filter: "latest",
    })
  ).data.check_runs;
  const run = runs[0]!;
  const row = (name: string) =>
    (run.output.summary ?? "").split("\n").find((line) => line.startsWith(`| ${name} |`)) ?? "";
  return { run, calls, row };
}

describe("/snapgate signoff", () => {
  it("refuses hostile or wrong drill names with a clear reply and writes nothing", async () => {
    const before = (await h.store.listRecords("drills")).length;
    const traversal = await ask("/snapgate signoff drills/../requests/x.json", "olivia");
    expect(traversal.reply).toContain("is not a drill record");
    const unknown = await ask(
      `/snapgate signoff drills/nope/20261126T120000.123Z-ok-${"a".repeat(64)}.json`,
      "olivia",
    );
    expect(unknown.reply).toContain("The policy has no environment 'nope'");
    const missing = await ask(
      `/snapgate signoff drills/so/20261126T120000.123Z-ok-${"a".repeat(64)}.json`,
      "olivia",
    );
    expect(missing.reply).toContain("there is no drill");
    expect((await h.store.listRecords("drills")).length).toBe(before);
  });

  it("needs ops and security from two people, never the runner; the gate passes only with both", async () => {
    const path = await drill({ ranBy: "runner" });
    const unsigned = await gate();
    expect(unsigned.run.conclusion).toBe("failure");
    expect(unsigned.row("drill")).toContain(`Drill ${path} on `);
    expect(unsigned.row("drill")).toContain("lacks an ops and a security sign-off");
    // The drill counts as restore-level verification of its snapshot: no verify --record ran.
    expect(unsigned.row("restore-verification")).toContain("✅ pass");

    // The runner is in the security team, and still may not sign off their own drill.
    const own = await ask(`/snapgate signoff ${path}`, "runner");
    expect(own.reply).toContain("@runner ran this drill, and nobody signs off their own drill");
    const outsider = await ask(`/snapgate signoff ${path}`, "outsider");
    expect(outsider.reply).toContain("@outsider is not in roles.ops or roles.security");
    expect(await signoffFiles()).toEqual([]);
    expect((await events("drill.signoff-refused")).map((e) => e.details?.refusal)).toEqual([
      "own-drill",
      "not-in-role",
    ]);

    const ops = await ask(`/snapgate signoff ${path}`, "olivia");
    expect(ops.reply).toContain("✅ @olivia signed off this drill for ops");
    expect(ops.reply).toContain("- security: ⏳ missing: someone in roles.security comments");
    // Redelivered: one reply, one file, one audit event.
    await deliver(ops.id);
    expect(await replyTo(ops.id)).toBe(ops.reply);
    // The same person again, in a new comment: said, not written again.
    const again = await ask(`/snapgate signoff ${path}`, "olivia");
    expect(again.reply).toContain("@olivia has already signed off this drill for ops");
    expect(await signoffFiles()).toEqual([drillSignoffPath(path, "ops")]);

    const half = await gate();
    expect(half.run.conclusion).toBe("failure");
    expect(half.row("drill")).toContain("lacks a security sign-off");
    expect(half.run.output.summary).toContain(`Ask someone in role security to comment`);

    const security = await ask(`/snapgate signoff ${path}`, "sam");
    expect(security.reply).toContain("✅ @sam signed off this drill for security");
    expect(security.reply).toContain("signed off by ops and security");
    expect(
      (await events("drill.signed-off")).map((e) => [e.actor?.login, e.details?.role]),
    ).toEqual([
      ["olivia", "ops"],
      ["sam", "security"],
    ]);
    const signed = await gate();
    expect(signed.run.conclusion).toBe("success");
    expect(signed.row("drill")).toContain("signed off by @olivia (ops) and @sam (security)");

    // More drills cost the gate's reads (as the app gathers them) no more API calls: their
    // names and the sign-offs' come with the stream index, in the one query it already makes.
    const gather = async () => {
      h.gh.resetLog();
      const facts = await gatherGateFacts(h.store, await so.policy(), "so", new Date(), {
        chain: "catalog",
        blobs: "list",
      });
      return { calls: h.gh.callCounts(), facts };
    };
    const one = await gather();
    await drill({ minutesAgo: 3 });
    await drill({ minutesAgo: 4, ranBy: "olivia" });
    const three = await gather();
    expect(three.calls).toEqual(one.calls);
    expect(three.facts.drill?.signoff?.by).toMatchObject({
      ops: { login: "olivia" },
      security: { login: "sam" },
    });
    expect(three.facts.lastRestoreVerification).toBe(one.facts.lastRestoreVerification);
  });

  it("refuses a failing drill", async () => {
    const before = await signoffFiles();
    const path = await drill({ ok: false, minutesAgo: 10 });
    const { reply } = await ask(`/snapgate signoff ${path}`, "olivia");
    expect(reply).toContain("only a passing drill is signed off");
    expect(await signoffFiles()).toEqual(before);
  });

  it("one sign-off handled by two app instances at once is recorded once", async () => {
    const path = await drill({ minutesAgo: 0.5 });
    await ask(`/snapgate signoff ${path}`, "olivia");
    const second = await startSnapgateServer({
      appId: h.app.appId,
      privateKey: h.app.privateKeyPem,
      webhookSecret: h.app.webhookSecret,
      baseUrl: h.gh.url,
      port: 0,
      host: "127.0.0.1",
      logLevel: "fatal",
      retries: 2,
      retryAfterBaseValue: 1,
      signingKey: h.keys.app,
    });
    // A load balancer that hands the delivery, unchanged, to both instances at once.
    const fanOut = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(request.headers))
          if (typeof value === "string" && !["host", "content-length", "connection"].includes(name))
            headers[name] = value;
        void Promise.all(
          [h.server.webhookUrl, second.webhookUrl].map((target) =>
            fetch(target, { method: "POST", headers, body: Buffer.concat(chunks) }),
          ),
        ).then(
          (answers) => response.writeHead(Math.max(...answers.map((a) => a.status))).end(),
          (error: unknown) => response.writeHead(502).end(String(error)),
        );
      });
    });
    await new Promise<void>((resolve) => fanOut.listen(0, "127.0.0.1", resolve));
    try {
      h.gh.webhooks.setUrl(
        h.app.appId,
        `http://127.0.0.1:${(fanOut.address() as AddressInfo).port}/`,
      );
      await deliver(await comment(`/snapgate signoff ${path}`, "sam"));
      await h.gh.webhooks.settle();
      await Promise.all([h.server.idle(), second.idle()]);
    } finally {
      h.gh.webhooks.setUrl(h.app.appId, h.server.webhookUrl);
      fanOut.closeAllConnections();
      await new Promise<void>((resolve) => fanOut.close(() => resolve()));
      await second.close();
    }
    const mine = (await signoffFiles()).filter((file) =>
      file.startsWith(drillSignoffPath(path, "ops").replace(/-ops\.json$/, "")),
    );
    expect(mine).toEqual([drillSignoffPath(path, "ops"), drillSignoffPath(path, "security")]);
    const recorded = (await events("drill.signed-off")).filter(
      (event) => event.actor?.login === "sam",
    );
    // sam signed the first drill in the test above, and this one once.
    expect(recorded).toHaveLength(2);
  });
});
