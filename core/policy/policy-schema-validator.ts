import type { ErrorObject, ValidateFunction } from "ajv/dist/2020.js";
import policySchema from "../../schemas/policy.schema.json" with { type: "json" };
import { compileSchema } from "../json-schema-validator.js";

export { policySchema };

/** The compiled policy schema (strict, all errors, verbose so messages can show values and hints). */
export function policySchemaValidator(): ValidateFunction {
  return compileSchema(policySchema);
}

export type SchemaError = ErrorObject;
