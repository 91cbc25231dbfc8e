import { describe, expect, it } from "@jest/globals";
import { isSnapgateError, SnapgateError } from "../../../core/errors.js";
import { loadPolicy } from "../../../core/policy/load-policy.js";
import { policyDigest } from "../../../core/policy/policy-digest.js";
import type { PolicyProblem } from "../../../core/policy/policy-problem.js";
import {
  memoryPolicySource,
  type PolicyRef,
  type PolicySource,
} from "../../../core/policy/policy-source.js";
import { formatDuration, parseDuration } from "../../../core/policy/parse-duration.js";
import { KEYS, policyFromYaml } from "./policy-from-yaml.js";

const BODY = `tiers:
  tier0: { max_age: 24h }
environments:
  prod: { tier: tier0 }
`;

async function problemsOf(promise: Promise<unknown>): Promise<PolicyProblem[]> {
  try {
    await promise;
  } catch (error) {
    expect(isSnapgateError(error, "CONFIG")).toBe(true);
    return (error as SnapgateError).details["problems"] as PolicyProblem[];
  }
  throw new Error("expected the policy to be refused");
}

describe("parseDuration / formatDuration", () => {
  it.each([
    ["15m", 900_000],
    ["24h", 86_400_000],
    ["2w", 1_209_600_000],
    ["1d12h", 129_600_000],
    ["30s", 30_000],
  ])("%s is %d ms", (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
    expect(parseDuration(formatDuration(ms))).toBe(ms);
  });

  it.each(["24", "", "1y", "1 h", "h", "-1h", 24])("%p is not a duration", (text) => {
    expect(parseDuration(text)).toBeNull();
  });
});

describe("loadPolicy", () => {
  it("normalises durations, dates, counts and defaults", async () => {
    const policy = await policyFromYaml(`tiers:
  tier0:
    max_age: 1d12h
    retention: { keep: { daily: unlimited, weekly: -1, within: 2w } }
environments:
  prod: { tier: tier0 }
exceptions:
  - { paths: ["a/**"], reason: "regenerated nightly", accepted_by: ["@a", "@b"], expires: 2027-01-31 }
`);
    const tier = policy.tiers["tier0"];
    expect(tier?.maxAgeMs).toBe(36 * 3_600_000);
    expect(tier?.approvals).toBe(1);
    expect(tier?.requestTtlMs).toBe(24 * 3_600_000);
    expect(tier?.retention.keep).toMatchObject({
      daily: -1,
      weekly: -1,
      last: 0,
      withinMs: 14 * 86_400_000,
    });
    expect(policy.keys.writers[0]?.validFromMs).toBe(Date.UTC(2026, 0, 1));
    expect(policy.exceptions[0]?.expiresAtMs).toBe(Date.UTC(2027, 1, 1));
    expect(policy.alerts).toEqual({ lateAfterMs: 15 * 60_000, consecutiveFailures: 2 });
    expect(policy.roles).toEqual({ restorers: [], approvers: [], auditors: [] });
  });

  it("says where the policy is missing", async () => {
    let caught: unknown;
    try {
      await loadPolicy(memoryPolicySource({}));
    } catch (error) {
      caught = error;
    }
    expect(isSnapgateError(caught, "CONFIG")).toBe(true);
    expect((caught as Error).message).toContain("No Snapgate policy at .github/snapgate.yml.");
  });

  it("passes on a failure of the source itself", async () => {
    const failing: PolicySource = {
      read: () =>
        Promise.reject(new SnapgateError("REMOTE", "GitHub answered 502.", { fix: "Retry." })),
    };
    await expect(loadPolicy(failing)).rejects.toThrow("GitHub answered 502.");
  });
});

