import {
  execute,
  GraphQLError,
  parse,
  validate,
  type DocumentNode,
  type GraphQLFieldResolver,
} from "graphql";
import { apiError } from "../http/api-error.js";
import type { GraphqlHandler } from "../http/request-handler.js";
import type { ApiResponse, RequestContext } from "../http/route.js";
import type { ViolationLog } from "../log/violation-log.js";
import { findUnsupportedFields } from "./find-unsupported-fields.js";
import { githubSchema } from "./github-schema.js";
import { resolvers, type GraphqlContext } from "./resolvers.js";

interface GraphqlBody {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
}

/** GitHub's error shape: the error type at the top level. */
function errorJson(error: GraphQLError) {
  const type = error.extensions?.type;
  return {
    ...(typeof type === "string" ? { type } : {}),
    message: error.message,
    ...(error.locations ? { locations: error.locations } : {}),
    ...(error.path ? { path: error.path } : {}),
  };
}

const fieldResolver: GraphQLFieldResolver<unknown, GraphqlContext> = (
  source,
  args,
  context,
  info,
) => {
  const resolve = resolvers[info.parentType.name]?.[info.fieldName];
  if (!resolve) {
    // The static check refuses these first; this guards fields reached some other way.
    throw new GraphQLError(
      `Field '${info.parentType.name}.${info.fieldName}' is not implemented by the Snapgate sandbox.`,
    );
  }
  return resolve(source as never, args as never, context, info);
};

/**
 * POST /graphql: the query is parsed and validated against GitHub's public
 * schema (an invalid one is a contract violation), refused if it selects a
 * field the sandbox does not implement, and executed over the repositories.
 */
export function createGraphqlHandler(violations: ViolationLog): GraphqlHandler {
  return async (context: RequestContext): Promise<ApiResponse> => {
    if (context.principal.kind !== "token") {
      throw apiError(401, "This endpoint requires you to be authenticated.", {
        documentationUrl:
          "https://docs.github.com/graphql/guides/forming-calls-with-graphql#authenticating-with-graphql",
      });
    }
    const body = (context.body ?? {}) as GraphqlBody;
    const report = (kind: "invalid-request" | "unsupported", problems: string[]) =>
      violations.record({
        kind,
        method: "POST",
        path: "/graphql",
        operationId: "graphql",
        problems,
      });
    if (typeof body.query !== "string") {
      report("invalid-request", ["the body has no query string"]);
      return {
        status: 400,
        body: {
          message: "A query attribute must be specified and must be a string.",
          documentation_url: "https://docs.github.com/graphql",
        },
      };
    }
    const schema = githubSchema();
    let document: DocumentNode;
    try {
      document = parse(body.query);
    } catch (error) {
      const syntax = error as GraphQLError;
      report("invalid-request", [syntax.message]);
      return { status: 200, body: { errors: [errorJson(syntax)] } };
    }
    const invalid = validate(schema, document);
    if (invalid.length > 0) {
      report(
        "invalid-request",
        invalid.map((error) => error.message),
      );
      return { status: 200, body: { errors: invalid.map(errorJson) } };
    }
    const unsupported = findUnsupportedFields(schema, document, resolvers);
    if (unsupported.length > 0) {
      const messages = unsupported.map(
        (field) => `Field '${field}' is not implemented by the Snapgate sandbox.`,
      );
      report("unsupported", messages);
      return {
        status: 200,
        body: { errors: messages.map((message) => ({ type: "SANDBOX_UNSUPPORTED", message })) },
      };
    }
    const result = await execute({
      schema,
      document,
      rootValue: {},
      contextValue: {
        services: context.services,
        principal: context.principal,
        now: context.now,
      } satisfies GraphqlContext,
      variableValues: (body.variables ?? undefined) as Record<string, unknown> | undefined,
      operationName: typeof body.operationName === "string" ? body.operationName : undefined,
      fieldResolver,
      typeResolver: (value) => (value as { __typename: string }).__typename,
    });
    const unsupportedArguments = (result.errors ?? []).filter(
      (error) => error.extensions?.type === "SANDBOX_UNSUPPORTED",
    );
    if (unsupportedArguments.length > 0)
      report(
        "unsupported",
        unsupportedArguments.map((error) => error.message),
      );
    return {
      status: 200,
      body: {
        data: result.data ?? null,
        ...(result.errors ? { errors: result.errors.map(errorJson) } : {}),
      },
    };
  };
}
