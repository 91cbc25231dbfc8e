import { resolve } from "node:path";
import { decideGate } from "../../core/gate/decide-gate.js";
import type { GateDecision } from "../../core/gate/gate-decision.js";
import { gatherGateFacts } from "../../core/gate/gather-gate-facts.js";
import { policyErrorDecision } from "../../core/gate/policy-error-decision.js";
import { renderGateText } from "../../core/gate/render-gate-text.js";
import type { Policy } from "../../core/policy/policy.js";
import { flag, requireValue, stringValue, type Command } from "../command.js";
import { POLICY_HELP, POLICY_OPTION, requireCliPolicy } from "../load-cli-policy.js";
import { openStore, STORE_OPTION } from "../open-store.js";
import { json } from "../output.js";

export const checkCommand: Command = {
  name: "check",
  summary:
    "The release gate: does the environment have a fresh, signed, complete, covered and consistent backup",
  usage: "snapgate check --store STORE --env ENV [--policy FILE] [--root DIR] [--json]",
  help: [
    "--env ENV             the environment to gate",
    POLICY_HELP,
    "--root DIR            where .github/snapgate.yml is looked for (default: the working directory)",
    "conditions: snapshot, signature, chain, blobs, freshness, coverage, consistency, exceptions, restore-verification, drill (see docs/policy.md)",
    "exit codes: 0 every condition passes, 1 any fails or is unknown (also an invalid policy)",
  ],
  json: 'the decision: `{environment, conclusion: "success"|"failure", summary, conditions: [{name, state: "pass"|"fail"|"unknown", detail, fix, paths?, locations?}]}`; `locations` (an invalid policy) is `[{file, line, message}]`',
  options: { ...STORE_OPTION, ...POLICY_OPTION, env: { type: "string" }, root: { type: "string" } },
  async run(args, context) {
    const env = requireValue(args, "env", this, "Name the environment to gate, e.g. --env prod.");
    const store = await openStore(args, context);
    const root = resolve(context.cwd, stringValue(args, "root") ?? ".");
    let loaded: Policy | GateDecision;
    try {
      loaded = (await requireCliPolicy(args, context, root, "check")).policy;
    } catch (error) {
      // An unusable policy is a failing gate that says how to fix the policy, as in the app.
      loaded = policyErrorDecision(env, error);
    }
    // A wrong --store is a usage mistake here, not a failing gate.
    await store.assertExists();
    const decision =
      "conclusion" in loaded
        ? loaded
        : decideGate(await gatherGateFacts(store, loaded, env, new Date()));
    context.stdout(flag(args, "json") ? json(decision) : renderGateText(decision));
    return decision.conclusion === "success" ? 0 : 1;
  },
};
