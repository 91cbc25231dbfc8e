import { describe, expect, it } from "@jest/globals";
import { SnapgateError } from "../../../core/errors.js";
import { environmentOfCheckName, gateCheckName } from "../../../core/gate/gate-check-name.js";
import { gateCheckOutput, MAX_ANNOTATIONS } from "../../../core/gate/gate-check-output.js";
import type { GateDecision } from "../../../core/gate/gate-decision.js";
import { policyErrorDecision } from "../../../core/gate/policy-error-decision.js";
import { policyReadErrorDecision } from "../../../core/gate/policy-read-error-decision.js";
import { MAX_COMMENT_CHARS, renderGateComment } from "../../../core/gate/render-gate-comment.js";
import { storeErrorDecision } from "../../../core/gate/store-error-decision.js";
import { gatedEnvironments } from "../../../core/policy/gated-environments.js";
import { streamsOfStorePaths } from "../../../core/store/streams-of-store-paths.js";
import { policyFromYaml } from "../policy/policy-from-yaml.js";

const failing: GateDecision = {
  environment: "prod",
  conclusion: "failure",
  summary: "2 of 3 conditions do not pass: coverage, blobs.",
  conditions: [
    { name: "snapshot", state: "pass", detail: "Newest snapshot: #3.", fix: null },
    {
      name: "coverage",
      state: "fail",
      detail: "2 tier-0 path(s) in no component: ops/a.conf, ops/b.conf",
      fix: "Add the paths to a component.",
      paths: ["ops/a.conf", "ops/b.conf"],
    },
    { name: "blobs", state: "unknown", detail: "The blobs were not checked.", fix: "Re-run." },
  ],
};

describe("gate check run names", () => {
  it("names a check run per environment, and one for the whole policy", () => {
    expect(gateCheckName("prod")).toBe("Snapgate / config backup (prod)");
    expect(gateCheckName(null)).toBe("Snapgate / config backup");
  });

  it("reads the environment back, and tells other check runs apart", () => {
    expect(environmentOfCheckName("Snapgate / config backup (eu-prod.2)")).toBe("eu-prod.2");
    expect(environmentOfCheckName("Snapgate / config backup")).toBeNull();
    expect(environmentOfCheckName("lint")).toBeUndefined();
    expect(environmentOfCheckName("Snapgate / config backup ()")).toBeUndefined();
  });
});

describe("gateCheckOutput", () => {
  it("titles with the summary, tabulates the conditions and annotates each uncovered tier-0 file", () => {
    const output = gateCheckOutput(failing, ["Decided at noon.", "Backup: acme/b@main."]);
    expect(output.title).toBe("2 of 3 conditions do not pass: coverage, blobs.");
    expect(output.summary).toContain("| coverage | ❌ fail | 2 tier-0 path(s) in no component");
    expect(output.text).toBe("Decided at noon.\nBackup: acme/b@main.");
    expect(output.annotations).toEqual([
      {
        path: "ops/a.conf",
        start_line: 1,
        end_line: 1,
        annotation_level: "failure",
        title: "Tier-0 file in no component",
        message:
          "ops/a.conf is tier-0 but belongs to no component of the policy and no active exception. Add the paths to a component.",
      },
      expect.objectContaining({ path: "ops/b.conf" }),
    ]);
  });

  it("annotates the lines of an invalid policy in this repository, not those of other repositories", () => {
    const error = new SnapgateError("CONFIG", "The Snapgate policy has 3 problems.", {
      fix: "Fix each line.",
      details: {
        problems: [
          { file: ".github/snapgate.yml", line: 7, path: "tiers", message: "bad", fix: "fix it" },
          {
            file: ".github/snapgate.yml",
            line: null,
            path: "keys",
            message: "missing",
            fix: "add it",
          },
          {
            file: "acme/.github:.github/snapgate.yml",
            line: 2,
            path: "roles",
            message: "x",
            fix: "y",
          },
        ],
      },
    });
    const output = gateCheckOutput(policyErrorDecision("all environments", error));
    expect(output.text).toBeUndefined();
    expect(output.annotations).toEqual([
      {
        path: ".github/snapgate.yml",
        start_line: 7,
        end_line: 7,
        annotation_level: "failure",
        title: "Invalid Snapgate policy (read from the default branch)",
        message: ".github/snapgate.yml:7 tiers: bad; fix it",
      },
      expect.objectContaining({ path: ".github/snapgate.yml", start_line: 1 }),
    ]);
    expect(output.summary).toContain("acme/.github:.github/snapgate.yml:2 roles: x; y");
  });

  it("sends at most 50 annotations and cuts a summary GitHub would refuse", () => {
    const paths = Array.from({ length: 80 }, (_, index) => `ops/file-${index}.conf`);
    const huge: GateDecision = {
      ...failing,
      conditions: [
        { name: "coverage", state: "fail", detail: "x".repeat(70_000), fix: "f", paths },
      ],
    };
    const output = gateCheckOutput(huge);
    expect(output.annotations).toHaveLength(MAX_ANNOTATIONS);
    expect(output.summary.length).toBeLessThan(65_536);
    expect(output.summary).toMatch(/\(cut: the full list is in `snapgate check`\)\n$/);
  });
});

