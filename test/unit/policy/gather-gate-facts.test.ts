import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  readdirSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { gatherGateFacts } from "../../../core/policy/gate/gather-gate-facts.js";
import { loadPolicy } from "../../../core/policy/load-policy.js";
import type { Policy } from "../../../core/policy/policy.js";
import { memoryPolicySource } from "../../../core/policy/policy-source.js";
import { checkStreamChain } from "../../../core/snapshot/check-stream-chain.js";
import { snapshotUnderPolicy } from "../../../core/snapshot/snapshot-under-policy.js";
import { LocalDirStore } from "../../../core/store/local-dir-store.js";
import { makeKeys, type TestKeys } from "../../helpers/keys.js";
import { tempDir } from "../../helpers/temp-dir.js";

describe("gatherGateFacts and checkStreamChain on a local store", () => {
  const work = tempDir();
  const store = new LocalDirStore(join(work, "store"));
  let keys: TestKeys;
  let policy: Policy;
  const now = new Date();

  beforeAll(async () => {
    keys = await makeKeys();
    policy = await loadPolicy(
      memoryPolicySource({
        ".github/snapgate.yml": `keys:
  recipients: [${keys.age.recipient}]
  writers: [{ key: ${keys.verifyKey} }]
tiers: { tier1: { max_age: 24h } }
environments: { prod: { tier: tier1 } }
components: [{ name: app, paths: ["**"] }]
`,
      }),
    );
    mkdirSync(join(work, "tree"));
    for (let i = 1; i <= 3; i++) {
      writeFileSync(join(work, "tree", "app.yaml"), `version: ${i}\n`);
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
    }
  });

  it("gathers every fact of a good snapshot", async () => {
    const facts = await gatherGateFacts(store, policy, "prod", now);
    expect(facts.snapshot).toMatchObject({
      seq: 3,
      signature: { state: "ok", key: keys.verifyKey },
      chain: { state: "ok" },
      missingBlobs: [],
      components: ["app"],
      uncoveredTier0Paths: [],
      consistency: [],
    });
    expect(facts.lastRestoreVerification).toBeNull();
    expect(facts.failedRestoreVerification).toBeNull();
  });

  it("in list mode sees a missing blob by name only, and not altered content (read is the default)", async () => {
    const manifest = JSON.parse(
      Buffer.from((await store.readManifest("prod", 3)) as Uint8Array).toString("utf8"),
    ) as { files: { blob: string }[] };
    const victim = manifest.files[0]?.blob as string;
    const dir = join(work, "store", "blobs", victim.slice(0, 2));
    const path = join(dir, readdirSync(dir).find((name) => name.startsWith(victim)) as string);
    chmodSync(path, 0o644);
    writeFileSync(path, "altered");
    expect((await gatherGateFacts(store, policy, "prod", now)).snapshot?.missingBlobs).toEqual([
      victim,
    ]);
    const listed = await gatherGateFacts(store, policy, "prod", now, { blobs: "list" });
    expect(listed.snapshot?.missingBlobs).toEqual([]);
    unlinkSync(path);
    const gone = await gatherGateFacts(store, policy, "prod", now, { blobs: "list" });
    expect(gone.snapshot?.missingBlobs).toEqual([victim]);
  });

  it("names where a chain breaks: a replaced manifest", async () => {
    expect(await checkStreamChain(store, "prod", 3)).toEqual({ state: "ok" });
    const manifests = join(work, "store", "manifests", "prod");
    chmodSync(join(manifests, "0000000002.json"), 0o644);
    copyFileSync(join(manifests, "0000000001.json"), join(manifests, "0000000002.json"));
    expect(await checkStreamChain(store, "prod", 3)).toEqual({
      state: "broken",
      atSeq: 2,
      detail: "the manifest stored as prod@2 says it is prod@1",
    });
    expect(await checkStreamChain(store, "prod", 1)).toEqual({ state: "ok" });
  });
});
