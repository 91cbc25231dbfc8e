import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  coverageReport
} from "./chunk-OVQKP5CQ.js";
import "./chunk-IBXZMUQC.js";
import {
  policyScanRules
} from "./chunk-U7DZKPG7.js";
import "./chunk-R2KH2HOX.js";
import "./chunk-73STOSWY.js";
import {
  policyDigest
} from "./chunk-JLM63NIZ.js";
import {
  createSnapshot
} from "./chunk-PUR5S3H7.js";
import "./chunk-IEOR2R4X.js";
import {
  policyEnvironment
} from "./chunk-RC7TVD34.js";
import {
  DEFAULT_MAX_FILE_BYTES,
  scanTree
} from "./chunk-C266N7X3.js";
import "./chunk-MS7OGOB6.js";
import "./chunk-BXQJ3NVO.js";
import "./chunk-FVHYGXQ4.js";
import {
  readRegularFile
} from "./chunk-7T6BWT36.js";
import "./chunk-7RENLTOI.js";
import {
  epochRecipients
} from "./chunk-CDLC5QT7.js";
import "./chunk-KKUHDW3D.js";
import "./chunk-PZ5T2MZR.js";
import "./chunk-CY3L4U4E.js";
import "./chunk-K3D2YTSH.js";
import "./chunk-PP22UWMA.js";
import "./chunk-DENSVYIT.js";
import "./chunk-7BAZV6R7.js";
import "./chunk-L3YJLP3Q.js";
import {
  loadSodium
} from "./chunk-AXJEESJ2.js";
import {
  inferValueFormat,
  require_semver
} from "./chunk-ZG3SENMX.js";
import {
  require_dist
} from "./chunk-UZQJNIXZ.js";
import "./chunk-MVZIGVV4.js";
import "./chunk-R4SSWUCW.js";
import {
  writerSigner
} from "./chunk-JAZ2OF6U.js";
import "./chunk-2NBA2BLU.js";
import "./chunk-FHIUXZPM.js";
import "./chunk-RXFM76GD.js";
import "./chunk-6R3LO6XJ.js";
import "./chunk-54LOBW6C.js";
import "./chunk-4NNPXXFU.js";
import "./chunk-U2VA4CFL.js";
import "./chunk-ZUEUDRMP.js";
import {
  SnapgateError
} from "./chunk-6KERQ4ZL.js";
import {
  __toESM
} from "./chunk-H5NHOGLY.js";

// core/snapshot/snapshot-under-policy.ts
import { realpath } from "node:fs/promises";
import { isAbsolute, relative, resolve } from "node:path";

