import { execFileSync } from "node:child_process";
import { describe, expect, it } from "@jest/globals";
import { readIdentityCommand } from "../../../core/crypto/read-identity-command.js";
import { SnapgateError } from "../../../core/errors.js";

const options = { cwd: process.cwd(), env: { PATH: process.env.PATH } };
const SECRET = "AGE-SECRET-KEY-1QQQQLEAKEDLEAKEDLEAKED";

async function failure(command: string, extra: object = {}): Promise<SnapgateError> {
  try {
    await readIdentityCommand(command, { ...options, ...extra });
  } catch (error) {
    expect(error).toBeInstanceOf(SnapgateError);
    return error as SnapgateError;
  }
  throw new Error("the command was expected to fail");
}

describe("readIdentityCommand", () => {
  it("returns the command's stdout, run through the shell with the caller's environment", async () => {
    const text = await readIdentityCommand('printf "# c\\n%s\\n" "$THE_KEY" | cat', {
      ...options,
      env: { ...options.env, THE_KEY: SECRET },
    });
    expect(text).toBe(`# c\n${SECRET}\n`);
  });

  it("names the exit code and shows neither stdout nor stderr when the command fails", async () => {
    const error = await failure(`echo ${SECRET}; echo "denied ${SECRET}" >&2; exit 3`);
    expect(error.code).toBe("CONFIG");
    expect(error.message).toContain("exited with code 3");
    expect(error.message).not.toContain("LEAKED");
    expect(JSON.stringify(error.toJSON())).not.toContain("LEAKED");
    expect(error.fix).toMatch(/Run the command yourself/);
  });

  it("names the signal when the command is killed", async () => {
    const error = await failure("kill -TERM $$");
    expect(error.message).toContain("was killed by SIGTERM");
  });

  it("stops a command that does not finish, with its children, and says so", async () => {
    const marker = `snapgate-identity-timeout-${process.pid}`;
    // The child writes nothing and would sleep for a minute; the process group is killed.
    const error = await failure(`sh -c 'sleep 60; echo ${marker}' ${marker}; echo ${SECRET}`, {
      timeoutMs: 300,
    });
    expect(error.message).toContain("did not finish within 300 ms and was stopped");
    expect(error.message).not.toContain("LEAKED");
    expect(error.fix).toMatch(/sign in to the secret manager/);
    const left = execFileSync("ps", ["-eo", "args"]).toString();
    expect(left).not.toContain(marker);
  });

  it("refuses output far larger than an identity without showing it", async () => {
    const error = await failure(`yes ${SECRET}`, { maxBytes: 4096 });
    expect(error.message).toContain("printed more than 4096 bytes");
    expect(error.message).not.toContain("LEAKED");
  });

  it("refuses an empty command", async () => {
    const error = await failure("  ");
    expect(error.code).toBe("USAGE");
  });
});
