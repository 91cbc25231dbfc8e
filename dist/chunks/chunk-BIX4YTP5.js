import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  stringValue
} from "./chunk-6P64A6B4.js";
import {
  DEFAULT_POLICY_PATH
} from "./chunk-CU3A7CPO.js";
import {
  SnapgateError
} from "./chunk-6KERQ4ZL.js";

// cli/load-cli-policy.ts
import { existsSync } from "node:fs";
import { resolve } from "node:path";
var POLICY_OPTION = { policy: { type: "string" } };
var POLICY_HELP = "--policy FILE         the policy (default: .github/snapgate.yml under the root, when it exists)";
async function loadCliPolicy(args, context, root) {
  const given = stringValue(args, "policy");
  if (given === void 0 && !existsSync(resolve(root, DEFAULT_POLICY_PATH))) return null;
  const base = given === void 0 ? root : context.cwd;
  const path = given ?? DEFAULT_POLICY_PATH;
  const [{ loadPolicy }, { localPolicySource }] = await Promise.all([
    import("./load-policy-NFOMFU7M.js"),
    import("./local-policy-source-R4YKRIBU.js")
  ]);
  const policy = await loadPolicy(localPolicySource(base), { path });
  return { policy, file: path };
}
async function requireCliPolicy(args, context, root, command) {
  const loaded = await loadCliPolicy(args, context, root);
  if (!loaded) {
    throw new SnapgateError(
      "CONFIG",
      `This command needs the policy, and there is no ${DEFAULT_POLICY_PATH} under ${root}.`,
      {
        fix: `Run \`snapgate ${command}\` in the repository (or pass --root DIR), or name the policy with --policy FILE.`
      }
    );
  }
  return loaded;
}

export {
  POLICY_OPTION,
  POLICY_HELP,
  loadCliPolicy,
  requireCliPolicy
};
