import { describe, expect, it } from "@jest/globals";
import { parseManifest } from "../../core/snapshot/parse-manifest.js";
import type { Manifest } from "../../core/types.js";
import { parseManifestNode } from "../../core/snapshot/parse-manifest-node.js";
import { sha256Hex } from "../../core/crypto/sha256-hex.js";

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

/** The root format v2 writes: OLD_MANIFEST's fields, the files replaced by node ids. */
const { files: _oldFiles, ...OLD_BODY } = OLD_MANIFEST;
const ROOT = { ...OLD_BODY, format: "snapgate.manifest/v2", nodes: ["d".repeat(64)] };
const NODE = { format: "snapgate.manifest-node/v1", files: OLD_MANIFEST.files };
const nodeBytes = (value: unknown) => bytes(value);

describe("schemas/manifest-root.schema.json: the v2 root", () => {
  it("accepts a root naming nodes, and an empty snapshot's root naming none", () => {
    expect(parseManifest(bytes(ROOT), "root").nodes).toEqual(["d".repeat(64)]);
    expect(parseManifest(bytes({ ...ROOT, nodes: [] }), "empty").nodes).toEqual([]);
  });

  it("refuses a root with inline files, without nodes, or with a malformed node id", () => {
    expect(() => parseManifest(bytes({ ...ROOT, files: OLD_MANIFEST.files }), "both")).toThrow(
      /both is not a valid snapgate.manifest\/v2: \/ has an unknown key 'files'/,
    );
    const { nodes: _nodes, ...noNodes } = ROOT;
    expect(() => parseManifest(bytes(noNodes), "none")).toThrow(
      /none is not a valid snapgate.manifest\/v2: \/ must have required property 'nodes'/,
    );
    expect(() => parseManifest(bytes({ ...ROOT, nodes: ["D".repeat(64)] }), "upper")).toThrow(
      /upper is not a valid snapgate.manifest\/v2: \/nodes\/0 must match pattern/,
    );
  });

  it("judges a v1 manifest that names nodes, or an unknown format, as v1", () => {
    expect(() => parseManifest(bytes({ ...OLD_MANIFEST, nodes: [] }), "mixed")).toThrow(
      /mixed is not a valid snapgate.manifest\/v1: \/ has an unknown key 'nodes'/,
    );
    expect(() => parseManifest(bytes({ ...ROOT, format: "snapgate.manifest/v3" }), "v3")).toThrow(
      /v3 is not a valid snapgate.manifest\/v1/,
    );
  });
});

describe("schemas/manifest-node.schema.json: a node", () => {
  const id = (value: unknown) => sha256Hex(nodeBytes(value));

  it("accepts a node whose bytes hash to the id the root names", () => {
    expect(parseManifestNode(nodeBytes(NODE), id(NODE), "root").files).toHaveLength(1);
  });

  it("refuses a node that does not hash to its id before looking at it", () => {
    const other = { ...NODE, files: [{ ...OLD_MANIFEST.files[0], size: 11 }] };
    expect(() => parseManifestNode(nodeBytes(other), id(NODE), "prod@3")).toThrow(
      /Node [0-9a-f]{12} of prod@3 does not hash to its id/,
    );
  });

  it("refuses an empty node, an unknown key, a bad entry and another format", () => {
    const cases: Array<[unknown, RegExp]> = [
      [{ ...NODE, files: [] }, /\/files must NOT have fewer than 1 items/],
      [{ ...NODE, signature: "x" }, /has an unknown key 'signature'/],
      [{ ...NODE, files: [{ ...OLD_MANIFEST.files[0], blob: "z" }] }, /\/files\/0/],
      [
        { ...NODE, format: "snapgate.manifest/v1" },
        /\/format must be one of "snapgate.manifest-node\/v1", "snapgate.manifest-node\/v2"/,
      ],
      // Only a v2 node may hold a packed entry (ADR 1114): a v1 reader would not know `pack`.
      [
        {
          ...NODE,
          files: [
            { ...OLD_MANIFEST.files[0], pack: { blob: "a".repeat(64), offset: 0, length: 1 } },
          ],
        },
        /\/files\/0\/pack/,
      ],
      [
        {
          format: "snapgate.manifest-node/v2",
          files: [
            { ...OLD_MANIFEST.files[0], pack: { blob: "a".repeat(64), offset: -1, length: 1 } },
          ],
        },
        /\/files\/0/,
      ],
      ["not an object", /must be object/],
    ];
    for (const [value, problem] of cases) {
      expect(() => parseManifestNode(nodeBytes(value), id(value), "n")).toThrow(problem);
    }
    const notJson = new TextEncoder().encode("{");
    expect(() => parseManifestNode(notJson, sha256Hex(notJson), "n")).toThrow(
      /is not a valid manifest node/,
    );
  });

  it("accepts a v2 node whose entries lie in packs", () => {
    const v2 = {
      format: "snapgate.manifest-node/v2",
      files: [{ ...OLD_MANIFEST.files[0], pack: { blob: "a".repeat(64), offset: 10, length: 20 } }],
    };
    expect(parseManifestNode(nodeBytes(v2), id(v2), "n").files[0]).toMatchObject({
      pack: { offset: 10, length: 20 },
    });
  });
});
