import { spawn } from "node:child_process";
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { createSnapshot } from "../../../core/snapshot/create-snapshot.js";
import { LocalDirStore } from "../../../core/store/local-dir-store.js";
import { makeKeys, type TestKeys } from "../../helpers/keys.js";
import { snapshotTree } from "../../helpers/snapshot-tree.js";
import { CLI_BUNDLE, spawnCli } from "../../helpers/run-cli.js";
import { tempDir } from "../../helpers/temp-dir.js";

/** Moves the cursor up and erases that line, as a crafted name could. */
const CURSOR_UP_ERASE = "\x1b[1A\x1b[2K";
/** Sets the terminal's window title (OSC ... BEL). */
const SET_TITLE = "\x1b]0;owned\x07";
/** The single-character CSI (C1) and a right-to-left override. */
const C1_AND_BIDI = "\u009b2J\u202e";
/** What a terminal would act on instead of printing. */
// eslint-disable-next-line no-control-regex -- looking for control characters is the point
const RAW_CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

describe("human output cannot drive the terminal", () => {
  const work = tempDir();
  const store = join(work, "store");
  const evilName = `evil${CURSOR_UP_ERASE}${C1_AND_BIDI}.txt`;
  let keys: TestKeys;
  let id: string;

  beforeAll(async () => {
    keys = await makeKeys();
    writeFileSync(join(work, "id.txt"), keys.age.identity + "\n", { mode: 0o600 });
    mkdirSync(join(work, "tree"));
    writeFileSync(join(work, "tree", evilName), "payload\n");
    writeFileSync(join(work, "tree", "plain.txt"), "plain\n");
    const result = await createSnapshot({
      store: new LocalDirStore(store),
      root: join(work, "tree"),
      paths: ["."],
      stream: "prod",
      phase: "manual",
      metadata: { changeId: `CHG-1${SET_TITLE}`, application: `app${SET_TITLE}` },
      recipients: [keys.age.recipient],
      writerKey: keys.writer,
    });
    id = result.id ?? "";
  });

  function expectEscaped(text: string): void {
    expect(text).not.toMatch(RAW_CONTROL);
    expect(text).toContain("\\x1b[1A\\x1b[2K");
  }

  it("escapes control characters from names and metadata in list, show, restore --dry-run and verify", async () => {
    const list = await spawnCli(["list", "--store", store], { cwd: work });
    expect(list.code).toBe(0);
    expect(list.stdout).not.toMatch(RAW_CONTROL);
    expect(list.stdout).toContain("CHG-1\\x1b]0;owned\\x07");

    const show = await spawnCli(["show", "latest", "--env", "prod", "--store", store], {
      cwd: work,
    });
    expect(show.code).toBe(0);
    expectEscaped(show.stdout);
    expect(show.stdout).toContain("\\x9b2J\\u202e.txt");
    expect(show.stdout).toContain("app\\x1b]0;owned\\x07");

    const dryRun = await spawnCli(
      [
        "restore",
        "latest",
        "--env",
        "prod",
        "--store",
        store,
        "--identity",
        "id.txt",
        "--verify-key",
        keys.verifyKey,
        "--to",
        join(work, "target"),
        "--dry-run",
      ],
      { cwd: work },
    );
    expect(dryRun.code).toBe(0);
    expectEscaped(dryRun.stdout);

    // JSON keeps the real name (JSON.stringify escapes control characters itself).
    const json = await spawnCli(["show", id, "--store", store, "--json"], { cwd: work });
    const files = (json.json() as { files: Array<{ path: string }> }).files;
    expect(files.map((file) => file.path)).toContain(evilName);
  });

  it("escapes a verify FAIL line that names the file", async () => {
    const copy = join(work, "damaged");
    cpSync(store, copy, { recursive: true });
    for (const dir of readdirSync(join(copy, "blobs")))
      rmSync(join(copy, "blobs", dir), { recursive: true });
    const verify = await spawnCli(
      ["verify", "latest", "--env", "prod", "--store", copy, "--verify-key", keys.verifyKey],
      { cwd: work },
    );
    expect(verify.code).toBe(3);
    expect(verify.stdout).toContain("FAIL");
    expectEscaped(verify.stdout);
  });
});

/** Runs the bundled CLI with its stdout a pipe whose reader has already gone (`| head -n0`). */
function runIntoClosedPipe(
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_BUNDLE, ...args], {
      cwd,
      env: { PATH: process.env.PATH, ...env },
    });
    child.stdout.destroy();
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stderr }));
  });
}

describe("a closed stdout ends the command quietly", () => {
  const work = tempDir();
  const store = join(work, "store");
  let verifyKey = "";

  beforeAll(async () => {
    const keys = await makeKeys();
    verifyKey = keys.verifyKey;
    mkdirSync(join(work, "tree"));
    for (let i = 0; i < 50; i++) writeFileSync(join(work, "tree", `f${i}.txt`), `${i}\n`);
    await snapshotTree(new LocalDirStore(store), join(work, "tree"), keys, { phase: "manual" });
  });

  it.each([
    ["help"],
    ["help", "keygen"],
    ["list", "--store", "store"],
    ["show", "latest", "--env", "prod", "--store", "store"],
    ["show", "latest", "--env", "prod", "--store", "store", "--json"],
    ["verify", "--all", "--store", "store"],
  ])("snapgate %s ...", async (...args) => {
    const run = await runIntoClosedPipe(args, work, { SNAPGATE_VERIFY_KEYS: verifyKey });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
  });
});
