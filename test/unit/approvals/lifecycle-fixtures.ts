import type { CommentCommand } from "../../../core/approvals/comment-command.js";
import type { EligibilityFacts } from "../../../core/approvals/decide-eligibility.js";
import type { Policy } from "../../../core/policy/policy.js";
import { policyFromYaml } from "../policy/policy-from-yaml.js";

/** prod is a tier-1 environment holding a tier-0 component (k8s/secrets/**). */
export const POLICY_YAML = `tiers:
  tier0: { level: 0, max_age: 24h, approvals: 2, request_ttl: 4h }
  tier1: { level: 1, max_age: 72h, approvals: 1, request_ttl: 24h }
environments:
  prod: { tier: tier1 }
  vault: { tier: tier0 }
components:
  - { name: secrets, paths: ["k8s/secrets/**"], tier: tier0 }
  - { name: api, paths: ["k8s/api/**"] }
roles:
  restorers: ["@acme/sre"]
  approvers: ["@acme/sre-leads"]
`;

export function lifecyclePolicy(extra = ""): Promise<Policy> {
  return policyFromYaml(`${POLICY_YAML}${extra}`);
}

export const NOW = new Date("2026-12-01T10:00:00Z");
export const ALICE = { id: 101, login: "alice" };
export const BOB = { id: 102, login: "bob" };
export const CAROL = { id: 103, login: "carol" };
export const DEPENDABOT = { id: 49699333, login: "dependabot[bot]" };
export const SNAP = "a".repeat(64);
export const FILES = ["k8s/api/deploy.yaml", "k8s/secrets/db.yaml"];
export const ELIGIBLE: EligibilityFacts = { permission: "write", bot: false, inRole: true };

export function command(
  name: string,
  changes: Partial<Omit<CommentCommand, "name">> = {},
): CommentCommand {
  return {
    name,
    args: {},
    environment: null,
    paths: [],
    reason: null,
    dryRun: false,
    ...changes,
  };
}

export function minutesLater(minutes: number): Date {
  return new Date(NOW.getTime() + minutes * 60_000);
}
