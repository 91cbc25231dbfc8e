import { describeValue } from "./describe-value.js";
import { describeKeyText } from "../crypto/describe-key-text.js";
import { keyKind } from "../crypto/key-kind.js";
import { didYouMean } from "../did-you-mean.js";
import { formatJsonPath, parseInstancePath } from "./json-path.js";
import type { PolicyIssue } from "./policy-problem.js";
import type { SchemaError } from "./policy-schema-validator.js";

type Hint = (value: unknown) => { message: string; fix: string };

/** A value where a key belongs is named by its kind or length, never quoted: it may be a secret. */
function describeKeyValue(value: unknown): string {
  return typeof value === "string" ? describeKeyText(value) : describeValue(value);
}

function secretAdvice(value: unknown): string {
  return typeof value === "string" && keyKind(value)?.secret
    ? "a secret key does not belong in the policy: remove it (and rotate it, the policy is not secret); "
    : "";
}

/** Messages for the shared value kinds, keyed by their $defs name. */
const KIND_HINTS: Record<string, Hint> = {
  duration: (v) => ({
    message: `${describeValue(v)} is not a duration`,
    fix: "write e.g. 24h (units s, m = minutes, h, d, w; combine as 1d12h)",
  }),
  date: (v) => ({
    message: `${describeValue(v)} is not a date`,
    fix: "write YYYY-MM-DD, e.g. 2027-01-31, or a full time such as 2027-01-31T18:00:00Z",
  }),
  ageRecipient: (v) => ({
    message: `${describeKeyValue(v)} is not a valid age X25519 recipient`,
    fix: `${secretAdvice(v)}give the public key printed by \`snapgate keygen\` or \`age-keygen\` (age1..., 62 characters)`,
  }),
  writerKey: (v) => ({
    message: `${describeKeyValue(v)} is not a valid writer verify key`,
    fix: `${secretAdvice(v)}give the sgw1... key printed by \`snapgate keygen --writer\` (62 characters)`,
  }),
  appKey: (v) => ({
    message: `${describeValue(v)} is not an app verify key`,
    fix: "give the sga1... key printed by `snapgate keygen --app` (62 characters)",
  }),
  user: (v) => ({
    message: `${describeValue(v)} is not a GitHub user`,
    fix: "write @login; a team cannot accept a risk, name the people",
  }),
  principal: (v) => ({
    message: `${describeValue(v)} is not a GitHub user or team`,
    fix: "write @login or @org/team-slug",
  }),
  glob: (v) => ({
    message: `${describeValue(v)} is not a path glob`,
    fix: "write a path relative to the repository root, e.g. deploy/prod/**",
  }),
  excludeGlob: (v) => ({
    message: `${describeValue(v)} is not an exclude glob`,
    fix: "write a path glob relative to the repository root, e.g. **/*.log, or !path to take it back in",
  }),
  name: (v) => ({
    message: `${describeValue(v)} is not a valid name`,
    fix: "use lower case letters, digits, '.', '_' and '-', starting with a letter or digit",
  }),
  tierName: (v) => ({
    message: `${describeValue(v)} is not a tier name`,
    fix: "name a tier defined under tiers, e.g. tier0",
  }),
  tag: (v) => ({
    message: `${describeValue(v)} is not a tag`,
    fix: "use letters, digits, '.', '_', ':' and '-'",
  }),
  workflowFile: (v) => ({
    message: `${describeValue(v)} is not a workflow file name`,
    fix: "write the file name in .github/workflows, e.g. snapgate-restore.yml",
  }),
  keepCount: (v) => ({
    message: `${describeValue(v)} is not a count`,
    fix: "write a whole number, 0 to turn the rule off, or unlimited (-1) to keep all",
  }),
};

/** Hints for single-use patterns, by instance path with indexes as *. */
const PATTERN_HINTS: Record<string, { message: string; fix: string }> = {
  "/backup/repository": {
    message: "is not owner/name",
    fix: "write the backup repository as owner/name, e.g. acme/config-backups",
  },
  "/change_tickets/endpoint/token_env": {
    message: "is not an environment variable name",
    fix: "write the variable's name in capitals, e.g. CHANGE_API_TOKEN",
  },
  "/change_tickets/endpoint/url": {
    message: "is not an http(s) URL",
    fix: "write https://... (http only for 127.0.0.1 and localhost)",
  },
  "/consistency/*/left/file": {
    message: "is not a repository path",
    fix: "write the path from the repository root, without a leading /",
  },
  "/consistency/*/right/file": {
    message: "is not a repository path",
    fix: "write the path from the repository root, without a leading /",
  },
};

/** Names of map keys, by the JSON path of the map, for invalid-key messages. */
const MAP_KEY_HINTS: Record<string, { what: string; example: string }> = {
  tiers: { what: "tier name", example: "tier0" },
  environments: { what: "environment name", example: "prod" },
  "change_tickets.required_for": { what: "tier name", example: "tier0" },
};

/**
 * Turns ajv's errors into one message per place, preferring the value-kind
 * hints (duration, date, key...) over ajv's generic wording.
 */
export function translateSchemaErrors(
  errors: readonly SchemaError[],
  data: unknown,
): PolicyIssue[] {
  const byPath = new Map<string, PolicyIssue & { rank: number }>();
  for (const error of errors) {
    const translated = translateOne(error, data);
    if (!translated) continue;
    const key = formatJsonPath(translated.path);
    const existing = byPath.get(key);
    if (!existing || translated.rank > existing.rank) byPath.set(key, translated);
  }
  return [...byPath.values()].map(({ path, message, fix }) => ({ path, message, fix }));
}

