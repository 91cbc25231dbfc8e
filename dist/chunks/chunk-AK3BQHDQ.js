import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  BlobSealer,
  writeSealedTempFile
} from "./chunk-AP3O3WC6.js";
import {
  classifyPath,
  diffFileStates,
  isEmptyDiff,
  isExcluded,
  looksLikeSecret,
  policyScanRules,
  resolveScanPaths,
  scanTree
} from "./chunk-HGBIEZIA.js";
import {
  CryptoPool,
  policyDigest
} from "./chunk-3MAZDW4B.js";
import {
  policyEnvironment
} from "./chunk-RC7TVD34.js";
import {
  computeBlobId
} from "./chunk-KKUHDW3D.js";
import {
  MANIFEST_FORMAT,
  PHASES,
  STREAM_PATTERN,
  catalogEntryOf,
  compileGlobs,
  inferValueFormat,
  normalisePath,
  parseManifest,
  require_dist,
  require_semver,
  signManifest,
  writerSigner
} from "./chunk-PA7UVKRQ.js";
import {
  canonicalJson,
  chainAuditEvents
} from "./chunk-K6O2D5MR.js";
import {
  loadSodium,
  parseRecipient
} from "./chunk-XWJDV2JH.js";
import {
  sha256Hex
} from "./chunk-U2VA4CFL.js";
import {
  SnapgateError,
  isSnapgateError
} from "./chunk-6KERQ4ZL.js";
import {
  mapWithConcurrency
} from "./chunk-K3D2YTSH.js";
import {
  __toESM
} from "./chunk-HPEAIKBF.js";

// core/policy/change-ticket/http-change-ticket-verifier.ts
function createHttpChangeTicketVerifier(endpoint, options = {}) {
  const fetchImpl = options.fetch ?? fetch;
  const now = options.now ?? (() => /* @__PURE__ */ new Date());
  const base = endpoint.url.replace(/\/+$/, "");
  let system;
  try {
    system = new URL(base).host;
  } catch {
    throw new SnapgateError("CONFIG", `The change system URL '${endpoint.url}' is not a URL.`, {
      fix: "Set change_tickets.endpoint.url to the full https:// address of the ticket lookup."
    });
  }
  return {
    async verify(changeId) {
      const refuse = (reason, message, fix) => ({ ok: false, changeId, reason, message, fix });
      const url = `${base}/${encodeURIComponent(changeId)}`;
      const headers = {
        accept: "application/json",
        "user-agent": "snapgate"
      };
      if (options.token) headers["authorization"] = `Bearer ${options.token}`;
      let response;
      try {
        response = await fetchImpl(url, {
          method: "GET",
          headers,
          redirect: "error",
          signal: AbortSignal.timeout(endpoint.timeoutMs)
        });
      } catch (error) {
        const name = error.name;
        if (name === "TimeoutError" || name === "AbortError") {
          return refuse(
            "timeout",
            `The change system at ${system} did not answer about ${changeId} within ${endpoint.timeoutMs} ms.`,
            "Retry when the change system is reachable, or raise change_tickets.endpoint.timeout."
          );
        }
        return refuse(
          "unreachable",
          `The change system at ${system} could not be reached (${error.message}).`,
          "Check change_tickets.endpoint.url and the network path from the runner, then retry."
        );
      }
      if (response.status === 404) {
        return refuse(
          "unknown-ticket",
          `The change system does not know ticket ${changeId}.`,
          "Check the change id, or raise the ticket before deploying."
        );
      }
      if (response.status === 401 || response.status === 403) {
        return refuse(
          "unauthorized",
          `The change system refused Snapgate's credentials (HTTP ${response.status}).`,
          "Set the token named by change_tickets.endpoint.token_env in the job's environment, with read access to tickets."
        );
      }
      if (response.status !== 200) {
        return refuse(
          "unreachable",
          `The change system answered HTTP ${response.status} for ${changeId}.`,
          "Retry later; if it persists, check the change system's health."
        );
      }
      let body;
      try {
        body = await response.json();
      } catch {
        return refuse(
          "bad-response",
          `The change system's answer about ${changeId} is not JSON.`,
          'The endpoint must answer {"approved": true|false, "state": "..."}; see docs/policy.md.'
        );
      }
      const answer = body;
      if (body === null || typeof body !== "object" || typeof answer.approved !== "boolean") {
        return refuse(
          "bad-response",
          `The change system's answer about ${changeId} has no boolean 'approved'.`,
          'The endpoint must answer {"approved": true|false, "state": "..."}; see docs/policy.md.'
        );
      }
      const state = typeof answer.state === "string" ? answer.state : answer.approved ? "approved" : "not approved";
      if (!answer.approved) {
        return refuse(
          "not-approved",
          `Change ${changeId} is not approved (state: ${state}).`,
          "Get the change approved before deploying, or use an approved ticket."
        );
      }
      if (answer.window !== void 0) {
        const start = typeof answer.window.start === "string" ? Date.parse(answer.window.start) : Number.NaN;
        const end = typeof answer.window.end === "string" ? Date.parse(answer.window.end) : Number.NaN;
        if (Number.isNaN(start) || Number.isNaN(end)) {
          return refuse(
            "bad-response",
            `The change window of ${changeId} is not two ISO 8601 times.`,
            `The endpoint's window must be {"start": ISO time, "end": ISO time}.`
          );
        }
        const time = now().getTime();
        if (time < start || time > end) {
          return refuse(
            "outside-window",
            `Change ${changeId} is approved for ${answer.window.start} to ${answer.window.end}, not now.`,
            "Deploy within the approved change window, or have the window moved."
          );
        }
      }
      return { ok: true, changeId, state, url: typeof answer.url === "string" ? answer.url : null };
    }
  };
}

