import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { authenticate } from "../auth/authenticate.js";
import { actorLogin, type Principal } from "../auth/principal.js";
import { authorizeRepo } from "../auth/repo-access.js";
import type { RestContract } from "../contract/rest-contract.js";
import type { FaultInjector } from "../faults/fault-injector.js";
import { describeFault } from "../faults/describe-fault.js";
import type { ConcurrentRefMove, FaultSpec } from "../faults/fault-spec.js";
import { gitHttpTarget, serveGitHttp } from "../git/git-http-backend.js";
import type { LoggedRequest, RequestLog } from "../log/request-log.js";
import type { ViolationLog } from "../log/violation-log.js";
import type { SandboxServices } from "../services/sandbox-services.js";
import type { RepoRecord } from "../state/entities.js";
import { serveWebFlow } from "../web/serve-web-flow.js";
import { apiError, apiResponseOf } from "./api-error.js";
import { RateLimits, type RateLimitState } from "./rate-limits.js";
import type { ApiResponse, RequestContext, RouteDefinition } from "./route.js";
import type { RouteMatch, Router } from "./router.js";

const DOCS = "https://docs.github.com/rest";

/** A GraphQL request after authentication; the GraphQL module answers it. */
export type GraphqlHandler = (context: RequestContext) => Promise<ApiResponse>;

export interface RequestHandlerParts {
  services: SandboxServices;
  router: Router;
  contract: RestContract;
  faults: FaultInjector;
  log: RequestLog;
  violations: ViolationLog;
  rateLimits: RateLimits;
  graphql: GraphqlHandler;
  /** Commits to a branch as "another writer" would (fault injection). */
  concurrentWrite(repo: RepoRecord, branch: string, files?: Record<string, string>): Promise<void>;
}

/** The request body, or null when it is over `limit` bytes (the rest is read and dropped). */
function readBody(request: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = Number(request.headers["content-length"] ?? 0) > limit ? limit + 1 : 0;
    request.on("data", (chunk: Buffer) => {
      if (size > limit) return;
      size += chunk.length;
      if (size > limit) chunks.length = 0;
      else chunks.push(chunk);
    });
    request.on("end", () => resolve(size > limit ? null : Buffer.concat(chunks)));
    request.on("error", reject);
  });
}

/** What GitHub's front end (nginx) answers a body over its limit: an HTML page, not JSON. */
const TOO_LARGE_PAGE =
  "<html>\r\n<head><title>413 Request Entity Too Large</title></head>\r\n<body>\r\n<center><h1>413 Request Entity Too Large</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

