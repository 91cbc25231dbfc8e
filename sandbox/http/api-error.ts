import { SnapgateError, type ErrorCode } from "../../core/errors.js";

/** What the sandbox answers when a handler refuses a request. */
export interface ApiErrorResponse {
  status: number;
  body: Record<string, unknown>;
  headers: Record<string, string>;
}

function codeFor(status: number): ErrorCode {
  if (status === 401 || status === 403) return "PERMISSION";
  if (status === 404) return "NOT_FOUND";
  if (status === 409) return "CONFLICT";
  if (status === 429) return "RATE_LIMIT";
  if (status >= 500) return "REMOTE";
  return "USAGE";
}

/**
 * An HTTP error shaped like GitHub's ({message, documentation_url, status}),
 * carried in the one error family so handlers can throw it from any depth.
 */
export function apiError(
  status: number,
  message: string,
  options: { errors?: unknown[]; headers?: Record<string, string>; documentationUrl?: string } = {},
): SnapgateError {
  const body: Record<string, unknown> = {
    message,
    documentation_url: options.documentationUrl ?? "https://docs.github.com/rest",
    status: String(status),
  };
  if (options.errors) body.errors = options.errors;
  const response: ApiErrorResponse = { status, body, headers: options.headers ?? {} };
  return new SnapgateError(codeFor(status), `GitHub sandbox answered ${status}: ${message}`, {
    details: { apiResponse: response },
  });
}

/** The HTTP answer carried by an error made with apiError, or null for any other error. */
export function apiResponseOf(error: unknown): ApiErrorResponse | null {
  if (!(error instanceof SnapgateError)) return null;
  const response = error.details.apiResponse as ApiErrorResponse | undefined;
  return response ?? null;
}
