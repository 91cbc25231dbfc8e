import { join } from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import {
  diffFileStates,
  isEmptyDiff,
  type FileState,
} from "../../../core/snapshot/diff-file-states.js";
import { diffSnapshots } from "../../../core/snapshot/diff-snapshots.js";
import { readCatalog } from "../../../core/snapshot/read-catalog.js";
import { LocalDirStore } from "../../../core/store/local-dir-store.js";
import type { FileEntry } from "../../../core/types.js";
import { commitCraftedManifest } from "../../helpers/craft-manifest.js";
import { makeKeys, type TestKeys } from "../../helpers/keys.js";
import { tempDir } from "../../helpers/temp-dir.js";

const f = (path: string, blob: string, mode?: number): FileState => ({
  path,
  type: "file",
  blob,
  ...(mode === undefined ? {} : { mode }),
});
const l = (path: string, target: string): FileState => ({ path, type: "symlink", target });

describe("diffFileStates", () => {
  it("sorts files into added, removed, changed (with every kind) and unchanged", () => {
    const before = [
      f("same", "1", 0o644),
      f("content", "1", 0o644),
      f("mode", "1", 0o644),
      f("both", "1", 0o644),
      f("to-link", "1"),
      l("link", "a"),
      l("same-link", "a"),
      f("gone", "1"),
    ];
    const after = [
      f("same", "1", 0o644),
      f("content", "2", 0o644),
      f("mode", "1", 0o755),
      f("both", "2", 0o600),
      l("to-link", "content"),
      l("link", "b"),
      l("same-link", "a"),
      f("new", "3"),
    ];
    const diff = diffFileStates(before, after);
    expect(diff.added).toEqual([f("new", "3")]);
    expect(diff.removed).toEqual([f("gone", "1")]);
    expect(diff.changed.map((c) => [c.path, c.kinds])).toEqual([
      ["content", ["content"]],
      ["mode", ["mode"]],
      ["both", ["content", "mode"]],
      ["to-link", ["type"]],
      ["link", ["target"]],
    ]);
    expect(diff.changed[0]).toMatchObject({
      before: f("content", "1", 0o644),
      after: f("content", "2", 0o644),
    });
    expect(diff.unchanged).toBe(2);
    expect(isEmptyDiff(diff)).toBe(false);
  });

  it("a missing mode counts as 0, and identical lists are an empty diff", () => {
    expect(diffFileStates([f("a", "1")], [f("a", "1", 0)]).unchanged).toBe(1);
    expect(diffFileStates([f("a", "1")], [f("a", "1", 0o644)]).changed).toHaveLength(1);
    expect(
      isEmptyDiff(diffFileStates([f("a", "1"), l("b", "a")], [l("b", "a"), f("a", "1")])),
    ).toBe(true);
    expect(isEmptyDiff(diffFileStates([f("a", "1")], []))).toBe(false);
    expect(isEmptyDiff(diffFileStates([], [f("a", "1")]))).toBe(false);
  });
});

describe("diffSnapshots", () => {
  const work = tempDir();
  const store = new LocalDirStore(join(work, "store"));
  let keys: TestKeys;
  const link = (path: string, target: string): FileEntry => ({ type: "symlink", path, target });

  beforeAll(async () => {
    keys = await makeKeys();
    const commit = (stream: string, files: FileEntry[]) =>
      commitCraftedManifest(store, keys.writer, stream, files, [keys.age.recipient]);
    await commit("prod", [link("a", "1"), link("b", "1")]);
    await commit("prod", [link("a", "2"), link("c", "1")]);
    await commit("staging", [link("a", "1")]);
  });

  it("compares a snapshot with the one before it by default", async () => {
    const [first, second] = await readCatalog(store, "prod");
    const diff = await diffSnapshots(store, second as NonNullable<typeof second>);
    expect(diff.from).toEqual({ id: first?.id, stream: "prod", seq: 1 });
    expect(diff.to).toEqual({ id: second?.id, stream: "prod", seq: 2 });
    expect(diff.added.map((s) => s.path)).toEqual(["c"]);
    expect(diff.removed.map((s) => s.path)).toEqual(["b"]);
    expect(diff.changed.map((c) => [c.path, c.kinds])).toEqual([["a", ["target"]]]);
  });

  it("the first snapshot of a stream is all added", async () => {
    const [first] = await readCatalog(store, "prod");
    const diff = await diffSnapshots(store, first as NonNullable<typeof first>);
    expect(diff.from).toBeNull();
    expect(diff.added.map((s) => s.path)).toEqual(["a", "b"]);
  });

  it("compares across streams when both are named", async () => {
    const [staging] = await readCatalog(store, "staging");
    const [prod] = await readCatalog(store, "prod");
    const diff = await diffSnapshots(
      store,
      staging as NonNullable<typeof staging>,
      prod as NonNullable<typeof prod>,
    );
    expect(diff.from?.stream).toBe("prod");
    expect(diff.removed.map((s) => s.path)).toEqual(["b"]);
    expect(diff.unchanged).toBe(1);
  });

  it("says to name both snapshots when the one before is not in the catalog", async () => {
    const [, second] = await readCatalog(store, "prod");
    const orphan = { ...(second as NonNullable<typeof second>), seq: 5 };
    await expect(diffSnapshots(store, orphan)).rejects.toMatchObject({
      code: "NOT_FOUND",
      summary: "The snapshot before prod@5 is missing.",
    });
  });
});
