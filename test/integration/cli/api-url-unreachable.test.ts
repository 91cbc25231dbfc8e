import { createServer, type Server } from "node:net";
import { afterAll, describe, expect, it } from "@jest/globals";
import { spawnCli } from "../../helpers/run-cli.js";
import { tempDir } from "../../helpers/temp-dir.js";

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => resolve((server.address() as { port: number }).port));
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

describe("a GitHub store whose API address cannot be reached", () => {
  const dir = tempDir();
  // Backoff shrunk to 1 ms per second, so the old 30 s of retries would not time the test out.
  const env = { SNAPGATE_RETRY_AFTER_MS: "1" };
  const list = (apiUrl: string) =>
    spawnCli(["list", "--store", "github://acme/backups", "--token", "t", "--api-url", apiUrl], {
      cwd: dir,
      env,
    });

  it("names the host:port that refused, and does not blame GitHub", async () => {
    const probe = createServer();
    const port = await listen(probe);
    await close(probe);
    const run = await list(`http://127.0.0.1:${port}`);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `Could not reach 127.0.0.1:${port} while reading the backup repository (ECONNREFUSED)`,
    );
    expect(run.stderr).toContain("--api-url");
    expect(run.stderr).not.toContain("githubstatus");
  });

  // Reads the request, then closes the connection without an answer.
  const dropping = createServer((socket) => {
    connections++;
    socket.once("data", () => socket.destroy());
  });
  let connections = 0;
  afterAll(() => close(dropping));

  it("tries a dropped connection three times in all, then reports it", async () => {
    const port = await listen(dropping);
    const run = await list(`http://127.0.0.1:${port}/api/v3`);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`Could not reach 127.0.0.1:${port}`);
    expect(connections).toBe(3);
  });
});
