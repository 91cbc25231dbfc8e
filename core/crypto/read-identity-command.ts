import { spawn } from "node:child_process";
import { SnapgateError } from "../errors.js";

export interface IdentityCommandOptions {
  /** Where the command runs. */
  cwd: string;
  /** Its environment (the caller's, so a secret manager's session variables reach it). */
  env: NodeJS.ProcessEnv;
  /** How long it may take before it is killed; a secret manager answers in seconds. */
  timeoutMs?: number;
  /** An identity file is a few hundred bytes; anything far larger is not one. */
  maxBytes?: number;
  /** Which option or input named the command, for the messages. */
  source?: string;
}

export const IDENTITY_COMMAND_TIMEOUT_MS = 30_000;
export const IDENTITY_COMMAND_MAX_BYTES = 64 * 1024;

/**
 * Runs a secret manager's command (Vault, a cloud KMS, 1Password) through the
 * shell and returns its stdout: the identity stays in memory, never on disk.
 * Errors name the exit code, signal or timeout, never what the command printed
 * (its stdout may be half a key; its stderr may quote it).
 */
export async function readIdentityCommand(
  command: string,
  options: IdentityCommandOptions,
): Promise<string> {
  const source = options.source ?? "--identity-command";
  const timeoutMs = options.timeoutMs ?? IDENTITY_COMMAND_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? IDENTITY_COMMAND_MAX_BYTES;
  if (command.trim() === "") {
    throw new SnapgateError("USAGE", `${source} is empty.`, {
      fix: `Give the command that prints the identity, e.g. ${source} "vault kv get -field=identity secret/snapgate".`,
    });
  }
  return new Promise<string>((resolvePromise, reject) => {
    // A process group of its own, so a timeout kills the shell's children too.
    const child = spawn("/bin/sh", ["-c", command], {
      cwd: options.cwd,
      env: options.env,
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    const chunks: Buffer[] = [];
    let size = 0;
    let failure: "timeout" | "too-large" | undefined;
    const kill = (): void => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
      } catch {
        // Already gone.
      }
    };
    const timer = setTimeout(() => {
      failure ??= "timeout";
      kill();
    }, timeoutMs);
    child.stdout.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        failure ??= "too-large";
        kill();
        return;
      }
      chunks.push(chunk);
    });
    // Drained and dropped: it may quote the secret, and a full pipe would block the command.
    child.stderr.resume();
    child.on("error", (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(
        new SnapgateError("CONFIG", `${source} could not be started (${error.code ?? "error"}).`, {
          fix: "Check that /bin/sh exists and the working directory is readable.",
        }),
      );
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const output = Buffer.concat(chunks);
      if (failure === "timeout") {
        output.fill(0);
        reject(
          new SnapgateError(
            "CONFIG",
            `${source} did not finish within ${timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`} and was stopped.`,
            {
              fix: "Run the command yourself to see why it waits (a login prompt, an unreachable server); sign in to the secret manager first, or make the command non-interactive.",
              details: { timeoutMs },
            },
          ),
        );
        return;
      }
      if (failure === "too-large") {
        output.fill(0);
        reject(
          new SnapgateError(
            "CONFIG",
            `${source} printed more than ${maxBytes} bytes; an identity file is a few hundred.`,
            {
              fix: "Make the command print only the identity (AGE-SECRET-KEY-1...), e.g. a single field of the secret.",
            },
          ),
        );
        return;
      }
      if (code !== 0) {
        output.fill(0);
        const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
        reject(
          new SnapgateError("CONFIG", `${source} ${how}; its output is not shown.`, {
            fix: "Run the command yourself to see its error (often: not signed in to the secret manager, or a wrong secret path), then try again.",
            details: signal ? { signal } : { exitCode: code },
          }),
        );
        return;
      }
      const text = output.toString("utf8");
      output.fill(0);
      resolvePromise(text);
    });
  });
}
