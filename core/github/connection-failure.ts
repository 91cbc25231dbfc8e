/** Errors of the connection itself: nothing (or nothing that speaks HTTP) answered at the address. */
const CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ETIMEDOUT",
  "EPIPE",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_SOCKET",
]);

interface ErrorLike {
  code?: unknown;
  cause?: unknown;
  errors?: unknown;
  request?: { url?: unknown };
}

function connectionCode(error: unknown, depth = 0): string | null {
  if (!error || typeof error !== "object" || depth > 5) return null;
  const { code, cause, errors } = error as ErrorLike;
  if (typeof code === "string" && CONNECTION_CODES.has(code)) return code;
  // fetch wraps the socket's error: TypeError("fetch failed") with a cause, an
  // AggregateError when every address of a name was refused.
  for (const inner of [cause, ...(Array.isArray(errors) ? errors : [])]) {
    const found = connectionCode(inner, depth + 1);
    if (found) return found;
  }
  return null;
}

/**
 * When a request to GitHub failed because the address could not be reached
 * (refused, reset, unknown host, timeout), its host:port and the error code;
 * null for any answer from a server. Octokit reports these as status 500.
 */
export function connectionFailure(error: unknown): { address: string; code: string } | null {
  const code = connectionCode(error);
  if (!code) return null;
  const url = (error as ErrorLike).request?.url;
  let address = "the GitHub API";
  if (typeof url === "string") {
    try {
      const parsed = new URL(url);
      address = `${parsed.hostname}:${parsed.port || (parsed.protocol === "http:" ? "80" : "443")}`;
    } catch {
      // keep the generic name
    }
  }
  return { address, code };
}
