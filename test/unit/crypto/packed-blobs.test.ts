import { randomBytes } from "node:crypto";
import { describe, expect, it } from "@jest/globals";
import { BlobSealer } from "../../../core/crypto/blob-sealer.js";
import { BlobOpener, type BlobContext } from "../../../core/crypto/blob-opener.js";
import { generateAgeKeyPair, parseIdentities } from "../../../core/crypto/age-keys.js";
import { loadSodium } from "../../../core/crypto/sodium.js";
import { PackPlaintextCache } from "../../../core/crypto/pack-plaintext-cache.js";
import { buildPack } from "../../../core/snapshot/build-pack.js";
import {
  MAX_PACK_MEMBERS,
  MAX_PACKED_FILE_BYTES,
  MIN_PACKED_BLOBS,
  planPacks,
} from "../../../core/snapshot/plan-packs.js";
import { SeededRandom } from "../../../bench/corpus/seeded-random.js";

const sodium = await loadSodium();
const owner = generateAgeKeyPair(sodium);
const other = generateAgeKeyPair(sodium);
const [ownerSecret] = parseIdentities(owner.identity, "test") as [Uint8Array];
const [otherSecret] = parseIdentities(other.identity, "test") as [Uint8Array];

/** Members of every kind a pack holds: empty, short, compressible, incompressible, secret. */
function members(random: SeededRandom, count: number) {
  return Array.from({ length: count }, (_, index) => {
    const kind = random.int(0, 4);
    const content =
      kind === 0
        ? new Uint8Array(0)
        : kind === 1
          ? Buffer.from(`k${index}`)
          : kind === 2
            ? Buffer.from(`key-${index}: value\n`.repeat(random.int(4, 400)))
            : new Uint8Array(randomBytes(random.int(1, 5000)));
    return { content, compress: kind !== 4 };
  });
}

async function sealedPack(count: number, seed: number) {
  const sealer = await BlobSealer.create([owner.recipient]);
  const random = new SeededRandom(seed);
  const parts = members(random, count);
  const pack = buildPack(parts);
  const sealed = await sealer.seal(pack.plaintext, false);
  return { parts, pack, sealed };
}

const contextOf = (
  slice: { offset: number; length: number },
  pack: string,
  size: number,
): BlobContext => ({ describe: "a.yaml in prod@1", size, slice: { ...slice, pack } });

describe("planPacks (ADR 1114)", () => {
  it("packs nothing below the minimum, and never a file over the size limit", () => {
    const sizes = Array.from({ length: MIN_PACKED_BLOBS - 1 }, () => 10);
    expect(planPacks(sizes, (size) => size)).toEqual({ packs: [], alone: sizes });
    const large = MAX_PACKED_FILE_BYTES + 1;
    const mixed = [...Array.from({ length: MIN_PACKED_BLOBS }, () => 10), large];
    const plan = planPacks(mixed, (size) => size);
    expect(plan.alone).toEqual([large]);
    expect(plan.packs.flat()).toHaveLength(MIN_PACKED_BLOBS);
  });

  it("closes a pack at its member limit and keeps every file exactly once, in order", () => {
    const ids = Array.from({ length: 3 * MAX_PACK_MEMBERS + 5 }, (_, index) => index);
    const plan = planPacks(ids, () => 100);
    expect(plan.packs.map((pack) => pack.length)).toEqual([
      MAX_PACK_MEMBERS,
      MAX_PACK_MEMBERS,
      MAX_PACK_MEMBERS,
      5,
    ]);
    expect(plan.packs.flat()).toEqual(ids);
  });
});

describe("planPacks: where a pack ends depends on its members' content ids", () => {
  it("ends a pack after a member whose id starts below 08, so an added file moves no later boundary", () => {
    const ids = Array.from(
      { length: 200 },
      (_, index) => (index % 23 === 22 ? "05" : "a0") + String(index).padStart(62, "0"),
    );
    const plan = planPacks(
      ids,
      () => 10,
      (id) => id,
    );
    for (const pack of plan.packs.slice(0, -1))
      expect((pack.at(-1) as string).startsWith("05")).toBe(true);
    // One file more near the start: only the first pack changes.
    const more = ["a0" + "f".repeat(62), ...ids];
    const again = planPacks(
      more,
      () => 10,
      (id) => id,
    );
    expect(again.packs.slice(1)).toEqual(plan.packs.slice(1));
  });
});

