import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import type { Octokit } from "@octokit/rest";
import { startSandbox, type Sandbox } from "../../../sandbox/index.js";
import { octokitFor, statusOf } from "./sandbox-clients.js";
import { registerSnapgateApp } from "../../helpers/snapgate-app.js";

let gh: Sandbox;
let person: Octokit;
let snapgate: Octokit;
let appId: number;
const owner = "acme";
const repo = "backups";

beforeAll(async () => {
  gh = await startSandbox();
  gh.createUser({ login: "admin" });
  gh.createOrg({ login: owner, admins: ["admin"] });
  await gh.createRepo({ owner, name: repo, private: true, files: { "snapgate.json": "{}\n" } });
  const app = registerSnapgateApp(gh);
  appId = app.appId;
  snapgate = octokitFor(gh, gh.createInstallationToken(gh.installApp(appId, owner, [repo])));
  person = octokitFor(
    gh,
    gh.createToken({ actor: "admin", repositories: "all", permissions: { contents: "write" } }),
  );
  gh.addRuleset(owner, repo, {
    name: "protect backups",
    conditions: { ref_name: { include: ["~DEFAULT_BRANCH"] } },
    rules: [{ type: "non_fast_forward" }, { type: "deletion" }, { type: "update" }],
    bypass_actors: [{ actor_id: appId, actor_type: "Integration", bypass_mode: "always" }],
  });
  gh.addRuleset(owner, repo, {
    name: "release branches keep history",
    conditions: { ref_name: { include: ["refs/heads/release/*"] } },
    rules: [{ type: "non_fast_forward" }, { type: "deletion" }],
  });
});

afterEach(() => gh.assertClean());
afterAll(() => gh.close());

async function commitOn(client: Octokit, parent: string | null, path: string) {
  const tree = await client.git.createTree({
    owner,
    repo,
    tree: [{ path, mode: "100644", type: "blob", content: path }],
  });
  return (
    await client.git.createCommit({
      owner,
      repo,
      message: path,
      tree: tree.data.sha,
      parents: parent ? [parent] : [],
    })
  ).data.sha;
}

async function headOf(branch: string) {
  return (await snapgate.git.getRef({ owner, repo, ref: `heads/${branch}` })).data.object.sha;
}

describe("rulesets on ref updates", () => {
  it("lets the bypass app push and blocks a push by anyone else", async () => {
    const head = await headOf("main");
    const next = await commitOn(snapgate, head, "by-app.txt");
    await snapgate.git.updateRef({ owner, repo, ref: "heads/main", sha: next });
    const byPerson = await commitOn(person, next, "by-person.txt");
    expect(
      await statusOf(person.git.updateRef({ owner, repo, ref: "heads/main", sha: byPerson })),
    ).toEqual({
      status: 422,
      message: "Repository rule violations found\n\nCannot update this protected ref.\n\n",
    });
    const viaContents = await statusOf(
      person.repos.createOrUpdateFileContents({
        owner,
        repo,
        path: "x.txt",
        message: "x",
        content: "eA==",
      }),
    );
    expect(viaContents.status).toBe(422);
    expect(await headOf("main")).toBe(next);
  });

  it("blocks a force push and a deletion even for a role that may update", async () => {
    const head = await headOf("main");
    await person.git.createRef({ owner, repo, ref: "refs/heads/release/1.0", sha: head });
    const unrelated = await commitOn(person, null, "rewrite.txt");
    expect(
      await statusOf(
        person.git.updateRef({
          owner,
          repo,
          ref: "heads/release/1.0",
          sha: unrelated,
          force: true,
        }),
      ),
    ).toEqual({
      status: 422,
      message: "Repository rule violations found\n\nCannot force-push to this branch\n\n",
    });
    expect(await statusOf(person.git.deleteRef({ owner, repo, ref: "heads/release/1.0" }))).toEqual(
      {
        status: 422,
        message: "Repository rule violations found\n\nCannot delete this branch\n\n",
      },
    );
    const forward = await commitOn(person, head, "forward.txt");
    await person.git.updateRef({ owner, repo, ref: "heads/release/1.0", sha: forward });
    expect(await headOf("release/1.0")).toBe(forward);
  });

  it("does not block in evaluate mode, and leaves unmatched branches alone", async () => {
    gh.addRuleset(owner, repo, {
      name: "trial",
      enforcement: "evaluate",
      conditions: { ref_name: { include: ["refs/heads/trial/**"] } },
      rules: [{ type: "deletion" }],
    });
    const sha = await headOf("main");
    await person.git.createRef({ owner, repo, ref: "refs/heads/trial/a/b", sha });
    await person.git.deleteRef({ owner, repo, ref: "heads/trial/a/b" });
    await person.git.createRef({ owner, repo, ref: "refs/heads/scratch", sha });
    await person.git.deleteRef({ owner, repo, ref: "heads/scratch" });
  });

  it("applies to GraphQL createCommitOnBranch too", async () => {
    const head = await headOf("main");
    const mutation = `mutation($input: CreateCommitOnBranchInput!) { createCommitOnBranch(input: $input) { commit { oid } } }`;
    const input = {
      branch: { repositoryNameWithOwner: `${owner}/${repo}`, branchName: "main" },
      expectedHeadOid: head,
      message: { headline: "by person" },
      fileChanges: {
        additions: [{ path: "p.txt", contents: Buffer.from("p").toString("base64") }],
      },
    };
    await expect(person.graphql(mutation, { input })).rejects.toThrow(
      /Repository rule violations found/,
    );
    const result = await snapgate.graphql<{ createCommitOnBranch: { commit: { oid: string } } }>(
      mutation,
      { input },
    );
    expect(await headOf("main")).toBe(result.createCommitOnBranch.commit.oid);
  });
});

