import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { loadPolicy } from "../../../core/policy/load-policy.js";
import { localPolicySource } from "../../../core/policy/local-policy-source.js";
import { runDrill } from "../../../core/operations/run-drill.js";
import { readDrillRecord } from "../../../core/operations/read-drill-record.js";
import type { DrillRecord } from "../../../core/operations/drill-record.js";
import { LocalDirStore } from "../../../core/store/local-dir-store.js";
import { makePolicyWorkspace, type PolicyWorkspace } from "../../helpers/policy-workspace.js";
import { tempDir } from "../../helpers/temp-dir.js";

const BODY = `tiers:
  tier0: { max_age: 24h, rto: 1h, rpo: 2d }
environments:
  prod: { tier: tier0, paths: ["deploy/**"] }
components:
  - { name: api, paths: ["deploy/api/**"] }
  - { name: db, paths: ["deploy/db/**"] }
`;

interface DrillJson {
  path: string;
  target: string | null;
  record: DrillRecord;
}

describe("snapgate drill: restore, validate, compare, measure, record", () => {
  const dir = tempDir();
  let ws: PolicyWorkspace;
  const drill = async (...args: string[]) => {
    const run = await ws.cli(
      "drill",
      "--store",
      ws.store,
      "--env",
      "prod",
      "--identity",
      join(ws.dir, "id.txt"),
      "--writer-key",
      join(ws.dir, "writer.key"),
      "--json",
      ...args,
    );
    return {
      code: run.code,
      stderr: run.stderr,
      out: run.code <= 3 && run.stdout ? (run.json() as DrillJson) : null,
    };
  };

  beforeAll(async () => {
    ws = await makePolicyWorkspace(dir);
    ws.writePolicy(ws.keysYaml + BODY);
    ws.write("deploy/api/config.yaml", "port: 8080\n");
    ws.write("deploy/db/VERSION", "7\n");
    ws.write("deploy/notes.txt", "scratch\n");
    expect((await ws.snapshot("--env", "prod", "--phase", "post")).code).toBe(0);
  });

  it("passes: restores into an isolated directory, runs the validation there, records a signed drill", async () => {
    const { code, out } = await drill(
      "--validate",
      'test "$(cat deploy/db/VERSION)" = 7 && test "$SNAPGATE_DRILL_DIR" = "$PWD" && echo schema ok && echo "SNAPGATE_GAP missing-dependency: redis is not reachable from staging"',
    );
    expect(code).toBe(0);
    const record = out!.record;
    expect(record.ok).toBe(true);
    expect(record.slaMet).toBe(true);
    expect(record.scope).toBe("config");
    expect(record.validation).toMatchObject({
      exitCode: 0,
      timedOut: false,
      outputTruncated: false,
    });
    expect(record.validation!.output).toContain("schema ok");
    expect(record.files.map((file) => file.path).sort()).toEqual([
      "deploy/api/config.yaml",
      "deploy/db/VERSION",
      "deploy/notes.txt",
    ]);
    // The first drill has nothing to compare with; the temp dir is gone.
    expect(record.baseline).toBeNull();
    expect(out!.target).toBeNull();
    expect(record.gaps).toEqual(
      expect.arrayContaining([
        { kind: "missing-dependency", message: "redis is not reachable from staging" },
        expect.objectContaining({ kind: "out-of-scope", path: "deploy/notes.txt" }),
      ]),
    );
    expect(out!.path).toMatch(/^drills\/prod\/\d{8}T\d{6}\.\d{3}Z-ok-[0-9a-f]{64}\.json$/);
    // The record on disk verifies with the policy's writer key, and with no other.
    const store = new LocalDirStore(ws.store);
    const read = await readDrillRecord(store, out!.path, [ws.keys.verifyKey]);
    expect(read.ok).toBe(true);
    expect((await readDrillRecord(store, out!.path, [])).ok).toBe(false);
    const audit = readFileSync(
      join(
        ws.store,
        "audit",
        new Date().getUTCFullYear().toString(),
        `${String(new Date().getUTCMonth() + 1).padStart(2, "0")}.jsonl`,
      ),
      "utf8",
    );
    expect(audit).toContain('"type":"drill.recorded"');
  });

  it("fails validation: exit code 3, a -fail- record, and the deviations from the last good drill", async () => {
    ws.write("deploy/db/VERSION", "8\n");
    ws.write("deploy/api/extra.yaml", "x: 1\n");
    expect((await ws.snapshot("--env", "prod", "--phase", "post")).code).toBe(0);
    const { code, out } = await drill(
      "--validate",
      'echo "schema $(cat deploy/db/VERSION)"; test "$(cat deploy/db/VERSION)" = 7',
    );
    expect(code).toBe(3);
    const record = out!.record;
    expect(record.ok).toBe(false);
    expect(record.validation!.exitCode).toBe(1);
    expect(out!.path).toContain("-fail-");
    expect(record.baseline).toMatchObject({
      missing: [],
      extra: ["deploy/api/extra.yaml"],
      changedComponents: ["api", "db"],
      validationOutputDiffers: true,
    });
  });

  it("kills a validation that runs past --timeout, and keeps what it printed", async () => {
    const { code, out } = await drill("--validate", "echo started; sleep 30", "--timeout", "1s");
    expect(code).toBe(3);
    expect(out!.record.validation).toMatchObject({ timedOut: true, exitCode: null });
    expect(out!.record.validation!.output).toBe("started\n");
  });

  it("compares with a named baseline, and refuses one whose signature does not verify", async () => {
    const records = (await new LocalDirStore(ws.store).listRecords("drills/prod")).filter((path) =>
      path.includes("-ok-"),
    );
    const good = records[0] as string;
    const named = await drill(
      "--baseline",
      good.split("/").pop() as string,
      "--to",
      join(ws.dir, "staging"),
    );
    expect(named.code).toBe(0);
    expect(named.out!.record.baseline!.drill).toBe(good);
    expect(named.out!.target).toBe(join(ws.dir, "staging"));
    expect(readFileSync(join(ws.dir, "staging", "deploy/db/VERSION"), "utf8")).toBe("8\n");

    const file = join(ws.store, good);
    const forged = JSON.parse(readFileSync(file, "utf8")) as DrillRecord;
    writeFileSync(file, JSON.stringify({ ...forged, rto: { ...forged.rto, ms: 1 } }));
    const refused = await ws.cli(
      "drill",
      "--store",
      ws.store,
      "--env",
      "prod",
      "--identity",
      join(ws.dir, "id.txt"),
      "--writer-key",
      join(ws.dir, "writer.key"),
      "--baseline",
      good,
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("the signature does not match the record");
  });

  it("refuses bad input with a fix and records nothing", async () => {
    const before = (await new LocalDirStore(ws.store).listRecords("drills/prod")).length;
    const timeout = await drill("--timeout", "soon");
    expect(timeout.code).toBe(64);
    expect(timeout.stderr).toContain("--timeout 'soon' is not a duration");
    const baseline = await drill("--baseline", "yesterday");
    expect(baseline.code).toBe(64);
    expect(baseline.stderr).toContain("does not name a drill of prod");
    const env = await drill("--env", "nope");
    expect(env.stderr).toContain("The policy has no environment 'nope'");
    expect((await new LocalDirStore(ws.store).listRecords("drills/prod")).length).toBe(before);
  });

  it("measures RTO and RPO against the tier's SLA", async () => {
    const policy = await loadPolicy(localPolicySource(ws.repo), { path: ".github/snapgate.yml" });
    const store = new LocalDirStore(ws.store);
    // An old snapshot: its age at the drill is the RPO.
    expect(
      (
        await ws.snapshot(
          "--env",
          "prod",
          "--phase",
          "post",
          "--time",
          new Date(Date.now() - 3 * 86_400_000).toISOString(),
        )
      ).code,
    ).toBe(0);
    // A clock that moves 90 minutes per reading: the restore and validation "take" longer than the 1h RTO.
    let now = Date.now();
    const clock = () => (now += 90 * 60_000);
    const { record } = await runDrill({
      store,
      policy,
      stream: "prod",
      opener: ws.keys.opener,
      trustedKeys: [ws.keys.verifyKey],
      writerKey: ws.keys.writer,
      validate: "true",
      timeoutMs: 60_000,
      env: {},
      clock,
    });
    expect(record.ok).toBe(true);
    expect(record.rto).toEqual({ ms: 3 * 90 * 60_000, slaMs: 3_600_000, met: false });
    expect(record.rpo.slaMs).toBe(2 * 86_400_000);
    expect(record.rpo.met).toBe(false);
    expect(record.rpo.snapshotAgeMs).toBeGreaterThan(3 * 86_400_000);
    expect(record.slaMet).toBe(false);
    // The snapshot before holds the same files: the configuration is as old as the older of the two.
    expect(Date.parse(record.rpo.lastChangeAt)).toBeLessThanOrEqual(
      Date.parse(record.snapshotTime),
    );
    expect(record.rpo.sinceLastChangeMs).toBeGreaterThanOrEqual(record.rpo.snapshotAgeMs);
  });
});
