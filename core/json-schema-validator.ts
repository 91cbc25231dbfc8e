import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";

export interface SchemaProblem {
  /** JSON pointer-ish path, e.g. /files/3/path */
  instancePath: string;
  message: string;
}

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

function describe(error: ErrorObject): string {
  if (error.keyword === "additionalProperties") {
    return `has an unknown key '${String((error.params as { additionalProperty: string }).additionalProperty)}'`;
  }
  if (error.keyword === "enum") {
    return `must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(", ")}`;
  }
  return error.message ?? error.keyword;
}

/** A compiled JSON Schema (draft 2020-12) that returns readable problems. */
export class JsonSchemaValidator<T> {
  private compiled: ValidateFunction | undefined;

  /** Compiles on first use: start-up stays fast for commands that never validate. */
  constructor(private readonly schema: object) {}

  private get validate(): ValidateFunction {
    this.compiled ??= compileSchema(this.schema);
    return this.compiled;
  }

  check(value: unknown): { ok: true; value: T } | { ok: false; problems: SchemaProblem[] } {
    const validate = this.validate;
    if (validate(value)) return { ok: true, value: value as T };
    const problems = (validate.errors ?? []).map((error) => ({
      instancePath: error.instancePath || "/",
      message: describe(error),
    }));
    return { ok: false, problems };
  }
}
