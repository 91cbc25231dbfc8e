import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import type { ApprovalRequest } from "../../../core/approvals/approval-request.js";
import { authorizeRestore } from "../../../core/approvals/authorize-restore.js";
import { resolveRestoreSnapshot } from "../../../core/approvals/resolve-restore-snapshot.js";
import { requestDigest } from "../../../core/approvals/request-digest.js";
import {
  claimRequestExecution,
  readRequestExecution,
  requestExecutionPath,
} from "../../../core/approvals/request-execution.js";
import { loadPolicy } from "../../../core/policy/load-policy.js";
import { memoryPolicySource } from "../../../core/policy/policy-source.js";
import { policyDigest } from "../../../core/policy/policy-digest.js";
import type { Policy } from "../../../core/policy/policy.js";
import { createSnapshot } from "../../../core/snapshot/create-snapshot.js";
import { loadSnapshot, type LoadedSnapshot } from "../../../core/snapshot/load-snapshot.js";
import { LocalDirStore } from "../../../core/store/local-dir-store.js";
import type { Store } from "../../../core/store/store.js";
import { SnapgateError } from "../../../core/errors.js";
import { makeKeys, signRequest, type TestKeys } from "../../helpers/keys.js";
import { tempDir } from "../../helpers/temp-dir.js";

const work = tempDir();
const NOW = new Date("2026-11-26T12:00:00Z");
const RUN = { serverUrl: "https://github.com", repository: "acme/service", runId: "42" };
let keys: TestKeys;
let policy: Policy;
let store: LocalDirStore;
let snapshot: LoadedSnapshot;
let fromOtherRun: LoadedSnapshot;

beforeAll(async () => {
  keys = await makeKeys();
  mkdirSync(join(work, "repo/deploy"), { recursive: true });
  writeFileSync(join(work, "repo/deploy/app.yaml"), "replicas: 3\n");
  policy = await loadPolicy(
    memoryPolicySource({
      ".github/snapgate.yml": `keys:
  recipients: [${keys.age.recipient}]
  writers: [{ key: ${keys.verifyKey} }]
  app: [{ key: ${keys.appVerifyKey} }]
tiers: { tier0: { max_age: 24h, approvals: 2 } }
environments: { prod: { tier: tier0 } }
`,
    }),
  );
  store = new LocalDirStore(join(work, "store"));
  const take = async (runUrl: string) => {
    const result = await createSnapshot({
      store,
      root: join(work, "repo"),
      paths: ["deploy"],
      stream: "prod",
      phase: "pre",
      recipients: [keys.age.recipient],
      writerKey: keys.writer,
      metadata: { runUrl },
    });
    return loadSnapshot(store, {
      stream: "prod",
      seq: result.seq as number,
      id: result.id as string,
    });
  };
  snapshot = await take("https://github.com/acme/service/actions/runs/42/attempts/1");
  fromOtherRun = await take("https://github.com/acme/service/actions/runs/41");
});

let requests = 0;
async function writeRequest(
  change: (request: Omit<ApprovalRequest, "digest" | "approvals">) => void = () => undefined,
  target: LoadedSnapshot = snapshot,
): Promise<string> {
  const id = `req-${++requests}`;
  const base: Omit<ApprovalRequest, "digest" | "approvals"> = {
    format: "snapgate.request/v1",
    id,
    action: "restore",
    subject: {
      environment: "prod",
      snapshots: [target.id],
      paths: ["deploy/**"],
      policyDigest: `sha256:${policyDigest(policy)}`,
    },
    requester: { id: 1, login: "alice" },
    createdAt: "2026-11-26T10:00:00Z",
    expiresAt: "2026-11-26T14:00:00Z",
    state: "approved",
  };
  change(base);
  const digest = requestDigest(base);
  const request = await signRequest(
    {
      ...base,
      digest,
      approvals: [
        { user: { id: 2, login: "bob" }, at: "2026-11-26T11:00:00Z", digest },
        { user: { id: 3, login: "carol" }, at: "2026-11-26T11:10:00Z", digest },
      ],
    },
    keys.app,
  );
  await store.writeRecords([
    {
      path: `requests/${id}.json`,
      bytes: new TextEncoder().encode(JSON.stringify(request)),
    },
  ]);
  return id;
}

const authorize = (extra: Partial<Parameters<typeof authorizeRestore>[0]>) =>
  authorizeRestore({
    store,
    snapshot,
    trustedKeys: [keys.verifyKey],
    requestId: null,
    policy,
    include: [],
    run: RUN,
    now: NOW,
    ...extra,
  });

