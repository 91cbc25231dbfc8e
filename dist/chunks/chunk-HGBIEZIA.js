import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  policyEnvironment
} from "./chunk-RC7TVD34.js";
import {
  TEMP_PREFIX
} from "./chunk-JWTYLVV3.js";
import {
  computeBlobId
} from "./chunk-KKUHDW3D.js";
import {
  compileGlobs,
  normalisePath,
  require_picomatch
} from "./chunk-PA7UVKRQ.js";
import {
  SnapgateError
} from "./chunk-6KERQ4ZL.js";
import {
  __toESM
} from "./chunk-HPEAIKBF.js";

// core/policy/looks-like-secret.ts
var SECRET_NAMES = [
  /^\.env$/,
  /^\.env\.(?!example$|sample$|template$|dist$|defaults$)[^/]+$/,
  /\.env$/,
  /\.(pem|key|p12|pfx|jks|keystore|ppk|tfstate|tfstate\.backup|tfvars|ovpn)$/,
  /^id_(rsa|dsa|ecdsa|ed25519)$/,
  /^(kubeconfig|.*\.kubeconfig)$/,
  /^credentials(\.(json|ya?ml|xml|ini|csv))?$/,
  /^.*credentials.*\.json$/,
  /^.*service[-_]?account.*\.json$/,
  /^(\.netrc|_netrc|\.npmrc|\.pypirc|\.git-credentials|\.htpasswd|\.pgpass|\.my\.cnf|\.s3cfg)$/,
  /^secrets?(\.[a-z0-9]+)*\.(ya?ml|json|env|txt|ini|toml)$/,
  /\.secrets?$/,
  /^.*\.(agekey|age-identity)$/
];
var SECRET_PATHS = [
  /(^|\/)\.kube\/config$/,
  /(^|\/)\.docker\/config\.json$/,
  /(^|\/)\.aws\/credentials$/,
  /(^|\/)\.ssh\/[^/]+$/
];
var PUBLIC_EXCEPTIONS = /\.pub$/;
function looksLikeSecret(path) {
  const lower = path.toLowerCase();
  const name = lower.split("/").pop() ?? lower;
  if (PUBLIC_EXCEPTIONS.test(name) || name === "known_hosts") return false;
  return SECRET_NAMES.some((pattern) => pattern.test(name)) || SECRET_PATHS.some((pattern) => pattern.test(lower));
}

// core/policy/classify-path.ts
function classifyPath(policy, path, environment) {
  const normalised = normalisePath(path);
  const environmentTier = environment === void 0 ? null : policy.environments[environment]?.tier ?? null;
  let best = null;
  for (const component of policy.components) {
    if (environment !== void 0 && component.environments !== null && !component.environments.includes(environment)) {
      continue;
    }
    if (!compileGlobs(component.paths)(normalised)) continue;
    const tier2 = component.tier ?? environmentTier;
    const level = tier2 === null ? Number.POSITIVE_INFINITY : policy.tiers[tier2]?.level ?? Number.POSITIVE_INFINITY;
    if (best === null || level < best.level) best = { component, level };
  }
  const secret = looksLikeSecret(normalised) || best?.component.secret === true;
  if (best === null) return { ...environmentTier ? { tier: environmentTier } : {}, secret };
  const tier = best.component.tier ?? environmentTier;
  return {
    component: best.component.name,
    ...tier ? { tier } : {},
    ...best.component.owner ? { owner: best.component.owner } : {},
    secret
  };
}

// core/policy/default-exclusions.ts
var DEFAULT_EXCLUSIONS = [
  // version control metadata
  "**/.git/**",
  "**/.hg/**",
  "**/.svn/**",
  // dependencies and tool caches
  "**/node_modules/**",
  "**/.terraform/**",
  "**/.terragrunt-cache/**",
  "**/__pycache__/**",
  "**/*.pyc",
  "**/.pytest_cache/**",
  "**/.mypy_cache/**",
  "**/.tox/**",
  "**/.venv/**",
  "**/.gradle/**",
  "**/.cache/**",
  "**/.next/**",
  "**/.nuxt/**",
  // build outputs
  "**/dist/**",
  "**/build/**",
  "**/coverage/**",
  // logs and editor or OS leftovers
  "**/*.log",
  "**/*.tmp",
  "**/*.swp",
  "**/*~",
  "**/.DS_Store",
  "**/Thumbs.db",
  // temporary credentials: short-lived and worthless (or harmful) to restore
  "**/tmp-credentials*",
  "**/.aws/cli/cache/**",
  "**/.aws/sso/cache/**",
  "**/.azure/msal_token_cache.*",
  "**/.config/gcloud/access_tokens.db",
  "**/.docker/.token_seed*"
];

