import { createHmac } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createNodeMiddleware } from "probot";
import type { DashboardSettings } from "./dashboard/dashboard-settings.js";
import { createSnapgateProbot, type SnapgateProbotOptions } from "./create-snapgate-probot.js";
import { snapgateApp, type SnapgateAppOptions } from "./index.js";
import { checkWebhookSignature } from "./check-webhook-signature.js";
import { DEFAULT_WEBHOOK_PATH } from "./read-app-environment.js";

export interface SnapgateServerOptions extends SnapgateProbotOptions, SnapgateAppOptions {
  /** 0 picks a free port. */
  port: number;
  /** undefined: every interface. */
  host?: string;
  webhookPath?: string;
  /** The dashboard's GitHub sign-in; undefined: the dashboard says it is not configured. */
  dashboardSettings?: DashboardSettings;
}

export interface SnapgateServer {
  /** http://HOST:PORT */
  url: string;
  /** Where GitHub delivers webhooks: url + webhook path. */
  webhookUrl: string;
  /** Resolves once no webhook handler is running (one may outlive GitHub's 202 answer after 9 s). */
  idle(): Promise<void>;
  close(): Promise<void>;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

/**
 * Probot logs a forged or mis-signed delivery twice, each with its stack and
 * the whole payload: anyone who can reach the URL could fill the log. One
 * line with the delivery id is enough to find it in the App's settings.
 */
function refuseForgedDelivery(
  request: IncomingMessage,
  response: ServerResponse,
  log: { warn(message: string): void },
): void {
  const header = (name: string) =>
    String(request.headers[name] ?? "?")
      .replace(/[^\w.:-]/g, "?")
      .slice(0, 64);
  log.warn(
    `refused webhook delivery ${header("x-github-delivery")} (${header("x-github-event")}): its signature does not match the webhook secret (check WEBHOOK_SECRET against the App's settings)`,
  );
  response.writeHead(400, { "content-type": "application/json" }).end(
    JSON.stringify({
      error: "Error: [@octokit/webhooks] signature does not match event payload and secret",
    }),
  );
}

/**
 * Serves the app on node:http: POST {webhookPath} takes GitHub's webhooks
 * (the signature is checked against the secret before any handler runs; a
 * bad one gets 400), GET / answers a health check, the dashboard and its
 * GitHub sign-in are on Probot's router (docs/app.md), anything else 404.
 */
export async function startSnapgateServer(options: SnapgateServerOptions): Promise<SnapgateServer> {
  const probot = createSnapgateProbot(options);
  const webhookPath = options.webhookPath ?? DEFAULT_WEBHOOK_PATH;
  const running = new Set<Promise<unknown>>();
  const middleware = await createNodeMiddleware(
    snapgateApp({
      track: (work) => {
        running.add(work);
        const done = () => running.delete(work);
        work.then(done, done);
      },
      ...(options.now ? { now: options.now } : {}),
      ...(options.backupAccounts ? { backupAccounts: options.backupAccounts } : {}),
      ...(options.signingKey ? { signingKey: options.signingKey } : {}),
      dashboard: {
        settings: options.dashboardSettings,
        apiUrl: (options.baseUrl ?? "https://api.github.com").replace(/\/+$/, ""),
        // Every instance has the private key, so every instance signs and reads the same cookies.
        cookieSecret: createHmac("sha256", options.privateKey)
          .update("snapgate dashboard cookies")
          .digest(),
      },
    }),
    { probot, webhooksPath: webhookPath },
  );
  const server = createServer((request, response) => {
    if (request.method === "GET" && (request.url === "/" || request.url === "/healthz")) {
      response.writeHead(200, { "content-type": "text/plain" }).end("snapgate app: ok\n");
      return;
    }
    const next = () => {
      response.writeHead(404, { "content-type": "text/plain" }).end("Not Found\n");
    };
    const signature = request.headers["x-hub-signature-256"];
    if (
      request.method !== "POST" ||
      typeof signature !== "string" ||
      new URL(request.url ?? "/", "http://localhost").pathname !== webhookPath
    ) {
      void middleware(request, response, next);
      return;
    }
    void readBody(request).then(
      (body) => {
        if (!checkWebhookSignature(options.webhookSecret, body, signature)) {
          refuseForgedDelivery(request, response, probot.log);
          return;
        }
        // @octokit/webhooks takes a string body as the payload instead of reading the stream again.
        (request as IncomingMessage & { body?: string }).body = body;
        void middleware(request, response, next);
      },
      () => response.writeHead(400).end(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = options.host ?? "127.0.0.1";
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${address.port}`;
  return {
    url,
    webhookUrl: `${url}${webhookPath}`,
    idle: async () => {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
