import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  SnapgateError,
  isSnapgateError
} from "./chunk-6KERQ4ZL.js";

// core/policy/compile-glob.ts
var MAX_GLOB_ALTERNATIVES = 256;
function compileGlob(glob) {
  const alternatives = expandBraces(glob).map(
    (alternative) => alternative.split("/").map(parseSegment)
  );
  return (path) => {
    const segments = path.split("/");
    return alternatives.some((glob2) => matchSegments(glob2, segments));
  };
}
function expandBraces(glob) {
  const open = findBraceGroup(glob);
  if (!open) return [glob];
  const { start, end, parts } = open;
  const results = [];
  for (const part of parts) {
    for (const expanded of expandBraces(glob.slice(0, start) + part + glob.slice(end + 1))) {
      results.push(expanded);
      if (results.length > MAX_GLOB_ALTERNATIVES) {
        throw new SnapgateError(
          "CONFIG",
          `The glob '${glob}' expands to more than ${MAX_GLOB_ALTERNATIVES} alternatives.`,
          { fix: "Use fewer {a,b} groups in one glob, or split it into several globs." }
        );
      }
    }
  }
  return results;
}
function findBraceGroup(glob) {
  for (let start = 0; start < glob.length; start++) {
    const char = glob[start];
    if (char === "\\") {
      start++;
      continue;
    }
    if (char === "[") {
      start = classEnd(glob, start);
      continue;
    }
    if (char !== "{") continue;
    let depth = 0;
    const commas = [];
    for (let i = start; i < glob.length; i++) {
      const inner = glob[i];
      if (inner === "\\") i++;
      else if (inner === "[") i = classEnd(glob, i);
      else if (inner === "{") depth++;
      else if (inner === "," && depth === 1) commas.push(i);
      else if (inner === "}" && --depth === 0) {
        if (commas.length === 0) break;
        const bounds = [start, ...commas, i];
        const parts = bounds.slice(1).map((bound, k) => glob.slice(bounds[k] + 1, bound));
        return { start, end: i, parts };
      }
    }
  }
  return void 0;
}
function classEnd(glob, start) {
  let i = start + 1;
  if (glob[i] === "!" || glob[i] === "^") i++;
  if (glob[i] === "]") i++;
  for (; i < glob.length; i++) {
    if (glob[i] === "\\") i++;
    else if (glob[i] === "]") return i;
  }
  return start;
}
function parseSegment(text) {
  if (text === "**") return { globstar: true };
  const tokens = [];
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === "\\" && i + 1 < text.length) {
      tokens.push({ kind: "literal", char: text[++i] });
    } else if (char === "?") {
      tokens.push({ kind: "any" });
    } else if (char === "*") {
      if (tokens[tokens.length - 1]?.kind !== "star") tokens.push({ kind: "star" });
    } else if (char === "[" && classEnd(text, i) !== i) {
      const end = classEnd(text, i);
      tokens.push(parseClass(text.slice(i + 1, end)));
      i = end;
    } else {
      tokens.push({ kind: "literal", char });
    }
  }
  return { globstar: false, tokens };
}
function parseClass(body) {
  const negated = body.startsWith("!") || body.startsWith("^");
  const members = [];
  const rest = negated ? body.slice(1) : body;
  for (let i = 0; i < rest.length; i++) {
    members.push(
      rest[i] === "\\" && i + 1 < rest.length ? rest[++i] : rest[i]
    );
  }
  let chars = "";
  const ranges = [];
  for (let i = 0; i < members.length; i++) {
    const from = members[i];
    if (members[i + 1] === "-" && i + 2 < members.length) {
      ranges.push([from, members[i + 2]]);
      i += 2;
    } else chars += from;
  }
  return { kind: "class", negated, chars, ranges };
}
function tokenMatches(token, char) {
  switch (token.kind) {
    case "literal":
      return token.char === char;
    case "any":
      return true;
    case "class": {
      const inside = token.chars.includes(char) || token.ranges.some(([from, to]) => from <= char && char <= to);
      return inside !== token.negated;
    }
    case "star":
      return false;
  }
}
function matchSegment(tokens, text) {
  let t = 0;
  let c = 0;
  let starToken = -1;
  let starChar = 0;
  while (c < text.length) {
    const token = tokens[t];
    if (token && token.kind !== "star" && tokenMatches(token, text[c])) {
      t++;
      c++;
    } else if (token?.kind === "star") {
      starToken = t++;
      starChar = c;
    } else if (starToken !== -1) {
      t = starToken + 1;
      c = ++starChar;
    } else return false;
  }
  while (tokens[t]?.kind === "star") t++;
  return t === tokens.length;
}
function matchSegments(glob, path) {
  let reachable = new Array(path.length + 1).fill(false);
  reachable[0] = true;
  for (const segment of glob) {
    const next = new Array(path.length + 1).fill(false);
    if (segment.globstar) {
      let seen = false;
      for (let j = 0; j <= path.length; j++) {
        seen ||= reachable[j];
        next[j] = seen;
      }
    } else {
      for (let j = 0; j < path.length; j++) {
        if (reachable[j] && matchSegment(segment.tokens, path[j])) next[j + 1] = true;
      }
    }
    reachable = next;
  }
  return reachable[path.length];
}

// core/policy/glob.ts
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
  try {
    compileGlob(glob);
  } catch (error) {
    if (!isSnapgateError(error)) throw error;
    return {
      message: `${shown} expands to more than ${MAX_GLOB_ALTERNATIVES} alternatives`,
      fix: "use fewer {a,b} groups in one glob, or split it into several globs"
    };
  }
  return null;
}
var cache = /* @__PURE__ */ new Map();
function compileGlobs(globs) {
  const key = JSON.stringify(globs);
  const cached = cache.get(key);
  if (cached) return cached;
  const matchers = globs.map(compileGlob);
  const matcher = (path) => matchers.some((matches) => matches(path));
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
