import { SnapgateError } from "../../errors.js";
import type { ChangeTicketEndpoint } from "../policy.js";
import type { ChangeTicketVerdict, ChangeTicketVerifier } from "./change-ticket-verifier.js";

export interface HttpChangeTicketVerifierOptions {
  /** Bearer token, read by the edge from the variable named by token_env. */
  token?: string | null;
  /** For tests and other runtimes; the global fetch by default. */
  fetch?: typeof fetch;
  /** Clock for the change window; now by default. */
  now?: () => Date;
}

/**
 * The change system contract (docs/policy.md, "Change tickets"):
 *
 *   GET {url}/{changeId}          Accept: application/json
 *                                 Authorization: Bearer <token>   (when token_env is set)
 *
 *   200 {"approved": true|false, "state": "implement", "url": "https://...",
 *        "window": {"start": ISO 8601, "end": ISO 8601}}      state, url, window optional
 *   404                           the ticket does not exist
 *   401 / 403                     the token is missing or refused
 *
 * Anything else, a redirect, a network failure, or no answer within the
 * timeout is a refusal: a snapshot that needs a confirmed ticket never goes
 * ahead on an unconfirmed one.
 */
export function createHttpChangeTicketVerifier(
  endpoint: ChangeTicketEndpoint,
  options: HttpChangeTicketVerifierOptions = {},
): ChangeTicketVerifier {
  const fetchImpl = options.fetch ?? fetch;
  const now = options.now ?? (() => new Date());
  const base = endpoint.url.replace(/\/+$/, "");
  let system: string;
  try {
    system = new URL(base).host;
  } catch {
    throw new SnapgateError("CONFIG", `The change system URL '${endpoint.url}' is not a URL.`, {
      fix: "Set change_tickets.endpoint.url to the full https:// address of the ticket lookup.",
    });
  }

  return {
    async verify(changeId: string): Promise<ChangeTicketVerdict> {
      const refuse = (
        reason: Extract<ChangeTicketVerdict, { ok: false }>["reason"],
        message: string,
        fix: string,
      ): ChangeTicketVerdict => ({ ok: false, changeId, reason, message, fix });
      const url = `${base}/${encodeURIComponent(changeId)}`;
      const headers: Record<string, string> = {
        accept: "application/json",
        "user-agent": "snapgate",
      };
      if (options.token) headers["authorization"] = `Bearer ${options.token}`;

      let response: Response;
      try {
        response = await fetchImpl(url, {
          method: "GET",
          headers,
          redirect: "error",
          signal: AbortSignal.timeout(endpoint.timeoutMs),
        });
      } catch (error) {
        const name = (error as Error).name;
        if (name === "TimeoutError" || name === "AbortError") {
          return refuse(
            "timeout",
            `The change system at ${system} did not answer about ${changeId} within ${endpoint.timeoutMs} ms.`,
            "Retry when the change system is reachable, or raise change_tickets.endpoint.timeout.",
          );
        }
        return refuse(
          "unreachable",
          `The change system at ${system} could not be reached (${(error as Error).message}).`,
          "Check change_tickets.endpoint.url and the network path from the runner, then retry.",
        );
      }

      if (response.status === 404) {
        return refuse(
          "unknown-ticket",
          `The change system does not know ticket ${changeId}.`,
          "Check the change id, or raise the ticket before deploying.",
        );
      }
      if (response.status === 401 || response.status === 403) {
        return refuse(
          "unauthorized",
          `The change system refused Snapgate's credentials (HTTP ${response.status}).`,
          "Set the token named by change_tickets.endpoint.token_env in the job's environment, with read access to tickets.",
        );
      }
      if (response.status !== 200) {
        return refuse(
          "unreachable",
          `The change system answered HTTP ${response.status} for ${changeId}.`,
          "Retry later; if it persists, check the change system's health.",
        );
      }

      let body: unknown;
      try {
        body = await response.json();
      } catch {
        return refuse(
          "bad-response",
          `The change system's answer about ${changeId} is not JSON.`,
          'The endpoint must answer {"approved": true|false, "state": "..."}; see docs/policy.md.',
        );
      }
      const answer = body as {
        approved?: unknown;
        state?: unknown;
        url?: unknown;
        window?: { start?: unknown; end?: unknown };
      };
      if (body === null || typeof body !== "object" || typeof answer.approved !== "boolean") {
        return refuse(
          "bad-response",
          `The change system's answer about ${changeId} has no boolean 'approved'.`,
          'The endpoint must answer {"approved": true|false, "state": "..."}; see docs/policy.md.',
        );
      }
      const state =
        typeof answer.state === "string"
          ? answer.state
          : answer.approved
            ? "approved"
            : "not approved";
      if (!answer.approved) {
        return refuse(
          "not-approved",
          `Change ${changeId} is not approved (state: ${state}).`,
          "Get the change approved before deploying, or use an approved ticket.",
        );
      }
      if (answer.window !== undefined) {
        const start =
          typeof answer.window.start === "string" ? Date.parse(answer.window.start) : Number.NaN;
        const end =
          typeof answer.window.end === "string" ? Date.parse(answer.window.end) : Number.NaN;
        if (Number.isNaN(start) || Number.isNaN(end)) {
          return refuse(
            "bad-response",
            `The change window of ${changeId} is not two ISO 8601 times.`,
            'The endpoint\'s window must be {"start": ISO time, "end": ISO time}.',
          );
        }
        const time = now().getTime();
        if (time < start || time > end) {
          return refuse(
            "outside-window",
            `Change ${changeId} is approved for ${answer.window.start as string} to ${answer.window.end as string}, not now.`,
            "Deploy within the approved change window, or have the window moved.",
          );
        }
      }
      return { ok: true, changeId, state, url: typeof answer.url === "string" ? answer.url : null };
    },
  };
}