describe("a packed member opens from its slice of the pack", () => {
  it("gives back every member, whatever its kind and encoding, for many packs (seeded)", async () => {
    const opener = await BlobOpener.create([ownerSecret]);
    for (let seed = 1; seed <= 8; seed++) {
      const { parts, pack, sealed } = await sealedPack(40, seed);
      for (const [index, part] of parts.entries()) {
        const slice = pack.slices[index] as (typeof pack.slices)[number];
        const opened = await opener.open(
          sealed.ciphertext,
          slice.encoding,
          contextOf(slice, sealed.sha256, part.content.length),
        );
        expect(Buffer.from(opened).equals(Buffer.from(part.content))).toBe(true);
      }
      expect(pack.slices.some((slice) => slice.encoding === "gzip")).toBe(true);
      expect(pack.slices.some((slice) => slice.encoding === "none")).toBe(true);
    }
  });

  it("refuses a slice outside the pack, and a key the pack is not sealed to", async () => {
    const { pack, sealed } = await sealedPack(40, 99);
    const opener = await BlobOpener.create([ownerSecret]);
    const end = pack.plaintext.length;
    await expect(
      opener.open(
        sealed.ciphertext,
        "none",
        contextOf({ offset: end - 2, length: 3 }, sealed.sha256, 3),
      ),
    ).rejects.toMatchObject({
      code: "INTEGRITY",
      summary: expect.stringContaining(`lies at bytes ${end - 2}-${end + 1} of a pack of ${end}`),
    });
    const stranger = await BlobOpener.create([otherSecret]);
    await expect(
      stranger.open(
        sealed.ciphertext,
        "none",
        contextOf({ offset: 0, length: 1 }, sealed.sha256, 1),
      ),
    ).rejects.toMatchObject({ code: "WRONG_KEY" });
  });

  it("decrypts a pack once for all its members, and a member then needs no bytes", async () => {
    const { parts, pack, sealed } = await sealedPack(40, 7);
    const opener = await BlobOpener.create([ownerSecret]);
    expect(opener.holdsPack(sealed.sha256)).toBe(false);
    const first = pack.slices[0] as (typeof pack.slices)[number];
    await opener.open(
      sealed.ciphertext,
      first.encoding,
      contextOf(first, sealed.sha256, parts[0]?.content.length ?? 0),
    );
    expect(opener.holdsPack(sealed.sha256)).toBe(true);
    const last = pack.slices.length - 1;
    const slice = pack.slices[last] as (typeof pack.slices)[number];
    const opened = await opener.open(
      new Uint8Array(0),
      slice.encoding,
      contextOf(slice, sealed.sha256, parts[last]?.content.length ?? 0),
    );
    expect(Buffer.from(opened).equals(Buffer.from(parts[last]?.content ?? []))).toBe(true);
  });
});

describe("PackPlaintextCache", () => {
  it("shares one decryption between members asked at once, and forgets a failed one", async () => {
    const cache = new PackPlaintextCache();
    let decryptions = 0;
    const decrypt = async () => {
      decryptions += 1;
      return new Uint8Array(8);
    };
    await Promise.all([cache.get("a", decrypt), cache.get("a", decrypt), cache.get("a", decrypt)]);
    expect(decryptions).toBe(1);
    await expect(cache.get("b", () => Promise.reject(new Error("bad")))).rejects.toThrow("bad");
    expect(cache.has("b")).toBe(false);
  });

  it("keeps at most its count and bytes, dropping the oldest first", async () => {
    const cache = new PackPlaintextCache(2, 100);
    const bytes = (n: number) => async () => new Uint8Array(n);
    await cache.get("a", bytes(10));
    await cache.get("b", bytes(10));
    await cache.get("c", bytes(10));
    expect([cache.has("a"), cache.has("b"), cache.has("c")]).toEqual([false, true, true]);
    await cache.get("d", bytes(95));
    expect([cache.has("b"), cache.has("c"), cache.has("d")]).toEqual([false, false, true]);
  });
});
