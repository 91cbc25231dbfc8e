import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsPlugin from "ajv-formats";
import policySchema from "../../schemas/policy.schema.json" with { type: "json" };

export { policySchema };

let compiled: ValidateFunction | undefined;

/** The compiled policy schema (strict ajv, all errors, verbose so messages can show values and hints). */
export function policySchemaValidator(): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv2020({ strict: true, allErrors: true, verbose: true });
    (addFormatsPlugin as unknown as (instance: Ajv2020) => void)(ajv);
    compiled = ajv.compile(policySchema);
  }
  return compiled;
}

export type SchemaError = ErrorObject;
