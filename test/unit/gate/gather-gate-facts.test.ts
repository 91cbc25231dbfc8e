import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import type { RegularFileEntry } from "../../../core/types.js";
import { readStoredManifest } from "../../helpers/read-stored-manifest.js";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { gatherGateFacts } from "../../../core/gate/gather-gate-facts.js";
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
    const manifest = await readStoredManifest(store, "prod", 3);
    const victim = (manifest.files[0] as RegularFileEntry).blob;
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

  it("names a manifest that does not parse, and a first manifest with a prev", async () => {
    const manifests = join(work, "store", "manifests", "prod");
    copyFileSync(join(manifests, "0000000001.json"), join(work, "first.json"));
    chmodSync(join(manifests, "0000000001.json"), 0o644);
    writeFileSync(join(manifests, "0000000001.json"), "{not json");
    expect(await checkStreamChain(store, "prod", 1)).toEqual({
      state: "broken",
      atSeq: 1,
      detail: "manifest prod@1 cannot be read",
    });
    const first = JSON.parse(readFileSync(join(work, "first.json"), "utf8")) as { prev: unknown };
    writeFileSync(
      join(manifests, "0000000001.json"),
      JSON.stringify({ ...first, prev: "f".repeat(64) }),
    );
    expect(await checkStreamChain(store, "prod", 1)).toMatchObject({
      detail: "manifest prod@1 links to an earlier manifest",
    });
  });

  it("reports a newest manifest that does not hash to its catalog id as a bad signature", async () => {
    const newest = join(work, "store", "manifests", "prod", "0000000003.json");
    chmodSync(newest, 0o644);
    writeFileSync(newest, `${readFileSync(newest, "utf8")} `);
    const facts = await gatherGateFacts(store, policy, "prod", now);
    expect(facts.snapshot?.seq).toBe(3);
    expect(facts.snapshot?.signature).toEqual({
      state: "bad",
      detail: "the manifest does not hash to its catalog id",
    });
    expect(facts.snapshot?.missingBlobs).toBeNull();
  });
});