describe("pull_request and required_signatures rules", () => {
  const mutation = `mutation($input: CreateCommitOnBranchInput!) { createCommitOnBranch(input: $input) { commit { oid } } }`;
  const commitOnBranch = (client: Octokit, branch: string, head: string, path: string) =>
    client.graphql<{ createCommitOnBranch: { commit: { oid: string } } }>(mutation, {
      input: {
        branch: { repositoryNameWithOwner: `${owner}/${repo}`, branchName: branch },
        expectedHeadOid: head,
        message: { headline: path },
        fileChanges: { additions: [{ path, contents: Buffer.from(path).toString("base64") }] },
      },
    });

  it("refuses a direct update of a branch that needs pull requests, unless the app always bypasses", async () => {
    const head = await headOf("main");
    await person.git.createRef({ owner, repo, ref: "refs/heads/reviewed", sha: head });
    gh.addRuleset(owner, repo, {
      name: "reviewed only",
      conditions: { ref_name: { include: ["refs/heads/reviewed"] } },
      rules: [
        {
          type: "pull_request",
          parameters: {
            dismiss_stale_reviews_on_push: false,
            require_code_owner_review: false,
            require_last_push_approval: false,
            required_approving_review_count: 1,
            required_review_thread_resolution: false,
          },
        },
      ],
      bypass_actors: [{ actor_id: appId, actor_type: "Integration", bypass_mode: "always" }],
    });
    const next = await commitOn(person, head, "direct.txt");
    expect(
      await statusOf(person.git.updateRef({ owner, repo, ref: "heads/reviewed", sha: next })),
    ).toEqual({
      status: 422,
      message:
        "Repository rule violations found\n\nChanges must be made through a pull request.\n\n",
    });
    await expect(commitOnBranch(person, "reviewed", head, "p.txt")).rejects.toThrow(
      /Changes must be made through a pull request/,
    );
    await snapgate.git.updateRef({ owner, repo, ref: "heads/reviewed", sha: next });
    expect(await headOf("reviewed")).toBe(next);
  });

  it("refuses unsigned Git Data API commits where signatures are required, and takes GitHub-signed ones", async () => {
    const head = await headOf("main");
    await person.git.createRef({ owner, repo, ref: "refs/heads/signed", sha: head });
    gh.addRuleset(owner, repo, {
      name: "signed only",
      conditions: { ref_name: { include: ["refs/heads/signed"] } },
      rules: [{ type: "required_signatures" }],
    });
    const violation = {
      status: 422,
      message: "Repository rule violations found\n\nCommits must have verified signatures.\n\n",
    };
    const unsigned = await commitOn(snapgate, head, "unsigned.txt");
    expect(
      await statusOf(snapgate.git.updateRef({ owner, repo, ref: "heads/signed", sha: unsigned })),
    ).toEqual(violation);
    // A signature the client made itself cannot be verified: no key of the author is known.
    const tree = (await snapgate.git.getCommit({ owner, repo, commit_sha: unsigned })).data.tree
      .sha;
    const selfSigned = await snapgate.git.createCommit({
      owner,
      repo,
      message: "self-signed",
      tree,
      parents: [head],
      signature: "-----BEGIN PGP SIGNATURE-----\n\nnot verifiable\n-----END PGP SIGNATURE-----",
    });
    expect(
      await statusOf(
        snapgate.git.updateRef({ owner, repo, ref: "heads/signed", sha: selfSigned.data.sha }),
      ),
    ).toEqual(violation);
    // createCommitOnBranch commits are signed by GitHub, so they land.
    const signed = await commitOnBranch(snapgate, "signed", head, "signed.txt");
    const oid = signed.createCommitOnBranch.commit.oid;
    expect(await headOf("signed")).toBe(oid);
    // A branch created at commits already in the repository adds no unsigned commit.
    await person.git.createRef({ owner, repo, ref: "refs/heads/signed-copy", sha: oid });
    expect(await headOf("signed-copy")).toBe(oid);
  });

  it("refuses by name a rule type it does not enforce", () => {
    expect(() =>
      gh.addRuleset(owner, repo, {
        name: "checks",
        rules: [{ type: "required_status_checks" } as unknown as { type: "update" }],
      }),
    ).toThrow(/does not enforce the rule type\(s\) 'required_status_checks' of ruleset checks/);
  });
});

