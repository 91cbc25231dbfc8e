import { readFileSync } from "node:fs";
import { readStoredManifest } from "../../helpers/read-stored-manifest.js";
import { LocalDirStore } from "../../../core/store/local-dir-store.js";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import type { RegularFileEntry } from "../../../core/types.js";
import { blobPath } from "../../../core/store/store.js";
import { blobRefOf } from "../../../core/snapshot/blob-ref-of.js";
import { makeActionWorkspace, type ActionWorkspace } from "../../helpers/action-workspace.js";
import { tempDir } from "../../helpers/temp-dir.js";

describe("the verify and drift actions (bundled) against the sandbox", () => {
  const dir = tempDir("snapgate-action-verify-");
  let ws: ActionWorkspace;
  let first = "";
  const verify = (inputs: Record<string, string>) =>
    ws.run("verify", { token: ws.token, environment: "prod", ...inputs });
  const drift = (inputs: Record<string, string> = {}) =>
    ws.run("drift", {
      token: ws.token,
      environment: "prod",
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
    first = run.outputs["snapshot-id"] ?? "";
  });
  afterEach(() => ws.backup.gh.assertClean());
  afterAll(() => ws.close());

  it("verify at structure level: signature (policy's keys.writers), chain and blobs", async () => {
    const run = await verify({});
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({
      verified: "true",
      problems: "0",
      level: "structure",
      snapshots: "1",
      "snapshot-id": first,
      records: "",
    });
    expect(run.summary).toContain("### Snapgate verify (structure level): verified");
    expect(run.annotations).toEqual([]);
  });

  it("verify at restore level decrypts everything and records a verification the gate reads", async () => {
    const run = await verify({ level: "restore", identity: ws.keys.age.identity, record: "true" });
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ verified: "true", level: "restore" });
    expect(run.masked).toContain(ws.keys.age.identity);
    expect(run.log).not.toContain(ws.keys.age.identity);
    const record = run.outputs.records ?? "";
    expect(record).toMatch(
      new RegExp(`^verifications/prod/\\d{8}T\\d{6}\\.\\d{3}Z-restore-ok-${first}\\.json$`),
    );
    const clone = await ws.clone();
    expect(JSON.parse(readFileSync(join(clone, record), "utf8"))).toMatchObject({
      format: "snapgate.verification/v1",
      snapshot: first,
      level: "restore",
      ok: true,
    });
    const needsIdentity = await verify({ level: "restore" });
    expect(needsIdentity.code).toBe(1);
    expect(needsIdentity.log).toContain(
      "level: restore decrypts every file and needs the identity input.",
    );
    const badLevel = await verify({ level: "deep" });
    expect(badLevel.log).toContain("Use one of structure, restore.");
  });

  it("a tampered blob fails verify with an annotation on the file; fail-on-problems false keeps the step green", async () => {
    const clone = await ws.clone();
    const manifest = await readStoredManifest(new LocalDirStore(clone), "prod", 1);
    const target = manifest.files.find(
      (file): file is RegularFileEntry =>
        file.type === "file" && file.path === "deploy/prod/db/VERSION",
    );
    if (!target) throw new Error("no VERSION in the snapshot");
    const blob = blobPath(blobRefOf(target));
    await ws.backup.gh.commitFiles(
      ws.backup.owner,
      ws.backup.repo,
      "main",
      {
        [blob]: "-----BEGIN AGE ENCRYPTED FILE-----\nbm90IGl0\n-----END AGE ENCRYPTED FILE-----\n",
      },
      "tamper with a blob",
    );
    const run = await verify({});
    expect(run.code).toBe(1);
    expect(run.outputs).toMatchObject({ verified: "false", problems: "1" });
    expect(run.annotations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          level: "error",
          properties: expect.objectContaining({
            file: "deploy/prod/db/VERSION",
            title: "Snapgate verify: tampered-blob in prod@1",
          }),
        }),
      ]),
    );
    expect(run.log).toContain("::error::1 problem(s) in 1 snapshot(s) at structure level");
    expect(run.summary).toContain("| prod@1 | tampered-blob | deploy/prod/db/VERSION |");
    const lenient = await verify({ "fail-on-problems": "false" });
    expect(lenient.code).toBe(0);
    expect(lenient.outputs.verified).toBe("false");
    // Put it back for the drift tests.
    await ws.backup.gh.commitFiles(
      ws.backup.owner,
      ws.backup.repo,
      "main",
      { [blob]: readFileSync(join(clone, blob)) },
      "restore the blob",
    );
  });

  it("drift: none, then a change (warning), then fail-on-drift (error, failed step)", async () => {
    const clean = await drift();
    expect(clean.code).toBe(0);
    expect(clean.outputs).toMatchObject({ drifted: "false", files: "0", "snapshot-id": first });
    expect(clean.summary).toContain("### Snapgate drift: no drift");

    ws.write("deploy/prod/api/config.yaml", "db:\n  schemaVersion: 42\nreplicas: 5\n");
    ws.write("deploy/prod/api/extra.yaml", "new: true\n");
    const drifted = await drift();
    expect(drifted.code).toBe(0);
    expect(drifted.outputs).toMatchObject({
      drifted: "true",
      files: "2",
      added: "1",
      changed: "1",
      removed: "0",
    });
    expect(drifted.annotations.map((a) => [a.level, a.properties.file])).toEqual([
      ["warning", "deploy/prod/api/extra.yaml"],
      ["warning", "deploy/prod/api/config.yaml"],
    ]);
    expect(drifted.summary).toContain("| api | changed | deploy/prod/api/config.yaml | content |");

    const failing = await drift({ "fail-on-drift": "true" });
    expect(failing.code).toBe(1);
    expect(failing.annotations.filter((a) => a.level === "error").length).toBe(3);
    expect(failing.log).toContain("::error::2 file(s) differ from prod@1");
    expect(failing.masked).toContain(ws.keys.writerText);
    expect(failing.log).not.toContain(ws.keys.writerText);
  });

  it("drift needs the writer key of the snapshots", async () => {
    const { makeKeys } = await import("../../helpers/keys.js");
    const other = await drift({ "writer-key": (await makeKeys()).writerText });
    expect(other.code).toBe(1);
    expect(other.log).toContain("keyed ids differ");
    const missing = await drift({ "writer-key": "" });
    expect(missing.log).toContain("The drift action needs the input 'writer-key'.");
  });
});
