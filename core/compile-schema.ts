import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { JsonSchemaValidator } from "./json-schema-validator.js";

// ajv-formats is CommonJS; its default export arrives wrapped under ESM.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule })
  .default ?? addFormatsModule) as unknown as (ajv: Ajv2020) => Ajv2020;

/** One ajv for every schema of Snapgate (policy, manifest, request, audit event). */
const ajv = addFormats(
  new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true }),
);

/** Compiles a schema once (by its $id) into ajv's validate function. */
export function compileSchema(schema: object): ValidateFunction {
  const id = (schema as { $id?: string }).$id;
  return (id ? ajv.getSchema(id) : undefined) ?? ajv.compile(schema);
}

/** A validator for `schema`, compiled by the shared ajv on first use. */
export function schemaValidator<T>(schema: object): JsonSchemaValidator<T> {
  return new JsonSchemaValidator<T>(() => compileSchema(schema));
}
