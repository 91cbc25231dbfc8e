import { spawn } from "node:child_process";
import type { IncomingMessage, ServerResponse } from "node:http";
import { dirname, basename } from "node:path";

export interface GitHttpTarget {
  owner: string;
  repo: string;
  /** What follows "<repo>.git", e.g. "/info/refs". */
  service: string;
}

const GIT_HTTP_PATH =
  /^\/([^/]+)\/([^/]+?)\.git(\/info\/refs|\/git-upload-pack|\/git-receive-pack|\/HEAD)$/;

/** The repository a smart-HTTP path names, or null when the path is not a git one. */
export function gitHttpTarget(pathname: string): GitHttpTarget | null {
  const match = GIT_HTTP_PATH.exec(pathname);
  if (!match) return null;
  return {
    owner: decodeURIComponent(match[1]!),
    repo: decodeURIComponent(match[2]!),
    service: match[3]!,
  };
}

/**
 * Serves git's smart HTTP protocol (fetch and clone) for one bare repository
 * through `git http-backend`, the CGI program git ships. Pushes are refused:
 * the sandbox changes refs only through the API, where rulesets apply.
 */
export async function serveGitHttp(
  request: IncomingMessage,
  response: ServerResponse,
  gitDir: string,
  target: GitHttpTarget,
  query: string,
  body: Buffer,
): Promise<void> {
  if (target.service === "/git-receive-pack" || query.includes("service=git-receive-pack")) {
    response.writeHead(403, { "content-type": "text/plain" });
    response.end("Pushing over HTTP is not supported by the sandbox: use the Git Data API.\n");
    return;
  }
  const child = spawn("git", ["http-backend"], {
    env: {
      PATH: process.env.PATH ?? "/usr/bin:/bin",
      GIT_PROJECT_ROOT: dirname(gitDir),
      GIT_HTTP_EXPORT_ALL: "1",
      PATH_INFO: `/${basename(gitDir)}${target.service}`,
      QUERY_STRING: query,
      REQUEST_METHOD: request.method ?? "GET",
      CONTENT_TYPE: request.headers["content-type"] ?? "",
      CONTENT_LENGTH: String(body.length),
      REMOTE_ADDR: request.socket.remoteAddress ?? "127.0.0.1",
      ...(request.headers["git-protocol"]
        ? { GIT_PROTOCOL: String(request.headers["git-protocol"]) }
        : {}),
      ...(request.headers["content-encoding"]
        ? { HTTP_CONTENT_ENCODING: String(request.headers["content-encoding"]) }
        : {}),
    },
  });
  child.stdin.end(body);
  const chunks: Buffer[] = [];
  child.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
  await new Promise<void>((resolve) => child.on("close", () => resolve()));
  const output = Buffer.concat(chunks);
  let split = output.indexOf("\r\n\r\n");
  let separator = 4;
  if (split === -1) {
    split = output.indexOf("\n\n");
    separator = 2;
  }
  const headers: Record<string, string> = {};
  let status = 200;
  for (const line of output.subarray(0, Math.max(split, 0)).toString("latin1").split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon === -1) continue;
    const name = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    if (name.toLowerCase() === "status") status = Number.parseInt(value, 10);
    else headers[name] = value;
  }
  response.writeHead(split === -1 ? 500 : status, headers);
  response.end(split === -1 ? output : output.subarray(split + separator));
}