// core/policy/change-ticket/change-ticket-verifier-from-env.ts
function changeTicketVerifierFromEnv(policy, env) {
  const endpoint = policy.changeTickets?.endpoint;
  if (!endpoint) return null;
  return {
    verify(changeId) {
      const token = endpoint.tokenEnv === null ? null : env[endpoint.tokenEnv];
      if (endpoint.tokenEnv !== null && !token) {
        throw new SnapgateError(
          "CONFIG",
          `The policy's change_tickets.endpoint.token_env names ${endpoint.tokenEnv}, which is not set.`,
          {
            fix: `Set ${endpoint.tokenEnv} to the change system's token in the snapshot job's environment.`
          }
        );
      }
      return createHttpChangeTicketVerifier(endpoint, { token }).verify(changeId);
    }
  };
}

// core/snapshot/create-snapshot.ts
import { readFileSync } from "node:fs";

// core/crypto/create-sealer.ts
async function createSealer(recipients, options) {
  const armor = options.armor ?? false;
  const local = await BlobSealer.create(recipients, { armor });
  const pool = await CryptoPool.start(
    options.workerUrl,
    { recipients: [...recipients], armor },
    options.expectedBlobs
  );
  if (pool) {
    return {
      async seal(plaintext, compress, writeInto) {
        const reply = await pool.request({
          kind: "seal",
          plaintext,
          compress,
          ...writeInto ? { writeInto } : {}
        });
        const sealed = reply.sealed;
        return {
          ...sealed,
          ciphertext: new Uint8Array(sealed.ciphertext),
          size: sealed.size ?? sealed.ciphertext.byteLength,
          ...typeof reply.tempPath === "string" ? { tempPath: reply.tempPath } : {}
        };
      },
      close: () => pool.close(),
      mode: "pool"
    };
  }
  return {
    async seal(plaintext, compress, writeInto) {
      const sealed = await local.seal(plaintext, compress);
      if (!writeInto) return { ...sealed, size: sealed.ciphertext.length };
      const tempPath = writeSealedTempFile(writeInto, sealed.ciphertext);
      return { ...sealed, ciphertext: new Uint8Array(0), size: sealed.ciphertext.length, tempPath };
    },
    close: async () => void 0,
    mode: "thread"
  };
}

