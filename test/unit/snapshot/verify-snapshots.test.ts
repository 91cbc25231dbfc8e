import {
  chmodSync,
  cpSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { readStoredManifest, v1BodyOf } from "../../helpers/read-stored-manifest.js";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { LocalDirStore } from "../../../core/store/local-dir-store.js";
import { blobPath } from "../../../core/store/store.js";
import { blobRefOf } from "../../../core/snapshot/blob-ref-of.js";
import { createSnapshot } from "../../../core/snapshot/create-snapshot.js";
import { readAllCatalogs } from "../../../core/snapshot/read-catalog.js";
import {
  verifySnapshots,
  type VerifyOptions,
  type VerifyReport,
} from "../../../core/snapshot/verify-snapshots.js";
import { catalogEntryOf } from "../../../core/snapshot/catalog-entry.js";
import { BlobOpener } from "../../../core/crypto/blob-opener.js";
import { generateAgeKeyPair, parseIdentities } from "../../../core/crypto/age-keys.js";
import { canonicalJson } from "../../../core/crypto/canonical-json.js";
import { signManifest } from "../../../core/crypto/manifest-signature.js";
import { sha256Hex } from "../../../core/crypto/sha256-hex.js";
import { loadSodium } from "../../../core/crypto/sodium.js";
import { generateWriterKeyText, parseWriterKey } from "../../../core/crypto/writer-key.js";
import type { Manifest, ManifestBody, RegularFileEntry } from "../../../core/types.js";
import { makeKeys, type TestKeys } from "../../helpers/keys.js";
import { tempDir } from "../../helpers/temp-dir.js";

const work = tempDir();
const tree = join(work, "tree");
let keys: TestKeys;
let count = 0;

beforeAll(async () => {
  keys = await makeKeys();
  mkdirSync(tree);
  writeFileSync(join(tree, "a.yaml"), "same: content\n");
  writeFileSync(join(tree, "b.yaml"), "same: content\n"); // shares a's blob
  writeFileSync(join(tree, "c.txt"), "other content\n");
});

/** A fresh copy of a store with prod@1 and prod@2 taken from the tree (copying skips the fsyncs). */
let template: LocalDirStore | undefined;
async function twoSnapshots(): Promise<LocalDirStore> {
  if (!template) {
    template = new LocalDirStore(join(work, "template"));
    for (let i = 0; i < 2; i++) {
      writeFileSync(join(tree, "c.txt"), `other content ${i}\n`);
      await createSnapshot({
        store: template,
        root: tree,
        paths: ["."],
        stream: "prod",
        phase: "manual",
        recipients: [keys.age.recipient],
        writerKey: keys.writer,
      });
    }
  }
  const store = new LocalDirStore(join(work, `store${++count}`));
  cpSync(template.location, store.location, { recursive: true });
  return store;
}

const verify = async (
  store: LocalDirStore,
  extra: Partial<VerifyOptions> = {},
): Promise<VerifyReport> =>
  verifySnapshots({
    store,
    snapshots: extra.snapshots ?? (await readAllCatalogs(store)),
    trustedKeys: [keys.verifyKey],
    level: "structure",
    ...extra,
  });

const problemsOf = (report: VerifyReport) =>
  report.snapshots.flatMap((s) =>
    s.problems.map((p) => ({ seq: s.seq, kind: p.kind, path: p.path, message: p.message })),
  );

const manifestFile = (store: LocalDirStore, seq: number) =>
  store.path(`manifests/prod/${String(seq).padStart(10, "0")}.json`);
/** The manifest file as stored (a v2 root: no files). */
const readManifest = (store: LocalDirStore, seq: number) =>
  JSON.parse(readFileSync(manifestFile(store, seq), "utf8")) as object;
function writeManifest(store: LocalDirStore, seq: number, text: string): void {
  chmodSync(manifestFile(store, seq), 0o644);
  writeFileSync(manifestFile(store, seq), text);
}
function writeBlob(store: LocalDirStore, file: RegularFileEntry, bytes: Buffer): void {
  const path = store.path(blobPath(blobRefOf(file)));
  chmodSync(path, 0o644);
  writeFileSync(path, bytes);
}
const fileOf = (manifest: Manifest, path: string) =>
  manifest.files.find((f) => f.path === path) as RegularFileEntry;

/** Signs and commits a body the way a faulty or hostile writer with the key could. */
async function commitBody(store: LocalDirStore, body: ManifestBody): Promise<string> {
  await store.initialize();
  const manifest = signManifest(await loadSodium(), body, keys.writer);
  const bytes = new TextEncoder().encode(canonicalJson(manifest));
  const id = sha256Hex(bytes);
  const view = await store.beginWrite(body.stream);
  const outcome = await store.commitSnapshot({
    view,
    blobs: [],
    seq: body.seq,
    manifest: bytes,
    catalogEntry: catalogEntryOf(manifest, id),
    auditLines: [],
    time: new Date(),
  });
  expect(outcome).toBe("committed");
  return id;
}

describe("verifySnapshots: what it needs", () => {
  it("refuses to run without a trusted writer key", async () => {
    const store = await twoSnapshots();
    await expect(verify(store, { trustedKeys: [] })).rejects.toMatchObject({
      code: "USAGE",
      summary: "No trusted writer keys to check signatures against.",
    });
  });

  it("refuses restore level without an identity to decrypt with", async () => {
    const store = await twoSnapshots();
    await expect(verify(store, { level: "restore" })).rejects.toMatchObject({
      code: "USAGE",
      summary: "Restore-level verification decrypts every file and needs an identity.",
    });
  });
});

describe("verifySnapshots: intact stores", () => {
  it("checks each blob once, at structure level by ciphertext and at restore level by content", async () => {
    const store = await twoSnapshots();
    const progress: Array<[number, number]> = [];
    const structure = await verify(store, { onProgress: (d, t) => progress.push([d, t]) });
    expect(structure.ok).toBe(true);
    expect(progress).toEqual([
      [1, 2],
      [2, 2],
    ]);
    // Blobs: the shared one, c.txt at seq 1 and c.txt at seq 2.
    expect(structure.blobsChecked).toBe(3);
    const stored = await store.listBlobs();
    let ciphertextBytes = 0;
    for (const ref of stored) ciphertextBytes += (await store.readBlob(ref))?.length ?? 0;
    expect(structure.bytesChecked).toBe(ciphertextBytes);

    const restore = await verify(store, {
      level: "restore",
      opener: keys.opener,
      writerKey: keys.writer,
    });
    expect(restore).toMatchObject({ level: "restore", ok: true, blobsChecked: 3 });
    expect(restore.bytesChecked).toBe(
      "same: content\n".length + "other content 0\n".length + "other content 1\n".length,
    );
  });
});

describe("verifySnapshots: problems", () => {
  it("a wrong identity stops the whole run with WRONG_KEY", async () => {
    const store = await twoSnapshots();
    const stranger = generateAgeKeyPair(await loadSodium());
    const opener = await BlobOpener.create(parseIdentities(stranger.identity, "other"));
    await expect(verify(store, { level: "restore", opener })).rejects.toMatchObject({
      code: "WRONG_KEY",
    });
  });

  it("a different writer key reports every file as a content-id problem", async () => {
    const store = await twoSnapshots();
    const report = await verify(store, {
      level: "restore",
      opener: keys.opener,
      writerKey: parseWriterKey(generateWriterKeyText(), "other"),
    });
    expect(report.ok).toBe(false);
    const problems = problemsOf(report);
    expect(problems.map((p) => [p.seq, p.kind, p.path])).toEqual([
      [1, "content-id", "a.yaml"],
      [1, "content-id", "b.yaml"],
      [1, "content-id", "c.txt"],
      [2, "content-id", "a.yaml"],
      [2, "content-id", "b.yaml"],
      [2, "content-id", "c.txt"],
    ]);
    expect(problems[0]?.message).toBe(
      "a.yaml in snapshot prod@1 decrypts to content whose keyed id is not the recorded one.",
    );
  });

  it("a tampered blob is reported for every file that uses it, at both levels", async () => {
    const store = await twoSnapshots();
    const shared = fileOf(await readStoredManifest(store, "prod", 2), "a.yaml");
    const path = store.path(blobPath(blobRefOf(shared)));
    const bytes = readFileSync(path);
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 1;
    writeBlob(store, shared, bytes);
    const structure = problemsOf(await verify(store));
    expect(structure.map((p) => [p.seq, p.kind, p.path])).toEqual([
      [1, "tampered-blob", "a.yaml"],
      [1, "tampered-blob", "b.yaml"],
      [2, "tampered-blob", "a.yaml"],
      [2, "tampered-blob", "b.yaml"],
    ]);
    expect(structure[0]?.message).toBe(
      "The blob of a.yaml in snapshot prod@1 does not match the signed ciphertext sha256.",
    );
    const restore = problemsOf(await verify(store, { level: "restore", opener: keys.opener }));
    expect(restore.map((p) => [p.seq, p.kind, p.path])).toEqual(
      structure.map((p) => [p.seq, p.kind, p.path]),
    );
  });

  it("a missing blob is reported as missing, at both levels", async () => {
    const store = await twoSnapshots();
    const c = fileOf(await readStoredManifest(store, "prod", 1), "c.txt");
    unlinkSync(store.path(blobPath(blobRefOf(c))));
    for (const level of ["structure", "restore"] as const) {
      const problems = problemsOf(await verify(store, { level, opener: keys.opener }));
      expect(problems.map((p) => [p.seq, p.kind, p.path])).toEqual([[1, "missing-blob", "c.txt"]]);
    }
  });

  it("a blob that decrypts to another size than recorded is a decrypt problem", async () => {
    const store = await twoSnapshots();
    const source = await readStoredManifest(store, "prod", 2);
    const body = v1BodyOf(source);
    const c = fileOf(source, "c.txt");
    await commitBody(store, {
      ...body,
      seq: 3,
      prev: sha256Hex(readFileSync(manifestFile(store, 2))),
      files: [{ ...c, size: c.size + 1 }],
    });
    const report = await verify(store, { level: "restore", opener: keys.opener });
    expect(problemsOf(report)).toEqual([
      {
        seq: 3,
        kind: "decrypt",
        path: "c.txt",
        message: `c.txt in snapshot prod@3 decrypted to ${c.size} bytes; the manifest says ${c.size + 1}.`,
      },
    ]);
  });

  it("the first manifest of a stream that links to a previous one breaks the chain", async () => {
    const store = new LocalDirStore(join(work, `store${++count}`));
    await commitBody(store, {
      format: "snapgate.manifest/v1",
      stream: "prod",
      seq: 1,
      prev: "0".repeat(64),
      phase: "manual",
      time: new Date().toISOString(),
      writtenAt: new Date().toISOString(),
      metadata: { environment: "prod", tags: [] },
      policyDigest: null,
      recipients: [keys.age.recipient],
      files: [],
    });
    expect(problemsOf(await verify(store))).toEqual([
      {
        seq: 1,
        kind: "chain",
        path: undefined,
        message: "snapshot prod@1 is the first of its stream but links to a previous manifest.",
      },
    ]);
  });

  it("a manifest stored under another stream than it names breaks the chain", async () => {
    const store = await twoSnapshots();
    const bytes = readFileSync(manifestFile(store, 1));
    const report = await verify(store, {
      snapshots: [{ stream: "staging", seq: 1, id: sha256Hex(bytes) }],
      store: Object.assign(Object.create(store) as LocalDirStore, {
        readManifest: async () => bytes,
      }),
    });
    expect(problemsOf(report)).toEqual([
      {
        seq: 1,
        kind: "chain",
        path: undefined,
        message: "The manifest stored as snapshot staging@1 says it is prod@1.",
      },
    ]);
  });

  it("an altered manifest: its id no longer matches and its signature fails", async () => {
    const store = await twoSnapshots();
    writeManifest(store, 2, JSON.stringify({ ...readManifest(store, 2), phase: "pre" }));
    const problems = problemsOf(await verify(store));
    expect(problems.map((p) => [p.seq, p.kind])).toEqual([
      [2, "manifest"],
      [2, "signature"],
    ]);
    expect(problems[0]?.message).toMatch(
      /^The manifest of snapshot prod@2 does not hash to its id /,
    );
    expect(problems[1]?.message).toContain("has an invalid signature from");
  });

  it("a manifest signed by an untrusted writer", async () => {
    const store = await twoSnapshots();
    const other = await makeKeys();
    const report = await verify(store, { trustedKeys: [other.verifyKey] });
    expect(problemsOf(report).map((p) => p.kind)).toEqual(["signature", "signature"]);
    expect(problemsOf(report)[0]?.message).toBe(
      `snapshot prod@1 is signed by ${keys.verifyKey}, which is not a trusted writer key.`,
    );
  });

  it("a manifest that is not JSON, or missing, stops the checks of that snapshot only", async () => {
    const store = await twoSnapshots();
    const snapshots = await readAllCatalogs(store);
    writeManifest(store, 2, "{ torn");
    let problems = problemsOf(await verify(store, { snapshots }));
    expect(problems.map((p) => [p.seq, p.kind, p.message])).toEqual([
      [2, "manifest", expect.stringMatching(/does not hash to its id/)],
      [2, "manifest", "the manifest of snapshot prod@2 is not valid JSON."],
    ]);
    unlinkSync(manifestFile(store, 2));
    problems = problemsOf(await verify(store, { snapshots }));
    expect(problems.map((p) => [p.seq, p.kind, p.message])).toEqual([
      [2, "manifest", "The manifest of snapshot prod@2 is missing."],
    ]);
  });

  it("a deleted predecessor and a replaced predecessor break the chain", async () => {
    const store = await twoSnapshots();
    const snapshots = (await readAllCatalogs(store)).filter((entry) => entry.seq === 2);
    // Same content, other bytes: the hash the next manifest links to no longer matches.
    writeManifest(store, 1, JSON.stringify(readManifest(store, 1), null, 1));
    expect(problemsOf(await verify(store, { snapshots }))[0]?.message).toBe(
      "The chain is broken between seq 1 and 2 of prod: 1 is not the manifest 2 was written after.",
    );
    unlinkSync(manifestFile(store, 1));
    expect(problemsOf(await verify(store, { snapshots }))[0]?.message).toBe(
      "The chain is broken at seq 1 of prod: that manifest is missing.",
    );
    expect(readdirSync(store.path("manifests/prod"))).toEqual(["0000000002.json"]);
  });
});
