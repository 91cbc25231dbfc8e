import { describe, expect, it } from "@jest/globals";
import { signatureProblem } from "../../../core/snapshot/signature-problem.js";
import { signManifest } from "../../../core/crypto/manifest-signature.js";
import { loadSodium } from "../../../core/crypto/sodium.js";
import {
  generateWriterKeyText,
  parseWriterKey,
  writerSigner,
} from "../../../core/crypto/writer-key.js";
import { MANIFEST_FORMAT, type Manifest } from "../../../core/types.js";

const sodium = await loadSodium();
const writer = parseWriterKey(generateWriterKeyText(), "test");
const key = writerSigner(sodium, writer).verifyKey;
const manifest = signManifest(
  sodium,
  {
    format: MANIFEST_FORMAT,
    stream: "prod",
    seq: 1,
    prev: null,
    phase: "manual",
    time: "2025-01-01T00:00:00.000Z",
    writtenAt: "2025-01-01T00:00:00.000Z",
    metadata: { environment: "prod", tags: [] },
    policyDigest: null,
    recipients: [],
    files: [],
  },
  writer,
);

describe("signatureProblem", () => {
  it("has nothing to say about a good signature by a trusted key", () => {
    expect(signatureProblem(sodium, manifest, [key], "snapshot prod@1")).toBeUndefined();
  });

  it("names the untrusted key, or says there is none", () => {
    expect(signatureProblem(sodium, manifest, ["sgw1other"], "snapshot prod@1")?.message).toBe(
      `snapshot prod@1 is signed by ${key}, which is not a trusted writer key.`,
    );
    const keyless = { ...manifest, signature: { ...manifest.signature, key: "" } } as Manifest;
    expect(signatureProblem(sodium, keyless, [key], "snapshot prod@1")?.message).toBe(
      "snapshot prod@1 is signed by no key, which is not a trusted writer key.",
    );
  });

  it("says an altered manifest was changed after signing, and not to restore it", () => {
    const problem = signatureProblem(sodium, { ...manifest, seq: 2 }, [key], "snapshot prod@2");
    expect(problem?.message).toBe(
      `snapshot prod@2 has an invalid signature from ${key}: it was altered after it was signed.`,
    );
    expect(problem?.fix).toMatch(/^Do not restore from it/);
  });
});