// core/snapshot/create-snapshot.ts
var MAX_ATTEMPTS = 25;
var MIN_FILES_TO_PRESTART = 200;
function validateOptions(options) {
  if (!STREAM_PATTERN.test(options.stream)) {
    throw new SnapgateError("USAGE", `'${options.stream}' is not a valid environment name.`, {
      fix: "Use lower-case letters, digits, '.', '_' and '-' (at most 63 characters), e.g. prod or eu-staging."
    });
  }
  if (!PHASES.includes(options.phase)) {
    throw new SnapgateError("USAGE", `'${options.phase}' is not a snapshot phase.`, {
      fix: `Use one of ${PHASES.join(", ")}.`
    });
  }
  if (options.paths.length === 0) {
    throw new SnapgateError("USAGE", "No paths to snapshot were given.", {
      fix: "Name the files, directories or globs to back up, e.g. deploy/prod terraform/prod."
    });
  }
}
function normalizeMetadata(stream, metadata) {
  const result = {
    environment: stream,
    tags: [...new Set(metadata?.tags ?? [])].sort()
  };
  for (const [key, value] of Object.entries(metadata ?? {})) {
    if (key === "tags" || key === "environment" || value === void 0 || value === "") continue;
    result[key] = value;
  }
  return result;
}
function assertRecipients(recipients) {
  if (recipients.length === 0) {
    throw new SnapgateError("CONFIG", "No recipients to encrypt to.", {
      fix: "Pass --recipient age1... (or list keys.recipients in the policy); without one nobody could restore the backup."
    });
  }
  recipients.forEach((recipient) => parseRecipient(recipient));
}
async function prepare(options) {
  const progress = options.onProgress ?? (() => void 0);
  const tree = options.tree ?? await scanTree({
    root: options.root,
    paths: options.paths,
    exclude: options.exclude,
    isExcluded: options.isExcluded,
    isExcludedDirectory: options.isExcludedDirectory,
    skipDirectories: options.skipDirectories,
    macKey: options.writerKey.macKey,
    classify: options.classify,
    maxFileBytes: options.maxFileBytes,
    onProgress: progress
  });
  return {
    options,
    files: tree.files,
    states: tree.states,
    uniqueIds: tree.uniqueIds,
    base: {
      stream: options.stream,
      files: tree.files.length,
      bytes: tree.bytes,
      excluded: tree.excluded,
      skippedFiles: tree.skipped
    },
    progress
  };
}
async function stageMissingBlobs(prepared, view, sealers, counts) {
  const { options, files, progress } = prepared;
  const stored = await view.findBlobs(prepared.uniqueIds);
  const seen = /* @__PURE__ */ new Set();
  const missing = files.filter((entry) => {
    if (entry.blob === void 0 || stored.has(entry.blob) || seen.has(entry.blob)) return false;
    seen.add(entry.blob);
    return true;
  });
  let sealed = 0;
  await mapWithConcurrency(missing, 16, async (entry) => {
    const content = entry.content ?? readFileSync(entry.file.absolute);
    if (!entry.content && computeBlobId(options.writerKey.macKey, content) !== entry.blob) {
      throw new SnapgateError(
        "CONFLICT",
        `${entry.file.path} changed while the snapshot was being taken.`,
        {
          fix: "Run the snapshot again once whatever writes the configuration has finished."
        }
      );
    }
    sealers.current ??= createSealer(options.recipients, {
      workerUrl: options.sealWorkerUrl,
      expectedBlobs: missing.length,
      armor: options.store.armorBlobs
    });
    const id = entry.blob;
    const writeInto = view.adoptStagedBlob ? await view.blobStagingDirectory?.(id) : void 0;
    const blob = await (await sealers.current).seal(content, !entry.classification.secret, writeInto);
    const ref = { id, sha256: blob.sha256, encoding: blob.encoding };
    if (blob.tempPath && view.adoptStagedBlob) await view.adoptStagedBlob(ref, blob.tempPath);
    else await view.stageBlob({ ...ref, ciphertext: blob.ciphertext });
    stored.set(ref.id, ref);
    counts.newBlobs += 1;
    counts.bytesAdded += blob.size;
    delete entry.content;
    progress({ stage: "encrypt", done: ++sealed, total: missing.length });
  });
  return stored;
}
function fileEntries(files, stored) {
  return files.map(({ file, blob, classification }) => {
    const classes = {};
    if (classification.component) classes.component = classification.component;
    if (classification.tier) classes.tier = classification.tier;
    if (classification.owner) classes.owner = classification.owner;
    if (file.type === "symlink")
      return { type: "symlink", path: file.path, target: file.target ?? "", ...classes };
    const ref = stored.get(blob);
    return {
      type: "file",
      path: file.path,
      mode: file.mode,
      size: file.size,
      blob: ref.id,
      encoding: ref.encoding,
      ciphertextSha256: ref.sha256,
      ...classes
    };
  });
}
async function createSnapshot(options) {
  validateOptions(options);
  assertRecipients(options.recipients);
  let view = await beginWriteOrInitialize(options.store, options.stream);
  const sealers = {};
  try {
    const prepared = await prepare({
      ...options,
      onProgress: (progress) => {
        if (progress.stage === "scan" && progress.total >= MIN_FILES_TO_PRESTART && !view.head && !sealers.current) {
          sealers.current = createSealer(options.recipients, {
            workerUrl: options.sealWorkerUrl,
            expectedBlobs: progress.total,
            armor: options.store.armorBlobs
          });
          sealers.current.catch(() => void 0);
        }
        options.onProgress?.(progress);
      }
    });
    if (options.skipUnchanged && view.head) {
      const previous = parseManifest(
        await view.head.loadManifest(),
        `manifest ${options.stream}@${view.head.seq}`
      );
      const samePolicy = previous.policyDigest === (options.policyDigest ?? null);
      if (samePolicy && isEmptyDiff(diffFileStates(previous.files, prepared.states))) {
        return {
          ...prepared.base,
          skipped: true,
          id: view.head.sha256,
          seq: view.head.seq,
          previousId: view.head.sha256,
          newBlobs: 0,
          reusedBlobs: 0,
          bytesAdded: 0,
          manifest: previous,
          attempts: 1
        };
      }
    }
    const now = options.now ?? (() => /* @__PURE__ */ new Date());
    const counts = { newBlobs: 0, bytesAdded: 0 };
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const stored = await stageMissingBlobs(prepared, view, sealers, counts);
      const written = now();
      const body = {
        format: MANIFEST_FORMAT,
        stream: options.stream,
        seq: (view.head?.seq ?? 0) + 1,
        prev: view.head?.sha256 ?? null,
        phase: options.phase,
        time: (options.time ?? written).toISOString(),
        writtenAt: written.toISOString(),
        metadata: normalizeMetadata(options.stream, options.metadata),
        policyDigest: options.policyDigest ?? null,
        recipients: [...options.recipients],
        files: fileEntries(prepared.files, stored),
        ...options.consistency ? { consistency: options.consistency } : {},
        ...options.coverage ? { coverage: options.coverage } : {}
      };
      const manifest = signManifest(await loadSodium(), body, options.writerKey);
      const manifestBytes = new TextEncoder().encode(canonicalJson(manifest));
      const id = sha256Hex(manifestBytes);
      const audit = chainAuditEvents(view.auditHead, [
        snapshotAuditEvent(manifest, id, written, counts.newBlobs)
      ]);
      prepared.progress({ stage: "commit", done: 0, total: 1 });
      const outcome = await options.store.commitSnapshot({
        view,
        seq: body.seq,
        manifest: manifestBytes,
        blobs: [...stored.values()],
        catalogEntry: catalogEntryOf(manifest, id),
        auditLines: audit.lines,
        time: written
      });
      if (outcome === "committed") {
        prepared.progress({ stage: "commit", done: 1, total: 1 });
        return {
          ...prepared.base,
          skipped: false,
          id,
          seq: body.seq,
          previousId: view.head?.sha256 ?? null,
          newBlobs: counts.newBlobs,
          reusedBlobs: prepared.uniqueIds.length - counts.newBlobs,
          bytesAdded: counts.bytesAdded,
          manifest,
          attempts: attempt
        };
      }
      await new Promise(
        (resolve2) => setTimeout(resolve2, Math.random() * Math.min(200, 10 * attempt))
      );
      view = await options.store.beginWrite(options.stream, view);
    }
  } finally {
    if (sealers.current)
      await sealers.current.then(
        (sealer) => sealer.close(),
        () => void 0
      );
  }
  throw new SnapgateError(
    "CONFLICT",
    `Could not commit to ${options.store.location} after ${MAX_ATTEMPTS} attempts.`,
    {
      fix: "Too many writers raced for the same stream; run the snapshot again."
    }
  );
}
async function beginWriteOrInitialize(store, stream) {
  try {
    return await store.beginWrite(stream);
  } catch (error) {
    if (!isSnapgateError(error, "STORE_MISSING")) throw error;
    await store.initialize();
    return store.beginWrite(stream);
  }
}
function snapshotAuditEvent(manifest, id, time, newBlobs) {
  return {
    type: "snapshot.created",
    time,
    actor: {
      kind: "writer",
      key: manifest.signature.key,
      ...manifest.metadata.deployer ? { login: manifest.metadata.deployer } : {}
    },
    subject: { stream: manifest.stream, seq: manifest.seq, snapshot: id },
    details: {
      phase: manifest.phase,
      files: manifest.files.length,
      newBlobs,
      ...manifest.metadata.commit ? { commit: manifest.metadata.commit } : {},
      ...manifest.metadata.changeId ? { changeId: manifest.metadata.changeId } : {}
    }
  };
}

