import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { LocalDirStore } from "../../../core/store/local-dir-store.js";
import { createSnapshot } from "../../../core/snapshot/create-snapshot.js";
import { loadSnapshot, type LoadedSnapshot } from "../../../core/snapshot/load-snapshot.js";
import { resolveSnapshot } from "../../../core/snapshot/resolve-snapshot.js";
import { restoreSnapshot, type RestoreOptions } from "../../../core/snapshot/restore-snapshot.js";
import { probeNameFolding } from "../../../core/snapshot/probe-name-folding.js";
import { commitCraftedManifest } from "../../helpers/craft-manifest.js";
import { makeKeys, type TestKeys } from "../../helpers/keys.js";
import { tempDir } from "../../helpers/temp-dir.js";

const work = tempDir();
const store = new LocalDirStore(join(work, "store"));
let keys: TestKeys;
let count = 0;
const newTarget = (): string => join(work, `target${++count}`);

const restore = (snapshot: LoadedSnapshot, target: string, extra: Partial<RestoreOptions> = {}) =>
  restoreSnapshot({
    store,
    snapshot,
    opener: keys.opener,
    trustedKeys: [keys.verifyKey],
    target,
    ...extra,
  });

async function snapshotOf(stream: string, build: (tree: string) => void) {
  const tree = join(work, `tree-${stream}`);
  mkdirSync(tree);
  build(tree);
  await createSnapshot({
    store,
    root: tree,
    paths: ["."],
    stream,
    phase: "manual",
    recipients: [keys.age.recipient],
    writerKey: keys.writer,
  });
  return loadSnapshot(store, await resolveSnapshot(store, `${stream}@1`));
}

beforeAll(async () => {
  keys = await makeKeys();
});

describe("symlinks are restored as links, whatever their target", () => {
  let links: LoadedSnapshot;
  beforeAll(async () => {
    links = await snapshotOf("links", (tree) => {
      mkdirSync(join(tree, "etc"));
      mkdirSync(join(tree, "sites-enabled"));
      mkdirSync(join(tree, "conf"));
      symlinkSync("/usr/share/zoneinfo/UTC", join(tree, "etc/localtime"));
      symlinkSync("/etc/nginx/sites-available/x", join(tree, "sites-enabled/x"));
      symlinkSync("../../outside", join(tree, "conf/up"));
      writeFileSync(join(tree, "conf/app.yaml"), "a: 1\n");
    });
  });

  it("restores absolute and escaping links, with a warning for each", async () => {
    const target = newTarget();
    const result = await restore(links, target);
    expect(readlinkSync(join(target, "etc/localtime"))).toBe("/usr/share/zoneinfo/UTC");
    expect(readlinkSync(join(target, "sites-enabled/x"))).toBe("/etc/nginx/sites-available/x");
    expect(readlinkSync(join(target, "conf/up"))).toBe("../../outside");
    expect(readFileSync(join(target, "conf/app.yaml"), "utf8")).toBe("a: 1\n");
    expect(result.warnings).toEqual([
      { path: "conf/up", reason: "it points outside the restore directory (../../outside)" },
      { path: "etc/localtime", reason: "it points to the absolute path /usr/share/zoneinfo/UTC" },
      {
        path: "sites-enabled/x",
        reason: "it points to the absolute path /etc/nginx/sites-available/x",
      },
    ]);
    expect(existsSync(join(work, "outside"))).toBe(false);
  });

  it("--include considers only what it selects", async () => {
    const target = newTarget();
    const result = await restore(links, target, { include: ["conf/app.yaml"] });
    expect(result.warnings).toEqual([]);
    expect(readdirSync(target)).toEqual(["conf"]);
  });

  it("never writes through a link, even one the snapshot restores (--force over an old tree)", async () => {
    const target = newTarget();
    const outside = join(work, "outside-force");
    mkdirSync(outside);
    mkdirSync(join(target, "conf"), { recursive: true });
    // What an earlier restore left: the link is replaced as a link, nothing is written below it.
    symlinkSync(outside, join(target, "conf/up"));
    await restore(links, target, { overwrite: true });
    expect(readlinkSync(join(target, "conf/up"))).toBe("../../outside");
    expect(readdirSync(outside)).toEqual([]);
  });
});

