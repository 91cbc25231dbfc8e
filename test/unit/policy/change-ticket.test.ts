import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { isSnapgateError, type SnapgateError } from "../../../core/errors.js";
import { checkChangeTicket } from "../../../core/policy/change-ticket/check-change-ticket.js";
import type { ChangeTicketVerifier } from "../../../core/policy/change-ticket/change-ticket-verifier.js";
import { enforceChangeTicket } from "../../../core/policy/change-ticket/enforce-change-ticket.js";
import { createHttpChangeTicketVerifier } from "../../../core/policy/change-ticket/http-change-ticket-verifier.js";
import type { ChangeTicketPolicy } from "../../../core/policy/policy.js";

/** A change system on 127.0.0.1 whose answer per ticket is scripted; it records each request. */
type Handler = (request: IncomingMessage, response: ServerResponse) => void;
const answers: Record<string, Handler> = {
  CHG0000001: (_q, r) =>
    json(r, 200, { approved: true, state: "implement", url: "https://change.example/CHG0000001" }),
  CHG0000002: (_q, r) => json(r, 200, { approved: false, state: "assess" }),
  CHG0000003: (_q, r) =>
    json(r, 200, {
      approved: true,
      window: { start: "2026-11-26T08:00:00Z", end: "2026-11-26T12:00:00Z" },
    }),
  CHG0000004: (_q, r) =>
    r.writeHead(200, { "content-type": "text/html" }).end("<html>login</html>"),
  CHG0000005: (_q, r) => json(r, 200, { state: "approved" }),
  CHG0000006: (_q, r) => json(r, 503, { error: "maintenance" }),
  CHG0000007: () => undefined, // never answers: the client's timeout decides
  CHG0000008: (_q, r) => r.writeHead(302, { location: "http://127.0.0.1:1/elsewhere" }).end(),
  "CHG/../9": (_q, r) => json(r, 200, { approved: true }),
};
const requests: { url: string; authorization: string | undefined; method: string }[] = [];
let server: Server;
let base = "";

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

beforeAll(async () => {
  server = createServer((request, response) => {
    requests.push({
      url: request.url ?? "",
      authorization: request.headers.authorization,
      method: request.method ?? "",
    });
    if (request.headers.authorization !== "Bearer secret-token")
      return json(response, 401, { error: "no token" });
    const id = decodeURIComponent((request.url ?? "").replace(/^\/api\/tickets\//, ""));
    const handler = answers[id];
    if (handler) handler(request, response);
    else json(response, 404, { error: "unknown" });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/tickets/`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const endpoint = (timeoutMs = 2000) => ({ url: base, timeoutMs, tokenEnv: "CHANGE_API_TOKEN" });
const at = (time: string) => () => new Date(time);

describe("createHttpChangeTicketVerifier", () => {
  it("confirms an approved ticket, sending GET {url}/{id} with the bearer token", async () => {
    const verdict = await createHttpChangeTicketVerifier(endpoint(), {
      token: "secret-token",
    }).verify("CHG0000001");
    expect(verdict).toEqual({
      ok: true,
      changeId: "CHG0000001",
      state: "implement",
      url: "https://change.example/CHG0000001",
    });
    expect(requests.at(-1)).toEqual({
      url: "/api/tickets/CHG0000001",
      authorization: "Bearer secret-token",
      method: "GET",
    });
  });

  it("sends the change id as one encoded path segment", async () => {
    const verdict = await createHttpChangeTicketVerifier(endpoint(), {
      token: "secret-token",
    }).verify("CHG/../9");
    expect(verdict.ok).toBe(true);
    expect(requests.at(-1)?.url).toBe("/api/tickets/CHG%2F..%2F9");
  });

  it.each<[string, string, string, string]>([
    [
      "not approved",
      "CHG0000002",
      "not-approved",
      "Change CHG0000002 is not approved (state: assess).",
    ],
    [
      "unknown",
      "CHG9999999",
      "unknown-ticket",
      "The change system does not know ticket CHG9999999.",
    ],
    [
      "not JSON",
      "CHG0000004",
      "bad-response",
      "The change system's answer about CHG0000004 is not JSON.",
    ],
    [
      "without approved",
      "CHG0000005",
      "bad-response",
      "The change system's answer about CHG0000005 has no boolean 'approved'.",
    ],
    ["failing", "CHG0000006", "unreachable", "The change system answered HTTP 503 for CHG0000006."],
    [
      "outside its window",
      "CHG0000003",
      "outside-window",
      "Change CHG0000003 is approved for 2026-11-26T08:00:00Z to 2026-11-26T12:00:00Z, not now.",
    ],
  ])("refuses a ticket that is %s", async (_name, id, reason, message) => {
    const verifier = createHttpChangeTicketVerifier(endpoint(), {
      token: "secret-token",
      now: at("2026-11-26T13:00:00Z"),
    });
    const verdict = await verifier.verify(id);
    expect(verdict).toMatchObject({ ok: false, changeId: id, reason, message });
    expect(verdict.ok ? "" : verdict.fix).not.toBe("");
  });

  it("accepts an approved ticket inside its window", async () => {
    const verifier = createHttpChangeTicketVerifier(endpoint(), {
      token: "secret-token",
      now: at("2026-11-26T09:00:00Z"),
    });
    expect(await verifier.verify("CHG0000003")).toMatchObject({ ok: true, state: "approved" });
  });

  it("refuses when the token is missing or refused", async () => {
    expect(await createHttpChangeTicketVerifier(endpoint()).verify("CHG0000001")).toMatchObject({
      ok: false,
      reason: "unauthorized",
    });
    expect(requests.at(-1)?.authorization).toBeUndefined();
  });

  it("refuses when the change system does not answer in time", async () => {
    const verdict = await createHttpChangeTicketVerifier(endpoint(200), {
      token: "secret-token",
    }).verify("CHG0000007");
    expect(verdict).toMatchObject({
      ok: false,
      reason: "timeout",
      message:
        "The change system at " +
        new URL(base).host +
        " did not answer about CHG0000007 within 200 ms.",
    });
  });

  it("refuses redirects and unreachable systems", async () => {
    expect(
      await createHttpChangeTicketVerifier(endpoint(), { token: "secret-token" }).verify(
        "CHG0000008",
      ),
    ).toMatchObject({ ok: false, reason: "unreachable" });
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const verdict = await createHttpChangeTicketVerifier({
      url: `http://127.0.0.1:${port}/t`,
      timeoutMs: 2000,
      tokenEnv: null,
    }).verify("CHG0000001");
    expect(verdict).toMatchObject({ ok: false, reason: "unreachable" });
  });
});

