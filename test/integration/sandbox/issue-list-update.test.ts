import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import type { Octokit } from "@octokit/rest";
import { startSandbox, type Sandbox } from "../../../sandbox/index.js";
import { octokitFor, statusOf } from "./sandbox-clients.js";

const owner = "acme";
const repo = "service";
let gh: Sandbox;
let app: Octokit;

beforeAll(async () => {
  gh = await startSandbox({ webhookSideEffects: false });
  gh.createUser({ login: "alice" });
  gh.createUser({ login: "bob" });
  gh.createOrg({ login: owner, admins: ["alice"], members: ["bob"], basePermission: "read" });
  await gh.createRepo({ owner, name: repo, files: { "README.md": "x\n" } });
  const fixture = gh.createApp({
    // A third-party app with issues access; not the Snapgate App (tests register that from app.yml only).
    slug: "third-party-issues-fixture",
    permissions: { issues: "write", contents: "read" },
    events: [],
  });
  app = octokitFor(gh, gh.createInstallationToken(gh.installApp(fixture.appId, owner, "all")));
});

afterEach(() => gh.assertClean());
afterAll(() => gh.close());

describe("issues: listing by label and state, updating, closing", () => {
  it("creates labelled issues (the label made on first use), lists them by label and state, newest first", async () => {
    const first = await app.issues.create({
      owner,
      repo,
      title: "one",
      labels: ["snapgate-alert"],
    });
    expect(first.data.labels).toEqual([
      expect.objectContaining({ name: "snapgate-alert", color: "ededed", default: false }),
    ]);
    const second = await app.issues.create({
      owner,
      repo,
      title: "two",
      labels: ["snapgate-alert"],
    });
    // The same label both times.
    expect((second.data.labels[0] as { id: number }).id).toBe(
      (first.data.labels[0] as { id: number }).id,
    );
    await app.issues.create({ owner, repo, title: "unlabelled" });
    const labelled = await app.issues.listForRepo({ owner, repo, labels: "snapgate-alert" });
    expect(labelled.data.map((issue) => issue.title)).toEqual(["two", "one"]);
    const asc = await app.issues.listForRepo({ owner, repo, direction: "asc", per_page: 2 });
    expect(asc.data.map((issue) => issue.title)).toEqual(["one", "two"]);
    expect(asc.headers.link).toContain('rel="next"');
  });

  it("updates the body, closes with closed_at and state_reason, and lists closed issues only with state=closed or all", async () => {
    const issue = (await app.issues.listForRepo({ owner, repo, labels: "snapgate-alert" })).data[0];
    const number = issue?.number ?? 0;
    const edited = await app.issues.update({ owner, repo, issue_number: number, body: "new body" });
    expect(edited.data).toMatchObject({ body: "new body", state: "open", closed_at: null });
    const closed = await app.issues.update({ owner, repo, issue_number: number, state: "closed" });
    expect(closed.data).toMatchObject({ state: "closed", state_reason: "completed" });
    expect(closed.data.closed_at).not.toBeNull();
    const open = await app.issues.listForRepo({ owner, repo, labels: "snapgate-alert" });
    expect(open.data.map((i) => i.number)).not.toContain(number);
    const all = await app.issues.listForRepo({
      owner,
      repo,
      labels: "snapgate-alert",
      state: "all",
    });
    expect(all.data.map((i) => i.number)).toContain(number);
    const closedOnly = await app.issues.listForRepo({ owner, repo, state: "closed" });
    expect(closedOnly.data.map((i) => i.number)).toEqual([number]);
    const reopened = await app.issues.update({ owner, repo, issue_number: number, state: "open" });
    expect(reopened.data).toMatchObject({
      state: "open",
      state_reason: "reopened",
      closed_at: null,
    });
  });

  it("answers 404 for an unknown issue, and refuses what it does not model", async () => {
    expect(
      await statusOf(app.issues.update({ owner, repo, issue_number: 999, body: "x" })),
    ).toMatchObject({
      status: 404,
    });
    expect(
      await statusOf(app.issues.update({ owner, repo, issue_number: 1, milestone: 3 })),
    ).toMatchObject({ status: 422 });
    expect(gh.takeViolations()).toEqual([
      expect.objectContaining({
        kind: "unsupported",
        problems: ["setting milestone is not supported by the Snapgate sandbox"],
      }),
    ]);
  });
});
