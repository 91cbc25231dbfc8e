import { beforeAll, describe, expect, it } from "@jest/globals";
import { SnapgateError } from "../../../core/errors.js";
import { decideGate } from "../../../core/gate/decide-gate.js";
import type { GateDecision, GateInput, SnapshotFacts } from "../../../core/gate/gate-decision.js";
import { policyErrorDecision } from "../../../core/gate/policy-error-decision.js";
import { renderGateMarkdown } from "../../../core/gate/render-gate-markdown.js";
import { renderGateText } from "../../../core/gate/render-gate-text.js";
import type { Policy } from "../../../core/policy/policy.js";
import { OTHER_WRITER, WRITER, policyFromYaml } from "../policy/policy-from-yaml.js";

let policy: Policy;
const NOW = new Date("2026-11-26T12:00:00Z");

beforeAll(async () => {
  policy = await policyFromYaml(`tiers:
  tier0: { max_age: 24h, restore_verification: 30d }
  tier1: { max_age: 72h }
environments:
  prod: { tier: tier0, snapshot_workflow: snapgate-snapshot.yml }
  staging: { tier: tier1 }
components:
  - { name: payments-db, paths: ["deploy/prod/db/**"], tier: tier0, environments: [prod] }
  - { name: api, paths: ["deploy/*/api/**"] }
exceptions:
  - { paths: ["legacy/**"], reason: "regenerated from the vendor portal", accepted_by: ["@a", "@b"], expires: 2027-01-31 }
consistency:
  - { name: schema, left: { file: a.yaml, path: v }, right: { file: VERSION }, rule: equal }
`);
});

const goodSnapshot = (): SnapshotFacts => ({
  id: "3f6a1c0d9e8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f",
  seq: 41,
  time: "2026-11-26T06:00:00Z",
  writtenAt: "2026-11-26T06:00:05Z",
  signature: { state: "ok", key: WRITER },
  chain: { state: "ok" },
  missingBlobs: [],
  recipientGaps: [],
  components: ["payments-db", "api"],
  uncoveredTier0Paths: [],
  consistency: [{ name: "schema", ok: true, message: "schema: equal" }],
});

const input = (
  snapshot: Partial<SnapshotFacts> | null,
  extra: Partial<GateInput> = {},
): GateInput => ({
  policy,
  environment: "prod",
  now: NOW,
  snapshot: snapshot === null ? null : { ...goodSnapshot(), ...snapshot },
  lastRestoreVerification: "2026-11-10T00:00:00Z",
  ...extra,
});

const stateOf = (decision: GateDecision, name: string) =>
  decision.conditions.find((condition) => condition.name === name);

