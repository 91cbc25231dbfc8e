import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { startSandbox, type Sandbox } from "../../../sandbox/index.js";

let gh: Sandbox;
const saved = { ...process.env };

beforeAll(async () => {
  gh = await startSandbox({ webhookSideEffects: false });
  gh.createUser({ login: "acme" });
  await gh.createRepo({ owner: "acme", name: "service", private: true, files: { "a.txt": "a\n" } });
  // @actions/github reads the API address from the environment when it is imported, as on a runner.
  process.env.GITHUB_API_URL = gh.url;
  process.env.GITHUB_GRAPHQL_URL = gh.graphqlUrl;
  process.env.GITHUB_REPOSITORY = "acme/service";
});

afterAll(async () => {
  // Jest reuses worker processes: leave the environment as it was.
  for (const name of ["GITHUB_API_URL", "GITHUB_GRAPHQL_URL", "GITHUB_REPOSITORY"]) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
  gh.assertClean();
  await gh.close();
});

describe("@actions/github against the sandbox", () => {
  it("reads through REST and GraphQL with a workflow token", async () => {
    const { getOctokit, context } = await import("@actions/github");
    const octokit = getOctokit(
      gh.createWorkflowToken({ repository: "acme/service", permissions: { contents: "read" } }),
    );
    const content = await octokit.rest.repos.getContent({ ...context.repo, path: "a.txt" });
    expect(Buffer.from((content.data as { content: string }).content, "base64").toString()).toBe(
      "a\n",
    );
    const query = await octokit.graphql<{ repository: { object: { text: string } } }>(
      `{ repository(owner: "acme", name: "service") { object(expression: "HEAD:a.txt") { ... on Blob { text } } } }`,
    );
    expect(query.repository.object.text).toBe("a\n");
    expect(gh.callCounts()).toEqual({ "repos/get-content": 1, graphql: 1 });
  });
});
