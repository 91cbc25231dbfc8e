import { SnapgateError } from "../errors.js";
import type { ValidateFunction } from "ajv/dist/2020.js";
import { JsonSchemaValidator } from "../json-schema-validator.js";
import validateManifest from "../generated/manifest-validator.js";
import validateManifestRoot from "../generated/manifest-root-validator.js";
import { MANIFEST_V2_FORMAT, type Manifest, type ManifestRoot } from "../types.js";

// Precompiled: reading a manifest neither loads ajv nor compiles the schema.
const v1 = new JsonSchemaValidator<Manifest>(() => validateManifest as unknown as ValidateFunction);
const v2 = new JsonSchemaValidator<ManifestRoot>(
  () => validateManifestRoot as unknown as ValidateFunction,
);

/** A manifest file as stored: a v1 manifest (files inline) or a v2 root (node ids). */
export type ManifestRecord = Manifest | ManifestRoot;

/**
 * Parses and schema-checks manifest bytes read from a store; `where` names it
 * in errors. A v2 root's files are in its nodes: openManifest reads them.
 */
export function parseManifest(bytes: Uint8Array, where: string): ManifestRecord {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(bytes).toString("utf8"));
  } catch {
    throw new SnapgateError("INTEGRITY", `${where} is not valid JSON.`, {
      fix: "The manifest was damaged in the store; verify the store (`snapgate verify --all`) and restore from another snapshot.",
    });
  }
  // Anything that does not claim v2 is judged as v1, so an unknown format is named as such.
  const isV2 = (value as { format?: unknown } | null)?.format === MANIFEST_V2_FORMAT;
  const result = isV2 ? v2.check(value) : v1.check(value);
  if (!result.ok) {
    const first = result.problems
      .slice(0, 3)
      .map((p) => `${p.instancePath} ${p.message}`)
      .join("; ");
    throw new SnapgateError(
      "INTEGRITY",
      `${where} is not a valid ${isV2 ? MANIFEST_V2_FORMAT : "snapgate.manifest/v1"}: ${first}.`,
      {
        fix: "The manifest was written by an incompatible or faulty writer, or altered; do not restore from it.",
        details: { problems: result.problems },
      },
    );
  }
  return result.value;
}
