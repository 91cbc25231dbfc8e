import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { generateWriterKeyText, parseWriterKey } from "../../../core/crypto/writer-key.js";
import { decideGate } from "../../../core/gate/decide-gate.js";
import { gatherGateFacts } from "../../../core/gate/gather-gate-facts.js";
import { loadPolicy } from "../../../core/policy/load-policy.js";
import type { Policy } from "../../../core/policy/policy.js";
import { memoryPolicySource } from "../../../core/policy/policy-source.js";
import { readCatalog } from "../../../core/snapshot/read-catalog.js";
import { snapshotUnderPolicy } from "../../../core/snapshot/snapshot-under-policy.js";
import { LocalDirStore } from "../../../core/store/local-dir-store.js";
import type { CatalogEntry } from "../../../core/types.js";
import { craftDrill } from "../../helpers/craft-drill.js";
import { makeKeys, type TestKeys } from "../../helpers/keys.js";
import { tempDir } from "../../helpers/temp-dir.js";

/** A passing drill restored and validated its snapshot: it counts as restore-level verification. */
describe("drills as restore-level verification in the gate's facts", () => {
  const work = tempDir();
  const store = new LocalDirStore(join(work, "store"));
  let keys: TestKeys;
  let policy: Policy;
  let entry: CatalogEntry;
  const now = new Date();
  const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
  const restoreCondition = async () => {
    const facts = await gatherGateFacts(store, policy, "prod", now);
    return {
      facts,
      condition: decideGate(facts).conditions.find((c) => c.name === "restore-verification"),
    };
  };

  beforeAll(async () => {
    keys = await makeKeys();
    policy = await loadPolicy(
      memoryPolicySource({
        ".github/snapgate.yml": `keys:
  recipients: [${keys.age.recipient}]
  writers: [{ key: ${keys.verifyKey} }]
tiers: { tier1: { max_age: 24h, restore_verification: 7d } }
environments: { prod: { tier: tier1 } }
components: [{ name: app, paths: ["**"] }]
`,
      }),
    );
    mkdirSync(join(work, "tree"));
    writeFileSync(join(work, "tree", "app.yaml"), "version: 1\n");
    await snapshotUnderPolicy({
      store,
      root: join(work, "tree"),
      paths: ["."],
      stream: "prod",
      phase: "post",
      writerKey: keys.writer,
      policy,
      changeTicketVerifier: null,
    });
    entry = (await readCatalog(store, "prod"))[0]!;
  });

  it("fails with no verification and no drill", async () => {
    const { facts, condition } = await restoreCondition();
    expect(facts.lastRestoreVerification).toBeNull();
    expect(condition?.state).toBe("fail");
  });

  it("does not count a failing drill, nor one signed by a key the policy does not trust", async () => {
    await craftDrill(store, keys.writer, entry, { ok: false, time: minutesAgo(30) });
    const stranger = parseWriterKey(generateWriterKeyText(), "stranger");
    await craftDrill(store, stranger, entry, { time: minutesAgo(20) });
    const { facts, condition } = await restoreCondition();
    expect(facts.lastRestoreVerification).toBeNull();
    expect(condition?.state).toBe("fail");
  });

  it("counts a passing drill signed by a writer key of the policy", async () => {
    const time = minutesAgo(10);
    await craftDrill(store, keys.writer, entry, { time });
    const { facts, condition } = await restoreCondition();
    expect(facts.lastRestoreVerification).toBe(time.toISOString());
    expect(condition).toMatchObject({
      state: "pass",
      detail: "Verified at restore level 10m ago.",
    });
  });
});
