import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  parsePolicyDate
} from "./chunk-JJ4XLMVP.js";
import {
  formatPolicyProblem
} from "./chunk-TI77TNDP.js";
import {
  WITHIN_BUCKET_RULES
} from "./chunk-XRH6QY5G.js";
import {
  parseDuration
} from "./chunk-FFISWQYC.js";
import {
  DEFAULT_POLICY_PATH
} from "./chunk-CU3A7CPO.js";
import {
  parseAppVerifyKey
} from "./chunk-WPITP5OQ.js";
import {
  inferValueFormat,
  require_semver
} from "./chunk-ZG3SENMX.js";
import {
  require_dist
} from "./chunk-UZQJNIXZ.js";
import {
  PHASES,
  require_formats,
  require_ucs2length
} from "./chunk-MVZIGVV4.js";
import {
  globSyntaxProblem
} from "./chunk-R4SSWUCW.js";
import {
  parseVerifyKey
} from "./chunk-JAZ2OF6U.js";
import {
  formatPolicyRef
} from "./chunk-U3GCPU43.js";
import {
  didYouMean
} from "./chunk-ZITD4ZB6.js";
import {
  parseRecipient
} from "./chunk-6R3LO6XJ.js";
import {
  describeKeyText,
  keyKind
} from "./chunk-54LOBW6C.js";
import {
  SnapgateError
} from "./chunk-6KERQ4ZL.js";
import {
  __commonJS,
  __toESM
} from "./chunk-H5NHOGLY.js";

// node_modules/fast-deep-equal/index.js
var require_fast_deep_equal = __commonJS({
  "node_modules/fast-deep-equal/index.js"(exports, module) {
    "use strict";
    module.exports = function equal(a, b) {
      if (a === b) return true;
      if (a && b && typeof a == "object" && typeof b == "object") {
        if (a.constructor !== b.constructor) return false;
        var length, i, keys;
        if (Array.isArray(a)) {
          length = a.length;
          if (length != b.length) return false;
          for (i = length; i-- !== 0; )
            if (!equal(a[i], b[i])) return false;
          return true;
        }
        if (a.constructor === RegExp) return a.source === b.source && a.flags === b.flags;
        if (a.valueOf !== Object.prototype.valueOf) return a.valueOf() === b.valueOf();
        if (a.toString !== Object.prototype.toString) return a.toString() === b.toString();
        keys = Object.keys(a);
        length = keys.length;
        if (length !== Object.keys(b).length) return false;
        for (i = length; i-- !== 0; )
          if (!Object.prototype.hasOwnProperty.call(b, keys[i])) return false;
        for (i = length; i-- !== 0; ) {
          var key = keys[i];
          if (!equal(a[key], b[key])) return false;
        }
        return true;
      }
      return a !== a && b !== b;
    };
  }
});

// node_modules/ajv/dist/runtime/equal.js
var require_equal = __commonJS({
  "node_modules/ajv/dist/runtime/equal.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var equal = require_fast_deep_equal();
    equal.code = 'require("ajv/dist/runtime/equal").default';
    exports.default = equal;
  }
});

// core/policy/check-policy-semantics.ts
var import_semver = __toESM(require_semver(), 1);

// core/policy/tier-level.ts
var TIER_NUMBER = /^tier(\d)$/;
function tierLevel(name, level) {
  if (typeof level === "number" && Number.isInteger(level)) return level;
  const match = TIER_NUMBER.exec(name);
  return match ? Number(match[1]) : null;
}

// core/policy/check-policy-semantics.ts
var HOUR_MS = 36e5;
var LOCAL_HOSTS = /* @__PURE__ */ new Set(["127.0.0.1", "localhost", "[::1]"]);
function record(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? value : null;
}
function list(value) {
  return Array.isArray(value) ? value : [];
}
function checkPolicySemantics(data) {
  const issues = [];
  const report = (path, message, fix) => {
    issues.push({ path, message, fix });
  };
  const tiers = record(data["tiers"]) ?? {};
  const tierNames = Object.keys(tiers);
  const environments = record(data["environments"]) ?? {};
  const environmentNames = Object.keys(environments);
  const checkTierRef = (path, name) => {
    if (typeof name !== "string" || tierNames.includes(name)) return;
    const guess = didYouMean(name, tierNames);
    report(
      path,
      `tier '${name}' is not defined under tiers`,
      guess ? `did you mean '${guess}'?` : `define it under tiers or use one of: ${tierNames.join(", ") || "(none defined)"}`
    );
  };
  const checkEnvironmentRefs = (path, names) => {
    list(names).forEach((name, index) => {
      if (typeof name !== "string" || environmentNames.includes(name)) return;
      const guess = didYouMean(name, environmentNames);
      report(
        [...path, index],
        `environment '${name}' is not defined under environments`,
        guess ? `did you mean '${guess}'?` : `use one of: ${environmentNames.join(", ") || "(none defined)"}`
      );
    });
  };
  const checkGlobs = (path, globs, allowNegation = false) => {
    list(globs).forEach((glob, index) => {
      if (typeof glob !== "string" || glob === "") return;
      const body = allowNegation && glob.startsWith("!") ? glob.slice(1) : glob;
      const problem = globSyntaxProblem(body);
      if (problem) report([...path, index], problem.message, problem.fix);
    });
  };
  const checkDuration = (path, value, options = {}) => {
    const ms = parseDuration(value);
    if (ms === null) return null;
    if (options.positive && ms === 0)
      report(path, `'${String(value)}' is zero`, "write a duration longer than zero, e.g. 24h");
    else if (options.wholeHours && ms % HOUR_MS !== 0) {
      report(
        path,
        `'${String(value)}' is not whole hours`,
        "keep.within counts hours, days and weeks like restic's --keep-within (restic's m means months: write 180d for about six months)"
      );
    }
    return ms;
  };
  const checkDate = (path, value) => {
    if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}/.test(value) && parsePolicyDate(value) === null) {
      report(path, `'${value}' is not a real date`, "check the month and day (YYYY-MM-DD)");
    }
  };
  const checkRegex = (path, value) => {
    if (typeof value !== "string") return;
    try {
      new RegExp(value, "u");
    } catch (error) {
      report(
        path,
        `'${value}' is not a valid regular expression (${error.message.replace(/^Invalid regular expression: /, "")})`,
        "write a JavaScript regular expression, e.g. ^CHG[0-9]{7}$"
      );
    }
  };
  const keys = record(data["keys"]);
  if (keys) {
    const seenRecipients = /* @__PURE__ */ new Map();
    list(keys["recipients"]).forEach((recipient, index) => {
      if (typeof recipient !== "string") return;
      try {
        parseRecipient(recipient);
      } catch {
        report(
          ["keys", "recipients", index],
          `${describeKeyText(recipient)} with a bad checksum`,
          "copy the whole key printed by `snapgate keygen` or `age-keygen` again"
        );
        return;
      }
      const first = seenRecipients.get(recipient);
      if (first !== void 0)
        report(["keys", "recipients", index], `repeats recipient ${first}`, "remove the duplicate");
      else seenRecipients.set(recipient, index);
    });
    list(keys["epochs"]).forEach((epoch, index) => {
      const entry = record(epoch);
      if (!entry) return;
      const path = ["keys", "epochs", index];
      list(entry["tiers"]).forEach((tier, i) => checkTierRef([...path, "tiers", i], tier));
      checkDate([...path, "valid_from"], entry["valid_from"]);
      checkDate([...path, "valid_until"], entry["valid_until"]);
      const from = parsePolicyDate(entry["valid_from"]);
      const until = parsePolicyDate(entry["valid_until"], { endOfDay: true });
      if (from !== null && until !== null && until <= from) {
        report(
          [...path, "valid_until"],
          `ends before it starts (valid_from ${String(entry["valid_from"])})`,
          "make valid_until later than valid_from"
        );
      }
    });
    const seenWriters = /* @__PURE__ */ new Map();
    list(keys["writers"]).forEach((writer, index) => {
      const entry = record(writer);
      if (!entry) return;
      const path = ["keys", "writers", index];
      if (typeof entry["key"] === "string") {
        try {
          parseVerifyKey(entry["key"]);
          const first = seenWriters.get(entry["key"]);
          if (first !== void 0)
            report(
              [...path, "key"],
              `repeats writer ${first}`,
              "list each key once, with one validity window"
            );
          else seenWriters.set(entry["key"], index);
        } catch {
          report(
            [...path, "key"],
            `${describeKeyText(entry["key"])} with a bad checksum`,
            "copy the whole sgw1... key printed by `snapgate keygen --writer` again"
          );
        }
      }
      checkDate([...path, "valid_from"], entry["valid_from"]);
      checkDate([...path, "valid_until"], entry["valid_until"]);
      const from = parsePolicyDate(entry["valid_from"]);
      const until = parsePolicyDate(entry["valid_until"], { endOfDay: true });
      if (from !== null && until !== null && until <= from) {
        report(
          [...path, "valid_until"],
          `ends before it starts (valid_from ${String(entry["valid_from"])})`,
          "make valid_until later than valid_from"
        );
      }
    });
    list(keys["app"]).forEach((app, index) => {
      const key = record(app)?.["key"];
      if (typeof key !== "string") return;
      try {
        parseAppVerifyKey(key);
      } catch {
        report(
          ["keys", "app", index, "key"],
          `'${key.slice(0, 24)}...' is not an app verify key (bad checksum)`,
          "copy the whole sga1... key printed by `snapgate keygen --app` again"
        );
      }
    });
  }
  for (const [name, value] of Object.entries(tiers)) {
    const tier = record(value);
    if (!tier) continue;
    const path = ["tiers", name];
    if (tierLevel(name, tier["level"]) === null) {
      report(
        [...path, "level"],
        `tier '${name}' has no level`,
        "add level: 0 for the most critical tier (tier-0), 1, 2... for less critical ones (a tier named tierN gets level N)"
      );
    }
    checkDuration([...path, "max_age"], tier["max_age"], { positive: true });
    checkDuration([...path, "request_ttl"], tier["request_ttl"], { positive: true });
    checkDuration([...path, "restore_verification"], tier["restore_verification"], {
      positive: true
    });
    if (tier["drill_signoff"] === true) {
      if (tier["drill_interval"] === void 0)
        report(
          [...path, "drill_signoff"],
          `tier '${name}' asks for signed-off drills but sets no drill_interval`,
          "add drill_interval (e.g. 90d): the signed-off drill must be within it"
        );
      const roles = record(data["roles"]);
      for (const role of ["ops", "security"]) {
        if (list(roles?.[role]).length === 0)
          report(
            roles?.[role] === void 0 ? ["roles"] : ["roles", role],
            `tier '${name}' asks for drill sign-offs by ${role}, but roles.${role} lists nobody`,
            `list who may sign off for ${role} under roles.${role} (@login or @org/team)`
          );
      }
    }
    const retention = record(tier["retention"]);
    const keep = record(retention?.["keep"]);
    if (keep) {
      for (const name2 of ["within", ...WITHIN_BUCKET_RULES.map((rule) => `within_${rule}`)])
        checkDuration([...path, "retention", "keep", name2], keep[name2], {
          positive: true,
          wholeHours: true
        });
    }
    const floor = record(retention?.["floor"]);
    const hold = record(floor?.["legal_hold"]);
    if (hold) checkDate([...path, "retention", "floor", "legal_hold", "since"], hold["since"]);
    if (record(retention?.["object_lock"]) && floor?.["min_age"] === void 0)
      report(
        [...path, "retention", "object_lock"],
        "object_lock needs retention.floor.min_age, which sets how long each object is retained",
        "add floor: { min_age: 90d } (or your retention period) under this tier's retention"
      );
  }
  for (const [name, value] of Object.entries(environments)) {
    const environment = record(value);
    if (!environment) continue;
    checkTierRef(["environments", name, "tier"], environment["tier"]);
    checkGlobs(["environments", name, "paths"], environment["paths"]);
  }
  const componentNames = /* @__PURE__ */ new Map();
  list(data["components"]).forEach((value, index) => {
    const component = record(value);
    if (!component) return;
    const path = ["components", index];
    if (typeof component["name"] === "string") {
      const first = componentNames.get(component["name"]);
      if (first !== void 0)
        report(
          [...path, "name"],
          `component '${component["name"]}' is already defined at components[${first}]`,
          "give each component a unique name, or merge their paths"
        );
      else componentNames.set(component["name"], index);
    }
    checkTierRef([...path, "tier"], component["tier"]);
    checkGlobs([...path, "paths"], component["paths"]);
    checkEnvironmentRefs([...path, "environments"], component["environments"]);
  });
  checkGlobs(["exclude"], data["exclude"], true);
  list(data["exceptions"]).forEach((value, index) => {
    const exception = record(value);
    if (!exception) return;
    const path = ["exceptions", index];
    checkGlobs([...path, "paths"], exception["paths"]);
    checkEnvironmentRefs([...path, "environments"], exception["environments"]);
    checkDate([...path, "expires"], exception["expires"]);
    const applies = Array.isArray(exception["environments"]) ? exception["environments"] : environmentNames;
    const tierZeroEnvironment = applies.find((environmentName) => {
      const environment = record(environments[String(environmentName)]);
      const tierName = environment?.["tier"];
      const tier = typeof tierName === "string" ? record(tiers[tierName]) : null;
      return tier !== null && typeof tierName === "string" && tierLevel(tierName, tier["level"]) === 0;
    });
    const acceptedBy = list(exception["accepted_by"]).filter((user) => typeof user === "string");
    const people = new Set(acceptedBy.map((user) => user.toLowerCase()));
    if (tierZeroEnvironment !== void 0 && people.size < 2 && acceptedBy.length > 0) {
      report(
        [...path, "accepted_by"],
        `touches the tier-0 environment '${String(tierZeroEnvironment)}' but is accepted by ${people.size} person`,
        "a tier-0 exception needs at least two distinct people in accepted_by (or limit it with environments: to lower tiers)"
      );
    }
  });
  const ruleNames = /* @__PURE__ */ new Map();
  list(data["consistency"]).forEach((value, index) => {
    const rule = record(value);
    if (!rule) return;
    const path = ["consistency", index];
    if (typeof rule["name"] === "string") {
      const first = ruleNames.get(rule["name"]);
      if (first !== void 0)
        report(
          [...path, "name"],
          `rule '${rule["name"]}' is already defined at consistency[${first}]`,
          "give each rule a unique name"
        );
      else ruleNames.set(rule["name"], index);
    }
    for (const side of ["left", "right"]) {
      const ref = record(rule[side]);
      if (!ref || typeof ref["file"] !== "string") continue;
      const file = ref["file"];
      if (file.split("/").some((segment) => segment === ".." || segment === "." || segment === "")) {
        report(
          [...path, side, "file"],
          `'${file}' is not a plain repository path`,
          "write the path from the repository root without ., .. or //"
        );
      }
      const format = typeof ref["format"] === "string" ? ref["format"] : inferValueFormat(file);
      if (format === "text" && ref["path"] !== void 0) {
        report(
          [...path, side, "path"],
          `a text file has no keys (${file} is read as text)`,
          "remove path to compare the whole file, or set format: yaml, json or env"
        );
      }
      if (format !== "text" && ref["path"] === void 0) {
        report(
          [...path, side],
          `needs a path: ${file} is read as ${format}`,
          `add path: (e.g. ${format === "env" ? "DB_SCHEMA_VERSION" : "db.schemaVersion"}) or set format: text`
        );
      }
    }
    const kind = rule["rule"];
    const has = (key) => rule[key] !== void 0;
    if (kind === "equal") {
      if (!has("right"))
        report([...path, "right"], "rule equal needs right", "add right: { file: ..., path: ... }");
      if (has("pattern"))
        report(
          [...path, "pattern"],
          "pattern only applies to rule regex",
          "remove pattern or set rule: regex"
        );
      if (has("range"))
        report(
          [...path, "range"],
          "range only applies to rule semver",
          "remove range or set rule: semver"
        );
    } else if (kind === "semver") {
      if (has("right") === has("range"))
        report(
          path,
          "rule semver needs exactly one of right and range",
          "give right: (a file holding the range) or range: (e.g. '>=1.4.0 <2')"
        );
      if (typeof rule["range"] === "string" && import_semver.default.validRange(rule["range"]) === null) {
        report(
          [...path, "range"],
          `'${rule["range"]}' is not a semver range`,
          "write e.g. ^1.4.0 or '>=1.4.0 <2'"
        );
      }
      if (has("pattern"))
        report(
          [...path, "pattern"],
          "pattern only applies to rule regex",
          "remove pattern or set rule: regex"
        );
    } else if (kind === "regex") {
      if (!has("pattern"))
        report(
          [...path, "pattern"],
          "rule regex needs pattern",
          "add pattern: (a JavaScript regular expression)"
        );
      checkRegex([...path, "pattern"], rule["pattern"]);
      if (has("range"))
        report(
          [...path, "range"],
          "range only applies to rule semver",
          "remove range or set rule: semver"
        );
    }
  });
  const tickets = record(data["change_tickets"]);
  if (tickets) {
    for (const tierName of Object.keys(record(tickets["required_for"]) ?? {})) {
      checkTierRef(["change_tickets", "required_for", tierName], tierName);
    }
    checkRegex(["change_tickets", "pattern"], tickets["pattern"]);
    const endpoint = record(tickets["endpoint"]);
    if (endpoint) {
      checkDuration(["change_tickets", "endpoint", "timeout"], endpoint["timeout"], {
        positive: true
      });
      if (typeof endpoint["url"] === "string") {
        try {
          const url = new URL(endpoint["url"]);
          if (url.protocol === "http:" && !LOCAL_HOSTS.has(url.hostname)) {
            report(
              ["change_tickets", "endpoint", "url"],
              `'${endpoint["url"]}' is plain http`,
              "use https (plain http is only accepted for 127.0.0.1 and localhost)"
            );
          }
          if (url.search !== "" || url.hash !== "") {
            report(
              ["change_tickets", "endpoint", "url"],
              `'${endpoint["url"]}' has a query or fragment`,
              "give the base URL only; the change id is appended as a path segment"
            );
          }
        } catch {
        }
      }
    }
  }
  const alerts = record(data["alerts"]);
  if (alerts) checkDuration(["alerts", "late_after"], alerts["late_after"]);
  return issues;
}

// core/policy/json-path.ts
var IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;
function formatJsonPath(path) {
  let text2 = "";
  for (const segment of path) {
    if (typeof segment === "number") text2 += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) text2 += text2 === "" ? segment : `.${segment}`;
    else text2 += `[${JSON.stringify(segment)}]`;
  }
  return text2;
}
function parseInstancePath(instancePath, root) {
  if (instancePath === "") return [];
  const segments = [];
  let node = root;
  for (const raw of instancePath.slice(1).split("/")) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (Array.isArray(node) && /^\d+$/.test(key)) {
      segments.push(Number(key));
      node = node[Number(key)];
    } else {
      segments.push(key);
      node = node !== null && typeof node === "object" ? node[key] : void 0;
    }
  }
  return segments;
}

// core/policy/locate-yaml-line.ts
var import_yaml = __toESM(require_dist(), 1);
function locateYamlLine(document, lineCounter, path) {
  let node = document.contents;
  let offset = null;
  for (const segment of path) {
    if ((0, import_yaml.isMap)(node)) {
      const pair = node.items.find(
        (item) => (0, import_yaml.isPair)(item) && (0, import_yaml.isScalar)(item.key) && String(item.key.value) === String(segment)
      );
      if (!pair) break;
      const keyRange = (0, import_yaml.isScalar)(pair.key) ? pair.key.range : void 0;
      if (keyRange) offset = keyRange[0];
      node = pair.value;
    } else if ((0, import_yaml.isSeq)(node) && typeof segment === "number") {
      const item = node.items[segment];
      if (!item) break;
      if (item.range) offset = item.range[0];
      node = item;
    } else {
      break;
    }
  }
  if (offset === null) return null;
  return lineCounter.linePos(offset).line;
}

// core/policy/normalise-policy.ts
var DEFAULT_REQUEST_TTL_MS = 24 * 36e5;
var DEFAULT_LATE_AFTER_MS = 15 * 6e4;
var DEFAULT_CONSECUTIVE_FAILURES = 2;
var DEFAULT_TICKET_TIMEOUT_MS = 1e4;
var obj = (value) => value !== null && typeof value === "object" ? value : {};
var strings = (value) => Array.isArray(value) ? value.map(String) : [];
var optionalStrings = (value) => Array.isArray(value) ? value.map(String) : null;
var text = (value) => typeof value === "string" ? value : null;
var duration = (value, fallback) => parseDuration(value) ?? fallback;
var count = (value) => value === "unlimited" ? -1 : typeof value === "number" ? value : 0;
function normalisePolicy(data, sources) {
  const keys = obj(data["keys"]);
  const writers = (Array.isArray(keys["writers"]) ? keys["writers"] : []).map(
    (value) => {
      const writer = obj(value);
      return {
        key: String(writer["key"]),
        validFromMs: parsePolicyDate(writer["valid_from"]),
        validUntilMs: parsePolicyDate(writer["valid_until"], { endOfDay: true })
      };
    }
  );
  const tiers = {};
  for (const [name, value] of Object.entries(obj(data["tiers"]))) {
    const tier = obj(value);
    const retention = obj(tier["retention"]);
    const keepData = obj(retention["keep"]);
    const floorData = obj(retention["floor"]);
    const keep = {
      last: count(keepData["last"]),
      hourly: count(keepData["hourly"]),
      daily: count(keepData["daily"]),
      weekly: count(keepData["weekly"]),
      monthly: count(keepData["monthly"]),
      yearly: count(keepData["yearly"]),
      withinMs: duration(keepData["within"], 0),
      tags: strings(keepData["tags"])
    };
    for (const rule of WITHIN_BUCKET_RULES) {
      const ms = duration(keepData[`within_${rule}`], 0);
      if (ms > 0) keep.withinBucketsMs = { ...keep.withinBucketsMs, [rule]: ms };
    }
    const hold = floorData["legal_hold"] === void 0 ? null : obj(floorData["legal_hold"]);
    const floor = {
      minAgeMs: duration(floorData["min_age"], 0),
      minCount: typeof floorData["min_count"] === "number" ? floorData["min_count"] : 0,
      tags: strings(floorData["tags"]),
      legalHold: hold ? { reason: String(hold["reason"]), sinceMs: parsePolicyDate(hold["since"]) } : null
    };
    tiers[name] = {
      name,
      level: tierLevel(name, tier["level"]) ?? 0,
      maxAgeMs: duration(tier["max_age"], 0),
      approvals: typeof tier["approvals"] === "number" ? tier["approvals"] : 1,
      requestTtlMs: duration(tier["request_ttl"], DEFAULT_REQUEST_TTL_MS),
      restoreVerificationMs: parseDuration(tier["restore_verification"]),
      retention: { keep, floor }
    };
    const rto = parseDuration(tier["rto"]);
    const rpo = parseDuration(tier["rpo"]);
    const drillInterval = parseDuration(tier["drill_interval"]);
    if (rto !== null) tiers[name].rtoMs = rto;
    if (rpo !== null) tiers[name].rpoMs = rpo;
    if (drillInterval !== null) tiers[name].drillIntervalMs = drillInterval;
    if (tier["drill_signoff"] === true) tiers[name].drillSignoff = true;
    const lockMode = obj(retention["object_lock"])["mode"];
    if (lockMode === "COMPLIANCE" || lockMode === "GOVERNANCE")
      tiers[name].retention.objectLock = { mode: lockMode };
  }
  const environments = {};
  for (const [name, value] of Object.entries(obj(data["environments"]))) {
    const environment = obj(value);
    environments[name] = {
      name,
      tier: String(environment["tier"]),
      releaseBranches: strings(environment["release_branches"]),
      restoreWorkflow: text(environment["restore_workflow"]),
      snapshotWorkflow: text(environment["snapshot_workflow"]),
      paths: optionalStrings(environment["paths"])
    };
  }
  const components = (Array.isArray(data["components"]) ? data["components"] : []).map(
    (value) => {
      const component = obj(value);
      return {
        name: String(component["name"]),
        paths: strings(component["paths"]),
        tier: text(component["tier"]),
        owner: text(component["owner"]),
        secret: component["secret"] === true,
        environments: optionalStrings(component["environments"])
      };
    }
  );
  const exceptions = (Array.isArray(data["exceptions"]) ? data["exceptions"] : []).map((value, index) => {
    const exception = obj(value);
    return {
      index,
      paths: strings(exception["paths"]),
      reason: String(exception["reason"]),
      acceptedBy: strings(exception["accepted_by"]),
      expires: String(exception["expires"]),
      expiresAtMs: parsePolicyDate(exception["expires"], { endOfDay: true }) ?? 0,
      environments: optionalStrings(exception["environments"])
    };
  });
  const valueRef = (value) => {
    const ref = obj(value);
    return {
      file: String(ref["file"]),
      path: text(ref["path"]),
      format: text(ref["format"])
    };
  };
  const consistency = (Array.isArray(data["consistency"]) ? data["consistency"] : []).map((value) => {
    const rule = obj(value);
    return {
      name: String(rule["name"]),
      left: valueRef(rule["left"]),
      right: rule["right"] === void 0 ? null : valueRef(rule["right"]),
      rule: rule["rule"],
      pattern: text(rule["pattern"]),
      range: text(rule["range"])
    };
  });
  let changeTickets = null;
  if (data["change_tickets"] !== void 0) {
    const tickets = obj(data["change_tickets"]);
    const requiredFor = {};
    for (const [tierName, phases] of Object.entries(obj(tickets["required_for"]))) {
      requiredFor[tierName] = strings(phases).filter(
        (phase) => PHASES.includes(phase)
      );
    }
    const endpoint = tickets["endpoint"] === void 0 ? null : obj(tickets["endpoint"]);
    changeTickets = {
      requiredFor,
      pattern: String(tickets["pattern"]),
      endpoint: endpoint ? {
        url: String(endpoint["url"]),
        timeoutMs: duration(endpoint["timeout"], DEFAULT_TICKET_TIMEOUT_MS),
        tokenEnv: text(endpoint["token_env"])
      } : null
    };
  }
  const roles = obj(data["roles"]);
  const alerts = obj(data["alerts"]);
  const restoreEnvironment = data["restore_environment"] === void 0 ? null : obj(data["restore_environment"]);
  const backup = data["backup"] === void 0 ? null : obj(data["backup"]);
  return {
    sources,
    backup: backup ? { repository: String(backup["repository"]), branch: text(backup["branch"]) ?? "main" } : null,
    keys: {
      recipients: strings(keys["recipients"]),
      writers,
      // Only when given: the digest of a policy without epochs stays what it was.
      ...Array.isArray(keys["epochs"]) ? {
        epochs: keys["epochs"].map((value) => {
          const epoch = obj(value);
          return {
            name: String(epoch["name"]),
            recipients: strings(epoch["recipients"]),
            tiers: Array.isArray(epoch["tiers"]) ? strings(epoch["tiers"]) : null,
            validFromMs: parsePolicyDate(epoch["valid_from"]),
            validUntilMs: parsePolicyDate(epoch["valid_until"], { endOfDay: true })
          };
        })
      } : {},
      // Only when given: the digest of a policy without app keys stays what it was.
      ...Array.isArray(keys["app"]) ? { app: keys["app"].map((value) => String(obj(value)["key"])) } : {}
    },
    tiers,
    environments,
    components,
    exclude: strings(data["exclude"]),
    exceptions,
    consistency,
    changeTickets,
    roles: {
      restorers: strings(roles["restorers"]),
      approvers: strings(roles["approvers"]),
      auditors: strings(roles["auditors"]),
      // Only when given: the digest of a policy without them stays what it was.
      ...roles["ops"] !== void 0 ? { ops: strings(roles["ops"]) } : {},
      ...roles["security"] !== void 0 ? { security: strings(roles["security"]) } : {}
    },
    alerts: {
      lateAfterMs: duration(alerts["late_after"], DEFAULT_LATE_AFTER_MS),
      consecutiveFailures: typeof alerts["consecutive_failures"] === "number" ? alerts["consecutive_failures"] : DEFAULT_CONSECUTIVE_FAILURES
    },
    // Only when given: the digest of a policy without it stays what it was.
    ...restoreEnvironment ? {
      restoreEnvironment: {
        scheduledWorkflows: strings(restoreEnvironment["scheduled_workflows"])
      }
    } : {}
  };
}

