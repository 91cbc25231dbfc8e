import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  writeOpenedTempFile
} from "./chunk-MXRMIS4K.js";
import {
  CryptoPool
} from "./chunk-3MAZDW4B.js";
import {
  TEMP_PREFIX,
  flushFiles,
  fsyncDirectory
} from "./chunk-JWTYLVV3.js";
import {
  assertBlobIntact,
  forEachBlobWindow,
  openVerifiedBlob,
  signatureProblem
} from "./chunk-DW7JLWHP.js";
import {
  JsonSchemaValidator,
  require_picomatch
} from "./chunk-PA7UVKRQ.js";
import {
  canonicalJson
} from "./chunk-K6O2D5MR.js";
import {
  loadSodium
} from "./chunk-XWJDV2JH.js";
import {
  sha256Hex
} from "./chunk-U2VA4CFL.js";
import {
  SnapgateError
} from "./chunk-6KERQ4ZL.js";
import {
  mapWithConcurrency
} from "./chunk-K3D2YTSH.js";
import {
  __toESM
} from "./chunk-HPEAIKBF.js";

// core/snapshot/restore-snapshot.ts
var import_picomatch = __toESM(require_picomatch(), 1);
import { lstat, mkdir, readdir, readFile, rename, symlink, unlink } from "node:fs/promises";
import { join, resolve } from "node:path";

// core/snapshot/check-restore-paths.ts
import { posix } from "node:path";
var MAX_SEGMENT_BYTES = 255;
function pathProblem(path) {
  if (typeof path !== "string" || path.length === 0) return "the path is empty";
  if (path.includes("\0")) return "the path contains a NUL byte";
  if (path.includes("\\")) return "the path contains a backslash";
  if (path.startsWith("/")) return "the path is absolute";
  if (/^[A-Za-z]:/.test(path)) return "the path starts with a drive letter";
  for (const segment of path.split("/")) {
    if (segment === "") return "the path has an empty segment (// or a trailing /)";
    if (segment === "." || segment === "..") return `the path has a '${segment}' segment`;
    if (Buffer.byteLength(segment) > MAX_SEGMENT_BYTES)
      return "a path segment is longer than 255 bytes";
  }
  return void 0;
}
function foldKey(path) {
  return path.normalize("NFC").toLowerCase();
}
function findUnsafeRestorePaths(files) {
  const problems = [];
  const seen = /* @__PURE__ */ new Map();
  const kinds = /* @__PURE__ */ new Map();
  for (const file of files) {
    const problem = pathProblem(file.path);
    if (problem) {
      problems.push({ path: file.path, reason: problem });
      continue;
    }
    const key = foldKey(file.path);
    const earlier = seen.get(key);
    if (earlier !== void 0) {
      problems.push({
        path: file.path,
        reason: `it collides with '${earlier}' on case-insensitive file systems`
      });
      continue;
    }
    seen.set(key, file.path);
    kinds.set(key, file.type);
  }
  for (const file of files) {
    if (pathProblem(file.path)) continue;
    const segments = foldKey(file.path).split("/");
    for (let i = 1; i < segments.length; i++) {
      const parent = segments.slice(0, i).join("/");
      const kind = kinds.get(parent);
      if (kind === "file")
        problems.push({
          path: file.path,
          reason: `its parent '${parent}' is a file in the same snapshot`
        });
      if (kind === "symlink")
        problems.push({
          path: file.path,
          reason: `it would be written through the symlink '${parent}'`
        });
    }
    if (file.type !== "symlink") continue;
    if (typeof file.target !== "string" || file.target === "" || file.target.includes("\0")) {
      problems.push({ path: file.path, reason: "the symlink target is empty or contains NUL" });
      continue;
    }
    if (file.target.startsWith("/")) {
      problems.push({
        path: file.path,
        reason: `the symlink points to the absolute path ${file.target}`
      });
      continue;
    }
    const resolved = posix.normalize(posix.join(posix.dirname(file.path), file.target));
    if (resolved === ".." || resolved.startsWith("../")) {
      problems.push({
        path: file.path,
        reason: `the symlink points outside the restore directory (${file.target})`
      });
      continue;
    }
    const hops = foldKey(resolved).split("/");
    for (let i = 1; i < hops.length; i++) {
      if (kinds.get(hops.slice(0, i).join("/")) === "symlink") {
        problems.push({
          path: file.path,
          reason: `the symlink's target passes through another symlink (${file.target})`
        });
        break;
      }
    }
  }
  return problems;
}
function assertSafeRestorePaths(files, where) {
  const problems = findUnsafeRestorePaths(files);
  const first = problems[0];
  if (first) {
    throw new SnapgateError(
      "UNSAFE_PATH",
      `Refusing to restore ${where}: '${first.path.replace(/\0/g, "\\0")}' is unsafe (${first.reason})${problems.length > 1 ? ` and ${problems.length - 1} more` : ""}. Nothing was written.`,
      {
        fix: "This manifest was crafted or written by a faulty writer; do not restore it. Check who can write the store, and restore an earlier snapshot.",
        details: { problems }
      }
    );
  }
}

