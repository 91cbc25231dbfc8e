import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import { listSnapshots, matchesFilter } from "../../../core/snapshot/list-snapshots.js";
import { LocalDirStore } from "../../../core/store/local-dir-store.js";
import type { CatalogEntry } from "../../../core/types.js";
import { tempDir } from "../../helpers/temp-dir.js";
import { sha256Hex } from "../../../core/crypto/sha256-hex.js";

const entry = (over: Partial<CatalogEntry> & { seq: number }): CatalogEntry => ({
  id: sha256Hex(`id-${over.stream ?? "prod"}-${over.seq}`),
  stream: "prod",
  time: "2025-03-01T12:00:00.000Z",
  writtenAt: "2025-03-01T12:00:00.000Z",
  phase: "pre",
  metadata: {
    environment: over.stream ?? "prod",
    tags: ["release", "eu"],
    commit: "abc1234",
    changeId: "CHG-1",
  },
  files: 1,
  bytes: 1,
  components: ["api", "db"],
  ...over,
});

describe("matchesFilter", () => {
  const e = entry({ seq: 1 });
  it.each([
    [{}, true],
    [{ stream: "prod" }, true],
    [{ stream: "staging" }, false],
    [{ since: new Date("2025-03-01T12:00:00Z") }, true],
    [{ since: new Date("2025-03-01T12:00:01Z") }, false],
    [{ until: new Date("2025-03-01T12:00:00Z") }, true],
    [{ until: new Date("2025-03-01T11:59:59Z") }, false],
    [{ tags: ["eu", "release"] }, true],
    [{ tags: ["eu", "us"] }, false],
    [{ tags: [] }, true],
    [{ commit: "abc" }, true],
    [{ commit: "bc1" }, false],
    [{ changeId: "CHG-1" }, true],
    [{ changeId: "CHG" }, false],
    [{ phase: "pre" as const }, true],
    [{ phase: "post" as const }, false],
    [{ component: "db" }, true],
    [{ component: "web" }, false],
  ])("%p -> %p", (filter, expected) => {
    expect(matchesFilter(e, filter)).toBe(expected);
  });

  it("an entry without a commit never matches a commit filter", () => {
    const bare = entry({ seq: 1, metadata: { environment: "prod", tags: [] } });
    expect(matchesFilter(bare, { commit: "a" })).toBe(false);
  });
});

describe("listSnapshots", () => {
  const work = tempDir();
  const store = new LocalDirStore(join(work, "store"));
  const write = (stream: string, entries: CatalogEntry[]) => {
    mkdirSync(store.path(`catalog/${stream}`), { recursive: true });
    mkdirSync(store.path(`manifests/${stream}`), { recursive: true });
    for (const e of entries)
      writeFileSync(
        store.path(`manifests/${stream}/${String(e.seq).padStart(10, "0")}.json`),
        "{}",
      );
    writeFileSync(
      store.path(`catalog/${stream}/2025-01.jsonl`),
      entries.map((e) => JSON.stringify(e) + "\n").join(""),
    );
  };

  it("needs a store", async () => {
    await expect(listSnapshots(store)).rejects.toMatchObject({ code: "STORE_MISSING" });
  });

  it("orders by time, then stream, then seq, and keeps the newest with a limit", async () => {
    await store.initialize();
    write("prod", [
      entry({ seq: 1, time: "2025-01-01T00:00:00.000Z" }),
      entry({ seq: 2, time: "2025-01-03T00:00:00.000Z", phase: "post" }),
    ]);
    write("staging", [
      entry({ seq: 1, stream: "staging", time: "2025-01-02T00:00:00.000Z" }),
      entry({ seq: 2, stream: "staging", time: "2025-01-03T00:00:00.000Z" }),
    ]);
    const names = (list: CatalogEntry[]) => list.map((e) => `${e.stream}@${e.seq}`);
    expect(names(await listSnapshots(store))).toEqual([
      "prod@1",
      "staging@1",
      "prod@2",
      "staging@2",
    ]);
    expect(names(await listSnapshots(store, { limit: 2 }))).toEqual(["prod@2", "staging@2"]);
    expect(names(await listSnapshots(store, { stream: "staging" }))).toEqual([
      "staging@1",
      "staging@2",
    ]);
    expect(names(await listSnapshots(store, { phase: "post" }))).toEqual(["prod@2"]);
  });
});
