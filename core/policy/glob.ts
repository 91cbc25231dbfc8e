import { isSnapgateError } from "../errors.js";
import { compileGlob, MAX_GLOB_ALTERNATIVES } from "./compile-glob.js";

/**
 * Path globs of the policy, matched against repository-relative POSIX paths.
 * The syntax is checked here first, so a typo becomes an error with a fix
 * instead of a glob that silently matches nothing; matching (compileGlob)
 * takes time linear in the glob and the path, whatever they hold.
 */

export type PathMatcher = (path: string) => boolean;

const SPECIAL_AFTER_BACKSLASH = /[*?[\]{}()!,\\]/;

/** A message with its fix when the glob is malformed; null when it is fine. */
export function globSyntaxProblem(glob: string): { message: string; fix: string } | null {
  const shown = `'${glob}'`;
  if (glob.startsWith("/")) {
    return {
      message: `${shown} starts with /`,
      fix: "write paths relative to the repository root, without a leading /",
    };
  }
  if (glob.endsWith("/")) {
    return {
      message: `${shown} ends with /`,
      fix: `write '${glob}**' to match everything below the directory`,
    };
  }
  const segments = glob.split("/");
  for (const segment of segments) {
    if (segment === "")
      return { message: `${shown} has an empty path segment (//)`, fix: "remove the doubled /" };
    if (segment === "." || segment === "..") {
      return {
        message: `${shown} has a '${segment}' segment`,
        fix: "write the path from the repository root without . or ..",
      };
    }
    if (segment.includes("**") && segment !== "**") {
      return {
        message: `${shown}: ** must be a whole path segment`,
        fix: "write **/ or /** around it, or use * within one segment",
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
          fix: "separate directories with / (a backslash only escapes a glob character such as \\*)",
        };
      }
      i += 1;
      continue;
    }
    if (brackets > 0) {
      if (char === "]" && i > classStart + 1) {
        const body = glob.slice(classStart + 1, i);
        const range = /^!?(.)-(.)$/.exec(body);
        if (range && (range[1] as string) > (range[2] as string)) {
          return {
            message: `${shown} has the reversed range [${body}]`,
            fix: `write [${range[2]}-${range[1]}]`,
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
        fix: "escape it as \\] or add the opening [",
      };
    } else if (char === "{") braces += 1;
    else if (char === "}") {
      braces -= 1;
      if (braces < 0)
        return {
          message: `${shown} has a } without {`,
          fix: "escape it as \\} or add the opening {",
        };
    }
  }
  if (brackets > 0)
    return {
      message: `${shown} has a [ without ]`,
      fix: "close the character class with ] or escape the [ as \\[",
    };
  if (braces > 0)
    return {
      message: `${shown} has a { without }`,
      fix: "close the alternatives with } (e.g. *.{yml,yaml})",
    };
  try {
    compileGlob(glob);
  } catch (error) {
    if (!isSnapgateError(error)) throw error;
    return {
      message: `${shown} expands to more than ${MAX_GLOB_ALTERNATIVES} alternatives`,
      fix: "use fewer {a,b} groups in one glob, or split it into several globs",
    };
  }
  return null;
}

const cache = new Map<string, PathMatcher>();

/** Matches when any of the globs does. Dotfiles match like any other file. */
export function compileGlobs(globs: readonly string[]): PathMatcher {
  const key = JSON.stringify(globs);
  const cached = cache.get(key);
  if (cached) return cached;
  const matchers = globs.map(compileGlob);
  const matcher: PathMatcher = (path) => matchers.some((matches) => matches(path));
  if (cache.size > 500) cache.clear();
  cache.set(key, matcher);
  return matcher;
}

/** Repository-relative POSIX form: no ./ prefix. */
export function normalisePath(path: string): string {
  let result = path;
  while (result.startsWith("./")) result = result.slice(2);
  return result;
}
