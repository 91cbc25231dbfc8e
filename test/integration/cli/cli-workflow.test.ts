import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { runCli } from "../../helpers/run-cli.js";
import { tempDir } from "../../helpers/temp-dir.js";

function listTree(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files[relative(root, full)] = readFileSync(full).toString("base64");
    }
  };
  walk(root);
  return files;
}

describe("snapgate CLI: keygen, snapshot, list, show, diff, verify, restore", () => {
  const work = tempDir();
  let recipient = "";
  let verifyKey = "";
  const cli = (...args: string[]) => runCli(args, { cwd: work });

  beforeAll(async () => {
    mkdirSync(join(work, "config/k8s"), { recursive: true });
    writeFileSync(
      join(work, "config/k8s/deployment.yaml"),
      "kind: Deployment\nspec:\n  replicas: 3\n",
    );
    writeFileSync(join(work, "config/.env"), "API_TOKEN=abc\n");
    writeFileSync(join(work, "config/ünïcödé.json"), '{"feature": true}\n');
  });

  it("keygen writes 0600 keys, prints the public halves and refuses to overwrite", async () => {
    const identity = await cli("keygen", "--out", "id.txt", "--json");
    expect(identity.code).toBe(0);
    recipient = (identity.json() as { recipient: string }).recipient;
    expect(recipient).toMatch(/^age1[0-9a-z]{58}$/);
    expect(statSync(join(work, "id.txt")).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(work, "id.txt"), "utf8")).toMatch(
      /^# created: .*\n# public key: age1.*\nAGE-SECRET-KEY-1/,
    );

    const writer = await cli("keygen", "--writer", "--out", "writer.key");
    expect(writer.code).toBe(0);
    verifyKey = writer.stdout.trim();
    expect(verifyKey).toMatch(/^sgw1[0-9a-z]{58}$/);

    const app = await cli("keygen", "--app", "--out", "app.key", "--json");
    expect(app.code).toBe(0);
    const appKey = (app.json() as { verifyKey: string }).verifyKey;
    expect(appKey).toMatch(/^sga1[0-9a-z]{58}$/);
    expect(statSync(join(work, "app.key")).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(work, "app.key"), "utf8")).toMatch(
      new RegExp(`^# created: .*\n# verify key: ${appKey}\nSNAPGATE-APP-KEY-1`),
    );
    const both = await cli("keygen", "--app", "--writer", "--out", "both.key");
    expect(both.code).toBe(64);
    expect(both.stderr).toContain("--writer and --app make different keys");

    const again = await cli("keygen", "--out", "id.txt");
    expect(again.code).toBe(64);
    expect(again.stderr).toContain("already exists");
  });

  it("snapshots, then skips an unchanged tree with --skip-unchanged --json", async () => {
    const first = await cli(
      "snapshot",
      "--store",
      "store",
      "--env",
      "prod",
      "--phase",
      "pre",
      "--recipient",
      recipient,
      "--writer-key",
      "writer.key",
      "--commit",
      "0123456789abcdef",
      "--change-id",
      "CHG0000001",
      "--tag",
      "release",
      "--json",
      "config",
    );
    expect(first.code).toBe(0);
    expect(first.json()).toMatchObject({ skipped: false, seq: 1, files: 3, newBlobs: 3 });

    const skipped = await cli(
      "snapshot",
      "--store",
      "store",
      "--env",
      "prod",
      "--phase",
      "post",
      "--recipient",
      recipient,
      "--writer-key",
      "writer.key",
      "--skip-unchanged",
      "--json",
      "config",
    );
    expect(skipped.json()).toMatchObject({ skipped: true, seq: 1 });
  });

  it("takes the writer key from SNAPGATE_WRITER_KEY and records the change", async () => {
    writeFileSync(
      join(work, "config/k8s/deployment.yaml"),
      "kind: Deployment\nspec:\n  replicas: 5\n",
    );
    const env = { SNAPGATE_WRITER_KEY: readFileSync(join(work, "writer.key"), "utf8") };
    const second = await runCli(
      [
        "snapshot",
        "--store",
        "store",
        "--env",
        "prod",
        "--phase",
        "post",
        "--recipient",
        recipient,
        "--skip-unchanged",
        "--json",
        "config",
      ],
      { cwd: work, env },
    );
    expect(second.json()).toMatchObject({ skipped: false, seq: 2, newBlobs: 1, reusedBlobs: 2 });
  });

  it("lists with filters and shows a snapshot", async () => {
    const all = (await cli("list", "--store", "store", "--json")).json() as {
      snapshots: Array<{ seq: number }>;
    };
    expect(all.snapshots.map((s) => s.seq)).toEqual([1, 2]);
    const byChange = (
      await cli("list", "--store", "store", "--change-id", "CHG0000001", "--json")
    ).json() as { snapshots: unknown[] };
    expect(byChange.snapshots).toHaveLength(1);
    const table = await cli("list", "--store", "store", "--env", "prod");
    expect(table.stdout).toContain("prod@2");
    const shown = (await cli("show", "prod@1", "--store", "store", "--json")).json() as {
      files: Array<{ path: string }>;
      metadata: { commit: string };
    };
    expect(shown.metadata.commit).toBe("0123456789abcdef");
    expect(shown.files.map((f) => f.path)).toEqual([
      "config/.env",
      "config/k8s/deployment.yaml",
      "config/ünïcödé.json",
    ]);
  });

  it("diffs by keyed id", async () => {
    const diff = (await cli("diff", "prod@1", "prod@2", "--store", "store", "--json")).json();
    expect(diff).toMatchObject({
      added: [],
      removed: [],
      changed: [{ path: "config/k8s/deployment.yaml", kinds: ["content"] }],
      unchanged: 2,
    });
  });

  it("verifies every snapshot at structure and restore level", async () => {
    const structure = await cli(
      "verify",
      "--all",
      "--store",
      "store",
      "--verify-key",
      verifyKey,
      "--json",
    );
    expect(structure.code).toBe(0);
    expect(structure.json()).toMatchObject({ ok: true, level: "structure" });
    const full = await cli(
      "verify",
      "--all",
      "--store",
      "store",
      "--verify-key",
      verifyKey,
      "--identity",
      "id.txt",
      "--writer-key",
      "writer.key",
    );
    expect(full.code).toBe(0);
    expect(full.stdout).toContain("restore level");
  });

  it("restores the first snapshot into a new folder, identical to the tree it came from", async () => {
    const restored = await cli(
      "restore",
      "prod@1",
      "--store",
      "store",
      "--identity",
      "id.txt",
      "--verify-key",
      verifyKey,
      "--to",
      "restored",
      "--json",
    );
    expect(restored.code).toBe(0);
    const original = listTree(join(work, "config"));
    original["k8s/deployment.yaml"] = Buffer.from(
      "kind: Deployment\nspec:\n  replicas: 3\n",
    ).toString("base64");
    expect(listTree(join(work, "restored/config"))).toEqual(original);
  });

  it("refuses a non-empty target unless --force, and shows a dry run", async () => {
    const refused = await cli(
      "restore",
      "latest",
      "--env",
      "prod",
      "--store",
      "store",
      "--identity",
      "id.txt",
      "--verify-key",
      verifyKey,
      "--to",
      "restored",
    );
    expect(refused.code).toBe(64);
    expect(refused.stderr).toContain("not empty");
    const dry = await cli(
      "restore",
      "latest",
      "--env",
      "prod",
      "--store",
      "store",
      "--identity",
      "id.txt",
      "--verify-key",
      verifyKey,
      "--to",
      "restored",
      "--dry-run",
      "--json",
    );
    const plan = (dry.json() as { plan: Array<{ path: string; action: string }> }).plan;
    expect(plan.find((p) => p.path === "config/k8s/deployment.yaml")?.action).toBe("update");
    expect(plan.find((p) => p.path === "config/.env")?.action).toBe("unchanged");
    const forced = await cli(
      "restore",
      "latest",
      "--env",
      "prod",
      "--store",
      "store",
      "--identity",
      "id.txt",
      "--verify-key",
      verifyKey,
      "--to",
      "restored",
      "--force",
      "--include",
      "config/k8s/**",
    );
    expect(forced.code).toBe(0);
    expect(readFileSync(join(work, "restored/config/k8s/deployment.yaml"), "utf8")).toContain(
      "replicas: 5",
    );
  });

  it("accepts keys made by age-keygen as identity and recipient", async () => {
    execFileSync("age-keygen", ["-o", join(work, "agekey.txt")], { stdio: "pipe" });
    const ageRecipient =
      /public key: (age1\w+)/.exec(readFileSync(join(work, "agekey.txt"), "utf8"))?.[1] ?? "";
    const snap = await cli(
      "snapshot",
      "--store",
      "store2",
      "--env",
      "dev",
      "--phase",
      "manual",
      "--recipient",
      ageRecipient,
      "--writer-key",
      "writer.key",
      "--json",
      "config/k8s",
    );
    expect(snap.code).toBe(0);
    const restored = await cli(
      "restore",
      "latest",
      "--env",
      "dev",
      "--store",
      "store2",
      "--identity",
      "agekey.txt",
      "--verify-key",
      verifyKey,
      "--to",
      "from-age-keygen",
    );
    expect(restored.code).toBe(0);
    expect(
      readFileSync(join(work, "from-age-keygen/config/k8s/deployment.yaml"), "utf8"),
    ).toContain("replicas: 5");
  });

  it("prints machine-readable errors with --json", async () => {
    const missing = await cli("list", "--store", "nowhere", "--json");
    expect(missing.code).toBe(1);
    expect(missing.json()).toMatchObject({ ok: false, error: { code: "STORE_MISSING" } });
    expect(missing.stderr).toContain("There is no Snapgate store");
  });
});