// core/crypto/create-opener.ts
async function createFileOpener(opener, options) {
  const pool = await CryptoPool.start(
    options.workerUrl,
    { identities: opener.secretKeys() },
    options.expectedBlobs
  );
  if (pool) {
    return {
      async openInto(ciphertext, encoding, context, target, mode, size) {
        const reply = await pool.request({
          kind: "open",
          ciphertext,
          encoding,
          context,
          writeBeside: target,
          mode,
          size
        });
        return reply.tempPath;
      },
      close: () => pool.close(),
      mode: "pool"
    };
  }
  return {
    async openInto(ciphertext, encoding, context, target, mode, size) {
      const content = await opener.open(ciphertext, encoding, context);
      return writeOpenedTempFile(target, content, mode, size, context);
    },
    close: async () => void 0,
    mode: "thread"
  };
}

// core/snapshot/restore-snapshot.ts
function safeMode(mode) {
  return mode & 511;
}
async function isEmptyOrMissing(dir) {
  try {
    const info = await lstat(dir);
    if (info.isSymbolicLink() || !info.isDirectory()) {
      throw new SnapgateError(
        "UNSAFE_PATH",
        `The restore target ${dir} is not a directory${info.isSymbolicLink() ? " (it is a symlink)" : ""}.`,
        {
          fix: "Restore into a new directory (--to DIR)."
        }
      );
    }
    return (await readdir(dir)).length === 0;
  } catch (error) {
    if (error.code === "ENOENT") return true;
    throw error;
  }
}
var DirectoryGuard = class {
  constructor(root) {
    this.root = root;
  }
  root;
  verified = /* @__PURE__ */ new Set();
  async ensureParents(relative) {
    const segments = relative.split("/");
    let current = this.root;
    for (const segment of segments.slice(0, -1)) {
      current = join(current, segment);
      if (this.verified.has(current)) continue;
      try {
        const info = await lstat(current);
        if (!info.isDirectory() || info.isSymbolicLink()) {
          throw new SnapgateError(
            "UNSAFE_PATH",
            `Refusing to write ${relative}: ${current} is ${info.isSymbolicLink() ? "a symlink" : "not a directory"}.`,
            {
              fix: "Restore into an empty directory, or remove what is in the way."
            }
          );
        }
      } catch (error) {
        if (error.code !== "ENOENT") throw error;
        await mkdir(current, { mode: 493 }).catch((mkdirError) => {
          if (mkdirError.code !== "EEXIST") throw mkdirError;
        });
      }
      this.verified.add(current);
    }
    return join(this.root, ...segments);
  }
  directories() {
    return [this.root, ...this.verified];
  }
};
async function readExisting(path) {
  try {
    const info = await lstat(path);
    if (!info.isFile()) return null;
    return await readFile(path);
  } catch {
    return null;
  }
}
async function restoreSnapshot(options) {
  const { manifest, id } = options.snapshot;
  const where = `snapshot ${manifest.stream}@${manifest.seq} (${id.slice(0, 12)})`;
  if (!options.skipSignatureCheck) {
    const problem = signatureProblem(await loadSodium(), manifest, options.trustedKeys, where);
    if (problem)
      throw new SnapgateError("INTEGRITY", `${problem.message} Nothing was restored.`, {
        fix: problem.fix
      });
  }
  assertSafeRestorePaths(manifest.files, where);
  const included = selectFiles(manifest, options.include);
  const target = resolve(options.target);
  if (!options.dryRun && !options.overwrite && !await isEmptyOrMissing(target)) {
    throw new SnapgateError("USAGE", `The restore target ${target} is not empty.`, {
      fix: "Restore into a new or empty directory, or pass --force to replace the snapshot's files in place (other files are left alone)."
    });
  }
  if (!options.dryRun) await mkdir(target, { recursive: true, mode: 493 });
  const guard = new DirectoryGuard(target);
  const regular = included.filter((file) => file.type === "file");
  const links = included.filter((file) => file.type === "symlink");
  const plan = [];
  const pending = [];
  let done = 0;
  let bytes = 0;
  const opening = options.dryRun ? void 0 : createFileOpener(options.opener, {
    ...options.workerUrl ? { workerUrl: options.workerUrl } : {},
    expectedBlobs: regular.length
  });
  opening?.catch(() => void 0);
  try {
    if (!options.dryRun) for (const file of included) await guard.ensureParents(file.path);
  } catch (error) {
    await opening?.then(
      (opener) => opener.close(),
      () => void 0
    );
    throw error;
  }
  if (options.dryRun) {
    await forEachBlobWindow(options.store, regular, async (file, ciphertext) => {
      const content = await openVerifiedBlob(
        options.store,
        options.opener,
        manifest,
        file,
        where,
        ciphertext
      );
      bytes += content.length;
      const existing = await readExisting(join(target, ...file.path.split("/")));
      plan.push({
        path: file.path,
        action: existing === null ? "create" : existing.equals(content) ? "unchanged" : "update"
      });
      options.onProgress?.(++done, included.length);
    });
  } else {
    const files = await opening;
    try {
      await forEachBlobWindow(
        options.store,
        regular,
        async (file, ciphertext) => {
          assertBlobIntact(ciphertext, file, where, options.store.location);
          const path = await guard.ensureParents(file.path);
          const context = { describe: `${file.path} in ${where}`, recipients: manifest.recipients };
          const temp = await files.openInto(
            ciphertext,
            file.encoding,
            context,
            path,
            safeMode(file.mode),
            file.size
          );
          pending.push({ temp, target: path });
          bytes += file.size;
          plan.push({ path: file.path, action: "create" });
          options.onProgress?.(++done, included.length);
        },
        8
      );
    } catch (error) {
      await Promise.all(pending.map(({ temp }) => unlink(temp).catch(() => void 0)));
      throw error;
    } finally {
      await files.close();
    }
  }
  if (!options.dryRun) {
    await flushFiles(
      target,
      pending.map((p) => p.temp)
    );
    await mapWithConcurrency(
      pending,
      16,
      ({ temp, target: destination }) => rename(temp, destination)
    );
  }
  for (const link of links) {
    if (link.type !== "symlink") continue;
    if (!options.dryRun) {
      const destination = await guard.ensureParents(link.path);
      const temp = join(destination, "..", `${TEMP_PREFIX}link-${done}`);
      await unlink(temp).catch(() => void 0);
      await symlink(link.target, temp);
      await rename(temp, destination);
    }
    plan.push({ path: link.path, action: "create" });
    options.onProgress?.(++done, included.length);
  }
  if (!options.dryRun) await Promise.all(guard.directories().map((dir) => fsyncDirectory(dir)));
  plan.sort((a, b) => a.path < b.path ? -1 : 1);
  return {
    id,
    stream: manifest.stream,
    seq: manifest.seq,
    target,
    dryRun: options.dryRun ?? false,
    files: regular.length,
    symlinks: links.length,
    bytes,
    plan
  };
}
function selectFiles(manifest, include) {
  if (!include?.length) return manifest.files;
  const matches = (0, import_picomatch.default)([...include], { dot: true });
  const selected = manifest.files.filter((file) => matches(file.path));
  if (selected.length === 0) {
    throw new SnapgateError(
      "NOT_FOUND",
      `No file of the snapshot matches --include ${include.join(" ")}.`,
      {
        fix: "Check the globs against `snapgate show <snapshot>` (paths are relative, e.g. deploy/prod/**)."
      }
    );
  }
  return selected;
}

