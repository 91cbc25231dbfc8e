import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  formatPolicyRef
} from "./chunk-U3GCPU43.js";
import {
  SnapgateError
} from "./chunk-6KERQ4ZL.js";

// core/policy/local-policy-source.ts
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
function localPolicySource(base) {
  let lastRead = "";
  return {
    async read(ref) {
      if (ref.repo !== void 0) {
        const named = formatPolicyRef(ref, {});
        throw new SnapgateError(
          "CONFIG",
          `${lastRead || "The policy"} extends ${named} (_extends), another repository: resolving it needs GitHub, and the CLI and the actions read only the local checkout.`,
          {
            fix: `The Snapgate app resolves _extends from the default branch. To use the CLI or the actions, copy the keys you inherit from ${named} into ${lastRead || "the policy"} and remove _extends there, or name a policy file that has no _extends (--policy, or the actions' policy input).`,
            details: { problems: [], extends: named }
          }
        );
      }
      try {
        const text = await readFile(resolve(base, ref.path), "utf8");
        lastRead = ref.path;
        return text;
      } catch (error) {
        const code = error.code;
        if (code === "ENOENT" || code === "ENOTDIR") return null;
        throw new SnapgateError(
          "CONFIG",
          `Cannot read the policy ${ref.path}: ${code ?? "error"}.`,
          {
            fix: "Check the file's permissions, or name another policy file.",
            cause: error
          }
        );
      }
    }
  };
}

export {
  localPolicySource
};
