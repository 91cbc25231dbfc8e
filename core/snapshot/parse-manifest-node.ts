import { SnapgateError } from "../errors.js";
import type { ValidateFunction } from "ajv/dist/2020.js";
import { JsonSchemaValidator } from "../json-schema-validator.js";
import validateManifestNode from "../generated/manifest-node-validator.js";
import { sha256Hex } from "../crypto/sha256-hex.js";
import type { ManifestNode } from "../types.js";

const validator = new JsonSchemaValidator<ManifestNode>(
  () => validateManifestNode as unknown as ValidateFunction,
);

/**
 * Checks a node's bytes against the id the signed root names (its sha256),
 * then its shape. A node that does not hash to its id was altered or swapped:
 * the root's signature says nothing about it.
 */
export function parseManifestNode(bytes: Uint8Array, id: string, where: string): ManifestNode {
  const actual = sha256Hex(bytes);
  if (actual !== id) {
    throw new SnapgateError(
      "INTEGRITY",
      `Node ${id.slice(0, 12)} of ${where} does not hash to its id (sha256 ${actual.slice(0, 12)}).`,
      {
        fix: "A manifest node was altered in the store: do not restore from this snapshot; run `snapgate verify --all` and restore the store from a replica.",
      },
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(bytes).toString("utf8"));
  } catch {
    value = undefined;
  }
  const result = validator.check(value);
  if (!result.ok) {
    const first = result.problems
      .slice(0, 3)
      .map((p) => `${p.instancePath} ${p.message}`)
      .join("; ");
    throw new SnapgateError(
      "INTEGRITY",
      `Node ${id.slice(0, 12)} of ${where} is not a valid manifest node: ${first}.`,
      {
        fix: "The node was written by a faulty writer (its hash matches, so it was not altered since): do not restore from this snapshot.",
        details: { problems: result.problems },
      },
    );
  }
  return result.value;
}
