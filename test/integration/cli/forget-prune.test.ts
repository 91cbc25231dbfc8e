import {
  existsSync,
  readdirSync,
  readFileSync,
  utimesSync,
  writeFileSync,
  mkdirSync,
} from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { loadPolicy } from "../../../core/policy/load-policy.js";
import { memoryPolicySource } from "../../../core/policy/policy-source.js";
import { policyDigest } from "../../../core/policy/policy-digest.js";
import type { ApprovalRequest } from "../../../core/approvals/approval-request.js";
import { requestDigest } from "../../../core/approvals/request-digest.js";
import { makeKeys, signRequest } from "../../helpers/keys.js";
import { makePolicyWorkspace, type PolicyWorkspace } from "../../helpers/policy-workspace.js";
import { tempDir } from "../../helpers/temp-dir.js";

const BODY = `tiers:
  tier0:
    max_age: 24h
    approvals: 2
    retention: { keep: { last: 1 } }
  tier1:
    max_age: 72h
    retention: { keep: { last: 2 } }
  tier2:
    max_age: 72h
    retention: { keep: { last: 9 }, floor: { min_count: 4, tags: [release] } }
environments:
  prod: { tier: tier0 }
  staging: { tier: tier1 }
  dev: { tier: tier2 }
components:
  - { name: core-secrets, paths: ["secrets/**"], tier: tier0, environments: [dev] }
`;

/** Snapshot times of staging (seq 1..8): two a day around week and month edges. */
const STAGING_TIMES = [
  "2026-03-27T09:00:00Z",
  "2026-03-29T10:00:00Z",
  "2026-03-29T22:00:00Z", // Sunday
  "2026-03-30T08:00:00Z", // Monday: a new ISO week
  "2026-03-31T12:00:00Z",
  "2026-04-01T06:00:00Z", // a new month
  "2026-04-01T18:00:00Z",
  "2026-04-02T09:00:00Z",
];

interface ForgetJson {
  environment: string;
  tier: string;
  rules: "policy" | "flags";
  dryRun: boolean;
  snapshots: {
    id: string;
    seq: number;
    time: string;
    keep: boolean;
    reasons: string[];
    tier0: boolean;
  }[];
  keep: string[];
  remove: string[];
  tier0: { snapshots: string[]; requiredApprovals: number };
  approval: string | null;
  tombstones: string[];
}

