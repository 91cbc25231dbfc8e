import { execFile } from "node:child_process";
import { readStoredManifest } from "../../helpers/read-stored-manifest.js";
import { LocalDirStore } from "../../../core/store/local-dir-store.js";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import type { Manifest } from "../../../core/types.js";
import { makeActionWorkspace, type ActionWorkspace } from "../../helpers/action-workspace.js";
import { tempDir } from "../../helpers/temp-dir.js";

const git = promisify(execFile);

describe("the snapshot action (bundled, run as the runner does) against the sandbox", () => {
  const dir = tempDir("snapgate-action-snapshot-");
  let ws: ActionWorkspace;
  const snapshot = (inputs: Record<string, string>, runId = 1001) =>
    ws.run(
      "snapshot",
      {
        token: ws.token,
        environment: "prod",
        "writer-key": ws.keys.writerText,
        ...inputs,
      },
      { runId },
    );
  const manifestOf = (clone: string, seq: number) =>
    readFileSync(join(clone, `manifests/prod/${String(seq).padStart(10, "0")}.json`));
  const commits = async (clone: string) =>
    Number((await git("git", ["rev-list", "--count", "HEAD"], { cwd: clone })).stdout.trim());

  beforeAll(async () => {
    ws = await makeActionWorkspace(dir);
  });
  afterEach(() => ws.backup.gh.assertClean());
  afterAll(() => ws.close());

  it("a pre-deploy snapshot under the policy: outputs, context metadata, summary, annotations, one commit", async () => {
    const run = await snapshot({ phase: "pre", "change-id": "CHG0000123", tags: "release\nv1" });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const id = run.outputs["snapshot-id"] ?? "";
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    expect(run.outputs).toMatchObject({
      "manifest-sha256": id,
      skipped: "false",
      seq: "1",
      environment: "prod",
      files: "5",
    });
    expect(Number(run.outputs["bytes-added"])).toBeGreaterThan(0);

    const clone = await ws.clone();
    const bytes = manifestOf(clone, 1);
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(id);
    const manifest = await readStoredManifest(new LocalDirStore(clone), "prod", 1);
    expect(manifest.phase).toBe("pre");
    expect(manifest.metadata).toEqual({
      environment: "prod",
      commit: "0123456789abcdef0123456789abcdef01234567",
      ref: "refs/heads/release/1.2",
      deployer: "octocat",
      runUrl: "https://github.com/acme/service/actions/runs/1001",
      workflow: "deploy",
      repository: "acme/service",
      changeId: "CHG0000123",
      tags: ["release", "v1"],
    });
    expect(manifest.files.map((file) => [file.path, file.component, file.tier])).toEqual([
      ["deploy/prod/api/.env", "api", "tier0"],
      ["deploy/prod/api/config.yaml", "api", "tier0"],
      ["deploy/prod/db/VERSION", "payments-db", "tier0"],
      ["deploy/prod/db/schema.sql", "payments-db", "tier0"],
      ["flags/export.json", "feature-flags", "tier0"],
    ]);
    expect(readdirSync(join(clone, "blobs")).length).toBeGreaterThan(0);
    expect(await commits(clone)).toBe(2); // the store's first commit, then the snapshot's

    expect(run.summary).toContain("### Snapgate snapshot prod@1 (pre)");
    expect(run.summary).toContain("| payments-db | tier0 | 2 |");
    expect(run.summary).toContain("| api | tier0 | 2 |");
    expect(run.summary).toContain("| feature-flags | tier0 | 1 |");
    expect(run.summary).toContain("| api-db-schema | pass |");
    expect(run.summary).toContain("#### Excluded (1)");
    expect(run.summary).toContain("| deploy/prod/debug.log |");
    expect(run.annotations).toEqual([]);
  });

  it("post snapshots: a change is written; skip-unchanged writes nothing and names the match; pre is always written", async () => {
    ws.write("deploy/prod/api/config.yaml", "db:\n  schemaVersion: 42\nreplicas: 4\n");
    const post = await snapshot({ phase: "post" });
    expect(post.code).toBe(0);
    expect(post.outputs).toMatchObject({ skipped: "false", seq: "2", files: "5" });
    const before = await commits(await ws.clone());

    const again = await snapshot({ phase: "post" });
    expect(again.code).toBe(0);
    expect(again.outputs).toMatchObject({
      skipped: "true",
      seq: "2",
      "snapshot-id": post.outputs["snapshot-id"],
      "bytes-added": "0",
    });
    expect(again.summary).toContain("Nothing changed since prod@2");
    expect(await commits(await ws.clone())).toBe(before);

    const scheduled = await snapshot({ phase: "scheduled", "skip-unchanged": "false" });
    expect(scheduled.outputs).toMatchObject({ skipped: "false", seq: "3", "bytes-added": "0" });

    // The next deploy's pre snapshot matches the head, but is the rollback point of its run.
    const pre = await snapshot({ phase: "pre" }, 1002);
    expect(pre.outputs).toMatchObject({ skipped: "false", seq: "4" });
    expect(pre.stdout).toContain("phase pre: the snapshot is written even if nothing changed");
    const clone = await ws.clone();
    expect(await commits(clone)).toBe(before + 2);
    const manifest = JSON.parse(manifestOf(clone, 4).toString()) as Manifest;
    expect(manifest.metadata.runUrl).toBe("https://github.com/acme/service/actions/runs/1002");
  });

  it("masks the writer key and the token: they are registered with ::add-mask:: and never printed", async () => {
    const bad = await snapshot({ phase: "manual", "writer-key": `${ws.keys.writerText}x` });
    expect(bad.code).toBe(1);
    const good = await snapshot({ phase: "manual" });
    expect(good.code).toBe(0);
    for (const run of [bad, good]) {
      expect(run.masked).toEqual(expect.arrayContaining([ws.token]));
      for (const secret of [ws.keys.writerText, ws.token]) {
        expect(run.log).not.toContain(secret);
        expect(run.stderr).not.toContain(secret);
        expect(run.summary).not.toContain(secret);
        expect(JSON.stringify(run.outputs)).not.toContain(secret);
      }
    }
    expect(good.masked).toContain(ws.keys.writerText);
    expect(bad.masked).toContain(`${ws.keys.writerText}x`);
    expect(bad.log).toContain("::error::The writer-key input does not hold a Snapgate writer key.");
  });

  it("failing consistency refuses the snapshot with annotations on both files; allow-inconsistent records it", async () => {
    ws.write("deploy/prod/db/VERSION", "43\n");
    const clone = await ws.clone();
    const before = await commits(clone);
    const refused = await snapshot({ phase: "pre" });
    expect(refused.code).toBe(1);
    const consistency = refused.annotations.filter((a) => a.level === "error" && a.properties.file);
    expect(consistency.map((a) => [a.properties.file, a.properties.title])).toEqual([
      ["deploy/prod/api/config.yaml", "Consistency rule api-db-schema fails"],
      ["deploy/prod/db/VERSION", "Consistency rule api-db-schema fails"],
    ]);
    expect(consistency[0]?.message).toContain("No snapshot was written.");
    expect(refused.log).toMatch(/::error::1 consistency rule\(s\) fail/);
    expect(await commits(await ws.clone())).toBe(before);

    const recorded = await snapshot({ phase: "pre", "allow-inconsistent": "true" });
    expect(recorded.code).toBe(0);
    expect(recorded.annotations.map((a) => [a.level, a.properties.file])).toEqual([
      ["warning", "deploy/prod/api/config.yaml"],
      ["warning", "deploy/prod/db/VERSION"],
    ]);
    expect(recorded.summary).toContain("| api-db-schema | FAIL |");
    ws.write("deploy/prod/db/VERSION", "42\n");
  });

  it("annotates coverage gaps: a tier-0 file in no component, a secret-looking file outside components", async () => {
    ws.write("deploy/prod/misc/notes.yaml", "notes: true\n");
    ws.write("deploy/prod/misc/id_ed25519", "not a real key\n");
    const run = await snapshot({ phase: "manual" });
    expect(run.code).toBe(0);
    expect(run.annotations.map((a) => [a.level, a.properties.title, a.properties.file])).toEqual([
      ["error", "Tier-0 file in no component", "deploy/prod/misc/id_ed25519"],
      ["error", "Tier-0 file in no component", "deploy/prod/misc/notes.yaml"],
      ["warning", "Secret-looking file in no component", "deploy/prod/misc/id_ed25519"],
    ]);
    expect(run.summary).toContain("#### Coverage gaps");
    expect(run.summary).toContain("| tier-0 file in no component | deploy/prod/misc/notes.yaml |");
  });

  it("refuses bad inputs with clear errors before writing anything", async () => {
    const before = await commits(await ws.clone());
    const cases: Array<[Record<string, string>, string]> = [
      [
        { phase: "during" },
        "The input 'phase' is 'during'.%0AFix: Use one of pre, post, scheduled, manual",
      ],
      [{ phase: "pree" }, "(did you mean pre?)"],
      [
        { phase: "pre", token: "" },
        "The backup repository acme/config-backups needs a token, and the token input is empty.",
      ],
      [{ phase: "pre", "writer-key": "" }, "The snapshot action needs the input 'writer-key'."],
      [
        { phase: "pre", "skip-unchanged": "yes" },
        "The input 'skip-unchanged' is 'yes', not a boolean.",
      ],
      [{ phase: "pre", environment: "qa" }, "The policy has no environment 'qa'."],
      [
        { phase: "pre", "backup-repository": "acme" },
        "The backup repository 'acme' is not owner/name[@branch].",
      ],
      [
        { phase: "pre", "store-dir": "x", "backup-repository": "acme/b" },
        "Both backup-repository and store-dir were given.",
      ],
      [{ phase: "pre", policy: "missing.yml" }, "missing.yml"],
    ];
    // Nothing is written, so the runs can go side by side.
    const runs = await Promise.all(cases.map(([inputs]) => snapshot(inputs)));
    for (const [index, run] of runs.entries()) {
      expect(run.code).toBe(1);
      expect(run.outputs).toEqual({});
      expect(run.log).toContain(`::error::`);
      expect(run.log).toContain(cases[index]?.[1]);
    }
    expect(await commits(await ws.clone())).toBe(before);
  });

  it("the root action.yml is the snapshot action", async () => {
    const run = await ws.run(".", {
      token: ws.token,
      environment: "prod",
      phase: "manual",
      "writer-key": ws.keys.writerText,
      "skip-unchanged": "false",
    });
    expect(run.code).toBe(0);
    expect(run.outputs.skipped).toBe("false");
  });
});

