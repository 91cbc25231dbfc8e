import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  SnapgateError
} from "./chunk-6KERQ4ZL.js";

// core/crypto/read-identity-command.ts
import { spawn } from "node:child_process";
var IDENTITY_COMMAND_TIMEOUT_MS = 3e4;
var IDENTITY_COMMAND_MAX_BYTES = 64 * 1024;
async function readIdentityCommand(command, options) {
  const source = options.source ?? "--identity-command";
  const timeoutMs = options.timeoutMs ?? IDENTITY_COMMAND_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? IDENTITY_COMMAND_MAX_BYTES;
  if (command.trim() === "") {
    throw new SnapgateError("USAGE", `${source} is empty.`, {
      fix: `Give the command that prints the identity, e.g. ${source} "vault kv get -field=identity secret/snapgate".`
    });
  }
  return new Promise((resolvePromise, reject) => {
    const child = spawn("/bin/sh", ["-c", command], {
      cwd: options.cwd,
      env: options.env,
      stdio: ["ignore", "pipe", "pipe"],
      detached: true
    });
    const chunks = [];
    let size = 0;
    let failure;
    const kill = () => {
      try {
        if (child.pid !== void 0) process.kill(-child.pid, "SIGKILL");
      } catch {
      }
    };
    const timer = setTimeout(() => {
      failure ??= "timeout";
      kill();
    }, timeoutMs);
    child.stdout.on("data", (chunk) => {
      size += chunk.length;
      if (size > maxBytes) {
        failure ??= "too-large";
        kill();
        return;
      }
      chunks.push(chunk);
    });
    child.stderr.resume();
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(
        new SnapgateError("CONFIG", `${source} could not be started (${error.code ?? "error"}).`, {
          fix: "Check that /bin/sh exists and the working directory is readable."
        })
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
            `${source} did not finish within ${timeoutMs < 1e3 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1e3)} s`} and was stopped.`,
            {
              fix: "Run the command yourself to see why it waits (a login prompt, an unreachable server); sign in to the secret manager first, or make the command non-interactive.",
              details: { timeoutMs }
            }
          )
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
              fix: "Make the command print only the identity (AGE-SECRET-KEY-1...), e.g. a single field of the secret."
            }
          )
        );
        return;
      }
      if (code !== 0) {
        output.fill(0);
        const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
        reject(
          new SnapgateError("CONFIG", `${source} ${how}; its output is not shown.`, {
            fix: "Run the command yourself to see its error (often: not signed in to the secret manager, or a wrong secret path), then try again.",
            details: signal ? { signal } : { exitCode: code }
          })
        );
        return;
      }
      const text = output.toString("utf8");
      output.fill(0);
      resolvePromise(text);
    });
  });
}

export {
  readIdentityCommand
};
