import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);

// core/github/connection-failure.ts
var CONNECTION_CODES = /* @__PURE__ */ new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ETIMEDOUT",
  "EPIPE",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_SOCKET"
]);
function connectionCode(error, depth = 0) {
  if (!error || typeof error !== "object" || depth > 5) return null;
  const { code, cause, errors } = error;
  if (typeof code === "string" && CONNECTION_CODES.has(code)) return code;
  for (const inner of [cause, ...Array.isArray(errors) ? errors : []]) {
    const found = connectionCode(inner, depth + 1);
    if (found) return found;
  }
  return null;
}
function connectionFailure(error) {
  const code = connectionCode(error);
  if (!code) return null;
  const url = error.request?.url;
  let address = "the GitHub API";
  if (typeof url === "string") {
    try {
      const parsed = new URL(url);
      address = `${parsed.hostname}:${parsed.port || (parsed.protocol === "http:" ? "80" : "443")}`;
    } catch {
    }
  }
  return { address, code };
}

export {
  connectionFailure
};