// schemas/request.schema.json
var request_schema_default = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://snapgate.dev/schemas/request.schema.json",
  title: "Snapgate request record (snapgate.request/v1)",
  description: "records/requests/<id>.json: a restore or forget request and the approvals it gathered. Each approval carries the request digest, which binds it to the action, the environment, exactly these snapshots (and paths), the policy digest, the requester and the expiry.",
  type: "object",
  additionalProperties: false,
  required: [
    "format",
    "id",
    "action",
    "subject",
    "digest",
    "requester",
    "createdAt",
    "expiresAt",
    "approvals",
    "state"
  ],
  properties: {
    format: { const: "snapgate.request/v1" },
    id: { $ref: "#/$defs/requestId" },
    action: { enum: ["forget", "restore"] },
    subject: {
      type: "object",
      additionalProperties: false,
      required: ["environment", "snapshots", "policyDigest"],
      properties: {
        environment: { type: "string", pattern: "^[a-z0-9][a-z0-9._-]{0,62}$" },
        snapshots: {
          type: "array",
          minItems: 1,
          maxItems: 1e4,
          uniqueItems: true,
          items: { type: "string", pattern: "^[0-9a-f]{64}$" }
        },
        paths: {
          description: "Restore only: globs of the paths to restore; absent = every path.",
          type: "array",
          items: { type: "string", minLength: 1, maxLength: 1e3 }
        },
        policyDigest: { oneOf: [{ type: "null" }, { $ref: "#/$defs/digest" }] }
      }
    },
    digest: { $ref: "#/$defs/digest" },
    requester: { $ref: "#/$defs/user" },
    reason: { type: "string", maxLength: 2e3 },
    createdAt: { type: "string", format: "date-time" },
    expiresAt: { type: "string", format: "date-time" },
    approvals: {
      type: "array",
      maxItems: 100,
      items: {
        type: "object",
        additionalProperties: false,
        required: ["user", "at", "digest"],
        properties: {
          user: { $ref: "#/$defs/user" },
          at: { type: "string", format: "date-time" },
          digest: { $ref: "#/$defs/digest" }
        }
      }
    },
    state: { enum: ["pending", "approved", "denied", "cancelled", "expired", "executed"] }
  },
  $defs: {
    requestId: { type: "string", pattern: "^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$" },
    digest: { type: "string", pattern: "^sha256:[0-9a-f]{64}$" },
    user: {
      description: "A GitHub user: the numeric id is the identity (logins can be renamed).",
      type: "object",
      additionalProperties: false,
      required: ["id", "login"],
      properties: {
        id: { type: "integer", minimum: 1 },
        login: { type: "string", pattern: "^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(\\[bot\\])?$" }
      }
    }
  }
};

