import type { IncomingHttpHeaders } from "node:http";
import type { Principal } from "../auth/principal.js";
import type { RepoRequirement } from "../auth/repo-access.js";
import type { SandboxServices } from "../services/sandbox-services.js";
import type { RepoRecord } from "../state/entities.js";

/** How a route is authorised before its handler runs. */
export type RouteAccess =
  | ({ scope: "repo" } & RepoRequirement)
  /** The app itself, by its JWT. */
  | { scope: "app" }
  /** The app by its JWT, about a repository it may be installed on. */
  | { scope: "app-repo" }
  | { scope: "org"; level: "read" | "write" }
  /** The signed-in person (a personal token or an app's user access token), as /user. */
  | { scope: "user" };

export interface RequestContext {
  method: string;
  operationId: string;
  /** Path parameters, decoded. */
  params: Record<string, string>;
  /** Query parameters, typed by the operation's description. */
  query: Record<string, unknown>;
  /** The JSON body, or undefined. */
  body: unknown;
  headers: IncomingHttpHeaders;
  principal: Principal;
  /** The repository of a repository route, already authorised. */
  repo: RepoRecord | null;
  now: Date;
  services: SandboxServices;
}

export interface ApiResponse {
  status: number;
  /** JSON body; omit for none. */
  body?: unknown;
  /** A non-JSON body (raw media types); skips response validation. */
  raw?: Buffer;
  headers?: Record<string, string>;
}

export interface RouteDefinition {
  operationId: string;
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  /** As in GitHub's description, e.g. "/repos/{owner}/{repo}/git/refs/{ref}". */
  path: string;
  access: RouteAccess;
  handle(context: RequestContext): Promise<ApiResponse> | ApiResponse;
}
