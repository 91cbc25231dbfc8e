import { existsSync, mkdirSync, readdirSync, readlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { LocalDirStore } from "../../../core/store/local-dir-store.js";
import { createSnapshot } from "../../../core/snapshot/create-snapshot.js";
import type { FileEntry, ManifestBody, RegularFileEntry } from "../../../core/types.js";
import { commitCraftedManifest } from "../../helpers/craft-manifest.js";
import { makeKeys, type TestKeys } from "../../helpers/keys.js";
import { runCli } from "../../helpers/run-cli.js";
import { tempDir } from "../../helpers/temp-dir.js";

/**
 * Each manifest here is correctly signed by the trusted writer key and points
 * at a real blob, so only the path checks stand between it and the disk.
 */
describe("restore refuses hostile manifests and writes nothing", () => {
  const work = tempDir();
  let keys: TestKeys;
  let blob: RegularFileEntry;
  let stream = 0;
  // The seed's blob is sealed to its recipient set: crafted manifests define it too.
  let recipientSets: ManifestBody["recipientSets"];

  beforeAll(async () => {
    keys = await makeKeys();
    writeFileSync(join(work, "id.txt"), keys.age.identity + "\n");
    mkdirSync(join(work, "tree"));
    writeFileSync(join(work, "tree/payload.txt"), "owned\n");
    const result = await createSnapshot({
      store: new LocalDirStore(join(work, "store")),
      root: join(work, "tree"),
      paths: ["payload.txt"],
      stream: "seed",
      phase: "manual",
      recipients: [keys.age.recipient],
      writerKey: keys.writer,
    });
    blob = result.manifest?.files[0] as RegularFileEntry;
    recipientSets = result.manifest?.recipientSets;
  });

  async function restoreCrafted(files: FileEntry[], emptyDirectories?: string[]) {
    const env = `hostile${++stream}`;
    await commitCraftedManifest(
      new LocalDirStore(join(work, "store")),
      keys.writer,
      env,
      files,
      [keys.age.recipient],
      undefined,
      {
        ...(emptyDirectories ? { emptyDirectories } : {}),
        ...(recipientSets ? { recipientSets } : {}),
      },
    );
    const target = join(work, `target-${env}`);
    const run = await runCli(
      [
        "restore",
        "latest",
        "--env",
        env,
        "--store",
        "store",
        "--identity",
        "id.txt",
        "--verify-key",
        keys.verifyKey,
        "--to",
        target,
        "--json",
      ],
      { cwd: work },
    );
    return {
      run,
      target,
      error: (run.json() as { error?: { code: string; message: string } }).error,
    };
  }

  const file = (path: string): FileEntry => ({ ...blob, path });
  const link = (path: string, target: string): FileEntry => ({ type: "symlink", path, target });

  // Built lazily: the seed blob exists only once beforeAll has run.
  const cases: Array<[string, () => FileEntry[], string]> = [
    ["an absolute path", () => [file("/tmp/snapgate-owned.txt")], "absolute"],
    ["a .. segment", () => [file("../../outside.txt")], "'..' segment"],
    ["a .. segment in the middle", () => [file("a/../../outside.txt")], "'..' segment"],
    ["a NUL byte", () => [file("a\u0000b.txt")], "NUL"],
    [
      "a file written through a symlink",
      () => [link("dir", "elsewhere"), file("dir/payload.txt")],
      "through the symlink",
    ],
    ["a file below a file", () => [file("conf"), file("conf/inner.yaml")], "is a file"],
    ["a path listed twice", () => [file("twice.txt"), file("twice.txt")], "listed twice"],
  ];

  it("refuses an empty directory outside the target", async () => {
    const { run, target, error } = await restoreCrafted([file("ok.txt")], ["../../escaped"]);
    expect(run.code).toBe(1);
    expect(error?.message).toContain("'..' segment");
    expect(existsSync(target)).toBe(false);
    expect(existsSync(join(work, "escaped"))).toBe(false);
  });

  it.each(cases)("refuses %s", async (_name, files, reason) => {
    const { run, target, error } = await restoreCrafted(files());
    expect(run.code).toBe(1);
    expect(error?.code).toBe("UNSAFE_PATH");
    expect(error?.message).toContain(reason);
    expect(error?.message).toContain("Nothing was written");
    expect(existsSync(target) ? readdirSync(target) : []).toEqual([]);
    expect(existsSync("/tmp/snapgate-owned.txt")).toBe(false);
    expect(existsSync(join(work, "outside.txt"))).toBe(false);
  });

  it("restores unusual but real entries as they are: links as links (warned), names the target holds", async () => {
    const { run, target } = await restoreCrafted([
      link("etc", "../../../etc"),
      link("passwd", "/etc/passwd"),
      link("up", "a/b"),
      link("a", "../.."),
      file("..\\..\\windows.txt"),
      file("Config.yaml"),
      file("config.YAML"),
    ]);
    expect(run.code).toBe(0);
    const result = run.json() as { warnings: Array<{ path: string }> };
    expect(result.warnings.map((w) => w.path)).toEqual(["etc", "passwd", "up", "a"]);
    expect(readdirSync(target).sort()).toEqual(
      ["..\\..\\windows.txt", "Config.yaml", "a", "config.YAML", "etc", "passwd", "up"].sort(),
    );
    expect(readlinkSync(join(target, "etc"))).toBe("../../../etc");
    expect(existsSync(join(work, "windows.txt"))).toBe(false);
  });

  it("restores the same blob under a safe path (the check is what stops the others)", async () => {
    const { run, target } = await restoreCrafted([
      file("safe/payload.txt"),
      link("safe/alias.txt", "payload.txt"),
    ]);
    expect(run.code).toBe(0);
    expect(readdirSync(join(target, "safe")).sort()).toEqual(["alias.txt", "payload.txt"]);
  });
});
