import { catalogShard } from "../../helpers/catalog-shard.js";
import { chmodSync, cpSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { LocalDirStore } from "../../../core/store/local-dir-store.js";
import { readAllCatalogs, readCatalog } from "../../../core/snapshot/read-catalog.js";
import type { CatalogEntry } from "../../../core/types.js";
import { commitCraftedManifest } from "../../helpers/craft-manifest.js";
import { makeKeys, type TestKeys } from "../../helpers/keys.js";
import { tempDir } from "../../helpers/temp-dir.js";

const work = tempDir();
let keys: TestKeys;
let count = 0;

/** A fresh copy of a store with prod@1..3 and staging@1, all with catalog lines. */
let template: LocalDirStore | undefined;
async function storeWithSnapshots(): Promise<LocalDirStore> {
  if (!template) {
    template = new LocalDirStore(join(work, "template"));
    for (const stream of ["prod", "prod", "prod", "staging"]) {
      await commitCraftedManifest(
        template,
        keys.writer,
        stream,
        [{ type: "symlink", path: "link", target: "x", component: "api" }],
        [keys.age.recipient],
      );
    }
  }
  const store = new LocalDirStore(join(work, `store${++count}`));
  cpSync(template.location, store.location, { recursive: true });
  return store;
}

const catalogLines = (store: LocalDirStore, stream: string): CatalogEntry[] =>
  readFileSync(catalogShard(store, stream), "utf8")
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as CatalogEntry);

const keepLines = (store: LocalDirStore, stream: string, seqs: number[]): void => {
  const kept = catalogLines(store, stream).filter((entry) => seqs.includes(entry.seq));
  writeFileSync(
    catalogShard(store, stream),
    kept.map((entry) => JSON.stringify(entry) + "\n").join(""),
  );
};

beforeAll(async () => {
  keys = await makeKeys();
});

describe("readCatalog", () => {
  it("returns the catalog lines of a stream in seq order", async () => {
    const store = await storeWithSnapshots();
    expect(await readCatalog(store, "prod")).toEqual(catalogLines(store, "prod"));
    expect((await readCatalog(store, "prod")).map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(await readCatalog(store, "absent")).toEqual([]);
  });

  it("rebuilds the line of a manifest whose catalog line a crash left out", async () => {
    const store = await storeWithSnapshots();
    const complete = catalogLines(store, "prod");
    keepLines(store, "prod", [1, 3]);
    expect(await readCatalog(store, "prod")).toEqual(complete);
  });

  it("a damaged manifest that has no catalog line is an INTEGRITY error naming its file", async () => {
    const store = await storeWithSnapshots();
    keepLines(store, "prod", [1]);
    const second = store.path("manifests/prod/0000000002.json");
    chmodSync(second, 0o644);
    writeFileSync(second, "{ damaged");
    await expect(readCatalog(store, "prod")).rejects.toMatchObject({
      code: "INTEGRITY",
      summary: expect.stringContaining(
        "manifests/prod/0000000002.json in " + store.location + " cannot be read",
      ) as unknown,
    });
  });

  it("keeps a catalog line whose manifest is gone, so verify reports it and restore refuses it", async () => {
    const store = await storeWithSnapshots();
    unlinkSync(store.path("manifests/prod/0000000002.json"));
    expect((await readCatalog(store, "prod")).map((e) => e.seq)).toEqual([1, 2, 3]);
  });

  it("the newest manifest gone while the head names it is an INTEGRITY error, with or without its line", async () => {
    const store = await storeWithSnapshots();
    unlinkSync(store.path("manifests/prod/0000000003.json"));
    for (const lines of [
      [1, 2, 3],
      [1, 2],
    ]) {
      keepLines(store, "prod", lines);
      await expect(readCatalog(store, "prod")).rejects.toMatchObject({
        code: "INTEGRITY",
        summary: expect.stringContaining(
          "heads/prod.json names prod@3, but manifests/prod/0000000003.json is missing",
        ) as unknown,
      });
      await expect(store.beginWrite("prod")).rejects.toMatchObject({ code: "INTEGRITY" });
    }
  });

  it("skips a torn (non-JSON) line, and refuses a JSON line that is no catalog entry, naming file and line", async () => {
    const store = await storeWithSnapshots();
    const shard = catalogShard(store, "prod");
    const lines = readFileSync(shard, "utf8").trim().split("\n");
    writeFileSync(shard, [lines[0], '{"id":"ab', lines[1], lines[2]].join("\n") + "\n");
    expect((await readCatalog(store, "prod")).map((e) => e.seq)).toEqual([1, 2, 3]);
    const name = shard.slice(store.location.length + 1);
    for (const junk of [
      "null",
      '{"seq":2,"id":null}',
      "[]",
      `{"seq":2,"id":"${"a".repeat(64)}"}`,
    ]) {
      writeFileSync(shard, [lines[0], junk, lines[2]].join("\n") + "\n");
      const error = await readCatalog(store, "prod").catch((caught: unknown) => caught);
      expect(error).toMatchObject({
        code: "INTEGRITY",
        details: { file: name, line: 2 },
      });
      expect((error as Error).message).toContain(
        `Line 2 of ${name} is not a catalog entry of prod`,
      );
      expect((error as Error).message).toContain("Delete that line");
    }
  });
});

describe("readAllCatalogs", () => {
  it("returns every stream's catalog", async () => {
    const store = await storeWithSnapshots();
    const all = await readAllCatalogs(store);
    expect(all.map((e) => `${e.stream}@${e.seq}`)).toEqual([
      "prod@1",
      "prod@2",
      "prod@3",
      "staging@1",
    ]);
    expect(all[0]?.components).toEqual(["api"]);
  });
});