// core/snapshot/snapshot-under-policy.ts
import { readFile, realpath } from "node:fs/promises";
import { isAbsolute, relative, resolve } from "node:path";

// core/policy/change-ticket/check-change-ticket.ts
function checkChangeTicket(policy, input) {
  const tickets = policy.changeTickets;
  const changeId = input.changeId === null || input.changeId.trim() === "" ? null : input.changeId.trim();
  if (tickets === null) {
    return {
      required: false,
      ok: true,
      needsVerification: false,
      message: "The policy requires no change tickets.",
      fix: null
    };
  }
  const required = tickets.requiredFor[input.tier]?.includes(input.phase) ?? false;
  const example = `e.g. a ticket matching ${tickets.pattern}`;
  if (changeId === null) {
    return required ? {
      required,
      ok: false,
      needsVerification: false,
      message: `A change id is required for ${input.phase} snapshots of ${input.tier}.`,
      fix: `Pass the approved change ticket with --change-id (${example}).`
    } : {
      required,
      ok: true,
      needsVerification: false,
      message: `No change id is required for ${input.phase} snapshots of ${input.tier}.`,
      fix: null
    };
  }
  if (!new RegExp(tickets.pattern, "u").test(changeId)) {
    return {
      required,
      ok: false,
      needsVerification: false,
      message: `The change id '${changeId}' does not match ${tickets.pattern}.`,
      fix: `Give the ticket id exactly as the change system shows it (${example}).`
    };
  }
  const needsVerification = required && tickets.endpoint !== null;
  return {
    required,
    ok: true,
    needsVerification,
    message: needsVerification ? `Change id ${changeId} has the right form; the change system must confirm it.` : `Change id ${changeId} has the right form.`,
    fix: null
  };
}

