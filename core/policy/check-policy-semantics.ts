import semver from "semver";
import { parseRecipient } from "../crypto/age-keys.js";
import { parseAppVerifyKey } from "../crypto/app-key.js";
import { parseVerifyKey } from "../crypto/writer-key.js";
import { describeKeyText } from "../crypto/describe-key-text.js";
import { didYouMean } from "../did-you-mean.js";
import { globSyntaxProblem } from "./glob.js";
import { inferValueFormat } from "./infer-value-format.js";
import { parseDuration } from "./parse-duration.js";
import { parsePolicyDate } from "./parse-policy-date.js";
import type { PolicyIssue } from "./policy-problem.js";
import { tierLevel } from "./tier-level.js";
import { WITHIN_BUCKET_RULES } from "./policy.js";

type Path = (string | number)[];
type Data = Record<string, unknown>;

const HOUR_MS = 3_600_000;
const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

function record(value: unknown): Data | null {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Data)
    : null;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/**
 * Checks what a JSON schema cannot say: references between sections, key
 * checksums, real calendar dates, glob syntax, regular expressions, semver
 * ranges, and rules such as "a tier-0 exception needs two people". It runs on
 * the merged data even when the schema found problems, so every problem is
 * reported at once; it skips values whose shape the schema already rejects.
 */
