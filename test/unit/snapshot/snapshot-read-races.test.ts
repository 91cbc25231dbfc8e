import { execFileSync } from "node:child_process";
import {
  appendFileSync,
  mkdirSync,
  readFileSync,
  renameSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { LocalDirStore } from "../../../core/store/local-dir-store.js";
import type { CreateSnapshotOptions } from "../../../core/snapshot/create-snapshot.js";
import { loadSnapshot } from "../../../core/snapshot/load-snapshot.js";
import { readRegularFile } from "../../../core/snapshot/read-regular-file.js";
import { resolveSnapshot } from "../../../core/snapshot/resolve-snapshot.js";
import { restoreSnapshot } from "../../../core/snapshot/restore-snapshot.js";
import type { RegularFileEntry } from "../../../core/types.js";
import { makeKeys, type TestKeys } from "../../helpers/keys.js";
import { snapshotDeploy } from "../../helpers/snapshot-deploy.js";
import { tempDir } from "../../helpers/temp-dir.js";

const work = tempDir();
const secret = join(work, "outside-secret.txt");
let keys: TestKeys;
let count = 0;

beforeAll(async () => {
  keys = await makeKeys();
  writeFileSync(secret, "OUTSIDE-SECRET\n");
});

/** A fresh tree of two files, and a store for it. */
function fixture(): { root: string; store: LocalDirStore } {
  const root = join(work, `tree${++count}`);
  mkdirSync(join(root, "deploy"), { recursive: true });
  writeFileSync(join(root, "deploy/app.yaml"), "replicas: 3\n");
  writeFileSync(join(root, "deploy/db.yaml"), "pool: 5\n");
  return { root, store: new LocalDirStore(join(work, `store${count}`)) };
}

/** A snapshot whose files are changed by `change` after the walk's lstat, before they are read. */
const snapshotChangedAfterWalk = (
  root: string,
  store: LocalDirStore,
  change: () => void,
  extra: Partial<CreateSnapshotOptions> = {},
) => {
  let changed = false;
  return snapshotDeploy(store, root, keys, {
    onProgress: (progress) => {
      // The walk reports its count before any file is read.
      if (progress.stage === "scan" && progress.total > 0 && !changed) {
        changed = true;
        change();
      }
    },
    ...extra,
  });
};

describe("a file that grows between the walk and the read", () => {
  it("records the size of the bytes read, and the snapshot restores", async () => {
    const { root, store } = fixture();
    const grown = "replicas: 3\n" + "# appended while the snapshot ran\n".repeat(50);
    const result = await snapshotChangedAfterWalk(root, store, () =>
      appendFileSync(join(root, "deploy/app.yaml"), grown.slice("replicas: 3\n".length)),
    );
    const entry = result.manifest?.files.find(
      (file) => file.path === "deploy/app.yaml",
    ) as RegularFileEntry;
    expect(entry.size).toBe(Buffer.byteLength(grown));

    const target = join(root, "..", `restored${count}`);
    const restored = await restoreSnapshot({
      store,
      snapshot: await loadSnapshot(store, await resolveSnapshot(store, "prod@1")),
      opener: keys.opener,
      trustedKeys: [keys.verifyKey],
      target,
    });
    expect(restored.files).toBe(2);
    expect(readFileSync(join(target, "deploy/app.yaml"), "utf8")).toBe(grown);
  });
});

describe("an entry swapped after the walk's lstat", () => {
  it("a symlink to an outside secret: refused as CONFLICT, nothing committed, the secret not read", async () => {
    const { root, store } = fixture();
    await expect(
      snapshotChangedAfterWalk(root, store, () => {
        unlinkSync(join(root, "deploy/db.yaml"));
        symlinkSync(secret, join(root, "deploy/db.yaml"));
      }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      summary: "deploy/db.yaml became a symlink while the snapshot was being taken.",
    });
    expect(await store.listStreams()).toEqual([]);
  });

  it("another regular file renamed over it: refused as CONFLICT (a different inode)", async () => {
    const { root, store } = fixture();
    await expect(
      snapshotChangedAfterWalk(root, store, () => {
        writeFileSync(join(root, "other.yaml"), "pool: 500\n");
        renameSync(join(root, "other.yaml"), join(root, "deploy/db.yaml"));
      }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      summary:
        "deploy/db.yaml was replaced (or a directory above it was) while the snapshot was being taken.",
    });
    expect(await store.listStreams()).toEqual([]);
  });

  it("a directory above it swapped for a link to outside: refused as CONFLICT", async () => {
    const { root, store } = fixture();
    const outside = join(work, `outside${count}`);
    mkdirSync(outside);
    writeFileSync(join(outside, "app.yaml"), "OUTSIDE-SECRET\n");
    writeFileSync(join(outside, "db.yaml"), "OUTSIDE-SECRET\n");
    await expect(
      snapshotChangedAfterWalk(root, store, () => {
        renameSync(join(root, "deploy"), join(root, "moved"));
        symlinkSync(outside, join(root, "deploy"));
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await store.listStreams()).toEqual([]);
  });

  it("a FIFO: refused as CONFLICT without blocking on the open", async () => {
    const { root, store } = fixture();
    await expect(
      snapshotChangedAfterWalk(root, store, () => {
        unlinkSync(join(root, "deploy/db.yaml"));
        execFileSync("mkfifo", [join(root, "deploy/db.yaml")]);
      }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      summary: "deploy/db.yaml stopped being a regular file while the snapshot was being taken.",
    });
    expect(await store.listStreams()).toEqual([]);
  });
});

describe("readRegularFile", () => {
  it("reads again when the file changes during the read, returning bytes and stat that agree", () => {
    const path = join(work, "changing.txt");
    writeFileSync(path, "one\n");
    let reads = 0;
    const { content, stat } = readRegularFile(path, "changing.txt", {
      afterRead: () => {
        if (++reads === 1) appendFileSync(path, "two\n");
      },
    });
    expect(reads).toBe(2);
    expect(content.toString()).toBe("one\ntwo\n");
    expect(stat.size).toBe(content.length);
  });

  it("refuses a file that keeps changing, after three reads", () => {
    const path = join(work, "busy.txt");
    writeFileSync(path, "x");
    let reads = 0;
    expect(() =>
      readRegularFile(path, "busy.txt", {
        afterRead: () => {
          reads++;
          appendFileSync(path, "x");
        },
      }),
    ).toThrow(
      expect.objectContaining({
        code: "CONFLICT",
        summary: "busy.txt kept changing while the snapshot was being taken.",
      }),
    );
    expect(reads).toBe(3);
  });

  it("refuses a file that grows past the limit while read", () => {
    const path = join(work, "large.txt");
    writeFileSync(path, "y".repeat(3000));
    expect(() => readRegularFile(path, "large.txt", { maxBytes: 2048 })).toThrow(
      expect.objectContaining({ code: "TOO_LARGE" }),
    );
  });

  it("reads an empty file", () => {
    const path = join(work, "empty.txt");
    writeFileSync(path, "");
    expect(readRegularFile(path, "empty.txt").content.length).toBe(0);
  });

  it("refuses a FIFO without blocking, and a symlink without following it", () => {
    const fifo = join(work, "pipe");
    execFileSync("mkfifo", [fifo]);
    expect(() => readRegularFile(fifo, "pipe")).toThrow(
      expect.objectContaining({ code: "UNSAFE_PATH" }),
    );
    const link = join(work, "link");
    symlinkSync(secret, link);
    expect(() => readRegularFile(link, "link")).toThrow(
      expect.objectContaining({ code: "CONFLICT" }),
    );
  });
});
