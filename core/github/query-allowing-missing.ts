import type { GitHubClient } from "./github-client.js";

interface GraphqlFailure {
  errors?: Array<{ type?: string; path?: ReadonlyArray<string | number> }>;
  data?: unknown;
}

/**
 * Runs a GraphQL query whose `optional` top-level aliases may name
 * repositories that do not exist or that the token cannot see (GitHub then
 * answers NOT_FOUND for that alias and the data of the others): those become
 * null instead of failing the whole query. Any other error is thrown as is.
 */
export async function queryAllowingMissing<T>(
  client: GitHubClient,
  query: string,
  variables: Record<string, unknown>,
  optional: readonly string[],
): Promise<T> {
  try {
    return await client.graphql<T>(query, variables);
  } catch (error) {
    const failure = error as GraphqlFailure;
    const onlyMissingOptional =
      failure.data !== undefined &&
      failure.data !== null &&
      (failure.errors?.length ?? 0) > 0 &&
      (failure.errors ?? []).every(
        (item) =>
          item.type === "NOT_FOUND" &&
          typeof item.path?.[0] === "string" &&
          optional.includes(item.path[0]),
      );
    if (onlyMissingOptional) return failure.data as T;
    throw error;
  }
}
