import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import { localPolicySource } from "../../../core/policy/local-policy-source.js";
import { tempDir } from "../../helpers/temp-dir.js";

describe("localPolicySource", () => {
  const dir = tempDir();

  it("reads files relative to its base; a missing one is null; a directory is a CONFIG error", async () => {
    mkdirSync(join(dir, ".github/snapgate.yml.d"), { recursive: true });
    writeFileSync(join(dir, ".github/snapgate.yml"), "keys: {}\n");
    const source = localPolicySource(dir);
    expect(await source.read({ path: ".github/snapgate.yml" })).toBe("keys: {}\n");
    expect(await source.read({ path: ".github/missing.yml" })).toBeNull();
    await expect(source.read({ path: ".github/snapgate.yml.d" })).rejects.toMatchObject({
      code: "CONFIG",
      summary: "Cannot read the policy .github/snapgate.yml.d: EISDIR.",
    });
  });

  it("refuses another repository: the CLI and the actions read only the checkout", async () => {
    const source = localPolicySource(dir);
    await expect(source.read({ repo: ".github", path: "org.yml" })).rejects.toThrow(
      "The policy extends .github:org.yml (_extends), another repository: resolving it needs GitHub",
    );
  });
});