// core/policy/exec-policy-regex.ts
import { Script, createContext } from "node:vm";
var POLICY_REGEX_TIMEOUT_MS = 250;
var context = createContext(/* @__PURE__ */ Object.create(null));
var script = new Script(
  "(() => { const m = new RegExp(pattern, 'u').exec(input); return m === null ? null : [m[0], m[1]]; })()"
);
function execPolicyRegex(pattern, input, what) {
  Object.assign(context, { pattern, input });
  let result;
  try {
    result = script.runInContext(context, { timeout: POLICY_REGEX_TIMEOUT_MS });
  } catch (error) {
    if (error.code !== "ERR_SCRIPT_EXECUTION_TIMEOUT") throw error;
    throw new SnapgateError(
      "POLICY",
      `The pattern /${pattern}/ of ${what} ran for more than ${POLICY_REGEX_TIMEOUT_MS} ms on a value of ${input.length} characters and was stopped.`,
      {
        fix: "Simplify the pattern in the policy: nested quantifiers such as (a+)+ and alternatives that overlap such as (a|ab)* take exponential time; anchor it (^...$) and let each part match only one way.",
        details: { pattern }
      }
    );
  } finally {
    Object.assign(context, { pattern: void 0, input: void 0 });
  }
  if (result === null) return null;
  const [match, group1] = result;
  return group1 === void 0 ? { match } : { match, group1 };
}

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
  if (execPolicyRegex(tickets.pattern, changeId, "change_tickets") === null) {
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

// core/policy/consistency/consistency-value-digest.ts
import { createHmac } from "node:crypto";
var DIGEST_HEX = 12;
function consistencyValueDigest(macKey, value) {
  return createHmac("sha256", macKey).update("snapgate.consistency-value/v1\0").update(value, "utf8").digest("hex").slice(0, DIGEST_HEX);
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
    } catch (error2) {
      const position = /at position (\d+)/.exec(error2.message)?.[1];
      return {
        ok: false,
        message: `${ref.file} is not valid JSON${position === void 0 ? "" : ` (line ${lineAt(text, Number(position))})`}`,
        fix: `fix ${ref.file} or set format: to what it is`
      };
    }
  }
  const document = (0, import_yaml.parseDocument)(text, { prettyErrors: false });
  const [error] = document.errors;
  if (error) {
    return {
      ok: false,
      message: `${ref.file} is not valid YAML (line ${lineAt(text, error.pos[0])}, ${error.code})`,
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
function lineAt(text, offset) {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

// core/policy/consistency/evaluate-consistency.ts
var OVERRIDE = "or snapshot with --allow-inconsistent to record the failure";
async function evaluateConsistency(policy, readFile, digest) {
  const outcomes = [];
  for (const rule of policy.consistency) outcomes.push(await evaluateRule(rule, readFile, digest));
  return outcomes;
}
async function read(ref, readFile) {
  const bytes = await readFile(ref.file);
  if (bytes === null)
    return {
      ok: false,
      message: `${ref.file} does not exist`,
      fix: `create it or correct the rule's file`
    };
  return extractValue(bytes, ref);
}
async function evaluateRule(rule, readFile, digest) {
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
  const left = await read(rule.left, readFile);
  const right = rule.right === null ? null : await read(rule.right, readFile);
  if (!left.ok && right !== null && !right.ok)
    return fail(`${left.message}, and ${right.message}; ${left.fix}, ${OVERRIDE}.`);
  if (!left.ok) return fail(`${left.message}; ${left.fix}, ${OVERRIDE}.`);
  if (right !== null && !right.ok) return fail(`${right.message}; ${right.fix}, ${OVERRIDE}.`);
  const leftValue = left.value;
  const rightValue = right?.value ?? null;
  const rightWhere = right?.where ?? "";
  const shown = (where, value) => `${where} (digest ${digest(value)})`;
  const leftShown = shown(left.where, leftValue);
  switch (rule.rule) {
    case "equal":
      return leftValue === rightValue ? pass(`${left.where} and ${rightWhere} are equal (digest ${digest(leftValue)}).`) : fail(
        `${leftShown} differs from ${shown(rightWhere, String(rightValue))}; make them equal (update the stale one), ${OVERRIDE}.`
      );
    case "semver": {
      const version = import_semver.default.clean(leftValue, { loose: true });
      if (version === null)
        return fail(
          `${leftShown} is not a semver version; write a version such as 1.4.2, ${OVERRIDE}.`
        );
      const range = rightValue ?? rule.range ?? "";
      const source = rightValue === null ? `the rule's range '${range}'` : shown(rightWhere, rightValue);
      if (import_semver.default.validRange(range, { loose: true }) === null)
        return fail(`${source} is not a semver range; write a range such as ^1.4.0, ${OVERRIDE}.`);
      return import_semver.default.satisfies(version, range, { loose: true }) ? pass(`${leftShown} satisfies ${source}.`) : fail(`${leftShown} does not satisfy ${source}; update one of them, ${OVERRIDE}.`);
    }
    case "regex": {
      const match = execPolicyRegex(rule.pattern ?? "", leftValue, `consistency rule ${rule.name}`);
      if (!match)
        return fail(
          `${leftShown} does not match /${rule.pattern ?? ""}/; correct the value or the pattern, ${OVERRIDE}.`
        );
      if (rightValue === null) return pass(`${leftShown} matches /${rule.pattern ?? ""}/.`);
      const captured = match.group1 ?? match.match;
      return captured === rightValue ? pass(`${left.where} gives a capture equal to ${rightWhere} (digest ${digest(captured)}).`) : fail(
        `${left.where} gives a capture (digest ${digest(captured)}) that differs from ${shown(rightWhere, rightValue)}; make them agree, ${OVERRIDE}.`
      );
    }
    default:
      return fail(`unknown rule '${String(rule.rule)}'; use equal, semver or regex.`);
  }
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
  const consistency = await evaluateConsistency(
    policy,
    (path) => readInside(options.root, path, options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES),
    (value) => consistencyValueDigest(options.writerKey.macKey, value)
  );
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
    statCache: options.statCache,
    now,
    onProgress: options.onProgress
  });
  const seen = [
    ...tree.files.map(({ file }) => file.path),
    ...tree.excluded.filter((path) => !path.endsWith("/"))
  ];
  const report = coverageReport(policy, stream, seen, { now: now(), scope: "all" });
  const coverage = {
    uncoveredTier0Paths: report.uncoveredTier0,
    missingComponents: report.missingComponents,
    secretsOutsideComponents: report.secretsOutsideComponents
  };
  const fromPolicy = epochRecipients(policy, environment.tier, time).recipients;
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
async function readInside(root, path, maxBytes) {
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
  return readRegularFile(real, `${path} (a consistency rule's file)`, { maxBytes }).content;
}
export {
  snapshotUnderPolicy
};
