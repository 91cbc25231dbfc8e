import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { loadPolicy } from "../../../core/policy/load-policy.js";
import { memoryPolicySource } from "../../../core/policy/policy-source.js";
import type { Policy } from "../../../core/policy/policy.js";
import type { SnapgateError } from "../../../core/errors.js";
import { consistencyValueDigest } from "../../../core/policy/consistency/consistency-value-digest.js";
import { LocalDirStore } from "../../../core/store/local-dir-store.js";
import { takeSnapshot, type TakeSnapshotOptions } from "../../../core/snapshot/take-snapshot.js";
import { makeKeys, type TestKeys } from "../../helpers/keys.js";
import { tempDir } from "../../helpers/temp-dir.js";

const work = tempDir();
let keys: TestKeys;
let count = 0;

beforeAll(async () => {
  keys = await makeKeys();
});

/** A policy for `prod` (deploy/**) with the given consistency rules. */
const policyWith = (consistency: string): Promise<Policy> =>
  loadPolicy(
    memoryPolicySource({
      ".github/snapgate.yml": `keys:
  recipients: [${keys.age.recipient}]
  writers: [{ key: ${keys.verifyKey} }]
tiers: { tier1: { max_age: 24h } }
environments:
  prod: { tier: tier1, paths: ["deploy/**"] }
consistency:
${consistency}
`,
    }),
  );

/** A repository with the given files. */
function repository(files: Record<string, string>): string {
  const root = join(work, `repo${++count}`);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

const take = (root: string, policy: Policy, extra: Partial<TakeSnapshotOptions> = {}) => {
  const store = new LocalDirStore(join(work, `store${++count}`));
  return {
    store,
    taken: takeSnapshot({
      store,
      policy,
      recipients: [],
      env: {},
      root,
      paths: [],
      stream: "prod",
      phase: "pre",
      writerKey: keys.writer,
      ...extra,
    }),
  };
};

describe("a consistency rule naming a special file", () => {
  it("a FIFO is refused with a clear error instead of blocking the snapshot forever", async () => {
    const root = repository({ "deploy/app.yaml": "version: 1.0.0\n" });
    execFileSync("mkfifo", [join(root, "deploy/VERSION")]);
    const policy = await policyWith(`  - name: version
    left: { file: deploy/app.yaml, path: version }
    right: { file: deploy/VERSION }
    rule: equal`);
    const { store, taken } = take(root, policy);
    await expect(taken).rejects.toMatchObject({
      code: "UNSAFE_PATH",
      summary:
        "deploy/VERSION (a consistency rule's file) is not a regular file (a directory, FIFO, socket or device), so it was not read.",
    });
    expect(await store.listStreams()).toEqual([]);
  });
});

describe("a consistency rule comparing a password", () => {
  const RULE = `  - name: db-password
    left: { file: app/.env, path: DB_PASSWORD }
    right: { file: deploy/prod/secrets.env, path: DB_PASSWORD }
    rule: equal`;
  /** Every file the store holds, as text: the manifest, catalog and audit log are readable without a key. */
  const storeText = (store: LocalDirStore): string =>
    readdirSync(store.location, { recursive: true, encoding: "utf8", withFileTypes: false })
      .map((name) => join(store.location, name))
      .filter((path) => !path.endsWith(".age"))
      .map((path) => {
        try {
          return readFileSync(path, "utf8");
        } catch {
          return ""; // a directory
        }
      })
      .join("\n");

  it("records and returns the outcome with a keyed digest, never the value", async () => {
    const root = repository({
      "app/.env": "DB_PASSWORD=the-password\n",
      "deploy/prod/secrets.env": "DB_PASSWORD=the-password\n",
    });
    const { store, taken } = take(root, await policyWith(RULE));
    const { result, underPolicy } = await taken;
    const digest = consistencyValueDigest(keys.writer.macKey, "the-password");
    expect(underPolicy?.consistency).toEqual([
      {
        name: "db-password",
        ok: true,
        message: `db-password: app/.env DB_PASSWORD and deploy/prod/secrets.env DB_PASSWORD are equal (digest ${digest}).`,
      },
    ]);
    expect(result.manifest?.consistency).toEqual(underPolicy?.consistency);
    expect(storeText(store)).toContain(digest);
    expect(storeText(store)).not.toContain("the-password");
  });

  it("a failing rule's error and recorded failure hold digests, never the values", async () => {
    const root = repository({
      "app/.env": "DB_PASSWORD=the-password\n",
      "deploy/prod/secrets.env": "DB_PASSWORD=the-old-password\n",
    });
    const policy = await policyWith(RULE);
    const refused = take(root, policy).taken;
    await expect(refused).rejects.toMatchObject({ code: "POLICY" });
    const error = (await refused.catch((caught: unknown) => caught)) as SnapgateError;
    // The --json form too: its details carry every outcome.
    expect(JSON.stringify(error.toJSON())).not.toMatch(/the-(old-)?password/);
    expect(error.message).toContain(consistencyValueDigest(keys.writer.macKey, "the-old-password"));
    expect(error.message).not.toMatch(/the-(old-)?password/);

    const { store, taken } = take(root, policy, { allowInconsistent: true });
    const { underPolicy } = await taken;
    expect(underPolicy?.consistency[0]?.ok).toBe(false);
    expect(storeText(store)).not.toMatch(/the-(old-)?password/);
  });
});