// core/approvals/approval-request.ts
var REQUEST_FORMAT = "snapgate.request/v1";
var validator = new JsonSchemaValidator(request_schema_default);
function requestPath(id) {
  return `requests/${id}.json`;
}
async function readApprovalRequest(store, id) {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(id)) {
    throw new SnapgateError("USAGE", `'${id}' is not a request id.`, {
      fix: "Give the id of the approved request (letters, digits, '.', '_', '-'), as the app shows it."
    });
  }
  const bytes = await store.readRecord(requestPath(id));
  if (!bytes) {
    throw new SnapgateError("NOT_FOUND", `There is no request ${id} in ${store.location}.`, {
      fix: `Check the id; the app writes approved requests to records/${requestPath(id)}.`
    });
  }
  let value;
  try {
    value = JSON.parse(Buffer.from(bytes).toString("utf8"));
  } catch {
    value = void 0;
  }
  const checked = validator.check(value);
  if (!checked.ok) {
    const first = checked.problems.slice(0, 3).map((problem) => `${problem.instancePath} ${problem.message}`).join("; ");
    throw new SnapgateError(
      "INTEGRITY",
      `The request ${id} is not a valid ${REQUEST_FORMAT} record: ${first}.`,
      {
        fix: "Ask for a new request through the app; do not act on a damaged record.",
        details: { problems: checked.problems }
      }
    );
  }
  return checked.value;
}

