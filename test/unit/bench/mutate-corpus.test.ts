import { createHash } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { parseAllDocuments } from "yaml";
import { isSnapgateError } from "../../../core/errors.js";
import { generateCorpus } from "../../../bench/corpus/generate-corpus.js";
import { mutateCorpus } from "../../../bench/corpus/mutate-corpus.js";
import { hashTree } from "../../../bench/harness/hash-tree.js";
import { listFiles } from "../../../bench/harness/list-files.js";

const work = mkdtempSync(join(tmpdir(), "snapgate-mutate-test-"));
const original = join(work, "original");
let originalHash: string;
let copies = 0;

beforeAll(async () => {
  await generateCorpus(original, { seed: 3, files: 400, targetBytes: 1_000_000 });
  originalHash = await hashTree(original);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function copyOfOriginal(): string {
  const dir = join(work, `copy-${++copies}`);
  cpSync(original, dir, { recursive: true });
  return dir;
}

async function contentHashes(dir: string): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  for (const path of await listFiles(dir)) {
    hashes.set(
      path,
      createHash("sha256")
        .update(readFileSync(join(dir, path)))
        .digest("hex"),
    );
  }
  return hashes;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => new Error("expected a rejection"),
    (error: unknown) => error,
  );
}

describe("mutateCorpus", () => {
  it("changes, adds and removes exactly the files it reports, about 1% of them", async () => {
    const dir = copyOfOriginal();
    const before = await contentHashes(dir);
    const summary = await mutateCorpus(dir, { seed: 11, fraction: 0.01 });
    const after = await contentHashes(dir);

    const changed = [...before.keys()].filter(
      (path) => after.has(path) && after.get(path) !== before.get(path),
    );
    const added = [...after.keys()].filter((path) => !before.has(path));
    const removed = [...before.keys()].filter((path) => !after.has(path));
    expect(summary).toEqual({
      filesBefore: 400,
      filesAfter: after.size,
      changed: changed.sort(),
      added: added.sort(),
      removed: removed.sort(),
    });
    // 1% of 400 files: 4 touched, of which one added and one removed.
    expect([changed.length, added.length, removed.length]).toEqual([2, 1, 1]);
  });

  it("makes the same changes for the same seed and other changes for another seed", async () => {
    const one = copyOfOriginal();
    const two = copyOfOriginal();
    const three = copyOfOriginal();
    const first = await mutateCorpus(one, { seed: 5, fraction: 0.05 });
    const second = await mutateCorpus(two, { seed: 5, fraction: 0.05 });
    const third = await mutateCorpus(three, { seed: 6, fraction: 0.05 });
    expect(second).toEqual(first);
    expect(await hashTree(two)).toBe(await hashTree(one));
    expect(await hashTree(one)).not.toBe(originalHash);
    expect(third.changed).not.toEqual(first.changed);
    expect(await hashTree(three)).not.toBe(await hashTree(one));
  });

  it("scales with the fraction", async () => {
    const summary = await mutateCorpus(copyOfOriginal(), { seed: 2, fraction: 0.1 });
    const touched = summary.changed.length + summary.added.length + summary.removed.length;
    expect(touched).toBe(40);
    expect(summary.added.length).toBeGreaterThan(0);
    expect(summary.removed.length).toBeGreaterThan(0);
  });

  it("keeps YAML and JSON valid and puts new files beside existing ones with their mode", async () => {
    const dir = copyOfOriginal();
    const originalPaths = await listFiles(original);
    const directories = new Set(originalPaths.map((path) => dirname(path)));
    const summary = await mutateCorpus(dir, { seed: 9, fraction: 0.2 });
    for (const path of [...summary.changed, ...summary.added]) {
      const text = readFileSync(join(dir, path), "utf8");
      if (path.endsWith(".json")) expect(() => JSON.parse(text)).not.toThrow();
      if (path.endsWith(".yaml")) {
        const errors = parseAllDocuments(text).flatMap((document) => document.errors);
        expect({ path, errors }).toEqual({ path, errors: [] });
      }
    }
    for (const path of summary.added) {
      expect(directories.has(dirname(path))).toBe(true);
      const mode = statSync(join(dir, path)).mode & 0o777;
      if (/\.(jks|p12)$/.test(path)) expect(mode).toBe(0o600);
      if (path.endsWith(".sh")) expect(mode).toBe(0o755);
    }
  });

  it("refuses a fraction outside (0, 1], a missing directory and an empty one", async () => {
    for (const fraction of [0, -0.1, 1.5, Number.NaN]) {
      const error = await rejection(mutateCorpus(original, { fraction }));
      expect(isSnapgateError(error, "USAGE")).toBe(true);
      expect((error as Error).message).toMatch(/fraction must be above 0 and at most 1/);
    }
    const missing = await rejection(mutateCorpus(join(work, "missing")));
    expect(isSnapgateError(missing, "NOT_FOUND")).toBe(true);
    const empty = join(work, "empty");
    mkdirSync(empty);
    const none = await rejection(mutateCorpus(empty));
    expect(isSnapgateError(none, "USAGE")).toBe(true);
    expect((none as Error).message).toMatch(/no files to mutate.*generateCorpus/);
    expect(await hashTree(original)).toBe(originalHash);
  });
});
