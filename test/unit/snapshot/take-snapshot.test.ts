import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { loadPolicy } from "../../../core/policy/load-policy.js";
import { memoryPolicySource } from "../../../core/policy/policy-source.js";
import type { Policy } from "../../../core/policy/policy.js";
import { LocalDirStore } from "../../../core/store/local-dir-store.js";
import { loadSnapshot } from "../../../core/snapshot/load-snapshot.js";
import { takeSnapshot, type TakeSnapshotOptions } from "../../../core/snapshot/take-snapshot.js";
import { assertIdentityIsRecipient } from "../../../core/snapshot/assert-identity-is-recipient.js";
import { makeKeys, type TestKeys } from "../../helpers/keys.js";
import { tempDir } from "../../helpers/temp-dir.js";

const work = tempDir();
const root = join(work, "repo");
let keys: TestKeys;
let policy: Policy;
let count = 0;
const newStore = () => new LocalDirStore(join(work, `store${++count}`));

beforeAll(async () => {
  keys = await makeKeys();
  mkdirSync(join(root, "deploy/prod"), { recursive: true });
  mkdirSync(join(root, "src"), { recursive: true });
  writeFileSync(join(root, "deploy/prod/app.yaml"), "replicas: 3\n");
  writeFileSync(join(root, "deploy/prod/.env"), "TOKEN=abc\n");
  writeFileSync(join(root, "src/main.ts"), "export {};\n");
  policy = await loadPolicy(
    memoryPolicySource({
      ".github/snapgate.yml": `keys:
  recipients: [${keys.age.recipient}]
  writers: [{ key: ${keys.verifyKey} }]
tiers: { tier1: { max_age: 24h } }
environments:
  prod: { tier: tier1, paths: ["deploy/prod/**"] }
  staging: { tier: tier1 }
components: [{ name: app, paths: ["deploy/**"] }]
`,
    }),
  );
});

const take = (extra: Partial<TakeSnapshotOptions>) =>
  takeSnapshot({
    store: newStore(),
    policy: null,
    recipients: [],
    env: {},
    root,
    paths: [],
    stream: "prod",
    phase: "pre",
    writerKey: keys.writer,
    ...extra,
  });

describe("takeSnapshot: the snapshot both the CLI and the snapshot action take", () => {
  it("under a policy, paths default to the environment's paths and recipients come from the policy", async () => {
    const store = newStore();
    const { result, underPolicy } = await take({ store, policy });
    expect(underPolicy?.tier).toBe("tier1");
    expect(underPolicy?.recipients).toEqual({ fromPolicy: [keys.age.recipient], added: [] });
    const { manifest } = await loadSnapshot(store, {
      stream: "prod",
      seq: 1,
      id: result.id as string,
    });
    expect(manifest.files.map((file) => [file.path, file.component])).toEqual([
      ["deploy/prod/.env", "app"],
      ["deploy/prod/app.yaml", "app"],
    ]);
  });

  it("without a policy, the given recipients only; secret-looking files are never gzipped", async () => {
    const store = newStore();
    const { result, underPolicy } = await take({
      store,
      recipients: [keys.age.recipient],
      paths: ["deploy"],
    });
    expect(underPolicy).toBeNull();
    const { manifest } = await loadSnapshot(store, {
      stream: "prod",
      seq: 1,
      id: result.id as string,
    });
    expect(manifest.recipients).toEqual([keys.age.recipient]);
    const encodings = Object.fromEntries(
      manifest.files.map((file) => [file.path, file.type === "file" ? file.encoding : null]),
    );
    expect(encodings["deploy/prod/.env"]).toBe("none");
  });

  it.each([
    [{}, "USAGE", "No recipients were given and there is no policy"],
    [
      { recipients: ["age1typo"], paths: ["deploy"] },
      "CONFIG",
      "An age recipient (8 characters) is not a valid age X25519 recipient.",
    ],
  ])("refuses %p before writing", async (extra, code, message) => {
    const store = newStore();
    await expect(take({ store, ...extra })).rejects.toMatchObject({ code });
    await expect(take({ store, ...extra })).rejects.toThrow(message);
    expect(existsSync(store.location)).toBe(false);
  });

  it("allow-inconsistent without a policy is a usage error", async () => {
    await expect(
      take({ recipients: [keys.age.recipient], paths: ["deploy"], allowInconsistent: true }),
    ).rejects.toMatchObject({
      code: "USAGE",
      summary: "allow-inconsistent needs a policy with consistency rules.",
    });
  });

  it("an environment without paths in the policy needs paths", async () => {
    await expect(take({ policy, stream: "staging" })).rejects.toMatchObject({
      code: "USAGE",
      summary: "No paths to snapshot were given.",
      fix: expect.stringContaining("environments.staging.paths"),
    });
  });
});

describe("assertIdentityIsRecipient", () => {
  it("passes an identity among the snapshot's recipients and refuses another with WRONG_KEY", async () => {
    const manifest = { stream: "prod", seq: 3, recipients: [keys.age.recipient], files: [] };
    expect(() => assertIdentityIsRecipient(keys.opener, manifest)).not.toThrow();
    const stranger = await makeKeys();
    expect(() => assertIdentityIsRecipient(stranger.opener, manifest)).toThrow(
      expect.objectContaining({ code: "WRONG_KEY" }),
    );
  });
});