// core/policy/is-excluded.ts
function isExcluded(policy, path) {
  const normalised = normalisePath(path);
  const rules = [...DEFAULT_EXCLUSIONS, ...policy.exclude];
  for (let index = rules.length - 1; index >= 0; index -= 1) {
    const rule = rules[index];
    const negated = rule.startsWith("!");
    if (compileGlobs([negated ? rule.slice(1) : rule])(normalised)) return !negated;
  }
  return false;
}

// core/policy/is-excluded-directory.ts
function isExcludedDirectory(policy, dir) {
  const normalised = normalisePath(dir);
  const rules = [...DEFAULT_EXCLUSIONS, ...policy.exclude];
  for (let index = rules.length - 1; index >= 0; index -= 1) {
    const rule = rules[index];
    if (rule.startsWith("!")) return false;
    if (rule.endsWith("/**") && compileGlobs([rule.slice(0, -3)])(normalised)) return true;
  }
  return false;
}

// core/policy/policy-scan-rules.ts
function policyScanRules(policy, environment) {
  return {
    isExcluded: (path) => isExcluded(policy, path),
    isExcludedDirectory: (path) => isExcludedDirectory(policy, path),
    classify: (path) => classifyPath(policy, path, environment)
  };
}

// core/policy/resolve-scan-paths.ts
function resolveScanPaths(given, policy, environment, what) {
  if (given.length > 0) return [...given];
  const fromPolicy = policy ? policyEnvironment(policy, environment).paths : null;
  if (fromPolicy && fromPolicy.length > 0) return [...fromPolicy];
  throw new SnapgateError("USAGE", `No paths to ${what} were given.`, {
    fix: `Name the files, directories or globs (e.g. deploy/${environment} terraform/${environment}), or list them once as environments.${environment}.paths in the policy.`
  });
}

// core/snapshot/diff-file-states.ts
function diffFileStates(before, after) {
  const old = new Map(before.map((file) => [file.path, file]));
  const diff = { added: [], removed: [], changed: [], unchanged: 0 };
  for (const file of after) {
    const previous = old.get(file.path);
    old.delete(file.path);
    if (!previous) {
      diff.added.push(file);
      continue;
    }
    const kinds = [];
    if (previous.type !== file.type) kinds.push("type");
    else if (file.type === "file") {
      if (previous.blob !== file.blob) kinds.push("content");
      if ((previous.mode ?? 0) !== (file.mode ?? 0)) kinds.push("mode");
    } else if (previous.target !== file.target) kinds.push("target");
    if (kinds.length > 0)
      diff.changed.push({ path: file.path, before: previous, after: file, kinds });
    else diff.unchanged += 1;
  }
  diff.removed = [...old.values()];
  return diff;
}
function isEmptyDiff(diff) {
  return diff.added.length === 0 && diff.removed.length === 0 && diff.changed.length === 0;
}

// core/snapshot/scan-tree.ts
import { readFileSync } from "node:fs";

