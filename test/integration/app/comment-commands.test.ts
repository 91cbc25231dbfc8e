import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import {
  createScenario,
  OWNER,
  startAppHarness,
  type AppHarness,
  type Scenario,
} from "../../helpers/app-harness.js";
import { tempDir } from "../../helpers/temp-dir.js";

/**
 * `/snapgate` comment commands, delivered as issue_comment webhooks to the
 * real app: 👀 on the command and one reply; help and list answer, commands
 * not built yet say so; bots and ordinary comments cost nothing.
 */
let h: AppHarness;
let scenario: Scenario;
const work = tempDir("snapgate-app-comments-");

beforeAll(async () => {
  h = await startAppHarness();
  h.gh.createUser({ login: "outsider" });
  h.gh.createUser({ login: "helper-bot", type: "Bot" });
  scenario = await createScenario(h, work, "cmd");
  h.gh.addCollaborator(OWNER, scenario.repo, "outsider", "read");
  await scenario.snapshot({ "deploy/app.yaml": "replicas: 1\n" });
  await scenario.snapshot({ "deploy/app.yaml": "replicas: 2\n" });
});
afterEach(() => h.gh.assertClean());
afterAll(() => h.close());

/** Comments `body` on the scenario's pull request as `user`, delivers the webhook; returns the comment id. */
async function command(body: string, user = "dev"): Promise<number> {
  const commentId = h.gh.addIssueComment({
    owner: OWNER,
    repo: scenario.repo,
    number: scenario.pull.number,
    user,
    body,
  });
  const delivery = await h.gh.webhooks.deliver(
    h.app.appId,
    "issue_comment",
    await h.gh.webhooks.payloads.issueComment({ commentId, action: "created" }),
  );
  expect(delivery.status).toBe(200);
  return commentId;
}

/** The app's replies to a command comment, and the 👀 count on it. */
async function answersTo(commentId: number): Promise<{ replies: string[]; eyes: number }> {
  const comments = (
    await h.reader.issues.listComments({
      owner: OWNER,
      repo: scenario.repo,
      issue_number: scenario.pull.number,
      per_page: 100,
    })
  ).data;
  const replies = comments
    .filter((comment) => comment.body?.includes(`<!-- snapgate:reply-to ${commentId} -->`))
    .map((comment) => {
      expect(comment.user?.login).toBe("snapgate[bot]");
      return comment.body ?? "";
    });
  const own = comments.find((comment) => comment.id === commentId);
  return { replies, eyes: (own?.reactions as { eyes?: number } | undefined)?.eyes ?? 0 };
}

describe("comment commands", () => {
  it("help: the grammar, with 👀 on the command; a redelivery replies nothing more", async () => {
    const id = await command("/snapgate help");
    const { replies, eyes } = await answersTo(id);
    expect(eyes).toBe(1);
    expect(replies).toHaveLength(1);
    expect(replies[0]).toContain("/snapgate restore <snapshot> [--env <env>]");
    expect(replies[0]).toContain("/snapgate forget <snapshot> [--env <env>] --reason");
    const [first] = h.gh.webhooks.deliveries.slice(-1);
    h.gh.resetLog();
    await h.gh.webhooks.redeliver(first!.id);
    expect(h.gh.callCounts()).toEqual({ "issues/list-comments": 1 });
    expect((await answersTo(id)).replies).toHaveLength(1);

    const one = await command("/snapgate help lock");
    expect((await answersTo(one)).replies[0]).toContain(
      "`--env` (required): The environment to lock.",
    );
  });

  it("a refused command gets why, a did-you-mean and the usage", async () => {
    const id = await command("/snapgate restor cmd@1");
    const [reply] = (await answersTo(id)).replies;
    expect(reply).toContain("**Not run:** `restor` is not a Snapgate command.");
    expect(reply).toContain("Did you mean `/snapgate restore`?");
    const look = await command("\uff0fsnapgate help");
    expect((await answersTo(look)).replies[0]).toContain("U+FF0F");
  });

  it("list: the newest snapshots of the policy's environments, to people with write access", async () => {
    const id = await command("/snapgate list --env cmd");
    const [reply] = (await answersTo(id)).replies;
    const rows = reply!.split("\n").filter((line) => line.startsWith("| cmd@"));
    expect(rows.map((row) => row.split(" | ")[0])).toEqual(["| cmd@2", "| cmd@1"]);
    const all = await command("/snapgate list");
    expect((await answersTo(all)).replies[0]).toContain("**cmd** (newest first):");

    const typo = await command("/snapgate list --env cdm");
    expect((await answersTo(typo)).replies[0]).toContain(
      "**`list` failed:** The policy has no environment cdm.\n\nDid you mean cmd?",
    );
    const outsider = await command("/snapgate list", "outsider");
    expect((await answersTo(outsider)).replies[0]).toBe(
      "**Not run:** `list` needs write access to this repository, which @outsider does not have.\n\n" +
        `<!-- snapgate:reply-to ${outsider} -->`,
    );
  });

  it("ordinary comments, commands on a later line and bots cost no request", async () => {
    h.gh.resetLog();
    const quiet = [
      await command("LGTM"),
      await command("please run\n/snapgate help"),
      await command("/snapgate help", "helper-bot"),
    ];
    expect(h.gh.callCounts()).toEqual({});
    for (const id of quiet) expect(await answersTo(id)).toEqual({ replies: [], eyes: 0 });
  });
});
