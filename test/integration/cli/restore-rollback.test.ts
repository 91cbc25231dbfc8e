import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { runCli, spawnCli } from "../../helpers/run-cli.js";
import { tempDir } from "../../helpers/temp-dir.js";

/** A real tree as a server holds it, snapshotted and restored with the CLI. */
describe("restore: links, empty directories, dry run, --delete, the target itself", () => {
  const work = tempDir();
  let verifyKey = "";
  const cli = (...args: string[]) => runCli(args, { cwd: work });
  const restore = (to: string, ...args: string[]) =>
    cli(
      "restore",
      "latest",
      "--env",
      "prod",
      "--store",
      "store",
      "--identity",
      "id.txt",
      "--verify-key",
      verifyKey,
      "--to",
      to,
      ...args,
    );

  beforeAll(async () => {
    await cli("keygen", "--out", "id.txt");
    const recipient = readFileSync(join(work, "id.txt"), "utf8").match(/age1[0-9a-z]+/)?.[0];
    verifyKey = (await cli("keygen", "--writer", "--out", "w.key")).stdout.trim();
    const tree = join(work, "tree");
    mkdirSync(join(tree, "etc"), { recursive: true });
    mkdirSync(join(tree, "conf"), { recursive: true });
    mkdirSync(join(tree, "spool/in"), { recursive: true });
    writeFileSync(join(tree, "conf/app.yaml"), "replicas: 2\n");
    writeFileSync(join(tree, "conf/db.yaml"), "pool: 5\n");
    symlinkSync("/usr/share/zoneinfo/UTC", join(tree, "etc/localtime"));
    symlinkSync("app.yaml", join(tree, "conf/current.yaml"));
    // A Latin-1 name: skipped with a warning, the rest is snapshotted.
    writeFileSync(Buffer.from(`${tree}/conf/caf\xe9.txt`, "latin1"), "l1\n");
    const snap = await cli(
      "snapshot",
      "--store",
      "store",
      "--env",
      "prod",
      "--phase",
      "manual",
      "--recipient",
      recipient as string,
      "--writer-key",
      "w.key",
      "--root",
      "tree",
      ".",
    );
    expect(snap.code).toBe(0);
    expect(snap.stderr).toContain(
      "warning: skipped conf/caf\\xe9.txt: the name is not valid UTF-8",
    );
  });

  it("restores an absolute symlink as a link (with a warning) and the empty directory", async () => {
    const run = await restore("fresh");
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      "warning: etc/localtime is restored as a link, but it points to the absolute path /usr/share/zoneinfo/UTC",
    );
    expect(run.stdout).toContain(": 2 files, 2 symlinks, 1 empty directory, ");
    expect(readlinkSync(join(work, "fresh/etc/localtime"))).toBe("/usr/share/zoneinfo/UTC");
    expect(lstatSync(join(work, "fresh/spool/in")).isDirectory()).toBe(true);
    expect(readdirSync(join(work, "fresh/spool/in"))).toEqual([]);
  });

  it("a dry run names what differs and what is extra; --delete removes the extras after a dry run", async () => {
    const target = join(work, "live");
    expect((await restore("live")).code).toBe(0);
    chmodSync(join(target, "conf/app.yaml"), 0o600);
    unlinkSync(join(target, "conf/current.yaml"));
    symlinkSync("db.yaml", join(target, "conf/current.yaml"));
    writeFileSync(join(target, "conf/new.yaml"), "added after the snapshot\n");
    writeFileSync(join(target, "notes.txt"), "the operator's\n");
    const dry = await restore("live", "--dry-run");
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain("update    conf/app.yaml (mode)\n");
    expect(dry.stdout).toContain("update    conf/current.yaml (target)\n");
    expect(dry.stdout).toContain("extra     conf/new.yaml\n");
    // The root holds snapshot files (etc, conf, spool are directories): notes.txt is not in scope.
    expect(dry.stdout).not.toContain("notes.txt");
    expect(dry.stdout).toContain(
      "0 to create, 2 to update, 2 unchanged, 1 in the target but not in the snapshot (kept; --delete removes them). Nothing was written.",
    );
    const json = (await restore("live", "--dry-run", "--delete", "--json")).json() as {
      plan: Array<{ path: string; action: string; changes?: string[] }>;
    };
    expect(json.plan.filter((p) => p.action !== "unchanged")).toEqual([
      { path: "conf/app.yaml", action: "update", changes: ["mode"] },
      { path: "conf/current.yaml", action: "update", changes: ["target"] },
      { path: "conf/new.yaml", action: "delete" },
    ]);
    const refused = await restore("live", "--delete");
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain("--delete removes files from the target: it needs --force.");
    expect(existsSync(join(target, "conf/new.yaml"))).toBe(true);
    const real = await restore("live", "--force", "--delete");
    expect(real.code).toBe(0);
    expect(real.stdout).toContain("deleted   conf/new.yaml\n");
    expect(existsSync(join(target, "conf/new.yaml"))).toBe(false);
    expect(lstatSync(join(target, "conf/app.yaml")).mode & 0o777).toBe(0o644);
    expect(readlinkSync(join(target, "conf/current.yaml"))).toBe("app.yaml");
    expect(readFileSync(join(target, "notes.txt"), "utf8")).toBe("the operator's\n");
  });

  it("--force into a target that is a symlink is refused; nothing is written where it points", async () => {
    mkdirSync(join(work, "real-dir"));
    symlinkSync(join(work, "real-dir"), join(work, "via-link"));
    const run = await restore("via-link", "--force");
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `is not a directory (it is a symlink, to ${join(work, "real-dir")})`,
    );
    expect(readdirSync(join(work, "real-dir"))).toEqual([]);
  });

  it("a wrong identity leaves no directory behind (bundled CLI), so the retry works", async () => {
    await cli("keygen", "--out", "other.txt");
    const env = { PATH: process.env.PATH };
    const args = (identity: string) => [
      "restore",
      "latest",
      "--env",
      "prod",
      "--store",
      "store",
      "--identity",
      identity,
      "--verify-key",
      verifyKey,
      "--to",
      "retry/deep/target",
    ];
    const wrong = await spawnCli(args("other.txt"), { cwd: work, env });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain("Nothing was restored.");
    expect(existsSync(join(work, "retry/deep/target"))).toBe(false);
    const right = await spawnCli(args("id.txt"), { cwd: work, env });
    expect(right.code).toBe(0);
  });
});
