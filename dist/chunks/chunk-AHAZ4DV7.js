import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  connectionFailure
} from "./chunk-MAIPYA2J.js";
import {
  SnapgateError
} from "./chunk-6KERQ4ZL.js";

// core/github/github-error.ts
function httpStatus(error) {
  const status = error?.status;
  return typeof status === "number" ? status : void 0;
}
function githubMessage(error) {
  const data = error?.response?.data;
  const graphqlErrors = error?.errors;
  if (graphqlErrors?.length) return graphqlErrors.map((e) => e.message ?? e.type ?? "").join("; ");
  return data?.message ?? error?.message ?? String(error);
}
function githubError(error, doing, location, unchanged = true) {
  if (error instanceof SnapgateError) return error;
  const status = httpStatus(error);
  const message = githubMessage(error);
  const untouched = unchanged ? ` Nothing was changed in ${location}.` : "";
  const graphqlTypes = (error?.errors ?? []).map((e) => e.type);
  if (graphqlTypes.includes("NOT_FOUND")) {
    return new SnapgateError(
      "PERMISSION",
      `${location}: ${message} The repository does not exist or the token cannot see it.`,
      {
        fix: "Check the OWNER/REPO in --store and that the token (a GitHub App installation token) may read it.",
        cause: error
      }
    );
  }
  if (graphqlTypes.includes("FORBIDDEN")) {
    return new SnapgateError(
      "PERMISSION",
      `${location}: ${message} (while ${doing}).${untouched}`,
      {
        fix: "Give the token the permission it lacks: contents read to read, contents write to write (for a GitHub App, in its permissions and installation).",
        cause: error
      }
    );
  }
  if (graphqlTypes.includes("RATE_LIMITED")) {
    return new SnapgateError(
      "RATE_LIMIT",
      `GitHub's GraphQL rate limit stopped Snapgate while ${doing}, after retries.${untouched}`,
      {
        fix: "Wait for the limit to reset (an hour at most) and run again.",
        cause: error
      }
    );
  }
  if (status === 401) {
    return new SnapgateError(
      "PERMISSION",
      `GitHub refused the token while ${doing} (401: ${message}).${untouched}`,
      {
        fix: "The token is missing, expired or revoked: pass a valid one with --token or GITHUB_TOKEN.",
        cause: error
      }
    );
  }
  if (status === 403 && /rate limit/i.test(message)) {
    return new SnapgateError(
      "RATE_LIMIT",
      `GitHub's rate limit stopped Snapgate while ${doing}, after retries (${message}).${untouched}`,
      {
        fix: "Wait for the limit to reset (see X-RateLimit-Reset) and run again; a GitHub App token has a higher limit than GITHUB_TOKEN.",
        cause: error
      }
    );
  }
  if (status === 403 || status === 404) {
    return new SnapgateError(
      "PERMISSION",
      `GitHub answered ${status} while ${doing} in ${location}: ${message}.${untouched}`,
      {
        fix: "Check the repository name and that the token may use it: contents read for reading, contents write for writing (a GitHub App installation on the backup repository).",
        cause: error
      }
    );
  }
  if (status === 422 && /rule/i.test(message)) {
    const rules = message.trim().replace(/\s*\n+\s*/g, " ");
    return new SnapgateError(
      "PERMISSION",
      `A ruleset of ${location} refused the update while ${doing}: ${rules}${/[.!]$/.test(rules) ? "" : "."}${untouched}`,
      {
        // Snapgate commits through the Git Data API, and GitHub signs none of those commits.
        fix: /verified signatures/i.test(message) ? 'Snapgate\'s commits (Git Data API) are unsigned: remove "Require signed commits" from the ruleset that covers the backup branch, or let the Snapgate App bypass that ruleset (bypass actor); `snapgate doctor` names the rules in the way.' : "Let the Snapgate App bypass the backup repository's ruleset (bypass actor), or write with its installation token; `snapgate doctor` names the rules in the way.",
        cause: error
      }
    );
  }
  if (status === 429) {
    return new SnapgateError(
      "RATE_LIMIT",
      `GitHub's secondary rate limit stopped Snapgate while ${doing}, after retries.${untouched}`,
      {
        fix: "Wait a minute and run again; avoid running many snapshot jobs at once against one repository.",
        cause: error
      }
    );
  }
  const unreachable = connectionFailure(error);
  if (unreachable) {
    return new SnapgateError(
      "REMOTE",
      `Could not reach ${unreachable.address} while ${doing} (${unreachable.code}).${untouched}`,
      {
        fix: "Check the API address (--api-url or GITHUB_API_URL; GitHub Enterprise Server's is https://HOST/api/v3) and the network.",
        cause: error,
        details: { address: unreachable.address, errno: unreachable.code }
      }
    );
  }
  return new SnapgateError(
    "REMOTE",
    `GitHub failed while ${doing} (${status ?? "no response"}: ${message}), after retries.${untouched}`,
    {
      fix: "GitHub may be having trouble (see githubstatus.com); run again later.",
      cause: error
    }
  );
}

export {
  httpStatus,
  githubMessage,
  githubError
};
