import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { runCli } from "../../helpers/run-cli.js";
import { readTextTree } from "../../helpers/read-text-tree.js";
import { tempDir } from "../../helpers/temp-dir.js";

/**
 * test/fixtures/v2-store was written by the release before gzip'd nodes (ADR
 * 1106; its README says how): v2 roots whose nodes are plain
 * `nodes/<id[0:2]>/<id>.json`. Every reader must still open it and print what
 * that release printed (expected/*.json); a new snapshot on top writes only
 * the nodes the store lacks, gzip'd, and the mixed store verifies, diffs and
 * restores; prune takes a plain node like a gzip'd one.
 */
const FIXTURE = fileURLToPath(new URL("../../fixtures/v2-store", import.meta.url));
const VERIFY_KEY = "sgw1xpqyd8pvcjgeespp50r56qavc2ca6gm2wrhkqrqmtzfukjajmafsura5t2";
const RECIPIENT = "age14mx9rgnjhv683md4zm6hu5ewzsxlfsehafq6gen6gdde3jnamvqqxwzskx";

const expected = (name: string): unknown =>
  JSON.parse(readFileSync(join(FIXTURE, "expected", name), "utf8")) as unknown;

/** Node file names in a store, relative to nodes/. */
function nodeFiles(store: string): string[] {
  return readdirSync(join(store, "nodes"))
    .flatMap((prefix) => readdirSync(join(store, "nodes", prefix)).map((n) => `${prefix}/${n}`))
    .sort();
}

describe("a store whose v2 nodes are plain JSON, written by an earlier release", () => {
  const dir = tempDir();
  const cli = (...args: string[]) => runCli([...args, "--json"], { cwd: dir });
  const verifyAll = () =>
    cli(
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

  beforeAll(() => {
    cpSync(FIXTURE, dir, { recursive: true });
    chmodSync(join(dir, "identity.txt"), 0o600);
    chmodSync(join(dir, "writer.key"), 0o600);
  });

  it("lists, shows, diffs and verifies it as that release did", async () => {
    expect(nodeFiles(join(dir, "store")).every((name) => name.endsWith(".json"))).toBe(true);
    const list = await cli("list", "--store", "store");
    expect(list.code).toBe(0);
    expect(list.json()).toEqual(expected("list.json"));
    expect((await cli("show", "prod@2", "--store", "store")).json()).toEqual(
      expected("show-prod-2.json"),
    );
    expect((await cli("diff", "prod@1", "prod@2", "--store", "store")).json()).toEqual(
      expected("diff-prod-1-2.json"),
    );
    const verify = await verifyAll();
    expect(verify.code).toBe(0);
    expect(verify.json()).toEqual(expected("verify-restore.json"));
  });

  it("takes a snapshot on top: only the nodes it lacks are written, gzip'd; the mixed store verifies, diffs and restores", async () => {
    const before = nodeFiles(join(dir, "store"));
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
    expect((taken.json() as { seq: number }).seq).toBe(3);
    const root = JSON.parse(
      readFileSync(join(dir, "store/manifests/prod/0000000003.json"), "utf8"),
    ) as { format: string; nodes: string[] };
    expect(root.format).toBe("snapgate.manifest/v2");
    const prod1 = JSON.parse(
      readFileSync(join(dir, "store/manifests/prod/0000000001.json"), "utf8"),
    ) as { nodes: string[] };
    // src1 again: the same file entries as prod@1, hence the same node ids, already stored plain.
    expect(root.nodes).toEqual(prod1.nodes);
    expect(nodeFiles(join(dir, "store"))).toEqual(before);

    // A changed tree: its new nodes are gzip'd, the unchanged ones stay plain and are reused.
    cpSync(join(dir, "src2"), join(dir, "src3"), { recursive: true });
    writeFileSync(join(dir, "src3/app/conf.d/workers.yml"), "workers: 12\n");
    const taken4 = await cli(
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
      "src3",
      "--no-cache",
      ".",
    );
    expect(taken4.code).toBe(0);
    const added = nodeFiles(join(dir, "store")).filter((name) => !before.includes(name));
    expect(added.length).toBeGreaterThan(0);
    expect(added.every((name) => name.endsWith(".json.gz"))).toBe(true);
    const prod4 = JSON.parse(
      readFileSync(join(dir, "store/manifests/prod/0000000004.json"), "utf8"),
    ) as { nodes: string[] };
    expect(prod4.nodes.some((id) => before.includes(`${id.slice(0, 2)}/${id}.json`))).toBe(true);

    const verify = await verifyAll();
    expect(verify.code).toBe(0);
    expect((verify.json() as { snapshots: unknown[] }).snapshots).toHaveLength(5);
    expect((verify.json() as { ok: boolean }).ok).toBe(true);
    const diff = (await cli("diff", "prod@2", "prod@3", "--store", "store")).json() as {
      added: string[];
      removed: string[];
    };
    const old = expected("diff-prod-1-2.json") as typeof diff;
    expect(diff.added).toEqual(old.removed);
    expect(diff.removed).toEqual(old.added);

    for (const [seq, source] of [
      [2, "src2"],
      [3, "src1"],
      [4, "src3"],
    ] as const) {
      const to = join(dir, `restored-${seq}`);
      const restore = await cli(
        "restore",
        `prod@${seq}`,
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
      expect(readTextTree(to)).toEqual(readTextTree(join(dir, source)));
    }
    expect(existsSync(join(dir, "restored-3", "empty-dir"))).toBe(true);
  });
});