function sleep(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

/** A request on its way through the pipeline, after authentication and fault selection. */
interface PendingRequest {
  request: IncomingMessage;
  url: URL;
  method: string;
  rawBody: Buffer;
  now: Date;
  match: RouteMatch | null;
  /** "graphql", a REST operation id, or null for a route the sandbox does not serve. */
  operationId: string | null;
  principal: Principal;
  authFailure: unknown;
  rate: RateLimitState & { exceeded: boolean };
  fault: FaultSpec | null;
}

/**
 * The repository a request is about, for faults aimed at one: the owner and
 * name of a /repos/ path, or the `owner` and `name` variables of a GraphQL query.
 */
function requestRepository(pathname: string, graphqlBody: Buffer | null): string | null {
  const rest = /^\/repos\/([^/]+)\/([^/]+)/.exec(pathname);
  if (rest) return `${decodeURIComponent(rest[1]!)}/${decodeURIComponent(rest[2]!)}`;
  if (!graphqlBody) return null;
  try {
    const variables = (JSON.parse(graphqlBody.toString("utf8")) as { variables?: unknown })
      .variables as { owner?: unknown; name?: unknown } | undefined;
    return typeof variables?.owner === "string" && typeof variables.name === "string"
      ? `${variables.owner}/${variables.name}`
      : null;
  } catch {
    return null;
  }
}

/** The key rate limits count by: the token, the app, or anonymous. */
function rateKey(principal: Principal): string {
  if (principal.kind === "token") return `token:${principal.token.value}`;
  if (principal.kind === "app") return `app:${principal.app.id}`;
  return "anonymous";
}

/**
 * The sandbox's request pipeline: faults, authentication, the contract check
 * of the request, authorisation, the handler, the contract check of the
 * response, rate-limit headers and the request log.
 */
export class RequestHandler {
  constructor(private readonly parts: RequestHandlerParts) {}

  async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const now = new Date();
    const url = new URL(request.url ?? "/", "http://sandbox.invalid");
    const method = (request.method ?? "GET").toUpperCase();
    const rawBody = await readBody(request, this.parts.services.limits.requestBodyBytes);
    const started = performance.now();
    const entry: LoggedRequest = {
      method,
      path: `${url.pathname}${url.search}`,
      operationId: null,
      status: 0,
      actor: null,
      time: now,
      handlingMs: 0,
    };
    try {
      if (rawBody === null) {
        // Refused before any route, authentication or fault, as GitHub's front end does.
        response.writeHead(413, { "content-type": "text/html", connection: "close" });
        response.end(TOO_LARGE_PAGE);
        entry.status = 413;
        return;
      }
      const gitTarget = gitHttpTarget(url.pathname);
      if (gitTarget) {
        entry.operationId = "git-http";
        await this.serveGit(request, response, url, rawBody, gitTarget, entry);
        return;
      }
      // github.com's web pages of the OAuth web flow: not REST, so no contract applies.
      const web = serveWebFlow(
        this.parts.services.world,
        request,
        response,
        url,
        method,
        rawBody,
        now,
      );
      if (web) {
        entry.operationId = web;
        entry.status = response.statusCode;
        return;
      }
      await this.serveApi(request, response, url, method, rawBody, now, entry);
    } finally {
      entry.handlingMs = performance.now() - started;
      this.parts.log.record(entry);
    }
  }

  private async serveGit(
    request: IncomingMessage,
    response: ServerResponse,
    url: URL,
    body: Buffer,
    target: NonNullable<ReturnType<typeof gitHttpTarget>>,
    entry: LoggedRequest,
  ): Promise<void> {
    const { world } = this.parts.services;
    try {
      const principal = authenticate(world, request.headers.authorization, entry.time);
      entry.actor = actorLogin(principal);
      const repo = world.repo(target.owner, target.repo);
      if (!repo) throw apiError(404, "Not Found");
      if (repo.private && principal.kind === "anonymous")
        throw apiError(401, "Requires authentication");
      authorizeRepo(world, principal, repo, { permissions: ["contents"], level: "read" });
      await serveGitHttp(request, response, repo.git.gitDir, target, url.search.slice(1), body);
      entry.status = response.statusCode;
    } catch (error) {
      const answer = apiResponseOf(error);
      if (!answer) throw error;
      // git asks for credentials only after a Basic challenge.
      const status = answer.status === 404 || answer.status === 403 ? answer.status : 401;
      response.writeHead(status, {
        "content-type": "text/plain",
        ...(status === 401 ? { "www-authenticate": 'Basic realm="GitHub"' } : {}),
      });
      response.end(`${String(answer.body.message)}\n`);
      entry.status = status;
    }
  }

  private async serveApi(
    request: IncomingMessage,
    response: ServerResponse,
    url: URL,
    method: string,
    rawBody: Buffer,
    now: Date,
    entry: LoggedRequest,
  ): Promise<void> {
    const { router, faults, services } = this.parts;
    const isGraphql = method === "POST" && url.pathname === "/graphql";
    const match = isGraphql ? null : router.match(method, url.pathname);
    const operationId = isGraphql ? "graphql" : (match?.route.operationId ?? null);
    entry.operationId = operationId;

    let principal: Principal = { kind: "anonymous" };
    let authFailure: unknown = null;
    try {
      principal = authenticate(services.world, request.headers.authorization, now);
      entry.actor = actorLogin(principal);
    } catch (error) {
      authFailure = error;
    }

    const fault = faults.take(
      method,
      operationId,
      url.pathname,
      requestRepository(url.pathname, isGraphql ? rawBody : null),
    );
    if (fault) entry.fault = describeFault(fault);
    const before = fault?.afterHandling ? null : fault;
    if (before?.delayMs) await sleep(before.delayMs);
    if (before?.drop) {
      request.socket.destroy();
      entry.status = 0;
      return;
    }
    const rate = this.parts.rateLimits.consume(
      rateKey(principal),
      isGraphql ? "graphql" : "core",
      Math.floor(now.getTime() / 1000),
    );
    if (before?.status || before?.rateLimit) {
      this.send(response, this.faultResponse(before, rate, principal, isGraphql), rate, entry);
      return;
    }

    const answer = await this.answer({
      request,
      url,
      method,
      rawBody,
      now,
      match,
      operationId,
      principal,
      authFailure,
      rate,
      fault,
    });
    if (fault?.afterHandling) {
      // The request took effect (a commit or a ref update landed); only its answer is lost.
      if (fault.delayMs) await sleep(fault.delayMs);
      if (fault.drop) {
        request.socket.destroy();
        entry.status = 0;
        return;
      }
      this.send(response, this.faultResponse(fault, rate, principal, isGraphql), rate, entry);
      return;
    }
    this.send(response, answer, rate, entry);
  }

  /** The answer to a request no fault pre-empted: refusals first, then the route or GraphQL. */
  private async answer(request: PendingRequest): Promise<ApiResponse> {
    const { method, url, match, operationId } = request;
    if (operationId === null || (operationId !== "graphql" && !match)) {
      this.parts.violations.record({
        kind: "unexpected-route",
        method,
        path: url.pathname,
        operationId: null,
        problems: [`${method} ${url.pathname} is not served by the sandbox`],
      });
      return {
        status: 404,
        body: { message: "Not Found", documentation_url: DOCS, status: "404" },
      };
    }
    if (request.authFailure)
      return this.errorAnswer(request.authFailure, method, url.pathname, operationId);
    if (request.rate.exceeded) return this.primaryLimit(request.rate, request.principal);
    let answer: ApiResponse;
    try {
      if (request.fault?.concurrentRefMove)
        await this.moveConcurrently(request.fault, match?.params ?? {});
      const context: RequestContext = {
        method,
        operationId,
        params: match?.params ?? {},
        query: Object.fromEntries(url.searchParams),
        body: this.parseBody(request.rawBody, method, url.pathname, operationId),
        headers: request.request.headers,
        principal: request.principal,
        repo: null,
        now: request.now,
        services: this.parts.services,
      };
      if (!match) return await this.parts.graphql(context);
      answer = await this.runRoute(match.route, context, url.pathname);
    } catch (error) {
      answer = this.errorAnswer(error, method, url.pathname, operationId);
      if (!match) return answer;
    }
    return answer.raw === undefined
      ? this.checkedAnswer(answer, method, url.pathname, operationId)
      : answer;
  }

  /** A REST answer that matches the description, or a 500 naming the sandbox bug. */
  private checkedAnswer(
    answer: ApiResponse,
    method: string,
    path: string,
    operationId: string,
  ): ApiResponse {
    const problems = this.parts.contract.validateResponse(operationId, answer.status, answer.body);
    if (problems.length === 0) return answer;
    this.parts.violations.record({ kind: "invalid-response", method, path, operationId, problems });
    return {
      status: 500,
      body: {
        message: `Sandbox bug: the ${answer.status} answer of ${operationId} does not match GitHub's description: ${problems.join(" ")}`,
        documentation_url: DOCS,
      },
    };
  }

  private parseBody(
    raw: Buffer,
    method: string,
    path: string,
    operationId: string | null,
  ): unknown {
    if (raw.length === 0) return undefined;
    try {
      return JSON.parse(raw.toString("utf8")) as unknown;
    } catch {
      this.parts.violations.record({
        kind: "invalid-request",
        method,
        path,
        operationId,
        problems: ["the body is not JSON"],
      });
      throw apiError(400, "Problems parsing JSON", { documentationUrl: DOCS });
    }
  }

  /** Authorises, checks the request against the description, and runs the handler. */
  private async runRoute(
    route: RouteDefinition,
    context: RequestContext,
    path: string,
  ): Promise<ApiResponse> {
    const { contract, violations } = this.parts;
    const verdict = contract.validateRequest(route.operationId, {
      pathParams: context.params,
      query: context.query as Record<string, string>,
      body: context.body,
    });
    const problems = [...verdict.paramErrors, ...verdict.bodyErrors];
    if (problems.length > 0) {
      violations.record({
        kind: "invalid-request",
        method: context.method,
        path,
        operationId: route.operationId,
        problems,
      });
    }
    this.authorize(route, context);
    if (verdict.paramErrors.length > 0) {
      throw apiError(context.method === "GET" ? 404 : 422, verdict.paramErrors.join(" "), {
        documentationUrl: DOCS,
      });
    }
    if (verdict.bodyErrors.length > 0) {
      throw apiError(422, `Invalid request.\n\n${verdict.bodyErrors.join("\n")}`, {
        documentationUrl: DOCS,
      });
    }
    context.query = { ...context.query, ...verdict.query };
    return route.handle(context);
  }

  private authorize(route: RouteDefinition, context: RequestContext): void {
    const { world } = this.parts.services;
    const { access } = route;
    const { principal } = context;
    if (access.scope === "app" || access.scope === "app-repo") {
      if (principal.kind !== "app") {
        throw apiError(401, "A JSON web token could not be decoded", { documentationUrl: DOCS });
      }
      if (access.scope === "app-repo") {
        const repo = world.repo(context.params.owner!, context.params.repo!);
        if (!repo) throw apiError(404, "Not Found", { documentationUrl: DOCS });
        context.repo = repo;
      }
      return;
    }
    if (access.scope === "user") {
      if (principal.kind === "anonymous")
        throw apiError(401, "Requires authentication", { documentationUrl: DOCS });
      if (principal.kind === "app" || principal.token.installation) {
        throw apiError(403, "Resource not accessible by integration", { documentationUrl: DOCS });
      }
      return;
    }
    if (access.scope === "org") {
      const org = world.orgs.get((context.params.org ?? "").toLowerCase());
      if (!org) throw apiError(404, "Not Found", { documentationUrl: DOCS });
      if (principal.kind !== "token")
        throw apiError(principal.kind === "app" ? 403 : 401, "Requires authentication", {
          documentationUrl: DOCS,
        });
      const { token } = principal;
      const allowed = token.installation
        ? token.installation.account.id === org.user.id &&
          (token.permissions.members ?? "none") !== "none"
        : org.members.has(token.actor.login.toLowerCase());
      if (!allowed) {
        throw apiError(
          token.installation ? 403 : 404,
          token.installation ? "Resource not accessible by integration" : "Not Found",
          {
            documentationUrl: DOCS,
            headers: { "x-accepted-github-permissions": "members=read" },
          },
        );
      }
      return;
    }
    const repo = world.repo(context.params.owner!, context.params.repo!);
    if (!repo) throw apiError(404, "Not Found", { documentationUrl: DOCS });
    authorizeRepo(world, principal, repo, access);
    context.repo = repo;
  }

  private errorAnswer(
    error: unknown,
    method: string,
    path: string,
    operationId: string | null,
  ): ApiResponse {
    const answer = apiResponseOf(error);
    if (answer) return answer;
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    this.parts.violations.record({
      kind: "invalid-response",
      method,
      path,
      operationId,
      problems: [`the sandbox failed: ${message}`],
    });
    return { status: 500, body: { message: `Sandbox bug: ${message}`, documentation_url: DOCS } };
  }

  private async moveConcurrently(fault: FaultSpec, params: Record<string, string>): Promise<void> {
    const spec: ConcurrentRefMove =
      typeof fault.concurrentRefMove === "object" ? fault.concurrentRefMove : {};
    const [owner, name] = spec.repo ? spec.repo.split("/") : [params.owner, params.repo];
    const repo = owner && name ? this.parts.services.world.repo(owner, name) : undefined;
    if (!repo) {
      throw apiError(
        500,
        "Sandbox fault concurrentRefMove needs a repository: pass concurrentRefMove.repo for this route.",
      );
    }
    const branch =
      spec.branch ??
      (params.ref?.startsWith("heads/") ? params.ref.slice("heads/".length) : repo.defaultBranch);
    await this.parts.concurrentWrite(repo, branch, spec.files);
  }

  private faultResponse(
    fault: FaultSpec,
    rate: RateLimitState,
    principal: Principal,
    graphql: boolean,
  ): ApiResponse {
    if (fault.status) {
      const message =
        fault.status === 503
          ? "Service Unavailable"
          : fault.status === 502
            ? "Bad Gateway"
            : "Server Error";
      return { status: fault.status, body: { message, documentation_url: DOCS } };
    }
    const seconds = fault.retryAfterSeconds ?? 1;
    const status = fault.rateLimitStatus ?? 403;
    if (fault.rateLimit === "secondary") {
      return {
        status,
        headers: { "retry-after": String(seconds) },
        body: {
          message:
            "You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID.",
          documentation_url:
            "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits",
        },
      };
    }
    const exhausted: RateLimitState = {
      ...rate,
      remaining: 0,
      used: rate.limit,
      reset: Math.floor(Date.now() / 1000) + seconds,
    };
    const answer = this.primaryLimit(exhausted, principal);
    if (graphql) {
      // GraphQL reports its primary limit in the errors of a 200 answer.
      return {
        status: 200,
        headers: answer.headers ?? {},
        body: {
          errors: [{ type: "RATE_LIMITED", message: (answer.body as { message: string }).message }],
        },
      };
    }
    return { ...answer, status };
  }

  private primaryLimit(rate: RateLimitState, principal: Principal): ApiResponse {
    const who =
      principal.kind === "token" && principal.token.installation
        ? `installation ID ${principal.token.installation.id}`
        : principal.kind === "token"
          ? `user ID ${principal.token.actor.id}`
          : "127.0.0.1";
    return {
      status: 403,
      headers: { ...RateLimits.headers({ ...rate, remaining: 0 }) },
      body: {
        message: `API rate limit exceeded for ${who}. If you reach out to GitHub Support for help, please include the request ID.`,
        documentation_url: "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api",
      },
    };
  }

  private send(
    response: ServerResponse,
    answer: ApiResponse,
    rate: RateLimitState,
    entry: LoggedRequest,
  ): void {
    const headers: Record<string, string> = {
      ...RateLimits.headers(rate),
      "x-github-request-id": randomUUID().toUpperCase(),
      "x-github-media-type": "github.v3; format=json",
      "x-github-api-version-selected": "2022-11-28",
      ...(answer.headers ?? {}),
    };
    let payload: Buffer | undefined;
    if (answer.raw !== undefined) {
      payload = answer.raw;
      // GitHub labels raw bodies as UTF-8 text, so Octokit hands them over as strings.
      headers["content-type"] ??= "application/vnd.github.raw; charset=utf-8";
    } else if (answer.body !== undefined) {
      payload = Buffer.from(JSON.stringify(answer.body));
      headers["content-type"] = "application/json; charset=utf-8";
    }
    if (payload) headers["content-length"] = String(payload.length);
    response.writeHead(answer.status, headers);
    response.end(payload);
    entry.status = answer.status;
  }
}
