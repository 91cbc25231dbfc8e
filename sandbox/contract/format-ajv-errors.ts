import type { ErrorObject } from "ajv";

/** One line per schema error, naming where in the document it is, as GitHub's "Invalid request" messages do. */
export function formatAjvErrors(errors: readonly ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((error) => {
    const where = error.instancePath === "" ? "the document" : `'${error.instancePath}'`;
    const detail =
      error.keyword === "enum"
        ? `${error.message} ${JSON.stringify((error.params as { allowedValues?: unknown }).allowedValues)}`
        : error.keyword === "additionalProperties"
          ? `${error.message}: ${JSON.stringify((error.params as { additionalProperty?: unknown }).additionalProperty)}`
          : error.message;
    return `For ${where}, ${detail} (schema ${error.schemaPath}).`;
  });
}
