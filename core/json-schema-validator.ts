import type { ErrorObject, ValidateFunction } from "ajv/dist/2020.js";

export interface SchemaProblem {
  /** JSON pointer-ish path, e.g. /files/3/path */
  instancePath: string;
  message: string;
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

  /**
   * `load` gives the validate function on first use: ajv compiles lazily
   * (see schemaValidator), and a schema on a hot path passes its precompiled
   * validator (scripts/compile-validators.js), so ajv is never even loaded.
   */
  constructor(private readonly load: () => ValidateFunction) {}

  private get validate(): ValidateFunction {
    this.compiled ??= this.load();
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