describe("names only some file systems cannot hold", () => {
  let names: LoadedSnapshot;
  beforeAll(async () => {
    names = await snapshotOf("names", (tree) => {
      writeFileSync(join(tree, "Makefile"), "upper\n");
      writeFileSync(join(tree, "makefile"), "lower\n");
      writeFileSync(join(tree, "caf\u00e9"), "nfc\n");
      writeFileSync(join(tree, "cafe\u0301"), "nfd\n");
      writeFileSync(join(tree, "a\\b"), "backslash\n");
      writeFileSync(join(tree, "plain.txt"), "plain\n");
    });
  });

  it("restore where the target tells them apart (probed)", async () => {
    const folding = await probeNameFolding(work);
    // The probe agrees with what the file system does, and leaves nothing behind.
    writeFileSync(join(work, "Probe-Check"), "");
    expect(folding.caseSensitive).toBe(!existsSync(join(work, "probe-check")));
    expect(readdirSync(work).filter((name) => name.startsWith(".snapgate-tmp-"))).toEqual([]);
    if (!folding.caseSensitive || !folding.normalizationSensitive) return;
    const target = newTarget();
    await restore(names, target);
    expect(readFileSync(join(target, "makefile"), "utf8")).toBe("lower\n");
    expect(readFileSync(join(target, "Makefile"), "utf8")).toBe("upper\n");
    expect(readFileSync(join(target, "cafe\u0301"), "utf8")).toBe("nfd\n");
    expect(readFileSync(join(target, "a\\b"), "utf8")).toBe("backslash\n");
  });

  it("where it does not, lists every name it cannot hold and writes nothing; --exclude restores the rest", async () => {
    const target = newTarget();
    const mac = { caseSensitive: false, normalizationSensitive: false, windows: false };
    const error = await restore(names, target, { nameFolding: mac }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: "UNSAFE_PATH",
      details: {
        problems: [
          { path: "caf\u00e9", reason: "'caf\u00e9' and 'cafe\u0301' are one name there" },
          { path: "makefile", reason: "'makefile' and 'Makefile' are one name there" },
        ],
      },
    });
    expect((error as Error).message).toContain("--exclude 'caf\u00e9'");
    expect(existsSync(target)).toBe(false);
    const result = await restore(names, target, {
      nameFolding: mac,
      exclude: ["makefile", "caf\u00e9"],
    });
    expect(result.files).toBe(4);
    expect(lstatSync(join(target, "plain.txt")).isFile()).toBe(true);
  });
});