export function checkPolicySemantics(data: Data): PolicyIssue[] {
  const issues: PolicyIssue[] = [];
  const report = (path: Path, message: string, fix: string): void => {
    issues.push({ path, message, fix });
  };

  const tiers = record(data["tiers"]) ?? {};
  const tierNames = Object.keys(tiers);
  const environments = record(data["environments"]) ?? {};
  const environmentNames = Object.keys(environments);

  const checkTierRef = (path: Path, name: unknown): void => {
    if (typeof name !== "string" || tierNames.includes(name)) return;
    const guess = didYouMean(name, tierNames);
    report(
      path,
      `tier '${name}' is not defined under tiers`,
      guess
        ? `did you mean '${guess}'?`
        : `define it under tiers or use one of: ${tierNames.join(", ") || "(none defined)"}`,
    );
  };
  const checkEnvironmentRefs = (path: Path, names: unknown): void => {
    list(names).forEach((name, index) => {
      if (typeof name !== "string" || environmentNames.includes(name)) return;
      const guess = didYouMean(name, environmentNames);
      report(
        [...path, index],
        `environment '${name}' is not defined under environments`,
        guess
          ? `did you mean '${guess}'?`
          : `use one of: ${environmentNames.join(", ") || "(none defined)"}`,
      );
    });
  };
  const checkGlobs = (path: Path, globs: unknown, allowNegation = false): void => {
    list(globs).forEach((glob, index) => {
      if (typeof glob !== "string" || glob === "") return;
      const body = allowNegation && glob.startsWith("!") ? glob.slice(1) : glob;
      const problem = globSyntaxProblem(body);
      if (problem) report([...path, index], problem.message, problem.fix);
    });
  };
  const checkDuration = (
    path: Path,
    value: unknown,
    options: { positive?: boolean; wholeHours?: boolean } = {},
  ): number | null => {
    const ms = parseDuration(value);
    if (ms === null) return null;
    if (options.positive && ms === 0)
      report(path, `'${String(value)}' is zero`, "write a duration longer than zero, e.g. 24h");
    else if (options.wholeHours && ms % HOUR_MS !== 0) {
      report(
        path,
        `'${String(value)}' is not whole hours`,
        "keep.within counts hours, days and weeks like restic's --keep-within (restic's m means months: write 180d for about six months)",
      );
    }
    return ms;
  };
  const checkDate = (path: Path, value: unknown): void => {
    if (
      typeof value === "string" &&
      /^\d{4}-\d{2}-\d{2}/.test(value) &&
      parsePolicyDate(value) === null
    ) {
      report(path, `'${value}' is not a real date`, "check the month and day (YYYY-MM-DD)");
    }
  };
  const checkRegex = (path: Path, value: unknown): void => {
    if (typeof value !== "string") return;
    try {
      new RegExp(value, "u");
    } catch (error) {
      report(
        path,
        `'${value}' is not a valid regular expression (${(error as Error).message.replace(/^Invalid regular expression: /, "")})`,
        "write a JavaScript regular expression, e.g. ^CHG[0-9]{7}$",
      );
    }
  };

  // keys
  const keys = record(data["keys"]);
  if (keys) {
    const seenRecipients = new Map<string, number>();
    list(keys["recipients"]).forEach((recipient, index) => {
      if (typeof recipient !== "string") return;
      try {
        parseRecipient(recipient);
      } catch {
        report(
          ["keys", "recipients", index],
          `${describeKeyText(recipient)} with a bad checksum`,
          "copy the whole key printed by `snapgate keygen` or `age-keygen` again",
        );
        return;
      }
      const first = seenRecipients.get(recipient);
      if (first !== undefined)
        report(["keys", "recipients", index], `repeats recipient ${first}`, "remove the duplicate");
      else seenRecipients.set(recipient, index);
    });
    list(keys["epochs"]).forEach((epoch, index) => {
      const entry = record(epoch);
      if (!entry) return;
      const path: Path = ["keys", "epochs", index];
      list(entry["tiers"]).forEach((tier, i) => checkTierRef([...path, "tiers", i], tier));
      checkDate([...path, "valid_from"], entry["valid_from"]);
      checkDate([...path, "valid_until"], entry["valid_until"]);
      const from = parsePolicyDate(entry["valid_from"]);
      const until = parsePolicyDate(entry["valid_until"], { endOfDay: true });
      if (from !== null && until !== null && until <= from) {
        report(
          [...path, "valid_until"],
          `ends before it starts (valid_from ${String(entry["valid_from"])})`,
          "make valid_until later than valid_from",
        );
      }
    });
    const seenWriters = new Map<string, number>();
    list(keys["writers"]).forEach((writer, index) => {
      const entry = record(writer);
      if (!entry) return;
      const path: Path = ["keys", "writers", index];
      if (typeof entry["key"] === "string") {
        try {
          parseVerifyKey(entry["key"]);
          const first = seenWriters.get(entry["key"]);
          if (first !== undefined)
            report(
              [...path, "key"],
              `repeats writer ${first}`,
              "list each key once, with one validity window",
            );
          else seenWriters.set(entry["key"], index);
        } catch {
          report(
            [...path, "key"],
            `${describeKeyText(entry["key"])} with a bad checksum`,
            "copy the whole sgw1... key printed by `snapgate keygen --writer` again",
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
          "make valid_until later than valid_from",
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
          "copy the whole sga1... key printed by `snapgate keygen --app` again",
        );
      }
    });
  }

  // tiers
  for (const [name, value] of Object.entries(tiers)) {
    const tier = record(value);
    if (!tier) continue;
    const path: Path = ["tiers", name];
    if (tierLevel(name, tier["level"]) === null) {
      report(
        [...path, "level"],
        `tier '${name}' has no level`,
        "add level: 0 for the most critical tier (tier-0), 1, 2... for less critical ones (a tier named tierN gets level N)",
      );
    }
    checkDuration([...path, "max_age"], tier["max_age"], { positive: true });
    checkDuration([...path, "request_ttl"], tier["request_ttl"], { positive: true });
    checkDuration([...path, "restore_verification"], tier["restore_verification"], {
      positive: true,
    });
    if (tier["drill_signoff"] === true) {
      // A sign-off nobody can give, or of drills nobody must run, would only ever fail the gate.
      if (tier["drill_interval"] === undefined)
        report(
          [...path, "drill_signoff"],
          `tier '${name}' asks for signed-off drills but sets no drill_interval`,
          "add drill_interval (e.g. 90d): the signed-off drill must be within it",
        );
      const roles = record(data["roles"]);
      for (const role of ["ops", "security"]) {
        if (list(roles?.[role]).length === 0)
          report(
            roles?.[role] === undefined ? ["roles"] : ["roles", role],
            `tier '${name}' asks for drill sign-offs by ${role}, but roles.${role} lists nobody`,
            `list who may sign off for ${role} under roles.${role} (@login or @org/team)`,
          );
      }
    }
    const retention = record(tier["retention"]);
    const keep = record(retention?.["keep"]);
    if (keep) {
      for (const name of ["within", ...WITHIN_BUCKET_RULES.map((rule) => `within_${rule}`)])
        checkDuration([...path, "retention", "keep", name], keep[name], {
          positive: true,
          wholeHours: true,
        });
    }
    const floor = record(retention?.["floor"]);
    const hold = record(floor?.["legal_hold"]);
    if (hold) checkDate([...path, "retention", "floor", "legal_hold", "since"], hold["since"]);
    // The lock's retain-until is min_age after each write: a lock without it would retain nothing.
    if (record(retention?.["object_lock"]) && floor?.["min_age"] === undefined)
      report(
        [...path, "retention", "object_lock"],
        "object_lock needs retention.floor.min_age, which sets how long each object is retained",
        "add floor: { min_age: 90d } (or your retention period) under this tier's retention",
      );
  }

  // environments
  for (const [name, value] of Object.entries(environments)) {
    const environment = record(value);
    if (!environment) continue;
    checkTierRef(["environments", name, "tier"], environment["tier"]);
    checkGlobs(["environments", name, "paths"], environment["paths"]);
  }

  // components
  const componentNames = new Map<string, number>();
  list(data["components"]).forEach((value, index) => {
    const component = record(value);
    if (!component) return;
    const path: Path = ["components", index];
    if (typeof component["name"] === "string") {
      const first = componentNames.get(component["name"]);
      if (first !== undefined)
        report(
          [...path, "name"],
          `component '${component["name"]}' is already defined at components[${first}]`,
          "give each component a unique name, or merge their paths",
        );
      else componentNames.set(component["name"], index);
    }
    checkTierRef([...path, "tier"], component["tier"]);
    checkGlobs([...path, "paths"], component["paths"]);
    checkEnvironmentRefs([...path, "environments"], component["environments"]);
  });

  checkGlobs(["exclude"], data["exclude"], true);

  // exceptions
  list(data["exceptions"]).forEach((value, index) => {
    const exception = record(value);
    if (!exception) return;
    const path: Path = ["exceptions", index];
    checkGlobs([...path, "paths"], exception["paths"]);
    checkEnvironmentRefs([...path, "environments"], exception["environments"]);
    checkDate([...path, "expires"], exception["expires"]);
    const applies = Array.isArray(exception["environments"])
      ? (exception["environments"] as unknown[])
      : environmentNames;
    const tierZeroEnvironment = applies.find((environmentName) => {
      const environment = record(environments[String(environmentName)]);
      const tierName = environment?.["tier"];
      const tier = typeof tierName === "string" ? record(tiers[tierName]) : null;
      return (
        tier !== null && typeof tierName === "string" && tierLevel(tierName, tier["level"]) === 0
      );
    });
    const acceptedBy = list(exception["accepted_by"]).filter((user) => typeof user === "string");
    const people = new Set(acceptedBy.map((user) => (user as string).toLowerCase()));
    if (tierZeroEnvironment !== undefined && people.size < 2 && acceptedBy.length > 0) {
      report(
        [...path, "accepted_by"],
        `touches the tier-0 environment '${String(tierZeroEnvironment)}' but is accepted by ${people.size} person`,
        "a tier-0 exception needs at least two distinct people in accepted_by (or limit it with environments: to lower tiers)",
      );
    }
  });

  // consistency
  const ruleNames = new Map<string, number>();
  list(data["consistency"]).forEach((value, index) => {
    const rule = record(value);
    if (!rule) return;
    const path: Path = ["consistency", index];
    if (typeof rule["name"] === "string") {
      const first = ruleNames.get(rule["name"]);
      if (first !== undefined)
        report(
          [...path, "name"],
          `rule '${rule["name"]}' is already defined at consistency[${first}]`,
          "give each rule a unique name",
        );
      else ruleNames.set(rule["name"], index);
    }
    for (const side of ["left", "right"] as const) {
      const ref = record(rule[side]);
      if (!ref || typeof ref["file"] !== "string") continue;
      const file = ref["file"];
      if (
        file.split("/").some((segment) => segment === ".." || segment === "." || segment === "")
      ) {
        report(
          [...path, side, "file"],
          `'${file}' is not a plain repository path`,
          "write the path from the repository root without ., .. or //",
        );
      }
      const format = typeof ref["format"] === "string" ? ref["format"] : inferValueFormat(file);
      if (format === "text" && ref["path"] !== undefined) {
        report(
          [...path, side, "path"],
          `a text file has no keys (${file} is read as text)`,
          "remove path to compare the whole file, or set format: yaml, json or env",
        );
      }
      if (format !== "text" && ref["path"] === undefined) {
        report(
          [...path, side],
          `needs a path: ${file} is read as ${format}`,
          `add path: (e.g. ${format === "env" ? "DB_SCHEMA_VERSION" : "db.schemaVersion"}) or set format: text`,
        );
      }
    }
    const kind = rule["rule"];
    const has = (key: string): boolean => rule[key] !== undefined;
    if (kind === "equal") {
      if (!has("right"))
        report([...path, "right"], "rule equal needs right", "add right: { file: ..., path: ... }");
      if (has("pattern"))
        report(
          [...path, "pattern"],
          "pattern only applies to rule regex",
          "remove pattern or set rule: regex",
        );
      if (has("range"))
        report(
          [...path, "range"],
          "range only applies to rule semver",
          "remove range or set rule: semver",
        );
    } else if (kind === "semver") {
      if (has("right") === has("range"))
        report(
          path,
          "rule semver needs exactly one of right and range",
          "give right: (a file holding the range) or range: (e.g. '>=1.4.0 <2')",
        );
      if (typeof rule["range"] === "string" && semver.validRange(rule["range"]) === null) {
        report(
          [...path, "range"],
          `'${rule["range"]}' is not a semver range`,
          "write e.g. ^1.4.0 or '>=1.4.0 <2'",
        );
      }
      if (has("pattern"))
        report(
          [...path, "pattern"],
          "pattern only applies to rule regex",
          "remove pattern or set rule: regex",
        );
    } else if (kind === "regex") {
      if (!has("pattern"))
        report(
          [...path, "pattern"],
          "rule regex needs pattern",
          "add pattern: (a JavaScript regular expression)",
        );
      checkRegex([...path, "pattern"], rule["pattern"]);
      if (has("range"))
        report(
          [...path, "range"],
          "range only applies to rule semver",
          "remove range or set rule: semver",
        );
    }
  });

  // change tickets
  const tickets = record(data["change_tickets"]);
  if (tickets) {
    for (const tierName of Object.keys(record(tickets["required_for"]) ?? {})) {
      checkTierRef(["change_tickets", "required_for", tierName], tierName);
    }
    checkRegex(["change_tickets", "pattern"], tickets["pattern"]);
    const endpoint = record(tickets["endpoint"]);
    if (endpoint) {
      checkDuration(["change_tickets", "endpoint", "timeout"], endpoint["timeout"], {
        positive: true,
      });
      if (typeof endpoint["url"] === "string") {
        try {
          const url = new URL(endpoint["url"]);
          if (url.protocol === "http:" && !LOCAL_HOSTS.has(url.hostname)) {
            report(
              ["change_tickets", "endpoint", "url"],
              `'${endpoint["url"]}' is plain http`,
              "use https (plain http is only accepted for 127.0.0.1 and localhost)",
            );
          }
          if (url.search !== "" || url.hash !== "") {
            report(
              ["change_tickets", "endpoint", "url"],
              `'${endpoint["url"]}' has a query or fragment`,
              "give the base URL only; the change id is appended as a path segment",
            );
          }
        } catch {
          // the schema's uri format reports it
        }
      }
    }
  }

  const alerts = record(data["alerts"]);
  if (alerts) checkDuration(["alerts", "late_after"], alerts["late_after"]);

  return issues;
}