describe("the snapshot action with a local store and no policy", () => {
  const dir = tempDir("snapgate-action-local-");
  let ws: ActionWorkspace;

  beforeAll(async () => {
    ws = await makeActionWorkspace(dir);
  });
  afterAll(() => ws.close());

  it("without a policy it needs recipients and paths, then writes to store-dir", async () => {
    const base = {
      environment: "dev",
      phase: "scheduled",
      "writer-key": ws.keys.writerText,
      "store-dir": "../store",
    };
    const named = await ws.run("snapshot", { ...base, policy: "no-policy.yml" });
    expect(named.code).toBe(1);
    expect(named.log).toContain("no-policy.yml");
    // Without the default policy file, the step runs without a policy.
    rmSync(join(ws.repo, ".github"), { recursive: true });
    const noRecipients = await ws.run("snapshot", base);
    expect(noRecipients.code).toBe(1);
    expect(noRecipients.log).toContain("No recipients were given and there is no policy");
    const noPaths = await ws.run("snapshot", { ...base, recipients: ws.keys.age.recipient });
    expect(noPaths.log).toContain("No paths to snapshot were given.");
    const run = await ws.run("snapshot", {
      ...base,
      recipients: ws.keys.age.recipient,
      paths: "deploy/prod/db\nflags",
    });
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ seq: "1", files: "3" });
    expect(existsSync(join(dir, "store/manifests/dev/0000000001.json"))).toBe(true);
    expect(run.summary).toContain("| (no component) | - | 3 |");
  });
});