// core/policy/change-ticket/enforce-change-ticket.ts
async function enforceChangeTicket(policy, input, verifier) {
  const check = checkChangeTicket(policy, input);
  const changeId = input.changeId === null || input.changeId.trim() === "" ? null : input.changeId.trim();
  if (!check.ok) {
    throw new SnapgateError("POLICY", check.message, {
      fix: check.fix ?? void 0,
      details: { tier: input.tier, phase: input.phase, changeId }
    });
  }
  if (!check.needsVerification || changeId === null)
    return { required: check.required, changeId, state: null };
  if (verifier === null) {
    throw new SnapgateError(
      "POLICY",
      `Change ${changeId} must be confirmed by the change system, but no verifier was given.`,
      {
        fix: "This is a wiring bug: build one with createHttpChangeTicketVerifier(policy.changeTickets.endpoint)."
      }
    );
  }
  const verdict = await verifier.verify(changeId);
  if (!verdict.ok) {
    throw new SnapgateError("POLICY", verdict.message, {
      fix: verdict.fix,
      details: { changeId, reason: verdict.reason }
    });
  }
  return { required: true, changeId, state: verdict.state };
}

// core/policy/consistency/evaluate-consistency.ts
var import_semver = __toESM(require_semver(), 1);

// core/policy/consistency/extract-value.ts
var import_yaml = __toESM(require_dist(), 1);

// core/policy/consistency/parse-env-file.ts
function parseEnvFile(text) {
  const variables = /* @__PURE__ */ new Map();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*)$/.exec(line);
    if (!match) continue;
    const value = match[2];
    let parsed;
    if (value.startsWith("'")) {
      const end = value.indexOf("'", 1);
      parsed = end === -1 ? value.slice(1) : value.slice(1, end);
    } else if (value.startsWith('"')) {
      const body = /^"((?:[^"\\]|\\.)*)"/.exec(value)?.[1] ?? value.slice(1);
      parsed = body.replace(/\\(.)/g, (_, char) => char === "n" ? "\n" : char);
    } else {
      parsed = value.replace(/\s+#.*$/, "").trim();
    }
    variables.set(match[1], parsed);
  }
  return variables;
}

// core/policy/consistency/value-path.ts
function parseValuePath(path) {
  const segments = [];
  let rest = path;
  let first = true;
  while (rest.length > 0) {
    const index = /^\[(\d+)\]/.exec(rest);
    const quoted = /^\["((?:[^"\\]|\\.)*)"\]/.exec(rest);
    const plain = first ? /^([^.[\]]+)/.exec(rest) : /^\.([^.[\]]+)/.exec(rest);
    if (index) {
      segments.push(Number(index[1]));
      rest = rest.slice(index[0].length);
    } else if (quoted) {
      segments.push(JSON.parse(`"${quoted[1]}"`));
      rest = rest.slice(quoted[0].length);
    } else if (plain) {
      segments.push(plain[1]);
      rest = rest.slice(plain[0].length);
    } else {
      return null;
    }
    first = false;
  }
  return segments.length > 0 ? segments : null;
}

// core/policy/consistency/extract-value.ts
function extractValue(bytes, ref) {
  const format = ref.format ?? inferValueFormat(ref.file);
  const where = ref.path === null ? ref.file : `${ref.file} ${ref.path}`;
  let text;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return {
      ok: false,
      message: `${ref.file} is not UTF-8 text`,
      fix: "point the rule at a text file"
    };
  }
  if (text.charCodeAt(0) === 65279) text = text.slice(1);
  if (format === "text") return { ok: true, value: text.trim(), where };
  if (ref.path === null) {
    return {
      ok: false,
      message: `no path given for ${ref.file} (read as ${format})`,
      fix: "add path: to the rule"
    };
  }
  if (format === "env") {
    const variables = parseEnvFile(text);
    const value = variables.get(ref.path);
    if (value === void 0) {
      return {
        ok: false,
        message: `${ref.file} has no variable ${ref.path}`,
        fix: `add ${ref.path}=... to ${ref.file} or correct the rule's path (variables there: ${[...variables.keys()].slice(0, 10).join(", ") || "none"})`
      };
    }
    return { ok: true, value: value.trim(), where };
  }
  const segments = parseValuePath(ref.path);
  if (segments === null) {
    return {
      ok: false,
      message: `'${ref.path}' is not a value path`,
      fix: 'write a dotted path such as db.schemaVersion or servers[0].port (["a.b"] for a key with dots)'
    };
  }
  if (format === "json") {
    try {
      JSON.parse(text);
    } catch (error) {
      return {
        ok: false,
        message: `${ref.file} is not valid JSON (${error.message})`,
        fix: `fix ${ref.file} or set format: to what it is`
      };
    }
  }
  const document = (0, import_yaml.parseDocument)(text, { prettyErrors: false });
  if (document.errors.length > 0) {
    return {
      ok: false,
      message: `${ref.file} is not valid YAML (${document.errors[0].message.split("\n")[0]})`,
      fix: `fix ${ref.file} or set format: to what it is`
    };
  }
  let node = document.contents;
  const walked = [];
  for (const segment of segments) {
    let next;
    if ((0, import_yaml.isMap)(node)) next = node.get(segment, true);
    else if ((0, import_yaml.isSeq)(node) && typeof segment === "number") next = node.items[segment];
    if (next === void 0) {
      const at = walked.length === 0 ? "the top level" : walked.join(".");
      const keys = (0, import_yaml.isMap)(node) ? node.items.map((pair) => String((0, import_yaml.isScalar)(pair.key) ? pair.key.value : pair.key)).slice(0, 10).join(", ") : (0, import_yaml.isSeq)(node) ? `${node.items.length} items` : "a plain value";
      return {
        ok: false,
        message: `${ref.file} has no ${ref.path} (stopped at ${String(segment)} under ${at}, which has: ${keys || "nothing"})`,
        fix: `add ${ref.path} to ${ref.file} or correct the rule's path`
      };
    }
    walked.push(segment);
    node = next;
  }
  if ((0, import_yaml.isScalar)(node)) {
    const scalar = node;
    if (scalar.value === null)
      return {
        ok: false,
        message: `${where} is empty`,
        fix: `give ${ref.path} a value in ${ref.file}`
      };
    const value = typeof scalar.value === "string" ? scalar.value : scalar.source ?? String(scalar.value);
    return { ok: true, value: value.trim(), where };
  }
  if (node === null)
    return {
      ok: false,
      message: `${where} is empty`,
      fix: `give ${ref.path} a value in ${ref.file}`
    };
  return {
    ok: false,
    message: `${where} is a ${(0, import_yaml.isSeq)(node) ? "list" : "mapping"}, not a single value`,
    fix: "point path at a single value (a string or number)"
  };
}

