import { readFileSync } from "node:fs";
import { Ajv, type ValidateFunction } from "ajv";
import { SnapgateError } from "../../core/errors.js";
import addFormatsModule from "ajv-formats";
import { oneOfAsAnyOf } from "./one-of-as-any-of.js";
import { withoutNullable } from "./openapi-nullable.js";
import { rewriteRefs } from "./rewrite-refs.js";
import { formatAjvErrors } from "./format-ajv-errors.js";
import { GITHUB_EMAIL_FORMAT } from "./github-email-format.js";

const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;
const DOCUMENT_ID = "api.github.com";
const METHODS = ["get", "put", "post", "delete", "patch"] as const;

interface Parameter {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required?: boolean;
  schema?: unknown;
}

interface Operation {
  operationId: string;
  parameters?: ({ $ref: string } | Parameter)[];
  requestBody?: { required?: boolean; content: Record<string, { schema?: unknown }> };
  responses: Record<string, { $ref?: string; content?: Record<string, { schema?: unknown }> }>;
}

interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: {
    parameters: Record<string, Parameter>;
    responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
  };
}

export interface OperationDescription {
  operationId: string;
  method: string;
  path: string;
}

export interface RequestToValidate {
  pathParams: Record<string, string>;
  query: Record<string, string>;
  /** Parsed JSON body, or undefined when there was none. */
  body: unknown;
}

export interface RequestVerdict {
  /** Problems in the path or the query (GitHub answers 404/422). */
  paramErrors: string[];
  /** Problems in the body (GitHub answers 422). */
  bodyErrors: string[];
  /** The query with declared parameters converted to their types. */
  query: Record<string, unknown>;
  pathParams: Record<string, unknown>;
}

/**
 * Validates requests and responses against the committed subset of GitHub's
 * REST description (sandbox/openapi/api.github.com.subset.json). Validators
 * compile lazily and are shared by every sandbox in the process.
 */
export class RestContract {
  private readonly document: Document;
  private readonly ajv: Ajv;
  private readonly coercingAjv: Ajv;
  private readonly operations = new Map<
    string,
    { method: string; path: string; operation: Operation }
  >();
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(documentPath: URL) {
    const described = JSON.parse(readFileSync(documentPath, "utf8")) as unknown;
    this.document = oneOfAsAnyOf(withoutNullable(described)) as Document;
    this.ajv = new Ajv({ strict: false, allErrors: true });
    this.coercingAjv = new Ajv({ strict: false, allErrors: true, coerceTypes: true });
    for (const ajv of [this.ajv, this.coercingAjv]) {
      addFormats(ajv);
      ajv.addFormat("email", GITHUB_EMAIL_FORMAT);
      ajv.addSchema({ components: this.document.components }, DOCUMENT_ID);
    }
    for (const [path, item] of Object.entries(this.document.paths)) {
      for (const method of METHODS) {
        const operation = item[method];
        if (operation) this.operations.set(operation.operationId, { method, path, operation });
      }
    }
  }

  describe(): OperationDescription[] {
    return [...this.operations].map(([operationId, { method, path }]) => ({
      operationId,
      method: method.toUpperCase(),
      path,
    }));
  }

  has(operationId: string): boolean {
    return this.operations.has(operationId);
  }

  validateRequest(operationId: string, request: RequestToValidate): RequestVerdict {
    const { operation } = this.lookup(operationId);
    const pathParams: Record<string, unknown> = { ...request.pathParams };
    const query: Record<string, unknown> = { ...request.query };
    const paramErrors = [
      ...this.check(
        `${operationId} path`,
        () => this.parameterSchema(operation, "path"),
        pathParams,
        true,
      ),
      ...this.check(
        `${operationId} query`,
        () => this.parameterSchema(operation, "query"),
        query,
        true,
      ),
    ];
    let bodyErrors: string[] = [];
    const bodySchema = operation.requestBody?.content["application/json"]?.schema;
    if (bodySchema !== undefined) {
      bodyErrors = this.check(
        `${operationId} body`,
        () => rewriteRefs(bodySchema, DOCUMENT_ID),
        request.body === undefined ? {} : request.body,
      );
    }
    return { paramErrors, bodyErrors, query, pathParams };
  }

  /** Problems with a response; a status the operation does not declare is one when it is not an error. */
  validateResponse(operationId: string, status: number, body: unknown): string[] {
    const { operation } = this.lookup(operationId);
    const declared = operation.responses[String(status)];
    if (!declared) {
      if (status >= 400) return this.basicError(body);
      return [`status ${status} is not a documented response of ${operationId}`];
    }
    const response = declared.$ref
      ? this.document.components.responses[declared.$ref.split("/").pop()!]!
      : declared;
    const schema = response.content?.["application/json"]?.schema;
    if (schema === undefined) {
      if (status === 204) {
        return body === undefined ? [] : [`status 204 of ${operationId} has a body`];
      }
      // The description leaves this body undocumented; an error must still look like GitHub's.
      return status >= 400 ? this.basicError(body) : [];
    }
    return this.check(`${operationId} ${status}`, () => rewriteRefs(schema, DOCUMENT_ID), body);
  }

  private basicError(body: unknown): string[] {
    const schema = { $ref: `${DOCUMENT_ID}#/components/schemas/basic-error` };
    return this.check("basic-error", () => schema, body);
  }

  private lookup(operationId: string) {
    const found = this.operations.get(operationId);
    if (!found) {
      throw new SnapgateError("USAGE", `Operation ${operationId} is not in the OpenAPI subset.`, {
        fix: "Add it to sandbox/openapi/served.json and run node sandbox/scripts/extract-openapi.js.",
      });
    }
    return found;
  }

  private parameterSchema(operation: Operation, location: "path" | "query"): unknown {
    const properties: Record<string, unknown> = {};
    const required: string[] = [];
    for (const reference of operation.parameters ?? []) {
      const parameter =
        "$ref" in reference
          ? this.document.components.parameters[reference.$ref.split("/").pop()!]!
          : reference;
      if (parameter.in !== location) continue;
      properties[parameter.name] = rewriteRefs(parameter.schema ?? {}, DOCUMENT_ID);
      if (parameter.required) required.push(parameter.name);
    }
    return { type: "object", properties, required };
  }

  /** Validates with a cached validator; `coerce` converts path and query strings to their declared types. */
  private check(key: string, schema: () => unknown, data: unknown, coerce = false): string[] {
    const cacheKey = `${coerce ? "coerce" : "strict"}:${key}`;
    let validate = this.validators.get(cacheKey);
    if (validate === undefined) {
      validate = (coerce ? this.coercingAjv : this.ajv).compile(schema() as object);
      this.validators.set(cacheKey, validate);
    }
    return validate(data) ? [] : formatAjvErrors(validate.errors);
  }
}

let shared: RestContract | undefined;

/** The contract of the committed subset, loaded once per process. */
export function restContract(): RestContract {
  shared ??= new RestContract(new URL("../openapi/api.github.com.subset.json", import.meta.url));
  return shared;
}