describe("decideGate", () => {
  it("succeeds when every fact is good", () => {
    const decision = decideGate(input({}));
    expect(decision.conclusion).toBe("success");
    expect(decision.conditions.map((condition) => [condition.name, condition.state])).toEqual([
      ["snapshot", "pass"],
      ["signature", "pass"],
      ["chain", "pass"],
      ["blobs", "pass"],
      ["freshness", "pass"],
      ["coverage", "pass"],
      ["consistency", "pass"],
      ["exceptions", "pass"],
      ["restore-verification", "pass"],
    ]);
    expect(decision.conditions.every((condition) => condition.fix === null)).toBe(true);
    expect(stateOf(decision, "freshness")?.detail).toBe("6h old (tier0 allows 1d).");
  });

  it.each<
    [string, Partial<SnapshotFacts> | null, Partial<GateInput>, string, "fail" | "unknown", string]
  >([
    ["no snapshot", null, {}, "snapshot", "fail", "No snapshot of prod exists."],
    [
      "a stale snapshot",
      { time: "2026-11-25T06:00:00Z", writtenAt: "2026-11-25T06:00:00Z" },
      {},
      "freshness",
      "fail",
      "The newest snapshot is 1d6h old; tier0 allows 1d.",
    ],
    [
      "--time cannot make an old write look fresh",
      { time: "2026-11-26T11:00:00Z", writtenAt: "2026-11-20T00:00:00Z" },
      {},
      "freshness",
      "fail",
      "The newest snapshot is 6d12h old; tier0 allows 1d.",
    ],
    [
      "a snapshot from the future",
      { time: "2026-11-27T12:00:00Z", writtenAt: "2026-11-27T12:00:00Z" },
      {},
      "freshness",
      "fail",
      "The snapshot's time 2026-11-27T12:00:00.000Z is in the future.",
    ],
    [
      "an unknown signing key",
      { signature: { state: "unknown-key", key: OTHER_WRITER } },
      {},
      "signature",
      "fail",
      "The manifest is signed by sgw13spwr7xf87tn..., which is not in keys.writers.",
    ],
    [
      "a bad signature",
      { signature: { state: "bad", detail: "Ed25519 verification failed" } },
      {},
      "signature",
      "fail",
      "The manifest signature does not verify (Ed25519 verification failed): the manifest was altered or forged.",
    ],
    [
      "a key used before its window",
      { time: "2025-12-31T23:00:00Z", writtenAt: "2025-12-31T23:00:00Z" },
      { now: new Date("2026-01-01T00:00:00Z") },
      "signature",
      "fail",
      "The writer key sgw1dzqtdzjgwf64... was not valid at the snapshot's time 2025-12-31T23:00:00Z.",
    ],
    [
      "a broken chain",
      { chain: { state: "broken", atSeq: 17 } },
      {},
      "chain",
      "fail",
      "The hash chain is broken at snapshot #17.",
    ],
    [
      "a missing blob",
      { missingBlobs: ["aa11bb22cc33dd44ee55"] },
      {},
      "blobs",
      "fail",
      "1 blob(s) are missing or do not match their recorded hash: aa11bb22cc33.",
    ],
    [
      "a file a listed recipient cannot open",
      {
        recipientGaps: [
          { path: "deploy/prod/app.yaml", cannotOpen: ["age1qqqqqqqqqqqqqqqqqqqqqqqqqq"] },
        ],
      },
      {},
      "blobs",
      "fail",
      "1 file(s) cannot be opened by age1qqqqqqqqqqqq..., though the snapshot lists them as recipients: deploy/prod/app.yaml.",
    ],
    [
      "unchecked recipient sets",
      { recipientGaps: null },
      {},
      "blobs",
      "unknown",
      "The blobs were not checked.",
    ],
    [
      "a missing required component",
      { components: ["api"] },
      {},
      "coverage",
      "fail",
      "Required component(s) with no file in the snapshot: payments-db.",
    ],
    [
      "an uncovered tier-0 path",
      { uncoveredTier0Paths: ["terraform/prod/main.tf"] },
      {},
      "coverage",
      "fail",
      "1 tier-0 path(s) in no component: terraform/prod/main.tf.",
    ],
    [
      "a failed consistency rule",
      {
        consistency: [
          { name: "schema", ok: false, message: "schema: a.yaml v is '2' but VERSION is '3'." },
        ],
      },
      {},
      "consistency",
      "fail",
      "schema: a.yaml v is '2' but VERSION is '3'.",
    ],
    [
      "an expired exception",
      { time: "2027-01-31T20:00:00Z", writtenAt: "2027-01-31T20:00:00Z" },
      { now: new Date("2027-02-01T00:00:00Z"), lastRestoreVerification: "2027-01-30T00:00:00Z" },
      "exceptions",
      "fail",
      "Expired: exceptions[0] (legacy/**) expired 2027-01-31.",
    ],
    [
      "no restore-level verification",
      {},
      { lastRestoreVerification: null },
      "restore-verification",
      "fail",
      "tier0 needs a restore-level verification every 4w2d; none is recorded.",
    ],
    [
      "an old restore-level verification",
      {},
      { lastRestoreVerification: "2026-10-01T00:00:00Z" },
      "restore-verification",
      "fail",
      "The last restore-level verification is 8w12h old; tier0 needs one every 4w2d.",
    ],
    [
      "a failed newest restore-level verification (an older pass does not count)",
      {},
      {
        lastRestoreVerification: "2026-11-20T00:00:00Z",
        failedRestoreVerification: {
          time: "2026-11-25T00:00:00Z",
          snapshot: "9".repeat(64),
          detail: "The blob of a.yaml does not decrypt.",
        },
      },
      "restore-verification",
      "fail",
      "The newest restore-level verification (2026-11-25T00:00:00Z, snapshot 999999999999) failed: The blob of a.yaml does not decrypt.",
    ],
    [
      "an unchecked signature",
      { signature: null },
      {},
      "signature",
      "unknown",
      "The manifest signature was not checked.",
    ],
    [
      "unchecked blobs",
      { missingBlobs: null },
      {},
      "blobs",
      "unknown",
      "The blobs were not checked.",
    ],
    [
      "an unchecked chain",
      { chain: null },
      {},
      "chain",
      "unknown",
      "The hash chain was not checked.",
    ],
    [
      "no recorded coverage",
      { uncoveredTier0Paths: null },
      {},
      "coverage",
      "unknown",
      "The snapshot recorded no coverage of tier-0 paths.",
    ],
    [
      "no recorded consistency",
      { consistency: null },
      {},
      "consistency",
      "unknown",
      "The snapshot recorded no consistency outcomes.",
    ],
  ])("fails on %s", (_name, snapshot, extra, name, state, detail) => {
    const decision = decideGate(input(snapshot, extra));
    expect(decision.conclusion).toBe("failure");
    const condition = stateOf(decision, name);
    expect(condition).toMatchObject({ state, detail });
    expect(condition?.fix).toEqual(expect.any(String));
    // Only the condition under test fails.
    expect(decision.conditions.filter((c) => c.state !== "pass").map((c) => c.name)).toEqual([
      name,
    ]);
  });

  it("annotates uncovered paths and needs no restore verification where the tier does not ask", () => {
    const decision = decideGate({
      ...input({ uncoveredTier0Paths: ["a/x.yaml"] }),
      environment: "staging",
    });
    expect(decision.conditions.map((c) => c.name)).not.toContain("restore-verification");
    expect(stateOf(decision, "coverage")).toMatchObject({ state: "fail", paths: ["a/x.yaml"] });
  });

  it("fails an environment the policy does not have", () => {
    const decision = decideGate({ ...input({}), environment: "qa" });
    expect(decision).toMatchObject({
      conclusion: "failure",
      conditions: [
        { name: "environment", state: "fail", detail: "The policy has no environment 'qa'." },
      ],
    });
  });

  it("summarises which conditions do not pass", () => {
    expect(decideGate(input({ chain: null, missingBlobs: ["x"] })).summary).toBe(
      "2 of 9 conditions do not pass: chain, blobs.",
    );
  });
});