describe("snapgate forget and prune", () => {
  const dir = tempDir();
  let ws: PolicyWorkspace;
  let digest = "";
  const forget = async (env: string, ...args: string[]) => {
    const run = await ws.cli("forget", "--store", ws.store, "--env", env, "--json", ...args);
    return { ...run, result: run.code === 0 ? (run.json() as ForgetJson) : null };
  };
  const keptSeqs = (result: ForgetJson | null) =>
    (result?.snapshots ?? [])
      .filter((s) => s.keep)
      .map((s) => s.seq)
      .sort((a, b) => a - b);
  const take = async (env: string, time: string, content: string, ...args: string[]) => {
    ws.write(`app/${env}.yaml`, content);
    const run = await ws.snapshot(
      "--env",
      env,
      "--phase",
      "post",
      "--time",
      time,
      ...args,
      "app",
      ...(env === "dev" && content.includes("secret") ? ["secrets"] : []),
    );
    expect(run.code).toBe(0);
  };
  const blobCount = () =>
    readdirSync(join(ws.store, "blobs")).reduce(
      (sum, prefix) => sum + readdirSync(join(ws.store, "blobs", prefix)).length,
      0,
    );

  beforeAll(async () => {
    ws = await makePolicyWorkspace(dir);
    // The Snapgate App's verify key: request records must carry its signature.
    const keys = `${ws.keysYaml}  app:\n    - key: ${ws.keys.appVerifyKey}\n`;
    ws.writePolicy(keys + BODY);
    digest = `sha256:${policyDigest(
      await loadPolicy(memoryPolicySource({ ".github/snapgate.yml": keys + BODY })),
    )}`;
    for (const [index, time] of STAGING_TIMES.entries()) {
      const tags = index === 1 ? ["--tag", "release"] : [];
      await take("staging", time, `version: ${index + 1}\n`, ...tags);
    }
  });

  describe("retention at the CLI, table-driven (dry run)", () => {
    it.each([
      ["the tier's rules (keep last 2)", [], [7, 8], "policy"],
      ["--keep-last 3", ["--keep-last", "3"], [6, 7, 8], "flags"],
      [
        "--keep-daily 3 (newest of each of the 3 newest days)",
        ["--keep-daily", "3"],
        [5, 7, 8],
        "flags",
      ],
      ["--keep-weekly unlimited", ["--keep-weekly", "unlimited"], [1, 3, 8], "flags"],
      ["--keep-monthly 2", ["--keep-monthly", "2"], [5, 8], "flags"],
      [
        "--keep-within 48h (from the newest snapshot)",
        ["--keep-within", "48h"],
        [5, 6, 7, 8],
        "flags",
      ],
      ["--keep-tag release", ["--keep-tag", "release"], [2], "flags"],
      ["--keep-last=-1", ["--keep-last=-1"], [1, 2, 3, 4, 5, 6, 7, 8], "flags"],
      [
        "--keep-last 0 --keep-hourly 2",
        ["--keep-last", "0", "--keep-hourly", "2"],
        [7, 8],
        "flags",
      ],
    ] as const)("%s", async (_name, flags, kept, rules) => {
      const { code, result } = await forget("staging", "--dry-run", ...flags);
      expect(code).toBe(0);
      expect(result?.rules).toBe(rules);
      expect(result?.dryRun).toBe(true);
      expect(keptSeqs(result)).toEqual(kept);
      expect(result?.tombstones).toEqual([]);
    });

    it("keeps the oldest while a bucket rule has count left, unless --no-keep-oldest (restic < 0.16)", async () => {
      const current = await forget("staging", "--dry-run", "--keep-monthly", "5");
      expect(keptSeqs(current.result)).toEqual([1, 5, 8]);
      expect(current.result?.snapshots.find((s) => s.seq === 1)?.reasons).toEqual([
        "oldest monthly",
      ]);
      const old = await forget("staging", "--dry-run", "--keep-monthly", "5", "--no-keep-oldest");
      expect(keptSeqs(old.result)).toEqual([5, 8]);
    });

    it("applies the tier's floors even when flags replace its keep rules", async () => {
      for (const [index, time] of STAGING_TIMES.slice(0, 6).entries())
        await take("dev", time, `dev: ${index}\n`, ...(index === 0 ? ["--tag", "release"] : []));
      const { result } = await forget("dev", "--dry-run", "--keep-last", "1");
      expect(keptSeqs(result)).toEqual([1, 3, 4, 5, 6]);
      expect(result?.snapshots.find((s) => s.seq === 1)?.reasons).toEqual(["floor tag release"]);
      expect(result?.snapshots.find((s) => s.seq === 4)?.reasons).toEqual(["floor min_count 4"]);
      expect(result?.snapshots.find((s) => s.seq === 2)?.reasons).toEqual([
        "last: all 1 used by newer snapshots",
      ]);
    });

    it("prints each snapshot kept or dropped with the rule that decided", async () => {
      const run = await ws.cli("forget", "--store", ws.store, "--env", "staging", "--dry-run");
      expect(run.code).toBe(0);
      expect(run.stdout).toContain("staging (tier1): keep rules from tier1's retention\n");
      expect(run.stdout).toMatch(
        /keep {2}staging@8 {2}[0-9a-f]{12} {2}2026-04-02T09:00:00Z {2}last\n/,
      );
      expect(run.stdout).toMatch(
        /drop {2}staging@1 {2}[0-9a-f]{12} {2}2026-03-27T09:00:00Z {2}last: all 2 used by newer snapshots\n/,
      );
      expect(run.stdout).toContain("2 kept, 6 to forget (dry run: nothing written).");
      expect(existsSync(join(ws.store, "tombstones"))).toBe(false);
    });

    it("refuses malformed keep flags with the fix", async () => {
      const count = await forget("staging", "--keep-last", "three");
      expect(count.code).toBe(64);
      expect(count.stderr).toContain("--keep-last 'three' is not a count.");
      const months = await forget("staging", "--keep-within", "6m");
      expect(months.code).toBe(64);
      expect(months.stderr).toContain("Unlike restic, m means minutes");
    });
  });

  describe("forget writes tombstones; the chain still verifies; list hides forgotten snapshots", () => {
    it("forgets with the tier's rules and leaves every manifest in place", async () => {
      const { code, result } = await forget("staging");
      expect(code).toBe(0);
      expect(result?.dryRun).toBe(false);
      expect(result?.tombstones).toEqual(
        [6, 5, 4, 3, 2, 1].map((seq) => `tombstones/staging/${String(seq).padStart(10, "0")}.json`),
      );
      expect(readdirSync(join(ws.store, "manifests", "staging"))).toHaveLength(8);
      const tombstone = JSON.parse(
        readFileSync(join(ws.store, "tombstones", "staging", "0000000001.json"), "utf8"),
      ) as Record<string, unknown>;
      expect(tombstone).toMatchObject({
        format: "snapgate.tombstone/v1",
        stream: "staging",
        seq: 1,
        time: "2026-03-27T09:00:00.000Z",
        reasons: ["last: all 2 used by newer snapshots"],
        rules: "policy",
        approval: null,
        policyDigest: digest,
      });
      const again = await forget("staging");
      expect(again.result?.tombstones).toEqual([]);
      expect(keptSeqs(again.result)).toEqual([7, 8]);
    });

    it("verify --all still passes, checking the forgotten snapshots' chain but not their blobs", async () => {
      const run = await ws.cli(
        "verify",
        "--all",
        "--env",
        "staging",
        "--store",
        ws.store,
        "--verify-key",
        ws.keys.verifyKey,
        "--json",
      );
      expect(run.code).toBe(0);
      const report = run.json() as {
        ok: boolean;
        snapshots: { seq: number; forgotten: boolean }[];
      };
      expect(report.snapshots.filter((s) => s.forgotten).map((s) => s.seq)).toEqual([
        1, 2, 3, 4, 5, 6,
      ]);
    });

    it("list hides forgotten snapshots; --forgotten shows them marked", async () => {
      const listed = await ws.cli("list", "--store", ws.store, "--env", "staging", "--json");
      expect(
        (listed.json() as { snapshots: { seq: number }[] }).snapshots.map((s) => s.seq),
      ).toEqual([7, 8]);
      const all = await ws.cli(
        "list",
        "--store",
        ws.store,
        "--env",
        "staging",
        "--forgotten",
        "--json",
      );
      const entries = (all.json() as { snapshots: { seq: number; forgotten: boolean }[] })
        .snapshots;
      expect(entries.map((s) => [s.seq, s.forgotten])).toEqual([
        [1, true],
        [2, true],
        [3, true],
        [4, true],
        [5, true],
        [6, true],
        [7, false],
        [8, false],
      ]);
      const text = await ws.cli("list", "--store", ws.store, "--env", "staging", "--forgotten");
      expect(text.stdout).toMatch(/[0-9a-f]{12} \(forgotten\)\s+staging@1 /);
    });
  });

  describe("prune", () => {
    it("keeps blobs inside the grace period, then deletes only what forgotten snapshots alone used", async () => {
      const before = blobCount();
      const waiting = await ws.cli("prune", "--store", ws.store, "--grace", "24h", "--json");
      expect(waiting.code).toBe(0);
      expect(waiting.json()).toMatchObject({ deleted: [], waiting: expect.any(Array) });
      expect(blobCount()).toBe(before);

      const dry = await ws.cli(
        "prune",
        "--store",
        ws.store,
        "--grace",
        "0s",
        "--dry-run",
        "--json",
      );
      const planned = (dry.json() as { deleted: { reason: string }[] }).deleted;
      expect(planned.length).toBe(6);
      expect(planned.every((blob) => blob.reason === "forgotten")).toBe(true);
      expect(blobCount()).toBe(before);

      const run = await ws.cli("prune", "--store", ws.store, "--grace", "0s");
      expect(run.code).toBe(0);
      expect(run.stdout).toContain("Deleted 6 blob(s) (6 of forgotten snapshots, 0 orphaned)");
      expect(blobCount()).toBe(before - 6);

      const verified = await ws.cli(
        "verify",
        "--all",
        "--store",
        ws.store,
        "--verify-key",
        ws.keys.verifyKey,
      );
      expect(verified.code).toBe(0);
      const restored = await ws.cli(
        "restore",
        "staging@latest",
        "--store",
        ws.store,
        "--identity",
        "../id.txt",
        "--verify-key",
        ws.keys.verifyKey,
        "--to",
        "../restored",
      );
      expect(restored.code).toBe(0);
      expect(readFileSync(join(dir, "restored", "app", "staging.yaml"), "utf8")).toBe(
        "version: 8\n",
      );
    });

    it("deletes an orphan blob only once its file is older than the grace period", async () => {
      const prefix = join(ws.store, "blobs", "ff");
      mkdirSync(prefix, { recursive: true });
      const oldOrphan = join(prefix, `${"f".repeat(64)}-${"1".repeat(64)}.age`);
      const newOrphan = join(prefix, `${"f".repeat(63)}e-${"2".repeat(64)}.age`);
      writeFileSync(oldOrphan, "x");
      writeFileSync(newOrphan, "y");
      const twoDaysAgo = new Date(Date.now() - 48 * 3_600_000);
      utimesSync(oldOrphan, twoDaysAgo, twoDaysAgo);
      const run = await ws.cli("prune", "--store", ws.store, "--grace", "24h", "--json");
      const result = run.json() as {
        deleted: { id: string; reason: string }[];
        waiting: { id: string; reason: string }[];
      };
      expect(result.deleted).toEqual([
        expect.objectContaining({ id: "f".repeat(64), reason: "orphan" }),
      ]);
      expect(result.waiting).toContainEqual(
        expect.objectContaining({ id: `${"f".repeat(63)}e`, reason: "orphan" }),
      );
      expect(existsSync(oldOrphan)).toBe(false);
      expect(existsSync(newOrphan)).toBe(true);
    });

    it("refuses a grace that is not a duration", async () => {
      const run = await ws.cli("prune", "--store", ws.store, "--grace", "tomorrow");
      expect(run.code).toBe(64);
      expect(run.stderr).toContain("--grace 'tomorrow' is not a duration.");
    });
  });

  describe("forgetting tier-0 snapshots needs an approval record", () => {
    let prodIds: string[] = [];
    /** Writes a request record as the app does: signed with the app key (or `key`, or unsigned with null). */
    const write = async (
      request: Omit<ApprovalRequest, "digest">,
      digestOverride?: string,
      key: Parameters<typeof signRequest>[1] | null = ws.keys.app,
    ) => {
      const full = { ...request, digest: digestOverride ?? requestDigest(request) };
      mkdirSync(join(ws.store, "requests"), { recursive: true });
      writeFileSync(
        join(ws.store, "requests", `${request.id}.json`),
        JSON.stringify(key ? await signRequest(full, key) : full),
      );
    };
    const base = (id: string, snapshots: string[]): Omit<ApprovalRequest, "digest"> => {
      const createdAt = new Date(Date.now() - 3_600_000).toISOString();
      return {
        format: "snapgate.request/v1",
        id,
        action: "forget",
        subject: { environment: "prod", snapshots, policyDigest: digest },
        requester: { id: 100, login: "alice" },
        reason: "retention",
        createdAt,
        expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
        approvals: [],
        state: "approved",
      };
    };
    const approvalsFor = (request: Omit<ApprovalRequest, "digest">, users: [number, string][]) =>
      users.map(([id, login]) => ({
        user: { id, login },
        at: new Date(Date.now() - 60_000).toISOString(),
        digest: requestDigest(request),
      }));

    beforeAll(async () => {
      await take("prod", "2026-04-01T10:00:00Z", "p: 1\n");
      await take("prod", "2026-04-02T10:00:00Z", "p: 2\n");
      await take("prod", "2026-04-03T10:00:00Z", "p: 3\n");
      const plan = await forget("prod", "--dry-run");
      prodIds = plan.result?.tier0.snapshots ?? [];
    });

    it("lists the tier-0 snapshots in the dry run, then refuses without --approval", async () => {
      expect(prodIds).toHaveLength(2);
      const dry = await ws.cli("forget", "--store", ws.store, "--env", "prod", "--dry-run");
      expect(dry.stdout).toContain(
        "2 of them are tier-0: forgetting them needs --approval REQUEST-ID (2 approval(s)).",
      );
      const refused = await forget("prod");
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(
        "Forgetting 2 tier-0 snapshot(s) of prod needs an approved request (2 approval(s), the requester excluded).",
      );
      expect(existsSync(join(ws.store, "tombstones", "prod"))).toBe(false);
    });

    it.each([
      [
        "one approval where the tier needs two",
        (r: Omit<ApprovalRequest, "digest">) => ({
          ...r,
          approvals: approvalsFor(r, [[200, "bob"]]),
        }),
        "it has 1 valid approval(s) by distinct users other than the requester; the tier needs 2",
      ],
      [
        "the requester approving their own request",
        (r: Omit<ApprovalRequest, "digest">) => ({
          ...r,
          approvals: approvalsFor(r, [
            [100, "alice"],
            [200, "bob"],
          ]),
        }),
        "it has 1 valid approval(s)",
      ],
      [
        "one person approving twice (by numeric id, under two logins)",
        (r: Omit<ApprovalRequest, "digest">) => ({
          ...r,
          approvals: approvalsFor(r, [
            [200, "bob"],
            [200, "bob-renamed"],
          ]),
        }),
        "it has 1 valid approval(s)",
      ],
      [
        "a bot approving",
        (r: Omit<ApprovalRequest, "digest">) => ({
          ...r,
          approvals: approvalsFor(r, [
            [200, "bob"],
            [300, "renovate[bot]"],
          ]),
        }),
        "it has 1 valid approval(s)",
      ],
      [
        "an expired request",
        (r: Omit<ApprovalRequest, "digest">) => {
          const expired = { ...r, expiresAt: new Date(Date.now() - 1000).toISOString() };
          return {
            ...expired,
            approvals: approvalsFor(expired, [
              [200, "bob"],
              [201, "carol"],
            ]).map((a) => ({ ...a, at: new Date(Date.now() - 30 * 60_000).toISOString() })),
          };
        },
        "it expired at",
      ],
      [
        "a request that is still pending",
        (r: Omit<ApprovalRequest, "digest">) => ({
          ...r,
          state: "pending" as const,
          approvals: approvalsFor(r, [
            [200, "bob"],
            [201, "carol"],
          ]),
        }),
        "its state is pending, not approved",
      ],
      [
        "a request for a restore",
        (r: Omit<ApprovalRequest, "digest">) => {
          const restore = { ...r, action: "restore" as const };
          return {
            ...restore,
            approvals: approvalsFor(restore, [
              [200, "bob"],
              [201, "carol"],
            ]),
          };
        },
        "it asks to restore, not to forget",
      ],
    ])("refuses %s", async (_name, shape, message) => {
      const id = `req-${Math.random().toString(16).slice(2, 10)}`;
      await write(shape(base(id, prodIds)));
      const run = await forget("prod", "--approval", id);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`Request ${id} does not allow this forget:`);
      expect(run.stderr).toContain(message);
      expect(existsSync(join(ws.store, "tombstones", "prod"))).toBe(false);
    });

    it("refuses approvals bound to other snapshots, or a record altered after approval", async () => {
      const partial = base("req-partial", prodIds.slice(0, 1));
      await write({
        ...partial,
        approvals: approvalsFor(partial, [
          [200, "bob"],
          [201, "carol"],
        ]),
      });
      const one = await forget("prod", "--approval", "req-partial");
      expect(one.stderr).toContain("it does not cover 1 snapshot(s)");

      const original = base("req-altered", prodIds);
      const approved = {
        ...original,
        approvals: approvalsFor(original, [
          [200, "bob"],
          [201, "carol"],
        ]),
      };
      // Widened after approval: the approvals carry the old digest; the record's digest is recomputed.
      const widened = {
        ...approved,
        expiresAt: new Date(Date.now() + 48 * 3_600_000).toISOString(),
      };
      await write(widened);
      const altered = await forget("prod", "--approval", "req-altered");
      expect(altered.stderr).toContain("it has 0 valid approval(s)");

      await write({ ...approved, id: "req-forged" }, `sha256:${"0".repeat(64)}`);
      const forged = await forget("prod", "--approval", "req-forged");
      expect(forged.stderr).toContain("its digest does not match its contents");

      const missing = await forget("prod", "--approval", "req-nope");
      expect(missing.stderr).toContain("There is no request req-nope");

      writeFileSync(
        join(ws.store, "requests", "req-damaged.json"),
        JSON.stringify({
          ...approved,
          id: "req-damaged",
          digest: `sha256:${"0".repeat(64)}`,
          requester: { login: "alice" },
        }),
      );
      const damaged = await forget("prod", "--approval", "req-damaged");
      expect(damaged.code).toBe(1);
      expect(damaged.stderr).toContain(
        "The request req-damaged is not a valid snapgate.request/v1 record: /requester must have required property 'id'",
      );
    });

    it("refuses a quorum someone wrote into the store: unsigned, or signed by a key the policy does not list", async () => {
      const stranger = (await makeKeys()).app;
      for (const [id, key] of [
        ["req-ceo-unsigned", null],
        ["req-ceo-stranger", stranger],
      ] as const) {
        const request = base(id, prodIds);
        await write(
          {
            ...request,
            approvals: approvalsFor(request, [
              [900, "ceo"],
              [901, "ciso"],
            ]),
          },
          undefined,
          key,
        );
        const run = await forget("prod", "--approval", id);
        expect(run.code).toBe(1);
        expect(run.stderr).toContain(`Request ${id} cannot be trusted:`);
        expect(run.stderr).toContain(
          key
            ? "which is not an app key of the policy (keys.app)"
            : "it is not signed by the Snapgate App",
        );
        expect(run.stderr).toContain("Ask for the request again through the Snapgate App");
        expect(existsSync(join(ws.store, "tombstones", "prod"))).toBe(false);
      }
      // Nothing about the forged approvers reached the audit log either.
      expect(
        readdirSync(join(ws.store, "audit"))
          .filter((year) => /^\d{4}$/.test(year))
          .flatMap((year) =>
            readdirSync(join(ws.store, "audit", year)).map((file) =>
              readFileSync(join(ws.store, "audit", year, file), "utf8"),
            ),
          )
          .join(""),
      ).not.toContain('"ceo"');
    });

    it("forgets with a valid approval and records it in each tombstone", async () => {
      const request = base("req-ok", prodIds);
      await write({
        ...request,
        approvals: approvalsFor(request, [
          [200, "bob"],
          [201, "carol"],
        ]),
      });
      const { code, result, stderr } = await forget("prod", "--approval", "req-ok");
      expect(stderr).toBe("");
      expect(code).toBe(0);
      expect(result?.tombstones).toHaveLength(2);
      const tombstone = JSON.parse(
        readFileSync(join(ws.store, "tombstones", "prod", "0000000001.json"), "utf8"),
      ) as { approval: string };
      expect(tombstone.approval).toBe("req-ok");
      const audit = readdirSync(join(ws.store, "audit"))
        .filter((year) => /^\d{4}$/.test(year))
        .flatMap((year) =>
          readdirSync(join(ws.store, "audit", year))
            .filter((file) => file.endsWith(".jsonl"))
            .map((file) => readFileSync(join(ws.store, "audit", year, file), "utf8")),
        )
        .join("");
      expect(audit).toContain('"type":"snapshot.forgotten"');
      expect(audit).toContain('"approvers":["bob","carol"]');
    });

    it("prunes tier-0 blobs only with an approved forget request: a forged tombstone is refused, --approval covers it", async () => {
      const live = await forget("prod", "--dry-run");
      const [third] = live.result?.snapshots ?? [];
      expect(third?.seq).toBe(3);
      // Someone who can write the store tombstones prod@3 without any approval.
      const forgottenAt = new Date().toISOString();
      writeFileSync(
        join(ws.store, "tombstones", "prod", "0000000003.json"),
        JSON.stringify({
          format: "snapgate.tombstone/v1",
          stream: "prod",
          seq: 3,
          snapshot: third!.id,
          time: third!.time,
          forgottenAt,
          reasons: ["forged"],
          rules: "policy",
          approval: null,
          policyDigest: digest,
        }),
      );
      const before = blobCount();
      const noPolicy = await ws.cli("prune", "--store", ws.store, "--grace", "0s", "--root", dir);
      expect(noPolicy.code).toBe(1);
      expect(noPolicy.stderr).toContain("there is no policy to tell whether it is tier-0");

      const refused = await ws.cli("prune", "--store", ws.store, "--grace", "0s");
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(
        "of forgotten snapshot(s) prod@3 without the approval tier-0 data needs: prod@3 is tier0 (tier-0) and no forget request approved forgetting it. Nothing was deleted.",
      );
      expect(refused.stderr).toContain('`/snapgate forget prod@3 --reason "..."`');
      expect(refused.stderr).toContain("--approval REQUEST-ID");
      expect(blobCount()).toBe(before);
      const dry = await ws.cli(
        "prune",
        "--store",
        ws.store,
        "--grace",
        "0s",
        "--dry-run",
        "--json",
      );
      expect(dry.code).toBe(0);
      expect(dry.json()).toMatchObject({ held: [{ stream: "prod", seq: 3 }] });

      // A request for other snapshots does not cover it; one approved for prod@3 does.
      const other = await ws.cli(
        "prune",
        ...["--store", ws.store, "--grace", "0s", "--approval", "req-ok"],
      );
      expect(other.code).toBe(1);
      expect(other.stderr).toContain("request req-ok does not name prod@3");
      const request = base("req-p3", [third!.id]);
      await write({ ...request, approvals: approvalsFor(request, [[200, "bob"]]) });
      const oneApproval = await ws.cli(
        "prune",
        ...["--store", ws.store, "--grace", "0s", "--approval", "req-p3"],
      );
      expect(oneApproval.code).toBe(1);
      expect(oneApproval.stderr).toContain("the tier needs 2");
      const quorum = base("req-p3b", [third!.id]);
      await write({
        ...quorum,
        approvals: approvalsFor(quorum, [
          [200, "bob"],
          [201, "carol"],
        ]),
      });
      const pruned = await ws.cli(
        "prune",
        ...["--store", ws.store, "--grace", "0s", "--approval", "req-p3b", "--json"],
      );
      expect(pruned.stderr).toBe("");
      expect(pruned.code).toBe(0);
      const result = pruned.json() as { deleted: { reason: string }[]; held: unknown[] };
      expect(result.held).toEqual([]);
      // prod@1 and prod@2 (their tombstones name req-ok) and prod@3 each held one blob of their own.
      expect(result.deleted.filter((blob) => blob.reason === "forgotten")).toHaveLength(3);
      expect(blobCount()).toBe(before - result.deleted.length);
    });

    it("treats a tier-1 environment's snapshot holding a tier-0 component as tier-0", async () => {
      ws.write("secrets/root.key", "key material\n");
      await take("dev", "2026-04-05T10:00:00Z", "secret: yes\n");
      const plan = await forget("dev", "--dry-run", "--keep-last", "0", "--keep-tag", "none");
      const seven = plan.result?.snapshots.find((s) => s.seq === 7);
      expect(seven?.tier0).toBe(true);
      expect(plan.result?.snapshots.filter((s) => s.tier0)).toHaveLength(1);
    });
  });
});
