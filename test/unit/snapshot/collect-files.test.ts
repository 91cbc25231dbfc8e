import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join, relative as relativePath } from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { collectFiles, type CollectOptions } from "../../../core/snapshot/collect-files.js";
import { TEMP_PREFIX } from "../../../core/store/atomic-file.js";
import { tempDir } from "../../helpers/temp-dir.js";

const work = tempDir();
const root = join(work, "root");
const outside = join(work, "outside");

const put = (relative: string, content = relative, mode = 0o644): void => {
  const path = join(root, relative);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  chmodSync(path, mode);
};

beforeAll(() => {
  put("deploy/prod/app.yaml", "replicas: 3\n");
  put("deploy/prod/.env", "SECRET=1\n", 0o600);
  put("deploy/prod/run.sh", "#!/bin/sh\n", 0o755);
  put("deploy/prod/sub/extra.yaml");
  put("deploy/prod/debug.log");
  put("deploy/staging/app.yaml");
  put(`deploy/odd/${TEMP_PREFIX}app.yaml-123abc`);
  put("README.md");
  put("store/blobs/ab/blob.age");
  mkdirSync(join(outside, "dir"), { recursive: true });
  writeFileSync(join(outside, "secret.txt"), "outside the root");
  symlinkSync("app.yaml", join(root, "deploy/prod/current.yaml"));
  symlinkSync(outside, join(root, "deploy/linked-dir"));
  symlinkSync("../../../outside/secret.txt", join(root, "deploy/prod/escape.txt"));
  symlinkSync("does-not-exist", join(root, "deploy/prod/dangling"));
});

const collect = (patterns: string[], extra: Partial<CollectOptions> = {}) =>
  collectFiles({ root, patterns, ...extra });
const paths = async (patterns: string[], extra: Partial<CollectOptions> = {}) =>
  (await collect(patterns, extra)).files.map((file) => file.path);

