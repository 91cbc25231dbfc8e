import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  SnapgateError
} from "./chunk-6KERQ4ZL.js";
import "./chunk-H5NHOGLY.js";

// core/policy/change-ticket/http-change-ticket-verifier.ts
function createHttpChangeTicketVerifier(endpoint, options = {}) {
  const fetchImpl = options.fetch ?? fetch;
  const now = options.now ?? (() => /* @__PURE__ */ new Date());
  const base = endpoint.url.replace(/\/+$/, "");
  let system;
  try {
    system = new URL(base).host;
  } catch {
    throw new SnapgateError("CONFIG", `The change system URL '${endpoint.url}' is not a URL.`, {
      fix: "Set change_tickets.endpoint.url to the full https:// address of the ticket lookup."
    });
  }
  return {
    async verify(changeId) {
      const refuse = (reason, message, fix) => ({ ok: false, changeId, reason, message, fix });
      const url = `${base}/${encodeURIComponent(changeId)}`;
      const headers = {
        accept: "application/json",
        "user-agent": "snapgate"
      };
      if (options.token) headers["authorization"] = `Bearer ${options.token}`;
      let response;
      try {
        response = await fetchImpl(url, {
          method: "GET",
          headers,
          redirect: "error",
          signal: AbortSignal.timeout(endpoint.timeoutMs)
        });
      } catch (error) {
        const name = error.name;
        if (name === "TimeoutError" || name === "AbortError") {
          return refuse(
            "timeout",
            `The change system at ${system} did not answer about ${changeId} within ${endpoint.timeoutMs} ms.`,
            "Retry when the change system is reachable, or raise change_tickets.endpoint.timeout."
          );
        }
        return refuse(
          "unreachable",
          `The change system at ${system} could not be reached (${error.message}).`,
          "Check change_tickets.endpoint.url and the network path from the runner, then retry."
        );
      }
      if (response.status === 404) {
        return refuse(
          "unknown-ticket",
          `The change system does not know ticket ${changeId}.`,
          "Check the change id, or raise the ticket before deploying."
        );
      }
      if (response.status === 401 || response.status === 403) {
        return refuse(
          "unauthorized",
          `The change system refused Snapgate's credentials (HTTP ${response.status}).`,
          "Set the token named by change_tickets.endpoint.token_env in the job's environment, with read access to tickets."
        );
      }
      if (response.status !== 200) {
        return refuse(
          "unreachable",
          `The change system answered HTTP ${response.status} for ${changeId}.`,
          "Retry later; if it persists, check the change system's health."
        );
      }
      let body;
      try {
        body = await response.json();
      } catch {
        return refuse(
          "bad-response",
          `The change system's answer about ${changeId} is not JSON.`,
          'The endpoint must answer {"approved": true|false, "state": "..."}; see docs/policy.md.'
        );
      }
      const answer = body;
      if (body === null || typeof body !== "object" || typeof answer.approved !== "boolean") {
        return refuse(
          "bad-response",
          `The change system's answer about ${changeId} has no boolean 'approved'.`,
          'The endpoint must answer {"approved": true|false, "state": "..."}; see docs/policy.md.'
        );
      }
      const state = typeof answer.state === "string" ? answer.state : answer.approved ? "approved" : "not approved";
      if (!answer.approved) {
        return refuse(
          "not-approved",
          `Change ${changeId} is not approved (state: ${state}).`,
          "Get the change approved before deploying, or use an approved ticket."
        );
      }
      if (answer.window !== void 0) {
        const start = typeof answer.window.start === "string" ? Date.parse(answer.window.start) : Number.NaN;
        const end = typeof answer.window.end === "string" ? Date.parse(answer.window.end) : Number.NaN;
        if (Number.isNaN(start) || Number.isNaN(end)) {
          return refuse(
            "bad-response",
            `The change window of ${changeId} is not two ISO 8601 times.`,
            `The endpoint's window must be {"start": ISO time, "end": ISO time}.`
          );
        }
        const time = now().getTime();
        if (time < start || time > end) {
          return refuse(
            "outside-window",
            `Change ${changeId} is approved for ${answer.window.start} to ${answer.window.end}, not now.`,
            "Deploy within the approved change window, or have the window moved."
          );
        }
      }
      return { ok: true, changeId, state, url: typeof answer.url === "string" ? answer.url : null };
    }
  };
}

// core/policy/change-ticket/change-ticket-verifier-from-env.ts
function changeTicketVerifierFromEnv(policy, env) {
  const endpoint = policy.changeTickets?.endpoint;
  if (!endpoint) return null;
  return {
    verify(changeId) {
      const token = endpoint.tokenEnv === null ? null : env[endpoint.tokenEnv];
      if (endpoint.tokenEnv !== null && !token) {
        throw new SnapgateError(
          "CONFIG",
          `The policy's change_tickets.endpoint.token_env names ${endpoint.tokenEnv}, which is not set.`,
          {
            fix: `Set ${endpoint.tokenEnv} to the change system's token in the snapshot job's environment.`
          }
        );
      }
      return createHttpChangeTicketVerifier(endpoint, { token }).verify(changeId);
    }
  };
}
export {
  changeTicketVerifierFromEnv
};
