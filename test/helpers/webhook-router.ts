import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export interface WebhookRouter {
  /** Where the sandbox delivers: the router's URL. */
  url: string;
  /**
   * Which target the next deliveries go to, by event name (X-GitHub-Event).
   * Several targets: each gets the same delivery at once (GitHub's
   * redelivery, or a balancer's retry, while the first is still being
   * handled), and the first target's answer is GitHub's.
   */
  route: (event: string) => number | readonly number[];
  /** How many deliveries each target received. */
  counts: number[];
  close(): Promise<void>;
}

/**
 * A load balancer in front of several app instances: GitHub delivers every
 * webhook to one URL, and the router hands each delivery, unchanged (body and
 * signature), to the target `route` picks, answering with its response.
 */
export async function startWebhookRouter(targets: readonly string[]): Promise<WebhookRouter> {
  const router: WebhookRouter = {
    url: "",
    route: () => 0,
    counts: targets.map(() => 0),
    close: async () => undefined,
  };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const event = String(request.headers["x-github-event"] ?? "");
      const routed = router.route(event);
      const indexes = typeof routed === "number" ? [routed] : routed;
      const answers = indexes.map((index) => {
        router.counts[index] = (router.counts[index] ?? 0) + 1;
        return fetch(targets[index] as string, {
          method: "POST",
          headers: forwarded(request.headers),
          body: Buffer.concat(chunks),
        }).then(async (answer) => ({ status: answer.status, text: await answer.text() }));
      });
      Promise.all(answers)
        .then(([first]) => {
          response.writeHead(first!.status, { "content-type": "text/plain" });
          response.end(first!.text);
        })
        .catch((error: unknown) => {
          response.writeHead(502, { "content-type": "text/plain" }).end(String(error));
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  router.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  router.close = () =>
    new Promise<void>((resolve, reject) => {
      server.closeAllConnections();
      server.close((error) => (error ? reject(error) : resolve()));
    });
  return router;
}

function forwarded(headers: IncomingHttpHeaders): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (name === "host" || name === "content-length" || name === "connection") continue;
    if (typeof value === "string") kept[name] = value;
  }
  return kept;
}
