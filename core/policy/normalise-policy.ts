import { PHASES, type Phase } from "../types.js";
import { parseDuration } from "./parse-duration.js";
import { parsePolicyDate } from "./parse-policy-date.js";
import type {
  ChangeTicketPolicy,
  Component,
  ConsistencyRule,
  Environment,
  KeepRules,
  Policy,
  PolicyException,
  RetentionFloor,
  Tier,
  ValueFormat,
  ValueRef,
  WriterKeyRule,
} from "./policy.js";
import { WITHIN_BUCKET_RULES } from "./policy.js";
import { tierLevel } from "./tier-level.js";

type Data = Record<string, unknown>;

const DEFAULT_REQUEST_TTL_MS = 24 * 3_600_000;
const DEFAULT_LATE_AFTER_MS = 15 * 60_000;
const DEFAULT_CONSECUTIVE_FAILURES = 2;
const DEFAULT_TICKET_TIMEOUT_MS = 10_000;

const obj = (value: unknown): Data =>
  value !== null && typeof value === "object" ? (value as Data) : {};
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);
const optionalStrings = (value: unknown): string[] | null =>
  Array.isArray(value) ? value.map(String) : null;
const text = (value: unknown): string | null => (typeof value === "string" ? value : null);
const duration = (value: unknown, fallback: number): number => parseDuration(value) ?? fallback;
const count = (value: unknown): number =>
  value === "unlimited" ? -1 : typeof value === "number" ? value : 0;

