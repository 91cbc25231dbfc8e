import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createNodeMiddleware } from "probot";
import { createSnapgateProbot, type SnapgateProbotOptions } from "./create-snapgate-probot.js";
import { snapgateApp, type SnapgateAppOptions } from "./index.js";
import { DEFAULT_WEBHOOK_PATH } from "./read-app-environment.js";

export interface SnapgateServerOptions extends SnapgateProbotOptions, SnapgateAppOptions {
  /** 0 picks a free port. */
  port: number;
  /** undefined: every interface. */
  host?: string;
  webhookPath?: string;
}

export interface SnapgateServer {
  /** http://HOST:PORT */
  url: string;
  /** Where GitHub delivers webhooks: url + webhook path. */
  webhookUrl: string;
  close(): Promise<void>;
}

/**
 * Serves the app on node:http: POST {webhookPath} takes GitHub's webhooks
 * (the signature is checked against the secret before any handler runs; a
 * bad one gets 400), GET / answers a health check, anything else 404.
 */
export async function startSnapgateServer(options: SnapgateServerOptions): Promise<SnapgateServer> {
  const probot = createSnapgateProbot(options);
  const webhookPath = options.webhookPath ?? DEFAULT_WEBHOOK_PATH;
  const middleware = await createNodeMiddleware(
    snapgateApp({
      ...(options.now ? { now: options.now } : {}),
      ...(options.backupAccounts ? { backupAccounts: options.backupAccounts } : {}),
    }),
    { probot, webhooksPath: webhookPath },
  );
  const server = createServer((request, response) => {
    if (request.method === "GET" && (request.url === "/" || request.url === "/healthz")) {
      response.writeHead(200, { "content-type": "text/plain" }).end("snapgate app: ok\n");
      return;
    }
    void middleware(request, response, () => {
      response.writeHead(404, { "content-type": "text/plain" }).end("Not Found\n");
    });
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
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