describe("authorizeRestore: automatic rollback", () => {
  it("allows this run's own snapshot (any attempt) without a request", async () => {
    expect(await authorize({})).toEqual({
      kind: "same-run",
      runUrl: "https://github.com/acme/service/actions/runs/42",
      include: [],
    });
  });

  it.each([
    [
      "another run",
      { run: { ...RUN, runId: "43" } },
      "This run is https://github.com/acme/service/actions/runs/43",
    ],
    ["no workflow run", { run: null }, "not running in a GitHub Actions workflow"],
    ["another repository", { run: { ...RUN, repository: "acme/other" } }, "acme/other"],
  ])("refuses %s", async (_name, extra, message) => {
    await expect(authorize(extra)).rejects.toMatchObject({
      code: "POLICY",
      fix: expect.stringContaining("request-id"),
    });
    await expect(authorize(extra)).rejects.toThrow(message);
  });

  it("refuses a snapshot another run took", async () => {
    await expect(authorize({ snapshot: fromOtherRun })).rejects.toThrow(
      "the snapshot was taken by https://github.com/acme/service/actions/runs/41",
    );
  });

  it("refuses a manifest whose signature is not by a trusted writer, whatever run it names", async () => {
    const other = await makeKeys();
    await expect(authorize({ trustedKeys: [other.verifyKey] })).rejects.toMatchObject({
      code: "INTEGRITY",
    });
  });
});

