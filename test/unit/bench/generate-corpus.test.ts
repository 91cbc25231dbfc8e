import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { parseAllDocuments } from "yaml";
import { isSnapgateError } from "../../../core/errors.js";
import { DEFAULT_CORPUS, generateCorpus } from "../../../bench/corpus/generate-corpus.js";
import { planCorpus } from "../../../bench/corpus/plan-corpus.js";
import type { CorpusSummary } from "../../../bench/corpus/summarize-corpus.js";
import { dirSize } from "../../../bench/harness/dir-size.js";
import { hashTree } from "../../../bench/harness/hash-tree.js";
import { listFiles } from "../../../bench/harness/list-files.js";

const SMALL = { seed: 7, files: 200, targetBytes: 800_000 };
const work = mkdtempSync(join(tmpdir(), "snapgate-corpus-test-"));
const first = join(work, "first");
let summary: CorpusSummary;
let paths: string[];

beforeAll(async () => {
  summary = await generateCorpus(first, SMALL);
  paths = await listFiles(first);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => new Error("expected a rejection"),
    (error: unknown) => error,
  );
}

describe("generateCorpus", () => {
  it("writes a byte-identical tree for the same seed, and another tree for another seed", async () => {
    const again = join(work, "again");
    const other = join(work, "other");
    await generateCorpus(again, SMALL);
    await generateCorpus(other, { ...SMALL, seed: 8 });
    const hash = await hashTree(first);
    expect(await hashTree(again)).toBe(hash);
    expect(await hashTree(other)).not.toBe(hash);
  });

  it("writes exactly the requested number of files within 15% of the target size", async () => {
    expect(paths).toHaveLength(SMALL.files);
    const size = await dirSize(first);
    expect(size.apparentBytes).toBeGreaterThanOrEqual(SMALL.targetBytes * 0.85);
    expect(size.apparentBytes).toBeLessThanOrEqual(SMALL.targetBytes * 1.15);
  });

  it("reports a summary that matches the tree on disk", async () => {
    let gzipBytes = 0;
    let largest = { path: "", bytes: 0 };
    for (const path of paths) {
      const content = readFileSync(join(first, path));
      gzipBytes += gzipSync(content, { level: 6 }).length;
      if (content.length > largest.bytes) largest = { path, bytes: content.length };
    }
    expect(summary).toEqual({
      files: paths.length,
      bytes: (await dirSize(first)).apparentBytes,
      gzipBytes,
      largestFile: largest,
    });
  });

  it("holds every kind of file, unicode names and binary keystores", () => {
    const kinds: Record<string, RegExp> = {
      "k8s deployment": /\/deployment(-\d+)?\.yaml$/,
      "k8s service": /\/service(-\d+)?\.yaml$/,
      "k8s configmap": /\/configmap[^/]*\.yaml$/,
      "helm values": /^helm\/.+\/values[^/]*\.yaml$/,
      "helm chart": /\/Chart(-\d+)?\.yaml$/,
      terraform: /^terraform\/.+\.tf$/,
      tfvars: /\.tfvars$/,
      env: /\/\.env[^/]*$/,
      nginx: /\.conf$/,
      json: /\.json$/,
      jks: /\.jks$/,
      p12: /\.p12$/,
      "shell script": /\.sh$/,
      "large export": /^exports\/.+\.json$/,
    };
    for (const [kind, pattern] of Object.entries(kinds)) {
      expect({ kind, found: paths.some((path) => pattern.test(path)) }).toEqual({
        kind,
        found: true,
      });
    }
    expect(paths).toEqual(
      expect.arrayContaining([
        "configs/ünïcödé/日本語.yaml",
        "configs/emoji/🚀-rollout.yaml",
        "configs/emoji/🔐-client.p12",
        "configs/team notes/on-call config.yaml",
      ]),
    );
    const jks = paths.find((path) => path.endsWith(".jks")) as string;
    expect(readFileSync(join(first, jks)).subarray(0, 4)).toEqual(
      Buffer.from([0xfe, 0xed, 0xfe, 0xed]),
    );
  });

  it("lays the tree out like a deploy repository", () => {
    for (const top of ["deploy", "k8s", "helm", "terraform", "nginx", "secrets", "configs"]) {
      expect(paths.some((path) => path.startsWith(`${top}/`))).toBe(true);
    }
    expect(
      paths.some((path) => /^deploy\/(dev|staging|prod|qa|perf)\/[^/]+\/[^/]+$/.test(path)),
    ).toBe(true);
  });

  it("keeps text compressible and keystores incompressible", () => {
    let textBytes = 0;
    let textGzip = 0;
    for (const path of paths) {
      const content = readFileSync(join(first, path));
      const gzipped = gzipSync(content, { level: 6 }).length;
      if (/\.(jks|p12)$/.test(path)) {
        expect(gzipped).toBeGreaterThan(content.length * 0.98);
      } else {
        textBytes += content.length;
        textGzip += gzipped;
      }
    }
    const ratio = textBytes / textGzip;
    expect(ratio).toBeGreaterThan(3);
    expect(ratio).toBeLessThan(8);
  });

  it("writes valid YAML and JSON", () => {
    for (const path of paths) {
      const text = readFileSync(join(first, path), "utf8");
      if (path.endsWith(".json")) expect(() => JSON.parse(text)).not.toThrow();
      if (path.endsWith(".yaml")) {
        const errors = parseAllDocuments(text).flatMap((document) => document.errors);
        expect({ path, errors }).toEqual({ path, errors: [] });
      }
    }
  });

  it("sets modes: 0600 for secrets and keystores, 0755 for scripts, 0644 otherwise", () => {
    for (const path of paths) {
      const mode = statSync(join(first, path)).mode & 0o777;
      const expected = /(\/\.env[^/]*|\.env|\.jks|\.p12)$/.test(path)
        ? 0o600
        : path.endsWith(".sh")
          ? 0o755
          : 0o644;
      expect({ path, mode: mode.toString(8) }).toEqual({ path, mode: expected.toString(8) });
    }
  });

  it("never uses two paths that differ only in case", () => {
    expect(new Set(paths.map((path) => path.toLowerCase())).size).toBe(paths.length);
  });

  it("plans a few 1-5 MB files and about 25 MB for the default corpus", () => {
    const plan = planCorpus(DEFAULT_CORPUS.seed, DEFAULT_CORPUS.files, DEFAULT_CORPUS.targetBytes);
    expect(plan).toHaveLength(2000);
    const large = plan.filter((file) => file.targetBytes >= 1_000_000);
    expect(large.length).toBeGreaterThanOrEqual(2);
    for (const file of large) expect(file.targetBytes).toBeLessThanOrEqual(5_000_000);
    const planned = plan.reduce((sum, file) => sum + file.targetBytes, 0);
    expect(Math.abs(planned - 25_000_000)).toBeLessThan(1);
  });

  it("refuses a directory that is not empty", async () => {
    const dir = join(work, "not-empty");
    mkdirSync(dir);
    writeFileSync(join(dir, "stray.txt"), "x");
    const error = await rejection(generateCorpus(dir, SMALL));
    expect(isSnapgateError(error, "USAGE")).toBe(true);
    expect((error as Error).message).toMatch(/not empty.*new or empty directory/);
  });

  it("refuses too few files, too few bytes and a fractional seed", async () => {
    const cases: Array<[object, RegExp]> = [
      [{ files: 5 }, /at least \d+ files/],
      [{ files: 200, targetBytes: 10_000 }, /too small for 200 files/],
      [{ ...SMALL, seed: 1.5 }, /seed must be an integer/],
    ];
    for (const [options, message] of cases) {
      const error = await rejection(generateCorpus(join(work, "bad"), options));
      expect(isSnapgateError(error, "USAGE")).toBe(true);
      expect((error as Error).message).toMatch(message);
    }
  });
});
