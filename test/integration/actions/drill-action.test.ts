import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import { makeActionWorkspace, type ActionWorkspace } from "../../helpers/action-workspace.js";
import { tempDir } from "../../helpers/temp-dir.js";

describe("the drill action (bundled) against the sandbox backup repository", () => {
  const dir = tempDir("snapgate-action-drill-");
  let ws: ActionWorkspace;
  const drill = (inputs: Record<string, string>) =>
    ws.run("drill", {
      token: ws.token,
      environment: "prod",
      identity: ws.keys.age.identity,
      "writer-key": ws.keys.writerText,
      ...inputs,
    });

  beforeAll(async () => {
    ws = await makeActionWorkspace(dir);
    const run = await ws.run("snapshot", {
      token: ws.token,
      environment: "prod",
      phase: "scheduled",
      "writer-key": ws.keys.writerText,
    });
    expect(run.code).toBe(0);
  });
  afterEach(() => ws.backup.gh.assertClean());
  afterAll(() => ws.close());

  it("passes, writes a signed record into the backup repository and a job summary; secrets stay masked", async () => {
    // The validation sees the runner's environment, but none of the action's inputs (the secrets).
    const run = await drill({
      validate: 'test -f deploy/prod/db/VERSION && env | grep -c "^INPUT_"; true',
    });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ passed: "true", "sla-met": "", gaps: "0" });
    expect(run.outputs.record).toMatch(/^drills\/prod\/\d{8}T\d{6}\.\d{3}Z-ok-[0-9a-f]{64}\.json$/);
    expect(run.summary).toContain("### Snapgate drill of prod@1: passed");
    expect(run.summary).toContain("A configuration-only drill into a staging directory.");
    expect(run.summary).toContain(
      `comment \`/snapgate signoff ${run.outputs.record}\` (not @octocat, who ran it).`,
    );
    expect(run.masked).toEqual(expect.arrayContaining([ws.keys.age.identity, ws.keys.writerText]));
    expect(run.log).not.toContain(ws.keys.age.identity);
    const clone = await ws.clone();
    expect(JSON.parse(readFileSync(join(clone, run.outputs.record ?? ""), "utf8"))).toMatchObject({
      format: "snapgate.drill/v1",
      ok: true,
      validation: { output: "0\n", exitCode: 0 },
      // The run's actor, signed with the rest: they cannot sign off this drill (ADR 1203).
      ranBy: { login: "octocat" },
      signature: { alg: "ed25519", key: ws.keys.verifyKey },
    });
  });

  it("fails the step when the validation fails, and compares with the passing drill", async () => {
    const run = await drill({ validate: "exit 2" });
    expect(run.code).toBe(1);
    expect(run.outputs.passed).toBe("false");
    expect(run.summary).toContain("FAILED");
    expect(run.summary).toContain("#### Compared with drills/prod/");
    expect(run.log).toContain("The drill of prod@1 failed");
  });

  it("refuses a bad timeout with a fix", async () => {
    const run = await drill({ timeout: "later" });
    expect(run.code).toBe(1);
    expect(run.log).toContain("timeout 'later' is not a duration.");
  });
});