describe("authorizeRestore: an approved request", () => {
  it("accepts it, restores its paths, and a claimed request is refused the next time", async () => {
    const requestId = await writeRequest();
    const allowed = await authorize({ requestId, run: { ...RUN, runId: "99" } });
    expect(allowed).toMatchObject({
      kind: "request",
      approvers: ["bob", "carol"],
      include: ["deploy/**"],
    });
    if (allowed.kind !== "request") throw new Error("unreachable");
    const claimed = await claimRequestExecution(store, allowed.request, {
      snapshot: snapshot.id,
      paths: allowed.include,
      run: "https://github.com/acme/service/actions/runs/99",
      at: NOW,
    });
    expect(await readRequestExecution(store, requestId)).toEqual(claimed);
    await expect(authorize({ requestId })).rejects.toThrow(
      `Request ${requestId} was already executed by https://github.com/acme/service/actions/runs/99 at ${NOW.toISOString()}.`,
    );
    // Two runs racing past the check: the write-once record lets one through.
    await expect(
      claimRequestExecution(store, allowed.request, {
        snapshot: snapshot.id,
        paths: [],
        run: null,
        at: NOW,
      }),
    ).rejects.toMatchObject({ code: "POLICY" });
  });

  it("a damaged execution record still counts as executed", async () => {
    const requestId = await writeRequest();
    await store.writeRecords([
      {
        path: requestExecutionPath(requestId),
        bytes: new TextEncoder().encode("{not json"),
      },
    ]);
    await expect(authorize({ requestId })).rejects.toThrow("was already executed");
  });

  it.each([
    [
      "expired",
      (r: Omit<ApprovalRequest, "digest" | "approvals">) =>
        void (r.expiresAt = "2026-11-26T11:30:00Z"),
      "it expired at 2026-11-26T11:30:00Z",
    ],
    [
      "for other paths than the include globs",
      () => undefined,
      "it covers the paths deploy/**, not the paths other/**",
    ],
    [
      "under another policy",
      (r: Omit<ApprovalRequest, "digest" | "approvals">) =>
        void (r.subject.policyDigest = `sha256:${"0".repeat(64)}`),
      "approved under another version of the policy",
    ],
    [
      "a forget request",
      (r: Omit<ApprovalRequest, "digest" | "approvals">) => void (r.action = "forget"),
      "it asks to forget, not to restore",
    ],
  ])("refuses one %s", async (name, change, message) => {
    const requestId = await writeRequest(change);
    const include = name.startsWith("for other paths") ? ["other/**"] : [];
    await expect(authorize({ requestId, include })).rejects.toThrow(message);
  });

  it("refuses one for another snapshot", async () => {
    const requestId = await writeRequest(undefined, fromOtherRun);
    await expect(authorize({ requestId })).rejects.toThrow("it does not cover 1 snapshot(s)");
  });

  it("refuses a record altered after approval (wrong digest)", async () => {
    const requestId = `req-${++requests}`;
    const good = await writeRequest();
    const bytes = await store.readRecord(`requests/${good}.json`);
    const request = JSON.parse(Buffer.from(bytes as Uint8Array).toString()) as ApprovalRequest;
    request.id = requestId;
    request.subject.paths = ["**"];
    // Signed again: the digest still binds the approvals to what they approved.
    await store.writeRecords([
      {
        path: `requests/${requestId}.json`,
        bytes: new TextEncoder().encode(JSON.stringify(await signRequest(request, keys.app))),
      },
    ]);
    await expect(authorize({ requestId, include: ["**"] })).rejects.toThrow(
      "its digest does not match its contents",
    );
  });

  it("refuses a record someone wrote into the store: unsigned, or signed by a key the policy does not list", async () => {
    const good = await writeRequest();
    const bytes = await store.readRecord(`requests/${good}.json`);
    const { signature: _signature, ...genuine } = JSON.parse(
      Buffer.from(bytes as Uint8Array).toString(),
    ) as ApprovalRequest;
    const stranger = (await makeKeys()).app;
    for (const [suffix, sign] of [
      ["unsigned", async (r: ApprovalRequest) => r],
      ["stranger", (r: ApprovalRequest) => signRequest(r, stranger)],
    ] as const) {
      const requestId = `forged-${suffix}`;
      const approvals = [
        { user: { id: 900, login: "ceo" }, at: "2026-11-26T11:00:00Z", digest: genuine.digest },
        { user: { id: 901, login: "ciso" }, at: "2026-11-26T11:00:00Z", digest: genuine.digest },
      ];
      const forged = { ...genuine, id: requestId, approvals };
      forged.digest = requestDigest(forged);
      for (const approval of approvals) approval.digest = forged.digest;
      await store.writeRecords([
        {
          path: `requests/${requestId}.json`,
          bytes: new TextEncoder().encode(JSON.stringify(await sign(forged))),
        },
      ]);
      await expect(authorize({ requestId })).rejects.toMatchObject({
        code: "INTEGRITY",
        message: expect.stringContaining(`Request ${requestId} cannot be trusted`),
      });
    }
  });

  it("needs the policy and an environment it knows; a missing request is NOT_FOUND", async () => {
    const requestId = await writeRequest();
    await expect(authorize({ requestId, policy: null })).rejects.toMatchObject({ code: "CONFIG" });
    const noProd = await loadPolicy(
      memoryPolicySource({
        ".github/snapgate.yml": `keys:
  recipients: [${keys.age.recipient}]
  writers: [{ key: ${keys.verifyKey} }]
tiers: { tier0: { max_age: 24h } }
environments: { staging: { tier: tier0 } }
`,
      }),
    );
    await expect(authorize({ requestId, policy: noProd })).rejects.toThrow(
      "The policy has no environment 'prod'.",
    );
    await expect(authorize({ requestId: "nope" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("resolveRestoreSnapshot", () => {
  it("takes the snapshot named, else the one the request names", async () => {
    const requestId = await writeRequest();
    expect((await resolveRestoreSnapshot(store, { spec: "prod@2" })).id).toBe(fromOtherRun.id);
    expect((await resolveRestoreSnapshot(store, { requestId })).id).toBe(snapshot.id);
    await expect(resolveRestoreSnapshot(store, {})).rejects.toThrow(
      "Which snapshot should be restored?",
    );
    const forget = await writeRequest((r) => void (r.action = "forget"));
    await expect(resolveRestoreSnapshot(store, { requestId: forget })).rejects.toThrow(
      "is not a restore of one snapshot (it asks to forget 1 snapshot(s))",
    );
  });
});

describe("authorizeRestore and claims: the edges", () => {
  it("names a snapshot that recorded no run", async () => {
    const result = await createSnapshot({
      store,
      root: join(work, "repo"),
      paths: ["deploy"],
      stream: "prod",
      phase: "manual",
      recipients: [keys.age.recipient],
      writerKey: keys.writer,
    });
    const noRun = await loadSnapshot(store, {
      stream: "prod",
      seq: result.seq as number,
      id: result.id as string,
    });
    await expect(authorize({ snapshot: noRun })).rejects.toThrow(
      "the snapshot was taken by no recorded run",
    );
  });

  it("a store failure while claiming is passed on, not reported as already executed", async () => {
    const requestId = await writeRequest();
    const request = JSON.parse(
      Buffer.from((await store.readRecord(`requests/${requestId}.json`)) as Uint8Array).toString(),
    ) as ApprovalRequest;
    const failing = (error: SnapgateError): Store =>
      Object.assign(Object.create(store) as Store, {
        writeRecords: () => Promise.reject(error),
      });
    const claim = (target: Store) =>
      claimRequestExecution(target, request, {
        snapshot: snapshot.id,
        paths: [],
        run: null,
        at: NOW,
      });
    const io = new SnapgateError("IO", "disk full");
    await expect(claim(failing(io))).rejects.toBe(io);
    // A conflict with no record behind it: the store gave up on racing writers.
    const raced = new SnapgateError("CONFLICT", "too many writers");
    await expect(claim(failing(raced))).rejects.toBe(raced);
  });
});