// core/policy/consistency/evaluate-consistency.ts
var OVERRIDE = "or snapshot with --allow-inconsistent to record the failure";
async function evaluateConsistency(policy, readFile2) {
  const outcomes = [];
  for (const rule of policy.consistency) outcomes.push(await evaluateRule(rule, readFile2));
  return outcomes;
}
async function read(ref, readFile2) {
  const bytes = await readFile2(ref.file);
  if (bytes === null)
    return {
      ok: false,
      message: `${ref.file} does not exist`,
      fix: `create it or correct the rule's file`
    };
  return extractValue(bytes, ref);
}
async function evaluateRule(rule, readFile2) {
  const fail = (message) => ({
    name: rule.name,
    ok: false,
    message: `${rule.name}: ${message}`
  });
  const pass = (message) => ({
    name: rule.name,
    ok: true,
    message: `${rule.name}: ${message}`
  });
  const left = await read(rule.left, readFile2);
  const right = rule.right === null ? null : await read(rule.right, readFile2);
  if (!left.ok && right !== null && !right.ok)
    return fail(`${left.message}, and ${right.message}; ${left.fix}, ${OVERRIDE}.`);
  if (!left.ok) return fail(`${left.message}; ${left.fix}, ${OVERRIDE}.`);
  if (right !== null && !right.ok) return fail(`${right.message}; ${right.fix}, ${OVERRIDE}.`);
  const leftValue = left.value;
  const rightValue = right?.value ?? null;
  const rightWhere = right?.where ?? "";
  switch (rule.rule) {
    case "equal":
      return leftValue === rightValue ? pass(`${left.where} and ${rightWhere} are both '${leftValue}'.`) : fail(
        `${left.where} is '${leftValue}' but ${rightWhere} is '${String(rightValue)}'; make them equal (update the stale one), ${OVERRIDE}.`
      );
    case "semver": {
      const version = import_semver.default.clean(leftValue, { loose: true });
      if (version === null)
        return fail(
          `${left.where} is '${leftValue}', not a semver version; write a version such as 1.4.2, ${OVERRIDE}.`
        );
      const range = rightValue ?? rule.range ?? "";
      const source = rightValue === null ? "the rule's range" : rightWhere;
      if (import_semver.default.validRange(range, { loose: true }) === null)
        return fail(
          `${source} is '${range}', not a semver range; write a range such as ^1.4.0, ${OVERRIDE}.`
        );
      return import_semver.default.satisfies(version, range, { loose: true }) ? pass(`${left.where} ${version} satisfies '${range}' (${source}).`) : fail(
        `${left.where} is ${version}, which does not satisfy '${range}' (${source}); update one of them, ${OVERRIDE}.`
      );
    }
    case "regex": {
      const match = new RegExp(rule.pattern ?? "", "u").exec(leftValue);
      if (!match)
        return fail(
          `${left.where} is '${leftValue}', which does not match /${rule.pattern ?? ""}/; correct the value or the pattern, ${OVERRIDE}.`
        );
      if (rightValue === null)
        return pass(`${left.where} '${leftValue}' matches /${rule.pattern ?? ""}/.`);
      const captured = match[1] ?? match[0];
      return captured === rightValue ? pass(`${left.where} gives '${captured}', equal to ${rightWhere}.`) : fail(
        `${left.where} gives '${captured}' (from '${leftValue}') but ${rightWhere} is '${rightValue}'; make them agree, ${OVERRIDE}.`
      );
    }
    default:
      return fail(`unknown rule '${String(rule.rule)}'; use equal, semver or regex.`);
  }
}

