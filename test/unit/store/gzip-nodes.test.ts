import { chmodSync, existsSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { createSnapshot } from "../../../core/snapshot/create-snapshot.js";
import { LocalDirStore } from "../../../core/store/local-dir-store.js";
import { compressNode } from "../../../core/store/compress-node.js";
import { decompressNode, MAX_NODE_JSON_BYTES } from "../../../core/store/decompress-node.js";
import { gzipNodePath, nodePath } from "../../../core/store/store.js";
import { sha256Hex } from "../../../core/crypto/sha256-hex.js";
import { isSnapgateError } from "../../../core/errors.js";
import { makeKeys, type TestKeys } from "../../helpers/keys.js";
import { readStoredManifest } from "../../helpers/read-stored-manifest.js";
import { tempDir } from "../../helpers/temp-dir.js";

/** ADR 1106: local stores keep nodes as gzip'd JSON, named by the JSON's sha256, read with a bound. */
describe("gzip'd manifest nodes", () => {
  const dir = tempDir();
  const store = new LocalDirStore(join(dir, "store"));
  let keys: TestKeys;
  let ids: string[] = [];

  beforeAll(async () => {
    keys = await makeKeys();
    for (let i = 0; i < 80; i++) {
      mkdirSync(join(dir, "tree", `d${i % 4}`), { recursive: true });
      writeFileSync(join(dir, "tree", `d${i % 4}`, `f${i}.yaml`), `value: ${i}\n`);
    }
    await createSnapshot({
      store,
      root: join(dir, "tree"),
      paths: ["."],
      stream: "prod",
      phase: "post",
      recipients: [keys.age.recipient],
      writerKey: keys.writer,
    });
    ids = (await readStoredManifest(store, "prod", 1)).nodes ?? [];
    expect(ids.length).toBeGreaterThan(1);
  });

  /** A fresh copy of node `id`'s file to damage, writable. */
  const nodeFile = (id: string) => {
    const file = store.path(gzipNodePath(id));
    chmodSync(file, 0o644);
    return file;
  };

  it("writes each node once, gzip'd, whose JSON hashes to its id, and no plain copy", async () => {
    for (const id of ids) {
      const stored = readFileSync(store.path(gzipNodePath(id)));
      expect([stored[0], stored[1]]).toEqual([0x1f, 0x8b]);
      const json = gunzipSync(stored);
      expect(sha256Hex(json)).toBe(id);
      // 80 new files: packed (ADR 1114), so every node holds packed entries.
      expect(JSON.parse(json.toString("utf8"))).toMatchObject({
        format: "snapgate.manifest-node/v2",
      });
      expect(stored.length).toBeLessThan(json.length);
      expect(existsSync(store.path(nodePath(id)))).toBe(false);
      expect(Buffer.from((await store.readNode(id)) ?? [])).toEqual(json);
    }
    expect((await store.listNodes()).map((node) => node.id).sort()).toEqual([...ids].sort());
  });

  it("round-trips any JSON, and the id does not depend on how it was compressed", () => {
    const json = new TextEncoder().encode(JSON.stringify({ files: [{ path: "a" }] }));
    const fast = new Uint8Array(gzipSync(json, { level: 1 }));
    expect(decompressNode(compressNode(json), "x")).toEqual(json);
    expect(decompressNode(fast, "x")).toEqual(json);
  });

  it("refuses a gzip file that inflates past the bound (a zip bomb) without inflating it", () => {
    // 64 MiB of zeros gzip to ~64 KB; the bound stops at 8 MiB.
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(100_000);
    let error: unknown;
    try {
      decompressNode(bomb, "nodes/ab/bomb.json.gz");
    } catch (caught) {
      error = caught;
    }
    expect(isSnapgateError(error, "INTEGRITY")).toBe(true);
    expect((error as Error).message).toContain(
      `nodes/ab/bomb.json.gz inflates past ${MAX_NODE_JSON_BYTES} bytes`,
    );
    // Exactly at the bound is still a node; one byte more is not.
    const json = Buffer.alloc(1000, 0x20);
    expect(decompressNode(gzipSync(json), "x", 1000)).toHaveLength(1000);
    expect(() => decompressNode(gzipSync(json), "x", 999)).toThrow(/inflates past 999 bytes/);
  });

  it("a bomb planted in the store is an INTEGRITY error naming the node file, not an out-of-memory", async () => {
    const id = ids[0] as string;
    const file = nodeFile(id);
    const original = readFileSync(file);
    writeFileSync(file, gzipSync(Buffer.alloc(MAX_NODE_JSON_BYTES + 1, 0x20)));
    const error = await readStoredManifest(store, "prod", 1).catch((caught: unknown) => caught);
    writeFileSync(file, original);
    expect(isSnapgateError(error, "INTEGRITY")).toBe(true);
    expect((error as Error).message).toContain(`${gzipNodePath(id)} inflates past`);
  });

  it("refuses a node file that is not gzip, or whose JSON does not hash to its id", async () => {
    const id = ids[1] as string;
    const file = nodeFile(id);
    const original = readFileSync(file);
    const json = gunzipSync(original).toString("utf8");

    writeFileSync(file, json);
    const notGzip = await readStoredManifest(store, "prod", 1).catch((caught: unknown) => caught);
    expect(isSnapgateError(notGzip, "INTEGRITY")).toBe(true);
    expect((notGzip as Error).message).toContain(`${gzipNodePath(id)} is not a gzip file`);

    writeFileSync(file, gzipSync(json.replace('"size":', '"size":1')));
    const altered = await readStoredManifest(store, "prod", 1).catch((caught: unknown) => caught);
    expect(isSnapgateError(altered, "INTEGRITY")).toBe(true);
    expect((altered as Error).message).toContain(`Node ${id.slice(0, 12)} of prod@1 does not hash`);

    writeFileSync(file, original);
    expect((await readStoredManifest(store, "prod", 1)).files).toHaveLength(80);
  });

  it("reads a node an older writer kept as plain JSON, and a new snapshot does not write it again", async () => {
    const id = ids[2] as string;
    const gz = nodeFile(id);
    const json = gunzipSync(readFileSync(gz));
    writeFileSync(store.path(nodePath(id)), json);
    unlinkSync(gz);
    expect((await readStoredManifest(store, "prod", 1)).files).toHaveLength(80);

    writeFileSync(join(dir, "tree", "d0", "f0.yaml"), "value: changed\n");
    await createSnapshot({
      store,
      root: join(dir, "tree"),
      paths: ["."],
      stream: "prod",
      phase: "post",
      recipients: [keys.age.recipient],
      writerKey: keys.writer,
    });
    const second = await readStoredManifest(store, "prod", 2);
    expect(second.nodes).toContain(id);
    expect(existsSync(gz)).toBe(false);
    expect((await store.listNodes()).filter((node) => node.id === id)).toHaveLength(1);

    // Prune's deletion takes a node whichever way it is stored.
    const gzipped = ids[3] as string;
    await store.deleteNodes([id, gzipped]);
    expect(existsSync(store.path(nodePath(id)))).toBe(false);
    expect(existsSync(store.path(gzipNodePath(gzipped)))).toBe(false);
    expect((await store.listNodes()).map((node) => node.id)).not.toContain(id);
  });
});