describe("collectFiles", () => {
  it("walks a directory in path order, with modes and sizes", async () => {
    const result = await collect(["deploy/prod"]);
    expect(result.files.map((f) => f.path)).toEqual([
      "deploy/prod/.env",
      "deploy/prod/app.yaml",
      "deploy/prod/current.yaml",
      "deploy/prod/dangling",
      "deploy/prod/debug.log",
      "deploy/prod/escape.txt",
      "deploy/prod/run.sh",
      "deploy/prod/sub/extra.yaml",
    ]);
    expect(result.files.find((f) => f.path === "deploy/prod/.env")).toEqual({
      path: "deploy/prod/.env",
      absolute: join(root, "deploy/prod/.env"),
      type: "file",
      mode: 0o600,
      size: 9,
      stamp: {
        size: 9,
        mtimeMs: statSync(join(root, "deploy/prod/.env")).mtimeMs,
        ctimeMs: statSync(join(root, "deploy/prod/.env")).ctimeMs,
        ino: statSync(join(root, "deploy/prod/.env")).ino,
      },
      dev: statSync(join(root, "deploy/prod/.env")).dev,
    });
    expect(result.files.find((f) => f.path === "deploy/prod/run.sh")?.mode).toBe(0o755);
    expect(await paths(["deploy/staging"])).toEqual(["deploy/staging/app.yaml"]);
  });

  it("backs up a user's file named like a Snapgate temp file (only the store is skipped)", async () => {
    expect(await paths(["deploy/odd"])).toEqual([`deploy/odd/${TEMP_PREFIX}app.yaml-123abc`]);
    expect(await paths(["."], { skipDirectories: [join(root, "store")] })).not.toContain(
      "store/blobs/ab/blob.age",
    );
  });

  it("accepts ./ prefixes and trailing slashes, '.' for the whole root, and merges overlaps", async () => {
    expect(await paths(["./deploy/staging/"])).toEqual(["deploy/staging/app.yaml"]);
    expect(await paths(["deploy/staging", "deploy/staging/app.yaml"])).toEqual([
      "deploy/staging/app.yaml",
    ]);
    const everything = await paths(["."]);
    expect(everything).toContain("README.md");
    expect(everything).toContain("store/blobs/ab/blob.age");
    expect(everything).toHaveLength(13);
  });

  it("matches globs from their base directory, dot files included", async () => {
    expect(await paths(["deploy/*/app.yaml"])).toEqual([
      "deploy/prod/app.yaml",
      "deploy/staging/app.yaml",
    ]);
    expect(await paths(["deploy/prod/**/*.yaml"])).toEqual([
      "deploy/prod/app.yaml",
      "deploy/prod/current.yaml",
      "deploy/prod/sub/extra.yaml",
    ]);
    expect(await paths(["**/.env", "*.md"])).toEqual(["README.md", "deploy/prod/.env"]);
  });

  it("a glob that matches nothing is no error, nor is one whose base is missing", async () => {
    expect(await collect(["deploy/**/*.tf", "terraform/**/*.tf"])).toEqual({
      files: [],
      emptyDirectories: [],
      excluded: [],
      skipped: [],
    });
  });

  it("an explicit path that does not exist is NOT_FOUND", async () => {
    await expect(collect(["deploy/prod/app.yml"])).rejects.toMatchObject({
      code: "NOT_FOUND",
      summary: `'deploy/prod/app.yml' does not exist under ${root}.`,
    });
  });

  it.each([
    ["a relative path", "../outside/secret.txt"],
    ["an absolute path", outside],
    ["a glob", "../outside/*.txt"],
  ])("refuses %s outside the root as UNSAFE_PATH", async (_, pattern) => {
    const error = await collect(["deploy/staging", pattern]).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: "UNSAFE_PATH" });
    expect((error as Error).message).toContain(`is outside the snapshot root ${root}.`);
  });

  it("records symlinks as links with their target, never following them", async () => {
    const files = (await collect(["deploy"])).files;
    const links = files.filter((f) => f.type === "symlink");
    expect(links.map((f) => [f.path, f.target, f.size])).toEqual([
      ["deploy/linked-dir", outside, 0],
      ["deploy/prod/current.yaml", "app.yaml", 0],
      ["deploy/prod/dangling", "does-not-exist", 0],
      ["deploy/prod/escape.txt", "../../../outside/secret.txt", 0],
    ]);
    // The linked directory is not descended into.
    expect(files.some((f) => f.path.startsWith("deploy/linked-dir/"))).toBe(false);
    // A link named explicitly is recorded as a link too.
    expect((await collect(["deploy/linked-dir"])).files).toMatchObject([
      { path: "deploy/linked-dir", type: "symlink", target: outside },
    ]);
  });

  it("reports a FIFO as skipped instead of reading it", async () => {
    const fifo = join(root, "deploy/pipe");
    execFileSync("mkfifo", [fifo]);
    try {
      const result = await collect(["deploy/pipe", "deploy/staging"]);
      expect(result.files.map((f) => f.path)).toEqual(["deploy/staging/app.yaml"]);
      expect(result.skipped).toEqual([
        {
          path: "deploy/pipe",
          reason: "not a regular file, directory or symlink (socket, FIFO or device)",
        },
      ]);
    } finally {
      execFileSync("rm", [fifo]);
    }
  });

  it("never descends into the skipped directories (the store inside the root)", async () => {
    const all = await paths(["."], { skipDirectories: [join(root, "store")] });
    expect(all.some((p) => p.startsWith("store/"))).toBe(false);
    expect(all).toContain("README.md");
    // Given relative to the working directory, it is resolved first.
    const relative = await paths(["."], {
      skipDirectories: [relativePath(process.cwd(), join(root, "store"))],
    });
    expect(relative).toEqual(all);
  });

  it("lists excluded files apart, sorted, dot files included", async () => {
    const result = await collect(["deploy"], { exclude: ["**/*.log", "**/.env", "**/sub/**"] });
    expect(result.excluded).toEqual([
      "deploy/prod/.env",
      "deploy/prod/debug.log",
      "deploy/prod/sub/extra.yaml",
    ]);
    for (const path of result.excluded)
      expect(result.files.some((file) => file.path === path)).toBe(false);
    expect(result.files.map((f) => f.path)).toContain("deploy/prod/app.yaml");
  });
});

