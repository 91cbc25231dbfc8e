import { createHmac, generateKeyPairSync } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import type { ProbotLogger } from "../../../app/create-snapgate-probot.js";
import { startSnapgateServer, type SnapgateServer } from "../../../app/start-snapgate-server.js";

/** Each call to the logger, as the text it would print (message and any error's stack). */
function recordingLogger(calls: string[]): ProbotLogger {
  const record =
    (level: string) =>
    (...args: unknown[]) => {
      const text = args
        .map((arg) =>
          arg instanceof Error
            ? String(arg.stack)
            : typeof arg === "string"
              ? arg
              : JSON.stringify(arg, (_, value: unknown) =>
                  value instanceof Error ? String(value.stack) : value,
                ),
        )
        .join(" ");
      calls.push(`${level}: ${text}`);
    };
  const logger: Record<string, unknown> = {
    level: "info",
    trace: () => undefined,
    debug: () => undefined,
    info: record("info"),
    warn: record("warn"),
    error: record("error"),
    fatal: record("fatal"),
    child: () => logger,
  };
  return logger as unknown as ProbotLogger;
}

describe("the app's log for a webhook with a bad signature", () => {
  const calls: string[] = [];
  const secret = "the-webhook-secret";
  let server: SnapgateServer;

  beforeAll(async () => {
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    server = await startSnapgateServer({
      appId: 1,
      privateKey: privateKey.export({ type: "pkcs1", format: "pem" }).toString(),
      webhookSecret: secret,
      port: 0,
      host: "127.0.0.1",
      log: recordingLogger(calls),
    });
  });
  afterAll(() => server.close());

  it("is one line naming the delivery, without a stack trace or the payload", async () => {
    const body = JSON.stringify({ zen: "payload-marker", hook_id: 1 });
    const response = await fetch(server.webhookUrl, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-github-event": "ping",
        "x-github-delivery": "7a1c0de0-0000-4000-8000-000000000001",
        "x-hub-signature-256": `sha256=${createHmac("sha256", "wrong").update(body).digest("hex")}`,
      },
      body,
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("signature does not match");
    expect(calls).toHaveLength(1);
    const [line] = calls;
    expect(line).toContain("7a1c0de0-0000-4000-8000-000000000001");
    expect(line).not.toContain("\n");
    expect(line).not.toContain("payload-marker");
  });

  it("still takes a correctly signed delivery, logging no error", async () => {
    calls.length = 0;
    const body = JSON.stringify({ zen: "hello", hook_id: 1 });
    const response = await fetch(server.webhookUrl, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-github-event": "ping",
        "x-github-delivery": "7a1c0de0-0000-4000-8000-000000000002",
        "x-hub-signature-256": `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`,
      },
      body,
    });
    expect(response.status).toBe(200);
    expect(calls.filter((call) => /^(warn|error|fatal)/.test(call))).toEqual([]);
  });
});