describe("policyErrorDecision", () => {
  it("fails with the policy's problems, located", () => {
    const error = new SnapgateError("CONFIG", "The Snapgate policy has 1 problem.", {
      fix: "Fix each line above where it points; docs/policy.md describes every key.",
      details: {
        problems: [
          {
            file: ".github/snapgate.yml",
            line: 12,
            path: "tiers.tier0.max_age",
            message: "'24' is not a duration",
            fix: "write e.g. 24h",
          },
        ],
      },
    });
    expect(policyErrorDecision("prod", error)).toEqual({
      environment: "prod",
      conclusion: "failure",
      summary: "The Snapgate policy cannot be used.",
      conditions: [
        {
          name: "policy",
          state: "fail",
          detail:
            ".github/snapgate.yml:12 tiers.tier0.max_age: '24' is not a duration; write e.g. 24h",
          fix: "Fix each line above where it points; docs/policy.md describes every key.",
          paths: [".github/snapgate.yml"],
          locations: [
            {
              file: ".github/snapgate.yml",
              line: 12,
              message:
                ".github/snapgate.yml:12 tiers.tier0.max_age: '24' is not a duration; write e.g. 24h",
            },
          ],
        },
      ],
    });
  });

  it("fails with the error's own message when it lists no problems", () => {
    const error = new SnapgateError("CONFIG", "No Snapgate policy at .github/snapgate.yml.", {
      fix: "Create .github/snapgate.yml on the default branch.",
    });
    const [condition] = policyErrorDecision("prod", error).conditions;
    expect(condition).toEqual({
      name: "policy",
      state: "fail",
      detail:
        "No Snapgate policy at .github/snapgate.yml. Create .github/snapgate.yml on the default branch.",
      fix: "Create .github/snapgate.yml on the default branch.",
      paths: [],
    });
  });
});

describe("renderers", () => {
  const decision: GateDecision = {
    environment: "prod",
    conclusion: "failure",
    summary: "1 of 2 conditions do not pass: blobs.",
    conditions: [
      { name: "snapshot", state: "pass", detail: "Newest snapshot: #3.", fix: null },
      {
        name: "blobs",
        state: "fail",
        detail: "2 blob(s) | missing\nsecond line <b>",
        fix: "Restore them.",
      },
    ],
  };

  it("renders a Markdown table with escaped cells", () => {
    expect(renderGateMarkdown(decision)).toBe(
      [
        "### Snapgate / config backup (prod): ❌ failure",
        "",
        "1 of 2 conditions do not pass: blobs.",
        "",
        "| Condition | State | Detail | Fix |",
        "| --- | --- | --- | --- |",
        "| snapshot | ✅ pass | Newest snapshot: #3. |  |",
        "| blobs | ❌ fail | 2 blob(s) \\| missing<br>second line &lt;b&gt; | Restore them. |",
        "",
      ].join("\n"),
    );
  });

  it("renders a plain text table with fixes under failing rows", () => {
    expect(renderGateText(decision)).toBe(
      [
        "CONDITION  STATE    DETAIL",
        "snapshot   PASS     Newest snapshot: #3.",
        "blobs      FAIL     2 blob(s) | missing",
        "                    second line <b>",
        "                    fix: Restore them.",
        "",
        "prod: FAILURE. 1 of 2 conditions do not pass: blobs.",
        "",
      ].join("\n"),
    );
  });
});
