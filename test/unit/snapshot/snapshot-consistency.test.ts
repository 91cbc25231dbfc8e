import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { loadPolicy } from "../../../core/policy/load-policy.js";
import { memoryPolicySource } from "../../../core/policy/policy-source.js";
import type { Policy } from "../../../core/policy/policy.js";
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