// core/generated/policy-validator.ts
var import_ucs2length = __toESM(require_ucs2length(), 1);
var import_equal = __toESM(require_equal(), 1);
var import_formats = __toESM(require_formats(), 1);
var policy_validator_default = validate20;
var schema31 = { "$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "urn:snapgate:schema:policy:v1", "title": "Snapgate policy", "description": "The policy of a repository that Snapgate backs up: `.github/snapgate.yml` on the default branch. Keys are snake_case. Durations are written like 15m, 24h, 30d or 2w (units s, m = minutes, h, d = 24h, w = 7d; parts may be combined, e.g. 1d12h). Dates are YYYY-MM-DD (UTC) or a full ISO 8601 time with a zone.", "type": "object", "additionalProperties": false, "required": ["keys", "tiers", "environments"], "properties": { "_extends": { "description": "Inherit the keys of another policy file, Probot style: `repo`, `owner/repo`, `repo:path.yml` or `owner/repo:path.yml` (e.g. `.github:snapgate-org.yml`). Without a path the same path as this file is read. Merging is shallow: a top-level key written here replaces the inherited one whole.", "type": "string", "pattern": "^(?:[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}/)?[-_.A-Za-z0-9]+(?::[-_./A-Za-z0-9]+\\.ya?ml)?$", "examples": [".github:snapgate-org.yml", "acme/policies:snapgate/base.yml"] }, "backup": { "description": "Where snapshots are stored when the GitHub backup-repository store is used.", "type": "object", "additionalProperties": false, "required": ["repository"], "properties": { "repository": { "description": "The protected backup repository, as owner/name.", "type": "string", "pattern": "^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}/[-_.A-Za-z0-9]{1,100}$", "examples": ["acme/config-backups"] }, "branch": { "description": "The branch of the backup repository that holds the store.", "type": "string", "minLength": 1, "default": "main" } } }, "keys": { "description": "Public keys: who can read backups (recipients) and whose manifest signatures the gate accepts (writers).", "type": "object", "additionalProperties": false, "required": ["recipients", "writers"], "properties": { "recipients": { "description": "age X25519 recipients (age1...). Every blob is encrypted to each of them. Removing one never revokes what it could already read.", "type": "array", "minItems": 1, "items": { "$ref": "#/$defs/ageRecipient" } }, "writers": { "description": "Writer verify keys (sgw1...) of the snapshot jobs. The gate accepts a manifest only when its signature verifies with one of them, valid at the snapshot's time.", "type": "array", "minItems": 1, "items": { "type": "object", "additionalProperties": false, "required": ["key"], "properties": { "key": { "description": "The writer verify key printed by `snapgate keygen --writer` (sgw1...).", "$ref": "#/$defs/writerKey" }, "valid_from": { "description": "First date the key may sign snapshots (inclusive). Omit for no start.", "$ref": "#/$defs/date" }, "valid_until": { "description": "Last date the key may sign snapshots (a bare date is inclusive: valid through the end of that UTC day). Omit for no end.", "$ref": "#/$defs/date" } } } }, "epochs": { "description": "Key epochs: recipient sets with validity periods, per tier. A snapshot is sealed to the epoch valid at its time for its tier (the first that matches); with none, to keys.recipients. Recipients of an epoch still need their identities kept until no snapshot under retention uses it.", "type": "array", "items": { "type": "object", "additionalProperties": false, "required": ["name", "recipients"], "properties": { "name": { "description": "The epoch's name, e.g. 2026-h2.", "$ref": "#/$defs/name" }, "recipients": { "description": "age X25519 recipients (age1...) of this epoch.", "type": "array", "minItems": 1, "items": { "$ref": "#/$defs/ageRecipient" } }, "tiers": { "description": "The tiers whose snapshots use this epoch. Omit for every tier.", "type": "array", "minItems": 1, "items": { "$ref": "#/$defs/tierName" } }, "valid_from": { "description": "First date the epoch seals new snapshots (inclusive). Omit for no start.", "$ref": "#/$defs/date" }, "valid_until": { "description": "Last date the epoch seals new snapshots (a bare date is inclusive). Omit for no end.", "$ref": "#/$defs/date" } } } }, "app": { "description": "App verify keys (sga1...) of the Snapgate App. Restore and forget request records are accepted only when signed by one of them, so that someone who can write the store cannot forge approvals. Without it, no request record is accepted.", "type": "array", "items": { "type": "object", "additionalProperties": false, "required": ["key"], "properties": { "key": { "description": "The app verify key printed by `snapgate keygen --app` (sga1...).", "$ref": "#/$defs/appKey" } } } } } }, "tiers": { "description": "Criticality tiers: freshness, approvals and retention. Each environment and component points at one by name.", "type": "object", "minProperties": 1, "additionalProperties": false, "patternProperties": { "^[a-z][a-z0-9_-]{0,62}$": { "$ref": "#/$defs/tier" } } }, "environments": { "description": "Deployment environments; each is a snapshot stream and gets its own gate check run. Names are lower case (a-z, 0-9, '.', '_', '-').", "type": "object", "minProperties": 1, "additionalProperties": false, "patternProperties": { "^[a-z0-9][a-z0-9._-]{0,62}$": { "$ref": "#/$defs/environment" } } }, "components": { "description": "Named groups of files with a tier and an owner. A file belongs to the first component (in this order) among those of the most critical tier whose globs match it.", "type": "array", "default": [], "items": { "$ref": "#/$defs/component" } }, "exclude": { "description": "Globs of transient files never backed up, added after Snapgate's default list (build outputs, caches, .terraform, node_modules, logs, temporary credentials). A glob starting with ! takes a path back in; the last matching glob wins, as in .gitignore.", "type": "array", "default": [], "items": { "$ref": "#/$defs/excludeGlob" } }, "exceptions": { "description": "Accepted gaps in coverage: paths that need no component until the exception expires. An expired exception fails the gate.", "type": "array", "default": [], "items": { "$ref": "#/$defs/exception" } }, "consistency": { "description": "Rules checked at snapshot time that compare values across files (e.g. the app config's db.schemaVersion equals db/VERSION). A failure fails the snapshot unless --allow-inconsistent is given, and is recorded in the manifest.", "type": "array", "default": [], "items": { "$ref": "#/$defs/consistencyRule" } }, "change_tickets": { "description": "Change tickets (CAB correlation): require a change id on snapshots of some tiers and phases, optionally confirmed by the change system.", "type": "object", "additionalProperties": false, "required": ["required_for", "pattern"], "properties": { "required_for": { "description": "For each tier name, the snapshot phases (pre, post, scheduled, manual) that need a change id.", "type": "object", "additionalProperties": false, "patternProperties": { "^[a-z][a-z0-9_-]{0,62}$": { "type": "array", "minItems": 1, "uniqueItems": true, "items": { "enum": ["pre", "post", "scheduled", "manual"] }, "description": "The phases of this tier's snapshots that need a change id." } } }, "pattern": { "description": "A regular expression (JavaScript syntax) a change id must match, e.g. ^CHG[0-9]{7}$.", "type": "string", "minLength": 1, "examples": ["^CHG[0-9]{7}$"] }, "endpoint": { "description": "The change system's HTTP endpoint that confirms a ticket is approved (GET {url}/{change id}; see docs/policy.md for the contract).", "type": "object", "additionalProperties": false, "required": ["url"], "properties": { "url": { "description": "Base URL; the change id is appended as one path segment.", "type": "string", "format": "uri", "pattern": "^https?://", "examples": ["https://change.example.com/api/snapgate/tickets"] }, "timeout": { "description": "How long to wait for an answer before refusing the snapshot.", "$ref": "#/$defs/duration", "default": "10s" }, "token_env": { "description": "Name of the environment variable holding a bearer token for the endpoint (never the token itself).", "type": "string", "pattern": "^[A-Z_][A-Z0-9_]*$", "examples": ["CHANGE_API_TOKEN"] } } } } }, "roles": { "description": "Who may do what, as GitHub users (@alice) or teams (@org/team). Checked live against GitHub at the time of the action.", "type": "object", "additionalProperties": false, "properties": { "restorers": { "description": "Who may request a restore.", "type": "array", "default": [], "uniqueItems": true, "items": { "$ref": "#/$defs/principal" } }, "approvers": { "description": "Who may approve or deny restore and forget requests.", "type": "array", "default": [], "uniqueItems": true, "items": { "$ref": "#/$defs/principal" } }, "auditors": { "description": "Who may read the audit log and compliance reports.", "type": "array", "default": [], "uniqueItems": true, "items": { "$ref": "#/$defs/principal" } }, "ops": { "description": "Operations: who may sign off a recovery drill for operations (`/snapgate signoff`). A tier with drill_signoff needs one of them.", "type": "array", "default": [], "uniqueItems": true, "items": { "$ref": "#/$defs/principal" } }, "security": { "description": "Security: who may sign off a recovery drill for security (`/snapgate signoff`). A tier with drill_signoff needs one of them, not the one who signed for ops.", "type": "array", "default": [], "uniqueItems": true, "items": { "$ref": "#/$defs/principal" } } } }, "restore_environment": { "description": "What the Snapgate App, as the protection rule of the `snapgate-restore` environment (which holds the restore identity), releases besides the runs it dispatches for approved restore requests (docs/restore-environment.md).", "type": "object", "additionalProperties": false, "properties": { "scheduled_workflows": { "description": "Workflow files (in .github/workflows) whose scheduled runs may use the restore environment: only `schedule` runs of the default branch, first attempt, while no environment is locked. They get the identity: protect these files like the restore workflow.", "type": "array", "default": [], "uniqueItems": true, "items": { "$ref": "#/$defs/workflowFile" }, "examples": [["scheduled-snapshot.yml", "scheduled-drill.yml"]] } } }, "alerts": { "description": "Health thresholds that raise issues and failing checks.", "type": "object", "additionalProperties": false, "properties": { "late_after": { "description": "Grace after a tier's max_age before a missing snapshot is reported as late.", "$ref": "#/$defs/duration", "default": "15m" }, "consecutive_failures": { "description": "Snapshot job failures in a row that raise an alert.", "type": "integer", "minimum": 1, "default": 2 } } } }, "$defs": { "duration": { "description": "A duration: digits and a unit (s, m = minutes, h, d, w), parts may be combined (1d12h).", "type": "string", "pattern": "^(?:[0-9]+(?:s|m|h|d|w))+$" }, "date": { "description": "A date (YYYY-MM-DD, UTC) or an ISO 8601 time with a zone.", "type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\\.[0-9]+)?)?(?:Z|[+-][0-9]{2}:[0-9]{2}))?$" }, "ageRecipient": { "description": "An age X25519 recipient (age1..., 62 characters).", "type": "string", "pattern": "^age1[02-9ac-hj-np-z]{58}$" }, "writerKey": { "description": "A Snapgate writer verify key (sgw1...).", "type": "string", "pattern": "^sgw1[02-9ac-hj-np-z]{58}$" }, "appKey": { "description": "A Snapgate app verify key (sga1...).", "type": "string", "pattern": "^sga1[02-9ac-hj-np-z]{58}$" }, "user": { "description": "A GitHub user, written @login.", "type": "string", "pattern": "^@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$" }, "principal": { "description": "A GitHub user (@login) or team (@org/team-slug).", "type": "string", "pattern": "^@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:/[A-Za-z0-9][A-Za-z0-9_.-]{0,99})?$" }, "glob": { "description": "A path glob relative to the repository root: * within a path segment, ** across segments, ? one character, [abc] a class, {a,b} alternatives.", "type": "string", "minLength": 1, "pattern": "^[^/!]" }, "excludeGlob": { "description": "A path glob, optionally prefixed with ! to take matching paths back in.", "type": "string", "minLength": 1, "pattern": "^!?[^/!]" }, "name": { "description": "A name: lower case letters, digits, '.', '_' and '-'.", "type": "string", "pattern": "^[a-z0-9][a-z0-9._-]{0,62}$" }, "tierName": { "description": "The name of a tier defined under tiers.", "type": "string", "pattern": "^[a-z][a-z0-9_-]{0,62}$" }, "keepCount": { "description": "How many to keep: a count, 0 (the rule is off), or -1 / unlimited (keep all).", "anyOf": [{ "type": "integer", "minimum": -1 }, { "const": "unlimited" }] }, "tier": { "description": "One tier: how fresh, how many approvals, how long kept.", "type": "object", "additionalProperties": false, "required": ["max_age"], "properties": { "level": { "description": "Criticality, 0 = most critical (tier-0: at least two people accept an exception, every uncovered path fails coverage). Defaults to N when the tier is named tierN; required otherwise.", "type": "integer", "minimum": 0, "maximum": 9 }, "max_age": { "description": "The newest verified snapshot of an environment of this tier must be at most this old for the gate to pass.", "$ref": "#/$defs/duration", "examples": ["24h"] }, "approvals": { "description": "Distinct eligible approvers a restore or forget request needs (the requester excluded). A snapshot takes the most critical tier of any file it holds.", "type": "integer", "minimum": 1, "maximum": 10, "default": 1 }, "request_ttl": { "description": "How long a restore request and its approvals stay valid.", "$ref": "#/$defs/duration", "default": "24h" }, "restore_verification": { "description": "When set, the gate also needs a restore-level verification (or drill) of the environment within this interval.", "$ref": "#/$defs/duration", "examples": ["30d"] }, "rto": { "description": "Recovery time objective: the longest a drill may take from the start of the restore to the end of its validation (`snapgate drill` compares and records it).", "$ref": "#/$defs/duration", "examples": ["1h"] }, "rpo": { "description": "Recovery point objective: the oldest the drilled snapshot may be at the drill (the configuration changes a restore would lose).", "$ref": "#/$defs/duration", "examples": ["24h"] }, "drill_interval": { "description": "When set, the gate also needs a passing, signed recovery drill (`snapgate drill`) of the environment within this interval.", "$ref": "#/$defs/duration", "examples": ["90d"] }, "drill_signoff": { "description": "With drill_interval: the drill within the interval must also be signed off, in comments (`/snapgate signoff <drill>`), by someone in roles.ops and someone else in roles.security.", "type": "boolean", "default": false }, "retention": { "description": "Which snapshots `snapgate forget` keeps. With no keep rule every snapshot is kept.", "type": "object", "additionalProperties": false, "properties": { "keep": { "description": "restic's forget rules, applied per environment, newest first; a snapshot kept by any rule is kept.", "type": "object", "additionalProperties": false, "properties": { "last": { "description": "Keep the newest n snapshots.", "$ref": "#/$defs/keepCount" }, "hourly": { "description": "For the last n hours (UTC) that have snapshots, keep the newest snapshot of each.", "$ref": "#/$defs/keepCount" }, "daily": { "description": "For the last n days (UTC) that have snapshots, keep the newest snapshot of each.", "$ref": "#/$defs/keepCount" }, "weekly": { "description": "For the last n ISO weeks (Monday to Sunday, UTC) that have snapshots, keep the newest snapshot of each.", "$ref": "#/$defs/keepCount" }, "monthly": { "description": "For the last n months (UTC) that have snapshots, keep the newest snapshot of each.", "$ref": "#/$defs/keepCount" }, "yearly": { "description": "For the last n years (UTC) that have snapshots, keep the newest snapshot of each.", "$ref": "#/$defs/keepCount" }, "within": { "description": "Keep every snapshot newer than this duration before the newest snapshot (not before now), in whole hours, days or weeks.", "$ref": "#/$defs/duration", "examples": ["7d"] }, "within_hourly": { "description": "Among the snapshots newer than this duration before the newest snapshot, keep the newest of each hour (UTC), like restic's --keep-within-hourly; whole hours, days or weeks.", "$ref": "#/$defs/duration", "examples": ["2d"] }, "within_daily": { "description": "Among the snapshots newer than this duration before the newest snapshot, keep the newest of each day (UTC), like restic's --keep-within-daily; whole hours, days or weeks.", "$ref": "#/$defs/duration", "examples": ["30d"] }, "within_weekly": { "description": "Among the snapshots newer than this duration before the newest snapshot, keep the newest of each ISO week (UTC), like restic's --keep-within-weekly; whole hours, days or weeks.", "$ref": "#/$defs/duration", "examples": ["12w"] }, "within_monthly": { "description": "Among the snapshots newer than this duration before the newest snapshot, keep the newest of each month (UTC), like restic's --keep-within-monthly; whole hours, days or weeks.", "$ref": "#/$defs/duration", "examples": ["365d"] }, "within_yearly": { "description": "Among the snapshots newer than this duration before the newest snapshot, keep the newest of each year (UTC), like restic's --keep-within-yearly; whole hours, days or weeks.", "$ref": "#/$defs/duration", "examples": ["3650d"] }, "tags": { "description": "Keep snapshots carrying any of these tags (restic's --keep-tag with one tag per list).", "type": "array", "uniqueItems": true, "items": { "$ref": "#/$defs/tag" } } } }, "floor": { "description": "Snapgate's floors: they can only keep more than the keep rules.", "type": "object", "additionalProperties": false, "properties": { "min_age": { "description": "Keep every snapshot younger than this (measured from now).", "$ref": "#/$defs/duration", "examples": ["90d"] }, "min_count": { "description": "Always keep at least the newest n snapshots.", "type": "integer", "minimum": 0 }, "tags": { "description": "Keep every snapshot carrying any of these tags, whatever the keep rules say.", "type": "array", "uniqueItems": true, "items": { "$ref": "#/$defs/tag" } }, "legal_hold": { "description": "While present, no snapshot of this tier is forgotten (and an s3:// store puts its objects under an S3 legal hold). Remove it to lift the hold; on an s3:// store then run `snapgate lift-legal-hold`.", "type": "object", "additionalProperties": false, "required": ["reason"], "properties": { "reason": { "description": "Why the hold is in place (matter or case reference).", "type": "string", "minLength": 3 }, "since": { "description": "When the hold was placed (informational).", "$ref": "#/$defs/date" } } } } }, "object_lock": { "description": "For an s3:// store in a bucket with Object Lock: the S3 retention of this tier's blobs, manifest nodes and roots, audit appends and records, each kept until floor.min_age (needed, rounded up to whole days) after its write. The command-line flags --object-lock-mode and --retain-days override it. Without it (and without the flags) the bucket's default retention applies.", "type": "object", "additionalProperties": false, "required": ["mode"], "properties": { "mode": { "description": "The S3 Object Lock mode: COMPLIANCE (nobody can shorten or remove the retention, not even the bucket's owner) or GOVERNANCE (credentials allowed s3:BypassGovernanceRetention can; doctor checks that the store's own cannot).", "enum": ["COMPLIANCE", "GOVERNANCE"] } } } } } } }, "tag": { "description": "A snapshot tag.", "type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9._:-]{0,62}$" }, "environment": { "description": "One environment: its tier and where its gate and workflows are.", "type": "object", "additionalProperties": false, "required": ["tier"], "properties": { "tier": { "description": "The tier of the environment; also the tier of its files that belong to no component, or to a component without a tier.", "$ref": "#/$defs/tierName" }, "release_branches": { "description": "Branch globs whose pull requests, pushes and merge queues get this environment's gate check run.", "type": "array", "default": [], "uniqueItems": true, "items": { "type": "string", "minLength": 1 } }, "restore_workflow": { "description": "Workflow file (in .github/workflows) that the app dispatches to restore.", "$ref": "#/$defs/workflowFile" }, "snapshot_workflow": { "description": "Workflow file (in .github/workflows) that the 'Snapshot now' button dispatches.", "$ref": "#/$defs/workflowFile" }, "paths": { "description": "Globs of the files in scope for this environment; all files when omitted. Snapshots and drift checks of the environment that name no paths take these.", "type": "array", "minItems": 1, "items": { "$ref": "#/$defs/glob" } } } }, "workflowFile": { "description": "A workflow file name.", "type": "string", "pattern": "^[A-Za-z0-9._-]+\\.ya?ml$" }, "component": { "description": "One component.", "type": "object", "additionalProperties": false, "required": ["name", "paths"], "properties": { "name": { "description": "Unique component name.", "$ref": "#/$defs/name" }, "paths": { "description": "Globs of the component's files.", "type": "array", "minItems": 1, "items": { "$ref": "#/$defs/glob" } }, "tier": { "description": "The component's tier; the environment's tier when omitted.", "$ref": "#/$defs/tierName" }, "owner": { "description": "Who owns the component (@user or @org/team); recorded per file in manifests.", "$ref": "#/$defs/principal" }, "secret": { "description": "Treat every file of the component as secret (never compressed before encryption), even if its name does not look like a secret.", "type": "boolean", "default": false }, "environments": { "description": "Environments whose snapshots must cover this component; all environments when omitted.", "type": "array", "minItems": 1, "uniqueItems": true, "items": { "$ref": "#/$defs/name" } } } }, "exception": { "description": "One accepted gap in coverage.", "type": "object", "additionalProperties": false, "required": ["paths", "reason", "accepted_by", "expires"], "properties": { "paths": { "description": "Globs of the paths the exception covers.", "type": "array", "minItems": 1, "items": { "$ref": "#/$defs/glob" } }, "reason": { "description": "Why the gap is acceptable.", "type": "string", "minLength": 10 }, "accepted_by": { "description": "People (@login, not teams) who accepted the risk; at least two distinct people when the exception touches a tier-0 environment.", "type": "array", "minItems": 1, "uniqueItems": true, "items": { "$ref": "#/$defs/user" } }, "expires": { "description": "When the exception ends; a bare date means the end of that UTC day. After it, the gate fails until the gap is closed or the exception renewed.", "$ref": "#/$defs/date" }, "environments": { "description": "Environments the exception applies to; all environments when omitted.", "type": "array", "minItems": 1, "uniqueItems": true, "items": { "$ref": "#/$defs/name" } } } }, "valueRef": { "description": "Where a value is read from.", "type": "object", "additionalProperties": false, "required": ["file"], "properties": { "file": { "description": "Path of the file, relative to the repository root.", "type": "string", "minLength": 1, "pattern": "^[^/]" }, "path": { "description": "Where the value sits: a dotted path for yaml/json (db.schemaVersion, servers[0].port), a variable name for env; omit for text (the whole file, trimmed).", "type": "string", "minLength": 1 }, "format": { "description": "How to read the file; from the extension when omitted (.yml/.yaml yaml, .json json, .env or .env.* env, anything else text).", "enum": ["yaml", "json", "env", "text"] } } }, "consistencyRule": { "description": "One consistency rule.", "type": "object", "additionalProperties": false, "required": ["name", "left", "rule"], "properties": { "name": { "description": "Unique rule name, recorded in the manifest.", "$ref": "#/$defs/name" }, "left": { "description": "The value that is checked.", "$ref": "#/$defs/valueRef" }, "right": { "description": "The value it is compared with (equal: the same text; semver: a range the left version must satisfy; regex: what the pattern's first capture group must equal).", "$ref": "#/$defs/valueRef" }, "rule": { "description": "equal: left and right are the same text; semver: left is a version satisfying right (or range); regex: left matches pattern (and its first group equals right, when given).", "enum": ["equal", "semver", "regex"] }, "pattern": { "description": "For rule regex: a JavaScript regular expression the left value must match.", "type": "string", "minLength": 1 }, "range": { "description": "For rule semver without right: the semver range the left version must satisfy, e.g. >=1.4.0 <2.", "type": "string", "minLength": 1 } } } } };
var schema32 = { "description": "An age X25519 recipient (age1..., 62 characters).", "type": "string", "pattern": "^age1[02-9ac-hj-np-z]{58}$" };
var schema33 = { "description": "A Snapgate writer verify key (sgw1...).", "type": "string", "pattern": "^sgw1[02-9ac-hj-np-z]{58}$" };
var schema34 = { "description": "A date (YYYY-MM-DD, UTC) or an ISO 8601 time with a zone.", "type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\\.[0-9]+)?)?(?:Z|[+-][0-9]{2}:[0-9]{2}))?$" };
var schema36 = { "description": "A name: lower case letters, digits, '.', '_' and '-'.", "type": "string", "pattern": "^[a-z0-9][a-z0-9._-]{0,62}$" };
var schema38 = { "description": "The name of a tier defined under tiers.", "type": "string", "pattern": "^[a-z][a-z0-9_-]{0,62}$" };
var schema41 = { "description": "A Snapgate app verify key (sga1...).", "type": "string", "pattern": "^sga1[02-9ac-hj-np-z]{58}$" };
var schema76 = { "description": "A path glob, optionally prefixed with ! to take matching paths back in.", "type": "string", "minLength": 1, "pattern": "^!?[^/!]" };
var schema43 = { "description": "A duration: digits and a unit (s, m = minutes, h, d, w), parts may be combined (1d12h).", "type": "string", "pattern": "^(?:[0-9]+(?:s|m|h|d|w))+$" };
var schema74 = { "description": "A GitHub user (@login) or team (@org/team-slug).", "type": "string", "pattern": "^@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:/[A-Za-z0-9][A-Za-z0-9_.-]{0,99})?$" };
var schema67 = { "description": "A workflow file name.", "type": "string", "pattern": "^[A-Za-z0-9._-]+\\.ya?ml$" };
var func1 = Object.prototype.hasOwnProperty;
var func2 = import_ucs2length.default.default;
var func0 = import_equal.default.default;
var pattern4 = new RegExp("^(?:[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}/)?[-_.A-Za-z0-9]+(?::[-_./A-Za-z0-9]+\\.ya?ml)?$", "u");
var pattern5 = new RegExp("^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}/[-_.A-Za-z0-9]{1,100}$", "u");
var pattern6 = new RegExp("^age1[02-9ac-hj-np-z]{58}$", "u");
var pattern7 = new RegExp("^sgw1[02-9ac-hj-np-z]{58}$", "u");
var pattern8 = new RegExp("^[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\\.[0-9]+)?)?(?:Z|[+-][0-9]{2}:[0-9]{2}))?$", "u");
var pattern10 = new RegExp("^[a-z0-9][a-z0-9._-]{0,62}$", "u");
var pattern12 = new RegExp("^[a-z][a-z0-9_-]{0,62}$", "u");
var pattern15 = new RegExp("^sga1[02-9ac-hj-np-z]{58}$", "u");
var pattern45 = new RegExp("^!?[^/!]", "u");
var pattern55 = new RegExp("^https?://", "u");
var pattern18 = new RegExp("^(?:[0-9]+(?:s|m|h|d|w))+$", "u");
var pattern57 = new RegExp("^[A-Z_][A-Z0-9_]*$", "u");
var pattern43 = new RegExp("^@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:/[A-Za-z0-9][A-Za-z0-9_.-]{0,99})?$", "u");
var pattern37 = new RegExp("^[A-Za-z0-9._-]+\\.ya?ml$", "u");
var schema42 = { "description": "One tier: how fresh, how many approvals, how long kept.", "type": "object", "additionalProperties": false, "required": ["max_age"], "properties": { "level": { "description": "Criticality, 0 = most critical (tier-0: at least two people accept an exception, every uncovered path fails coverage). Defaults to N when the tier is named tierN; required otherwise.", "type": "integer", "minimum": 0, "maximum": 9 }, "max_age": { "description": "The newest verified snapshot of an environment of this tier must be at most this old for the gate to pass.", "$ref": "#/$defs/duration", "examples": ["24h"] }, "approvals": { "description": "Distinct eligible approvers a restore or forget request needs (the requester excluded). A snapshot takes the most critical tier of any file it holds.", "type": "integer", "minimum": 1, "maximum": 10, "default": 1 }, "request_ttl": { "description": "How long a restore request and its approvals stay valid.", "$ref": "#/$defs/duration", "default": "24h" }, "restore_verification": { "description": "When set, the gate also needs a restore-level verification (or drill) of the environment within this interval.", "$ref": "#/$defs/duration", "examples": ["30d"] }, "rto": { "description": "Recovery time objective: the longest a drill may take from the start of the restore to the end of its validation (`snapgate drill` compares and records it).", "$ref": "#/$defs/duration", "examples": ["1h"] }, "rpo": { "description": "Recovery point objective: the oldest the drilled snapshot may be at the drill (the configuration changes a restore would lose).", "$ref": "#/$defs/duration", "examples": ["24h"] }, "drill_interval": { "description": "When set, the gate also needs a passing, signed recovery drill (`snapgate drill`) of the environment within this interval.", "$ref": "#/$defs/duration", "examples": ["90d"] }, "drill_signoff": { "description": "With drill_interval: the drill within the interval must also be signed off, in comments (`/snapgate signoff <drill>`), by someone in roles.ops and someone else in roles.security.", "type": "boolean", "default": false }, "retention": { "description": "Which snapshots `snapgate forget` keeps. With no keep rule every snapshot is kept.", "type": "object", "additionalProperties": false, "properties": { "keep": { "description": "restic's forget rules, applied per environment, newest first; a snapshot kept by any rule is kept.", "type": "object", "additionalProperties": false, "properties": { "last": { "description": "Keep the newest n snapshots.", "$ref": "#/$defs/keepCount" }, "hourly": { "description": "For the last n hours (UTC) that have snapshots, keep the newest snapshot of each.", "$ref": "#/$defs/keepCount" }, "daily": { "description": "For the last n days (UTC) that have snapshots, keep the newest snapshot of each.", "$ref": "#/$defs/keepCount" }, "weekly": { "description": "For the last n ISO weeks (Monday to Sunday, UTC) that have snapshots, keep the newest snapshot of each.", "$ref": "#/$defs/keepCount" }, "monthly": { "description": "For the last n months (UTC) that have snapshots, keep the newest snapshot of each.", "$ref": "#/$defs/keepCount" }, "yearly": { "description": "For the last n years (UTC) that have snapshots, keep the newest snapshot of each.", "$ref": "#/$defs/keepCount" }, "within": { "description": "Keep every snapshot newer than this duration before the newest snapshot (not before now), in whole hours, days or weeks.", "$ref": "#/$defs/duration", "examples": ["7d"] }, "within_hourly": { "description": "Among the snapshots newer than this duration before the newest snapshot, keep the newest of each hour (UTC), like restic's --keep-within-hourly; whole hours, days or weeks.", "$ref": "#/$defs/duration", "examples": ["2d"] }, "within_daily": { "description": "Among the snapshots newer than this duration before the newest snapshot, keep the newest of each day (UTC), like restic's --keep-within-daily; whole hours, days or weeks.", "$ref": "#/$defs/duration", "examples": ["30d"] }, "within_weekly": { "description": "Among the snapshots newer than this duration before the newest snapshot, keep the newest of each ISO week (UTC), like restic's --keep-within-weekly; whole hours, days or weeks.", "$ref": "#/$defs/duration", "examples": ["12w"] }, "within_monthly": { "description": "Among the snapshots newer than this duration before the newest snapshot, keep the newest of each month (UTC), like restic's --keep-within-monthly; whole hours, days or weeks.", "$ref": "#/$defs/duration", "examples": ["365d"] }, "within_yearly": { "description": "Among the snapshots newer than this duration before the newest snapshot, keep the newest of each year (UTC), like restic's --keep-within-yearly; whole hours, days or weeks.", "$ref": "#/$defs/duration", "examples": ["3650d"] }, "tags": { "description": "Keep snapshots carrying any of these tags (restic's --keep-tag with one tag per list).", "type": "array", "uniqueItems": true, "items": { "$ref": "#/$defs/tag" } } } }, "floor": { "description": "Snapgate's floors: they can only keep more than the keep rules.", "type": "object", "additionalProperties": false, "properties": { "min_age": { "description": "Keep every snapshot younger than this (measured from now).", "$ref": "#/$defs/duration", "examples": ["90d"] }, "min_count": { "description": "Always keep at least the newest n snapshots.", "type": "integer", "minimum": 0 }, "tags": { "description": "Keep every snapshot carrying any of these tags, whatever the keep rules say.", "type": "array", "uniqueItems": true, "items": { "$ref": "#/$defs/tag" } }, "legal_hold": { "description": "While present, no snapshot of this tier is forgotten (and an s3:// store puts its objects under an S3 legal hold). Remove it to lift the hold; on an s3:// store then run `snapgate lift-legal-hold`.", "type": "object", "additionalProperties": false, "required": ["reason"], "properties": { "reason": { "description": "Why the hold is in place (matter or case reference).", "type": "string", "minLength": 3 }, "since": { "description": "When the hold was placed (informational).", "$ref": "#/$defs/date" } } } } }, "object_lock": { "description": "For an s3:// store in a bucket with Object Lock: the S3 retention of this tier's blobs, manifest nodes and roots, audit appends and records, each kept until floor.min_age (needed, rounded up to whole days) after its write. The command-line flags --object-lock-mode and --retain-days override it. Without it (and without the flags) the bucket's default retention applies.", "type": "object", "additionalProperties": false, "required": ["mode"], "properties": { "mode": { "description": "The S3 Object Lock mode: COMPLIANCE (nobody can shorten or remove the retention, not even the bucket's owner) or GOVERNANCE (credentials allowed s3:BypassGovernanceRetention can; doctor checks that the store's own cannot).", "enum": ["COMPLIANCE", "GOVERNANCE"] } } } } } } };
var schema49 = { "description": "How many to keep: a count, 0 (the rule is off), or -1 / unlimited (keep all).", "anyOf": [{ "type": "integer", "minimum": -1 }, { "const": "unlimited" }] };
var schema61 = { "description": "A snapshot tag.", "type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9._:-]{0,62}$" };
var pattern30 = new RegExp("^[A-Za-z0-9][A-Za-z0-9._:-]{0,62}$", "u");
function validate21(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate21.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.max_age === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "max_age" }, message: "must have required property 'max_age'", schema: schema42.required, parentSchema: schema42, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!func1.call(schema42.properties, key0)) {
        const err1 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema42, data };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.level !== void 0) {
      let data0 = data.level;
      if (!(typeof data0 == "number" && (!(data0 % 1) && !isNaN(data0)) && isFinite(data0))) {
        const err2 = { instancePath: instancePath + "/level", schemaPath: "#/properties/level/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema42.properties.level.type, parentSchema: schema42.properties.level, data: data0 };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
      if (typeof data0 == "number" && isFinite(data0)) {
        if (data0 > 9 || isNaN(data0)) {
          const err3 = { instancePath: instancePath + "/level", schemaPath: "#/properties/level/maximum", keyword: "maximum", params: { comparison: "<=", limit: 9 }, message: "must be <= 9", schema: 9, parentSchema: schema42.properties.level, data: data0 };
          if (vErrors === null) {
            vErrors = [err3];
          } else {
            vErrors.push(err3);
          }
          errors++;
        }
        if (data0 < 0 || isNaN(data0)) {
          const err4 = { instancePath: instancePath + "/level", schemaPath: "#/properties/level/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema42.properties.level, data: data0 };
          if (vErrors === null) {
            vErrors = [err4];
          } else {
            vErrors.push(err4);
          }
          errors++;
        }
      }
    }
    if (data.max_age !== void 0) {
      let data1 = data.max_age;
      if (typeof data1 === "string") {
        if (!pattern18.test(data1)) {
          const err5 = { instancePath: instancePath + "/max_age", schemaPath: "#/$defs/duration/pattern", keyword: "pattern", params: { pattern: "^(?:[0-9]+(?:s|m|h|d|w))+$" }, message: 'must match pattern "^(?:[0-9]+(?:s|m|h|d|w))+$"', schema: "^(?:[0-9]+(?:s|m|h|d|w))+$", parentSchema: schema43, data: data1 };
          if (vErrors === null) {
            vErrors = [err5];
          } else {
            vErrors.push(err5);
          }
          errors++;
        }
      } else {
        const err6 = { instancePath: instancePath + "/max_age", schemaPath: "#/$defs/duration/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema43.type, parentSchema: schema43, data: data1 };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
    }
    if (data.approvals !== void 0) {
      let data2 = data.approvals;
      if (!(typeof data2 == "number" && (!(data2 % 1) && !isNaN(data2)) && isFinite(data2))) {
        const err7 = { instancePath: instancePath + "/approvals", schemaPath: "#/properties/approvals/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema42.properties.approvals.type, parentSchema: schema42.properties.approvals, data: data2 };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
      if (typeof data2 == "number" && isFinite(data2)) {
        if (data2 > 10 || isNaN(data2)) {
          const err8 = { instancePath: instancePath + "/approvals", schemaPath: "#/properties/approvals/maximum", keyword: "maximum", params: { comparison: "<=", limit: 10 }, message: "must be <= 10", schema: 10, parentSchema: schema42.properties.approvals, data: data2 };
          if (vErrors === null) {
            vErrors = [err8];
          } else {
            vErrors.push(err8);
          }
          errors++;
        }
        if (data2 < 1 || isNaN(data2)) {
          const err9 = { instancePath: instancePath + "/approvals", schemaPath: "#/properties/approvals/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema42.properties.approvals, data: data2 };
          if (vErrors === null) {
            vErrors = [err9];
          } else {
            vErrors.push(err9);
          }
          errors++;
        }
      }
    }
    if (data.request_ttl !== void 0) {
      let data3 = data.request_ttl;
      if (typeof data3 === "string") {
        if (!pattern18.test(data3)) {
          const err10 = { instancePath: instancePath + "/request_ttl", schemaPath: "#/$defs/duration/pattern", keyword: "pattern", params: { pattern: "^(?:[0-9]+(?:s|m|h|d|w))+$" }, message: 'must match pattern "^(?:[0-9]+(?:s|m|h|d|w))+$"', schema: "^(?:[0-9]+(?:s|m|h|d|w))+$", parentSchema: schema43, data: data3 };
          if (vErrors === null) {
            vErrors = [err10];
          } else {
            vErrors.push(err10);
          }
          errors++;
        }
      } else {
        const err11 = { instancePath: instancePath + "/request_ttl", schemaPath: "#/$defs/duration/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema43.type, parentSchema: schema43, data: data3 };
        if (vErrors === null) {
          vErrors = [err11];
        } else {
          vErrors.push(err11);
        }
        errors++;
      }
    }
    if (data.restore_verification !== void 0) {
      let data4 = data.restore_verification;
      if (typeof data4 === "string") {
        if (!pattern18.test(data4)) {
          const err12 = { instancePath: instancePath + "/restore_verification", schemaPath: "#/$defs/duration/pattern", keyword: "pattern", params: { pattern: "^(?:[0-9]+(?:s|m|h|d|w))+$" }, message: 'must match pattern "^(?:[0-9]+(?:s|m|h|d|w))+$"', schema: "^(?:[0-9]+(?:s|m|h|d|w))+$", parentSchema: schema43, data: data4 };
          if (vErrors === null) {
            vErrors = [err12];
          } else {
            vErrors.push(err12);
          }
          errors++;
        }
      } else {
        const err13 = { instancePath: instancePath + "/restore_verification", schemaPath: "#/$defs/duration/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema43.type, parentSchema: schema43, data: data4 };
        if (vErrors === null) {
          vErrors = [err13];
        } else {
          vErrors.push(err13);
        }
        errors++;
      }
    }
    if (data.rto !== void 0) {
      let data5 = data.rto;
      if (typeof data5 === "string") {
        if (!pattern18.test(data5)) {
          const err14 = { instancePath: instancePath + "/rto", schemaPath: "#/$defs/duration/pattern", keyword: "pattern", params: { pattern: "^(?:[0-9]+(?:s|m|h|d|w))+$" }, message: 'must match pattern "^(?:[0-9]+(?:s|m|h|d|w))+$"', schema: "^(?:[0-9]+(?:s|m|h|d|w))+$", parentSchema: schema43, data: data5 };
          if (vErrors === null) {
            vErrors = [err14];
          } else {
            vErrors.push(err14);
          }
          errors++;
        }
      } else {
        const err15 = { instancePath: instancePath + "/rto", schemaPath: "#/$defs/duration/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema43.type, parentSchema: schema43, data: data5 };
        if (vErrors === null) {
          vErrors = [err15];
        } else {
          vErrors.push(err15);
        }
        errors++;
      }
    }
    if (data.rpo !== void 0) {
      let data6 = data.rpo;
      if (typeof data6 === "string") {
        if (!pattern18.test(data6)) {
          const err16 = { instancePath: instancePath + "/rpo", schemaPath: "#/$defs/duration/pattern", keyword: "pattern", params: { pattern: "^(?:[0-9]+(?:s|m|h|d|w))+$" }, message: 'must match pattern "^(?:[0-9]+(?:s|m|h|d|w))+$"', schema: "^(?:[0-9]+(?:s|m|h|d|w))+$", parentSchema: schema43, data: data6 };
          if (vErrors === null) {
            vErrors = [err16];
          } else {
            vErrors.push(err16);
          }
          errors++;
        }
      } else {
        const err17 = { instancePath: instancePath + "/rpo", schemaPath: "#/$defs/duration/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema43.type, parentSchema: schema43, data: data6 };
        if (vErrors === null) {
          vErrors = [err17];
        } else {
          vErrors.push(err17);
        }
        errors++;
      }
    }
    if (data.drill_interval !== void 0) {
      let data7 = data.drill_interval;
      if (typeof data7 === "string") {
        if (!pattern18.test(data7)) {
          const err18 = { instancePath: instancePath + "/drill_interval", schemaPath: "#/$defs/duration/pattern", keyword: "pattern", params: { pattern: "^(?:[0-9]+(?:s|m|h|d|w))+$" }, message: 'must match pattern "^(?:[0-9]+(?:s|m|h|d|w))+$"', schema: "^(?:[0-9]+(?:s|m|h|d|w))+$", parentSchema: schema43, data: data7 };
          if (vErrors === null) {
            vErrors = [err18];
          } else {
            vErrors.push(err18);
          }
          errors++;
        }
      } else {
        const err19 = { instancePath: instancePath + "/drill_interval", schemaPath: "#/$defs/duration/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema43.type, parentSchema: schema43, data: data7 };
        if (vErrors === null) {
          vErrors = [err19];
        } else {
          vErrors.push(err19);
        }
        errors++;
      }
    }
    if (data.drill_signoff !== void 0) {
      let data8 = data.drill_signoff;
      if (typeof data8 !== "boolean") {
        const err20 = { instancePath: instancePath + "/drill_signoff", schemaPath: "#/properties/drill_signoff/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema42.properties.drill_signoff.type, parentSchema: schema42.properties.drill_signoff, data: data8 };
        if (vErrors === null) {
          vErrors = [err20];
        } else {
          vErrors.push(err20);
        }
        errors++;
      }
    }
    if (data.retention !== void 0) {
      let data9 = data.retention;
      if (data9 && typeof data9 == "object" && !Array.isArray(data9)) {
        for (const key1 in data9) {
          if (!(key1 === "keep" || key1 === "floor" || key1 === "object_lock")) {
            const err21 = { instancePath: instancePath + "/retention", schemaPath: "#/properties/retention/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties", schema: false, parentSchema: schema42.properties.retention, data: data9 };
            if (vErrors === null) {
              vErrors = [err21];
            } else {
              vErrors.push(err21);
            }
            errors++;
          }
        }
        if (data9.keep !== void 0) {
          let data10 = data9.keep;
          if (data10 && typeof data10 == "object" && !Array.isArray(data10)) {
            for (const key2 in data10) {
              if (!func1.call(schema42.properties.retention.properties.keep.properties, key2)) {
                const err22 = { instancePath: instancePath + "/retention/keep", schemaPath: "#/properties/retention/properties/keep/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties", schema: false, parentSchema: schema42.properties.retention.properties.keep, data: data10 };
                if (vErrors === null) {
                  vErrors = [err22];
                } else {
                  vErrors.push(err22);
                }
                errors++;
              }
            }
            if (data10.last !== void 0) {
              let data11 = data10.last;
              const _errs34 = errors;
              let valid10 = false;
              const _errs35 = errors;
              if (!(typeof data11 == "number" && (!(data11 % 1) && !isNaN(data11)) && isFinite(data11))) {
                const err23 = { instancePath: instancePath + "/retention/keep/last", schemaPath: "#/$defs/keepCount/anyOf/0/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema49.anyOf[0].type, parentSchema: schema49.anyOf[0], data: data11 };
                if (vErrors === null) {
                  vErrors = [err23];
                } else {
                  vErrors.push(err23);
                }
                errors++;
              }
              if (typeof data11 == "number" && isFinite(data11)) {
                if (data11 < -1 || isNaN(data11)) {
                  const err24 = { instancePath: instancePath + "/retention/keep/last", schemaPath: "#/$defs/keepCount/anyOf/0/minimum", keyword: "minimum", params: { comparison: ">=", limit: -1 }, message: "must be >= -1", schema: -1, parentSchema: schema49.anyOf[0], data: data11 };
                  if (vErrors === null) {
                    vErrors = [err24];
                  } else {
                    vErrors.push(err24);
                  }
                  errors++;
                }
              }
              var _valid0 = _errs35 === errors;
              valid10 = valid10 || _valid0;
              const _errs37 = errors;
              if ("unlimited" !== data11) {
                const err25 = { instancePath: instancePath + "/retention/keep/last", schemaPath: "#/$defs/keepCount/anyOf/1/const", keyword: "const", params: { allowedValue: "unlimited" }, message: "must be equal to constant", schema: "unlimited", parentSchema: schema49.anyOf[1], data: data11 };
                if (vErrors === null) {
                  vErrors = [err25];
                } else {
                  vErrors.push(err25);
                }
                errors++;
              }
              var _valid0 = _errs37 === errors;
              valid10 = valid10 || _valid0;
              if (!valid10) {
                const err26 = { instancePath: instancePath + "/retention/keep/last", schemaPath: "#/$defs/keepCount/anyOf", keyword: "anyOf", params: {}, message: "must match a schema in anyOf", schema: schema49.anyOf, parentSchema: schema49, data: data11 };
                if (vErrors === null) {
                  vErrors = [err26];
                } else {
                  vErrors.push(err26);
                }
                errors++;
              } else {
                errors = _errs34;
                if (vErrors !== null) {
                  if (_errs34) {
                    vErrors.length = _errs34;
                  } else {
                    vErrors = null;
                  }
                }
              }
            }
            if (data10.hourly !== void 0) {
              let data12 = data10.hourly;
              const _errs40 = errors;
              let valid12 = false;
              const _errs41 = errors;
              if (!(typeof data12 == "number" && (!(data12 % 1) && !isNaN(data12)) && isFinite(data12))) {
                const err27 = { instancePath: instancePath + "/retention/keep/hourly", schemaPath: "#/$defs/keepCount/anyOf/0/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema49.anyOf[0].type, parentSchema: schema49.anyOf[0], data: data12 };
                if (vErrors === null) {
                  vErrors = [err27];
                } else {
                  vErrors.push(err27);
                }
                errors++;
              }
              if (typeof data12 == "number" && isFinite(data12)) {
                if (data12 < -1 || isNaN(data12)) {
                  const err28 = { instancePath: instancePath + "/retention/keep/hourly", schemaPath: "#/$defs/keepCount/anyOf/0/minimum", keyword: "minimum", params: { comparison: ">=", limit: -1 }, message: "must be >= -1", schema: -1, parentSchema: schema49.anyOf[0], data: data12 };
                  if (vErrors === null) {
                    vErrors = [err28];
                  } else {
                    vErrors.push(err28);
                  }
                  errors++;
                }
              }
              var _valid1 = _errs41 === errors;
              valid12 = valid12 || _valid1;
              const _errs43 = errors;
              if ("unlimited" !== data12) {
                const err29 = { instancePath: instancePath + "/retention/keep/hourly", schemaPath: "#/$defs/keepCount/anyOf/1/const", keyword: "const", params: { allowedValue: "unlimited" }, message: "must be equal to constant", schema: "unlimited", parentSchema: schema49.anyOf[1], data: data12 };
                if (vErrors === null) {
                  vErrors = [err29];
                } else {
                  vErrors.push(err29);
                }
                errors++;
              }
              var _valid1 = _errs43 === errors;
              valid12 = valid12 || _valid1;
              if (!valid12) {
                const err30 = { instancePath: instancePath + "/retention/keep/hourly", schemaPath: "#/$defs/keepCount/anyOf", keyword: "anyOf", params: {}, message: "must match a schema in anyOf", schema: schema49.anyOf, parentSchema: schema49, data: data12 };
                if (vErrors === null) {
                  vErrors = [err30];
                } else {
                  vErrors.push(err30);
                }
                errors++;
              } else {
                errors = _errs40;
                if (vErrors !== null) {
                  if (_errs40) {
                    vErrors.length = _errs40;
                  } else {
                    vErrors = null;
                  }
                }
              }
            }
            if (data10.daily !== void 0) {
              let data13 = data10.daily;
              const _errs46 = errors;
              let valid14 = false;
              const _errs47 = errors;
              if (!(typeof data13 == "number" && (!(data13 % 1) && !isNaN(data13)) && isFinite(data13))) {
                const err31 = { instancePath: instancePath + "/retention/keep/daily", schemaPath: "#/$defs/keepCount/anyOf/0/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema49.anyOf[0].type, parentSchema: schema49.anyOf[0], data: data13 };
                if (vErrors === null) {
                  vErrors = [err31];
                } else {
                  vErrors.push(err31);
                }
                errors++;
              }
              if (typeof data13 == "number" && isFinite(data13)) {
                if (data13 < -1 || isNaN(data13)) {
                  const err32 = { instancePath: instancePath + "/retention/keep/daily", schemaPath: "#/$defs/keepCount/anyOf/0/minimum", keyword: "minimum", params: { comparison: ">=", limit: -1 }, message: "must be >= -1", schema: -1, parentSchema: schema49.anyOf[0], data: data13 };
                  if (vErrors === null) {
                    vErrors = [err32];
                  } else {
                    vErrors.push(err32);
                  }
                  errors++;
                }
              }
              var _valid2 = _errs47 === errors;
              valid14 = valid14 || _valid2;
              const _errs49 = errors;
              if ("unlimited" !== data13) {
                const err33 = { instancePath: instancePath + "/retention/keep/daily", schemaPath: "#/$defs/keepCount/anyOf/1/const", keyword: "const", params: { allowedValue: "unlimited" }, message: "must be equal to constant", schema: "unlimited", parentSchema: schema49.anyOf[1], data: data13 };
                if (vErrors === null) {
                  vErrors = [err33];
                } else {
                  vErrors.push(err33);
                }
                errors++;
              }
              var _valid2 = _errs49 === errors;
              valid14 = valid14 || _valid2;
              if (!valid14) {
                const err34 = { instancePath: instancePath + "/retention/keep/daily", schemaPath: "#/$defs/keepCount/anyOf", keyword: "anyOf", params: {}, message: "must match a schema in anyOf", schema: schema49.anyOf, parentSchema: schema49, data: data13 };
                if (vErrors === null) {
                  vErrors = [err34];
                } else {
                  vErrors.push(err34);
                }
                errors++;
              } else {
                errors = _errs46;
                if (vErrors !== null) {
                  if (_errs46) {
                    vErrors.length = _errs46;
                  } else {
                    vErrors = null;
                  }
                }
              }
            }
            if (data10.weekly !== void 0) {
              let data14 = data10.weekly;
              const _errs52 = errors;
              let valid16 = false;
              const _errs53 = errors;
              if (!(typeof data14 == "number" && (!(data14 % 1) && !isNaN(data14)) && isFinite(data14))) {
                const err35 = { instancePath: instancePath + "/retention/keep/weekly", schemaPath: "#/$defs/keepCount/anyOf/0/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema49.anyOf[0].type, parentSchema: schema49.anyOf[0], data: data14 };
                if (vErrors === null) {
                  vErrors = [err35];
                } else {
                  vErrors.push(err35);
                }
                errors++;
              }
              if (typeof data14 == "number" && isFinite(data14)) {
                if (data14 < -1 || isNaN(data14)) {
                  const err36 = { instancePath: instancePath + "/retention/keep/weekly", schemaPath: "#/$defs/keepCount/anyOf/0/minimum", keyword: "minimum", params: { comparison: ">=", limit: -1 }, message: "must be >= -1", schema: -1, parentSchema: schema49.anyOf[0], data: data14 };
                  if (vErrors === null) {
                    vErrors = [err36];
                  } else {
                    vErrors.push(err36);
                  }
                  errors++;
                }
              }
              var _valid3 = _errs53 === errors;
              valid16 = valid16 || _valid3;
              const _errs55 = errors;
              if ("unlimited" !== data14) {
                const err37 = { instancePath: instancePath + "/retention/keep/weekly", schemaPath: "#/$defs/keepCount/anyOf/1/const", keyword: "const", params: { allowedValue: "unlimited" }, message: "must be equal to constant", schema: "unlimited", parentSchema: schema49.anyOf[1], data: data14 };
                if (vErrors === null) {
                  vErrors = [err37];
                } else {
                  vErrors.push(err37);
                }
                errors++;
              }
              var _valid3 = _errs55 === errors;
              valid16 = valid16 || _valid3;
              if (!valid16) {
                const err38 = { instancePath: instancePath + "/retention/keep/weekly", schemaPath: "#/$defs/keepCount/anyOf", keyword: "anyOf", params: {}, message: "must match a schema in anyOf", schema: schema49.anyOf, parentSchema: schema49, data: data14 };
                if (vErrors === null) {
                  vErrors = [err38];
                } else {
                  vErrors.push(err38);
                }
                errors++;
              } else {
                errors = _errs52;
                if (vErrors !== null) {
                  if (_errs52) {
                    vErrors.length = _errs52;
                  } else {
                    vErrors = null;
                  }
                }
              }
            }
            if (data10.monthly !== void 0) {
              let data15 = data10.monthly;
              const _errs58 = errors;
              let valid18 = false;
              const _errs59 = errors;
              if (!(typeof data15 == "number" && (!(data15 % 1) && !isNaN(data15)) && isFinite(data15))) {
                const err39 = { instancePath: instancePath + "/retention/keep/monthly", schemaPath: "#/$defs/keepCount/anyOf/0/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema49.anyOf[0].type, parentSchema: schema49.anyOf[0], data: data15 };
                if (vErrors === null) {
                  vErrors = [err39];
                } else {
                  vErrors.push(err39);
                }
                errors++;
              }
              if (typeof data15 == "number" && isFinite(data15)) {
                if (data15 < -1 || isNaN(data15)) {
                  const err40 = { instancePath: instancePath + "/retention/keep/monthly", schemaPath: "#/$defs/keepCount/anyOf/0/minimum", keyword: "minimum", params: { comparison: ">=", limit: -1 }, message: "must be >= -1", schema: -1, parentSchema: schema49.anyOf[0], data: data15 };
                  if (vErrors === null) {
                    vErrors = [err40];
                  } else {
                    vErrors.push(err40);
                  }
                  errors++;
                }
              }
              var _valid4 = _errs59 === errors;
              valid18 = valid18 || _valid4;
              const _errs61 = errors;
              if ("unlimited" !== data15) {
                const err41 = { instancePath: instancePath + "/retention/keep/monthly", schemaPath: "#/$defs/keepCount/anyOf/1/const", keyword: "const", params: { allowedValue: "unlimited" }, message: "must be equal to constant", schema: "unlimited", parentSchema: schema49.anyOf[1], data: data15 };
                if (vErrors === null) {
                  vErrors = [err41];
                } else {
                  vErrors.push(err41);
                }
                errors++;
              }
              var _valid4 = _errs61 === errors;
              valid18 = valid18 || _valid4;
              if (!valid18) {
                const err42 = { instancePath: instancePath + "/retention/keep/monthly", schemaPath: "#/$defs/keepCount/anyOf", keyword: "anyOf", params: {}, message: "must match a schema in anyOf", schema: schema49.anyOf, parentSchema: schema49, data: data15 };
                if (vErrors === null) {
                  vErrors = [err42];
                } else {
                  vErrors.push(err42);
                }
                errors++;
              } else {
                errors = _errs58;
                if (vErrors !== null) {
                  if (_errs58) {
                    vErrors.length = _errs58;
                  } else {
                    vErrors = null;
                  }
                }
              }
            }
            if (data10.yearly !== void 0) {
              let data16 = data10.yearly;
              const _errs64 = errors;
              let valid20 = false;
              const _errs65 = errors;
              if (!(typeof data16 == "number" && (!(data16 % 1) && !isNaN(data16)) && isFinite(data16))) {
                const err43 = { instancePath: instancePath + "/retention/keep/yearly", schemaPath: "#/$defs/keepCount/anyOf/0/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema49.anyOf[0].type, parentSchema: schema49.anyOf[0], data: data16 };
                if (vErrors === null) {
                  vErrors = [err43];
                } else {
                  vErrors.push(err43);
                }
                errors++;
              }
              if (typeof data16 == "number" && isFinite(data16)) {
                if (data16 < -1 || isNaN(data16)) {
                  const err44 = { instancePath: instancePath + "/retention/keep/yearly", schemaPath: "#/$defs/keepCount/anyOf/0/minimum", keyword: "minimum", params: { comparison: ">=", limit: -1 }, message: "must be >= -1", schema: -1, parentSchema: schema49.anyOf[0], data: data16 };
                  if (vErrors === null) {
                    vErrors = [err44];
                  } else {
                    vErrors.push(err44);
                  }
                  errors++;
                }
              }
              var _valid5 = _errs65 === errors;
              valid20 = valid20 || _valid5;
              const _errs67 = errors;
              if ("unlimited" !== data16) {
                const err45 = { instancePath: instancePath + "/retention/keep/yearly", schemaPath: "#/$defs/keepCount/anyOf/1/const", keyword: "const", params: { allowedValue: "unlimited" }, message: "must be equal to constant", schema: "unlimited", parentSchema: schema49.anyOf[1], data: data16 };
                if (vErrors === null) {
                  vErrors = [err45];
                } else {
                  vErrors.push(err45);
                }
                errors++;
              }
              var _valid5 = _errs67 === errors;
              valid20 = valid20 || _valid5;
              if (!valid20) {
                const err46 = { instancePath: instancePath + "/retention/keep/yearly", schemaPath: "#/$defs/keepCount/anyOf", keyword: "anyOf", params: {}, message: "must match a schema in anyOf", schema: schema49.anyOf, parentSchema: schema49, data: data16 };
                if (vErrors === null) {
                  vErrors = [err46];
                } else {
                  vErrors.push(err46);
                }
                errors++;
              } else {
                errors = _errs64;
                if (vErrors !== null) {
                  if (_errs64) {
                    vErrors.length = _errs64;
                  } else {
                    vErrors = null;
                  }
                }
              }
            }
            if (data10.within !== void 0) {
              let data17 = data10.within;
              if (typeof data17 === "string") {
                if (!pattern18.test(data17)) {
                  const err47 = { instancePath: instancePath + "/retention/keep/within", schemaPath: "#/$defs/duration/pattern", keyword: "pattern", params: { pattern: "^(?:[0-9]+(?:s|m|h|d|w))+$" }, message: 'must match pattern "^(?:[0-9]+(?:s|m|h|d|w))+$"', schema: "^(?:[0-9]+(?:s|m|h|d|w))+$", parentSchema: schema43, data: data17 };
                  if (vErrors === null) {
                    vErrors = [err47];
                  } else {
                    vErrors.push(err47);
                  }
                  errors++;
                }
              } else {
                const err48 = { instancePath: instancePath + "/retention/keep/within", schemaPath: "#/$defs/duration/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema43.type, parentSchema: schema43, data: data17 };
                if (vErrors === null) {
                  vErrors = [err48];
                } else {
                  vErrors.push(err48);
                }
                errors++;
              }
            }
            if (data10.within_hourly !== void 0) {
              let data18 = data10.within_hourly;
              if (typeof data18 === "string") {
                if (!pattern18.test(data18)) {
                  const err49 = { instancePath: instancePath + "/retention/keep/within_hourly", schemaPath: "#/$defs/duration/pattern", keyword: "pattern", params: { pattern: "^(?:[0-9]+(?:s|m|h|d|w))+$" }, message: 'must match pattern "^(?:[0-9]+(?:s|m|h|d|w))+$"', schema: "^(?:[0-9]+(?:s|m|h|d|w))+$", parentSchema: schema43, data: data18 };
                  if (vErrors === null) {
                    vErrors = [err49];
                  } else {
                    vErrors.push(err49);
                  }
                  errors++;
                }
              } else {
                const err50 = { instancePath: instancePath + "/retention/keep/within_hourly", schemaPath: "#/$defs/duration/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema43.type, parentSchema: schema43, data: data18 };
                if (vErrors === null) {
                  vErrors = [err50];
                } else {
                  vErrors.push(err50);
                }
                errors++;
              }
            }
            if (data10.within_daily !== void 0) {
              let data19 = data10.within_daily;
              if (typeof data19 === "string") {
                if (!pattern18.test(data19)) {
                  const err51 = { instancePath: instancePath + "/retention/keep/within_daily", schemaPath: "#/$defs/duration/pattern", keyword: "pattern", params: { pattern: "^(?:[0-9]+(?:s|m|h|d|w))+$" }, message: 'must match pattern "^(?:[0-9]+(?:s|m|h|d|w))+$"', schema: "^(?:[0-9]+(?:s|m|h|d|w))+$", parentSchema: schema43, data: data19 };
                  if (vErrors === null) {
                    vErrors = [err51];
                  } else {
                    vErrors.push(err51);
                  }
                  errors++;
                }
              } else {
                const err52 = { instancePath: instancePath + "/retention/keep/within_daily", schemaPath: "#/$defs/duration/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema43.type, parentSchema: schema43, data: data19 };
                if (vErrors === null) {
                  vErrors = [err52];
                } else {
                  vErrors.push(err52);
                }
                errors++;
              }
            }
            if (data10.within_weekly !== void 0) {
              let data20 = data10.within_weekly;
              if (typeof data20 === "string") {
                if (!pattern18.test(data20)) {
                  const err53 = { instancePath: instancePath + "/retention/keep/within_weekly", schemaPath: "#/$defs/duration/pattern", keyword: "pattern", params: { pattern: "^(?:[0-9]+(?:s|m|h|d|w))+$" }, message: 'must match pattern "^(?:[0-9]+(?:s|m|h|d|w))+$"', schema: "^(?:[0-9]+(?:s|m|h|d|w))+$", parentSchema: schema43, data: data20 };
                  if (vErrors === null) {
                    vErrors = [err53];
                  } else {
                    vErrors.push(err53);
                  }
                  errors++;
                }
              } else {
                const err54 = { instancePath: instancePath + "/retention/keep/within_weekly", schemaPath: "#/$defs/duration/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema43.type, parentSchema: schema43, data: data20 };
                if (vErrors === null) {
                  vErrors = [err54];
                } else {
                  vErrors.push(err54);
                }
                errors++;
              }
            }
            if (data10.within_monthly !== void 0) {
              let data21 = data10.within_monthly;
              if (typeof data21 === "string") {
                if (!pattern18.test(data21)) {
                  const err55 = { instancePath: instancePath + "/retention/keep/within_monthly", schemaPath: "#/$defs/duration/pattern", keyword: "pattern", params: { pattern: "^(?:[0-9]+(?:s|m|h|d|w))+$" }, message: 'must match pattern "^(?:[0-9]+(?:s|m|h|d|w))+$"', schema: "^(?:[0-9]+(?:s|m|h|d|w))+$", parentSchema: schema43, data: data21 };
                  if (vErrors === null) {
                    vErrors = [err55];
                  } else {
                    vErrors.push(err55);
                  }
                  errors++;
                }
              } else {
                const err56 = { instancePath: instancePath + "/retention/keep/within_monthly", schemaPath: "#/$defs/duration/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema43.type, parentSchema: schema43, data: data21 };
                if (vErrors === null) {
                  vErrors = [err56];
                } else {
                  vErrors.push(err56);
                }
                errors++;
              }
            }
            if (data10.within_yearly !== void 0) {
              let data22 = data10.within_yearly;
              if (typeof data22 === "string") {
                if (!pattern18.test(data22)) {
                  const err57 = { instancePath: instancePath + "/retention/keep/within_yearly", schemaPath: "#/$defs/duration/pattern", keyword: "pattern", params: { pattern: "^(?:[0-9]+(?:s|m|h|d|w))+$" }, message: 'must match pattern "^(?:[0-9]+(?:s|m|h|d|w))+$"', schema: "^(?:[0-9]+(?:s|m|h|d|w))+$", parentSchema: schema43, data: data22 };
                  if (vErrors === null) {
                    vErrors = [err57];
                  } else {
                    vErrors.push(err57);
                  }
                  errors++;
                }
              } else {
                const err58 = { instancePath: instancePath + "/retention/keep/within_yearly", schemaPath: "#/$defs/duration/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema43.type, parentSchema: schema43, data: data22 };
                if (vErrors === null) {
                  vErrors = [err58];
                } else {
                  vErrors.push(err58);
                }
                errors++;
              }
            }
            if (data10.tags !== void 0) {
              let data23 = data10.tags;
              if (Array.isArray(data23)) {
                const len0 = data23.length;
                for (let i0 = 0; i0 < len0; i0++) {
                  let data24 = data23[i0];
                  if (typeof data24 === "string") {
                    if (!pattern30.test(data24)) {
                      const err59 = { instancePath: instancePath + "/retention/keep/tags/" + i0, schemaPath: "#/$defs/tag/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9][A-Za-z0-9._:-]{0,62}$" }, message: 'must match pattern "^[A-Za-z0-9][A-Za-z0-9._:-]{0,62}$"', schema: "^[A-Za-z0-9][A-Za-z0-9._:-]{0,62}$", parentSchema: schema61, data: data24 };
                      if (vErrors === null) {
                        vErrors = [err59];
                      } else {
                        vErrors.push(err59);
                      }
                      errors++;
                    }
                  } else {
                    const err60 = { instancePath: instancePath + "/retention/keep/tags/" + i0, schemaPath: "#/$defs/tag/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema61.type, parentSchema: schema61, data: data24 };
                    if (vErrors === null) {
                      vErrors = [err60];
                    } else {
                      vErrors.push(err60);
                    }
                    errors++;
                  }
                }
                let i1 = data23.length;
                let j0;
                if (i1 > 1) {
                  outer0: for (; i1--; ) {
                    for (j0 = i1; j0--; ) {
                      if (func0(data23[i1], data23[j0])) {
                        const err61 = { instancePath: instancePath + "/retention/keep/tags", schemaPath: "#/properties/retention/properties/keep/properties/tags/uniqueItems", keyword: "uniqueItems", params: { i: i1, j: j0 }, message: "must NOT have duplicate items (items ## " + j0 + " and " + i1 + " are identical)", schema: true, parentSchema: schema42.properties.retention.properties.keep.properties.tags, data: data23 };
                        if (vErrors === null) {
                          vErrors = [err61];
                        } else {
                          vErrors.push(err61);
                        }
                        errors++;
                        break outer0;
                      }
                    }
                  }
                }
              } else {
                const err62 = { instancePath: instancePath + "/retention/keep/tags", schemaPath: "#/properties/retention/properties/keep/properties/tags/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema42.properties.retention.properties.keep.properties.tags.type, parentSchema: schema42.properties.retention.properties.keep.properties.tags, data: data23 };
                if (vErrors === null) {
                  vErrors = [err62];
                } else {
                  vErrors.push(err62);
                }
                errors++;
              }
            }
          } else {
            const err63 = { instancePath: instancePath + "/retention/keep", schemaPath: "#/properties/retention/properties/keep/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema42.properties.retention.properties.keep.type, parentSchema: schema42.properties.retention.properties.keep, data: data10 };
            if (vErrors === null) {
              vErrors = [err63];
            } else {
              vErrors.push(err63);
            }
            errors++;
          }
        }
        if (data9.floor !== void 0) {
          let data25 = data9.floor;
          if (data25 && typeof data25 == "object" && !Array.isArray(data25)) {
            for (const key3 in data25) {
              if (!(key3 === "min_age" || key3 === "min_count" || key3 === "tags" || key3 === "legal_hold")) {
                const err64 = { instancePath: instancePath + "/retention/floor", schemaPath: "#/properties/retention/properties/floor/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key3 }, message: "must NOT have additional properties", schema: false, parentSchema: schema42.properties.retention.properties.floor, data: data25 };
                if (vErrors === null) {
                  vErrors = [err64];
                } else {
                  vErrors.push(err64);
                }
                errors++;
              }
            }
            if (data25.min_age !== void 0) {
              let data26 = data25.min_age;
              if (typeof data26 === "string") {
                if (!pattern18.test(data26)) {
                  const err65 = { instancePath: instancePath + "/retention/floor/min_age", schemaPath: "#/$defs/duration/pattern", keyword: "pattern", params: { pattern: "^(?:[0-9]+(?:s|m|h|d|w))+$" }, message: 'must match pattern "^(?:[0-9]+(?:s|m|h|d|w))+$"', schema: "^(?:[0-9]+(?:s|m|h|d|w))+$", parentSchema: schema43, data: data26 };
                  if (vErrors === null) {
                    vErrors = [err65];
                  } else {
                    vErrors.push(err65);
                  }
                  errors++;
                }
              } else {
                const err66 = { instancePath: instancePath + "/retention/floor/min_age", schemaPath: "#/$defs/duration/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema43.type, parentSchema: schema43, data: data26 };
                if (vErrors === null) {
                  vErrors = [err66];
                } else {
                  vErrors.push(err66);
                }
                errors++;
              }
            }
            if (data25.min_count !== void 0) {
              let data27 = data25.min_count;
              if (!(typeof data27 == "number" && (!(data27 % 1) && !isNaN(data27)) && isFinite(data27))) {
                const err67 = { instancePath: instancePath + "/retention/floor/min_count", schemaPath: "#/properties/retention/properties/floor/properties/min_count/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema42.properties.retention.properties.floor.properties.min_count.type, parentSchema: schema42.properties.retention.properties.floor.properties.min_count, data: data27 };
                if (vErrors === null) {
                  vErrors = [err67];
                } else {
                  vErrors.push(err67);
                }
                errors++;
              }
              if (typeof data27 == "number" && isFinite(data27)) {
                if (data27 < 0 || isNaN(data27)) {
                  const err68 = { instancePath: instancePath + "/retention/floor/min_count", schemaPath: "#/properties/retention/properties/floor/properties/min_count/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema42.properties.retention.properties.floor.properties.min_count, data: data27 };
                  if (vErrors === null) {
                    vErrors = [err68];
                  } else {
                    vErrors.push(err68);
                  }
                  errors++;
                }
              }
            }
            if (data25.tags !== void 0) {
              let data28 = data25.tags;
              if (Array.isArray(data28)) {
                const len1 = data28.length;
                for (let i2 = 0; i2 < len1; i2++) {
                  let data29 = data28[i2];
                  if (typeof data29 === "string") {
                    if (!pattern30.test(data29)) {
                      const err69 = { instancePath: instancePath + "/retention/floor/tags/" + i2, schemaPath: "#/$defs/tag/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9][A-Za-z0-9._:-]{0,62}$" }, message: 'must match pattern "^[A-Za-z0-9][A-Za-z0-9._:-]{0,62}$"', schema: "^[A-Za-z0-9][A-Za-z0-9._:-]{0,62}$", parentSchema: schema61, data: data29 };
                      if (vErrors === null) {
                        vErrors = [err69];
                      } else {
                        vErrors.push(err69);
                      }
                      errors++;
                    }
                  } else {
                    const err70 = { instancePath: instancePath + "/retention/floor/tags/" + i2, schemaPath: "#/$defs/tag/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema61.type, parentSchema: schema61, data: data29 };
                    if (vErrors === null) {
                      vErrors = [err70];
                    } else {
                      vErrors.push(err70);
                    }
                    errors++;
                  }
                }
                let i3 = data28.length;
                let j1;
                if (i3 > 1) {
                  outer1: for (; i3--; ) {
                    for (j1 = i3; j1--; ) {
                      if (func0(data28[i3], data28[j1])) {
                        const err71 = { instancePath: instancePath + "/retention/floor/tags", schemaPath: "#/properties/retention/properties/floor/properties/tags/uniqueItems", keyword: "uniqueItems", params: { i: i3, j: j1 }, message: "must NOT have duplicate items (items ## " + j1 + " and " + i3 + " are identical)", schema: true, parentSchema: schema42.properties.retention.properties.floor.properties.tags, data: data28 };
                        if (vErrors === null) {
                          vErrors = [err71];
                        } else {
                          vErrors.push(err71);
                        }
                        errors++;
                        break outer1;
                      }
                    }
                  }
                }
              } else {
                const err72 = { instancePath: instancePath + "/retention/floor/tags", schemaPath: "#/properties/retention/properties/floor/properties/tags/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema42.properties.retention.properties.floor.properties.tags.type, parentSchema: schema42.properties.retention.properties.floor.properties.tags, data: data28 };
                if (vErrors === null) {
                  vErrors = [err72];
                } else {
                  vErrors.push(err72);
                }
                errors++;
              }
            }
            if (data25.legal_hold !== void 0) {
              let data30 = data25.legal_hold;
              if (data30 && typeof data30 == "object" && !Array.isArray(data30)) {
                if (data30.reason === void 0) {
                  const err73 = { instancePath: instancePath + "/retention/floor/legal_hold", schemaPath: "#/properties/retention/properties/floor/properties/legal_hold/required", keyword: "required", params: { missingProperty: "reason" }, message: "must have required property 'reason'", schema: schema42.properties.retention.properties.floor.properties.legal_hold.required, parentSchema: schema42.properties.retention.properties.floor.properties.legal_hold, data: data30 };
                  if (vErrors === null) {
                    vErrors = [err73];
                  } else {
                    vErrors.push(err73);
                  }
                  errors++;
                }
                for (const key4 in data30) {
                  if (!(key4 === "reason" || key4 === "since")) {
                    const err74 = { instancePath: instancePath + "/retention/floor/legal_hold", schemaPath: "#/properties/retention/properties/floor/properties/legal_hold/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key4 }, message: "must NOT have additional properties", schema: false, parentSchema: schema42.properties.retention.properties.floor.properties.legal_hold, data: data30 };
                    if (vErrors === null) {
                      vErrors = [err74];
                    } else {
                      vErrors.push(err74);
                    }
                    errors++;
                  }
                }
                if (data30.reason !== void 0) {
                  let data31 = data30.reason;
                  if (typeof data31 === "string") {
                    if (func2(data31) < 3) {
                      const err75 = { instancePath: instancePath + "/retention/floor/legal_hold/reason", schemaPath: "#/properties/retention/properties/floor/properties/legal_hold/properties/reason/minLength", keyword: "minLength", params: { limit: 3 }, message: "must NOT have fewer than 3 characters", schema: 3, parentSchema: schema42.properties.retention.properties.floor.properties.legal_hold.properties.reason, data: data31 };
                      if (vErrors === null) {
                        vErrors = [err75];
                      } else {
                        vErrors.push(err75);
                      }
                      errors++;
                    }
                  } else {
                    const err76 = { instancePath: instancePath + "/retention/floor/legal_hold/reason", schemaPath: "#/properties/retention/properties/floor/properties/legal_hold/properties/reason/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema42.properties.retention.properties.floor.properties.legal_hold.properties.reason.type, parentSchema: schema42.properties.retention.properties.floor.properties.legal_hold.properties.reason, data: data31 };
                    if (vErrors === null) {
                      vErrors = [err76];
                    } else {
                      vErrors.push(err76);
                    }
                    errors++;
                  }
                }
                if (data30.since !== void 0) {
                  let data32 = data30.since;
                  if (typeof data32 === "string") {
                    if (!pattern8.test(data32)) {
                      const err77 = { instancePath: instancePath + "/retention/floor/legal_hold/since", schemaPath: "#/$defs/date/pattern", keyword: "pattern", params: { pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\\.[0-9]+)?)?(?:Z|[+-][0-9]{2}:[0-9]{2}))?$" }, message: 'must match pattern "^[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\\.[0-9]+)?)?(?:Z|[+-][0-9]{2}:[0-9]{2}))?$"', schema: "^[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\\.[0-9]+)?)?(?:Z|[+-][0-9]{2}:[0-9]{2}))?$", parentSchema: schema34, data: data32 };
                      if (vErrors === null) {
                        vErrors = [err77];
                      } else {
                        vErrors.push(err77);
                      }
                      errors++;
                    }
                  } else {
                    const err78 = { instancePath: instancePath + "/retention/floor/legal_hold/since", schemaPath: "#/$defs/date/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema34.type, parentSchema: schema34, data: data32 };
                    if (vErrors === null) {
                      vErrors = [err78];
                    } else {
                      vErrors.push(err78);
                    }
                    errors++;
                  }
                }
              } else {
                const err79 = { instancePath: instancePath + "/retention/floor/legal_hold", schemaPath: "#/properties/retention/properties/floor/properties/legal_hold/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema42.properties.retention.properties.floor.properties.legal_hold.type, parentSchema: schema42.properties.retention.properties.floor.properties.legal_hold, data: data30 };
                if (vErrors === null) {
                  vErrors = [err79];
                } else {
                  vErrors.push(err79);
                }
                errors++;
              }
            }
          } else {
            const err80 = { instancePath: instancePath + "/retention/floor", schemaPath: "#/properties/retention/properties/floor/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema42.properties.retention.properties.floor.type, parentSchema: schema42.properties.retention.properties.floor, data: data25 };
            if (vErrors === null) {
              vErrors = [err80];
            } else {
              vErrors.push(err80);
            }
            errors++;
          }
        }
        if (data9.object_lock !== void 0) {
          let data33 = data9.object_lock;
          if (data33 && typeof data33 == "object" && !Array.isArray(data33)) {
            if (data33.mode === void 0) {
              const err81 = { instancePath: instancePath + "/retention/object_lock", schemaPath: "#/properties/retention/properties/object_lock/required", keyword: "required", params: { missingProperty: "mode" }, message: "must have required property 'mode'", schema: schema42.properties.retention.properties.object_lock.required, parentSchema: schema42.properties.retention.properties.object_lock, data: data33 };
              if (vErrors === null) {
                vErrors = [err81];
              } else {
                vErrors.push(err81);
              }
              errors++;
            }
            for (const key5 in data33) {
              if (!(key5 === "mode")) {
                const err82 = { instancePath: instancePath + "/retention/object_lock", schemaPath: "#/properties/retention/properties/object_lock/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key5 }, message: "must NOT have additional properties", schema: false, parentSchema: schema42.properties.retention.properties.object_lock, data: data33 };
                if (vErrors === null) {
                  vErrors = [err82];
                } else {
                  vErrors.push(err82);
                }
                errors++;
              }
            }
            if (data33.mode !== void 0) {
              let data34 = data33.mode;
              if (!(data34 === "COMPLIANCE" || data34 === "GOVERNANCE")) {
                const err83 = { instancePath: instancePath + "/retention/object_lock/mode", schemaPath: "#/properties/retention/properties/object_lock/properties/mode/enum", keyword: "enum", params: { allowedValues: schema42.properties.retention.properties.object_lock.properties.mode.enum }, message: "must be equal to one of the allowed values", schema: schema42.properties.retention.properties.object_lock.properties.mode.enum, parentSchema: schema42.properties.retention.properties.object_lock.properties.mode, data: data34 };
                if (vErrors === null) {
                  vErrors = [err83];
                } else {
                  vErrors.push(err83);
                }
                errors++;
              }
            }
          } else {
            const err84 = { instancePath: instancePath + "/retention/object_lock", schemaPath: "#/properties/retention/properties/object_lock/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema42.properties.retention.properties.object_lock.type, parentSchema: schema42.properties.retention.properties.object_lock, data: data33 };
            if (vErrors === null) {
              vErrors = [err84];
            } else {
              vErrors.push(err84);
            }
            errors++;
          }
        }
      } else {
        const err85 = { instancePath: instancePath + "/retention", schemaPath: "#/properties/retention/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema42.properties.retention.type, parentSchema: schema42.properties.retention, data: data9 };
        if (vErrors === null) {
          vErrors = [err85];
        } else {
          vErrors.push(err85);
        }
        errors++;
      }
    }
  } else {
    const err86 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema42.type, parentSchema: schema42, data };
    if (vErrors === null) {
      vErrors = [err86];
    } else {
      vErrors.push(err86);
    }
    errors++;
  }
  validate21.errors = vErrors;
  return errors === 0;
}
validate21.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };
var schema65 = { "description": "One environment: its tier and where its gate and workflows are.", "type": "object", "additionalProperties": false, "required": ["tier"], "properties": { "tier": { "description": "The tier of the environment; also the tier of its files that belong to no component, or to a component without a tier.", "$ref": "#/$defs/tierName" }, "release_branches": { "description": "Branch globs whose pull requests, pushes and merge queues get this environment's gate check run.", "type": "array", "default": [], "uniqueItems": true, "items": { "type": "string", "minLength": 1 } }, "restore_workflow": { "description": "Workflow file (in .github/workflows) that the app dispatches to restore.", "$ref": "#/$defs/workflowFile" }, "snapshot_workflow": { "description": "Workflow file (in .github/workflows) that the 'Snapshot now' button dispatches.", "$ref": "#/$defs/workflowFile" }, "paths": { "description": "Globs of the files in scope for this environment; all files when omitted. Snapshots and drift checks of the environment that name no paths take these.", "type": "array", "minItems": 1, "items": { "$ref": "#/$defs/glob" } } } };
var schema69 = { "description": "A path glob relative to the repository root: * within a path segment, ** across segments, ? one character, [abc] a class, {a,b} alternatives.", "type": "string", "minLength": 1, "pattern": "^[^/!]" };
var pattern39 = new RegExp("^[^/!]", "u");
function validate23(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate23.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.tier === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "tier" }, message: "must have required property 'tier'", schema: schema65.required, parentSchema: schema65, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "tier" || key0 === "release_branches" || key0 === "restore_workflow" || key0 === "snapshot_workflow" || key0 === "paths")) {
        const err1 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema65, data };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.tier !== void 0) {
      let data0 = data.tier;
      if (typeof data0 === "string") {
        if (!pattern12.test(data0)) {
          const err2 = { instancePath: instancePath + "/tier", schemaPath: "#/$defs/tierName/pattern", keyword: "pattern", params: { pattern: "^[a-z][a-z0-9_-]{0,62}$" }, message: 'must match pattern "^[a-z][a-z0-9_-]{0,62}$"', schema: "^[a-z][a-z0-9_-]{0,62}$", parentSchema: schema38, data: data0 };
          if (vErrors === null) {
            vErrors = [err2];
          } else {
            vErrors.push(err2);
          }
          errors++;
        }
      } else {
        const err3 = { instancePath: instancePath + "/tier", schemaPath: "#/$defs/tierName/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema38.type, parentSchema: schema38, data: data0 };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.release_branches !== void 0) {
      let data1 = data.release_branches;
      if (Array.isArray(data1)) {
        const len0 = data1.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data2 = data1[i0];
          if (typeof data2 === "string") {
            if (func2(data2) < 1) {
              const err4 = { instancePath: instancePath + "/release_branches/" + i0, schemaPath: "#/properties/release_branches/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema65.properties.release_branches.items, data: data2 };
              if (vErrors === null) {
                vErrors = [err4];
              } else {
                vErrors.push(err4);
              }
              errors++;
            }
          } else {
            const err5 = { instancePath: instancePath + "/release_branches/" + i0, schemaPath: "#/properties/release_branches/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema65.properties.release_branches.items.type, parentSchema: schema65.properties.release_branches.items, data: data2 };
            if (vErrors === null) {
              vErrors = [err5];
            } else {
              vErrors.push(err5);
            }
            errors++;
          }
        }
        let i1 = data1.length;
        let j0;
        if (i1 > 1) {
          const indices0 = {};
          for (; i1--; ) {
            let item0 = data1[i1];
            if (typeof item0 !== "string") {
              continue;
            }
            if (typeof indices0[item0] == "number") {
              j0 = indices0[item0];
              const err6 = { instancePath: instancePath + "/release_branches", schemaPath: "#/properties/release_branches/uniqueItems", keyword: "uniqueItems", params: { i: i1, j: j0 }, message: "must NOT have duplicate items (items ## " + j0 + " and " + i1 + " are identical)", schema: true, parentSchema: schema65.properties.release_branches, data: data1 };
              if (vErrors === null) {
                vErrors = [err6];
              } else {
                vErrors.push(err6);
              }
              errors++;
              break;
            }
            indices0[item0] = i1;
          }
        }
      } else {
        const err7 = { instancePath: instancePath + "/release_branches", schemaPath: "#/properties/release_branches/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema65.properties.release_branches.type, parentSchema: schema65.properties.release_branches, data: data1 };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
    }
    if (data.restore_workflow !== void 0) {
      let data3 = data.restore_workflow;
      if (typeof data3 === "string") {
        if (!pattern37.test(data3)) {
          const err8 = { instancePath: instancePath + "/restore_workflow", schemaPath: "#/$defs/workflowFile/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9._-]+\\.ya?ml$" }, message: 'must match pattern "^[A-Za-z0-9._-]+\\.ya?ml$"', schema: "^[A-Za-z0-9._-]+\\.ya?ml$", parentSchema: schema67, data: data3 };
          if (vErrors === null) {
            vErrors = [err8];
          } else {
            vErrors.push(err8);
          }
          errors++;
        }
      } else {
        const err9 = { instancePath: instancePath + "/restore_workflow", schemaPath: "#/$defs/workflowFile/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema67.type, parentSchema: schema67, data: data3 };
        if (vErrors === null) {
          vErrors = [err9];
        } else {
          vErrors.push(err9);
        }
        errors++;
      }
    }
    if (data.snapshot_workflow !== void 0) {
      let data4 = data.snapshot_workflow;
      if (typeof data4 === "string") {
        if (!pattern37.test(data4)) {
          const err10 = { instancePath: instancePath + "/snapshot_workflow", schemaPath: "#/$defs/workflowFile/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9._-]+\\.ya?ml$" }, message: 'must match pattern "^[A-Za-z0-9._-]+\\.ya?ml$"', schema: "^[A-Za-z0-9._-]+\\.ya?ml$", parentSchema: schema67, data: data4 };
          if (vErrors === null) {
            vErrors = [err10];
          } else {
            vErrors.push(err10);
          }
          errors++;
        }
      } else {
        const err11 = { instancePath: instancePath + "/snapshot_workflow", schemaPath: "#/$defs/workflowFile/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema67.type, parentSchema: schema67, data: data4 };
        if (vErrors === null) {
          vErrors = [err11];
        } else {
          vErrors.push(err11);
        }
        errors++;
      }
    }
    if (data.paths !== void 0) {
      let data5 = data.paths;
      if (Array.isArray(data5)) {
        if (data5.length < 1) {
          const err12 = { instancePath: instancePath + "/paths", schemaPath: "#/properties/paths/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema65.properties.paths, data: data5 };
          if (vErrors === null) {
            vErrors = [err12];
          } else {
            vErrors.push(err12);
          }
          errors++;
        }
        const len1 = data5.length;
        for (let i2 = 0; i2 < len1; i2++) {
          let data6 = data5[i2];
          if (typeof data6 === "string") {
            if (func2(data6) < 1) {
              const err13 = { instancePath: instancePath + "/paths/" + i2, schemaPath: "#/$defs/glob/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema69, data: data6 };
              if (vErrors === null) {
                vErrors = [err13];
              } else {
                vErrors.push(err13);
              }
              errors++;
            }
            if (!pattern39.test(data6)) {
              const err14 = { instancePath: instancePath + "/paths/" + i2, schemaPath: "#/$defs/glob/pattern", keyword: "pattern", params: { pattern: "^[^/!]" }, message: 'must match pattern "^[^/!]"', schema: "^[^/!]", parentSchema: schema69, data: data6 };
              if (vErrors === null) {
                vErrors = [err14];
              } else {
                vErrors.push(err14);
              }
              errors++;
            }
          } else {
            const err15 = { instancePath: instancePath + "/paths/" + i2, schemaPath: "#/$defs/glob/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema69.type, parentSchema: schema69, data: data6 };
            if (vErrors === null) {
              vErrors = [err15];
            } else {
              vErrors.push(err15);
            }
            errors++;
          }
        }
      } else {
        const err16 = { instancePath: instancePath + "/paths", schemaPath: "#/properties/paths/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema65.properties.paths.type, parentSchema: schema65.properties.paths, data: data5 };
        if (vErrors === null) {
          vErrors = [err16];
        } else {
          vErrors.push(err16);
        }
        errors++;
      }
    }
  } else {
    const err17 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema65.type, parentSchema: schema65, data };
    if (vErrors === null) {
      vErrors = [err17];
    } else {
      vErrors.push(err17);
    }
    errors++;
  }
  validate23.errors = vErrors;
  return errors === 0;
}
validate23.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };
var schema70 = { "description": "One component.", "type": "object", "additionalProperties": false, "required": ["name", "paths"], "properties": { "name": { "description": "Unique component name.", "$ref": "#/$defs/name" }, "paths": { "description": "Globs of the component's files.", "type": "array", "minItems": 1, "items": { "$ref": "#/$defs/glob" } }, "tier": { "description": "The component's tier; the environment's tier when omitted.", "$ref": "#/$defs/tierName" }, "owner": { "description": "Who owns the component (@user or @org/team); recorded per file in manifests.", "$ref": "#/$defs/principal" }, "secret": { "description": "Treat every file of the component as secret (never compressed before encryption), even if its name does not look like a secret.", "type": "boolean", "default": false }, "environments": { "description": "Environments whose snapshots must cover this component; all environments when omitted.", "type": "array", "minItems": 1, "uniqueItems": true, "items": { "$ref": "#/$defs/name" } } } };
function validate25(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate25.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.name === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'", schema: schema70.required, parentSchema: schema70, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.paths === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "paths" }, message: "must have required property 'paths'", schema: schema70.required, parentSchema: schema70, data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "name" || key0 === "paths" || key0 === "tier" || key0 === "owner" || key0 === "secret" || key0 === "environments")) {
        const err2 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema70, data };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.name !== void 0) {
      let data0 = data.name;
      if (typeof data0 === "string") {
        if (!pattern10.test(data0)) {
          const err3 = { instancePath: instancePath + "/name", schemaPath: "#/$defs/name/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9][a-z0-9._-]{0,62}$" }, message: 'must match pattern "^[a-z0-9][a-z0-9._-]{0,62}$"', schema: "^[a-z0-9][a-z0-9._-]{0,62}$", parentSchema: schema36, data: data0 };
          if (vErrors === null) {
            vErrors = [err3];
          } else {
            vErrors.push(err3);
          }
          errors++;
        }
      } else {
        const err4 = { instancePath: instancePath + "/name", schemaPath: "#/$defs/name/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema36.type, parentSchema: schema36, data: data0 };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.paths !== void 0) {
      let data1 = data.paths;
      if (Array.isArray(data1)) {
        if (data1.length < 1) {
          const err5 = { instancePath: instancePath + "/paths", schemaPath: "#/properties/paths/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema70.properties.paths, data: data1 };
          if (vErrors === null) {
            vErrors = [err5];
          } else {
            vErrors.push(err5);
          }
          errors++;
        }
        const len0 = data1.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data2 = data1[i0];
          if (typeof data2 === "string") {
            if (func2(data2) < 1) {
              const err6 = { instancePath: instancePath + "/paths/" + i0, schemaPath: "#/$defs/glob/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema69, data: data2 };
              if (vErrors === null) {
                vErrors = [err6];
              } else {
                vErrors.push(err6);
              }
              errors++;
            }
            if (!pattern39.test(data2)) {
              const err7 = { instancePath: instancePath + "/paths/" + i0, schemaPath: "#/$defs/glob/pattern", keyword: "pattern", params: { pattern: "^[^/!]" }, message: 'must match pattern "^[^/!]"', schema: "^[^/!]", parentSchema: schema69, data: data2 };
              if (vErrors === null) {
                vErrors = [err7];
              } else {
                vErrors.push(err7);
              }
              errors++;
            }
          } else {
            const err8 = { instancePath: instancePath + "/paths/" + i0, schemaPath: "#/$defs/glob/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema69.type, parentSchema: schema69, data: data2 };
            if (vErrors === null) {
              vErrors = [err8];
            } else {
              vErrors.push(err8);
            }
            errors++;
          }
        }
      } else {
        const err9 = { instancePath: instancePath + "/paths", schemaPath: "#/properties/paths/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema70.properties.paths.type, parentSchema: schema70.properties.paths, data: data1 };
        if (vErrors === null) {
          vErrors = [err9];
        } else {
          vErrors.push(err9);
        }
        errors++;
      }
    }
    if (data.tier !== void 0) {
      let data3 = data.tier;
      if (typeof data3 === "string") {
        if (!pattern12.test(data3)) {
          const err10 = { instancePath: instancePath + "/tier", schemaPath: "#/$defs/tierName/pattern", keyword: "pattern", params: { pattern: "^[a-z][a-z0-9_-]{0,62}$" }, message: 'must match pattern "^[a-z][a-z0-9_-]{0,62}$"', schema: "^[a-z][a-z0-9_-]{0,62}$", parentSchema: schema38, data: data3 };
          if (vErrors === null) {
            vErrors = [err10];
          } else {
            vErrors.push(err10);
          }
          errors++;
        }
      } else {
        const err11 = { instancePath: instancePath + "/tier", schemaPath: "#/$defs/tierName/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema38.type, parentSchema: schema38, data: data3 };
        if (vErrors === null) {
          vErrors = [err11];
        } else {
          vErrors.push(err11);
        }
        errors++;
      }
    }
    if (data.owner !== void 0) {
      let data4 = data.owner;
      if (typeof data4 === "string") {
        if (!pattern43.test(data4)) {
          const err12 = { instancePath: instancePath + "/owner", schemaPath: "#/$defs/principal/pattern", keyword: "pattern", params: { pattern: "^@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:/[A-Za-z0-9][A-Za-z0-9_.-]{0,99})?$" }, message: 'must match pattern "^@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:/[A-Za-z0-9][A-Za-z0-9_.-]{0,99})?$"', schema: "^@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:/[A-Za-z0-9][A-Za-z0-9_.-]{0,99})?$", parentSchema: schema74, data: data4 };
          if (vErrors === null) {
            vErrors = [err12];
          } else {
            vErrors.push(err12);
          }
          errors++;
        }
      } else {
        const err13 = { instancePath: instancePath + "/owner", schemaPath: "#/$defs/principal/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema74.type, parentSchema: schema74, data: data4 };
        if (vErrors === null) {
          vErrors = [err13];
        } else {
          vErrors.push(err13);
        }
        errors++;
      }
    }
    if (data.secret !== void 0) {
      let data5 = data.secret;
      if (typeof data5 !== "boolean") {
        const err14 = { instancePath: instancePath + "/secret", schemaPath: "#/properties/secret/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema70.properties.secret.type, parentSchema: schema70.properties.secret, data: data5 };
        if (vErrors === null) {
          vErrors = [err14];
        } else {
          vErrors.push(err14);
        }
        errors++;
      }
    }
    if (data.environments !== void 0) {
      let data6 = data.environments;
      if (Array.isArray(data6)) {
        if (data6.length < 1) {
          const err15 = { instancePath: instancePath + "/environments", schemaPath: "#/properties/environments/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema70.properties.environments, data: data6 };
          if (vErrors === null) {
            vErrors = [err15];
          } else {
            vErrors.push(err15);
          }
          errors++;
        }
        const len1 = data6.length;
        for (let i1 = 0; i1 < len1; i1++) {
          let data7 = data6[i1];
          if (typeof data7 === "string") {
            if (!pattern10.test(data7)) {
              const err16 = { instancePath: instancePath + "/environments/" + i1, schemaPath: "#/$defs/name/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9][a-z0-9._-]{0,62}$" }, message: 'must match pattern "^[a-z0-9][a-z0-9._-]{0,62}$"', schema: "^[a-z0-9][a-z0-9._-]{0,62}$", parentSchema: schema36, data: data7 };
              if (vErrors === null) {
                vErrors = [err16];
              } else {
                vErrors.push(err16);
              }
              errors++;
            }
          } else {
            const err17 = { instancePath: instancePath + "/environments/" + i1, schemaPath: "#/$defs/name/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema36.type, parentSchema: schema36, data: data7 };
            if (vErrors === null) {
              vErrors = [err17];
            } else {
              vErrors.push(err17);
            }
            errors++;
          }
        }
        let i2 = data6.length;
        let j0;
        if (i2 > 1) {
          outer0: for (; i2--; ) {
            for (j0 = i2; j0--; ) {
              if (func0(data6[i2], data6[j0])) {
                const err18 = { instancePath: instancePath + "/environments", schemaPath: "#/properties/environments/uniqueItems", keyword: "uniqueItems", params: { i: i2, j: j0 }, message: "must NOT have duplicate items (items ## " + j0 + " and " + i2 + " are identical)", schema: true, parentSchema: schema70.properties.environments, data: data6 };
                if (vErrors === null) {
                  vErrors = [err18];
                } else {
                  vErrors.push(err18);
                }
                errors++;
                break outer0;
              }
            }
          }
        }
      } else {
        const err19 = { instancePath: instancePath + "/environments", schemaPath: "#/properties/environments/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema70.properties.environments.type, parentSchema: schema70.properties.environments, data: data6 };
        if (vErrors === null) {
          vErrors = [err19];
        } else {
          vErrors.push(err19);
        }
        errors++;
      }
    }
  } else {
    const err20 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema70.type, parentSchema: schema70, data };
    if (vErrors === null) {
      vErrors = [err20];
    } else {
      vErrors.push(err20);
    }
    errors++;
  }
  validate25.errors = vErrors;
  return errors === 0;
}
validate25.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };
var schema77 = { "description": "One accepted gap in coverage.", "type": "object", "additionalProperties": false, "required": ["paths", "reason", "accepted_by", "expires"], "properties": { "paths": { "description": "Globs of the paths the exception covers.", "type": "array", "minItems": 1, "items": { "$ref": "#/$defs/glob" } }, "reason": { "description": "Why the gap is acceptable.", "type": "string", "minLength": 10 }, "accepted_by": { "description": "People (@login, not teams) who accepted the risk; at least two distinct people when the exception touches a tier-0 environment.", "type": "array", "minItems": 1, "uniqueItems": true, "items": { "$ref": "#/$defs/user" } }, "expires": { "description": "When the exception ends; a bare date means the end of that UTC day. After it, the gate fails until the gap is closed or the exception renewed.", "$ref": "#/$defs/date" }, "environments": { "description": "Environments the exception applies to; all environments when omitted.", "type": "array", "minItems": 1, "uniqueItems": true, "items": { "$ref": "#/$defs/name" } } } };
var schema79 = { "description": "A GitHub user, written @login.", "type": "string", "pattern": "^@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$" };
var pattern47 = new RegExp("^@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$", "u");
function validate27(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate27.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.paths === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "paths" }, message: "must have required property 'paths'", schema: schema77.required, parentSchema: schema77, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.reason === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "reason" }, message: "must have required property 'reason'", schema: schema77.required, parentSchema: schema77, data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.accepted_by === void 0) {
      const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "accepted_by" }, message: "must have required property 'accepted_by'", schema: schema77.required, parentSchema: schema77, data };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    if (data.expires === void 0) {
      const err3 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "expires" }, message: "must have required property 'expires'", schema: schema77.required, parentSchema: schema77, data };
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "paths" || key0 === "reason" || key0 === "accepted_by" || key0 === "expires" || key0 === "environments")) {
        const err4 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema77, data };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.paths !== void 0) {
      let data0 = data.paths;
      if (Array.isArray(data0)) {
        if (data0.length < 1) {
          const err5 = { instancePath: instancePath + "/paths", schemaPath: "#/properties/paths/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema77.properties.paths, data: data0 };
          if (vErrors === null) {
            vErrors = [err5];
          } else {
            vErrors.push(err5);
          }
          errors++;
        }
        const len0 = data0.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data1 = data0[i0];
          if (typeof data1 === "string") {
            if (func2(data1) < 1) {
              const err6 = { instancePath: instancePath + "/paths/" + i0, schemaPath: "#/$defs/glob/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema69, data: data1 };
              if (vErrors === null) {
                vErrors = [err6];
              } else {
                vErrors.push(err6);
              }
              errors++;
            }
            if (!pattern39.test(data1)) {
              const err7 = { instancePath: instancePath + "/paths/" + i0, schemaPath: "#/$defs/glob/pattern", keyword: "pattern", params: { pattern: "^[^/!]" }, message: 'must match pattern "^[^/!]"', schema: "^[^/!]", parentSchema: schema69, data: data1 };
              if (vErrors === null) {
                vErrors = [err7];
              } else {
                vErrors.push(err7);
              }
              errors++;
            }
          } else {
            const err8 = { instancePath: instancePath + "/paths/" + i0, schemaPath: "#/$defs/glob/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema69.type, parentSchema: schema69, data: data1 };
            if (vErrors === null) {
              vErrors = [err8];
            } else {
              vErrors.push(err8);
            }
            errors++;
          }
        }
      } else {
        const err9 = { instancePath: instancePath + "/paths", schemaPath: "#/properties/paths/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema77.properties.paths.type, parentSchema: schema77.properties.paths, data: data0 };
        if (vErrors === null) {
          vErrors = [err9];
        } else {
          vErrors.push(err9);
        }
        errors++;
      }
    }
    if (data.reason !== void 0) {
      let data2 = data.reason;
      if (typeof data2 === "string") {
        if (func2(data2) < 10) {
          const err10 = { instancePath: instancePath + "/reason", schemaPath: "#/properties/reason/minLength", keyword: "minLength", params: { limit: 10 }, message: "must NOT have fewer than 10 characters", schema: 10, parentSchema: schema77.properties.reason, data: data2 };
          if (vErrors === null) {
            vErrors = [err10];
          } else {
            vErrors.push(err10);
          }
          errors++;
        }
      } else {
        const err11 = { instancePath: instancePath + "/reason", schemaPath: "#/properties/reason/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema77.properties.reason.type, parentSchema: schema77.properties.reason, data: data2 };
        if (vErrors === null) {
          vErrors = [err11];
        } else {
          vErrors.push(err11);
        }
        errors++;
      }
    }
    if (data.accepted_by !== void 0) {
      let data3 = data.accepted_by;
      if (Array.isArray(data3)) {
        if (data3.length < 1) {
          const err12 = { instancePath: instancePath + "/accepted_by", schemaPath: "#/properties/accepted_by/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema77.properties.accepted_by, data: data3 };
          if (vErrors === null) {
            vErrors = [err12];
          } else {
            vErrors.push(err12);
          }
          errors++;
        }
        const len1 = data3.length;
        for (let i1 = 0; i1 < len1; i1++) {
          let data4 = data3[i1];
          if (typeof data4 === "string") {
            if (!pattern47.test(data4)) {
              const err13 = { instancePath: instancePath + "/accepted_by/" + i1, schemaPath: "#/$defs/user/pattern", keyword: "pattern", params: { pattern: "^@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$" }, message: 'must match pattern "^@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$"', schema: "^@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$", parentSchema: schema79, data: data4 };
              if (vErrors === null) {
                vErrors = [err13];
              } else {
                vErrors.push(err13);
              }
              errors++;
            }
          } else {
            const err14 = { instancePath: instancePath + "/accepted_by/" + i1, schemaPath: "#/$defs/user/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema79.type, parentSchema: schema79, data: data4 };
            if (vErrors === null) {
              vErrors = [err14];
            } else {
              vErrors.push(err14);
            }
            errors++;
          }
        }
        let i2 = data3.length;
        let j0;
        if (i2 > 1) {
          outer0: for (; i2--; ) {
            for (j0 = i2; j0--; ) {
              if (func0(data3[i2], data3[j0])) {
                const err15 = { instancePath: instancePath + "/accepted_by", schemaPath: "#/properties/accepted_by/uniqueItems", keyword: "uniqueItems", params: { i: i2, j: j0 }, message: "must NOT have duplicate items (items ## " + j0 + " and " + i2 + " are identical)", schema: true, parentSchema: schema77.properties.accepted_by, data: data3 };
                if (vErrors === null) {
                  vErrors = [err15];
                } else {
                  vErrors.push(err15);
                }
                errors++;
                break outer0;
              }
            }
          }
        }
      } else {
        const err16 = { instancePath: instancePath + "/accepted_by", schemaPath: "#/properties/accepted_by/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema77.properties.accepted_by.type, parentSchema: schema77.properties.accepted_by, data: data3 };
        if (vErrors === null) {
          vErrors = [err16];
        } else {
          vErrors.push(err16);
        }
        errors++;
      }
    }
    if (data.expires !== void 0) {
      let data5 = data.expires;
      if (typeof data5 === "string") {
        if (!pattern8.test(data5)) {
          const err17 = { instancePath: instancePath + "/expires", schemaPath: "#/$defs/date/pattern", keyword: "pattern", params: { pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\\.[0-9]+)?)?(?:Z|[+-][0-9]{2}:[0-9]{2}))?$" }, message: 'must match pattern "^[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\\.[0-9]+)?)?(?:Z|[+-][0-9]{2}:[0-9]{2}))?$"', schema: "^[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\\.[0-9]+)?)?(?:Z|[+-][0-9]{2}:[0-9]{2}))?$", parentSchema: schema34, data: data5 };
          if (vErrors === null) {
            vErrors = [err17];
          } else {
            vErrors.push(err17);
          }
          errors++;
        }
      } else {
        const err18 = { instancePath: instancePath + "/expires", schemaPath: "#/$defs/date/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema34.type, parentSchema: schema34, data: data5 };
        if (vErrors === null) {
          vErrors = [err18];
        } else {
          vErrors.push(err18);
        }
        errors++;
      }
    }
    if (data.environments !== void 0) {
      let data6 = data.environments;
      if (Array.isArray(data6)) {
        if (data6.length < 1) {
          const err19 = { instancePath: instancePath + "/environments", schemaPath: "#/properties/environments/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema77.properties.environments, data: data6 };
          if (vErrors === null) {
            vErrors = [err19];
          } else {
            vErrors.push(err19);
          }
          errors++;
        }
        const len2 = data6.length;
        for (let i3 = 0; i3 < len2; i3++) {
          let data7 = data6[i3];
          if (typeof data7 === "string") {
            if (!pattern10.test(data7)) {
              const err20 = { instancePath: instancePath + "/environments/" + i3, schemaPath: "#/$defs/name/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9][a-z0-9._-]{0,62}$" }, message: 'must match pattern "^[a-z0-9][a-z0-9._-]{0,62}$"', schema: "^[a-z0-9][a-z0-9._-]{0,62}$", parentSchema: schema36, data: data7 };
              if (vErrors === null) {
                vErrors = [err20];
              } else {
                vErrors.push(err20);
              }
              errors++;
            }
          } else {
            const err21 = { instancePath: instancePath + "/environments/" + i3, schemaPath: "#/$defs/name/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema36.type, parentSchema: schema36, data: data7 };
            if (vErrors === null) {
              vErrors = [err21];
            } else {
              vErrors.push(err21);
            }
            errors++;
          }
        }
        let i4 = data6.length;
        let j1;
        if (i4 > 1) {
          outer1: for (; i4--; ) {
            for (j1 = i4; j1--; ) {
              if (func0(data6[i4], data6[j1])) {
                const err22 = { instancePath: instancePath + "/environments", schemaPath: "#/properties/environments/uniqueItems", keyword: "uniqueItems", params: { i: i4, j: j1 }, message: "must NOT have duplicate items (items ## " + j1 + " and " + i4 + " are identical)", schema: true, parentSchema: schema77.properties.environments, data: data6 };
                if (vErrors === null) {
                  vErrors = [err22];
                } else {
                  vErrors.push(err22);
                }
                errors++;
                break outer1;
              }
            }
          }
        }
      } else {
        const err23 = { instancePath: instancePath + "/environments", schemaPath: "#/properties/environments/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema77.properties.environments.type, parentSchema: schema77.properties.environments, data: data6 };
        if (vErrors === null) {
          vErrors = [err23];
        } else {
          vErrors.push(err23);
        }
        errors++;
      }
    }
  } else {
    const err24 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema77.type, parentSchema: schema77, data };
    if (vErrors === null) {
      vErrors = [err24];
    } else {
      vErrors.push(err24);
    }
    errors++;
  }
  validate27.errors = vErrors;
  return errors === 0;
}
validate27.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };
var schema82 = { "description": "One consistency rule.", "type": "object", "additionalProperties": false, "required": ["name", "left", "rule"], "properties": { "name": { "description": "Unique rule name, recorded in the manifest.", "$ref": "#/$defs/name" }, "left": { "description": "The value that is checked.", "$ref": "#/$defs/valueRef" }, "right": { "description": "The value it is compared with (equal: the same text; semver: a range the left version must satisfy; regex: what the pattern's first capture group must equal).", "$ref": "#/$defs/valueRef" }, "rule": { "description": "equal: left and right are the same text; semver: left is a version satisfying right (or range); regex: left matches pattern (and its first group equals right, when given).", "enum": ["equal", "semver", "regex"] }, "pattern": { "description": "For rule regex: a JavaScript regular expression the left value must match.", "type": "string", "minLength": 1 }, "range": { "description": "For rule semver without right: the semver range the left version must satisfy, e.g. >=1.4.0 <2.", "type": "string", "minLength": 1 } } };
var schema84 = { "description": "Where a value is read from.", "type": "object", "additionalProperties": false, "required": ["file"], "properties": { "file": { "description": "Path of the file, relative to the repository root.", "type": "string", "minLength": 1, "pattern": "^[^/]" }, "path": { "description": "Where the value sits: a dotted path for yaml/json (db.schemaVersion, servers[0].port), a variable name for env; omit for text (the whole file, trimmed).", "type": "string", "minLength": 1 }, "format": { "description": "How to read the file; from the extension when omitted (.yml/.yaml yaml, .json json, .env or .env.* env, anything else text).", "enum": ["yaml", "json", "env", "text"] } } };
var pattern51 = new RegExp("^[^/]", "u");
function validate29(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate29.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.name === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'", schema: schema82.required, parentSchema: schema82, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.left === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "left" }, message: "must have required property 'left'", schema: schema82.required, parentSchema: schema82, data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.rule === void 0) {
      const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "rule" }, message: "must have required property 'rule'", schema: schema82.required, parentSchema: schema82, data };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "name" || key0 === "left" || key0 === "right" || key0 === "rule" || key0 === "pattern" || key0 === "range")) {
        const err3 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema82, data };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.name !== void 0) {
      let data0 = data.name;
      if (typeof data0 === "string") {
        if (!pattern10.test(data0)) {
          const err4 = { instancePath: instancePath + "/name", schemaPath: "#/$defs/name/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9][a-z0-9._-]{0,62}$" }, message: 'must match pattern "^[a-z0-9][a-z0-9._-]{0,62}$"', schema: "^[a-z0-9][a-z0-9._-]{0,62}$", parentSchema: schema36, data: data0 };
          if (vErrors === null) {
            vErrors = [err4];
          } else {
            vErrors.push(err4);
          }
          errors++;
        }
      } else {
        const err5 = { instancePath: instancePath + "/name", schemaPath: "#/$defs/name/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema36.type, parentSchema: schema36, data: data0 };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
    if (data.left !== void 0) {
      let data1 = data.left;
      if (data1 && typeof data1 == "object" && !Array.isArray(data1)) {
        if (data1.file === void 0) {
          const err6 = { instancePath: instancePath + "/left", schemaPath: "#/$defs/valueRef/required", keyword: "required", params: { missingProperty: "file" }, message: "must have required property 'file'", schema: schema84.required, parentSchema: schema84, data: data1 };
          if (vErrors === null) {
            vErrors = [err6];
          } else {
            vErrors.push(err6);
          }
          errors++;
        }
        for (const key1 in data1) {
          if (!(key1 === "file" || key1 === "path" || key1 === "format")) {
            const err7 = { instancePath: instancePath + "/left", schemaPath: "#/$defs/valueRef/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties", schema: false, parentSchema: schema84, data: data1 };
            if (vErrors === null) {
              vErrors = [err7];
            } else {
              vErrors.push(err7);
            }
            errors++;
          }
        }
        if (data1.file !== void 0) {
          let data2 = data1.file;
          if (typeof data2 === "string") {
            if (func2(data2) < 1) {
              const err8 = { instancePath: instancePath + "/left/file", schemaPath: "#/$defs/valueRef/properties/file/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema84.properties.file, data: data2 };
              if (vErrors === null) {
                vErrors = [err8];
              } else {
                vErrors.push(err8);
              }
              errors++;
            }
            if (!pattern51.test(data2)) {
              const err9 = { instancePath: instancePath + "/left/file", schemaPath: "#/$defs/valueRef/properties/file/pattern", keyword: "pattern", params: { pattern: "^[^/]" }, message: 'must match pattern "^[^/]"', schema: "^[^/]", parentSchema: schema84.properties.file, data: data2 };
              if (vErrors === null) {
                vErrors = [err9];
              } else {
                vErrors.push(err9);
              }
              errors++;
            }
          } else {
            const err10 = { instancePath: instancePath + "/left/file", schemaPath: "#/$defs/valueRef/properties/file/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema84.properties.file.type, parentSchema: schema84.properties.file, data: data2 };
            if (vErrors === null) {
              vErrors = [err10];
            } else {
              vErrors.push(err10);
            }
            errors++;
          }
        }
        if (data1.path !== void 0) {
          let data3 = data1.path;
          if (typeof data3 === "string") {
            if (func2(data3) < 1) {
              const err11 = { instancePath: instancePath + "/left/path", schemaPath: "#/$defs/valueRef/properties/path/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema84.properties.path, data: data3 };
              if (vErrors === null) {
                vErrors = [err11];
              } else {
                vErrors.push(err11);
              }
              errors++;
            }
          } else {
            const err12 = { instancePath: instancePath + "/left/path", schemaPath: "#/$defs/valueRef/properties/path/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema84.properties.path.type, parentSchema: schema84.properties.path, data: data3 };
            if (vErrors === null) {
              vErrors = [err12];
            } else {
              vErrors.push(err12);
            }
            errors++;
          }
        }
        if (data1.format !== void 0) {
          let data4 = data1.format;
          if (!(data4 === "yaml" || data4 === "json" || data4 === "env" || data4 === "text")) {
            const err13 = { instancePath: instancePath + "/left/format", schemaPath: "#/$defs/valueRef/properties/format/enum", keyword: "enum", params: { allowedValues: schema84.properties.format.enum }, message: "must be equal to one of the allowed values", schema: schema84.properties.format.enum, parentSchema: schema84.properties.format, data: data4 };
            if (vErrors === null) {
              vErrors = [err13];
            } else {
              vErrors.push(err13);
            }
            errors++;
          }
        }
      } else {
        const err14 = { instancePath: instancePath + "/left", schemaPath: "#/$defs/valueRef/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema84.type, parentSchema: schema84, data: data1 };
        if (vErrors === null) {
          vErrors = [err14];
        } else {
          vErrors.push(err14);
        }
        errors++;
      }
    }
    if (data.right !== void 0) {
      let data5 = data.right;
      if (data5 && typeof data5 == "object" && !Array.isArray(data5)) {
        if (data5.file === void 0) {
          const err15 = { instancePath: instancePath + "/right", schemaPath: "#/$defs/valueRef/required", keyword: "required", params: { missingProperty: "file" }, message: "must have required property 'file'", schema: schema84.required, parentSchema: schema84, data: data5 };
          if (vErrors === null) {
            vErrors = [err15];
          } else {
            vErrors.push(err15);
          }
          errors++;
        }
        for (const key2 in data5) {
          if (!(key2 === "file" || key2 === "path" || key2 === "format")) {
            const err16 = { instancePath: instancePath + "/right", schemaPath: "#/$defs/valueRef/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties", schema: false, parentSchema: schema84, data: data5 };
            if (vErrors === null) {
              vErrors = [err16];
            } else {
              vErrors.push(err16);
            }
            errors++;
          }
        }
        if (data5.file !== void 0) {
          let data6 = data5.file;
          if (typeof data6 === "string") {
            if (func2(data6) < 1) {
              const err17 = { instancePath: instancePath + "/right/file", schemaPath: "#/$defs/valueRef/properties/file/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema84.properties.file, data: data6 };
              if (vErrors === null) {
                vErrors = [err17];
              } else {
                vErrors.push(err17);
              }
              errors++;
            }
            if (!pattern51.test(data6)) {
              const err18 = { instancePath: instancePath + "/right/file", schemaPath: "#/$defs/valueRef/properties/file/pattern", keyword: "pattern", params: { pattern: "^[^/]" }, message: 'must match pattern "^[^/]"', schema: "^[^/]", parentSchema: schema84.properties.file, data: data6 };
              if (vErrors === null) {
                vErrors = [err18];
              } else {
                vErrors.push(err18);
              }
              errors++;
            }
          } else {
            const err19 = { instancePath: instancePath + "/right/file", schemaPath: "#/$defs/valueRef/properties/file/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema84.properties.file.type, parentSchema: schema84.properties.file, data: data6 };
            if (vErrors === null) {
              vErrors = [err19];
            } else {
              vErrors.push(err19);
            }
            errors++;
          }
        }
        if (data5.path !== void 0) {
          let data7 = data5.path;
          if (typeof data7 === "string") {
            if (func2(data7) < 1) {
              const err20 = { instancePath: instancePath + "/right/path", schemaPath: "#/$defs/valueRef/properties/path/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema84.properties.path, data: data7 };
              if (vErrors === null) {
                vErrors = [err20];
              } else {
                vErrors.push(err20);
              }
              errors++;
            }
          } else {
            const err21 = { instancePath: instancePath + "/right/path", schemaPath: "#/$defs/valueRef/properties/path/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema84.properties.path.type, parentSchema: schema84.properties.path, data: data7 };
            if (vErrors === null) {
              vErrors = [err21];
            } else {
              vErrors.push(err21);
            }
            errors++;
          }
        }
        if (data5.format !== void 0) {
          let data8 = data5.format;
          if (!(data8 === "yaml" || data8 === "json" || data8 === "env" || data8 === "text")) {
            const err22 = { instancePath: instancePath + "/right/format", schemaPath: "#/$defs/valueRef/properties/format/enum", keyword: "enum", params: { allowedValues: schema84.properties.format.enum }, message: "must be equal to one of the allowed values", schema: schema84.properties.format.enum, parentSchema: schema84.properties.format, data: data8 };
            if (vErrors === null) {
              vErrors = [err22];
            } else {
              vErrors.push(err22);
            }
            errors++;
          }
        }
      } else {
        const err23 = { instancePath: instancePath + "/right", schemaPath: "#/$defs/valueRef/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema84.type, parentSchema: schema84, data: data5 };
        if (vErrors === null) {
          vErrors = [err23];
        } else {
          vErrors.push(err23);
        }
        errors++;
      }
    }
    if (data.rule !== void 0) {
      let data9 = data.rule;
      if (!(data9 === "equal" || data9 === "semver" || data9 === "regex")) {
        const err24 = { instancePath: instancePath + "/rule", schemaPath: "#/properties/rule/enum", keyword: "enum", params: { allowedValues: schema82.properties.rule.enum }, message: "must be equal to one of the allowed values", schema: schema82.properties.rule.enum, parentSchema: schema82.properties.rule, data: data9 };
        if (vErrors === null) {
          vErrors = [err24];
        } else {
          vErrors.push(err24);
        }
        errors++;
      }
    }
    if (data.pattern !== void 0) {
      let data10 = data.pattern;
      if (typeof data10 === "string") {
        if (func2(data10) < 1) {
          const err25 = { instancePath: instancePath + "/pattern", schemaPath: "#/properties/pattern/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema82.properties.pattern, data: data10 };
          if (vErrors === null) {
            vErrors = [err25];
          } else {
            vErrors.push(err25);
          }
          errors++;
        }
      } else {
        const err26 = { instancePath: instancePath + "/pattern", schemaPath: "#/properties/pattern/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema82.properties.pattern.type, parentSchema: schema82.properties.pattern, data: data10 };
        if (vErrors === null) {
          vErrors = [err26];
        } else {
          vErrors.push(err26);
        }
        errors++;
      }
    }
    if (data.range !== void 0) {
      let data11 = data.range;
      if (typeof data11 === "string") {
        if (func2(data11) < 1) {
          const err27 = { instancePath: instancePath + "/range", schemaPath: "#/properties/range/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema82.properties.range, data: data11 };
          if (vErrors === null) {
            vErrors = [err27];
          } else {
            vErrors.push(err27);
          }
          errors++;
        }
      } else {
        const err28 = { instancePath: instancePath + "/range", schemaPath: "#/properties/range/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema82.properties.range.type, parentSchema: schema82.properties.range, data: data11 };
        if (vErrors === null) {
          vErrors = [err28];
        } else {
          vErrors.push(err28);
        }
        errors++;
      }
    }
  } else {
    const err29 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema82.type, parentSchema: schema82, data };
    if (vErrors === null) {
      vErrors = [err29];
    } else {
      vErrors.push(err29);
    }
    errors++;
  }
  validate29.errors = vErrors;
  return errors === 0;
}
validate29.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };
var formats0 = import_formats.default.fullFormats.uri;
function validate20(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate20.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.keys === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "keys" }, message: "must have required property 'keys'", schema: schema31.required, parentSchema: schema31, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.tiers === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "tiers" }, message: "must have required property 'tiers'", schema: schema31.required, parentSchema: schema31, data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.environments === void 0) {
      const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "environments" }, message: "must have required property 'environments'", schema: schema31.required, parentSchema: schema31, data };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!func1.call(schema31.properties, key0)) {
        const err3 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema31, data };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data._extends !== void 0) {
      let data0 = data._extends;
      if (typeof data0 === "string") {
        if (!pattern4.test(data0)) {
          const err4 = { instancePath: instancePath + "/_extends", schemaPath: "#/properties/_extends/pattern", keyword: "pattern", params: { pattern: "^(?:[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}/)?[-_.A-Za-z0-9]+(?::[-_./A-Za-z0-9]+\\.ya?ml)?$" }, message: 'must match pattern "^(?:[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}/)?[-_.A-Za-z0-9]+(?::[-_./A-Za-z0-9]+\\.ya?ml)?$"', schema: "^(?:[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}/)?[-_.A-Za-z0-9]+(?::[-_./A-Za-z0-9]+\\.ya?ml)?$", parentSchema: schema31.properties._extends, data: data0 };
          if (vErrors === null) {
            vErrors = [err4];
          } else {
            vErrors.push(err4);
          }
          errors++;
        }
      } else {
        const err5 = { instancePath: instancePath + "/_extends", schemaPath: "#/properties/_extends/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties._extends.type, parentSchema: schema31.properties._extends, data: data0 };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
    if (data.backup !== void 0) {
      let data1 = data.backup;
      if (data1 && typeof data1 == "object" && !Array.isArray(data1)) {
        if (data1.repository === void 0) {
          const err6 = { instancePath: instancePath + "/backup", schemaPath: "#/properties/backup/required", keyword: "required", params: { missingProperty: "repository" }, message: "must have required property 'repository'", schema: schema31.properties.backup.required, parentSchema: schema31.properties.backup, data: data1 };
          if (vErrors === null) {
            vErrors = [err6];
          } else {
            vErrors.push(err6);
          }
          errors++;
        }
        for (const key1 in data1) {
          if (!(key1 === "repository" || key1 === "branch")) {
            const err7 = { instancePath: instancePath + "/backup", schemaPath: "#/properties/backup/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties", schema: false, parentSchema: schema31.properties.backup, data: data1 };
            if (vErrors === null) {
              vErrors = [err7];
            } else {
              vErrors.push(err7);
            }
            errors++;
          }
        }
        if (data1.repository !== void 0) {
          let data2 = data1.repository;
          if (typeof data2 === "string") {
            if (!pattern5.test(data2)) {
              const err8 = { instancePath: instancePath + "/backup/repository", schemaPath: "#/properties/backup/properties/repository/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}/[-_.A-Za-z0-9]{1,100}$" }, message: 'must match pattern "^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}/[-_.A-Za-z0-9]{1,100}$"', schema: "^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}/[-_.A-Za-z0-9]{1,100}$", parentSchema: schema31.properties.backup.properties.repository, data: data2 };
              if (vErrors === null) {
                vErrors = [err8];
              } else {
                vErrors.push(err8);
              }
              errors++;
            }
          } else {
            const err9 = { instancePath: instancePath + "/backup/repository", schemaPath: "#/properties/backup/properties/repository/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.backup.properties.repository.type, parentSchema: schema31.properties.backup.properties.repository, data: data2 };
            if (vErrors === null) {
              vErrors = [err9];
            } else {
              vErrors.push(err9);
            }
            errors++;
          }
        }
        if (data1.branch !== void 0) {
          let data3 = data1.branch;
          if (typeof data3 === "string") {
            if (func2(data3) < 1) {
              const err10 = { instancePath: instancePath + "/backup/branch", schemaPath: "#/properties/backup/properties/branch/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema31.properties.backup.properties.branch, data: data3 };
              if (vErrors === null) {
                vErrors = [err10];
              } else {
                vErrors.push(err10);
              }
              errors++;
            }
          } else {
            const err11 = { instancePath: instancePath + "/backup/branch", schemaPath: "#/properties/backup/properties/branch/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.backup.properties.branch.type, parentSchema: schema31.properties.backup.properties.branch, data: data3 };
            if (vErrors === null) {
              vErrors = [err11];
            } else {
              vErrors.push(err11);
            }
            errors++;
          }
        }
      } else {
        const err12 = { instancePath: instancePath + "/backup", schemaPath: "#/properties/backup/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.properties.backup.type, parentSchema: schema31.properties.backup, data: data1 };
        if (vErrors === null) {
          vErrors = [err12];
        } else {
          vErrors.push(err12);
        }
        errors++;
      }
    }
    if (data.keys !== void 0) {
      let data4 = data.keys;
      if (data4 && typeof data4 == "object" && !Array.isArray(data4)) {
        if (data4.recipients === void 0) {
          const err13 = { instancePath: instancePath + "/keys", schemaPath: "#/properties/keys/required", keyword: "required", params: { missingProperty: "recipients" }, message: "must have required property 'recipients'", schema: schema31.properties.keys.required, parentSchema: schema31.properties.keys, data: data4 };
          if (vErrors === null) {
            vErrors = [err13];
          } else {
            vErrors.push(err13);
          }
          errors++;
        }
        if (data4.writers === void 0) {
          const err14 = { instancePath: instancePath + "/keys", schemaPath: "#/properties/keys/required", keyword: "required", params: { missingProperty: "writers" }, message: "must have required property 'writers'", schema: schema31.properties.keys.required, parentSchema: schema31.properties.keys, data: data4 };
          if (vErrors === null) {
            vErrors = [err14];
          } else {
            vErrors.push(err14);
          }
          errors++;
        }
        for (const key2 in data4) {
          if (!(key2 === "recipients" || key2 === "writers" || key2 === "epochs" || key2 === "app")) {
            const err15 = { instancePath: instancePath + "/keys", schemaPath: "#/properties/keys/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties", schema: false, parentSchema: schema31.properties.keys, data: data4 };
            if (vErrors === null) {
              vErrors = [err15];
            } else {
              vErrors.push(err15);
            }
            errors++;
          }
        }
        if (data4.recipients !== void 0) {
          let data5 = data4.recipients;
          if (Array.isArray(data5)) {
            if (data5.length < 1) {
              const err16 = { instancePath: instancePath + "/keys/recipients", schemaPath: "#/properties/keys/properties/recipients/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema31.properties.keys.properties.recipients, data: data5 };
              if (vErrors === null) {
                vErrors = [err16];
              } else {
                vErrors.push(err16);
              }
              errors++;
            }
            const len0 = data5.length;
            for (let i0 = 0; i0 < len0; i0++) {
              let data6 = data5[i0];
              if (typeof data6 === "string") {
                if (!pattern6.test(data6)) {
                  const err17 = { instancePath: instancePath + "/keys/recipients/" + i0, schemaPath: "#/$defs/ageRecipient/pattern", keyword: "pattern", params: { pattern: "^age1[02-9ac-hj-np-z]{58}$" }, message: 'must match pattern "^age1[02-9ac-hj-np-z]{58}$"', schema: "^age1[02-9ac-hj-np-z]{58}$", parentSchema: schema32, data: data6 };
                  if (vErrors === null) {
                    vErrors = [err17];
                  } else {
                    vErrors.push(err17);
                  }
                  errors++;
                }
              } else {
                const err18 = { instancePath: instancePath + "/keys/recipients/" + i0, schemaPath: "#/$defs/ageRecipient/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema32.type, parentSchema: schema32, data: data6 };
                if (vErrors === null) {
                  vErrors = [err18];
                } else {
                  vErrors.push(err18);
                }
                errors++;
              }
            }
          } else {
            const err19 = { instancePath: instancePath + "/keys/recipients", schemaPath: "#/properties/keys/properties/recipients/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema31.properties.keys.properties.recipients.type, parentSchema: schema31.properties.keys.properties.recipients, data: data5 };
            if (vErrors === null) {
              vErrors = [err19];
            } else {
              vErrors.push(err19);
            }
            errors++;
          }
        }
        if (data4.writers !== void 0) {
          let data7 = data4.writers;
          if (Array.isArray(data7)) {
            if (data7.length < 1) {
              const err20 = { instancePath: instancePath + "/keys/writers", schemaPath: "#/properties/keys/properties/writers/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema31.properties.keys.properties.writers, data: data7 };
              if (vErrors === null) {
                vErrors = [err20];
              } else {
                vErrors.push(err20);
              }
              errors++;
            }
            const len1 = data7.length;
            for (let i1 = 0; i1 < len1; i1++) {
              let data8 = data7[i1];
              if (data8 && typeof data8 == "object" && !Array.isArray(data8)) {
                if (data8.key === void 0) {
                  const err21 = { instancePath: instancePath + "/keys/writers/" + i1, schemaPath: "#/properties/keys/properties/writers/items/required", keyword: "required", params: { missingProperty: "key" }, message: "must have required property 'key'", schema: schema31.properties.keys.properties.writers.items.required, parentSchema: schema31.properties.keys.properties.writers.items, data: data8 };
                  if (vErrors === null) {
                    vErrors = [err21];
                  } else {
                    vErrors.push(err21);
                  }
                  errors++;
                }
                for (const key3 in data8) {
                  if (!(key3 === "key" || key3 === "valid_from" || key3 === "valid_until")) {
                    const err22 = { instancePath: instancePath + "/keys/writers/" + i1, schemaPath: "#/properties/keys/properties/writers/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key3 }, message: "must NOT have additional properties", schema: false, parentSchema: schema31.properties.keys.properties.writers.items, data: data8 };
                    if (vErrors === null) {
                      vErrors = [err22];
                    } else {
                      vErrors.push(err22);
                    }
                    errors++;
                  }
                }
                if (data8.key !== void 0) {
                  let data9 = data8.key;
                  if (typeof data9 === "string") {
                    if (!pattern7.test(data9)) {
                      const err23 = { instancePath: instancePath + "/keys/writers/" + i1 + "/key", schemaPath: "#/$defs/writerKey/pattern", keyword: "pattern", params: { pattern: "^sgw1[02-9ac-hj-np-z]{58}$" }, message: 'must match pattern "^sgw1[02-9ac-hj-np-z]{58}$"', schema: "^sgw1[02-9ac-hj-np-z]{58}$", parentSchema: schema33, data: data9 };
                      if (vErrors === null) {
                        vErrors = [err23];
                      } else {
                        vErrors.push(err23);
                      }
                      errors++;
                    }
                  } else {
                    const err24 = { instancePath: instancePath + "/keys/writers/" + i1 + "/key", schemaPath: "#/$defs/writerKey/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema33.type, parentSchema: schema33, data: data9 };
                    if (vErrors === null) {
                      vErrors = [err24];
                    } else {
                      vErrors.push(err24);
                    }
                    errors++;
                  }
                }
                if (data8.valid_from !== void 0) {
                  let data10 = data8.valid_from;
                  if (typeof data10 === "string") {
                    if (!pattern8.test(data10)) {
                      const err25 = { instancePath: instancePath + "/keys/writers/" + i1 + "/valid_from", schemaPath: "#/$defs/date/pattern", keyword: "pattern", params: { pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\\.[0-9]+)?)?(?:Z|[+-][0-9]{2}:[0-9]{2}))?$" }, message: 'must match pattern "^[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\\.[0-9]+)?)?(?:Z|[+-][0-9]{2}:[0-9]{2}))?$"', schema: "^[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\\.[0-9]+)?)?(?:Z|[+-][0-9]{2}:[0-9]{2}))?$", parentSchema: schema34, data: data10 };
                      if (vErrors === null) {
                        vErrors = [err25];
                      } else {
                        vErrors.push(err25);
                      }
                      errors++;
                    }
                  } else {
                    const err26 = { instancePath: instancePath + "/keys/writers/" + i1 + "/valid_from", schemaPath: "#/$defs/date/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema34.type, parentSchema: schema34, data: data10 };
                    if (vErrors === null) {
                      vErrors = [err26];
                    } else {
                      vErrors.push(err26);
                    }
                    errors++;
                  }
                }
                if (data8.valid_until !== void 0) {
                  let data11 = data8.valid_until;
                  if (typeof data11 === "string") {
                    if (!pattern8.test(data11)) {
                      const err27 = { instancePath: instancePath + "/keys/writers/" + i1 + "/valid_until", schemaPath: "#/$defs/date/pattern", keyword: "pattern", params: { pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\\.[0-9]+)?)?(?:Z|[+-][0-9]{2}:[0-9]{2}))?$" }, message: 'must match pattern "^[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\\.[0-9]+)?)?(?:Z|[+-][0-9]{2}:[0-9]{2}))?$"', schema: "^[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\\.[0-9]+)?)?(?:Z|[+-][0-9]{2}:[0-9]{2}))?$", parentSchema: schema34, data: data11 };
                      if (vErrors === null) {
                        vErrors = [err27];
                      } else {
                        vErrors.push(err27);
                      }
                      errors++;
                    }
                  } else {
                    const err28 = { instancePath: instancePath + "/keys/writers/" + i1 + "/valid_until", schemaPath: "#/$defs/date/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema34.type, parentSchema: schema34, data: data11 };
                    if (vErrors === null) {
                      vErrors = [err28];
                    } else {
                      vErrors.push(err28);
                    }
                    errors++;
                  }
                }
              } else {
                const err29 = { instancePath: instancePath + "/keys/writers/" + i1, schemaPath: "#/properties/keys/properties/writers/items/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.properties.keys.properties.writers.items.type, parentSchema: schema31.properties.keys.properties.writers.items, data: data8 };
                if (vErrors === null) {
                  vErrors = [err29];
                } else {
                  vErrors.push(err29);
                }
                errors++;
              }
            }
          } else {
            const err30 = { instancePath: instancePath + "/keys/writers", schemaPath: "#/properties/keys/properties/writers/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema31.properties.keys.properties.writers.type, parentSchema: schema31.properties.keys.properties.writers, data: data7 };
            if (vErrors === null) {
              vErrors = [err30];
            } else {
              vErrors.push(err30);
            }
            errors++;
          }
        }
        if (data4.epochs !== void 0) {
          let data12 = data4.epochs;
          if (Array.isArray(data12)) {
            const len2 = data12.length;
            for (let i2 = 0; i2 < len2; i2++) {
              let data13 = data12[i2];
              if (data13 && typeof data13 == "object" && !Array.isArray(data13)) {
                if (data13.name === void 0) {
                  const err31 = { instancePath: instancePath + "/keys/epochs/" + i2, schemaPath: "#/properties/keys/properties/epochs/items/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'", schema: schema31.properties.keys.properties.epochs.items.required, parentSchema: schema31.properties.keys.properties.epochs.items, data: data13 };
                  if (vErrors === null) {
                    vErrors = [err31];
                  } else {
                    vErrors.push(err31);
                  }
                  errors++;
                }
                if (data13.recipients === void 0) {
                  const err32 = { instancePath: instancePath + "/keys/epochs/" + i2, schemaPath: "#/properties/keys/properties/epochs/items/required", keyword: "required", params: { missingProperty: "recipients" }, message: "must have required property 'recipients'", schema: schema31.properties.keys.properties.epochs.items.required, parentSchema: schema31.properties.keys.properties.epochs.items, data: data13 };
                  if (vErrors === null) {
                    vErrors = [err32];
                  } else {
                    vErrors.push(err32);
                  }
                  errors++;
                }
                for (const key4 in data13) {
                  if (!(key4 === "name" || key4 === "recipients" || key4 === "tiers" || key4 === "valid_from" || key4 === "valid_until")) {
                    const err33 = { instancePath: instancePath + "/keys/epochs/" + i2, schemaPath: "#/properties/keys/properties/epochs/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key4 }, message: "must NOT have additional properties", schema: false, parentSchema: schema31.properties.keys.properties.epochs.items, data: data13 };
                    if (vErrors === null) {
                      vErrors = [err33];
                    } else {
                      vErrors.push(err33);
                    }
                    errors++;
                  }
                }
                if (data13.name !== void 0) {
                  let data14 = data13.name;
                  if (typeof data14 === "string") {
                    if (!pattern10.test(data14)) {
                      const err34 = { instancePath: instancePath + "/keys/epochs/" + i2 + "/name", schemaPath: "#/$defs/name/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9][a-z0-9._-]{0,62}$" }, message: 'must match pattern "^[a-z0-9][a-z0-9._-]{0,62}$"', schema: "^[a-z0-9][a-z0-9._-]{0,62}$", parentSchema: schema36, data: data14 };
                      if (vErrors === null) {
                        vErrors = [err34];
                      } else {
                        vErrors.push(err34);
                      }
                      errors++;
                    }
                  } else {
                    const err35 = { instancePath: instancePath + "/keys/epochs/" + i2 + "/name", schemaPath: "#/$defs/name/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema36.type, parentSchema: schema36, data: data14 };
                    if (vErrors === null) {
                      vErrors = [err35];
                    } else {
                      vErrors.push(err35);
                    }
                    errors++;
                  }
                }
                if (data13.recipients !== void 0) {
                  let data15 = data13.recipients;
                  if (Array.isArray(data15)) {
                    if (data15.length < 1) {
                      const err36 = { instancePath: instancePath + "/keys/epochs/" + i2 + "/recipients", schemaPath: "#/properties/keys/properties/epochs/items/properties/recipients/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema31.properties.keys.properties.epochs.items.properties.recipients, data: data15 };
                      if (vErrors === null) {
                        vErrors = [err36];
                      } else {
                        vErrors.push(err36);
                      }
                      errors++;
                    }
                    const len3 = data15.length;
                    for (let i3 = 0; i3 < len3; i3++) {
                      let data16 = data15[i3];
                      if (typeof data16 === "string") {
                        if (!pattern6.test(data16)) {
                          const err37 = { instancePath: instancePath + "/keys/epochs/" + i2 + "/recipients/" + i3, schemaPath: "#/$defs/ageRecipient/pattern", keyword: "pattern", params: { pattern: "^age1[02-9ac-hj-np-z]{58}$" }, message: 'must match pattern "^age1[02-9ac-hj-np-z]{58}$"', schema: "^age1[02-9ac-hj-np-z]{58}$", parentSchema: schema32, data: data16 };
                          if (vErrors === null) {
                            vErrors = [err37];
                          } else {
                            vErrors.push(err37);
                          }
                          errors++;
                        }
                      } else {
                        const err38 = { instancePath: instancePath + "/keys/epochs/" + i2 + "/recipients/" + i3, schemaPath: "#/$defs/ageRecipient/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema32.type, parentSchema: schema32, data: data16 };
                        if (vErrors === null) {
                          vErrors = [err38];
                        } else {
                          vErrors.push(err38);
                        }
                        errors++;
                      }
                    }
                  } else {
                    const err39 = { instancePath: instancePath + "/keys/epochs/" + i2 + "/recipients", schemaPath: "#/properties/keys/properties/epochs/items/properties/recipients/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema31.properties.keys.properties.epochs.items.properties.recipients.type, parentSchema: schema31.properties.keys.properties.epochs.items.properties.recipients, data: data15 };
                    if (vErrors === null) {
                      vErrors = [err39];
                    } else {
                      vErrors.push(err39);
                    }
                    errors++;
                  }
                }
                if (data13.tiers !== void 0) {
                  let data17 = data13.tiers;
                  if (Array.isArray(data17)) {
                    if (data17.length < 1) {
                      const err40 = { instancePath: instancePath + "/keys/epochs/" + i2 + "/tiers", schemaPath: "#/properties/keys/properties/epochs/items/properties/tiers/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema31.properties.keys.properties.epochs.items.properties.tiers, data: data17 };
                      if (vErrors === null) {
                        vErrors = [err40];
                      } else {
                        vErrors.push(err40);
                      }
                      errors++;
                    }
                    const len4 = data17.length;
                    for (let i4 = 0; i4 < len4; i4++) {
                      let data18 = data17[i4];
                      if (typeof data18 === "string") {
                        if (!pattern12.test(data18)) {
                          const err41 = { instancePath: instancePath + "/keys/epochs/" + i2 + "/tiers/" + i4, schemaPath: "#/$defs/tierName/pattern", keyword: "pattern", params: { pattern: "^[a-z][a-z0-9_-]{0,62}$" }, message: 'must match pattern "^[a-z][a-z0-9_-]{0,62}$"', schema: "^[a-z][a-z0-9_-]{0,62}$", parentSchema: schema38, data: data18 };
                          if (vErrors === null) {
                            vErrors = [err41];
                          } else {
                            vErrors.push(err41);
                          }
                          errors++;
                        }
                      } else {
                        const err42 = { instancePath: instancePath + "/keys/epochs/" + i2 + "/tiers/" + i4, schemaPath: "#/$defs/tierName/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema38.type, parentSchema: schema38, data: data18 };
                        if (vErrors === null) {
                          vErrors = [err42];
                        } else {
                          vErrors.push(err42);
                        }
                        errors++;
                      }
                    }
                  } else {
                    const err43 = { instancePath: instancePath + "/keys/epochs/" + i2 + "/tiers", schemaPath: "#/properties/keys/properties/epochs/items/properties/tiers/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema31.properties.keys.properties.epochs.items.properties.tiers.type, parentSchema: schema31.properties.keys.properties.epochs.items.properties.tiers, data: data17 };
                    if (vErrors === null) {
                      vErrors = [err43];
                    } else {
                      vErrors.push(err43);
                    }
                    errors++;
                  }
                }
                if (data13.valid_from !== void 0) {
                  let data19 = data13.valid_from;
                  if (typeof data19 === "string") {
                    if (!pattern8.test(data19)) {
                      const err44 = { instancePath: instancePath + "/keys/epochs/" + i2 + "/valid_from", schemaPath: "#/$defs/date/pattern", keyword: "pattern", params: { pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\\.[0-9]+)?)?(?:Z|[+-][0-9]{2}:[0-9]{2}))?$" }, message: 'must match pattern "^[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\\.[0-9]+)?)?(?:Z|[+-][0-9]{2}:[0-9]{2}))?$"', schema: "^[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\\.[0-9]+)?)?(?:Z|[+-][0-9]{2}:[0-9]{2}))?$", parentSchema: schema34, data: data19 };
                      if (vErrors === null) {
                        vErrors = [err44];
                      } else {
                        vErrors.push(err44);
                      }
                      errors++;
                    }
                  } else {
                    const err45 = { instancePath: instancePath + "/keys/epochs/" + i2 + "/valid_from", schemaPath: "#/$defs/date/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema34.type, parentSchema: schema34, data: data19 };
                    if (vErrors === null) {
                      vErrors = [err45];
                    } else {
                      vErrors.push(err45);
                    }
                    errors++;
                  }
                }
                if (data13.valid_until !== void 0) {
                  let data20 = data13.valid_until;
                  if (typeof data20 === "string") {
                    if (!pattern8.test(data20)) {
                      const err46 = { instancePath: instancePath + "/keys/epochs/" + i2 + "/valid_until", schemaPath: "#/$defs/date/pattern", keyword: "pattern", params: { pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\\.[0-9]+)?)?(?:Z|[+-][0-9]{2}:[0-9]{2}))?$" }, message: 'must match pattern "^[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\\.[0-9]+)?)?(?:Z|[+-][0-9]{2}:[0-9]{2}))?$"', schema: "^[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\\.[0-9]+)?)?(?:Z|[+-][0-9]{2}:[0-9]{2}))?$", parentSchema: schema34, data: data20 };
                      if (vErrors === null) {
                        vErrors = [err46];
                      } else {
                        vErrors.push(err46);
                      }
                      errors++;
                    }
                  } else {
                    const err47 = { instancePath: instancePath + "/keys/epochs/" + i2 + "/valid_until", schemaPath: "#/$defs/date/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema34.type, parentSchema: schema34, data: data20 };
                    if (vErrors === null) {
                      vErrors = [err47];
                    } else {
                      vErrors.push(err47);
                    }
                    errors++;
                  }
                }
              } else {
                const err48 = { instancePath: instancePath + "/keys/epochs/" + i2, schemaPath: "#/properties/keys/properties/epochs/items/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.properties.keys.properties.epochs.items.type, parentSchema: schema31.properties.keys.properties.epochs.items, data: data13 };
                if (vErrors === null) {
                  vErrors = [err48];
                } else {
                  vErrors.push(err48);
                }
                errors++;
              }
            }
          } else {
            const err49 = { instancePath: instancePath + "/keys/epochs", schemaPath: "#/properties/keys/properties/epochs/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema31.properties.keys.properties.epochs.type, parentSchema: schema31.properties.keys.properties.epochs, data: data12 };
            if (vErrors === null) {
              vErrors = [err49];
            } else {
              vErrors.push(err49);
            }
            errors++;
          }
        }
        if (data4.app !== void 0) {
          let data21 = data4.app;
          if (Array.isArray(data21)) {
            const len5 = data21.length;
            for (let i5 = 0; i5 < len5; i5++) {
              let data22 = data21[i5];
              if (data22 && typeof data22 == "object" && !Array.isArray(data22)) {
                if (data22.key === void 0) {
                  const err50 = { instancePath: instancePath + "/keys/app/" + i5, schemaPath: "#/properties/keys/properties/app/items/required", keyword: "required", params: { missingProperty: "key" }, message: "must have required property 'key'", schema: schema31.properties.keys.properties.app.items.required, parentSchema: schema31.properties.keys.properties.app.items, data: data22 };
                  if (vErrors === null) {
                    vErrors = [err50];
                  } else {
                    vErrors.push(err50);
                  }
                  errors++;
                }
                for (const key5 in data22) {
                  if (!(key5 === "key")) {
                    const err51 = { instancePath: instancePath + "/keys/app/" + i5, schemaPath: "#/properties/keys/properties/app/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key5 }, message: "must NOT have additional properties", schema: false, parentSchema: schema31.properties.keys.properties.app.items, data: data22 };
                    if (vErrors === null) {
                      vErrors = [err51];
                    } else {
                      vErrors.push(err51);
                    }
                    errors++;
                  }
                }
                if (data22.key !== void 0) {
                  let data23 = data22.key;
                  if (typeof data23 === "string") {
                    if (!pattern15.test(data23)) {
                      const err52 = { instancePath: instancePath + "/keys/app/" + i5 + "/key", schemaPath: "#/$defs/appKey/pattern", keyword: "pattern", params: { pattern: "^sga1[02-9ac-hj-np-z]{58}$" }, message: 'must match pattern "^sga1[02-9ac-hj-np-z]{58}$"', schema: "^sga1[02-9ac-hj-np-z]{58}$", parentSchema: schema41, data: data23 };
                      if (vErrors === null) {
                        vErrors = [err52];
                      } else {
                        vErrors.push(err52);
                      }
                      errors++;
                    }
                  } else {
                    const err53 = { instancePath: instancePath + "/keys/app/" + i5 + "/key", schemaPath: "#/$defs/appKey/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema41.type, parentSchema: schema41, data: data23 };
                    if (vErrors === null) {
                      vErrors = [err53];
                    } else {
                      vErrors.push(err53);
                    }
                    errors++;
                  }
                }
              } else {
                const err54 = { instancePath: instancePath + "/keys/app/" + i5, schemaPath: "#/properties/keys/properties/app/items/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.properties.keys.properties.app.items.type, parentSchema: schema31.properties.keys.properties.app.items, data: data22 };
                if (vErrors === null) {
                  vErrors = [err54];
                } else {
                  vErrors.push(err54);
                }
                errors++;
              }
            }
          } else {
            const err55 = { instancePath: instancePath + "/keys/app", schemaPath: "#/properties/keys/properties/app/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema31.properties.keys.properties.app.type, parentSchema: schema31.properties.keys.properties.app, data: data21 };
            if (vErrors === null) {
              vErrors = [err55];
            } else {
              vErrors.push(err55);
            }
            errors++;
          }
        }
      } else {
        const err56 = { instancePath: instancePath + "/keys", schemaPath: "#/properties/keys/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.properties.keys.type, parentSchema: schema31.properties.keys, data: data4 };
        if (vErrors === null) {
          vErrors = [err56];
        } else {
          vErrors.push(err56);
        }
        errors++;
      }
    }
    if (data.tiers !== void 0) {
      let data24 = data.tiers;
      if (data24 && typeof data24 == "object" && !Array.isArray(data24)) {
        if (Object.keys(data24).length < 1) {
          const err57 = { instancePath: instancePath + "/tiers", schemaPath: "#/properties/tiers/minProperties", keyword: "minProperties", params: { limit: 1 }, message: "must NOT have fewer than 1 properties", schema: 1, parentSchema: schema31.properties.tiers, data: data24 };
          if (vErrors === null) {
            vErrors = [err57];
          } else {
            vErrors.push(err57);
          }
          errors++;
        }
        for (const key6 in data24) {
          if (!pattern12.test(key6)) {
            const err58 = { instancePath: instancePath + "/tiers", schemaPath: "#/properties/tiers/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key6 }, message: "must NOT have additional properties", schema: false, parentSchema: schema31.properties.tiers, data: data24 };
            if (vErrors === null) {
              vErrors = [err58];
            } else {
              vErrors.push(err58);
            }
            errors++;
          }
        }
        for (const key7 in data24) {
          if (pattern12.test(key7)) {
            if (!validate21(data24[key7], { instancePath: instancePath + "/tiers/" + key7.replace(/~/g, "~0").replace(/\//g, "~1"), parentData: data24, parentDataProperty: key7, rootData, dynamicAnchors })) {
              vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
              errors = vErrors.length;
            }
          }
        }
      } else {
        const err59 = { instancePath: instancePath + "/tiers", schemaPath: "#/properties/tiers/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.properties.tiers.type, parentSchema: schema31.properties.tiers, data: data24 };
        if (vErrors === null) {
          vErrors = [err59];
        } else {
          vErrors.push(err59);
        }
        errors++;
      }
    }
    if (data.environments !== void 0) {
      let data26 = data.environments;
      if (data26 && typeof data26 == "object" && !Array.isArray(data26)) {
        if (Object.keys(data26).length < 1) {
          const err60 = { instancePath: instancePath + "/environments", schemaPath: "#/properties/environments/minProperties", keyword: "minProperties", params: { limit: 1 }, message: "must NOT have fewer than 1 properties", schema: 1, parentSchema: schema31.properties.environments, data: data26 };
          if (vErrors === null) {
            vErrors = [err60];
          } else {
            vErrors.push(err60);
          }
          errors++;
        }
        for (const key8 in data26) {
          if (!pattern10.test(key8)) {
            const err61 = { instancePath: instancePath + "/environments", schemaPath: "#/properties/environments/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key8 }, message: "must NOT have additional properties", schema: false, parentSchema: schema31.properties.environments, data: data26 };
            if (vErrors === null) {
              vErrors = [err61];
            } else {
              vErrors.push(err61);
            }
            errors++;
          }
        }
        for (const key9 in data26) {
          if (pattern10.test(key9)) {
            if (!validate23(data26[key9], { instancePath: instancePath + "/environments/" + key9.replace(/~/g, "~0").replace(/\//g, "~1"), parentData: data26, parentDataProperty: key9, rootData, dynamicAnchors })) {
              vErrors = vErrors === null ? validate23.errors : vErrors.concat(validate23.errors);
              errors = vErrors.length;
            }
          }
        }
      } else {
        const err62 = { instancePath: instancePath + "/environments", schemaPath: "#/properties/environments/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.properties.environments.type, parentSchema: schema31.properties.environments, data: data26 };
        if (vErrors === null) {
          vErrors = [err62];
        } else {
          vErrors.push(err62);
        }
        errors++;
      }
    }
    if (data.components !== void 0) {
      let data28 = data.components;
      if (Array.isArray(data28)) {
        const len6 = data28.length;
        for (let i6 = 0; i6 < len6; i6++) {
          if (!validate25(data28[i6], { instancePath: instancePath + "/components/" + i6, parentData: data28, parentDataProperty: i6, rootData, dynamicAnchors })) {
            vErrors = vErrors === null ? validate25.errors : vErrors.concat(validate25.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err63 = { instancePath: instancePath + "/components", schemaPath: "#/properties/components/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema31.properties.components.type, parentSchema: schema31.properties.components, data: data28 };
        if (vErrors === null) {
          vErrors = [err63];
        } else {
          vErrors.push(err63);
        }
        errors++;
      }
    }
    if (data.exclude !== void 0) {
      let data30 = data.exclude;
      if (Array.isArray(data30)) {
        const len7 = data30.length;
        for (let i7 = 0; i7 < len7; i7++) {
          let data31 = data30[i7];
          if (typeof data31 === "string") {
            if (func2(data31) < 1) {
              const err64 = { instancePath: instancePath + "/exclude/" + i7, schemaPath: "#/$defs/excludeGlob/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema76, data: data31 };
              if (vErrors === null) {
                vErrors = [err64];
              } else {
                vErrors.push(err64);
              }
              errors++;
            }
            if (!pattern45.test(data31)) {
              const err65 = { instancePath: instancePath + "/exclude/" + i7, schemaPath: "#/$defs/excludeGlob/pattern", keyword: "pattern", params: { pattern: "^!?[^/!]" }, message: 'must match pattern "^!?[^/!]"', schema: "^!?[^/!]", parentSchema: schema76, data: data31 };
              if (vErrors === null) {
                vErrors = [err65];
              } else {
                vErrors.push(err65);
              }
              errors++;
            }
          } else {
            const err66 = { instancePath: instancePath + "/exclude/" + i7, schemaPath: "#/$defs/excludeGlob/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema76.type, parentSchema: schema76, data: data31 };
            if (vErrors === null) {
              vErrors = [err66];
            } else {
              vErrors.push(err66);
            }
            errors++;
          }
        }
      } else {
        const err67 = { instancePath: instancePath + "/exclude", schemaPath: "#/properties/exclude/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema31.properties.exclude.type, parentSchema: schema31.properties.exclude, data: data30 };
        if (vErrors === null) {
          vErrors = [err67];
        } else {
          vErrors.push(err67);
        }
        errors++;
      }
    }
    if (data.exceptions !== void 0) {
      let data32 = data.exceptions;
      if (Array.isArray(data32)) {
        const len8 = data32.length;
        for (let i8 = 0; i8 < len8; i8++) {
          if (!validate27(data32[i8], { instancePath: instancePath + "/exceptions/" + i8, parentData: data32, parentDataProperty: i8, rootData, dynamicAnchors })) {
            vErrors = vErrors === null ? validate27.errors : vErrors.concat(validate27.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err68 = { instancePath: instancePath + "/exceptions", schemaPath: "#/properties/exceptions/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema31.properties.exceptions.type, parentSchema: schema31.properties.exceptions, data: data32 };
        if (vErrors === null) {
          vErrors = [err68];
        } else {
          vErrors.push(err68);
        }
        errors++;
      }
    }
    if (data.consistency !== void 0) {
      let data34 = data.consistency;
      if (Array.isArray(data34)) {
        const len9 = data34.length;
        for (let i9 = 0; i9 < len9; i9++) {
          if (!validate29(data34[i9], { instancePath: instancePath + "/consistency/" + i9, parentData: data34, parentDataProperty: i9, rootData, dynamicAnchors })) {
            vErrors = vErrors === null ? validate29.errors : vErrors.concat(validate29.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err69 = { instancePath: instancePath + "/consistency", schemaPath: "#/properties/consistency/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema31.properties.consistency.type, parentSchema: schema31.properties.consistency, data: data34 };
        if (vErrors === null) {
          vErrors = [err69];
        } else {
          vErrors.push(err69);
        }
        errors++;
      }
    }
    if (data.change_tickets !== void 0) {
      let data36 = data.change_tickets;
      if (data36 && typeof data36 == "object" && !Array.isArray(data36)) {
        if (data36.required_for === void 0) {
          const err70 = { instancePath: instancePath + "/change_tickets", schemaPath: "#/properties/change_tickets/required", keyword: "required", params: { missingProperty: "required_for" }, message: "must have required property 'required_for'", schema: schema31.properties.change_tickets.required, parentSchema: schema31.properties.change_tickets, data: data36 };
          if (vErrors === null) {
            vErrors = [err70];
          } else {
            vErrors.push(err70);
          }
          errors++;
        }
        if (data36.pattern === void 0) {
          const err71 = { instancePath: instancePath + "/change_tickets", schemaPath: "#/properties/change_tickets/required", keyword: "required", params: { missingProperty: "pattern" }, message: "must have required property 'pattern'", schema: schema31.properties.change_tickets.required, parentSchema: schema31.properties.change_tickets, data: data36 };
          if (vErrors === null) {
            vErrors = [err71];
          } else {
            vErrors.push(err71);
          }
          errors++;
        }
        for (const key10 in data36) {
          if (!(key10 === "required_for" || key10 === "pattern" || key10 === "endpoint")) {
            const err72 = { instancePath: instancePath + "/change_tickets", schemaPath: "#/properties/change_tickets/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key10 }, message: "must NOT have additional properties", schema: false, parentSchema: schema31.properties.change_tickets, data: data36 };
            if (vErrors === null) {
              vErrors = [err72];
            } else {
              vErrors.push(err72);
            }
            errors++;
          }
        }
        if (data36.required_for !== void 0) {
          let data37 = data36.required_for;
          if (data37 && typeof data37 == "object" && !Array.isArray(data37)) {
            for (const key11 in data37) {
              if (!pattern12.test(key11)) {
                const err73 = { instancePath: instancePath + "/change_tickets/required_for", schemaPath: "#/properties/change_tickets/properties/required_for/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key11 }, message: "must NOT have additional properties", schema: false, parentSchema: schema31.properties.change_tickets.properties.required_for, data: data37 };
                if (vErrors === null) {
                  vErrors = [err73];
                } else {
                  vErrors.push(err73);
                }
                errors++;
              }
            }
            for (const key12 in data37) {
              if (pattern12.test(key12)) {
                let data38 = data37[key12];
                if (Array.isArray(data38)) {
                  if (data38.length < 1) {
                    const err74 = { instancePath: instancePath + "/change_tickets/required_for/" + key12.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/change_tickets/properties/required_for/patternProperties/%5E%5Ba-z%5D%5Ba-z0-9_-%5D%7B0%2C62%7D%24/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema31.properties.change_tickets.properties.required_for.patternProperties["^[a-z][a-z0-9_-]{0,62}$"], data: data38 };
                    if (vErrors === null) {
                      vErrors = [err74];
                    } else {
                      vErrors.push(err74);
                    }
                    errors++;
                  }
                  const len10 = data38.length;
                  for (let i10 = 0; i10 < len10; i10++) {
                    let data39 = data38[i10];
                    if (!(data39 === "pre" || data39 === "post" || data39 === "scheduled" || data39 === "manual")) {
                      const err75 = { instancePath: instancePath + "/change_tickets/required_for/" + key12.replace(/~/g, "~0").replace(/\//g, "~1") + "/" + i10, schemaPath: "#/properties/change_tickets/properties/required_for/patternProperties/%5E%5Ba-z%5D%5Ba-z0-9_-%5D%7B0%2C62%7D%24/items/enum", keyword: "enum", params: { allowedValues: schema31.properties.change_tickets.properties.required_for.patternProperties["^[a-z][a-z0-9_-]{0,62}$"].items.enum }, message: "must be equal to one of the allowed values", schema: schema31.properties.change_tickets.properties.required_for.patternProperties["^[a-z][a-z0-9_-]{0,62}$"].items.enum, parentSchema: schema31.properties.change_tickets.properties.required_for.patternProperties["^[a-z][a-z0-9_-]{0,62}$"].items, data: data39 };
                      if (vErrors === null) {
                        vErrors = [err75];
                      } else {
                        vErrors.push(err75);
                      }
                      errors++;
                    }
                  }
                  let i11 = data38.length;
                  let j0;
                  if (i11 > 1) {
                    outer0: for (; i11--; ) {
                      for (j0 = i11; j0--; ) {
                        if (func0(data38[i11], data38[j0])) {
                          const err76 = { instancePath: instancePath + "/change_tickets/required_for/" + key12.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/change_tickets/properties/required_for/patternProperties/%5E%5Ba-z%5D%5Ba-z0-9_-%5D%7B0%2C62%7D%24/uniqueItems", keyword: "uniqueItems", params: { i: i11, j: j0 }, message: "must NOT have duplicate items (items ## " + j0 + " and " + i11 + " are identical)", schema: true, parentSchema: schema31.properties.change_tickets.properties.required_for.patternProperties["^[a-z][a-z0-9_-]{0,62}$"], data: data38 };
                          if (vErrors === null) {
                            vErrors = [err76];
                          } else {
                            vErrors.push(err76);
                          }
                          errors++;
                          break outer0;
                        }
                      }
                    }
                  }
                } else {
                  const err77 = { instancePath: instancePath + "/change_tickets/required_for/" + key12.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/change_tickets/properties/required_for/patternProperties/%5E%5Ba-z%5D%5Ba-z0-9_-%5D%7B0%2C62%7D%24/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema31.properties.change_tickets.properties.required_for.patternProperties["^[a-z][a-z0-9_-]{0,62}$"].type, parentSchema: schema31.properties.change_tickets.properties.required_for.patternProperties["^[a-z][a-z0-9_-]{0,62}$"], data: data38 };
                  if (vErrors === null) {
                    vErrors = [err77];
                  } else {
                    vErrors.push(err77);
                  }
                  errors++;
                }
              }
            }
          } else {
            const err78 = { instancePath: instancePath + "/change_tickets/required_for", schemaPath: "#/properties/change_tickets/properties/required_for/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.properties.change_tickets.properties.required_for.type, parentSchema: schema31.properties.change_tickets.properties.required_for, data: data37 };
            if (vErrors === null) {
              vErrors = [err78];
            } else {
              vErrors.push(err78);
            }
            errors++;
          }
        }
        if (data36.pattern !== void 0) {
          let data40 = data36.pattern;
          if (typeof data40 === "string") {
            if (func2(data40) < 1) {
              const err79 = { instancePath: instancePath + "/change_tickets/pattern", schemaPath: "#/properties/change_tickets/properties/pattern/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema31.properties.change_tickets.properties.pattern, data: data40 };
              if (vErrors === null) {
                vErrors = [err79];
              } else {
                vErrors.push(err79);
              }
              errors++;
            }
          } else {
            const err80 = { instancePath: instancePath + "/change_tickets/pattern", schemaPath: "#/properties/change_tickets/properties/pattern/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.change_tickets.properties.pattern.type, parentSchema: schema31.properties.change_tickets.properties.pattern, data: data40 };
            if (vErrors === null) {
              vErrors = [err80];
            } else {
              vErrors.push(err80);
            }
            errors++;
          }
        }
        if (data36.endpoint !== void 0) {
          let data41 = data36.endpoint;
          if (data41 && typeof data41 == "object" && !Array.isArray(data41)) {
            if (data41.url === void 0) {
              const err81 = { instancePath: instancePath + "/change_tickets/endpoint", schemaPath: "#/properties/change_tickets/properties/endpoint/required", keyword: "required", params: { missingProperty: "url" }, message: "must have required property 'url'", schema: schema31.properties.change_tickets.properties.endpoint.required, parentSchema: schema31.properties.change_tickets.properties.endpoint, data: data41 };
              if (vErrors === null) {
                vErrors = [err81];
              } else {
                vErrors.push(err81);
              }
              errors++;
            }
            for (const key13 in data41) {
              if (!(key13 === "url" || key13 === "timeout" || key13 === "token_env")) {
                const err82 = { instancePath: instancePath + "/change_tickets/endpoint", schemaPath: "#/properties/change_tickets/properties/endpoint/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key13 }, message: "must NOT have additional properties", schema: false, parentSchema: schema31.properties.change_tickets.properties.endpoint, data: data41 };
                if (vErrors === null) {
                  vErrors = [err82];
                } else {
                  vErrors.push(err82);
                }
                errors++;
              }
            }
            if (data41.url !== void 0) {
              let data42 = data41.url;
              if (typeof data42 === "string") {
                if (!pattern55.test(data42)) {
                  const err83 = { instancePath: instancePath + "/change_tickets/endpoint/url", schemaPath: "#/properties/change_tickets/properties/endpoint/properties/url/pattern", keyword: "pattern", params: { pattern: "^https?://" }, message: 'must match pattern "^https?://"', schema: "^https?://", parentSchema: schema31.properties.change_tickets.properties.endpoint.properties.url, data: data42 };
                  if (vErrors === null) {
                    vErrors = [err83];
                  } else {
                    vErrors.push(err83);
                  }
                  errors++;
                }
                if (!formats0(data42)) {
                  const err84 = { instancePath: instancePath + "/change_tickets/endpoint/url", schemaPath: "#/properties/change_tickets/properties/endpoint/properties/url/format", keyword: "format", params: { format: "uri" }, message: 'must match format "uri"', schema: "uri", parentSchema: schema31.properties.change_tickets.properties.endpoint.properties.url, data: data42 };
                  if (vErrors === null) {
                    vErrors = [err84];
                  } else {
                    vErrors.push(err84);
                  }
                  errors++;
                }
              } else {
                const err85 = { instancePath: instancePath + "/change_tickets/endpoint/url", schemaPath: "#/properties/change_tickets/properties/endpoint/properties/url/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.change_tickets.properties.endpoint.properties.url.type, parentSchema: schema31.properties.change_tickets.properties.endpoint.properties.url, data: data42 };
                if (vErrors === null) {
                  vErrors = [err85];
                } else {
                  vErrors.push(err85);
                }
                errors++;
              }
            }
            if (data41.timeout !== void 0) {
              let data43 = data41.timeout;
              if (typeof data43 === "string") {
                if (!pattern18.test(data43)) {
                  const err86 = { instancePath: instancePath + "/change_tickets/endpoint/timeout", schemaPath: "#/$defs/duration/pattern", keyword: "pattern", params: { pattern: "^(?:[0-9]+(?:s|m|h|d|w))+$" }, message: 'must match pattern "^(?:[0-9]+(?:s|m|h|d|w))+$"', schema: "^(?:[0-9]+(?:s|m|h|d|w))+$", parentSchema: schema43, data: data43 };
                  if (vErrors === null) {
                    vErrors = [err86];
                  } else {
                    vErrors.push(err86);
                  }
                  errors++;
                }
              } else {
                const err87 = { instancePath: instancePath + "/change_tickets/endpoint/timeout", schemaPath: "#/$defs/duration/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema43.type, parentSchema: schema43, data: data43 };
                if (vErrors === null) {
                  vErrors = [err87];
                } else {
                  vErrors.push(err87);
                }
                errors++;
              }
            }
            if (data41.token_env !== void 0) {
              let data44 = data41.token_env;
              if (typeof data44 === "string") {
                if (!pattern57.test(data44)) {
                  const err88 = { instancePath: instancePath + "/change_tickets/endpoint/token_env", schemaPath: "#/properties/change_tickets/properties/endpoint/properties/token_env/pattern", keyword: "pattern", params: { pattern: "^[A-Z_][A-Z0-9_]*$" }, message: 'must match pattern "^[A-Z_][A-Z0-9_]*$"', schema: "^[A-Z_][A-Z0-9_]*$", parentSchema: schema31.properties.change_tickets.properties.endpoint.properties.token_env, data: data44 };
                  if (vErrors === null) {
                    vErrors = [err88];
                  } else {
                    vErrors.push(err88);
                  }
                  errors++;
                }
              } else {
                const err89 = { instancePath: instancePath + "/change_tickets/endpoint/token_env", schemaPath: "#/properties/change_tickets/properties/endpoint/properties/token_env/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.change_tickets.properties.endpoint.properties.token_env.type, parentSchema: schema31.properties.change_tickets.properties.endpoint.properties.token_env, data: data44 };
                if (vErrors === null) {
                  vErrors = [err89];
                } else {
                  vErrors.push(err89);
                }
                errors++;
              }
            }
          } else {
            const err90 = { instancePath: instancePath + "/change_tickets/endpoint", schemaPath: "#/properties/change_tickets/properties/endpoint/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.properties.change_tickets.properties.endpoint.type, parentSchema: schema31.properties.change_tickets.properties.endpoint, data: data41 };
            if (vErrors === null) {
              vErrors = [err90];
            } else {
              vErrors.push(err90);
            }
            errors++;
          }
        }
      } else {
        const err91 = { instancePath: instancePath + "/change_tickets", schemaPath: "#/properties/change_tickets/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.properties.change_tickets.type, parentSchema: schema31.properties.change_tickets, data: data36 };
        if (vErrors === null) {
          vErrors = [err91];
        } else {
          vErrors.push(err91);
        }
        errors++;
      }
    }
    if (data.roles !== void 0) {
      let data45 = data.roles;
      if (data45 && typeof data45 == "object" && !Array.isArray(data45)) {
        for (const key14 in data45) {
          if (!(key14 === "restorers" || key14 === "approvers" || key14 === "auditors" || key14 === "ops" || key14 === "security")) {
            const err92 = { instancePath: instancePath + "/roles", schemaPath: "#/properties/roles/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key14 }, message: "must NOT have additional properties", schema: false, parentSchema: schema31.properties.roles, data: data45 };
            if (vErrors === null) {
              vErrors = [err92];
            } else {
              vErrors.push(err92);
            }
            errors++;
          }
        }
        if (data45.restorers !== void 0) {
          let data46 = data45.restorers;
          if (Array.isArray(data46)) {
            const len11 = data46.length;
            for (let i12 = 0; i12 < len11; i12++) {
              let data47 = data46[i12];
              if (typeof data47 === "string") {
                if (!pattern43.test(data47)) {
                  const err93 = { instancePath: instancePath + "/roles/restorers/" + i12, schemaPath: "#/$defs/principal/pattern", keyword: "pattern", params: { pattern: "^@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:/[A-Za-z0-9][A-Za-z0-9_.-]{0,99})?$" }, message: 'must match pattern "^@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:/[A-Za-z0-9][A-Za-z0-9_.-]{0,99})?$"', schema: "^@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:/[A-Za-z0-9][A-Za-z0-9_.-]{0,99})?$", parentSchema: schema74, data: data47 };
                  if (vErrors === null) {
                    vErrors = [err93];
                  } else {
                    vErrors.push(err93);
                  }
                  errors++;
                }
              } else {
                const err94 = { instancePath: instancePath + "/roles/restorers/" + i12, schemaPath: "#/$defs/principal/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema74.type, parentSchema: schema74, data: data47 };
                if (vErrors === null) {
                  vErrors = [err94];
                } else {
                  vErrors.push(err94);
                }
                errors++;
              }
            }
            let i13 = data46.length;
            let j1;
            if (i13 > 1) {
              outer1: for (; i13--; ) {
                for (j1 = i13; j1--; ) {
                  if (func0(data46[i13], data46[j1])) {
                    const err95 = { instancePath: instancePath + "/roles/restorers", schemaPath: "#/properties/roles/properties/restorers/uniqueItems", keyword: "uniqueItems", params: { i: i13, j: j1 }, message: "must NOT have duplicate items (items ## " + j1 + " and " + i13 + " are identical)", schema: true, parentSchema: schema31.properties.roles.properties.restorers, data: data46 };
                    if (vErrors === null) {
                      vErrors = [err95];
                    } else {
                      vErrors.push(err95);
                    }
                    errors++;
                    break outer1;
                  }
                }
              }
            }
          } else {
            const err96 = { instancePath: instancePath + "/roles/restorers", schemaPath: "#/properties/roles/properties/restorers/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema31.properties.roles.properties.restorers.type, parentSchema: schema31.properties.roles.properties.restorers, data: data46 };
            if (vErrors === null) {
              vErrors = [err96];
            } else {
              vErrors.push(err96);
            }
            errors++;
          }
        }
        if (data45.approvers !== void 0) {
          let data48 = data45.approvers;
          if (Array.isArray(data48)) {
            const len12 = data48.length;
            for (let i14 = 0; i14 < len12; i14++) {
              let data49 = data48[i14];
              if (typeof data49 === "string") {
                if (!pattern43.test(data49)) {
                  const err97 = { instancePath: instancePath + "/roles/approvers/" + i14, schemaPath: "#/$defs/principal/pattern", keyword: "pattern", params: { pattern: "^@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:/[A-Za-z0-9][A-Za-z0-9_.-]{0,99})?$" }, message: 'must match pattern "^@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:/[A-Za-z0-9][A-Za-z0-9_.-]{0,99})?$"', schema: "^@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:/[A-Za-z0-9][A-Za-z0-9_.-]{0,99})?$", parentSchema: schema74, data: data49 };
                  if (vErrors === null) {
                    vErrors = [err97];
                  } else {
                    vErrors.push(err97);
                  }
                  errors++;
                }
              } else {
                const err98 = { instancePath: instancePath + "/roles/approvers/" + i14, schemaPath: "#/$defs/principal/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema74.type, parentSchema: schema74, data: data49 };
                if (vErrors === null) {
                  vErrors = [err98];
                } else {
                  vErrors.push(err98);
                }
                errors++;
              }
            }
            let i15 = data48.length;
            let j2;
            if (i15 > 1) {
              outer2: for (; i15--; ) {
                for (j2 = i15; j2--; ) {
                  if (func0(data48[i15], data48[j2])) {
                    const err99 = { instancePath: instancePath + "/roles/approvers", schemaPath: "#/properties/roles/properties/approvers/uniqueItems", keyword: "uniqueItems", params: { i: i15, j: j2 }, message: "must NOT have duplicate items (items ## " + j2 + " and " + i15 + " are identical)", schema: true, parentSchema: schema31.properties.roles.properties.approvers, data: data48 };
                    if (vErrors === null) {
                      vErrors = [err99];
                    } else {
                      vErrors.push(err99);
                    }
                    errors++;
                    break outer2;
                  }
                }
              }
            }
          } else {
            const err100 = { instancePath: instancePath + "/roles/approvers", schemaPath: "#/properties/roles/properties/approvers/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema31.properties.roles.properties.approvers.type, parentSchema: schema31.properties.roles.properties.approvers, data: data48 };
            if (vErrors === null) {
              vErrors = [err100];
            } else {
              vErrors.push(err100);
            }
            errors++;
          }
        }
        if (data45.auditors !== void 0) {
          let data50 = data45.auditors;
          if (Array.isArray(data50)) {
            const len13 = data50.length;
            for (let i16 = 0; i16 < len13; i16++) {
              let data51 = data50[i16];
              if (typeof data51 === "string") {
                if (!pattern43.test(data51)) {
                  const err101 = { instancePath: instancePath + "/roles/auditors/" + i16, schemaPath: "#/$defs/principal/pattern", keyword: "pattern", params: { pattern: "^@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:/[A-Za-z0-9][A-Za-z0-9_.-]{0,99})?$" }, message: 'must match pattern "^@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:/[A-Za-z0-9][A-Za-z0-9_.-]{0,99})?$"', schema: "^@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:/[A-Za-z0-9][A-Za-z0-9_.-]{0,99})?$", parentSchema: schema74, data: data51 };
                  if (vErrors === null) {
                    vErrors = [err101];
                  } else {
                    vErrors.push(err101);
                  }
                  errors++;
                }
              } else {
                const err102 = { instancePath: instancePath + "/roles/auditors/" + i16, schemaPath: "#/$defs/principal/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema74.type, parentSchema: schema74, data: data51 };
                if (vErrors === null) {
                  vErrors = [err102];
                } else {
                  vErrors.push(err102);
                }
                errors++;
              }
            }
            let i17 = data50.length;
            let j3;
            if (i17 > 1) {
              outer3: for (; i17--; ) {
                for (j3 = i17; j3--; ) {
                  if (func0(data50[i17], data50[j3])) {
                    const err103 = { instancePath: instancePath + "/roles/auditors", schemaPath: "#/properties/roles/properties/auditors/uniqueItems", keyword: "uniqueItems", params: { i: i17, j: j3 }, message: "must NOT have duplicate items (items ## " + j3 + " and " + i17 + " are identical)", schema: true, parentSchema: schema31.properties.roles.properties.auditors, data: data50 };
                    if (vErrors === null) {
                      vErrors = [err103];
                    } else {
                      vErrors.push(err103);
                    }
                    errors++;
                    break outer3;
                  }
                }
              }
            }
          } else {
            const err104 = { instancePath: instancePath + "/roles/auditors", schemaPath: "#/properties/roles/properties/auditors/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema31.properties.roles.properties.auditors.type, parentSchema: schema31.properties.roles.properties.auditors, data: data50 };
            if (vErrors === null) {
              vErrors = [err104];
            } else {
              vErrors.push(err104);
            }
            errors++;
          }
        }
        if (data45.ops !== void 0) {
          let data52 = data45.ops;
          if (Array.isArray(data52)) {
            const len14 = data52.length;
            for (let i18 = 0; i18 < len14; i18++) {
              let data53 = data52[i18];
              if (typeof data53 === "string") {
                if (!pattern43.test(data53)) {
                  const err105 = { instancePath: instancePath + "/roles/ops/" + i18, schemaPath: "#/$defs/principal/pattern", keyword: "pattern", params: { pattern: "^@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:/[A-Za-z0-9][A-Za-z0-9_.-]{0,99})?$" }, message: 'must match pattern "^@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:/[A-Za-z0-9][A-Za-z0-9_.-]{0,99})?$"', schema: "^@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:/[A-Za-z0-9][A-Za-z0-9_.-]{0,99})?$", parentSchema: schema74, data: data53 };
                  if (vErrors === null) {
                    vErrors = [err105];
                  } else {
                    vErrors.push(err105);
                  }
                  errors++;
                }
              } else {
                const err106 = { instancePath: instancePath + "/roles/ops/" + i18, schemaPath: "#/$defs/principal/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema74.type, parentSchema: schema74, data: data53 };
                if (vErrors === null) {
                  vErrors = [err106];
                } else {
                  vErrors.push(err106);
                }
                errors++;
              }
            }
            let i19 = data52.length;
            let j4;
            if (i19 > 1) {
              outer4: for (; i19--; ) {
                for (j4 = i19; j4--; ) {
                  if (func0(data52[i19], data52[j4])) {
                    const err107 = { instancePath: instancePath + "/roles/ops", schemaPath: "#/properties/roles/properties/ops/uniqueItems", keyword: "uniqueItems", params: { i: i19, j: j4 }, message: "must NOT have duplicate items (items ## " + j4 + " and " + i19 + " are identical)", schema: true, parentSchema: schema31.properties.roles.properties.ops, data: data52 };
                    if (vErrors === null) {
                      vErrors = [err107];
                    } else {
                      vErrors.push(err107);
                    }
                    errors++;
                    break outer4;
                  }
                }
              }
            }
          } else {
            const err108 = { instancePath: instancePath + "/roles/ops", schemaPath: "#/properties/roles/properties/ops/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema31.properties.roles.properties.ops.type, parentSchema: schema31.properties.roles.properties.ops, data: data52 };
            if (vErrors === null) {
              vErrors = [err108];
            } else {
              vErrors.push(err108);
            }
            errors++;
          }
        }
        if (data45.security !== void 0) {
          let data54 = data45.security;
          if (Array.isArray(data54)) {
            const len15 = data54.length;
            for (let i20 = 0; i20 < len15; i20++) {
              let data55 = data54[i20];
              if (typeof data55 === "string") {
                if (!pattern43.test(data55)) {
                  const err109 = { instancePath: instancePath + "/roles/security/" + i20, schemaPath: "#/$defs/principal/pattern", keyword: "pattern", params: { pattern: "^@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:/[A-Za-z0-9][A-Za-z0-9_.-]{0,99})?$" }, message: 'must match pattern "^@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:/[A-Za-z0-9][A-Za-z0-9_.-]{0,99})?$"', schema: "^@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:/[A-Za-z0-9][A-Za-z0-9_.-]{0,99})?$", parentSchema: schema74, data: data55 };
                  if (vErrors === null) {
                    vErrors = [err109];
                  } else {
                    vErrors.push(err109);
                  }
                  errors++;
                }
              } else {
                const err110 = { instancePath: instancePath + "/roles/security/" + i20, schemaPath: "#/$defs/principal/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema74.type, parentSchema: schema74, data: data55 };
                if (vErrors === null) {
                  vErrors = [err110];
                } else {
                  vErrors.push(err110);
                }
                errors++;
              }
            }
            let i21 = data54.length;
            let j5;
            if (i21 > 1) {
              outer5: for (; i21--; ) {
                for (j5 = i21; j5--; ) {
                  if (func0(data54[i21], data54[j5])) {
                    const err111 = { instancePath: instancePath + "/roles/security", schemaPath: "#/properties/roles/properties/security/uniqueItems", keyword: "uniqueItems", params: { i: i21, j: j5 }, message: "must NOT have duplicate items (items ## " + j5 + " and " + i21 + " are identical)", schema: true, parentSchema: schema31.properties.roles.properties.security, data: data54 };
                    if (vErrors === null) {
                      vErrors = [err111];
                    } else {
                      vErrors.push(err111);
                    }
                    errors++;
                    break outer5;
                  }
                }
              }
            }
          } else {
            const err112 = { instancePath: instancePath + "/roles/security", schemaPath: "#/properties/roles/properties/security/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema31.properties.roles.properties.security.type, parentSchema: schema31.properties.roles.properties.security, data: data54 };
            if (vErrors === null) {
              vErrors = [err112];
            } else {
              vErrors.push(err112);
            }
            errors++;
          }
        }
      } else {
        const err113 = { instancePath: instancePath + "/roles", schemaPath: "#/properties/roles/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.properties.roles.type, parentSchema: schema31.properties.roles, data: data45 };
        if (vErrors === null) {
          vErrors = [err113];
        } else {
          vErrors.push(err113);
        }
        errors++;
      }
    }
    if (data.restore_environment !== void 0) {
      let data56 = data.restore_environment;
      if (data56 && typeof data56 == "object" && !Array.isArray(data56)) {
        for (const key15 in data56) {
          if (!(key15 === "scheduled_workflows")) {
            const err114 = { instancePath: instancePath + "/restore_environment", schemaPath: "#/properties/restore_environment/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key15 }, message: "must NOT have additional properties", schema: false, parentSchema: schema31.properties.restore_environment, data: data56 };
            if (vErrors === null) {
              vErrors = [err114];
            } else {
              vErrors.push(err114);
            }
            errors++;
          }
        }
        if (data56.scheduled_workflows !== void 0) {
          let data57 = data56.scheduled_workflows;
          if (Array.isArray(data57)) {
            const len16 = data57.length;
            for (let i22 = 0; i22 < len16; i22++) {
              let data58 = data57[i22];
              if (typeof data58 === "string") {
                if (!pattern37.test(data58)) {
                  const err115 = { instancePath: instancePath + "/restore_environment/scheduled_workflows/" + i22, schemaPath: "#/$defs/workflowFile/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9._-]+\\.ya?ml$" }, message: 'must match pattern "^[A-Za-z0-9._-]+\\.ya?ml$"', schema: "^[A-Za-z0-9._-]+\\.ya?ml$", parentSchema: schema67, data: data58 };
                  if (vErrors === null) {
                    vErrors = [err115];
                  } else {
                    vErrors.push(err115);
                  }
                  errors++;
                }
              } else {
                const err116 = { instancePath: instancePath + "/restore_environment/scheduled_workflows/" + i22, schemaPath: "#/$defs/workflowFile/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema67.type, parentSchema: schema67, data: data58 };
                if (vErrors === null) {
                  vErrors = [err116];
                } else {
                  vErrors.push(err116);
                }
                errors++;
              }
            }
            let i23 = data57.length;
            let j6;
            if (i23 > 1) {
              outer6: for (; i23--; ) {
                for (j6 = i23; j6--; ) {
                  if (func0(data57[i23], data57[j6])) {
                    const err117 = { instancePath: instancePath + "/restore_environment/scheduled_workflows", schemaPath: "#/properties/restore_environment/properties/scheduled_workflows/uniqueItems", keyword: "uniqueItems", params: { i: i23, j: j6 }, message: "must NOT have duplicate items (items ## " + j6 + " and " + i23 + " are identical)", schema: true, parentSchema: schema31.properties.restore_environment.properties.scheduled_workflows, data: data57 };
                    if (vErrors === null) {
                      vErrors = [err117];
                    } else {
                      vErrors.push(err117);
                    }
                    errors++;
                    break outer6;
                  }
                }
              }
            }
          } else {
            const err118 = { instancePath: instancePath + "/restore_environment/scheduled_workflows", schemaPath: "#/properties/restore_environment/properties/scheduled_workflows/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema31.properties.restore_environment.properties.scheduled_workflows.type, parentSchema: schema31.properties.restore_environment.properties.scheduled_workflows, data: data57 };
            if (vErrors === null) {
              vErrors = [err118];
            } else {
              vErrors.push(err118);
            }
            errors++;
          }
        }
      } else {
        const err119 = { instancePath: instancePath + "/restore_environment", schemaPath: "#/properties/restore_environment/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.properties.restore_environment.type, parentSchema: schema31.properties.restore_environment, data: data56 };
        if (vErrors === null) {
          vErrors = [err119];
        } else {
          vErrors.push(err119);
        }
        errors++;
      }
    }
    if (data.alerts !== void 0) {
      let data59 = data.alerts;
      if (data59 && typeof data59 == "object" && !Array.isArray(data59)) {
        for (const key16 in data59) {
          if (!(key16 === "late_after" || key16 === "consecutive_failures")) {
            const err120 = { instancePath: instancePath + "/alerts", schemaPath: "#/properties/alerts/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key16 }, message: "must NOT have additional properties", schema: false, parentSchema: schema31.properties.alerts, data: data59 };
            if (vErrors === null) {
              vErrors = [err120];
            } else {
              vErrors.push(err120);
            }
            errors++;
          }
        }
        if (data59.late_after !== void 0) {
          let data60 = data59.late_after;
          if (typeof data60 === "string") {
            if (!pattern18.test(data60)) {
              const err121 = { instancePath: instancePath + "/alerts/late_after", schemaPath: "#/$defs/duration/pattern", keyword: "pattern", params: { pattern: "^(?:[0-9]+(?:s|m|h|d|w))+$" }, message: 'must match pattern "^(?:[0-9]+(?:s|m|h|d|w))+$"', schema: "^(?:[0-9]+(?:s|m|h|d|w))+$", parentSchema: schema43, data: data60 };
              if (vErrors === null) {
                vErrors = [err121];
              } else {
                vErrors.push(err121);
              }
              errors++;
            }
          } else {
            const err122 = { instancePath: instancePath + "/alerts/late_after", schemaPath: "#/$defs/duration/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema43.type, parentSchema: schema43, data: data60 };
            if (vErrors === null) {
              vErrors = [err122];
            } else {
              vErrors.push(err122);
            }
            errors++;
          }
        }
        if (data59.consecutive_failures !== void 0) {
          let data61 = data59.consecutive_failures;
          if (!(typeof data61 == "number" && (!(data61 % 1) && !isNaN(data61)) && isFinite(data61))) {
            const err123 = { instancePath: instancePath + "/alerts/consecutive_failures", schemaPath: "#/properties/alerts/properties/consecutive_failures/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema31.properties.alerts.properties.consecutive_failures.type, parentSchema: schema31.properties.alerts.properties.consecutive_failures, data: data61 };
            if (vErrors === null) {
              vErrors = [err123];
            } else {
              vErrors.push(err123);
            }
            errors++;
          }
          if (typeof data61 == "number" && isFinite(data61)) {
            if (data61 < 1 || isNaN(data61)) {
              const err124 = { instancePath: instancePath + "/alerts/consecutive_failures", schemaPath: "#/properties/alerts/properties/consecutive_failures/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema31.properties.alerts.properties.consecutive_failures, data: data61 };
              if (vErrors === null) {
                vErrors = [err124];
              } else {
                vErrors.push(err124);
              }
              errors++;
            }
          }
        }
      } else {
        const err125 = { instancePath: instancePath + "/alerts", schemaPath: "#/properties/alerts/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.properties.alerts.type, parentSchema: schema31.properties.alerts, data: data59 };
        if (vErrors === null) {
          vErrors = [err125];
        } else {
          vErrors.push(err125);
        }
        errors++;
      }
    }
  } else {
    const err126 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.type, parentSchema: schema31, data };
    if (vErrors === null) {
      vErrors = [err126];
    } else {
      vErrors.push(err126);
    }
    errors++;
  }
  validate20.errors = vErrors;
  return errors === 0;
}
validate20.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };

// core/policy/policy-schema-validator.ts
function policySchemaValidator() {
  return policy_validator_default;
}

// core/policy/resolve-policy-files.ts
var import_yaml2 = __toESM(require_dist(), 1);
var MAX_EXTENDS_DEPTH = 5;
var MAX_POLICY_BYTES = 256 * 1024;
var EXTENDS_PATTERN = /^(?:([a-z\d](?:[a-z\d]|-(?=[a-z\d])){0,38})\/)?([-_.\w]+)(?::([-_./\w]+\.ya?ml))?$/i;
var EXTENDS_FORMS = "write repo, owner/repo, repo:path.yml or owner/repo:path.yml (e.g. .github:snapgate-org.yml)";
async function resolvePolicyFiles(source, entry) {
  const files = [];
  const problems = [];
  let ref = entry;
  let text2 = await source.read(entry);
  if (text2 === null && entry.owner !== void 0 && entry.repo !== void 0 && entry.repo !== ".github") {
    ref = { owner: entry.owner, repo: ".github", path: entry.path };
    text2 = await source.read(ref);
  }
  if (text2 === null) {
    throw new SnapgateError("CONFIG", `No Snapgate policy at ${entry.path}.`, {
      fix: `Create ${entry.path} (docs/policy.md shows a complete example) on the default branch.`,
      details: { problems: [] }
    });
  }
  for (; ; ) {
    const file = parsePolicyFile(ref, entry, text2, problems);
    files.push(file);
    const extendsValue = file.data?.["_extends"];
    if (file.data) delete file.data["_extends"];
    if (extendsValue === void 0 || extendsValue === null) break;
    const problemAtExtends = (message, fix) => {
      problems.push({
        file: file.display,
        line: locateYamlLine(file.document, file.lineCounter, ["_extends"]),
        path: "_extends",
        message,
        fix
      });
    };
    const match = typeof extendsValue === "string" ? EXTENDS_PATTERN.exec(extendsValue) : null;
    if (!match) {
      problemAtExtends(`${JSON.stringify(extendsValue)} is not a policy reference`, EXTENDS_FORMS);
      break;
    }
    const next = {
      ...match[1] !== void 0 || entry.owner !== void 0 ? { owner: match[1] ?? entry.owner } : {},
      repo: match[2],
      path: match[3] ?? entry.path
    };
    const nextDisplay = formatPolicyRef(next, entry);
    const seen = files.find(
      (loaded) => loaded.ref.owner === next.owner && loaded.ref.repo === next.repo && loaded.ref.path === next.path
    );
    if (seen) {
      const chain = [...files.map((loaded) => loaded.display), nextDisplay].join(" -> ");
      problemAtExtends(
        `'${extendsValue}' makes a cycle: ${chain}`,
        "remove _extends from one of these files"
      );
      break;
    }
    if (files.length > MAX_EXTENDS_DEPTH) {
      problemAtExtends(
        `'${extendsValue}' goes deeper than ${MAX_EXTENDS_DEPTH} levels of _extends`,
        "extend the organisation's base policy directly instead of through a chain"
      );
      break;
    }
    const nextText = await source.read(next);
    if (nextText === null) {
      problemAtExtends(
        `'${extendsValue}' names ${nextDisplay}, which does not exist or cannot be read`,
        `create that file or correct _extends (${EXTENDS_FORMS})`
      );
      break;
    }
    ref = next;
    text2 = nextText;
  }
  return { files, problems };
}
function parsePolicyFile(ref, entry, text2, problems) {
  const display = formatPolicyRef(ref, entry);
  const lineCounter = new import_yaml2.LineCounter();
  if (text2.length > MAX_POLICY_BYTES) {
    problems.push({
      file: display,
      line: null,
      path: "",
      message: `the file is larger than ${MAX_POLICY_BYTES / 1024} KiB`,
      fix: "a policy is a few hundred lines; move generated lists out of it"
    });
    return { ref, display, document: (0, import_yaml2.parseDocument)("", { lineCounter }), lineCounter, data: null };
  }
  const document = (0, import_yaml2.parseDocument)(text2, {
    lineCounter,
    merge: true,
    prettyErrors: false,
    uniqueKeys: true
  });
  for (const error of document.errors) {
    const line = lineCounter.linePos(error.pos[0]).line;
    const firstLine = error.message.split("\n")[0];
    problems.push({
      file: display,
      line: line === 0 ? 1 : line,
      path: "",
      message: `YAML syntax error: ${firstLine.replace(/ at line \d+, column \d+:?$/, "")}`,
      fix: "correct the YAML (indentation with spaces, quotes around values with : or #)"
    });
  }
  if (document.errors.length > 0) return { ref, display, document, lineCounter, data: null };
  if (document.contents === null) return { ref, display, document, lineCounter, data: {} };
  if (!(0, import_yaml2.isMap)(document.contents)) {
    problems.push({
      file: display,
      line: 1,
      path: "",
      message: "the policy is not a mapping of keys",
      fix: "start the file with top-level keys such as keys:, tiers: and environments:"
    });
    return { ref, display, document, lineCounter, data: null };
  }
  let data;
  try {
    data = document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    problems.push({
      file: display,
      line: null,
      path: "",
      message: `the YAML cannot be read: ${error.message}`,
      fix: "use fewer aliases (*name); write the values out"
    });
    return { ref, display, document, lineCounter, data: null };
  }
  return { ref, display, document, lineCounter, data };
}

// core/policy/describe-value.ts
function describeValue(value) {
  if (value === null || value === void 0) return "nothing";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  const text2 = String(value);
  if (keyKind(text2)) return describeKeyText(text2);
  return `'${text2.length > 40 ? `${text2.slice(0, 40)}...` : text2}'`;
}

// core/policy/translate-schema-errors.ts
function describeKeyValue(value) {
  return typeof value === "string" ? describeKeyText(value) : describeValue(value);
}
function secretAdvice(value) {
  return typeof value === "string" && keyKind(value)?.secret ? "a secret key does not belong in the policy: remove it (and rotate it, the policy is not secret); " : "";
}
var KIND_HINTS = {
  duration: (v) => ({
    message: `${describeValue(v)} is not a duration`,
    fix: "write e.g. 24h (units s, m = minutes, h, d, w; combine as 1d12h)"
  }),
  date: (v) => ({
    message: `${describeValue(v)} is not a date`,
    fix: "write YYYY-MM-DD, e.g. 2027-01-31, or a full time such as 2027-01-31T18:00:00Z"
  }),
  ageRecipient: (v) => ({
    message: `${describeKeyValue(v)} is not a valid age X25519 recipient`,
    fix: `${secretAdvice(v)}give the public key printed by \`snapgate keygen\` or \`age-keygen\` (age1..., 62 characters)`
  }),
  writerKey: (v) => ({
    message: `${describeKeyValue(v)} is not a valid writer verify key`,
    fix: `${secretAdvice(v)}give the sgw1... key printed by \`snapgate keygen --writer\` (62 characters)`
  }),
  appKey: (v) => ({
    message: `${describeValue(v)} is not an app verify key`,
    fix: "give the sga1... key printed by `snapgate keygen --app` (62 characters)"
  }),
  user: (v) => ({
    message: `${describeValue(v)} is not a GitHub user`,
    fix: "write @login; a team cannot accept a risk, name the people"
  }),
  principal: (v) => ({
    message: `${describeValue(v)} is not a GitHub user or team`,
    fix: "write @login or @org/team-slug"
  }),
  glob: (v) => ({
    message: `${describeValue(v)} is not a path glob`,
    fix: "write a path relative to the repository root, e.g. deploy/prod/**"
  }),
  excludeGlob: (v) => ({
    message: `${describeValue(v)} is not an exclude glob`,
    fix: "write a path glob relative to the repository root, e.g. **/*.log, or !path to take it back in"
  }),
  name: (v) => ({
    message: `${describeValue(v)} is not a valid name`,
    fix: "use lower case letters, digits, '.', '_' and '-', starting with a letter or digit"
  }),
  tierName: (v) => ({
    message: `${describeValue(v)} is not a tier name`,
    fix: "name a tier defined under tiers, e.g. tier0"
  }),
  tag: (v) => ({
    message: `${describeValue(v)} is not a tag`,
    fix: "use letters, digits, '.', '_', ':' and '-'"
  }),
  workflowFile: (v) => ({
    message: `${describeValue(v)} is not a workflow file name`,
    fix: "write the file name in .github/workflows, e.g. snapgate-restore.yml"
  }),
  keepCount: (v) => ({
    message: `${describeValue(v)} is not a count`,
    fix: "write a whole number, 0 to turn the rule off, or unlimited (-1) to keep all"
  })
};
var PATTERN_HINTS = {
  "/backup/repository": {
    message: "is not owner/name",
    fix: "write the backup repository as owner/name, e.g. acme/config-backups"
  },
  "/change_tickets/endpoint/token_env": {
    message: "is not an environment variable name",
    fix: "write the variable's name in capitals, e.g. CHANGE_API_TOKEN"
  },
  "/change_tickets/endpoint/url": {
    message: "is not an http(s) URL",
    fix: "write https://... (http only for 127.0.0.1 and localhost)"
  },
  "/consistency/*/left/file": {
    message: "is not a repository path",
    fix: "write the path from the repository root, without a leading /"
  },
  "/consistency/*/right/file": {
    message: "is not a repository path",
    fix: "write the path from the repository root, without a leading /"
  }
};
var MAP_KEY_HINTS = {
  tiers: { what: "tier name", example: "tier0" },
  environments: { what: "environment name", example: "prod" },
  "change_tickets.required_for": { what: "tier name", example: "tier0" }
};
function translateSchemaErrors(errors, data) {
  const byPath = /* @__PURE__ */ new Map();
  for (const error of errors) {
    const translated = translateOne(error, data);
    if (!translated) continue;
    const key = formatJsonPath(translated.path);
    const existing = byPath.get(key);
    if (!existing || translated.rank > existing.rank) byPath.set(key, translated);
  }
  return [...byPath.values()].map(({ path, message, fix }) => ({ path, message, fix }));
}
function translateOne(error, data) {
  const base = parseInstancePath(error.instancePath, data);
  const value = error.data;
  const kind = /#\/\$defs\/([^/]+)\//.exec(error.schemaPath)?.[1];
  const hint = kind ? KIND_HINTS[kind] : void 0;
  switch (error.keyword) {
    case "required": {
      const property = error.params.missingProperty;
      const propertySchema = error.parentSchema?.["properties"]?.[property];
      const examples = propertySchema?.["examples"];
      const example = examples?.[0] !== void 0 ? `, e.g. ${property}: ${JSON.stringify(examples[0])}` : "";
      const description = propertySchema?.["description"];
      return {
        path: [...base, property],
        message: "is required but missing",
        fix: `add ${property}${example}${description ? ` (${lowerFirst(description)})` : ""}`,
        rank: 2
      };
    }
    case "additionalProperties": {
      const property = error.params.additionalProperty;
      const mapHint = MAP_KEY_HINTS[formatJsonPath(base)];
      if (error.parentSchema?.["patternProperties"] && mapHint) {
        return {
          path: [...base, property],
          message: `'${property}' is not a valid ${mapHint.what}`,
          fix: `use lower case letters, digits, '_' and '-', starting with a letter (e.g. ${mapHint.example})`,
          rank: 2
        };
      }
      const allowed = Object.keys(error.parentSchema?.["properties"] ?? {});
      const guess = didYouMean(property, allowed);
      return {
        path: [...base, property],
        message: `unknown key '${property}'`,
        fix: guess ? `did you mean '${guess}'? Allowed here: ${allowed.join(", ")}` : `remove it; allowed here: ${allowed.join(", ")}`,
        rank: 2
      };
    }
    case "enum": {
      const allowed = error.params.allowedValues;
      const guess = typeof value === "string" ? didYouMean(value, allowed.map(String)) : null;
      return {
        path: base,
        message: `${describeValue(value)} is not one of ${allowed.join(", ")}`,
        fix: guess ? `did you mean ${guess}?` : `write one of ${allowed.join(", ")}`,
        rank: 1
      };
    }
    default:
      break;
  }
  if (hint) return { path: base, ...hint(value), rank: 3 };
  if (error.instancePath === "/_extends") {
    return {
      path: base,
      message: `${describeValue(value)} is not a policy reference`,
      fix: "write repo, owner/repo, repo:path.yml or owner/repo:path.yml (e.g. .github:snapgate-org.yml)",
      rank: 3
    };
  }
  const params = error.params;
  switch (error.keyword) {
    case "type": {
      const expected = String(params["type"]);
      const numeric = typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value);
      const fix = (expected === "integer" || expected === "number") && numeric ? `write ${String(value)} without quotes` : expected === "object" ? "write a mapping (key: value lines) here" : `write ${article(expected)} here`;
      return {
        path: base,
        message: `${describeValue(value)} is not ${article(expected)}`,
        fix,
        rank: 1
      };
    }
    case "minItems":
      return {
        path: base,
        message: `needs at least ${String(params["limit"])} ${Number(params["limit"]) === 1 ? "entry" : "entries"}`,
        fix: "add the missing entries or remove the key",
        rank: 1
      };
    case "minProperties":
      return {
        path: base,
        message: "is empty",
        fix: "define at least one entry or remove the key",
        rank: 1
      };
    case "minimum":
      return {
        path: base,
        message: `${describeValue(value)} is below ${String(params["limit"])}`,
        fix: `write a number of at least ${String(params["limit"])}`,
        rank: 1
      };
    case "maximum":
      return {
        path: base,
        message: `${describeValue(value)} is above ${String(params["limit"])}`,
        fix: `write a number of at most ${String(params["limit"])}`,
        rank: 1
      };
    case "minLength":
      if (value === "")
        return { path: base, message: "is empty", fix: "write a value or remove the key", rank: 1 };
      return {
        path: base,
        message: `${describeValue(value)} is too short`,
        fix: `write at least ${String(params["limit"])} characters`,
        rank: 1
      };
    case "uniqueItems":
      return {
        path: base,
        message: `items ${String(params["j"])} and ${String(params["i"])} are the same`,
        fix: "remove the duplicate",
        rank: 1
      };
    case "format":
      return {
        path: base,
        message: `${describeValue(value)} is not a ${String(params["format"]).toUpperCase()}`,
        fix: "write a full URL such as https://change.example.com/api/tickets",
        rank: 1
      };
    case "pattern": {
      const known = PATTERN_HINTS[error.instancePath.replace(/\/\d+/g, "/*")];
      if (known)
        return {
          path: base,
          message: `${describeValue(value)} ${known.message}`,
          fix: known.fix,
          rank: 1
        };
      const description = error.parentSchema?.["description"] ?? "";
      return {
        path: base,
        message: `${describeValue(value)} does not have the expected form`,
        fix: `see docs/policy.md${description ? `: ${lowerFirst(description)}` : ""}`,
        rank: 1
      };
    }
    default:
      return {
        path: base,
        message: error.message ?? "is not valid",
        fix: "see docs/policy.md for this key",
        rank: 0
      };
  }
}
function article(type) {
  const word = { integer: "whole number", object: "mapping", array: "list", boolean: "true or false" }[type] ?? type;
  if (type === "boolean") return word;
  return /^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`;
}
function lowerFirst(text2) {
  return text2.charAt(0).toLowerCase() + text2.slice(1).replace(/\.$/, "");
}

// core/policy/load-policy.ts
async function loadPolicy(source, entry = {}) {
  const entryRef = { ...entry, path: entry.path ?? DEFAULT_POLICY_PATH };
  const { files, problems } = await resolvePolicyFiles(source, entryRef);
  const entryFile = files[0];
  if (problems.length > 0 || files.some((file) => file.data === null)) throw policyError(problems);
  const merged = {};
  const keyOwner = /* @__PURE__ */ new Map();
  for (const file of [...files].reverse()) {
    for (const [key, value] of Object.entries(file.data)) {
      merged[key] = value;
      keyOwner.set(key, file);
    }
  }
  const place = (issue) => {
    const top = issue.path[0];
    const file = (typeof top === "string" ? keyOwner.get(top) : void 0) ?? entryFile;
    return {
      file: file.display,
      line: locateYamlLine(file.document, file.lineCounter, issue.path),
      path: formatJsonPath(issue.path),
      message: issue.message,
      fix: issue.fix
    };
  };
  const validate = policySchemaValidator();
  const issues = validate(merged) ? [] : translateSchemaErrors(validate.errors ?? [], merged);
  const seen = new Set(issues.map((issue) => formatJsonPath(issue.path)));
  for (const issue of checkPolicySemantics(merged)) {
    const key = formatJsonPath(issue.path);
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push(issue);
  }
  if (issues.length > 0) throw policyError(issues.map(place));
  return normalisePolicy(
    merged,
    files.map((file) => file.display)
  );
}
function policyError(problems) {
  const sorted = [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || a.path.localeCompare(b.path)
  );
  const count2 = sorted.length === 1 ? "1 problem" : `${sorted.length} problems`;
  return new SnapgateError(
    "CONFIG",
    `The Snapgate policy has ${count2}:
${sorted.map(formatPolicyProblem).join("\n")}
`,
    {
      fix: "Fix each line above where it points; docs/policy.md describes every key.",
      details: { problems: sorted }
    }
  );
}

export {
  loadPolicy
};
