import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  require_picomatch
} from "./chunk-MWA4TWMP.js";
import {
  __toESM
} from "./chunk-HPEAIKBF.js";

// core/policy/glob.ts
var import_picomatch = __toESM(require_picomatch(), 1);
var SPECIAL_AFTER_BACKSLASH = /[*?[\]{}()!,\\]/;
function globSyntaxProblem(glob) {
  const shown = `'${glob}'`;
  if (glob.startsWith("/")) {
    return {
      message: `${shown} starts with /`,
      fix: "write paths relative to the repository root, without a leading /"
    };
  }
  if (glob.endsWith("/")) {
    return {
      message: `${shown} ends with /`,
      fix: `write '${glob}**' to match everything below the directory`
    };
  }
  const segments = glob.split("/");
  for (const segment of segments) {
    if (segment === "")
      return { message: `${shown} has an empty path segment (//)`, fix: "remove the doubled /" };
    if (segment === "." || segment === "..") {
      return {
        message: `${shown} has a '${segment}' segment`,
        fix: "write the path from the repository root without . or .."
      };
    }
    if (segment.includes("**") && segment !== "**") {
      return {
        message: `${shown}: ** must be a whole path segment`,
        fix: "write **/ or /** around it, or use * within one segment"
      };
    }
  }
  let brackets = 0;
  let braces = 0;
  let classStart = -1;
  for (let i = 0; i < glob.length; i += 1) {
    const char = glob[i];
    if (char === "\\") {
      if (!SPECIAL_AFTER_BACKSLASH.test(glob[i + 1] ?? "")) {
        return {
          message: `${shown} has a backslash`,
          fix: "separate directories with / (a backslash only escapes a glob character such as \\*)"
        };
      }
      i += 1;
      continue;
    }
    if (brackets > 0) {
      if (char === "]" && i > classStart + 1) {
        const body = glob.slice(classStart + 1, i);
        const range = /^!?(.)-(.)$/.exec(body);
        if (range && range[1] > range[2]) {
          return {
            message: `${shown} has the reversed range [${body}]`,
            fix: `write [${range[2]}-${range[1]}]`
          };
        }
        brackets = 0;
      }
      continue;
    }
    if (char === "[") {
      brackets = 1;
      classStart = i;
    } else if (char === "]") {
      return {
        message: `${shown} has a ] without [`,
        fix: "escape it as \\] or add the opening ["
      };
    } else if (char === "{") braces += 1;
    else if (char === "}") {
      braces -= 1;
      if (braces < 0)
        return {
          message: `${shown} has a } without {`,
          fix: "escape it as \\} or add the opening {"
        };
    }
  }
  if (brackets > 0)
    return {
      message: `${shown} has a [ without ]`,
      fix: "close the character class with ] or escape the [ as \\["
    };
  if (braces > 0)
    return {
      message: `${shown} has a { without }`,
      fix: "close the alternatives with } (e.g. *.{yml,yaml})"
    };
  return null;
}
var cache = /* @__PURE__ */ new Map();
function compileGlobs(globs) {
  const key = JSON.stringify(globs);
  const cached = cache.get(key);
  if (cached) return cached;
  const matcher = globs.length === 0 ? () => false : (0, import_picomatch.default)([...globs], { dot: true, nonegate: true });
  if (cache.size > 500) cache.clear();
  cache.set(key, matcher);
  return matcher;
}
function normalisePath(path) {
  let result = path;
  while (result.startsWith("./")) result = result.slice(2);
  return result;
}

export {
  globSyntaxProblem,
  compileGlobs,
  normalisePath
};
