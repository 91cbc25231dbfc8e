import { beforeAll, describe, expect, it } from "@jest/globals";
import { makePolicyWorkspace, type PolicyWorkspace } from "../../helpers/policy-workspace.js";
import { tempDir } from "../../helpers/temp-dir.js";

/** Each snapshot: env, time, phase, which directories, and metadata flags. */
const SNAPSHOTS: [string, string, string, string[], string[]][] = [
  [
    "prod",
    "2026-05-01T10:00:00Z",
    "pre",
    ["deploy/db", "deploy/api"],
    [
      "--commit",
      "aaaa1111",
      "--change-id",
      "CHG0000001",
      "--run-url",
      "https://github.com/acme/app/actions/runs/101",
    ],
  ],
  [
    "prod",
    "2026-05-01T10:05:00Z",
    "post",
    ["deploy/db", "deploy/api"],
    [
      "--commit",
      "aaaa1111",
      "--change-id",
      "CHG0000001",
      "--run-url",
      "https://github.com/acme/app/actions/runs/101/attempts/2",
      "--tag",
      "release",
    ],
  ],
  [
    "staging",
    "2026-05-02T09:00:00Z",
    "post",
    ["deploy/api"],
    ["--commit", "bbbb2222", "--run-url", "https://github.com/acme/app/actions/runs/202"],
  ],
  ["prod", "2026-05-03T12:00:00Z", "scheduled", ["deploy/api"], ["--tag", "nightly"]],
  [
    "staging",
    "2026-05-04T08:00:00Z",
    "manual",
    ["deploy/db"],
    ["--tag", "release", "--tag", "hotfix", "--commit", "aaaa9999"],
  ],
];

describe("snapgate list: catalog search", () => {
  const dir = tempDir();
  let ws: PolicyWorkspace;
  const list = async (...args: string[]) => {
    const run = await ws.cli("list", "--store", ws.store, "--json", ...args);
    expect(run.code).toBe(0);
    return (run.json() as { snapshots: { stream: string; seq: number }[] }).snapshots.map(
      (s) => `${s.stream}@${s.seq}`,
    );
  };

  beforeAll(async () => {
    ws = await makePolicyWorkspace(dir);
    ws.writePolicy(`${ws.keysYaml}tiers: { tier1: { max_age: 24h } }
environments: { prod: { tier: tier1 }, staging: { tier: tier1 } }
components:
  - { name: payments-db, paths: ["deploy/db/**"] }
  - { name: api, paths: ["deploy/api/**"] }
`);
    ws.write("deploy/db/VERSION", "1\n");
    ws.write("deploy/api/config.yaml", "a: 1\n");
    for (const [env, time, phase, paths, flags] of SNAPSHOTS) {
      const run = await ws.snapshot(
        "--env",
        env,
        "--phase",
        phase,
        "--time",
        time,
        ...flags,
        ...paths,
      );
      expect(run.code).toBe(0);
    }
  });

  it.each([
    ["everything, oldest first", [], ["prod@1", "prod@2", "staging@1", "prod@3", "staging@2"]],
    ["--env", ["--env", "staging"], ["staging@1", "staging@2"]],
    [
      "--component (recorded per file by the policy)",
      ["--component", "payments-db"],
      ["prod@1", "prod@2", "staging@2"],
    ],
    [
      "--component with --env",
      ["--component", "api", "--env", "prod"],
      ["prod@1", "prod@2", "prod@3"],
    ],
    [
      "--since and --until",
      ["--since", "2026-05-01T10:01:00Z", "--until", "2026-05-03"],
      ["prod@2", "staging@1"],
    ],
    ["--commit prefix", ["--commit", "aaaa"], ["prod@1", "prod@2", "staging@2"]],
    ["--change-id", ["--change-id", "CHG0000001"], ["prod@1", "prod@2"]],
    ["--run by id (any attempt)", ["--run", "101"], ["prod@1", "prod@2"]],
    ["--run by URL", ["--run", "https://github.com/acme/app/actions/runs/202"], ["staging@1"]],
    ["--run of no snapshot", ["--run", "10"], []],
    ["--tag (all of them)", ["--tag", "release", "--tag", "hotfix"], ["staging@2"]],
    ["--phase", ["--phase", "post"], ["prod@2", "staging@1"]],
    ["--limit (the newest)", ["--limit", "2"], ["prod@3", "staging@2"]],
  ] as const)("%s", async (_name, args, expected) => {
    expect(await list(...args)).toEqual(expected);
  });

  it("refuses a bad phase, limit or date with the fix", async () => {
    for (const [args, message] of [
      [["--phase", "during"], "--phase 'during' is not a phase."],
      [["--limit", "0"], "--limit '0' is not a positive whole number."],
      [["--since", "yesterday"], "--since 'yesterday' is not a date."],
    ] as const) {
      const run = await ws.cli("list", "--store", ws.store, ...args);
      expect(run.code).toBe(64);
      expect(run.stderr).toContain(message);
    }
  });
});
