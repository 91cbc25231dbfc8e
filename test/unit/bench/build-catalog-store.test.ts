import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import {
  buildCatalogStore,
  type CatalogStore,
} from "../../../bench/catalog/build-catalog-store.js";
import { makeKeys } from "../../helpers/keys.js";
import { runCli } from "../../helpers/run-cli.js";
import { tempDir } from "../../helpers/temp-dir.js";

interface Listed {
  snapshots: { stream: string; seq: number; components: string[]; phase: string }[];
}

describe("buildCatalogStore writes what the store itself would", () => {
  const dir = tempDir();
  let built: CatalogStore;
  const cli = (...args: string[]) => runCli(args, { cwd: dir });

  beforeAll(async () => {
    built = await buildCatalogStore(dir, {
      environments: ["prod", "staging"],
      perEnvironment: 15,
      seed: 7,
    });
  });

  it("lists every snapshot, with the recorded components", async () => {
    expect(built.snapshots).toBe(30);
    const all = (await cli("list", "--store", built.store, "--json")).json() as Listed;
    expect(all.snapshots).toHaveLength(30);
    expect(all.snapshots.every((s) => s.components.includes("api"))).toBe(true);
    const withDb = all.snapshots.filter((s) => s.components.includes("payments-db")).length;
    expect(withDb).toBeGreaterThan(0);
    expect(withDb).toBeLessThan(30);
    const filtered = (
      await cli("list", "--store", built.store, "--component", "payments-db", "--json")
    ).json() as Listed;
    expect(filtered.snapshots).toHaveLength(withDb);
  });

  it("verifies: signatures, hash chains and blobs", async () => {
    const run = await cli(
      "verify",
      "--all",
      "--store",
      built.store,
      "--verify-key",
      built.verifyKey,
    );
    expect(run.stdout).toContain("Verified 30 snapshot(s) at structure level");
    expect(run.code).toBe(0);
  });

  it("leaves heads a new snapshot continues from", async () => {
    const keys = await makeKeys();
    writeFileSync(join(dir, "w.key"), keys.writerText);
    writeFileSync(join(dir, "extra.yaml"), "x: 1\n");
    const run = await cli(
      "snapshot",
      "--store",
      built.store,
      "--env",
      "staging",
      "--phase",
      "manual",
      "--recipient",
      keys.age.recipient,
      "--writer-key",
      "w.key",
      "--json",
      "extra.yaml",
    );
    expect(run.json()).toMatchObject({ seq: 16 });
  });
});