describe("rulesets over REST", () => {
  it("lists rulesets, reads one with its rules and bypass actors, and the rules of a branch", async () => {
    const list = await snapgate.repos.getRepoRulesets({ owner, repo });
    expect(list.data.map((ruleset) => ruleset.name)).toEqual(
      expect.arrayContaining(["protect backups", "release branches keep history"]),
    );
    const id = list.data.find((ruleset) => ruleset.name === "protect backups")!.id;
    const full = await snapgate.repos.getRepoRuleset({ owner, repo, ruleset_id: id });
    expect(full.data).toMatchObject({
      enforcement: "active",
      current_user_can_bypass: "always",
      conditions: { ref_name: { include: ["~DEFAULT_BRANCH"], exclude: [] } },
    });
    // Only those who may edit the ruleset see who bypasses it, as on GitHub.
    expect(full.data.bypass_actors).toBeUndefined();
    const editor = octokitFor(
      gh,
      gh.createToken({
        actor: "admin",
        repositories: "all",
        permissions: { administration: "write" },
      }),
    );
    expect(
      (await editor.repos.getRepoRuleset({ owner, repo, ruleset_id: id })).data.bypass_actors,
    ).toEqual([{ actor_id: appId, actor_type: "Integration", bypass_mode: "always" }]);
    const reader = octokitFor(
      gh,
      gh.createToken({
        actor: "admin",
        repositories: "all",
        permissions: { administration: "read" },
      }),
    );
    expect(
      (await reader.repos.getRepoRuleset({ owner, repo, ruleset_id: id })).data.bypass_actors,
    ).toBeUndefined();
    expect(
      (await person.repos.getRepoRuleset({ owner, repo, ruleset_id: id })).data
        .current_user_can_bypass,
    ).toBe("never");
    const rules = await person.repos.getBranchRules({ owner, repo, branch: "main" });
    expect(rules.data.map((rule) => rule.type).sort()).toEqual([
      "deletion",
      "non_fast_forward",
      "update",
    ]);
    expect(rules.data[0]).toMatchObject({
      ruleset_source_type: "Repository",
      ruleset_source: `${owner}/${repo}`,
      ruleset_id: id,
    });
  });
});
