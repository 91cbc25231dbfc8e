import { catalogShard } from "../../helpers/catalog-shard.js";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { LocalDirStore } from "../../../core/store/local-dir-store.js";
import { resolveSnapshot } from "../../../core/snapshot/resolve-snapshot.js";
import type { CatalogEntry } from "../../../core/types.js";
import { commitCraftedManifest } from "../../helpers/craft-manifest.js";
import { makeKeys, type TestKeys } from "../../helpers/keys.js";
import { tempDir } from "../../helpers/temp-dir.js";

const work = tempDir();
let keys: TestKeys;
let count = 0;
const newStore = (): LocalDirStore => new LocalDirStore(join(work, `store${++count}`));
const commit = (store: LocalDirStore, stream: string) =>
  commitCraftedManifest(store, keys.writer, stream, [], [keys.age.recipient]);

beforeAll(async () => {
  keys = await makeKeys();
});

describe("resolveSnapshot with one environment", () => {
  const store = newStore();
  const ids: string[] = [];

  beforeAll(async () => {
    ids.push(await commit(store, "prod"), await commit(store, "prod"));
  });

  it("finds latest without naming the environment, and by ENV@latest and ENV@SEQ", async () => {
    expect(await resolveSnapshot(store, "latest")).toMatchObject({ seq: 2, id: ids[1] });
    expect(await resolveSnapshot(store, "prod@latest")).toMatchObject({ seq: 2, id: ids[1] });
    expect(await resolveSnapshot(store, "prod@1")).toMatchObject({ seq: 1, id: ids[0] });
    expect(await resolveSnapshot(store, "latest", { stream: "prod" })).toMatchObject({ seq: 2 });
  });

  it("finds a snapshot by a unique id prefix of 6 or more characters, or its full id", async () => {
    const id = ids[0] as string;
    expect(await resolveSnapshot(store, id.slice(0, 6))).toMatchObject({ seq: 1 });
    expect(await resolveSnapshot(store, id)).toMatchObject({ seq: 1 });
  });

  it("says which seqs exist when ENV@SEQ is not one of them", async () => {
    await expect(resolveSnapshot(store, "prod@3")).rejects.toMatchObject({
      code: "NOT_FOUND",
      summary: `There is no snapshot prod@3 of environment 'prod' in ${store.location}.`,
      fix: "It has seq 1..2; see `snapgate list --env prod`.",
    });
  });

  it("says how to take the first snapshot of an environment that has none", async () => {
    await expect(resolveSnapshot(store, "staging@latest")).rejects.toMatchObject({
      code: "NOT_FOUND",
      fix: "Take one with `snapgate snapshot --env staging ...`.",
    });
  });

  it("an id prefix that matches nothing is NOT_FOUND", async () => {
    const unused = ["000000", "ffffff", "123456"].find((p) => !ids.some((id) => id.startsWith(p)));
    await expect(resolveSnapshot(store, unused as string)).rejects.toMatchObject({
      code: "NOT_FOUND",
      summary: `No snapshot id starts with ${unused} in ${store.location}.`,
    });
  });

  it.each(["prod", "PROD@1", "prod@", "prod@-1", "abc12", "abcdefg", "a".repeat(65), "@1", ""])(
    "refuses %p as not a snapshot reference",
    async (spec) => {
      await expect(resolveSnapshot(store, spec)).rejects.toMatchObject({
        code: "USAGE",
        summary: `'${spec}' is not a snapshot reference.`,
      });
    },
  );
});

describe("resolveSnapshot with several environments", () => {
  const store = newStore();
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    ids.prod = await commit(store, "prod");
    ids.staging = await commit(store, "staging");
  });

  it("asks which environment's latest, listing them", async () => {
    await expect(resolveSnapshot(store, "latest")).rejects.toMatchObject({
      code: "USAGE",
      summary: "Which environment's latest snapshot?",
      fix: "Add --env with one of: prod, staging.",
    });
    expect(await resolveSnapshot(store, "latest", { stream: "staging" })).toMatchObject({
      id: ids.staging,
    });
  });

  it("an id prefix shared by several snapshots lists the candidates", async () => {
    // Two ids sharing six characters are rare; give the catalog lines crafted ids instead.
    const crafted: Record<string, string> = {
      prod: `abcdef01${"0".repeat(56)}`,
      staging: `abcdef02${"0".repeat(56)}`,
    };
    for (const stream of ["prod", "staging"]) {
      const path = catalogShard(store, stream);
      const entry = JSON.parse(readFileSync(path, "utf8")) as CatalogEntry;
      writeFileSync(path, JSON.stringify({ ...entry, id: crafted[stream] }) + "\n");
    }
    const error = await resolveSnapshot(store, "abcdef").catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: "USAGE", summary: "abcdef matches 2 snapshots." });
    expect((error as Error).message).toContain("abcdef0100000000 (prod@1)");
    expect((error as Error).message).toContain("abcdef0200000000 (staging@1)");
    // Within one environment the prefix is unique.
    expect(await resolveSnapshot(store, "abcdef", { stream: "staging" })).toMatchObject({
      stream: "staging",
      seq: 1,
    });
  });
});

describe("resolveSnapshot without snapshots", () => {
  it("says the store holds none yet", async () => {
    const store = newStore();
    await store.initialize();
    await expect(resolveSnapshot(store, "latest")).rejects.toMatchObject({
      code: "USAGE",
      summary: `${store.location} holds no snapshots yet.`,
    });
  });

  it("says there is no store", async () => {
    await expect(resolveSnapshot(newStore(), "latest")).rejects.toMatchObject({
      code: "STORE_MISSING",
    });
  });
});
