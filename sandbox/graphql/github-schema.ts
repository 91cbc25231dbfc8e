import { schema as published } from "@octokit/graphql-schema";
import { buildClientSchema, type GraphQLSchema } from "graphql";

let built: GraphQLSchema | undefined;

/**
 * GitHub's public GraphQL schema from @octokit/graphql-schema. It is built
 * from the package's introspection result (schema.json): its schema.graphql
 * defines two EnterpriseOwnerInfo fields twice, which graphql-js rejects.
 */
export function githubSchema(): GraphQLSchema {
  built ??= buildClientSchema(published.json as Parameters<typeof buildClientSchema>[0]);
  return built;
}