describe("collectFiles on a Kubernetes ConfigMap mount", () => {
  // The kubelet writes ..<timestamp>/ with the files, ..data -> it, and one link per key.
  const mount = join(work, "configmap");

  beforeAll(() => {
    mkdirSync(join(mount, "..2025_01_02_03_04_05.123"), { recursive: true });
    writeFileSync(join(mount, "..2025_01_02_03_04_05.123/app.yaml"), "replicas: 3\n");
    symlinkSync("..2025_01_02_03_04_05.123", join(mount, "..data"));
    symlinkSync("..data/app.yaml", join(mount, "app.yaml"));
  });

  it("takes names that merely start with '..' as inside the root", async () => {
    const result = await collectFiles({ root: mount, patterns: ["."] });
    expect(result.files.map((f) => [f.path, f.type])).toEqual([
      ["..2025_01_02_03_04_05.123/app.yaml", "file"],
      ["..data", "symlink"],
      ["app.yaml", "symlink"],
    ]);
    expect((await collectFiles({ root: mount, patterns: ["..data"] })).files).toHaveLength(1);
  });
});

describe("collectFiles under a symlinked directory", () => {
  // deploy/linked-dir -> a directory outside the root, holding secret.txt and dir/.
  it("refuses an explicit path that goes through a symlink, naming the link", async () => {
    const error = await collect(["deploy/linked-dir/secret.txt"]).catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({
      code: "UNSAFE_PATH",
      summary: "'deploy/linked-dir/secret.txt' is under the symlink 'deploy/linked-dir'.",
    });
  });

  it("a glob whose base goes through a symlink matches nothing, as the walk would", async () => {
    writeFileSync(join(outside, "dir/inside.txt"), "outside the root");
    expect(await paths(["deploy/linked-dir/dir/*.txt", "deploy/linked-dir/*.txt"])).toEqual([]);
  });
});

describe("empty directories and names that are not UTF-8", () => {
  const tree = join(work, "names");

  beforeAll(() => {
    mkdirSync(join(tree, "conf/empty"), { recursive: true });
    mkdirSync(join(tree, "conf/var/log/app"), { recursive: true });
    mkdirSync(join(tree, "conf/only-temp"), { recursive: true });
    writeFileSync(join(tree, "conf/only-temp", `${TEMP_PREFIX}x`), "");
    mkdirSync(join(tree, "conf/skip-me"), { recursive: true });
    writeFileSync(join(tree, "conf/app.yaml"), "a\n");
    // "caf\xe9.txt" in Latin-1: a name Linux allows and a JSON manifest cannot hold.
    writeFileSync(
      Buffer.concat([Buffer.from(`${tree}/conf/caf`), Buffer.from([0xe9]), Buffer.from(".txt")]),
      "l1\n",
    );
  });

  it("records directories that hold nothing, unless excluded", async () => {
    const result = await collectFiles({
      root: tree,
      patterns: ["conf"],
      exclude: ["conf/skip-me"],
    });
    expect(result.emptyDirectories).toEqual(["conf/empty", "conf/var/log/app"]);
    expect(result.files.map((file) => file.path)).toEqual([
      "conf/app.yaml",
      `conf/only-temp/${TEMP_PREFIX}x`,
    ]);
  });

  it("skips a name that is not valid UTF-8 with a warning naming it escaped, instead of failing", async () => {
    const result = await collectFiles({ root: tree, patterns: ["conf"] });
    expect(result.skipped).toEqual([
      {
        path: "conf/caf\\xe9.txt",
        reason:
          "the name is not valid UTF-8, which a manifest cannot record; rename it to snapshot it",
      },
    ]);
  });
});

describe("collectFiles with hostile globs", () => {
  it("matches path and exclude globs in linear time (many stars against a long name)", async () => {
    const hostile = join(work, "hostile");
    const name = "a".repeat(250);
    mkdirSync(join(hostile, "d"), { recursive: true });
    writeFileSync(join(hostile, "d", name), "x");
    writeFileSync(join(hostile, "d", `${name}b`), "x");
    const result = await collectFiles({
      root: hostile,
      patterns: [`d/${"*a".repeat(7)}*`],
      exclude: [`**/${"*a".repeat(7)}b`],
    });
    expect(result.files.map((file) => file.path)).toEqual([`d/${name}`]);
    expect(result.excluded).toEqual([`d/${name}b`]);
  });
});
