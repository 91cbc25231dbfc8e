import {
  appendFileSync,
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import { LocalDirStore } from "../../../core/store/local-dir-store.js";
import {
  blobPath,
  STORE_FORMAT,
  type AuditHead,
  type BlobRef,
  type WriteView,
} from "../../../core/store/store.js";
import { TEMP_PREFIX } from "../../../core/store/atomic-file.js";
import { chainAuditEvents } from "../../../core/audit/audit-event.js";
import { verifyAuditChain } from "../../../core/audit/verify-audit-chain.js";
import { sha256Hex } from "../../../core/crypto/sha256-hex.js";
import type { CatalogEntry } from "../../../core/types.js";
import { tempDir } from "../../helpers/temp-dir.js";

const work = tempDir();
let count = 0;
const newStore = (): LocalDirStore => new LocalDirStore(join(work, `store${++count}`));
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

function catalogEntry(stream: string, seq: number, id: string): CatalogEntry {
  return {
    id,
    stream,
    seq,
    time: "2025-01-01T00:00:00.000Z",
    writtenAt: "2025-01-01T00:00:00.000Z",
    phase: "manual",
    metadata: { environment: stream, tags: [] },
    files: 0,
    bytes: 0,
    components: [],
  };
}

function auditLines(head: AuditHead | null, type: string, time: Date): string[] {
  return chainAuditEvents(head, [{ type, time, actor: { kind: "cli" }, subject: {} }]).lines;
}

/** A stand-in manifest: JSON naming its stream and seq, which is all the store reads of one. */
const manifestOf = (stream: string, seq: number, note: string): Uint8Array =>
  encode(JSON.stringify({ stream, seq, note }));

/** Commits a manifest noting `text` as the next of the view's stream, with one audit event. */
function commitNext(store: LocalDirStore, view: WriteView, text: string, time = new Date()) {
  const seq = (view.head?.seq ?? 0) + 1;
  const manifest = manifestOf(view.stream, seq, text);
  return store.commitSnapshot({
    view,
    blobs: [],
    seq,
    manifest,
    catalogEntry: catalogEntry(view.stream, seq, sha256Hex(manifest)),
    auditLines: auditLines(view.auditHead, "snapshot.created", time),
    time,
  });
}

/** A recipient-set id, as recipientSetId gives. */
const SET = "5e7".padEnd(32, "0");

function fakeBlob(seed: string, encoding: BlobRef["encoding"] = "none", recipientSet = SET) {
  const ciphertext = encode(`ciphertext of ${seed}`);
  return {
    id: sha256Hex(`id ${seed}`),
    sha256: sha256Hex(ciphertext),
    encoding,
    recipientSet,
    ciphertext,
  };
}

const tempFilesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((path) =>
    path.split("/").some((segment) => segment.startsWith(TEMP_PREFIX)),
  );

describe("LocalDirStore: initialize and assertExists", () => {
  it("creates a store in a new directory, and is idempotent", async () => {
    const store = newStore();
    await expect(store.assertExists()).rejects.toMatchObject({ code: "STORE_MISSING" });
    await store.initialize();
    await store.initialize();
    await expect(store.assertExists()).resolves.toBeUndefined();
    const marker = JSON.parse(readFileSync(store.path("snapgate.json"), "utf8")) as {
      format: string;
      created: string;
    };
    expect(marker.format).toBe(STORE_FORMAT);
    expect(Number.isNaN(Date.parse(marker.created))).toBe(false);
  });

  it("creates a store in an empty directory, and one that holds only dot files", async () => {
    const store = newStore();
    mkdirSync(join(store.location, ".git"), { recursive: true });
    await store.initialize();
    await expect(store.assertExists()).resolves.toBeUndefined();
  });

  it("refuses a non-empty directory that is not a store, and writes nothing into it", async () => {
    const store = newStore();
    mkdirSync(store.location);
    writeFileSync(join(store.location, "notes.txt"), "mine");
    await expect(store.initialize()).rejects.toMatchObject({
      code: "STORE_MISSING",
      summary: `${store.location} is not empty and is not a Snapgate store.`,
    });
    expect(readdirSync(store.location)).toEqual(["notes.txt"]);
  });

  it.each([
    ["another format", JSON.stringify({ format: "snapgate.store/v9" })],
    ["no format", "{}"],
    ["invalid JSON", "{not json"],
  ])("refuses a snapgate.json with %s, on initialize and on use", async (_, text) => {
    const store = newStore();
    mkdirSync(store.location);
    writeFileSync(join(store.location, "snapgate.json"), text);
    const expected = {
      code: "STORE_MISSING",
      summary: `${store.location}/snapgate.json is not a ${STORE_FORMAT} store.`,
    };
    await expect(store.initialize()).rejects.toMatchObject(expected);
    await expect(store.assertExists()).rejects.toMatchObject(expected);
  });

  it("says there is no store where there is none", async () => {
    const store = newStore();
    await expect(store.assertExists()).rejects.toMatchObject({
      code: "STORE_MISSING",
      summary: `There is no Snapgate store at ${store.location}.`,
    });
  });
});

describe("LocalDirStore: snapshot commits", () => {
  it("commits manifest, catalog line and audit lines, and the next view sees the new heads", async () => {
    const store = newStore();
    await store.initialize();
    const first = await store.beginWrite("prod");
    expect(first.head).toBeNull();
    expect(first.auditHead).toBeNull();
    expect(await commitNext(store, first, "manifest one")).toBe("committed");

    const second = await store.beginWrite("prod");
    const one = manifestOf("prod", 1, "manifest one");
    expect(second.head).toMatchObject({ seq: 1, sha256: sha256Hex(one) });
    expect(Buffer.from((await second.head?.loadManifest()) ?? []).equals(Buffer.from(one))).toBe(
      true,
    );
    expect(second.auditHead?.seq).toBe(1);
    expect(await commitNext(store, second, "manifest two")).toBe("committed");

    expect(await store.listManifestSeqs("prod")).toEqual([1, 2]);
    expect(Buffer.from((await store.readManifest("prod", 2)) ?? []).toString()).toContain(
      '"note":"manifest two"',
    );
    expect(await store.readManifest("prod", 3)).toBeNull();
    expect((await store.readCatalog("prod")).map((entry) => entry.seq)).toEqual([1, 2]);
    const lines = await store.readAuditLines();
    expect(verifyAuditChain(lines)).toEqual({ events: 2, problems: [] });
    expect(await store.currentAuditHead()).toMatchObject({ seq: 2 });
  });

  it("refuses a stale view whose stream head moved, and leaves the winner's manifest alone", async () => {
    const store = newStore();
    await store.initialize();
    const stale = await store.beginWrite("prod");
    expect(await commitNext(store, await store.beginWrite("prod"), "winner")).toBe("committed");
    expect(await commitNext(store, stale, "loser")).toBe("conflict");
    expect(await store.listManifestSeqs("prod")).toEqual([1]);
    expect(Buffer.from((await store.readManifest("prod", 1)) ?? []).toString()).toContain(
      '"note":"winner"',
    );
    expect(await store.readCatalog("prod")).toHaveLength(1);
    expect(await store.readAuditLines()).toHaveLength(1);
  });

  it("refuses a view whose audit head moved, even on another stream", async () => {
    const store = newStore();
    await store.initialize();
    const view = await store.beginWrite("prod");
    expect(await commitNext(store, await store.beginWrite("staging"), "other stream")).toBe(
      "committed",
    );
    expect(await commitNext(store, view, "prod one")).toBe("conflict");
    expect(await store.listManifestSeqs("prod")).toEqual([]);
    // Retrying on a fresh view succeeds and keeps one audit chain across streams.
    expect(await commitNext(store, await store.beginWrite("prod"), "prod one")).toBe("committed");
    expect(verifyAuditChain(await store.readAuditLines()).problems).toEqual([]);
  });

  it("refuses to replace an existing manifest and leaves no temp file", async () => {
    const store = newStore();
    await store.initialize();
    expect(await commitNext(store, await store.beginWrite("prod"), "one")).toBe("committed");
    const view = await store.beginWrite("prod");
    const outcome = await store.commitSnapshot({
      view,
      blobs: [],
      seq: 1,
      manifest: encode("impostor"),
      catalogEntry: catalogEntry("prod", 1, sha256Hex("impostor")),
      auditLines: [],
      time: new Date(),
    });
    expect(outcome).toBe("conflict");
    expect(Buffer.from((await store.readManifest("prod", 1)) ?? []).toString()).toContain(
      '"note":"one"',
    );
    expect(tempFilesUnder(store.location)).toEqual([]);
  });

  it("lists streams, ignoring dot entries", async () => {
    const store = newStore();
    await store.initialize();
    expect(await store.listStreams()).toEqual([]);
    await commitNext(store, await store.beginWrite("staging"), "s");
    await commitNext(store, await store.beginWrite("prod"), "p");
    mkdirSync(store.path("manifests/.trash"));
    expect(await store.listStreams()).toEqual(["prod", "staging"]);
  });

  it("orders manifest seqs numerically and ignores other files", async () => {
    const store = newStore();
    mkdirSync(store.path("manifests/prod"), { recursive: true });
    for (const name of ["0000000010.json", "0000000002.json", "notes.txt", "12.json"])
      writeFileSync(store.path(`manifests/prod/${name}`), "{}");
    expect(await store.listManifestSeqs("prod")).toEqual([2, 10]);
    expect(await store.listManifestSeqs("nothing")).toEqual([]);
  });
});

describe("LocalDirStore: blobs", () => {
  it("a staged blob is invisible under its name until the commit publishes it", async () => {
    const store = newStore();
    await store.initialize();
    const view = await store.beginWrite("prod");
    const blob = fakeBlob("a", "gzip");
    const { ciphertext, ...ref } = blob;
    await view.stageBlob(blob);
    // The view that staged it knows it (so a retry does not encrypt it again)...
    expect((await view.findBlobs([ref.id], SET)).get(ref.id)).toEqual(ref);
    // ...but the store does not serve it yet.
    expect(await store.readBlob(ref)).toBeNull();
    expect(await commitNext(store, view, "m")).toBe("committed");
    expect(Buffer.from((await store.readBlob(ref)) ?? []).equals(Buffer.from(ciphertext))).toBe(
      true,
    );
    expect(existsSync(store.path(blobPath(ref)))).toBe(true);
    expect(tempFilesUnder(store.location)).toEqual([]);
  });

  it("a later view finds stored blobs by id, and not ids it does not hold", async () => {
    const store = newStore();
    await store.initialize();
    const view = await store.beginWrite("prod");
    const a = fakeBlob("a");
    await view.stageBlob(a);
    await commitNext(store, view, "m");
    const later = await store.beginWrite("prod");
    const missing = fakeBlob("missing").id;
    const found = await later.findBlobs([a.id, missing], SET);
    expect([...found.keys()]).toEqual([a.id]);
    expect(found.get(a.id)).toEqual({
      id: a.id,
      sha256: a.sha256,
      encoding: "none",
      recipientSet: SET,
    });
  });

  it("finds a blob only under the recipient set it is sealed to (never one of unknown recipients)", async () => {
    const store = newStore();
    await store.initialize();
    const view = await store.beginWrite("prod");
    const other = "0ff".padEnd(32, "0");
    const sealedToOthers = fakeBlob("a", "none", other);
    await view.stageBlob(sealedToOthers);
    // A blob written before names carried a recipient set: who can open it is unknown.
    const { recipientSet: _set, ...legacy } = fakeBlob("b");
    await view.stageBlob(legacy);
    expect(existsSync(store.path(blobPath(legacy)))).toBe(false);
    await commitNext(store, view, "m");
    expect(blobPath(legacy)).toMatch(/^blobs\/[0-9a-f]{2}\/[0-9a-f]{64}-[0-9a-f]{64}\.age$/);
    const later = await store.beginWrite("prod");
    expect([...(await later.findBlobs([sealedToOthers.id, legacy.id], SET)).keys()]).toEqual([]);
    expect([...(await later.findBlobs([sealedToOthers.id], other)).keys()]).toEqual([
      sealedToOthers.id,
    ]);
    expect((await store.listBlobs()).map((blob) => blob.recipientSet ?? null).sort()).toEqual([
      other,
      null,
    ]);
  });

  it("lists every blob file, skipping names that are not blobs", async () => {
    const store = newStore();
    await store.initialize();
    expect(await store.listBlobs()).toEqual([]);
    const view = await store.beginWrite("prod");
    const blobs = [fakeBlob("a"), fakeBlob("b", "gzip"), fakeBlob("c")];
    for (const blob of blobs) await view.stageBlob(blob);
    await commitNext(store, view, "m");
    const { id } = blobs[0] as BlobRef;
    writeFileSync(store.path(`blobs/${id.slice(0, 2)}/junk.age`), "x");
    const expected = blobs
      .map(({ id: blobId, sha256, encoding }) => ({ id: blobId, sha256, encoding }))
      .sort((x, y) => x.id.localeCompare(y.id));
    const listed = await store.listBlobs();
    expect(listed.map(({ id, sha256, encoding }) => ({ id, sha256, encoding }))).toEqual(expected);
    for (const blob of listed) expect(Number.isFinite(blob.modifiedAt?.getTime())).toBe(true);
    // Names only (a restore's presence check): the same blobs, and no file is stat'ed for a time.
    const names = await store.listBlobs({ modifiedAt: false });
    expect(names).toEqual(listed.map(({ modifiedAt: _time, ...ref }) => ref));
    for (const blob of names) expect(blob).not.toHaveProperty("modifiedAt");
    // Where a crypto worker reads a blob itself: the file readBlob reads.
    expect(readFileSync(store.blobFilePath(blobs[1] as BlobRef))).toEqual(
      Buffer.from((await store.readBlob(blobs[1] as BlobRef)) as Uint8Array),
    );
  });
});

describe("LocalDirStore: catalog", () => {
  it("returns the catalog ordered by seq and skips a torn last line", async () => {
    const store = newStore();
    mkdirSync(store.path("catalog/prod"), { recursive: true });
    const [a, b] = [sha256Hex("a"), sha256Hex("b")];
    const lines = [catalogEntry("prod", 2, b), catalogEntry("prod", 1, a)].map((entry) =>
      JSON.stringify(entry),
    );
    writeFileSync(
      store.path("catalog/prod/2025-03.jsonl"),
      `${lines.join("\n")}\n\n{"id":"c","str`,
    );
    expect((await store.readCatalog("prod")).map((entry) => entry.id)).toEqual([a, b]);
    expect(await store.readCatalog("absent")).toEqual([]);
  });
});

describe("LocalDirStore: audit log", () => {
  it("appends by compare-and-swap on the audit head", async () => {
    const store = newStore();
    await store.initialize();
    const time = new Date("2025-03-10T00:00:00Z");
    const first = auditLines(null, "one", time);
    expect(await store.appendAudit(null, first, time)).toBe("committed");
    // Someone who still thinks the log is empty loses.
    expect(await store.appendAudit(null, auditLines(null, "stale", time), time)).toBe("conflict");
    const head = await store.currentAuditHead();
    expect(head?.seq).toBe(1);
    expect(await store.appendAudit(head, auditLines(head, "two", time), time)).toBe("committed");
    expect(verifyAuditChain(await store.readAuditLines())).toEqual({ events: 2, problems: [] });
  });

  it("writes to the month file of the event, or to the newest file when a writer's clock is behind", async () => {
    const store = newStore();
    await store.initialize();
    const append = async (iso: string) => {
      const head = await store.currentAuditHead();
      const time = new Date(iso);
      expect(await store.appendAudit(head, auditLines(head, iso, time), time)).toBe("committed");
    };
    await append("2025-03-31T23:00:00Z");
    await append("2025-01-15T00:00:00Z"); // a clock behind: stays in March, the chain's end
    await append("2025-04-01T00:00:00Z");
    await append("2026-01-01T00:00:00Z");
    const perFile = (path: string) =>
      readFileSync(store.path(path), "utf8")
        .trim()
        .split("\n")
        .map((line) => (JSON.parse(line) as { type: string }).type);
    expect(perFile("audit/2025/03.jsonl")).toEqual([
      "2025-03-31T23:00:00Z",
      "2025-01-15T00:00:00Z",
    ]);
    expect(existsSync(store.path("audit/2025/01.jsonl"))).toBe(false);
    expect(perFile("audit/2025/04.jsonl")).toEqual(["2025-04-01T00:00:00Z"]);
    expect(perFile("audit/2026/01.jsonl")).toEqual(["2026-01-01T00:00:00Z"]);
    // Read back oldest file first, so the chain verifies across months and years.
    expect(verifyAuditChain(await store.readAuditLines())).toEqual({ events: 4, problems: [] });
    expect(await store.currentAuditHead()).toMatchObject({ seq: 4 });
  });

  it("ignores files in audit/ that are not year/month logs", async () => {
    const store = newStore();
    await store.initialize();
    const time = new Date("2025-05-05T00:00:00Z");
    await store.appendAudit(null, auditLines(null, "real", time), time);
    mkdirSync(store.path("audit/notes"), { recursive: true });
    writeFileSync(store.path("audit/notes/99.jsonl"), "junk\n");
    writeFileSync(store.path("audit/2025/readme.txt"), "junk\n");
    appendFileSync(store.path("audit/2025/05.jsonl"), "\n");
    expect(await store.readAuditLines()).toHaveLength(1);
    expect(await store.currentAuditHead()).toMatchObject({ seq: 1 });
  });
});

describe("LocalDirStore: records", () => {
  it("writes a record once, reads it back, and refuses to overwrite it", async () => {
    const store = newStore();
    await store.initialize();
    const path = "verifications/prod/2025-01-01T00:00:00Z-a.json";
    await store.writeRecords([{ path, bytes: encode('{"ok":true}') }]);
    expect(Buffer.from((await store.readRecord(path)) ?? []).toString()).toBe('{"ok":true}');
    await expect(store.writeRecords([{ path, bytes: encode("{}") }])).rejects.toMatchObject({
      code: "CONFLICT",
      summary: `The record ${path} already exists in ${store.location}.`,
    });
    expect(Buffer.from((await store.readRecord(path)) ?? []).toString()).toBe('{"ok":true}');
    expect(await store.readRecord("verifications/prod/absent.json")).toBeNull();
  });

  it("refuses unsafe record paths on write, read and list", async () => {
    const store = newStore();
    await store.initialize();
    await expect(
      store.writeRecords([{ path: "../outside.json", bytes: encode("x") }]),
    ).rejects.toMatchObject({ code: "UNSAFE_PATH" });
    await expect(store.readRecord("manifests/prod/0000000001.json")).rejects.toMatchObject({
      code: "UNSAFE_PATH",
    });
    await expect(store.listRecords("../")).rejects.toMatchObject({ code: "UNSAFE_PATH" });
    expect(existsSync(join(store.location, "..", "outside.json"))).toBe(false);
  });

  it("lists records under a prefix recursively and sorted, without temp files", async () => {
    const store = newStore();
    await store.initialize();
    for (const path of [
      "requests/r2/request.json",
      "requests/r1/approvals/b.json",
      "requests/r1/request.json",
      "approvals/elsewhere.json",
    ])
      await store.writeRecords([{ path, bytes: encode("{}") }]);
    writeFileSync(store.path(`requests/r1/${TEMP_PREFIX}half-written`), "");
    const expected = [
      "requests/r1/approvals/b.json",
      "requests/r1/request.json",
      "requests/r2/request.json",
    ];
    expect(await store.listRecords("requests")).toEqual(expected);
    expect(await store.listRecords("requests/")).toEqual(expected);
    expect(await store.listRecords("requests/r1/approvals")).toEqual([
      "requests/r1/approvals/b.json",
    ]);
    expect(await store.listRecords("drills")).toEqual([]);
  });
});

describe("LocalDirStore: commit against a concurrent prune", () => {
  it("refuses (conflict) a commit whose referenced blob was deleted after the view was read", async () => {
    const store = newStore();
    await store.initialize();
    const blob = fakeBlob("reused");
    const seed = await store.beginWrite("prod");
    await seed.stageBlob(blob);
    expect(await commitNext(store, seed, "manifest with the blob")).toBe("committed");

    const writer = await store.beginWrite("prod");
    const { ciphertext: _ciphertext, ...ref } = blob;
    expect((await writer.findBlobs([blob.id], SET)).get(blob.id)).toEqual(ref);
    await store.deleteBlobs([ref]); // prune runs between the writer's view and its commit
    const seq = (writer.head?.seq ?? 0) + 1;
    const manifest = manifestOf("prod", seq, "reusing the blob");
    const outcome = await store.commitSnapshot({
      view: writer,
      blobs: [ref],
      seq,
      manifest,
      catalogEntry: catalogEntry("prod", seq, sha256Hex(manifest)),
      auditLines: [],
      time: new Date(),
    });
    expect(outcome).toBe("conflict");
    expect(await store.listManifestSeqs("prod")).toEqual([1]);
  });

  /** A store with one committed blob, and a commit of a manifest that reuses it. */
  async function storeWithBlob() {
    const store = newStore();
    await store.initialize();
    const { ciphertext: _ciphertext, ...ref } = fakeBlob("reused");
    const seed = await store.beginWrite("prod");
    await seed.stageBlob(fakeBlob("reused"));
    expect(await commitNext(store, seed, "manifest with the blob")).toBe("committed");
    const commitReusing = (view: WriteView) => {
      const manifest = manifestOf("prod", 2, "reusing the blob");
      return store.commitSnapshot({
        view,
        blobs: [ref],
        seq: 2,
        manifest,
        catalogEntry: catalogEntry("prod", 2, sha256Hex(manifest)),
        auditLines: [],
        time: new Date(),
      });
    };
    return { store, ref, commitReusing };
  }

  it("refuses a commit whose view was read while prune was deleting", async () => {
    const { store, ref, commitReusing } = await storeWithBlob();
    let during: WriteView | undefined;
    await store.deleteBlobs([ref], async (blobs) => {
      // Prune holds the lock and is about to delete: a writer reads the store now.
      during = await store.beginWrite("prod");
      expect((await during.findBlobs([ref.id], SET)).get(ref.id)).toEqual(ref);
      return blobs;
    });
    expect(during).toBeDefined();
    expect(await commitReusing(during as WriteView)).toBe("conflict");
    expect(await store.listManifestSeqs("prod")).toEqual([1]);
  });

  it("refuses a commit after a prune that died while deleting", async () => {
    const { store, ref, commitReusing } = await storeWithBlob();
    await expect(
      store.deleteBlobs([ref], async () => {
        throw new Error("prune killed");
      }),
    ).rejects.toThrow("prune killed");
    // What the dead prune had deleted before it stopped; a writer reads the store afterwards.
    unlinkSync(store.path(blobPath(ref)));
    const after = await store.beginWrite("prod");
    expect(await commitReusing(after)).toBe("conflict");
  });

  it("deletes only what recheck leaves, and commits without a check once prune is done", async () => {
    const { store, ref, commitReusing } = await storeWithBlob();
    await store.deleteBlobs([ref], async () => []);
    expect(existsSync(store.path(blobPath(ref)))).toBe(true);
    expect(await commitReusing(await store.beginWrite("prod"))).toBe("committed");
  });
});

describe("LocalDirStore: the head a snapshot chains onto", () => {
  it("refuses to begin a write onto a newest manifest that is not JSON, or not what its name says", async () => {
    const store = newStore();
    await store.initialize();
    expect(await commitNext(store, await store.beginWrite("prod"), "one")).toBe("committed");
    const newest = store.path("manifests/prod/0000000001.json");
    chmodSync(newest, 0o644);
    for (const [content, says] of [
      ["not json", "is not JSON"],
      [JSON.stringify({ stream: "prod", seq: 7 }), "says it is prod@7"],
    ] as const) {
      writeFileSync(newest, content);
      await expect(store.beginWrite("prod")).rejects.toMatchObject({
        code: "INTEGRITY",
        summary: `manifests/prod/0000000001.json, the newest manifest of prod in ${store.location}, ${says}: a snapshot cannot chain onto it.`,
      });
    }
  });

  it("refuses a damaged head pointer, saying how to rebuild it", async () => {
    const store = newStore();
    await store.initialize();
    expect(await commitNext(store, await store.beginWrite("prod"), "one")).toBe("committed");
    writeFileSync(store.path("heads/prod.json"), "");
    await expect(store.beginWrite("prod")).rejects.toMatchObject({
      code: "INTEGRITY",
      fix: expect.stringContaining("then delete heads/prod.json") as unknown,
    });
  });
});

describe("LocalDirStore: temp files interrupted writers left", () => {
  /** A temp file at `relative`, last written `ageMs` ago. */
  function litter(store: LocalDirStore, relative: string, ageMs: number): string {
    const path = store.path(relative);
    mkdirSync(join(path, ".."), { recursive: true });
    writeFileSync(path, "x".repeat(100));
    const then = new Date(Date.now() - ageMs);
    utimesSync(path, then, then);
    return path;
  }
  const HOUR = 60 * 60 * 1000;

  it("clearStaleTempFiles deletes only temp files older than the bound, everywhere in the store", async () => {
    const store = newStore();
    await store.initialize();
    const old = [
      `blobs/ab/${TEMP_PREFIX}aaaa`,
      `manifests/prod/${TEMP_PREFIX}0000000003.json-bbbb`,
      `locks/${TEMP_PREFIX}commit.lock-cccc`,
      `catalog/prod/${TEMP_PREFIX}dddd`,
    ].map((relative) => litter(store, relative, 7 * HOUR));
    const fresh = litter(store, `blobs/ab/${TEMP_PREFIX}eeee`, HOUR);
    const notTemp = litter(store, "blobs/ab/README", 7 * HOUR);
    const before = new Date(Date.now() - 6 * HOUR);
    expect(await store.clearStaleTempFiles(before, { dryRun: true })).toEqual({
      files: 4,
      bytes: 400,
      strays: ["blobs/ab/README"],
    });
    expect(old.every((path) => existsSync(path))).toBe(true);
    expect(await store.clearStaleTempFiles(before)).toMatchObject({ files: 4, bytes: 400 });
    expect(old.filter((path) => existsSync(path))).toEqual([]);
    expect(existsSync(fresh) && existsSync(notTemp)).toBe(true);
  });

  it("a writer deletes stale temp files in the blob folders it reads, and keeps recent ones", async () => {
    const store = newStore();
    await store.initialize();
    const blob = fakeBlob("a");
    const prefix = blob.id.slice(0, 2);
    const stale = litter(store, `blobs/${prefix}/${TEMP_PREFIX}1111`, 7 * HOUR);
    const live = litter(store, `blobs/${prefix}/${TEMP_PREFIX}2222`, HOUR);
    await (await store.beginWrite("prod")).findBlobs([blob.id], SET);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(live)).toBe(true);
  });

  it("a discarded view removes the blobs it staged, and any it is handed later", async () => {
    const store = newStore();
    await store.initialize();
    const view = await store.beginWrite("prod");
    await view.stageBlob(fakeBlob("a"));
    expect(tempFilesUnder(store.location)).toHaveLength(1);
    await view.discard();
    expect(tempFilesUnder(store.location)).toEqual([]);
    const late = store.path(`blobs/${TEMP_PREFIX}late`);
    writeFileSync(late, "sealed after the failure");
    const { ciphertext: _ciphertext, ...ref } = fakeBlob("b");
    await view.adoptStagedBlob(ref, late);
    await view.stageBlob(fakeBlob("c"));
    expect(tempFilesUnder(store.location)).toEqual([]);
    expect(await store.listBlobs()).toEqual([]);
  });
});