/** Builds the typed policy from data that passed the schema and the semantic checks. */
export function normalisePolicy(data: Data, sources: string[]): Policy {
  const keys = obj(data["keys"]);
  const writers: WriterKeyRule[] = (Array.isArray(keys["writers"]) ? keys["writers"] : []).map(
    (value) => {
      const writer = obj(value);
      return {
        key: String(writer["key"]),
        validFromMs: parsePolicyDate(writer["valid_from"]),
        validUntilMs: parsePolicyDate(writer["valid_until"], { endOfDay: true }),
      };
    },
  );

  const tiers: Record<string, Tier> = {};
  for (const [name, value] of Object.entries(obj(data["tiers"]))) {
    const tier = obj(value);
    const retention = obj(tier["retention"]);
    const keepData = obj(retention["keep"]);
    const floorData = obj(retention["floor"]);
    const keep: KeepRules = {
      last: count(keepData["last"]),
      hourly: count(keepData["hourly"]),
      daily: count(keepData["daily"]),
      weekly: count(keepData["weekly"]),
      monthly: count(keepData["monthly"]),
      yearly: count(keepData["yearly"]),
      withinMs: duration(keepData["within"], 0),
      tags: strings(keepData["tags"]),
    };
    for (const rule of WITHIN_BUCKET_RULES) {
      const ms = duration(keepData[`within_${rule}`], 0);
      if (ms > 0) keep.withinBucketsMs = { ...keep.withinBucketsMs, [rule]: ms };
    }
    const hold = floorData["legal_hold"] === undefined ? null : obj(floorData["legal_hold"]);
    const floor: RetentionFloor = {
      minAgeMs: duration(floorData["min_age"], 0),
      minCount: typeof floorData["min_count"] === "number" ? floorData["min_count"] : 0,
      tags: strings(floorData["tags"]),
      legalHold: hold
        ? { reason: String(hold["reason"]), sinceMs: parsePolicyDate(hold["since"]) }
        : null,
    };
    tiers[name] = {
      name,
      level: tierLevel(name, tier["level"]) ?? 0,
      maxAgeMs: duration(tier["max_age"], 0),
      approvals: typeof tier["approvals"] === "number" ? tier["approvals"] : 1,
      requestTtlMs: duration(tier["request_ttl"], DEFAULT_REQUEST_TTL_MS),
      restoreVerificationMs: parseDuration(tier["restore_verification"]),
      retention: { keep, floor },
    };
    // Only when given: the digest of a policy without them stays what it was.
    const rto = parseDuration(tier["rto"]);
    const rpo = parseDuration(tier["rpo"]);
    const drillInterval = parseDuration(tier["drill_interval"]);
    if (rto !== null) (tiers[name] as Tier).rtoMs = rto;
    if (rpo !== null) (tiers[name] as Tier).rpoMs = rpo;
    if (drillInterval !== null) (tiers[name] as Tier).drillIntervalMs = drillInterval;
    if (tier["drill_signoff"] === true) (tiers[name] as Tier).drillSignoff = true;
    const lockMode = obj(retention["object_lock"])["mode"];
    if (lockMode === "COMPLIANCE" || lockMode === "GOVERNANCE")
      (tiers[name] as Tier).retention.objectLock = { mode: lockMode };
  }

  const environments: Record<string, Environment> = {};
  for (const [name, value] of Object.entries(obj(data["environments"]))) {
    const environment = obj(value);
    environments[name] = {
      name,
      tier: String(environment["tier"]),
      releaseBranches: strings(environment["release_branches"]),
      restoreWorkflow: text(environment["restore_workflow"]),
      snapshotWorkflow: text(environment["snapshot_workflow"]),
      paths: optionalStrings(environment["paths"]),
    };
  }

  const components: Component[] = (Array.isArray(data["components"]) ? data["components"] : []).map(
    (value) => {
      const component = obj(value);
      return {
        name: String(component["name"]),
        paths: strings(component["paths"]),
        tier: text(component["tier"]),
        owner: text(component["owner"]),
        secret: component["secret"] === true,
        environments: optionalStrings(component["environments"]),
      };
    },
  );

  const exceptions: PolicyException[] = (
    Array.isArray(data["exceptions"]) ? data["exceptions"] : []
  ).map((value, index) => {
    const exception = obj(value);
    return {
      index,
      paths: strings(exception["paths"]),
      reason: String(exception["reason"]),
      acceptedBy: strings(exception["accepted_by"]),
      expires: String(exception["expires"]),
      expiresAtMs: parsePolicyDate(exception["expires"], { endOfDay: true }) ?? 0,
      environments: optionalStrings(exception["environments"]),
    };
  });

  const valueRef = (value: unknown): ValueRef => {
    const ref = obj(value);
    return {
      file: String(ref["file"]),
      path: text(ref["path"]),
      format: text(ref["format"]) as ValueFormat | null,
    };
  };
  const consistency: ConsistencyRule[] = (
    Array.isArray(data["consistency"]) ? data["consistency"] : []
  ).map((value) => {
    const rule = obj(value);
    return {
      name: String(rule["name"]),
      left: valueRef(rule["left"]),
      right: rule["right"] === undefined ? null : valueRef(rule["right"]),
      rule: rule["rule"] as ConsistencyRule["rule"],
      pattern: text(rule["pattern"]),
      range: text(rule["range"]),
    };
  });

  let changeTickets: ChangeTicketPolicy | null = null;
  if (data["change_tickets"] !== undefined) {
    const tickets = obj(data["change_tickets"]);
    const requiredFor: Record<string, Phase[]> = {};
    for (const [tierName, phases] of Object.entries(obj(tickets["required_for"]))) {
      requiredFor[tierName] = strings(phases).filter((phase): phase is Phase =>
        (PHASES as readonly string[]).includes(phase),
      );
    }
    const endpoint = tickets["endpoint"] === undefined ? null : obj(tickets["endpoint"]);
    changeTickets = {
      requiredFor,
      pattern: String(tickets["pattern"]),
      endpoint: endpoint
        ? {
            url: String(endpoint["url"]),
            timeoutMs: duration(endpoint["timeout"], DEFAULT_TICKET_TIMEOUT_MS),
            tokenEnv: text(endpoint["token_env"]),
          }
        : null,
    };
  }

  const roles = obj(data["roles"]);
  const alerts = obj(data["alerts"]);
  const restoreEnvironment =
    data["restore_environment"] === undefined ? null : obj(data["restore_environment"]);
  const backup = data["backup"] === undefined ? null : obj(data["backup"]);

  return {
    sources,
    backup: backup
      ? { repository: String(backup["repository"]), branch: text(backup["branch"]) ?? "main" }
      : null,
    keys: {
      recipients: strings(keys["recipients"]),
      writers,
      // Only when given: the digest of a policy without epochs stays what it was.
      ...(Array.isArray(keys["epochs"])
        ? {
            epochs: keys["epochs"].map((value) => {
              const epoch = obj(value);
              return {
                name: String(epoch["name"]),
                recipients: strings(epoch["recipients"]),
                tiers: Array.isArray(epoch["tiers"]) ? strings(epoch["tiers"]) : null,
                validFromMs: parsePolicyDate(epoch["valid_from"]),
                validUntilMs: parsePolicyDate(epoch["valid_until"], { endOfDay: true }),
              };
            }),
          }
        : {}),
      // Only when given: the digest of a policy without app keys stays what it was.
      ...(Array.isArray(keys["app"])
        ? { app: keys["app"].map((value) => String(obj(value)["key"])) }
        : {}),
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
      ...(roles["ops"] !== undefined ? { ops: strings(roles["ops"]) } : {}),
      ...(roles["security"] !== undefined ? { security: strings(roles["security"]) } : {}),
    },
    alerts: {
      lateAfterMs: duration(alerts["late_after"], DEFAULT_LATE_AFTER_MS),
      consecutiveFailures:
        typeof alerts["consecutive_failures"] === "number"
          ? alerts["consecutive_failures"]
          : DEFAULT_CONSECUTIVE_FAILURES,
    },
    // Only when given: the digest of a policy without it stays what it was.
    ...(restoreEnvironment
      ? {
          restoreEnvironment: {
            scheduledWorkflows: strings(restoreEnvironment["scheduled_workflows"]),
          },
        }
      : {}),
  };
}
