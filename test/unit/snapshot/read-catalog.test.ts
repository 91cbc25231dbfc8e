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

  it("leaves out a damaged manifest that has no catalog line, and keeps the others", async () => {
    const store = await storeWithSnapshots();
    keepLines(store, "prod", [1]);
    const second = store.path("manifests/prod/0000000002.json");
    chmodSync(second, 0o644);
    writeFileSync(second, "{ damaged");
    expect((await readCatalog(store, "prod")).map((e) => e.seq)).toEqual([1, 3]);
  });

  it("leaves out a catalog line whose manifest is gone: the manifests are the truth", async () => {
    const store = await storeWithSnapshots();
    unlinkSync(store.path("manifests/prod/0000000003.json"));
    expect((await readCatalog(store, "prod")).map((e) => e.seq)).toEqual([1, 2]);
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
