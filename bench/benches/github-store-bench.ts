import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Octokit } from "@octokit/rest";
import type { Bench, Row } from "../bench.js";
import { startSandbox } from "../../sandbox/index.js";
import { createGitHubClient } from "../../core/github/github-client.js";
import { GitHubStore } from "../../core/store/github-store.js";
import { createSnapshot } from "../../core/snapshot/create-snapshot.js";
import { loadSodium } from "../../core/crypto/sodium.js";
import { generateAgeKeyPair } from "../../core/crypto/age-keys.js";
import { generateWriterKeyText, parseWriterKey } from "../../core/crypto/writer-key.js";
import { measure } from "../harness/measure.js";

const SIZES = [10, 200, 2000];

function makeTree(root: string, files: number, variant: string): void {
  for (let i = 0; i < files; i++) {
    const dir = join(root, `deploy/svc-${i % 50}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, `config-${i}.yaml`),
      `service: svc-${i % 50}\nreplicas: ${(i % 5) + 1}\nvariant: ${variant}-${i}\n`,
    );
  }
}

/**
 * API calls and wall time of one snapshot into a GitHub backup repository on
 * the sandbox, for 10, 200 and 2,000 files, next to a naive writer that PUTs
 * each file through the Contents API (written here only for the comparison).
 * Wall time includes the sandbox's own git work on the same machine.
 */
export const githubStoreBench: Bench = {
  name: "github-store",
  description:
    "One snapshot into a GitHub backup repository (sandbox on 127.0.0.1): Snapgate's Git Data commit vs one Contents PUT per file.",
  columns: [
    { key: "files", header: "files", unit: "count" },
    { key: "writer", header: "writer", unit: "text" },
    { key: "calls", header: "API calls", unit: "count" },
    { key: "detail", header: "calls by operation", unit: "text" },
    { key: "wallMs", header: "time", unit: "ms", digits: 0 },
  ],
  async run({ workDir }) {
    const gh = await startSandbox({ dir: join(workDir, "sandbox"), webhookSideEffects: false });
    const rows: Row[] = [];
    try {
      gh.createUser({ login: "octo" });
      const token = gh.createToken({
        actor: "octo",
        repositories: "all",
        permissions: { contents: "write" },
      });
      const sodium = await loadSodium();
      const recipients = [
        generateAgeKeyPair(sodium).recipient,
        generateAgeKeyPair(sodium).recipient,
      ];
      const writerKey = parseWriterKey(generateWriterKeyText(), "bench");
      for (const files of SIZES) {
        const tree = join(workDir, `tree-${files}`);
        makeTree(tree, files, "a");
        const repo = `snapgate-${files}`;
        await gh.createRepo({ owner: "octo", name: repo, private: true });
        const store = new GitHubStore(
          createGitHubClient({ token, baseUrl: gh.url, writeSpacingMs: 0 }),
          { owner: "octo", repo, branch: "main" },
        );
        await store.initialize();
        gh.resetLog();
        const first = await measure("snapshot", () =>
          createSnapshot({
            store,
            root: tree,
            paths: ["."],
            stream: "prod",
            phase: "pre",
            recipients,
            writerKey,
          }),
        );
        rows.push(callRow(files, "snapgate, first snapshot", gh.callCounts(), first.wallMs));
        writeFileSync(join(tree, "deploy/svc-0/config-0.yaml"), "service: svc-0\nreplicas: 9\n");
        gh.resetLog();
        const next = await measure("snapshot", () =>
          createSnapshot({
            store,
            root: tree,
            paths: ["."],
            stream: "prod",
            phase: "post",
            recipients,
            writerKey,
            skipUnchanged: true,
          }),
        );
        rows.push(callRow(files, "snapgate, 1 file changed", gh.callCounts(), next.wallMs));
        gh.resetLog();
        const same = await measure("snapshot", () =>
          createSnapshot({
            store,
            root: tree,
            paths: ["."],
            stream: "prod",
            phase: "scheduled",
            recipients,
            writerKey,
            skipUnchanged: true,
          }),
        );
        rows.push(
          callRow(files, "snapgate, unchanged (--skip-unchanged)", gh.callCounts(), same.wallMs),
        );

        const naiveRepo = `naive-${files}`;
        await gh.createRepo({ owner: "octo", name: naiveRepo, private: true });
        const octokit = new Octokit({
          auth: token,
          baseUrl: gh.url,
          log: { debug() {}, info() {}, warn() {}, error() {} },
        });
        gh.resetLog();
        const naive = await measure("naive", async () => {
          for (let i = 0; i < files; i++) {
            await octokit.repos.createOrUpdateFileContents({
              owner: "octo",
              repo: naiveRepo,
              path: `deploy/svc-${i % 50}/config-${i}.yaml`,
              message: `back up config-${i}`,
              content: Buffer.from(`service: svc-${i % 50}\n`).toString("base64"),
            });
          }
        });
        rows.push(
          callRow(files, "naive: one Contents PUT per file", gh.callCounts(), naive.wallMs),
        );
      }
    } finally {
      await gh.close();
    }
    return rows;
  },
};

function callRow(
  files: number,
  writer: string,
  counts: Record<string, number>,
  wallMs: number,
): Row {
  const calls = Object.values(counts).reduce((sum, n) => sum + n, 0);
  const detail = Object.entries(counts)
    .map(([operation, n]) => `${operation} ${n}`)
    .join(", ");
  return { files, writer, calls, detail, wallMs };
}