// core/policy/evaluate-exceptions.ts
var DAY_MS = 864e5;
var EXPIRING_SOON_MS = 14 * DAY_MS;
function evaluateExceptions(policy, now, options = {}) {
  const soonMs = options.soonMs ?? EXPIRING_SOON_MS;
  const paths = (options.paths ?? []).map(normalisePath);
  const exceptions = policy.exceptions.filter(
    (exception) => options.environment === void 0 || exception.environments === null || exception.environments.includes(options.environment)
  ).map((exception) => {
    const left = exception.expiresAtMs - now.getTime();
    const state = left <= 0 ? "expired" : left <= soonMs ? "expiring-soon" : "active";
    const matches = compileGlobs(exception.paths);
    return {
      exception,
      state,
      daysLeft: Math.floor(left / DAY_MS),
      coveredPaths: paths.filter((path) => matches(path))
    };
  });
  const expired = exceptions.filter((status) => status.state === "expired");
  return {
    exceptions,
    expired,
    expiringSoon: exceptions.filter((status) => status.state === "expiring-soon"),
    failed: expired.length > 0
  };
}

// core/policy/required-components.ts
function requiredComponents(policy, environment) {
  const environmentTier = policy.environments[environment]?.tier ?? null;
  return policy.components.filter(
    (component) => component.environments === null || component.environments.includes(environment)
  ).filter((component) => {
    const tier = component.tier ?? environmentTier;
    return tier !== null && policy.tiers[tier]?.level === 0;
  }).map((component) => component.name);
}

// core/policy/coverage-report.ts
function coverageReport(policy, environment, paths, options = {}) {
  const environmentPolicy = policy.environments[environment];
  if (!environmentPolicy) {
    throw new SnapgateError("USAGE", `The policy has no environment '${environment}'.`, {
      fix: `Use one of: ${Object.keys(policy.environments).join(", ")}.`
    });
  }
  const inScope = environmentPolicy.paths === null ? () => true : compileGlobs(environmentPolicy.paths);
  const exceptions = evaluateExceptions(policy, options.now ?? /* @__PURE__ */ new Date(), { environment });
  const activeExceptionGlobs = exceptions.exceptions.filter((status) => status.state !== "expired").flatMap((status) => status.exception.paths);
  const excepted = compileGlobs(activeExceptionGlobs);
  const tiers = /* @__PURE__ */ new Map();
  const tierEntry = (name) => {
    let entry = tiers.get(name);
    if (!entry) {
      entry = {
        tier: name,
        level: policy.tiers[name]?.level ?? 0,
        files: 0,
        covered: 0,
        uncovered: [],
        excepted: []
      };
      tiers.set(name, entry);
    }
    return entry;
  };
  const components = {};
  const report = {
    environment,
    tiers: [],
    components,
    missingComponents: [],
    excluded: [],
    outOfScope: [],
    secretsOutsideComponents: [],
    uncoveredTier0: [],
    failed: false
  };
  for (const raw of [...new Set(paths.map(normalisePath))].sort()) {
    if (isExcluded(policy, raw)) {
      report.excluded.push(raw);
      continue;
    }
    if (!inScope(raw)) {
      report.outOfScope.push(raw);
      continue;
    }
    const classification = classifyPath(policy, raw, environment);
    const entry = tierEntry(classification.tier ?? environmentPolicy.tier);
    entry.files += 1;
    if (classification.component !== void 0) {
      entry.covered += 1;
      components[classification.component] = (components[classification.component] ?? 0) + 1;
      continue;
    }
    if (looksLikeSecret(raw)) report.secretsOutsideComponents.push(raw);
    if (excepted(raw)) entry.excepted.push(raw);
    else entry.uncovered.push(raw);
  }
  report.tiers = [...tiers.values()].sort(
    (a, b) => a.level - b.level || a.tier.localeCompare(b.tier)
  );
  report.missingComponents = requiredComponents(policy, environment).filter(
    (name) => components[name] === void 0
  );
  report.uncoveredTier0 = report.tiers.filter((tier) => tier.level === 0).flatMap((tier) => tier.uncovered);
  report.failed = report.uncoveredTier0.length > 0;
  return report;
}