describe("decisions without facts", () => {
  it("fails with an unknown store condition when the backup repository cannot be read", () => {
    expect(storeErrorDecision("prod", "Reading acme/b@main failed: 502.", "Try later.")).toEqual({
      environment: "prod",
      conclusion: "failure",
      summary: "The backup repository could not be read, so the backup is unverified.",
      conditions: [
        {
          name: "store",
          state: "unknown",
          detail: "Reading acme/b@main failed: 502.",
          fix: "Try later.",
        },
      ],
    });
  });

  it("fails with an unknown policy condition when the policy cannot be read", () => {
    const error = new SnapgateError("REMOTE", "GitHub failed (502).", { fix: "Run again later." });
    expect(policyReadErrorDecision("prod", error).conditions).toEqual([
      {
        name: "policy",
        state: "unknown",
        detail: "Reading the policy failed: GitHub failed (502).",
        fix: "Run again later. Then run the check again.",
      },
    ]);
    expect(
      policyReadErrorDecision("prod", new SnapgateError("REMOTE", "GitHub failed.")).conditions[0]!
        .fix,
    ).toBe("Try again later. Then run the check again.");
  });
});

describe("renderGateComment", () => {
  it("says approved or rejected, then each condition that does not pass with its fix", () => {
    expect(renderGateComment(failing)).toBe(
      [
        "Snapgate / config backup (prod): rejected. 2 of 3 conditions do not pass: coverage, blobs.",
        "- coverage (fail): 2 tier-0 path(s) in no component: ops/a.conf, ops/b.conf Fix: Add the paths to a component.",
        "- blobs (unknown): The blobs were not checked. Fix: Re-run.",
      ].join("\n"),
    );
    expect(
      renderGateComment({
        ...failing,
        conclusion: "success",
        summary: "All pass.",
        conditions: [],
      }),
    ).toBe("Snapgate / config backup (prod): approved. All pass.");
  });

  it("keeps a long decision within the comment's size", () => {
    const long: GateDecision = {
      ...failing,
      conditions: [{ name: "policy", state: "fail", detail: "line\n".repeat(2000), fix: null }],
    };
    const comment = renderGateComment(long);
    expect(comment).toHaveLength(MAX_COMMENT_CHARS);
    expect(comment.endsWith("…")).toBe(true);
    expect(comment).not.toContain("\nline");
  });
});

describe("gatedEnvironments", () => {
  it("lists the environments whose release branch globs match, in the policy's order", async () => {
    const policy = await policyFromYaml(`tiers:
  tier1: { max_age: 24h }
environments:
  prod: { tier: tier1, release_branches: ["release/*", "hotfix"] }
  staging: { tier: tier1, release_branches: [main, "release/*"] }
  dev: { tier: tier1 }
`);
    expect(gatedEnvironments(policy, "release/1.2")).toEqual(["prod", "staging"]);
    expect(gatedEnvironments(policy, "main")).toEqual(["staging"]);
    expect(gatedEnvironments(policy, "hotfix")).toEqual(["prod"]);
    expect(gatedEnvironments(policy, "release/1/x")).toEqual([]);
    expect(gatedEnvironments(policy, "feature")).toEqual([]);
  });
});

describe("streamsOfStorePaths", () => {
  it("names the environments a push to a backup repository touched", () => {
    expect(
      streamsOfStorePaths([
        "manifests/prod/0000000003.json",
        "catalog/staging/2026-11.jsonl",
        "heads/eu.json",
        "verifications/qa/20261126T120000.000Z-restore-ok-abc.json",
        "tombstones/old/0000000001.json",
        "locks/frozen/0002.json",
        "drills/dr/signoffs/20261126T120000.000Z-ok-abc-ops.json",
        "blobs/ab/ab12-cd.age",
        "audit/2026/11.jsonl",
        "snapgate.json",
        "manifests/BAD NAME/1.json",
        "manifests/prod",
      ]),
    ).toEqual(["dr", "eu", "frozen", "old", "prod", "qa", "staging"]);
    expect(streamsOfStorePaths(["deploy/app.yaml", ".github/snapgate.yml"])).toEqual([]);
  });
});
