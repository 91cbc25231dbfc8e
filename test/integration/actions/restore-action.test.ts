import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import type { ApprovalRequest } from "../../../core/approvals/approval-request.js";
import { requestDigest } from "../../../core/approvals/request-digest.js";
import { loadPolicy } from "../../../core/policy/load-policy.js";
import { policyDigest } from "../../../core/policy/policy-digest.js";
import { memoryPolicySource } from "../../../core/policy/policy-source.js";
import { makeActionWorkspace, type ActionWorkspace } from "../../helpers/action-workspace.js";
import { makeKeys, signRequest } from "../../helpers/keys.js";
import { tempDir } from "../../helpers/temp-dir.js";

type RequestBase = Omit<ApprovalRequest, "digest" | "approvals">;

describe("the restore action (bundled) against the sandbox", () => {
  const dir = tempDir("snapgate-action-restore-");
  let ws: ActionWorkspace;
  let digestOfPolicy = "";
  /** prod@1, taken by run 2001 (the deploy whose rollback is tested). */
  let pre = "";
  /** prod@2, taken by run 2002 after the config changed. */
  let post = "";
  let requests = 0;

  const restore = (inputs: Record<string, string>, runId = 3000) =>
    ws.run(
      "restore",
      { token: ws.token, identity: ws.keys.age.identity, ...inputs },
      { runId, event: { inputs } },
    );
  const restored = (target: string, path: string) =>
    readFileSync(join(ws.repo, target, path), "utf8");

  /**
   * Writes an approved restore request (two approvals) into the backup
   * repository, signed with the app key as the app does (`key` null: unsigned).
   */
  async function approvedRequest(
    change: (request: RequestBase) => void = () => undefined,
    tamper: (request: ApprovalRequest) => void = () => undefined,
    key: Parameters<typeof signRequest>[1] | null = ws.keys.app,
  ): Promise<string> {
    const id = `req-${++requests}`;
    const now = Date.now();
    const base: RequestBase = {
      format: "snapgate.request/v1",
      id,
      action: "restore",
      subject: {
        environment: "prod",
        snapshots: [pre],
        paths: ["deploy/prod/api/**"],
        policyDigest: digestOfPolicy,
      },
      requester: { id: 11, login: "alice" },
      reason: "roll back the api config",
      createdAt: new Date(now - 60_000).toISOString(),
      expiresAt: new Date(now + 3_600_000).toISOString(),
      state: "approved",
    };
    change(base);
    const digest = requestDigest(base);
    const at = new Date(now - 30_000).toISOString();
    const request: ApprovalRequest = {
      ...base,
      digest,
      approvals: [
        { user: { id: 12, login: "bob" }, at, digest },
        { user: { id: 13, login: "carol" }, at, digest },
      ],
    };
    tamper(request);
    const record = key ? await signRequest(request, key) : request;
    await ws.backup.store.writeRecords([
      {
        path: `requests/${id}.json`,
        bytes: new TextEncoder().encode(`${JSON.stringify(record, null, 2)}\n`),
      },
    ]);
    return id;
  }

  beforeAll(async () => {
    ws = await makeActionWorkspace(dir);
    digestOfPolicy = `sha256:${policyDigest(
      await loadPolicy(memoryPolicySource({ ".github/snapgate.yml": ws.policyText })),
    )}`;
    const snapshot = (phase: string, runId: number) =>
      ws.run(
        "snapshot",
        { token: ws.token, environment: "prod", phase, "writer-key": ws.keys.writerText },
        { runId },
      );
    pre = (await snapshot("pre", 2001)).outputs["snapshot-id"] ?? "";
    ws.write("deploy/prod/api/config.yaml", "db:\n  schemaVersion: 42\nreplicas: 9\n");
    post = (await snapshot("post", 2002)).outputs["snapshot-id"] ?? "";
    expect(pre).toMatch(/^[0-9a-f]{64}$/);
    expect(post).toMatch(/^[0-9a-f]{64}$/);
  });
  afterEach(() => ws.backup.gh.assertClean());
  afterAll(() => ws.close());

  it("automatic rollback: a failed deploy restores the pre-deploy snapshot its own run took, flags included", async () => {
    // The failed deploy changed the flags too (exported to flags/export.json, a component).
    ws.write("flags/export.json", '{"checkout-v2": false}\n');
    const run = await restore({ snapshot: pre, target: ".", overwrite: "true" }, 2001);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({
      "snapshot-id": pre,
      environment: "prod",
      seq: "1",
      files: "5",
      authorization: "same-run",
      "request-id": "",
    });
    expect(ws.read("deploy/prod/api/config.yaml")).toBe("db:\n  schemaVersion: 42\nreplicas: 3\n");
    expect(ws.read("flags/export.json")).toBe('{"checkout-v2": true}\n');
    expect(run.summary).toContain(
      "Automatic rollback: the snapshot was taken by this workflow run (https://github.com/acme/service/actions/runs/2001).",
    );
    const events = await auditEvents();
    expect(events.at(-1)).toMatchObject({
      type: "snapshot.restored",
      actor: {
        kind: "workflow",
        login: "octocat",
        run: "https://github.com/acme/service/actions/runs/2001",
      },
      subject: { stream: "prod", seq: 1, snapshot: pre },
      details: { authorization: "same-run", files: 5 },
    });
  });

  it("refuses, without a request, a snapshot another run took (or an id not given), and writes nothing", async () => {
    const [otherRun, latest, none] = await Promise.all([
      restore({ snapshot: pre, target: "elsewhere" }, 2002),
      restore({ snapshot: "latest", environment: "prod", target: "elsewhere" }, 2001),
      restore({ target: "elsewhere" }, 2001),
    ]);
    expect(otherRun.code).toBe(1);
    expect(otherRun.log).toContain("needs an approved request");
    expect(otherRun.log).toContain(
      "This run is https://github.com/acme/service/actions/runs/2002; the snapshot was taken by https://github.com/acme/service/actions/runs/2001.",
    );
    expect(otherRun.log).toContain("request-id");
    expect(latest.code).toBe(1);
    expect(latest.log).toContain("runs/2002"); // latest is post, taken by run 2002
    expect(existsSync(join(ws.repo, "elsewhere"))).toBe(false);
    expect(none.log).toContain("Which snapshot should be restored?");
  });

  it("carries out an approved request once: its paths, an execution record, an audit event", async () => {
    const requestId = await approvedRequest();
    const dispatched = await restore({ "request-id": requestId, target: "restored" }, 3001);
    expect(dispatched.stderr).toBe("");
    expect(dispatched.code).toBe(0);
    expect(dispatched.outputs).toMatchObject({
      "snapshot-id": pre,
      authorization: "request",
      "request-id": requestId,
      files: "2",
    });
    expect(restored("restored", "deploy/prod/api/config.yaml")).toContain("replicas: 3");
    expect(existsSync(join(ws.repo, "restored/deploy/prod/db"))).toBe(false);
    expect(dispatched.summary).toContain(
      `Approved request \`${requestId}\` (requested by @alice, approved by @bob, @carol).`,
    );
    const clone = await ws.clone();
    const execution = JSON.parse(
      readFileSync(join(clone, `requests/${requestId}/execution.json`), "utf8"),
    ) as Record<string, unknown>;
    expect(execution).toMatchObject({
      format: "snapgate.request-execution/v1",
      request: requestId,
      snapshot: pre,
      paths: ["deploy/prod/api/**"],
      run: "https://github.com/acme/service/actions/runs/3001",
    });
    expect((await auditEvents()).at(-1)).toMatchObject({
      type: "snapshot.restored",
      details: { authorization: "request", request: requestId, approvers: ["bob", "carol"] },
    });

    const again = await restore({ "request-id": requestId, target: "restored-again" }, 3002);
    expect(again.code).toBe(1);
    expect(again.log).toContain(
      `Request ${requestId} was already executed by https://github.com/acme/service/actions/runs/3001`,
    );
    expect(existsSync(join(ws.repo, "restored-again"))).toBe(false);
  });

  it("refuses expired, altered, mismatched and missing requests", async () => {
    const expired = await approvedRequest((r) => {
      r.createdAt = new Date(Date.now() - 7_200_000).toISOString();
      r.expiresAt = new Date(Date.now() - 3_600_000).toISOString();
    });
    const altered = await approvedRequest(undefined, (r) => {
      r.subject.paths = ["**"];
    });
    const otherSnapshot = await approvedRequest((r) => {
      r.subject.snapshots = [post];
    });
    const oneApproval = await approvedRequest(undefined, (r) => {
      r.approvals = r.approvals.slice(0, 1);
    });
    const cases: Array<[Record<string, string>, string]> = [
      [{ "request-id": expired }, "it expired at"],
      [{ "request-id": altered, include: "**" }, "its digest does not match its contents"],
      [{ "request-id": otherSnapshot, snapshot: pre }, "it does not cover 1 snapshot(s)"],
      [{ "request-id": oneApproval }, "it has 1 valid approval(s)"],
      [
        { "request-id": await approvedRequest(), include: "deploy/**" },
        "it covers the paths deploy/prod/api/**, not the paths deploy/**",
      ],
      [{ "request-id": "req-none", snapshot: pre }, "There is no request req-none"],
    ];
    const runs = await Promise.all(
      cases.map(([inputs]) => restore({ ...inputs, target: "refused" })),
    );
    for (const [index, run] of runs.entries()) {
      expect(run.code).toBe(1);
      expect(run.log).toContain(cases[index]?.[1]);
    }
    expect(existsSync(join(ws.repo, "refused"))).toBe(false);
    const clone = await ws.clone();
    for (const requestId of [expired, altered, otherSnapshot, oneApproval])
      expect(existsSync(join(clone, `requests/${requestId}/execution.json`))).toBe(false);
  });

  it("refuses a quorum someone wrote into the backup repository: unsigned, or signed by a key the policy does not list", async () => {
    const ceoAndCiso = (r: ApprovalRequest) => {
      r.approvals = [
        { user: { id: 900, login: "ceo" }, at: r.approvals[0]?.at ?? "", digest: r.digest },
        { user: { id: 901, login: "ciso" }, at: r.approvals[0]?.at ?? "", digest: r.digest },
      ];
    };
    const unsigned = await approvedRequest(undefined, ceoAndCiso, null);
    const stranger = await approvedRequest(undefined, ceoAndCiso, (await makeKeys()).app);
    const runs = await Promise.all(
      [unsigned, stranger].map((id) => restore({ "request-id": id, target: "forged" })),
    );
    for (const [index, run] of runs.entries()) {
      expect(run.code).toBe(1);
      expect(run.log).toContain(`Request ${[unsigned, stranger][index]} cannot be trusted:`);
      expect(run.log).toContain("Ask for the request again through the Snapgate App");
    }
    expect(runs[0]?.log).toContain("it is not signed by the Snapgate App");
    expect(runs[1]?.log).toContain("which is not an app key of the policy (keys.app)");
    expect(existsSync(join(ws.repo, "forged"))).toBe(false);
    const clone = await ws.clone();
    for (const requestId of [unsigned, stranger])
      expect(existsSync(join(clone, `requests/${requestId}/execution.json`))).toBe(false);
  });

  it("a dry run shows the diff only: nothing written, the request not used up", async () => {
    ws.write("target/deploy/prod/api/config.yaml", "db:\n  schemaVersion: 42\nreplicas: 3\n");
    ws.write("target/deploy/prod/api/.env", "API_KEY=changed\n");
    // Added after the snapshot: listed, kept, and not counted as a change.
    ws.write("target/deploy/prod/api/new.yaml", "added: true\n");
    const requestId = await approvedRequest();
    const run = await restore({ "request-id": requestId, target: "target", "dry-run": "true" });
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ changes: "1", files: "2", authorization: "request" });
    expect(run.summary).toContain("0 to create, 1 to update, 1 unchanged. Nothing was written.");
    expect(run.summary).toContain("| update | deploy/prod/api/.env |");
    expect(run.summary).toContain("| extra | deploy/prod/api/new.yaml |");
    expect(ws.read("target/deploy/prod/api/.env")).toBe("API_KEY=changed\n");
    const clone = await ws.clone();
    expect(existsSync(join(clone, `requests/${requestId}/execution.json`))).toBe(false);
    // The request still runs for real afterwards.
    const real = await restore({ "request-id": requestId, target: "target", overwrite: "true" });
    expect(real.code).toBe(0);
    expect(ws.read("target/deploy/prod/api/.env")).toBe("API_KEY=not-a-real-key\n");
  });

  it("reads the identity from identity-command, and a failing command's output is never shown", async () => {
    const command = (script: string) =>
      ws.run(
        "restore",
        { token: ws.token, snapshot: pre, target: "from-command", "identity-command": script },
        { runId: 2001, env: { VAULT_SECRET: ws.keys.age.identity } },
      );
    const ok = await command('printf "%s\\n" "$VAULT_SECRET"');
    expect(ok.code).toBe(0);
    expect(ws.read("from-command/deploy/prod/api/.env")).toBe("API_KEY=not-a-real-key\n");
    expect(ok.log).not.toContain(ws.keys.age.identity);
    const [failing, garbage, both] = await Promise.all([
      command('echo "$VAULT_SECRET"; echo "permission denied for $VAULT_SECRET" >&2; exit 2'),
      command("echo not-a-key-hunter2"),
      ws.run(
        "restore",
        {
          token: ws.token,
          snapshot: pre,
          target: "x",
          identity: ws.keys.age.identity,
          "identity-command": "true",
        },
        { runId: 2001 },
      ),
    ]);
    expect(failing.code).toBe(1);
    expect(failing.log).toContain("::error::The identity-command exited with code 2");
    expect(failing.log).not.toContain(ws.keys.age.identity.slice(16));
    expect(failing.log).not.toContain("permission denied");
    expect(garbage.log).toContain("The output of identity-command line 1 is not an age identity.");
    expect(garbage.log).not.toContain("hunter2");
    expect(both.log).toContain("Both identity and identity-command are given.");
    expect(existsSync(join(ws.repo, "x"))).toBe(false);
  });

  it("needs the identity and a target; a wrong identity cannot decrypt", async () => {
    const { makeKeys } = await import("../../helpers/keys.js");
    const stranger = (await makeKeys()).age.identity;
    const [noIdentity, noTarget, garbage, wrong] = await Promise.all([
      restore({ snapshot: pre, target: "x", identity: "" }, 2001),
      restore({ snapshot: pre }, 2001),
      restore({ snapshot: pre, target: "x", identity: "hunter2" }, 2001),
      restore({ snapshot: pre, target: "x", identity: stranger }, 2001),
    ]);
    expect(noIdentity.log).toContain("The restore action needs the input 'identity'.");
    expect(noTarget.log).toContain("The restore action needs the input 'target'.");
    expect(garbage.log).toContain("The identity input line 1 is not an age identity.");
    expect(garbage.log).not.toContain("hunter2");
    expect(garbage.masked).toContain("hunter2");
    expect(wrong.code).toBe(1);
    expect(wrong.log).toContain("::error::Snapshot prod@1 is encrypted to");
    expect(existsSync(join(ws.repo, "x"))).toBe(false);
    // With a request, a wrong identity is refused before the request is used up.
    const requestId = await approvedRequest();
    const refused = await restore({ "request-id": requestId, target: "x", identity: stranger });
    expect(refused.log).toContain("Nothing was restored.");
    const clone = await ws.clone();
    expect(existsSync(join(clone, `requests/${requestId}/execution.json`))).toBe(false);
  });

  async function auditEvents(): Promise<Array<Record<string, unknown>>> {
    const clone = await ws.clone();
    return readdirSync(join(clone, "audit"), { recursive: true })
      .map(String)
      .filter((name) => name.endsWith(".jsonl"))
      .sort()
      .flatMap((name) =>
        readFileSync(join(clone, "audit", name), "utf8")
          .trim()
          .split("\n"),
      )
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  }
});
