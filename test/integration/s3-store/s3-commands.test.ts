import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { makePolicyWorkspace, type PolicyWorkspace } from "../../helpers/policy-workspace.js";
import type { CliRun } from "../../helpers/run-cli.js";
import { tempDir } from "../../helpers/temp-dir.js";
import { s3ServerAvailable, startS3Server, type S3TestServer } from "../../helpers/s3-server.js";

const suite = s3ServerAvailable() ? describe : describe.skip;

/**
 * Every command that reads or writes a store, run on a local store and on an
 * S3 replica of it (replicate local -> S3): the outputs must agree, with the
 * store's own name (and what a clock moves between the two runs) set aside.
 */
suite("every command on an s3:// store answers as on a local store with the same snapshots", () => {
  let server: S3TestServer;
  let ws: PolicyWorkspace;
  const dir = tempDir();
  const s3 = "s3://cmds/p";

  /** Runs `args` (with --store STORE where the args say STORE) on one store. */
  const on = (store: string, args: string[]): Promise<CliRun> =>
    ws.cliWithEnv(server.env, ...args.map((arg) => (arg === "STORE" ? store : arg)));

  /** stdout with each store's name replaced by STORE. */
  const named = (run: CliRun, store: string) =>
    run.stdout
      .split(`${store}/`)
      .join("STORE")
      .split(store)
      .join("STORE")
      .split(`${s3}/`)
      .join("STORE");

  /** The same command on both stores: exit codes and outputs (clock and random fields set aside) side by side. */
  async function both(args: string[], varying: readonly string[] = []) {
    const local = await on(ws.store, args);
    const remote = await on(s3, args);
    const scrub = (run: CliRun, store: string) => {
      const text = named(run, store);
      const value = args.includes("--json")
        ? (JSON.parse(text, (key, v: unknown) =>
            varying.includes(key)
              ? "(varies)"
              : // An age in seconds ticks between the two runs (the gate's freshness detail).
                typeof v === "string"
                ? v.replace(/\b\d+s old\b/g, "Ns old")
                : v,
          ) as unknown)
        : text;
      return { code: run.code, stderr: run.stderr, out: value };
    };
    return { local: scrub(local, ws.store), s3: scrub(remote, s3) };
  }

  beforeAll(async () => {
    server = startS3Server();
    ws = await makePolicyWorkspace(dir);
    ws.writePolicy(
      `${ws.keysYaml}  epochs:\n    - { name: old, recipients: [${ws.keys.age.recipient}], tiers: [tier1], valid_until: 2020-01-01 }\ntiers:\n  tier1:\n    max_age: 72h\n    retention: { keep: { last: 5 } }\nenvironments:\n  prod: { tier: tier1, paths: [app] }\ncomponents:\n  - { name: web, paths: ["app/web/**"] }\n  - { name: db, paths: ["app/db/**"] }\n`,
    );
    const take = async (files: Record<string, string>) => {
      for (const [path, text] of Object.entries(files)) ws.write(path, text);
      const snap = await ws.snapshot("--env", "prod", "--phase", "manual", "--json", "app");
      expect({ code: snap.code, stderr: snap.stderr }).toEqual({ code: 0, stderr: "" });
    };
    await take({ "app/web/site.yaml": "replicas: 2\n", "app/db/pool.yaml": "pool: 5\n" });
    await take({ "app/web/site.yaml": "replicas: 3\n", "app/db/VERSION": "7\n" });
    await take({ "app/db/pool.yaml": "pool: 6\n" });
    await server.createBucket("cmds");
    const copied = await ws.cliWithEnv(
      server.env,
      "replicate",
      "--from",
      ws.store,
      "--to",
      s3,
      "--verify-key",
      ws.keys.verifyKey,
      "--verify",
      "--json",
    );
    expect(copied.code).toBe(0);
    expect(copied.json()).toMatchObject({ copied: { manifests: 3 }, verified: true });
  });
  afterAll(() => server?.stop());

  it("show, diff, list and verify", async () => {
    for (const args of [
      ["show", "prod@2", "--store", "STORE", "--json"],
      ["show", "prod@2", "--store", "STORE"],
      ["diff", "prod@1", "prod@3", "--store", "STORE", "--json"],
      ["diff", "prod@2", "--store", "STORE"],
      ["list", "--store", "STORE", "--env", "prod", "--json"],
      [
        "verify",
        "--all",
        "--store",
        "STORE",
        "--verify-key",
        ws.keys.verifyKey,
        "--identity",
        "../id.txt",
        "--json",
      ],
    ]) {
      const { local, s3: remote } = await both(args);
      expect(local.code).toBe(0);
      expect({ args, ...remote }).toEqual({ args, ...local });
    }
  });

  it("drift, with no drift and then with a changed and an added file", async () => {
    const drift = [
      "drift",
      "--store",
      "STORE",
      "--env",
      "prod",
      "--writer-key",
      "../writer.key",
      "--json",
    ];
    const clean = await both(drift);
    expect(clean.local.out).toMatchObject({ drift: false, unchanged: 3 });
    expect(clean.s3).toEqual(clean.local);
    ws.write("app/web/site.yaml", "replicas: 9\n");
    ws.write("app/web/extra.yaml", "x: 1\n");
    const drifted = await both(drift);
    expect(drifted.local.out).toMatchObject({ drift: true, added: 1, changed: 1 });
    expect(drifted.s3).toEqual(drifted.local);
  });

  it("check (the gate), health and report", async () => {
    const check = await both(["check", "--store", "STORE", "--env", "prod", "--json"]);
    expect(check.local.out).toMatchObject({ conclusion: "success" });
    expect(check.s3).toEqual(check.local);
    const health = await both(
      ["health", "--store", "STORE", "--env", "prod", "--json"],
      ["ageMs", "generatedAt", "now"],
    );
    expect(health.local.code).toBe(0);
    expect(health.s3).toEqual(health.local);
    const month = new Date().toISOString().slice(0, 7);
    const report = await both(
      ["report", "--store", "STORE", "--month", month, "--json"],
      ["generatedAt", "until", "backupAge"],
    );
    expect(report.local.code).toBe(0);
    expect(report.s3).toEqual(report.local);
  });

  it("audit verify and export, health against the S3 replica, dashboard, drill and retire-epoch", async () => {
    for (const args of [
      ["audit", "verify", "--store", "STORE", "--json"],
      ["audit", "export", "--store", "STORE", "--since", "2020-01-01"],
    ]) {
      const { local, s3: remote } = await both(args);
      expect(local.code).toBe(0);
      expect({ args, ...remote }).toEqual({ args, ...local });
    }
    const lag = await ws.cliWithEnv(
      server.env,
      "health",
      "--store",
      ws.store,
      "--replica",
      s3,
      "--env",
      "prod",
      "--json",
    );
    expect(lag.code).toBe(0);
    expect(
      (lag.json() as { environments: Array<{ replica: unknown }> }).environments[0]?.replica,
    ).toMatchObject({ seq: 3, behind: 0, diverged: false });
    const dashboard = await both(
      ["dashboard", "--store", "STORE", "--out", "../dashboard.html", "--json"],
      ["generatedAt", "ageMs", "now"],
    );
    expect(dashboard.local.code).toBe(0);
    expect(dashboard.s3).toEqual(dashboard.local);
    const drill = await both(
      [
        "drill",
        "--store",
        "STORE",
        "--env",
        "prod",
        "--identity",
        "../id.txt",
        "--writer-key",
        "../writer.key",
        "--json",
      ],
      ["target", "time", "finishedAt", "ms", "snapshotAgeMs", "sinceLastChangeMs", "signature"],
    );
    expect(drill.local.out).toMatchObject({ record: { ok: true, seq: 3 } });
    // Where the record went: named by its time.
    const where = (out: unknown) => ({ ...(out as object), path: "(varies)" });
    expect(where(drill.s3.out)).toEqual(where(drill.local.out));
    expect(drill.s3.code).toBe(drill.local.code);
    const retired = await both(["retire-epoch", "old", "--store", "STORE", "--json"]);
    expect(retired.local.out).toMatchObject({ retired: true });
    expect(retired.s3).toEqual(retired.local);
  });

  it("canary and rekey write to the S3 store as to the local one, which then restores with the new identity", async () => {
    const canary = await both(
      [
        "canary",
        "--store",
        "STORE",
        "--identity",
        "../id.txt",
        "--writer-key",
        "../writer.key",
        "--json",
      ],
      ["id"],
    );
    expect(canary.local.out).toMatchObject({ ok: true, snapshot: { seq: 1 } });
    expect(canary.s3).toEqual(canary.local);

    const next = await ws.cli("keygen", "--out", "../next.txt");
    expect(next.code).toBe(0);
    const rekey = await both(
      [
        "rekey",
        "--store",
        "STORE",
        "--identity",
        "../id.txt",
        "--recipient",
        next.stdout.trim(),
        "--writer-key",
        "../writer.key",
        "--env",
        "prod",
        "--json",
        // A re-wrapped header is new random bytes: its hash differs from store to store.
      ],
      ["sha256"],
    );
    expect(rekey.local.code).toBe(0);
    expect(rekey.s3).toEqual(rekey.local);
    const restored = await ws.cliWithEnv(
      server.env,
      "restore",
      "prod@3",
      "--store",
      s3,
      "--identity",
      "../next.txt",
      "--verify-key",
      ws.keys.verifyKey,
      "--to",
      "../rekeyed",
    );
    expect({ code: restored.code, stderr: restored.stderr }).toEqual({ code: 0, stderr: "" });
    expect(readFileSync(join(dir, "rekeyed/app/db/pool.yaml"), "utf8")).toBe("pool: 6\n");
  });
});