const tickets: ChangeTicketPolicy = {
  requiredFor: { tier0: ["pre"] },
  pattern: "^CHG[0-9]{7}$",
  endpoint: null,
};

it("refuses a malformed endpoint URL with CONFIG", () => {
  expect(() =>
    createHttpChangeTicketVerifier({ url: "not a url", timeoutMs: 1000, tokenEnv: null }),
  ).toThrow("The change system URL 'not a url' is not a URL.");
});

describe("checkChangeTicket", () => {
  it.each<
    [
      string,
      ChangeTicketPolicy | null,
      string,
      "pre" | "post",
      string | null,
      { required: boolean; ok: boolean; needsVerification: boolean },
    ]
  >([
    [
      "no policy",
      null,
      "tier0",
      "pre",
      null,
      { required: false, ok: true, needsVerification: false },
    ],
    [
      "required and missing",
      tickets,
      "tier0",
      "pre",
      null,
      { required: true, ok: false, needsVerification: false },
    ],
    [
      "required and blank",
      tickets,
      "tier0",
      "pre",
      "  ",
      { required: true, ok: false, needsVerification: false },
    ],
    [
      "required and well formed",
      tickets,
      "tier0",
      "pre",
      "CHG0000001",
      { required: true, ok: true, needsVerification: false },
    ],
    [
      "required, with an endpoint",
      { ...tickets, endpoint: endpoint() },
      "tier0",
      "pre",
      "CHG0000001",
      { required: true, ok: true, needsVerification: true },
    ],
    [
      "not required for post",
      tickets,
      "tier0",
      "post",
      null,
      { required: false, ok: true, needsVerification: false },
    ],
    [
      "not required but malformed",
      tickets,
      "tier1",
      "pre",
      "chg-1",
      { required: false, ok: false, needsVerification: false },
    ],
  ])("%s", (_name, policy, tier, phase, changeId, expected) => {
    expect(checkChangeTicket({ changeTickets: policy }, { tier, phase, changeId })).toMatchObject(
      expected,
    );
  });

  it("says what to pass when the change id is missing", () => {
    expect(
      checkChangeTicket(
        { changeTickets: tickets },
        { tier: "tier0", phase: "pre", changeId: null },
      ),
    ).toMatchObject({
      message: "A change id is required for pre snapshots of tier0.",
      fix: "Pass the approved change ticket with --change-id (e.g. a ticket matching ^CHG[0-9]{7}$).",
    });
  });
});

describe("enforceChangeTicket", () => {
  // Built per test: the receiver's port is known only after beforeAll.
  let policy: { changeTickets: ChangeTicketPolicy & { endpoint: ReturnType<typeof endpoint> } };
  beforeAll(() => {
    policy = { changeTickets: { ...tickets, endpoint: endpoint() } };
  });

  it("returns the confirmed ticket's state", async () => {
    const verifier = createHttpChangeTicketVerifier(policy.changeTickets.endpoint, {
      token: "secret-token",
    });
    expect(
      await enforceChangeTicket(
        policy,
        { tier: "tier0", phase: "pre", changeId: " CHG0000001 " },
        verifier,
      ),
    ).toEqual({ required: true, changeId: "CHG0000001", state: "implement" });
  });

  it("throws POLICY with the change system's refusal", async () => {
    const verifier = createHttpChangeTicketVerifier(policy.changeTickets.endpoint, {
      token: "secret-token",
    });
    let caught: unknown;
    try {
      await enforceChangeTicket(
        policy,
        { tier: "tier0", phase: "pre", changeId: "CHG0000002" },
        verifier,
      );
    } catch (error) {
      caught = error;
    }
    expect(isSnapgateError(caught, "POLICY")).toBe(true);
    expect((caught as SnapgateError).message).toBe(
      "Change CHG0000002 is not approved (state: assess). Get the change approved before deploying, or use an approved ticket.",
    );
    expect((caught as SnapgateError).details).toEqual({
      changeId: "CHG0000002",
      reason: "not-approved",
    });
  });

  it("throws POLICY for a malformed id without asking the change system", async () => {
    const asked: string[] = [];
    const verifier: ChangeTicketVerifier = {
      verify: (id) => (
        asked.push(id),
        Promise.resolve({ ok: true, changeId: id, state: "x", url: null })
      ),
    };
    await expect(
      enforceChangeTicket(policy, { tier: "tier0", phase: "pre", changeId: "CHG1" }, verifier),
    ).rejects.toThrow("The change id 'CHG1' does not match ^CHG[0-9]{7}$.");
    expect(asked).toEqual([]);
  });

  it("needs no verifier where no ticket is required", async () => {
    expect(
      await enforceChangeTicket(policy, { tier: "tier1", phase: "pre", changeId: null }, null),
    ).toEqual({ required: false, changeId: null, state: null });
  });
});
