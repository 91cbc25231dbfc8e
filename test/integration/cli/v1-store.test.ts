import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { runCli } from "../../helpers/run-cli.js";
import { readTextTree } from "../../helpers/read-text-tree.js";
import { tempDir } from "../../helpers/temp-dir.js";

/**
 * test/fixtures/v1-store was written by the release before manifest format v2
 * (its README says how). Every reader must still open it, and print what that
 * release printed (expected/*.json), and a v2 snapshot must chain onto it.
 */
const FIXTURE = fileURLToPath(new URL("../../fixtures/v1-store", import.meta.url));
const VERIFY_KEY = "sgw1xpqyd8pvcjgeespp50r56qavc2ca6gm2wrhkqrqmtzfukjajmafsura5t2";
const RECIPIENT = "age14mx9rgnjhv683md4zm6hu5ewzsxlfsehafq6gen6gdde3jnamvqqxwzskx";

const expected = (name: string): unknown =>
  JSON.parse(readFileSync(join(FIXTURE, "expected", name), "utf8")) as unknown;

describe("a store written in snapgate.manifest/v1 by an earlier release", () => {
  const dir = tempDir();
  const cli = (...args: string[]) => runCli([...args, "--json"], { cwd: dir });

  beforeAll(() => {
    // A copy: commands may write records and locks; git does not keep the keys' 0600 modes.
    cpSync(FIXTURE, dir, { recursive: true });
    chmodSync(join(dir, "identity.txt"), 0o600);
    chmodSync(join(dir, "writer.key"), 0o600);
  });

  it("lists, shows and diffs it as that release did", async () => {
    const list = await cli("list", "--store", "store");
    expect(list.code).toBe(0);
    expect(list.json()).toEqual(expected("list.json"));
    const show = await cli("show", "prod@2", "--store", "store");
    expect(show.json()).toEqual(expected("show-prod-2.json"));
    expect((await cli("diff", "prod@2", "--store", "store")).json()).toEqual(
      expected("diff-prod-2.json"),
    );
    expect((await cli("diff", "prod@1", "prod@2", "--store", "store")).json()).toEqual(
      expected("diff-prod-1-2.json"),
    );
  });

  it("verifies it at restore level and finds drift against it, as that release did", async () => {
    const verify = await cli(
      "verify",
      "--all",
      "--store",
      "store",
      "--verify-key",
      VERIFY_KEY,
      "--identity",
      "identity.txt",
      "--level",
      "restore",
    );
    expect(verify.code).toBe(0);
    expect(verify.json()).toEqual(expected("verify-restore.json"));
    const drift = await cli(
      "drift",
      "--store",
      "store",
      "--env",
      "prod",
      "--writer-key",
      "writer.key",
      "--root",
      "src1",
      ".",
    );
    expect(drift.code).toBe(2);
    expect(drift.json()).toEqual(expected("drift-src1-vs-prod.json"));
  });

  it("restores a v1 snapshot with its identity, empty directory included", async () => {
    const to = join(dir, "restored-v1");
    const restore = await cli(
      "restore",
      "prod@2",
      "--store",
      "store",
      "--identity",
      "identity.txt",
      "--to",
      to,
      "--verify-key",
      VERIFY_KEY,
    );
    expect(restore.code).toBe(0);
    expect(readTextTree(to)).toEqual(readTextTree(join(FIXTURE, "src2")));
    expect(existsSync(join(to, "empty-dir"))).toBe(true);
  });

  it("takes a v2 snapshot on top: it chains to the v1 manifest, and both verify, diff and restore", async () => {
    mkdirSync(join(dir, "src1", "empty-dir"), { recursive: true });
    const taken = await cli(
      "snapshot",
      "--store",
      "store",
      "--env",
      "prod",
      "--phase",
      "post",
      "--recipient",
      RECIPIENT,
      "--writer-key",
      "writer.key",
      "--root",
      "src1",
      "--no-cache",
      ".",
    );
    expect(taken.code).toBe(0);
    const result = taken.json() as { seq: number; previousId: string; newBlobs: number };
    const v1Head = (expected("list.json") as { snapshots: { id: string; seq: number }[] })
      .snapshots;
    expect(result.seq).toBe(3);
    expect(result.previousId).toBe(v1Head.find((s) => s.seq === 2)?.id);
    // src1's contents are all stored already (prod@1): the new snapshot adds no blob.
    expect(result.newBlobs).toBe(0);
    const root = JSON.parse(
      readFileSync(join(dir, "store/manifests/prod/0000000003.json"), "utf8"),
    ) as { format: string; nodes: string[]; files?: unknown };
    expect(root.format).toBe("snapgate.manifest/v2");
    expect(root.files).toBeUndefined();
    expect(root.nodes.length).toBeGreaterThan(0);

    const verify = await cli(
      "verify",
      "--all",
      "--store",
      "store",
      "--verify-key",
      VERIFY_KEY,
      "--identity",
      "identity.txt",
      "--level",
      "restore",
    );
    expect(verify.code).toBe(0);
    expect((verify.json() as { snapshots: unknown[] }).snapshots).toHaveLength(4);
    // prod@3 holds src1 again: against prod@2 it undoes what prod@2 changed.
    const diff = (await cli("diff", "prod@2", "prod@3", "--store", "store")).json() as {
      added: string[];
      removed: string[];
      changed: { path: string }[];
    };
    const old = expected("diff-prod-2.json") as typeof diff;
    expect(diff.added).toEqual(old.removed);
    expect(diff.removed).toEqual(old.added);
    expect(diff.changed.map((c) => c.path)).toEqual(old.changed.map((c) => c.path));

    const to = join(dir, "restored-v2");
    const restore = await cli(
      "restore",
      "prod@3",
      "--store",
      "store",
      "--identity",
      "identity.txt",
      "--to",
      to,
      "--verify-key",
      VERIFY_KEY,
    );
    expect(restore.code).toBe(0);
    expect(readTextTree(to)).toEqual(readTextTree(join(FIXTURE, "src1")));
  });
});