function translateOne(error: SchemaError, data: unknown): (PolicyIssue & { rank: number }) | null {
  const base = parseInstancePath(error.instancePath, data);
  const value = error.data;
  const kind = /#\/\$defs\/([^/]+)\//.exec(error.schemaPath)?.[1];
  const hint = kind ? KIND_HINTS[kind] : undefined;

  switch (error.keyword) {
    case "required": {
      const property = (error.params as { missingProperty: string }).missingProperty;
      const propertySchema = (
        error.parentSchema?.["properties"] as Record<string, Record<string, unknown>> | undefined
      )?.[property];
      const examples = propertySchema?.["examples"] as unknown[] | undefined;
      const example =
        examples?.[0] !== undefined ? `, e.g. ${property}: ${JSON.stringify(examples[0])}` : "";
      const description = propertySchema?.["description"] as string | undefined;
      return {
        path: [...base, property],
        message: "is required but missing",
        fix: `add ${property}${example}${description ? ` (${lowerFirst(description)})` : ""}`,
        rank: 2,
      };
    }
    case "additionalProperties": {
      const property = (error.params as { additionalProperty: string }).additionalProperty;
      const mapHint = MAP_KEY_HINTS[formatJsonPath(base)];
      if (error.parentSchema?.["patternProperties"] && mapHint) {
        return {
          path: [...base, property],
          message: `'${property}' is not a valid ${mapHint.what}`,
          fix: `use lower case letters, digits, '_' and '-', starting with a letter (e.g. ${mapHint.example})`,
          rank: 2,
        };
      }
      const allowed = Object.keys((error.parentSchema?.["properties"] as object | undefined) ?? {});
      const guess = didYouMean(property, allowed);
      return {
        path: [...base, property],
        message: `unknown key '${property}'`,
        fix: guess
          ? `did you mean '${guess}'? Allowed here: ${allowed.join(", ")}`
          : `remove it; allowed here: ${allowed.join(", ")}`,
        rank: 2,
      };
    }
    case "enum": {
      const allowed = (error.params as { allowedValues: unknown[] }).allowedValues;
      const guess = typeof value === "string" ? didYouMean(value, allowed.map(String)) : null;
      return {
        path: base,
        message: `${describeValue(value)} is not one of ${allowed.join(", ")}`,
        fix: guess ? `did you mean ${guess}?` : `write one of ${allowed.join(", ")}`,
        rank: 1,
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
      rank: 3,
    };
  }
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "type": {
      const expected = String(params["type"]);
      const numeric = typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value);
      const fix =
        (expected === "integer" || expected === "number") && numeric
          ? `write ${String(value)} without quotes`
          : expected === "object"
            ? "write a mapping (key: value lines) here"
            : `write ${article(expected)} here`;
      return {
        path: base,
        message: `${describeValue(value)} is not ${article(expected)}`,
        fix,
        rank: 1,
      };
    }
    case "minItems":
      return {
        path: base,
        message: `needs at least ${String(params["limit"])} ${Number(params["limit"]) === 1 ? "entry" : "entries"}`,
        fix: "add the missing entries or remove the key",
        rank: 1,
      };
    case "minProperties":
      return {
        path: base,
        message: "is empty",
        fix: "define at least one entry or remove the key",
        rank: 1,
      };
    case "minimum":
      return {
        path: base,
        message: `${describeValue(value)} is below ${String(params["limit"])}`,
        fix: `write a number of at least ${String(params["limit"])}`,
        rank: 1,
      };
    case "maximum":
      return {
        path: base,
        message: `${describeValue(value)} is above ${String(params["limit"])}`,
        fix: `write a number of at most ${String(params["limit"])}`,
        rank: 1,
      };
    case "minLength":
      if (value === "")
        return { path: base, message: "is empty", fix: "write a value or remove the key", rank: 1 };
      return {
        path: base,
        message: `${describeValue(value)} is too short`,
        fix: `write at least ${String(params["limit"])} characters`,
        rank: 1,
      };
    case "uniqueItems":
      return {
        path: base,
        message: `items ${String(params["j"])} and ${String(params["i"])} are the same`,
        fix: "remove the duplicate",
        rank: 1,
      };
    case "format":
      return {
        path: base,
        message: `${describeValue(value)} is not a ${String(params["format"]).toUpperCase()}`,
        fix: "write a full URL such as https://change.example.com/api/tickets",
        rank: 1,
      };
    case "pattern": {
      const known = PATTERN_HINTS[error.instancePath.replace(/\/\d+/g, "/*")];
      if (known)
        return {
          path: base,
          message: `${describeValue(value)} ${known.message}`,
          fix: known.fix,
          rank: 1,
        };
      const description = (error.parentSchema?.["description"] as string | undefined) ?? "";
      return {
        path: base,
        message: `${describeValue(value)} does not have the expected form`,
        fix: `see docs/policy.md${description ? `: ${lowerFirst(description)}` : ""}`,
        rank: 1,
      };
    }
    default:
      return {
        path: base,
        message: error.message ?? "is not valid",
        fix: "see docs/policy.md for this key",
        rank: 0,
      };
  }
}

function article(type: string): string {
  const word =
    { integer: "whole number", object: "mapping", array: "list", boolean: "true or false" }[type] ??
    type;
  if (type === "boolean") return word;
  return /^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1).replace(/\.$/, "");
}
