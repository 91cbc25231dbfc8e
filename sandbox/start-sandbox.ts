import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { Sandbox } from "./sandbox.js";
import type { SandboxLimits } from "./services/sandbox-services.js";

export interface StartSandboxOptions {
  /** Directory for the bare repositories; a temporary one, removed on close, if omitted. */
  dir?: string;
  /** GitHub limits to shrink for tests (tree entries before `truncated`, inline contents size, requests per hour). */
  limits?: Partial<SandboxLimits>;
  /** Emit push and workflow_run webhooks to installed, subscribed apps (default true). */
  webhookSideEffects?: boolean;
}

/** Starts a sandbox on 127.0.0.1 at a random port. Close it with `close()`. */
export async function startSandbox(options: StartSandboxOptions = {}): Promise<Sandbox> {
  const ownsDir = options.dir === undefined;
  const dir = options.dir ?? mkdtempSync(`${tmpdir()}/snapgate-sandbox-`);
  mkdirSync(dir, { recursive: true });
  return Sandbox.start({
    dir,
    ownsDir,
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.webhookSideEffects !== undefined
      ? { webhookSideEffects: options.webhookSideEffects }
      : {}),
  });
}
