import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  TEMP_PREFIX
} from "./chunk-WHUW7ABC.js";
import {
  require_picomatch
} from "./chunk-MWA4TWMP.js";
import {
  SnapgateError
} from "./chunk-6KERQ4ZL.js";
import {
  __toESM
} from "./chunk-HPEAIKBF.js";

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
  const isExcluded = (path) => matchesExclude(path) || (options.isExcluded?.(path) ?? false);
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
  const visit = async (absolute, matches, explicit, knownRel) => {
    const rel = knownRel ?? insideRoot(absolute, absolute);
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
      const prefix = absolute.endsWith(sep) ? absolute : `${absolute}${sep}`;
      for (const name of entries) {
        if (name.startsWith(TEMP_PREFIX)) continue;
        await visit(`${prefix}${name}`, matches, false, rel === "" ? name : `${rel}/${name}`);
      }
      return;
    }
    if (rel === "" || !matches(rel)) return;
    if (isExcluded(rel)) {
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
        size: info.size,
        stamp: { size: info.size, mtimeMs: info.mtimeMs, ctimeMs: info.ctimeMs, ino: info.ino }
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

export {
  looksLikeSecret,
  collectFiles
};