// core/snapshot/collect-files.ts
var import_picomatch = __toESM(require_picomatch(), 1);
import { lstatSync, readdirSync, readlinkSync } from "node:fs";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
var GLOB_CHARS = /[*?[\]{}!]/;
function toPosix(path) {
  return sep === "/" ? path : path.split(sep).join("/");
}
function globBase(pattern) {
  const segments = pattern.split("/");
  const fixed = [];
  for (const segment of segments) {
    if (GLOB_CHARS.test(segment)) break;
    fixed.push(segment);
  }
  return fixed.join("/");
}
function symlinkOnTheWay(root, absolute) {
  let current = root;
  for (const segment of relative(root, absolute).split(sep).slice(0, -1)) {
    current = join(current, segment);
    try {
      if (lstatSync(current).isSymbolicLink()) return current;
    } catch {
      return void 0;
    }
  }
  return void 0;
}
async function collectFiles(options) {
  const root = resolve(options.root);
  const matchesExclude = (0, import_picomatch.default)(options.exclude?.length ? [...options.exclude] : ["\0"], {
    dot: true
  });
  const isExcluded2 = (path) => matchesExclude(path) || (options.isExcluded?.(path) ?? false);
  const skipDirectories = new Set((options.skipDirectories ?? []).map((dir) => resolve(dir)));
  const found = /* @__PURE__ */ new Map();
  const excluded = /* @__PURE__ */ new Set();
  const skipped = [];
  const insideRoot = (absolute, shown) => {
    const rel = relative(root, absolute);
    if (rel === ".." || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
      throw new SnapgateError("UNSAFE_PATH", `'${shown}' is outside the snapshot root ${root}.`, {
        fix: "Name paths inside the root (the working directory, or --root DIR)."
      });
    }
    return toPosix(rel);
  };
  const visit = async (absolute, matches, explicit) => {
    const rel = insideRoot(absolute, absolute);
    let info;
    try {
      info = lstatSync(absolute);
    } catch (error) {
      if (error.code === "ENOENT" && explicit) {
        throw new SnapgateError("NOT_FOUND", `'${rel || "."}' does not exist under ${root}.`, {
          fix: "Check the paths you asked to snapshot (they are relative to the root), or remove this one."
        });
      }
      throw error;
    }
    if (info.isDirectory()) {
      if (skipDirectories.has(absolute)) return;
      if (rel !== "" && options.isExcludedDirectory?.(rel)) {
        excluded.add(`${rel}/`);
        return;
      }
      const entries = readdirSync(absolute);
      entries.sort();
      for (const name of entries) {
        if (name.startsWith(TEMP_PREFIX)) continue;
        await visit(join(absolute, name), matches, false);
      }
      return;
    }
    if (rel === "" || !matches(rel)) return;
    if (isExcluded2(rel)) {
      excluded.add(rel);
      return;
    }
    if (info.isSymbolicLink()) {
      found.set(rel, {
        path: rel,
        absolute,
        type: "symlink",
        mode: 511,
        size: 0,
        target: readlinkSync(absolute)
      });
    } else if (info.isFile()) {
      found.set(rel, {
        path: rel,
        absolute,
        type: "file",
        mode: info.mode & 4095,
        size: info.size
      });
    } else {
      skipped.push({
        path: rel,
        reason: "not a regular file, directory or symlink (socket, FIFO or device)"
      });
    }
  };
  for (const pattern of options.patterns) {
    const normalized = toPosix(pattern).replace(/^\.\/+/, "").replace(/\/+$/, "") || ".";
    if (GLOB_CHARS.test(normalized)) {
      const matcher = (0, import_picomatch.default)(normalized, { dot: true });
      const base = globBase(normalized);
      const start = resolve(root, base || ".");
      if (symlinkOnTheWay(root, start)) continue;
      try {
        lstatSync(start);
      } catch {
        continue;
      }
      await visit(start, (path) => matcher(path), false);
    } else {
      const absolute = resolve(root, normalized);
      const link = symlinkOnTheWay(root, absolute);
      if (link) {
        throw new SnapgateError(
          "UNSAFE_PATH",
          `'${normalized}' is under the symlink '${toPosix(relative(root, link))}'.`,
          {
            fix: "Snapgate records a symlink as a link and never follows it: name the link itself, or the directory it points to as --root."
          }
        );
      }
      await visit(absolute, () => true, true);
    }
  }
  const files = [...found.values()].sort(
    (a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0
  );
  return { files, excluded: [...excluded].sort(), skipped };
}

// core/snapshot/scan-tree.ts
var DEFAULT_MAX_FILE_BYTES = 100 * 1024 * 1024;
var CONTENT_CACHE_BYTES = 64 * 1024 * 1024;
async function scanTree(options) {
  const progress = options.onProgress ?? (() => void 0);
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  progress({ stage: "scan", done: 0, total: 0 });
  const collected = await collectFiles({
    root: options.root,
    patterns: options.paths,
    exclude: options.exclude,
    isExcluded: options.isExcluded,
    isExcludedDirectory: options.isExcludedDirectory,
    skipDirectories: options.skipDirectories
  });
  progress({ stage: "scan", done: collected.files.length, total: collected.files.length });
  const tooLarge = collected.files.find((file) => file.type === "file" && file.size > maxFileBytes);
  if (tooLarge) {
    throw new SnapgateError(
      "TOO_LARGE",
      `${tooLarge.path} is ${(tooLarge.size / 1048576).toFixed(1)} MB; the limit is ${(maxFileBytes / 1048576).toFixed(0)} MB. Nothing was written.`,
      {
        fix: "Exclude it (exclude globs or the policy's exclude list): large artefacts are not configuration."
      }
    );
  }
  let cached = 0;
  const files = collected.files.map((file, index) => {
    const classification = options.classify?.(file.path) ?? {};
    if (file.type === "symlink") return { file, classification };
    const content = readFileSync(file.absolute);
    const blob = computeBlobId(options.macKey, content);
    const keep = options.keepContent !== false && cached + content.length <= CONTENT_CACHE_BYTES;
    if (keep) cached += content.length;
    progress({ stage: "hash", done: index + 1, total: collected.files.length });
    return { file, blob, classification, ...keep ? { content } : {} };
  });
  const states = files.map(({ file, blob, classification }) => {
    const component = classification.component ? { component: classification.component } : {};
    return file.type === "file" ? { path: file.path, type: "file", mode: file.mode, blob, ...component } : { path: file.path, type: "symlink", target: file.target, ...component };
  });
  return {
    files,
    states,
    uniqueIds: [...new Set(files.flatMap(({ blob }) => blob ? [blob] : []))],
    bytes: files.reduce((sum, { file }) => sum + file.size, 0),
    excluded: collected.excluded,
    skipped: collected.skipped
  };
}

export {
  looksLikeSecret,
  resolveScanPaths,
  diffFileStates,
  isEmptyDiff,
  collectFiles,
  scanTree,
  classifyPath,
  isExcluded,
  isExcludedDirectory,
  policyScanRules
};
