import { chmodSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { makeKeys } from "../../helpers/keys.js";
import { makePolicyWorkspace, type PolicyWorkspace } from "../../helpers/policy-workspace.js";
import { tempDir } from "../../helpers/temp-dir.js";

interface DriftJson {
  drift: boolean;
  snapshot: { stream: string; seq: number };
  added: number;
  removed: number;
  changed: number;
  unchanged: number;
  components: {
    component: string | null;
    added: string[];
    removed: string[];
    changed: { path: string; kinds: string[] }[];
  }[];
  excluded: string[];
}

describe("snapgate drift", () => {
  const dir = tempDir();
  let ws: PolicyWorkspace;
  const drift = (...args: string[]) =>
    ws.cli("drift", "--store", ws.store, "--writer-key", "../writer.key", "--env", "prod", ...args);

  beforeAll(async () => {
    ws = await makePolicyWorkspace(dir);
    ws.writePolicy(`${ws.keysYaml}tiers: { tier0: { max_age: 24h } }
environments: { prod: { tier: tier0 } }
components:
  - { name: payments-db, paths: ["deploy/db/**"] }
  - { name: api, paths: ["deploy/api/**"] }
`);
    ws.write("deploy/db/schema.sql", "create table a (id int);\n");
    ws.write("deploy/db/VERSION", "7\n");
    ws.write("deploy/api/config.yaml", "replicas: 3\n");
    ws.write("deploy/api/run.sh", "#!/bin/sh\n");
    ws.write("deploy/notes.txt", "notes\n");
    const taken = await ws.snapshot("--env", "prod", "--phase", "post", "deploy");
    expect(taken.code).toBe(0);
  });

  it("reports no drift and exits 0 when the files match the latest snapshot", async () => {
    const run = await drift("deploy");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^No drift: 5 file\(s\) match prod@1 \(/);
  });

  it("reports added, removed and changed files per component and exits 2", async () => {
    ws.write("deploy/db/schema.sql", "create table a (id bigint);\n");
    ws.write("deploy/db/seed.sql", "insert into a values (1);\n");
    rmSync(join(ws.repo, "deploy/api/config.yaml"));
    chmodSync(join(ws.repo, "deploy/api/run.sh"), 0o755);
    ws.write("deploy/debug.log", "excluded by the default list\n");
    const run = await drift("--json", "deploy");
    expect(run.code).toBe(2);
    expect(run.json()).toEqual({
      drift: true,
      snapshot: expect.objectContaining({ stream: "prod", seq: 1 }),
      added: 1,
      removed: 1,
      changed: 2,
      unchanged: 2,
      components: [
        {
          component: "api",
          added: [],
          removed: ["deploy/api/config.yaml"],
          changed: [{ path: "deploy/api/run.sh", kinds: ["mode"] }],
        },
        {
          component: "payments-db",
          added: ["deploy/db/seed.sql"],
          removed: [],
          changed: [{ path: "deploy/db/schema.sql", kinds: ["content"] }],
        },
      ],
      excluded: ["deploy/debug.log"],
    });

    const text = await drift("deploy");
    expect(text.code).toBe(2);
    expect(text.stdout).toContain(
      "  payments-db:\n    + deploy/db/seed.sql\n    M deploy/db/schema.sql (content)\n",
    );
    expect(text.stdout).toContain("1 added, 1 removed, 2 changed, 2 unchanged.");
  });

  it("never reads a blob: it works with every blob gone from the store", async () => {
    renameSync(join(ws.store, "blobs"), join(ws.store, "blobs-away"));
    try {
      const run = await drift("--json", "deploy");
      expect(run.code).toBe(2);
      expect((run.json() as DriftJson).changed).toBe(2);
    } finally {
      renameSync(join(ws.store, "blobs-away"), join(ws.store, "blobs"));
    }
  });

  it("compares against a newer snapshot once one is taken", async () => {
    await ws.snapshot("--env", "prod", "--phase", "post", "deploy");
    const run = await drift("--json", "deploy");
    expect(run.code).toBe(0);
    expect(run.json()).toMatchObject({ drift: false, snapshot: { seq: 2 }, components: [] });
  });

  it("refuses a writer key other than the snapshot's: ids would not compare", async () => {
    const other = await makeKeys();
    ws.write("../other.key", `${other.writerText}\n`);
    const run = await ws.cli(
      "drift",
      "--store",
      ws.store,
      "--writer-key",
      "../other.key",
      "--env",
      "prod",
      "deploy",
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("keyed ids differ, so every file would look changed");
  });

  it("needs --env and paths, and names an environment without snapshots", async () => {
    expect((await ws.cli("drift", "--store", ws.store, "deploy")).code).toBe(64);
    expect((await drift()).stderr).toContain("No paths to compare were given.");
    const none = await ws.cli(
      "drift",
      "--store",
      ws.store,
      "--writer-key",
      "../writer.key",
      "--env",
      "staging",
      "deploy",
    );
    expect(none.code).toBe(1);
    expect(none.stderr).toContain("There is no snapshot latest of environment 'staging'");
  });
});
