/** The HTTP status and error name the SDK puts on a failed request (either may be missing). */
export function s3ErrorOf(error: unknown): { status?: number; name?: string } {
  const failed = error as { $metadata?: { httpStatusCode?: number }; name?: string } | undefined;
  return {
    ...(failed?.$metadata?.httpStatusCode !== undefined
      ? { status: failed.$metadata.httpStatusCode }
      : {}),
    ...(failed?.name !== undefined ? { name: failed.name } : {}),
  };
}
