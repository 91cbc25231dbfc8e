import { SnapgateError } from "../errors.js";
import type { ValidateFunction } from "ajv/dist/2020.js";
import { JsonSchemaValidator } from "../json-schema-validator.js";
import validateManifest from "../generated/manifest-validator.js";
import type { Manifest } from "../types.js";

// Precompiled: reading a manifest neither loads ajv nor compiles the schema.
const validator = new JsonSchemaValidator<Manifest>(
  () => validateManifest as unknown as ValidateFunction,
);

/** Parses and schema-checks manifest bytes read from a store; `where` names it in errors. */
export function parseManifest(bytes: Uint8Array, where: string): Manifest {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(bytes).toString("utf8"));
  } catch {
    throw new SnapgateError("INTEGRITY", `${where} is not valid JSON.`, {
      fix: "The manifest was damaged in the store; verify the store (`snapgate verify --all`) and restore from another snapshot.",
    });
  }
  const result = validator.check(value);
  if (!result.ok) {
    const first = result.problems
      .slice(0, 3)
      .map((p) => `${p.instancePath} ${p.message}`)
      .join("; ");
    throw new SnapgateError(
      "INTEGRITY",
      `${where} is not a valid snapgate.manifest/v1: ${first}.`,
      {
        fix: "The manifest was written by an incompatible or faulty writer, or altered; do not restore from it.",
        details: { problems: result.problems },
      },
    );
  }
  return result.value;
}
