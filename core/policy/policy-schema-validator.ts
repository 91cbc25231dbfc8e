import type { ErrorObject, ValidateFunction } from "ajv/dist/2020.js";
import validatePolicy from "../generated/policy-validator.js";

/** The policy schema, precompiled (strict, all errors, verbose so messages can show values and hints). */
export function policySchemaValidator(): ValidateFunction {
  return validatePolicy as unknown as ValidateFunction;
}

export type SchemaError = ErrorObject;
