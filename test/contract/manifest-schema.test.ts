import { describe, expect, it } from "@jest/globals";
import { parseManifest } from "../../core/snapshot/parse-manifest.js";
import type { Manifest } from "../../core/types.js";

/** A manifest as version 0.1 wrote it: no consistency, no coverage. */
const OLD_MANIFEST = {
  format: "snapgate.manifest/v1",
  stream: "prod",
  seq: 1,
  prev: null,
  phase: "pre",
  time: "2026-11-26T09:00:00.000Z",
  writtenAt: "2026-11-26T09:00:01.000Z",
  metadata: { environment: "prod", tags: [] },
  policyDigest: null,
  recipients: ["age1tc5x9xv55dy392qwxl9kxfmxnluqglthqpaa58gp8w8epglzpqxqdcy89d"],
  files: [
    {
      type: "file",
      path: "deploy/app.yaml",
      mode: 420,
      size: 10,
      blob: "a".repeat(64),
      encoding: "gzip",
      ciphertextSha256: "b".repeat(64),
    },
  ],
  signature: {
    alg: "ed25519",
    key: "sgw1dzqtdzjgwf64ed5t00pvdyg25y8lzc44996u60neufm6gd82wnxsm47na5",
    value: `${"A".repeat(86)}==`,
  },
};

const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

describe("schemas/manifest.schema.json: optional policy facts", () => {
  it("keeps manifests without consistency and coverage valid", () => {
    expect(parseManifest(bytes(OLD_MANIFEST), "old").coverage).toBeUndefined();
  });

  it("accepts coverage facts and a sha256: policy digest", () => {
    const manifest = {
      ...OLD_MANIFEST,
      policyDigest: `sha256:${"c".repeat(64)}`,
      consistency: [{ name: "schema", ok: false, message: "schema: differs" }],
      coverage: {
        uncoveredTier0Paths: ["deploy/prod/misc.yaml"],
        missingComponents: ["payments-db"],
        secretsOutsideComponents: [],
      },
    };
    expect(parseManifest(bytes(manifest), "new").coverage?.missingComponents).toEqual([
      "payments-db",
    ]);
  });

  it("refuses coverage with a missing list or an unknown key", () => {
    const partial = { ...OLD_MANIFEST, coverage: { uncoveredTier0Paths: [] } };
    expect(() => parseManifest(bytes(partial), "partial")).toThrow(
      /partial is not a valid snapgate.manifest\/v1: \/coverage must have required property 'missingComponents'/,
    );
    const extra = {
      ...OLD_MANIFEST,
      coverage: {
        uncoveredTier0Paths: [],
        missingComponents: [],
        secretsOutsideComponents: [],
        note: "x",
      },
    };
    expect(() => parseManifest(bytes(extra), "extra")).toThrow(/has an unknown key 'note'/);
  });
});

describe("schemas/manifest.schema.json: empty directories", () => {
  it("accepts an optional list of empty directories; old manifests have none", () => {
    const manifest = { ...OLD_MANIFEST, emptyDirectories: ["var/log/app", "conf/empty"] };
    expect(parseManifest(bytes(manifest), "dirs").emptyDirectories).toEqual([
      "var/log/app",
      "conf/empty",
    ]);
    expect(parseManifest(bytes(OLD_MANIFEST), "old").emptyDirectories).toBeUndefined();
  });

  it("refuses an empty directory that is not a non-empty string", () => {
    expect(() => parseManifest(bytes({ ...OLD_MANIFEST, emptyDirectories: [""] }), "bad")).toThrow(
      /bad is not a valid snapgate.manifest\/v1: \/emptyDirectories\/0 must NOT have fewer than 1 characters/,
    );
  });
});

describe("schemas/manifest.schema.json: recipient sets", () => {
  const SET = "0123456789abcdef0123456789abcdef";
  const withSets = (set: string, sets: unknown) => ({
    ...OLD_MANIFEST,
    recipientSets: sets,
    files: OLD_MANIFEST.files.map((file) => ({ ...file, recipientSet: set })),
  });

  it("keeps manifests without recipient sets valid, and accepts them defined once", () => {
    expect(parseManifest(bytes(OLD_MANIFEST), "old").recipientSets).toBeUndefined();
    const manifest = parseManifest(
      bytes(withSets(SET, { [SET]: { recipients: OLD_MANIFEST.recipients } })),
      "new",
    );
    expect((manifest as Manifest).files[0]).toMatchObject({ recipientSet: SET });
  });

  it("refuses a malformed set id, an empty set and repeated recipients", () => {
    const recipients = OLD_MANIFEST.recipients;
    expect(() =>
      parseManifest(bytes(withSets("XYZ", { [SET]: { recipients } })), "bad id"),
    ).toThrow(/bad id is not a valid snapgate.manifest\/v1/);
    expect(() => parseManifest(bytes(withSets(SET, { short: { recipients } })), "bad key")).toThrow(
      /bad key is not a valid/,
    );
    expect(() =>
      parseManifest(bytes(withSets(SET, { [SET]: { recipients: [] } })), "empty"),
    ).toThrow(/empty is not a valid/);
    expect(() =>
      parseManifest(
        bytes(withSets(SET, { [SET]: { recipients: [...recipients, ...recipients] } })),
        "repeated",
      ),
    ).toThrow(/repeated is not a valid/);
  });
});
