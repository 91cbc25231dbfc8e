import { describe, expect, it } from "@jest/globals";
import { signManifest, verifyManifestSignature } from "../../../core/crypto/manifest-signature.js";
import { canonicalJson } from "../../../core/crypto/canonical-json.js";
import { loadSodium } from "../../../core/crypto/sodium.js";
import {
  generateWriterKeyText,
  parseWriterKey,
  writerSigner,
} from "../../../core/crypto/writer-key.js";
import { isSnapgateError } from "../../../core/errors.js";
import { MANIFEST_FORMAT, type Manifest, type ManifestBody } from "../../../core/types.js";

const sodium = await loadSodium();
const writer = parseWriterKey(generateWriterKeyText(), "test");
const verifyKey = writerSigner(sodium, writer).verifyKey;
const stranger = writerSigner(sodium, parseWriterKey(generateWriterKeyText(), "t")).verifyKey;

const body: ManifestBody = {
  format: MANIFEST_FORMAT,
  stream: "prod",
  seq: 1,
  prev: null,
  phase: "pre",
  time: "2025-01-01T00:00:00.000Z",
  writtenAt: "2025-01-01T00:00:01.000Z",
  metadata: { environment: "prod", tags: ["a"] },
  policyDigest: null,
  recipients: ["age1example"],
  files: [],
};

describe("manifest signatures", () => {
  it("signs the canonical body with the writer's Ed25519 key; a trusted key verifies it", () => {
    const manifest = signManifest(sodium, body, writer);
    expect(manifest.signature).toMatchObject({ alg: "ed25519", key: verifyKey });
    expect(Buffer.from(manifest.signature.value, "base64")).toHaveLength(64);
    expect(verifyManifestSignature(sodium, manifest, [stranger, verifyKey])).toEqual({
      ok: true,
      key: verifyKey,
    });
    // Key order in the JSON does not matter: the canonical form is what is signed.
    const reordered = JSON.parse(
      JSON.stringify(Object.fromEntries(Object.entries(manifest).reverse())),
    ) as Manifest;
    expect(verifyManifestSignature(sodium, reordered, [verifyKey]).ok).toBe(true);
  });

  it("refuses a signature by a key that is not trusted, without checking it", () => {
    const manifest = signManifest(sodium, body, writer);
    expect(verifyManifestSignature(sodium, manifest, [stranger])).toEqual({
      ok: false,
      reason: "unknown-key",
      key: verifyKey,
    });
    expect(verifyManifestSignature(sodium, manifest, [])).toMatchObject({
      reason: "unknown-key",
    });
  });

  it.each([
    ["a changed field", (m: Manifest) => ({ ...m, seq: 2 })],
    [
      "an added file",
      (m: Manifest) => ({ ...m, files: [{ type: "symlink", path: "x", target: "y" }] }),
    ],
    ["a changed tag", (m: Manifest) => ({ ...m, metadata: { ...m.metadata, tags: ["b"] } })],
    [
      "another valid signature's value",
      (m: Manifest) => ({
        ...m,
        signature: {
          ...m.signature,
          value: signManifest(sodium, { ...body, seq: 9 }, writer).signature.value,
        },
      }),
    ],
    [
      "a value that is not a signature",
      (m: Manifest) => ({ ...m, signature: { ...m.signature, value: "AAAA" } }),
    ],
    ["another algorithm", (m: Manifest) => ({ ...m, signature: { ...m.signature, alg: "rsa" } })],
  ])("reports a bad signature for %s", (_, tamper) => {
    const manifest = tamper(signManifest(sodium, body, writer)) as Manifest;
    expect(verifyManifestSignature(sodium, manifest, [verifyKey])).toEqual({
      ok: false,
      reason: "bad-signature",
      key: verifyKey,
    });
  });

  it("a trusted key that is not a verify key fails as a bad signature, not a crash", () => {
    const manifest = signManifest(sodium, body, writer);
    const forged = { ...manifest, signature: { ...manifest.signature, key: "garbage" } };
    expect(verifyManifestSignature(sodium, forged, ["garbage"])).toEqual({
      ok: false,
      reason: "bad-signature",
      key: "garbage",
    });
  });

  it("an unsigned manifest is signed by no key", () => {
    const unsigned = { ...body } as Manifest;
    expect(verifyManifestSignature(sodium, unsigned, [verifyKey])).toEqual({
      ok: false,
      reason: "unknown-key",
      key: "",
    });
  });
});

describe("canonicalJson", () => {
  it("sorts keys and has no whitespace (RFC 8785)", () => {
    expect(canonicalJson({ b: 1, a: [true, null, "x"], c: { z: 1.5, y: 1e21 } })).toBe(
      '{"a":[true,null,"x"],"b":1,"c":{"y":1e+21,"z":1.5}}',
    );
  });

  it("refuses a value that has no JSON form", () => {
    let error: unknown;
    try {
      canonicalJson(undefined);
    } catch (caught) {
      error = caught;
    }
    expect(isSnapgateError(error, "INTEGRITY")).toBe(true);
  });
});
