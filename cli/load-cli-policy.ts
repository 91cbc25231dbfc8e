import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { SnapgateError } from "../core/errors.js";
import { DEFAULT_POLICY_PATH } from "../core/policy/default-policy-path.js";
import type { Policy } from "../core/policy/policy.js";
import { stringValue, type CliContext, type ParsedArgs } from "./command.js";

export const POLICY_OPTION = { policy: { type: "string" as const } };

export const POLICY_HELP =
  "--policy FILE         the policy (default: .github/snapgate.yml under the root, when it exists)";

export interface CliPolicy {
  policy: Policy;
  /** The entry file as given or found, for messages. */
  file: string;
}

/**
 * `--policy FILE` (relative to the working directory), else
 * `.github/snapgate.yml` under the repository root when it exists, else none.
 * Paths the policy names (consistency files, globs) are relative to the root.
 */
export async function loadCliPolicy(
  args: ParsedArgs,
  context: CliContext,
  root: string,
): Promise<CliPolicy | null> {
  const given = stringValue(args, "policy");
  if (given === undefined && !existsSync(resolve(root, DEFAULT_POLICY_PATH))) return null;
  // The CLI reads only the entry file (an _extends names another repository), so its
  // path is resolved where the user wrote it: the working directory for --policy.
  const base = given === undefined ? root : context.cwd;
  const path = given ?? DEFAULT_POLICY_PATH;
  // The policy loader (YAML, the schema) is loaded only when there is a policy.
  const [{ loadPolicy }, { localPolicySource }] = await Promise.all([
    import("../core/policy/load-policy.js"),
    import("../core/policy/local-policy-source.js"),
  ]);
  const policy = await loadPolicy(localPolicySource(base), { path });
  return { policy, file: path };
}

/** Like loadCliPolicy, for commands that cannot work without a policy. */
export async function requireCliPolicy(
  args: ParsedArgs,
  context: CliContext,
  root: string,
  command: string,
): Promise<CliPolicy> {
  const loaded = await loadCliPolicy(args, context, root);
  if (!loaded) {
    throw new SnapgateError(
      "CONFIG",
      `This command needs the policy, and there is no ${DEFAULT_POLICY_PATH} under ${root}.`,
      {
        fix: `Run \`snapgate ${command}\` in the repository (or pass --root DIR), or name the policy with --policy FILE.`,
      },
    );
  }
  return loaded;
}