describe("_extends (Probot's rules)", () => {
  const recording = (files: Record<string, string>): PolicySource & { reads: PolicyRef[] } => {
    const inner = memoryPolicySource(files);
    const reads: PolicyRef[] = [];
    return { reads, read: (ref) => (reads.push(ref), inner.read(ref)) };
  };

  it("merges shallowly: the extending file's top-level keys win whole", async () => {
    const source = memoryPolicySource({
      ".github/snapgate.yml": `_extends: .github:snapgate-org.yml\n${KEYS}${BODY}alerts: { consecutive_failures: 4 }\n`,
      ".github:snapgate-org.yml": `alerts: { late_after: 1h, consecutive_failures: 9 }\nroles: { auditors: ["@acme/audit"] }\n`,
    });
    const policy = await loadPolicy(source);
    expect(policy.alerts).toEqual({ lateAfterMs: 15 * 60_000, consecutiveFailures: 4 });
    expect(policy.roles.auditors).toEqual(["@acme/audit"]);
    expect(policy.sources).toEqual([".github/snapgate.yml", ".github:snapgate-org.yml"]);
  });

  it("uses the gated repository's owner and the entry path when _extends leaves them out", async () => {
    const source = recording({
      "acme/app:.github/snapgate.yml": `_extends: base\n${BODY}`,
      "acme/base:.github/snapgate.yml": `_extends: other/deeper:snapgate/keys.yml\n`,
      "other/deeper:snapgate/keys.yml": `_extends: shared:x.yaml\n${KEYS}`,
      "acme/shared:x.yaml": `alerts: { late_after: 5m }\n`,
    });
    const policy = await loadPolicy(source, { owner: "acme", repo: "app" });
    // Probot resolves a bare repo against the original owner, even deep in the chain.
    expect(source.reads).toEqual([
      { owner: "acme", repo: "app", path: ".github/snapgate.yml" },
      { owner: "acme", repo: "base", path: ".github/snapgate.yml" },
      { owner: "other", repo: "deeper", path: "snapgate/keys.yml" },
      { owner: "acme", repo: "shared", path: "x.yaml" },
    ]);
    expect(policy.alerts.lateAfterMs).toBe(5 * 60_000);
    expect(policy.sources).toEqual([
      ".github/snapgate.yml",
      "acme/base:.github/snapgate.yml",
      "other/deeper:snapgate/keys.yml",
      "acme/shared:x.yaml",
    ]);
  });

  it("falls back to the owner's .github repository when the repository has no policy", async () => {
    const source = recording({ "acme/.github:.github/snapgate.yml": `${KEYS}${BODY}` });
    const policy = await loadPolicy(source, { owner: "acme", repo: "app" });
    expect(source.reads.map((ref) => ref.repo)).toEqual(["app", ".github"]);
    expect(policy.sources).toEqual(["acme/.github:.github/snapgate.yml"]);
  });

  it("locates problems in the file that holds the key", async () => {
    const problems = await problemsOf(
      loadPolicy(
        memoryPolicySource({
          ".github/snapgate.yml": `_extends: .github:org.yml\n${BODY}`,
          ".github:org.yml": `# org defaults\n${KEYS}alerts:\n  late_after: soon\n`,
        }),
      ),
    );
    expect(problems).toEqual([
      {
        file: ".github:org.yml",
        line: 8,
        path: "alerts.late_after",
        message: "'soon' is not a duration",
        fix: "write e.g. 24h (units s, m = minutes, h, d, w; combine as 1d12h)",
      },
    ]);
  });

  it("refuses chains deeper than five files", async () => {
    const files: Record<string, string> = {
      ".github/snapgate.yml": `_extends: r1:p.yml\n${KEYS}${BODY}`,
    };
    for (let index = 1; index <= 7; index += 1)
      files[`r${index}:p.yml`] = `_extends: r${index + 1}:p.yml\n`;
    const problems = await problemsOf(loadPolicy(memoryPolicySource(files)));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.file).toBe("r5:p.yml");
    expect(problems[0]?.message).toBe("'r6:p.yml' goes deeper than 5 levels of _extends");
  });

  it("reports a cycle with the whole chain", async () => {
    const problems = await problemsOf(
      loadPolicy(
        memoryPolicySource({
          ".github/snapgate.yml": `_extends: a:x.yml\n${KEYS}${BODY}`,
          "a:x.yml": "_extends: b:x.yml\n",
          "b:x.yml": "_extends: a:x.yml\n",
        }),
      ),
    );
    expect(problems[0]?.message).toBe(
      "'a:x.yml' makes a cycle: .github/snapgate.yml -> a:x.yml -> b:x.yml -> a:x.yml",
    );
  });
});

describe("policyDigest", () => {
  it("is the same for the same rules from different files, and changes with any rule", async () => {
    const direct = await policyFromYaml(BODY);
    const extended = await loadPolicy(
      memoryPolicySource({
        ".github/snapgate.yml": `_extends: .github:o.yml\n${BODY}`,
        ".github:o.yml": KEYS,
      }),
    );
    expect(policyDigest(direct)).toMatch(/^[0-9a-f]{64}$/);
    expect(policyDigest(extended)).toBe(policyDigest(direct));
    const changed = await policyFromYaml(BODY.replace("24h", "23h"));
    expect(policyDigest(changed)).not.toBe(policyDigest(direct));
  });
});