// core/snapshot/snapshot-under-policy.ts
async function snapshotUnderPolicy(options) {
  const { policy, stream } = options;
  const environment = policyEnvironment(policy, stream);
  const now = options.now ?? (() => /* @__PURE__ */ new Date());
  const time = options.time ?? now();
  await assertWriterAllowed(policy, options, time);
  const changeTicket = await enforceChangeTicket(
    policy,
    { tier: environment.tier, phase: options.phase, changeId: options.metadata?.changeId ?? null },
    options.changeTicketVerifier
  );
  const consistency = await evaluateConsistency(policy, (path) => readInside(options.root, path));
  const failed = consistency.filter((outcome) => !outcome.ok);
  if (failed.length > 0 && !options.allowInconsistent) {
    throw new SnapgateError(
      "POLICY",
      `${failed.length} consistency rule(s) fail, so no snapshot was written:
${failed.map((outcome) => `  ${outcome.message}`).join("\n")}`,
      {
        fix: "Make the files agree, or pass --allow-inconsistent to take the snapshot and record the failure (the gate will then fail until a consistent snapshot exists).",
        details: { consistency }
      }
    );
  }
  const tree = await scanTree({
    root: options.root,
    paths: options.paths,
    exclude: options.exclude,
    ...policyScanRules(policy, stream),
    skipDirectories: options.skipDirectories,
    macKey: options.writerKey.macKey,
    maxFileBytes: options.maxFileBytes,
    onProgress: options.onProgress
  });
  const seen = [
    ...tree.files.map(({ file }) => file.path),
    ...tree.excluded.filter((path) => !path.endsWith("/"))
  ];
  const report = coverageReport(policy, stream, seen, { now: now() });
  const coverage = {
    uncoveredTier0Paths: report.uncoveredTier0,
    missingComponents: report.missingComponents,
    secretsOutsideComponents: report.secretsOutsideComponents
  };
  const fromPolicy = [...policy.keys.recipients];
  const added = [...new Set(options.extraRecipients ?? [])].filter(
    (recipient) => !fromPolicy.includes(recipient)
  );
  const result = await createSnapshot({
    ...options,
    now,
    recipients: [...fromPolicy, ...added],
    tree,
    policyDigest: `sha256:${policyDigest(policy)}`,
    consistency,
    coverage,
    metadata: {
      ...options.metadata,
      ...changeTicket.changeId ? { changeId: changeTicket.changeId } : {}
    }
  });
  return {
    ...result,
    tier: environment.tier,
    recipients: { fromPolicy, added },
    consistency,
    coverage,
    changeTicket
  };
}
async function assertWriterAllowed(policy, options, time) {
  const verifyKey = writerSigner(await loadSodium(), options.writerKey).verifyKey;
  const rule = policy.keys.writers.find((writer) => writer.key === verifyKey);
  if (!rule) {
    throw new SnapgateError(
      "POLICY",
      `The writer key (verify key ${verifyKey}) is not in the policy's keys.writers, so the gate would reject its snapshots.`,
      {
        fix: "Use the snapshot job's writer key, or add this verify key to keys.writers in the policy.",
        details: { verifyKey }
      }
    );
  }
  const ms = time.getTime();
  if (rule.validFromMs !== null && ms < rule.validFromMs || rule.validUntilMs !== null && ms >= rule.validUntilMs) {
    throw new SnapgateError(
      "POLICY",
      `The writer key ${verifyKey} is not valid at the snapshot's time ${time.toISOString()} (keys.writers valid_from/valid_until).`,
      {
        fix: "Use the writer key that is valid now, or correct its validity in the policy (or the --time given).",
        details: { verifyKey }
      }
    );
  }
}
async function readInside(root, path) {
  const absolute = resolve(root, path);
  let real;
  try {
    real = await realpath(absolute);
  } catch (error) {
    if (error.code === "ENOENT") return null;
    throw error;
  }
  const inside = relative(await realpath(root), real);
  if (inside.startsWith("..") || isAbsolute(inside)) {
    throw new SnapgateError(
      "UNSAFE_PATH",
      `${path} (a consistency rule's file) leads outside the repository root.`,
      {
        fix: "Point the rule at a file inside the repository, not through a symlink that leaves it."
      }
    );
  }
  return readFile(real);
}

// core/snapshot/take-snapshot.ts
async function takeSnapshot(options) {
  const { policy, recipients, env, ...common } = options;
  if (recipients.length === 0 && !policy) {
    throw new SnapgateError(
      "USAGE",
      "No recipients were given and there is no policy: nobody could restore this snapshot.",
      {
        fix: "Give a recipient (age1..., from `snapgate keygen` or `age-keygen`) for each key that may decrypt, or a policy (.github/snapgate.yml) listing keys.recipients."
      }
    );
  }
  recipients.forEach((recipient) => parseRecipient(recipient));
  if (options.allowInconsistent && !policy) {
    throw new SnapgateError("USAGE", "allow-inconsistent needs a policy with consistency rules.", {
      fix: "Use the policy (.github/snapgate.yml, or name it), or drop allow-inconsistent."
    });
  }
  const paths = resolveScanPaths(options.paths, policy, options.stream, "snapshot");
  if (policy) {
    const underPolicy = await snapshotUnderPolicy({
      ...common,
      paths,
      policy,
      extraRecipients: recipients,
      changeTicketVerifier: changeTicketVerifierFromEnv(policy, env)
    });
    return { result: underPolicy, underPolicy };
  }
  const result = await createSnapshot({
    ...common,
    paths,
    recipients,
    classify: (path) => ({ secret: looksLikeSecret(path) })
  });
  return { result, underPolicy: null };
}

export {
  evaluateExceptions,
  requiredComponents,
  coverageReport,
  takeSnapshot
};