// core/approvals/request-digest.ts
function requestDigest(request) {
  const subject = {
    ...request.subject,
    snapshots: [...request.subject.snapshots].sort()
  };
  return `sha256:${sha256Hex(
    canonicalJson({
      format: request.format,
      id: request.id,
      action: request.action,
      subject,
      requester: request.requester,
      createdAt: request.createdAt,
      expiresAt: request.expiresAt
    })
  )}`;
}

// core/approvals/check-approval.ts
function checkApproval(request, expected) {
  const problems = [];
  const digest = requestDigest(request);
  if (request.digest !== digest)
    problems.push("its digest does not match its contents (the record was altered after approval)");
  if (request.state !== "approved") problems.push(`its state is ${request.state}, not approved`);
  if (request.action !== expected.action)
    problems.push(`it asks to ${request.action}, not to ${expected.action}`);
  if (request.subject.environment !== expected.environment)
    problems.push(
      `it is for environment ${request.subject.environment}, not ${expected.environment}`
    );
  const asked = new Set(request.subject.snapshots);
  const wanted = new Set(expected.snapshots);
  const extra = [...asked].filter((id) => !wanted.has(id));
  const missing = [...wanted].filter((id) => !asked.has(id));
  if (missing.length > 0)
    problems.push(`it does not cover ${missing.length} snapshot(s): ${shortList(missing)}`);
  if (extra.length > 0)
    problems.push(
      `it names ${extra.length} snapshot(s) not being ${expected.action === "forget" ? "forgotten" : "restored"}: ${shortList(extra)}`
    );
  if (expected.paths !== void 0) {
    const askedPaths = new Set(request.subject.paths ?? []);
    const wantedPaths = new Set(expected.paths);
    const same = askedPaths.size === wantedPaths.size && [...wantedPaths].every((path) => askedPaths.has(path));
    if (!same)
      problems.push(`it covers ${describePaths(askedPaths)}, not ${describePaths(wantedPaths)}`);
  }
  if (request.subject.policyDigest !== expected.policyDigest)
    problems.push("it was approved under another version of the policy");
  const created = Date.parse(request.createdAt);
  const expires = Date.parse(request.expiresAt);
  const now = expected.now.getTime();
  if (!(now < expires)) problems.push(`it expired at ${request.expiresAt}`);
  if (now < created) problems.push(`it was created in the future (${request.createdAt})`);
  const counted = /* @__PURE__ */ new Map();
  for (const approval of request.approvals) {
    const at = Date.parse(approval.at);
    if (approval.user.id === request.requester.id) continue;
    if (approval.user.login.endsWith("[bot]")) continue;
    if (approval.digest !== digest) continue;
    if (at < created || at >= expires || at > now) continue;
    counted.set(approval.user.id, approval.user.login);
  }
  if (counted.size < expected.requiredApprovals) {
    problems.push(
      `it has ${counted.size} valid approval(s) by distinct users other than the requester; the tier needs ${expected.requiredApprovals}`
    );
  }
  if (problems.length > 0) {
    throw new SnapgateError(
      "POLICY",
      `Request ${request.id} does not allow this ${expected.action}: ${problems.join("; ")}.`,
      {
        fix: `Ask for a new ${expected.action} request through the app for exactly these snapshots, and have it approved by ${expected.requiredApprovals} other people.`,
        details: { request: request.id, problems }
      }
    );
  }
  return { approvers: [...counted.values()] };
}
function describePaths(paths) {
  return paths.size === 0 ? "every path" : `the paths ${[...paths].sort().join(" ")}`;
}
function shortList(ids) {
  return ids.slice(0, 3).map((id) => id.slice(0, 12)).join(", ") + (ids.length > 3 ? ", ..." : "");
}

export {
  restoreSnapshot,
  readApprovalRequest,
  checkApproval
};
