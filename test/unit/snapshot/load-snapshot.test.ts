import {
  chmodSync,
  copyFileSync,
  cpSync,
  mkdirSync,
  readFileSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { LocalDirStore } from "../../../core/store/local-dir-store.js";
import { loadSnapshot } from "../../../core/snapshot/load-snapshot.js";
import { parseManifest } from "../../../core/snapshot/parse-manifest.js";
import { sha256Hex } from "../../../core/crypto/sha256-hex.js";
import type { Manifest } from "../../../core/types.js";
import { commitCraftedManifest } from "../../helpers/craft-manifest.js";
import { makeKeys, type TestKeys } from "../../helpers/keys.js";
import { tempDir } from "../../helpers/temp-dir.js";

const work = tempDir();
let keys: TestKeys;
let count = 0;
let valid: Manifest;

/** A fresh copy of a store holding prod@1 (copying skips the fsyncs). */
let template: { store: LocalDirStore; id: string } | undefined;
async function storeWithOne(): Promise<{ store: LocalDirStore; id: string }> {
  if (!template) {
    const store = new LocalDirStore(join(work, "template"));
    const id = await commitCraftedManifest(
      store,
      keys.writer,
      "prod",
      [{ type: "symlink", path: "current", target: "v1" }],
      [keys.age.recipient],
    );
    template = { store, id };
  }
  const store = new LocalDirStore(join(work, `store${++count}`));
  cpSync(template.store.location, store.location, { recursive: true });
  return { store, id: template.id };
}

/** Replaces a manifest file's bytes (manifests are written read-only). */
function overwrite(store: LocalDirStore, relative: string, bytes: string | Buffer): void {
  const path = store.path(relative);
  chmodSync(path, 0o644);
  writeFileSync(path, bytes);
}

beforeAll(async () => {
  keys = await makeKeys();
  const { store } = await storeWithOne();
  valid = JSON.parse(
    readFileSync(store.path("manifests/prod/0000000001.json"), "utf8"),
  ) as Manifest;
});

describe("loadSnapshot", () => {
  it("returns the manifest, its id and its bytes", async () => {
    const { store, id } = await storeWithOne();
    const loaded = await loadSnapshot(store, { stream: "prod", seq: 1, id });
    expect(loaded.id).toBe(id);
    expect(sha256Hex(loaded.bytes)).toBe(id);
    expect(loaded.manifest).toMatchObject({ stream: "prod", seq: 1, prev: null });
  });

  it("a missing manifest (the catalog names it) is an INTEGRITY error", async () => {
    const { store, id } = await storeWithOne();
    unlinkSync(store.path("manifests/prod/0000000001.json"));
    await expect(loadSnapshot(store, { stream: "prod", seq: 1, id })).rejects.toMatchObject({
      code: "INTEGRITY",
      summary: `The manifest prod@1 is missing from ${store.location}.`,
    });
  });

  it("a manifest that does not hash to the catalog's id is an INTEGRITY error naming both", async () => {
    const { store, id } = await storeWithOne();
    const altered = JSON.stringify({ ...valid, phase: "pre" });
    overwrite(store, "manifests/prod/0000000001.json", altered);
    await expect(loadSnapshot(store, { stream: "prod", seq: 1, id })).rejects.toMatchObject({
      code: "INTEGRITY",
      summary: `The manifest prod@1 does not match its catalog entry (sha256 ${sha256Hex(altered).slice(0, 16)}, catalog ${id.slice(0, 16)}).`,
    });
  });

  it("a manifest stored under another stream or seq than it says is an INTEGRITY error", async () => {
    const { store, id } = await storeWithOne();
    mkdirSync(store.path("manifests/staging"));
    copyFileSync(
      store.path("manifests/prod/0000000001.json"),
      store.path("manifests/staging/0000000004.json"),
    );
    await expect(loadSnapshot(store, { stream: "staging", seq: 4, id })).rejects.toMatchObject({
      code: "INTEGRITY",
      summary: "The manifest staging@4 says it is prod@1.",
    });
  });

  it("a manifest that is not JSON is an INTEGRITY error", async () => {
    const { store } = await storeWithOne();
    overwrite(store, "manifests/prod/0000000001.json", "{ torn");
    await expect(
      loadSnapshot(store, { stream: "prod", seq: 1, id: sha256Hex("{ torn") }),
    ).rejects.toMatchObject({ code: "INTEGRITY", summary: "manifest prod@1 is not valid JSON." });
  });
});

describe("parseManifest", () => {
  const bytes = (value: unknown) => Buffer.from(JSON.stringify(value));

  it("accepts a manifest that follows the schema", () => {
    expect(parseManifest(bytes(valid), "m")).toEqual(valid);
  });

  it.each([
    ["an unknown key", (m: Manifest) => ({ ...m, extra: 1 }), "/ has an unknown key 'extra'"],
    ["an unknown phase", (m: Manifest) => ({ ...m, phase: "during" }), "/phase must be one of"],
    ["seq 0", (m: Manifest) => ({ ...m, seq: 0 }), "/seq must be >= 1"],
    [
      "no signature",
      (m: Manifest) => ({ ...m, signature: undefined }),
      "must have required property 'signature'",
    ],
    [
      "a bad stream name",
      (m: Manifest) => ({ ...m, stream: "Prod" }),
      "/stream must match pattern",
    ],
    ["a bad prev", (m: Manifest) => ({ ...m, prev: "abc" }), "/prev"],
    [
      "a file with an unknown type",
      (m: Manifest) => ({ ...m, files: [{ type: "fifo", path: "p" }] }),
      "/files/0",
    ],
  ])("refuses %s, saying where", (_, change, expected) => {
    let error: unknown;
    try {
      parseManifest(bytes(change(valid)), "manifest prod@1");
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({ code: "INTEGRITY" });
    const summary = (error as { summary: string }).summary;
    expect(summary.startsWith("manifest prod@1 is not a valid snapgate.manifest/v1: ")).toBe(true);
    expect(summary).toContain(expected);
    expect((error as { details: { problems: unknown[] } }).details.problems.length).toBeGreaterThan(
      0,
    );
  });

  it("names at most three problems in the message, and all in the details", () => {
    const broken = { ...valid, a: 1, b: 2, c: 3, d: 4 };
    let error: unknown;
    try {
      parseManifest(bytes(broken), "m");
    } catch (caught) {
      error = caught;
    }
    const { summary, details } = error as { summary: string; details: { problems: unknown[] } };
    expect(summary.match(/unknown key/g)).toHaveLength(3);
    expect(details.problems).toHaveLength(4);
  });

  it("refuses bytes that are not JSON, or not UTF-8 JSON", () => {
    expect(() => parseManifest(Buffer.from("not json"), "m")).toThrow("m is not valid JSON.");
    expect(() => parseManifest(Buffer.from([0xff, 0xfe, 0x7b]), "m")).toThrow("not valid JSON");
  });
});