describe("files the snapshot does not have", () => {
  let conf: LoadedSnapshot;
  beforeAll(async () => {
    conf = await snapshotOf("extras", (tree) => {
      mkdirSync(join(tree, "conf/sub"), { recursive: true });
      writeFileSync(join(tree, "conf/a.yaml"), "a: 1\n");
      writeFileSync(join(tree, "conf/sub/b.yaml"), "b: 1\n");
    });
  });

  function deployed(): string {
    const target = newTarget();
    mkdirSync(join(target, "conf/newdir"), { recursive: true });
    mkdirSync(join(target, "conf/sub"), { recursive: true });
    writeFileSync(join(target, "conf/a.yaml"), "a: 2\n");
    writeFileSync(join(target, "conf/new.yaml"), "new\n");
    writeFileSync(join(target, "conf/newdir/x.yaml"), "x\n");
    writeFileSync(join(target, "conf/sub/c.yaml"), "c\n");
    writeFileSync(join(target, "mine.txt"), "not the snapshot's business\n");
    return target;
  }

  it("are listed (dry run and --force), only inside the directories the snapshot restores", async () => {
    const target = deployed();
    const extras = [
      { path: "conf/new.yaml", action: "extra" },
      { path: "conf/newdir/", action: "extra" },
      { path: "conf/newdir/x.yaml", action: "extra" },
      { path: "conf/sub/c.yaml", action: "extra" },
    ];
    const dry = await restore(conf, target, { dryRun: true });
    expect(dry.plan.filter((p) => p.action === "extra")).toEqual(extras);
    const forced = await restore(conf, target, { overwrite: true });
    expect(forced.plan.filter((p) => p.action === "extra")).toEqual(extras);
    expect(forced.deleted).toBe(0);
    expect(readFileSync(join(target, "conf/new.yaml"), "utf8")).toBe("new\n");
  });

  it("--delete: a dry run lists them, then --force removes them and nothing else", async () => {
    const target = deployed();
    const dry = await restore(conf, target, { dryRun: true, deleteExtra: true });
    expect(dry.plan.filter((p) => p.action === "delete").map((p) => p.path)).toEqual([
      "conf/new.yaml",
      "conf/newdir/",
      "conf/newdir/x.yaml",
      "conf/sub/c.yaml",
    ]);
    expect(existsSync(join(target, "conf/new.yaml"))).toBe(true);
    await expect(restore(conf, target, { deleteExtra: true })).rejects.toMatchObject({
      code: "USAGE",
    });
    const result = await restore(conf, target, { overwrite: true, deleteExtra: true });
    expect(result.deleted).toBe(4);
    expect(readdirSync(join(target, "conf")).sort()).toEqual(["a.yaml", "sub"]);
    expect(readdirSync(join(target, "conf/sub"))).toEqual(["b.yaml"]);
    expect(readFileSync(join(target, "conf/a.yaml"), "utf8")).toBe("a: 1\n");
    expect(readFileSync(join(target, "mine.txt"), "utf8")).toBe("not the snapshot's business\n");
  });

  it("--delete with --include removes only what the globs select", async () => {
    const target = deployed();
    const result = await restore(conf, target, {
      overwrite: true,
      deleteExtra: true,
      include: ["conf/sub/**"],
    });
    expect(result.plan).toEqual([
      { path: "conf/sub/b.yaml", action: "create" },
      { path: "conf/sub/c.yaml", action: "delete" },
    ]);
    expect(existsSync(join(target, "conf/new.yaml"))).toBe(true);
    expect(existsSync(join(target, "conf/sub/c.yaml"))).toBe(false);
  });
});

describe("empty directories", () => {
  it("are recorded by a snapshot and made by its restore; older manifests have none", async () => {
    const snapshot = await snapshotOf("empty", (tree) => {
      mkdirSync(join(tree, "conf/empty"), { recursive: true });
      mkdirSync(join(tree, "spool/in"), { recursive: true });
      writeFileSync(join(tree, "conf/app.yaml"), "a\n");
    });
    expect(snapshot.manifest.emptyDirectories).toEqual(["conf/empty", "spool/in"]);
    const target = newTarget();
    await restore(snapshot, target);
    expect(readdirSync(join(target, "conf")).sort()).toEqual(["app.yaml", "empty"]);
    expect(readdirSync(join(target, "spool/in"))).toEqual([]);
    const none = await snapshotOf("no-empty", (tree) => writeFileSync(join(tree, "a"), "a\n"));
    expect("emptyDirectories" in none.manifest).toBe(false);
  });

  it("recorded in the manifest are restored; the dry run lists them", async () => {
    const seed = await snapshotOf("seed", (tree) => writeFileSync(join(tree, "app.yaml"), "x\n"));
    await commitCraftedManifest(
      store,
      keys.writer,
      "dirs",
      seed.manifest.files,
      [keys.age.recipient],
      undefined,
      {
        emptyDirectories: ["var/log/app", "conf/empty"],
        ...(seed.manifest.recipientSets ? { recipientSets: seed.manifest.recipientSets } : {}),
      },
    );
    const snapshot = await loadSnapshot(store, await resolveSnapshot(store, "dirs@1"));
    const target = newTarget();
    const dry = await restore(snapshot, target, { dryRun: true });
    expect(dry.plan).toEqual([
      { path: "app.yaml", action: "create" },
      { path: "conf/empty/", action: "create" },
      { path: "var/log/app/", action: "create" },
    ]);
    const result = await restore(snapshot, target);
    expect(result.directories).toBe(2);
    expect(readdirSync(join(target, "var/log/app"))).toEqual([]);
    expect(readdirSync(join(target, "conf/empty"))).toEqual([]);
  });
});
