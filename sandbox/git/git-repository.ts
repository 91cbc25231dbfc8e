import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { deflateSync } from "node:zlib";
import { randomBytes } from "node:crypto";
import { BatchObjectReader, type GitObject } from "./batch-object-reader.js";
import { encodePack } from "./encode-pack.js";
import { looseObject, type GitObjectType } from "./loose-object.js";
import { parseCommit, type CommitObject } from "./commit-object.js";
import { parseTree, type TreeObjectEntry } from "./tree-object.js";
import { runGit } from "./run-git.js";

const OID = /^[0-9a-f]{40}$/;
/** From this many objects on, one packfile is cheaper than loose files. */
const PACK_THRESHOLD = 32;

/**
 * A bare git repository on disk. Objects are written in git's own formats
 * (loose: zlib of "<type> <size>\0<content>", named by SHA-1; or a packfile
 * checked by `git index-pack`), so `git fsck` and `git clone` see real
 * objects; refs move through
 * `git update-ref` with the expected old value, which is git's own
 * compare-and-swap.
 */
export class GitRepository {
  private readonly reader: BatchObjectReader;
  private lockTail: Promise<unknown> = Promise.resolve();
  /** Object fan-out directories known to exist (saves a mkdir per object). */
  private readonly objectDirectories = new Set<string>();

  private constructor(readonly gitDir: string) {
    this.reader = new BatchObjectReader(gitDir);
  }

  static async create(gitDir: string, defaultBranch: string): Promise<GitRepository> {
    mkdirSync(gitDir, { recursive: true });
    await runGit(gitDir, ["init", "--quiet", "--bare", `--initial-branch=${defaultBranch}`], {
      check: true,
    });
    // Lets `git http-backend` serve the repository read-only over smart HTTP.
    await runGit(gitDir, ["config", "http.receivepack", "false"], { check: true });
    return new GitRepository(gitDir);
  }

  static isObjectId(value: string): boolean {
    return OID.test(value);
  }

  write(type: GitObjectType, content: Buffer): string {
    const { oid, stored } = looseObject(type, content);
    const directory = join(this.gitDir, "objects", oid.slice(0, 2));
    const file = join(directory, oid.slice(2));
    if (existsSync(file)) return oid;
    if (!this.objectDirectories.has(directory)) {
      mkdirSync(directory, { recursive: true });
      this.objectDirectories.add(directory);
    }
    const temporary = join(directory, `tmp_obj_${randomBytes(6).toString("hex")}`);
    writeFileSync(temporary, deflateSync(stored), { mode: 0o444 });
    renameSync(temporary, file);
    return oid;
  }

  /**
   * Writes many objects at once: loose below a few dozen, else as one
   * packfile through `git index-pack`, which also checks every object. The
   * running `git cat-file` finds new packs on its own.
   */
  async writeAll(objects: readonly { type: GitObjectType; content: Buffer }[]): Promise<void> {
    if (objects.length < PACK_THRESHOLD) {
      for (const object of objects) this.write(object.type, object.content);
      return;
    }
    await runGit(this.gitDir, ["index-pack", "--stdin"], {
      check: true,
      input: encodePack(objects),
    });
  }

  read(revision: string): Promise<GitObject | null> {
    return this.reader.read(revision);
  }

  async readCommit(oid: string): Promise<CommitObject | null> {
    const object = OID.test(oid) ? await this.read(oid) : null;
    return object?.type === "commit" ? parseCommit(object.content) : null;
  }

  async readTree(oid: string): Promise<TreeObjectEntry[] | null> {
    const object = OID.test(oid) ? await this.read(oid) : null;
    return object?.type === "tree" ? parseTree(object.content) : null;
  }

  async objectType(oid: string): Promise<GitObjectType | null> {
    if (!OID.test(oid)) return null;
    return (await this.read(oid))?.type ?? null;
  }

  /** The object a full ref name ("refs/heads/main") points to, or null. */
  readRef(ref: string): string | null {
    const loose = join(this.gitDir, ref);
    if (existsSync(loose)) {
      const value = readFileSync(loose, "utf8").trim();
      if (OID.test(value)) return value;
    }
    const packed = join(this.gitDir, "packed-refs");
    if (!existsSync(packed)) return null;
    for (const line of readFileSync(packed, "utf8").split("\n")) {
      const [oid, name] = line.split(" ");
      if (name === ref && oid && OID.test(oid)) return oid;
    }
    return null;
  }

  /** A repository without branches or tags is empty; GitHub's Git Data API refuses those with 409. */
  isEmpty(): boolean {
    const hasRefFile = (directory: string): boolean =>
      existsSync(directory) &&
      readdirSync(directory, { withFileTypes: true }).some((entry) =>
        entry.isDirectory() ? hasRefFile(join(directory, entry.name)) : true,
      );
    if (
      hasRefFile(join(this.gitDir, "refs", "heads")) ||
      hasRefFile(join(this.gitDir, "refs", "tags"))
    ) {
      return false;
    }
    const packed = join(this.gitDir, "packed-refs");
    return !existsSync(packed) || !/ refs\/(heads|tags)\//.test(readFileSync(packed, "utf8"));
  }

  async listRefs(prefix = "refs/"): Promise<{ ref: string; oid: string }[]> {
    const result = await runGit(
      this.gitDir,
      ["for-each-ref", "--format=%(objectname) %(refname)", prefix],
      { check: true },
    );
    return result.stdout
      .split("\n")
      .filter(Boolean)
      .map((line) => {
        const [oid, ref] = line.split(" ");
        return { oid: oid!, ref: ref! };
      });
  }

  /**
   * Moves `ref` from `expected` (null: must not exist) to `next` (null: delete).
   * Returns false when the ref was not at `expected`.
   */
  async compareAndSwapRef(ref: string, expected: string | null, next: string | null) {
    const zero = "0".repeat(40);
    const args =
      next === null
        ? ["update-ref", "-d", ref, expected ?? zero]
        : ["update-ref", ref, next, expected ?? zero];
    return (await runGit(this.gitDir, args)).code === 0;
  }

  async isAncestor(ancestor: string, descendant: string): Promise<boolean> {
    const result = await runGit(this.gitDir, ["merge-base", "--is-ancestor", ancestor, descendant]);
    return result.code === 0;
  }

  /** The commits reachable from `oid` that no ref reaches yet: what a move to it adds. */
  async commitsNotOnAnyRef(oid: string): Promise<string[]> {
    const result = await runGit(this.gitDir, ["rev-list", oid, "--not", "--all"], { check: true });
    return result.stdout.split("\n").filter(Boolean);
  }

  async setDefaultBranch(branch: string): Promise<void> {
    await runGit(this.gitDir, ["symbolic-ref", "HEAD", `refs/heads/${branch}`], { check: true });
  }

  /** Runs `task` after every earlier task of this repository: ref updates are serialised like GitHub's. */
  withLock<T>(task: () => Promise<T>): Promise<T> {
    const run = this.lockTail.then(task, task);
    this.lockTail = run.catch(() => undefined);
    return run;
  }

  close(): void {
    this.reader.close();
  }
}
