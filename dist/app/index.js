import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);

// core/errors.ts
var SnapgateError = class extends Error {
  code;
  /** The message without the fix. */
  summary;
  fix;
  details;
  constructor(code, message, options = {}) {
    super(options.fix ? `${message} ${options.fix}` : message, { cause: options.cause });
    this.name = "SnapgateError";
    this.code = code;
    this.summary = message;
    this.fix = options.fix;
    this.details = options.details ?? {};
  }
  /** The JSON shape the CLI prints with --json and the actions log. */
  toJSON() {
    return {
      code: this.code,
      message: this.message,
      ...this.fix ? { fix: this.fix } : {},
      details: this.details
    };
  }
};
function isSnapgateError(error, code) {
  return error instanceof SnapgateError && (code === void 0 || error.code === code);
}
function asSnapgateError(error) {
  if (error instanceof SnapgateError) return error;
  const nodeError = error;
  if (nodeError && typeof nodeError.code === "string" && nodeError.syscall) {
    return new SnapgateError("IO", `${nodeError.message}.`, {
      fix: "Check that the path exists and that you may read and write it.",
      cause: error,
      details: { errno: nodeError.code, path: nodeError.path }
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new SnapgateError("REMOTE", `Unexpected failure: ${message}`, {
    fix: "This is a bug if it repeats; report it with the command you ran.",
    cause: error
  });
}

// app/read-app-environment.ts
import { readFileSync } from "node:fs";

// core/crypto/key-kind.ts
var KINDS = [
  { pattern: /^AGE-SECRET-KEY-1/i, name: "an age identity (a secret key)", secret: true },
  { pattern: /^AGE-PLUGIN-/i, name: "an age plugin identity (a secret key)", secret: true },
  {
    pattern: /^SNAPGATE-WRITER-KEY-1/i,
    name: "a Snapgate writer key (a secret key)",
    secret: true
  },
  {
    pattern: /^-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/,
    name: "a private key (a secret key)",
    secret: true
  },
  {
    pattern: /^(gh[pousr]_[A-Za-z0-9]{20,}|github_pat_)/,
    name: "a GitHub token (a secret)",
    secret: true
  },
  { pattern: /^age1/i, name: "an age recipient", secret: false },
  { pattern: /^sgw1/i, name: "a writer verify key", secret: false },
  { pattern: /^(ssh-|ecdsa-sha2-|sk-)/, name: "an SSH public key", secret: false }
];
function keyKind(text2) {
  const trimmed = text2.trim();
  const kind = KINDS.find((entry) => entry.pattern.test(trimmed));
  return kind ? { name: kind.name, secret: kind.secret } : null;
}

// core/crypto/describe-key-text.ts
function describeKeyText(text2) {
  const kind = keyKind(text2);
  const length = `${text2.trim().length} characters`;
  if (!kind) return `a value of ${length}`;
  return kind.secret ? kind.name : `${kind.name} (${length})`;
}

// core/crypto/app-key.ts
import { bech32 as bech323 } from "@scure/base";

// core/crypto/decode-bech32-key.ts
import { bech32 } from "@scure/base";
function decodeBech32Key(text2, prefix, from = "value") {
  const candidate = from === "key-file" ? text2.split(/\r?\n/).map((line) => line.trim()).find((line) => line !== "" && !line.startsWith("#")) : text2.trim();
  if (!candidate) return void 0;
  try {
    const decoded = bech32.decodeToBytes(candidate);
    return decoded.prefix.toLowerCase() === prefix.toLowerCase() && decoded.bytes.length === 32 ? decoded.bytes : void 0;
  } catch {
    return void 0;
  }
}

// core/crypto/writer-key.ts
import { hkdfSync, randomBytes } from "node:crypto";
import { bech32 as bech322 } from "@scure/base";
var VERIFY_KEY_PREFIX = "sgw";
function deriveSubkey(secret, purpose) {
  return new Uint8Array(
    hkdfSync("sha256", secret, new Uint8Array(0), `snapgate/v1/${purpose}`, 32)
  );
}
function parseVerifyKey(text2) {
  const trimmed = text2.trim();
  const key = decodeBech32Key(trimmed, VERIFY_KEY_PREFIX);
  if (key) return key;
  const described = describeKeyText(trimmed);
  throw new SnapgateError(
    "CONFIG",
    `${described[0]?.toUpperCase()}${described.slice(1)} is not a valid Snapgate writer verify key.`,
    {
      fix: `${keyKind(trimmed)?.secret ? "A secret key does not belong there (rotate it if it was shared). " : ""}Use the sgw1... key printed by \`snapgate keygen --writer\` (it is public; put it in the policy's keys.writers).`
    }
  );
}

// core/crypto/app-key.ts
var APP_KEY_PREFIX = "SNAPGATE-APP-KEY-";
var APP_VERIFY_KEY_PREFIX = "sga";
function parseAppVerifyKey(text2) {
  const trimmed = text2.trim();
  const key = decodeBech32Key(trimmed, APP_VERIFY_KEY_PREFIX);
  if (key) return key;
  const described = describeKeyText(trimmed);
  throw new SnapgateError(
    "CONFIG",
    `${described[0]?.toUpperCase()}${described.slice(1)} is not a Snapgate app verify key.`,
    {
      fix: `${keyKind(trimmed)?.secret ? "A secret key does not belong there (rotate it if it was shared). " : ""}Use the sga1... key printed by \`snapgate keygen --app\` (it is public; put it in the policy's keys.app).`
    }
  );
}
function parseAppKey(text2, source) {
  const secret = decodeBech32Key(text2, APP_KEY_PREFIX, "key-file");
  if (!secret) {
    throw new SnapgateError("CONFIG", `${source} does not hold a Snapgate app key.`, {
      fix: "Create one with `snapgate keygen --app --out FILE`, give its contents to the Snapgate App (SNAPGATE_SIGNING_KEY), and list its verify key in the policy's keys.app."
    });
  }
  return { signingSeed: deriveSubkey(secret, "request-signing") };
}
function requestStateMacKey(key) {
  return deriveSubkey(key.signingSeed, "request-state-mac");
}
function appSigner(sodium, key) {
  const pair = sodium.crypto_sign_seed_keypair(key.signingSeed);
  return {
    signingSecretKey: pair.privateKey,
    verifyKey: bech323.encodeFromBytes(APP_VERIFY_KEY_PREFIX, pair.publicKey)
  };
}

// app/read-app-environment.ts
var LOG_LEVELS = ["trace", "debug", "info", "warn", "error", "fatal"];
var DEFAULT_WEBHOOK_PATH = "/api/github/webhooks";
var LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
function config(message, fix) {
  return new SnapgateError("CONFIG", message, { fix });
}
function privateKeyOf(env2, readFile) {
  let key = env2["PRIVATE_KEY"]?.trim();
  const path = env2["PRIVATE_KEY_PATH"]?.trim();
  if (!key && path) {
    try {
      key = readFile(path).trim();
    } catch (error) {
      throw config(
        `PRIVATE_KEY_PATH names ${path}, which cannot be read (${error.message}).`,
        "Point PRIVATE_KEY_PATH at the .pem file downloaded from the GitHub App's settings."
      );
    }
  }
  if (!key) {
    throw config(
      "Neither PRIVATE_KEY nor PRIVATE_KEY_PATH is set.",
      "Set PRIVATE_KEY_PATH to the GitHub App's .pem file (or PRIVATE_KEY to its contents)."
    );
  }
  key = key.replace(/\\n/g, "\n");
  if (!key.includes("-----BEGIN")) key = Buffer.from(key, "base64").toString("utf8").trim();
  if (!/^-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]+-----END [A-Z ]*PRIVATE KEY-----$/.test(key)) {
    throw config(
      "The private key is not a PEM private key.",
      "Use the .pem file GitHub generated for the app, as is (PRIVATE_KEY_PATH), or its contents (PRIVATE_KEY)."
    );
  }
  return key;
}
function baseUrlOf(env2) {
  const api = env2["GITHUB_API_URL"]?.trim();
  if (api) {
    try {
      new URL(api);
    } catch {
      throw config(
        `GITHUB_API_URL '${api}' is not a URL.`,
        "Write GitHub's REST root, e.g. https://github.example.com/api/v3."
      );
    }
    return api.replace(/\/+$/, "");
  }
  const host = env2["GHE_HOST"]?.trim();
  if (host) return `${env2["GHE_PROTOCOL"]?.trim() || "https"}://${host}/api/v3`;
  return void 0;
}
function readAppEnvironment(env2, readFile = (path) => readFileSync(path, "utf8")) {
  const appIdText = env2["APP_ID"]?.trim() ?? "";
  if (!/^[1-9]\d*$/.test(appIdText)) {
    throw config(
      appIdText ? `APP_ID '${appIdText}' is not a GitHub App id.` : "APP_ID is not set.",
      "Set APP_ID to the number shown as 'App ID' on the GitHub App's settings page."
    );
  }
  const webhookSecret = env2["WEBHOOK_SECRET"] ?? "";
  if (webhookSecret.length === 0) {
    throw config(
      "WEBHOOK_SECRET is not set: without it anyone could send the app webhooks.",
      "Set WEBHOOK_SECRET to the webhook secret of the GitHub App's settings."
    );
  }
  const portText = env2["PORT"]?.trim() || "3000";
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw config(`PORT '${portText}' is not a port.`, "Set PORT to a number from 1 to 65535.");
  }
  const logLevel = env2["LOG_LEVEL"]?.trim() || "info";
  if (!LOG_LEVELS.includes(logLevel)) {
    throw config(`LOG_LEVEL '${logLevel}' is not a level.`, `Use one of ${LOG_LEVELS.join(", ")}.`);
  }
  const webhookPath = env2["WEBHOOK_PATH"]?.trim() || DEFAULT_WEBHOOK_PATH;
  if (!webhookPath.startsWith("/")) {
    throw config(
      `WEBHOOK_PATH '${webhookPath}' does not start with /.`,
      "Write a path such as /api/github/webhooks."
    );
  }
  const baseUrl = baseUrlOf(env2);
  const host = env2["HOST"]?.trim();
  const backupAccounts = (env2["SNAPGATE_BACKUP_ACCOUNTS"] ?? "").split(/[\s,]+/).filter(Boolean);
  const bad = backupAccounts.findIndex((login) => !LOGIN.test(login));
  if (bad !== -1) {
    throw config(
      `SNAPGATE_BACKUP_ACCOUNTS entry ${bad + 1}, ${describeKeyText(backupAccounts[bad] ?? "")}, is not a GitHub account.`,
      "List account logins (users or organisations) separated by commas, e.g. acme,acme-backups."
    );
  }
  const signingKeyText = env2["SNAPGATE_SIGNING_KEY"]?.trim();
  const signingKey = signingKeyText ? parseAppKey(signingKeyText, "SNAPGATE_SIGNING_KEY") : void 0;
  return {
    appId: Number(appIdText),
    privateKey: privateKeyOf(env2, readFile),
    webhookSecret,
    ...baseUrl ? { baseUrl } : {},
    port,
    ...host ? { host } : {},
    webhookPath,
    logLevel,
    backupAccounts,
    ...signingKey ? { signingKey } : {}
  };
}

// app/start-snapgate-server.ts
import { createServer } from "node:http";
import { createNodeMiddleware } from "probot";

// app/create-snapgate-probot.ts
import { Probot, ProbotOctokit } from "probot";

// core/github/rate-limit-retry.ts
function rateLimitWaitSeconds(status, headers, message, now = Date.now()) {
  const retryAfter = Number(headers["retry-after"]);
  if ((status === 403 || status === 429) && Number.isFinite(retryAfter) && retryAfter >= 0)
    return retryAfter;
  if (String(headers["x-ratelimit-remaining"]) === "0") {
    const reset = Number(headers["x-ratelimit-reset"]);
    if (Number.isFinite(reset)) return Math.max(0, Math.ceil(reset - now / 1e3) + 1);
  }
  if ((status === 403 || status === 429) && /secondary rate limit/i.test(message)) return 60;
  return null;
}
function isGraphqlRateLimited(data) {
  const errors = data?.errors;
  return Array.isArray(errors) && errors.some((error) => error.type === "RATE_LIMITED");
}
async function retryRateLimits(send, options = {}) {
  const retries = options.retries ?? 2;
  const maxWait = options.maxWaitSeconds ?? 60;
  const msPerSecond = options.msPerSecond ?? 1e3;
  for (let attempt = 0; ; attempt++) {
    let wait;
    try {
      const response = await send();
      const answer2 = response;
      wait = isGraphqlRateLimited(answer2?.data) ? rateLimitWaitSeconds(200, answer2.headers ?? {}, "") ?? maxWait : null;
      if (wait === null || attempt >= retries || wait > maxWait) return response;
    } catch (error) {
      const failure = error;
      wait = rateLimitWaitSeconds(
        failure?.status,
        failure?.response?.headers ?? {},
        `${failure?.message ?? ""} ${JSON.stringify(failure?.response?.data ?? "")}`
      );
      if (wait === null || attempt >= retries || wait > maxWait) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, wait * msPerSecond));
  }
}

// app/create-snapgate-probot.ts
var DO_NOT_RETRY = [400, 401, 403, 404, 410, 422, 429, 451];
function createSnapgateProbot(options) {
  const retries = options.retries ?? 3;
  const retryAfterBaseValue = options.retryAfterBaseValue ?? 1e3;
  const waitOutRateLimits = (octokit) => {
    octokit.hook.wrap(
      "request",
      (request2, requestOptions) => retryRateLimits(async () => request2(requestOptions), {
        retries,
        msPerSecond: retryAfterBaseValue
      })
    );
  };
  const Octokit = ProbotOctokit.plugin(waitOutRateLimits).defaults(
    (instance) => ({
      ...instance,
      retry: {
        ...instance["retry"],
        retries,
        retryAfterBaseValue,
        doNotRetry: DO_NOT_RETRY
      },
      throttle: { ...instance["throttle"], enabled: false }
    })
  );
  return new Probot({
    appId: options.appId,
    privateKey: options.privateKey,
    secret: options.webhookSecret,
    ...options.baseUrl ? { baseUrl: options.baseUrl } : {},
    logLevel: options.logLevel ?? "info",
    ...options.log ? { log: options.log } : {},
    Octokit
  });
}

// app/gate/gate-run-ledger.ts
var MAX_REMEMBERED = 1e4;
var GateRunLedger = class {
  tails = /* @__PURE__ */ new Map();
  posted = /* @__PURE__ */ new Map();
  /**
   * Runs `task` alone for `key` (after earlier tasks for it), with the
   * external ids this process posted for the key; the id `task` returns is
   * remembered as posted.
   */
  async exclusive(key, task) {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const run = previous.then(async () => {
      const externalId = await task(this.posted.get(key) ?? []);
      if (externalId !== null) this.remember(key, externalId);
    });
    const tail = run.catch(() => void 0);
    this.tails.set(key, tail);
    try {
      await run;
    } finally {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }
  remember(key, externalId) {
    const ids = this.posted.get(key) ?? [];
    this.posted.delete(key);
    this.posted.set(key, [...ids, externalId]);
    if (this.posted.size > MAX_REMEMBERED) {
      const oldest = this.posted.keys().next().value;
      if (oldest !== void 0) this.posted.delete(oldest);
    }
  }
};

// core/github/connection-failure.ts
var CONNECTION_CODES = /* @__PURE__ */ new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ETIMEDOUT",
  "EPIPE",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_SOCKET"
]);
function connectionCode(error, depth = 0) {
  if (!error || typeof error !== "object" || depth > 5) return null;
  const { code, cause, errors } = error;
  if (typeof code === "string" && CONNECTION_CODES.has(code)) return code;
  for (const inner of [cause, ...Array.isArray(errors) ? errors : []]) {
    const found = connectionCode(inner, depth + 1);
    if (found) return found;
  }
  return null;
}
function connectionFailure(error) {
  const code = connectionCode(error);
  if (!code) return null;
  const url = error.request?.url;
  let address = "the GitHub API";
  if (typeof url === "string") {
    try {
      const parsed = new URL(url);
      address = `${parsed.hostname}:${parsed.port || (parsed.protocol === "http:" ? "80" : "443")}`;
    } catch {
    }
  }
  return { address, code };
}

// core/github/github-error.ts
function httpStatus(error) {
  const status = error?.status;
  return typeof status === "number" ? status : void 0;
}
function githubMessage(error) {
  const data = error?.response?.data;
  const graphqlErrors = error?.errors;
  if (graphqlErrors?.length) return graphqlErrors.map((e) => e.message ?? e.type ?? "").join("; ");
  return data?.message ?? error?.message ?? String(error);
}
function githubError(error, doing, location, unchanged = true) {
  if (error instanceof SnapgateError) return error;
  const status = httpStatus(error);
  const message = githubMessage(error);
  const untouched = unchanged ? ` Nothing was changed in ${location}.` : "";
  const graphqlTypes = (error?.errors ?? []).map((e) => e.type);
  if (graphqlTypes.includes("NOT_FOUND")) {
    return new SnapgateError(
      "PERMISSION",
      `${location}: ${message} The repository does not exist or the token cannot see it.`,
      {
        fix: "Check the OWNER/REPO in --store and that the token (a GitHub App installation token) may read it.",
        cause: error
      }
    );
  }
  if (graphqlTypes.includes("FORBIDDEN")) {
    return new SnapgateError(
      "PERMISSION",
      `${location}: ${message} (while ${doing}).${untouched}`,
      {
        fix: "Give the token the permission it lacks: contents read to read, contents write to write (for a GitHub App, in its permissions and installation).",
        cause: error
      }
    );
  }
  if (graphqlTypes.includes("RATE_LIMITED")) {
    return new SnapgateError(
      "RATE_LIMIT",
      `GitHub's GraphQL rate limit stopped Snapgate while ${doing}, after retries.${untouched}`,
      {
        fix: "Wait for the limit to reset (an hour at most) and run again.",
        cause: error
      }
    );
  }
  if (status === 401) {
    return new SnapgateError(
      "PERMISSION",
      `GitHub refused the token while ${doing} (401: ${message}).${untouched}`,
      {
        fix: "The token is missing, expired or revoked: pass a valid one with --token or GITHUB_TOKEN.",
        cause: error
      }
    );
  }
  if (status === 403 && /rate limit/i.test(message)) {
    return new SnapgateError(
      "RATE_LIMIT",
      `GitHub's rate limit stopped Snapgate while ${doing}, after retries (${message}).${untouched}`,
      {
        fix: "Wait for the limit to reset (see X-RateLimit-Reset) and run again; a GitHub App token has a higher limit than GITHUB_TOKEN.",
        cause: error
      }
    );
  }
  if (status === 403 || status === 404) {
    return new SnapgateError(
      "PERMISSION",
      `GitHub answered ${status} while ${doing} in ${location}: ${message}.${untouched}`,
      {
        fix: "Check the repository name and that the token may use it: contents read for reading, contents write for writing (a GitHub App installation on the backup repository).",
        cause: error
      }
    );
  }
  if (status === 422 && /rule/i.test(message)) {
    const rules = message.trim().replace(/\s*\n+\s*/g, " ");
    return new SnapgateError(
      "PERMISSION",
      `A ruleset of ${location} refused the update while ${doing}: ${rules}${/[.!]$/.test(rules) ? "" : "."}${untouched}`,
      {
        // Snapgate commits through the Git Data API, and GitHub signs none of those commits.
        fix: /verified signatures/i.test(message) ? 'Snapgate\'s commits (Git Data API) are unsigned: remove "Require signed commits" from the ruleset that covers the backup branch, or let the Snapgate App bypass that ruleset (bypass actor); `snapgate doctor` names the rules in the way.' : "Let the Snapgate App bypass the backup repository's ruleset (bypass actor), or write with its installation token; `snapgate doctor` names the rules in the way.",
        cause: error
      }
    );
  }
  if (status === 429) {
    return new SnapgateError(
      "RATE_LIMIT",
      `GitHub's secondary rate limit stopped Snapgate while ${doing}, after retries.${untouched}`,
      {
        fix: "Wait a minute and run again; avoid running many snapshot jobs at once against one repository.",
        cause: error
      }
    );
  }
  const unreachable = connectionFailure(error);
  if (unreachable) {
    return new SnapgateError(
      "REMOTE",
      `Could not reach ${unreachable.address} while ${doing} (${unreachable.code}).${untouched}`,
      {
        fix: "Check the API address (--api-url or GITHUB_API_URL; GitHub Enterprise Server's is https://HOST/api/v3) and the network.",
        cause: error,
        details: { address: unreachable.address, errno: unreachable.code }
      }
    );
  }
  return new SnapgateError(
    "REMOTE",
    `GitHub failed while ${doing} (${status ?? "no response"}: ${message}), after retries.${untouched}`,
    {
      fix: "GitHub may be having trouble (see githubstatus.com); run again later.",
      cause: error
    }
  );
}

// app/gate/installation-clients.ts
var MAX_CACHED_ACCOUNTS = 1e3;
var InstallationClients = class {
  constructor(app) {
    this.app = app;
  }
  app;
  installations = /* @__PURE__ */ new Map();
  /** A client for `owner/repo`: `eventOctokit` when the event came from that account. */
  async clientFor(eventOwner, eventOctokit, owner, repo) {
    const account = owner.toLowerCase();
    if (account === eventOwner.toLowerCase()) return eventOctokit;
    let installationId = this.installations.get(account);
    if (installationId === void 0) {
      const appOctokit = await this.app.auth();
      try {
        installationId = (await appOctokit.rest.apps.getRepoInstallation({ owner, repo })).data.id;
      } catch (error) {
        if (httpStatus(error) === 404) {
          throw new SnapgateError(
            "PERMISSION",
            `The Snapgate App is not installed on ${owner}/${repo}.`,
            {
              fix: `Install the app on ${owner}/${repo} (it reads backups and gates with its installation token).`,
              cause: error
            }
          );
        }
        throw githubError(
          error,
          `finding the app's installation on ${owner}/${repo}`,
          `${owner}/${repo}`
        );
      }
      if (this.installations.size >= MAX_CACHED_ACCOUNTS) this.installations.clear();
      this.installations.set(account, installationId);
    }
    return this.app.auth(installationId);
  }
};

// core/gate/gate-check-name.ts
var GATE_CHECK_NAME = "Snapgate / config backup";
function gateCheckName(environment) {
  return environment === null ? GATE_CHECK_NAME : `${GATE_CHECK_NAME} (${environment})`;
}
function environmentOfCheckName(name) {
  if (name === GATE_CHECK_NAME) return null;
  const match = /^Snapgate \/ config backup \(([^()]+)\)$/.exec(name);
  return match?.[1];
}

// core/policy/check-policy-semantics.ts
import semver from "semver";

// core/crypto/age-keys.ts
import { bech32 as bech324 } from "@scure/base";
var RECIPIENT_PREFIX = "age";
function decodeBech32(text2, prefix) {
  try {
    const decoded = bech324.decodeToBytes(text2);
    if (decoded.prefix.toLowerCase() !== prefix.toLowerCase() || decoded.bytes.length !== 32) {
      return void 0;
    }
    return decoded.bytes;
  } catch {
    return void 0;
  }
}
function parseRecipient(text2) {
  const trimmed = text2.trim();
  const key = trimmed.startsWith("age1") ? decodeBech32(trimmed, RECIPIENT_PREFIX) : void 0;
  if (!key) {
    const described = describeKeyText(trimmed);
    throw new SnapgateError(
      "CONFIG",
      `${described[0]?.toUpperCase()}${described.slice(1)} is not a valid age X25519 recipient.`,
      {
        fix: `${keyKind(trimmed)?.secret ? "A secret key does not belong there (rotate it if it was shared). " : ""}Give the public key printed by \`snapgate keygen\` or \`age-keygen\`: it starts with age1 and is 62 characters long.`
      }
    );
  }
  return key;
}

// core/did-you-mean.ts
function didYouMean(word, candidates) {
  let best = null;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
function editDistance(a, b) {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + cost
      );
    }
    previous = current;
  }
  return previous[b.length];
}

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
function parseSegment(text2) {
  if (text2 === "**") return { globstar: true };
  const tokens = [];
  for (let i = 0; i < text2.length; i++) {
    const char = text2[i];
    if (char === "\\" && i + 1 < text2.length) {
      tokens.push({ kind: "literal", char: text2[++i] });
    } else if (char === "?") {
      tokens.push({ kind: "any" });
    } else if (char === "*") {
      if (tokens[tokens.length - 1]?.kind !== "star") tokens.push({ kind: "star" });
    } else if (char === "[" && classEnd(text2, i) !== i) {
      const end = classEnd(text2, i);
      tokens.push(parseClass(text2.slice(i + 1, end)));
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
function matchSegment(tokens, text2) {
  let t = 0;
  let c = 0;
  let starToken = -1;
  let starChar = 0;
  while (c < text2.length) {
    const token = tokens[t];
    if (token && token.kind !== "star" && tokenMatches(token, text2[c])) {
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
  const shown2 = `'${glob}'`;
  if (glob.startsWith("/")) {
    return {
      message: `${shown2} starts with /`,
      fix: "write paths relative to the repository root, without a leading /"
    };
  }
  if (glob.endsWith("/")) {
    return {
      message: `${shown2} ends with /`,
      fix: `write '${glob}**' to match everything below the directory`
    };
  }
  const segments = glob.split("/");
  for (const segment of segments) {
    if (segment === "")
      return { message: `${shown2} has an empty path segment (//)`, fix: "remove the doubled /" };
    if (segment === "." || segment === "..") {
      return {
        message: `${shown2} has a '${segment}' segment`,
        fix: "write the path from the repository root without . or .."
      };
    }
    if (segment.includes("**") && segment !== "**") {
      return {
        message: `${shown2}: ** must be a whole path segment`,
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
          message: `${shown2} has a backslash`,
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
            message: `${shown2} has the reversed range [${body}]`,
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
        message: `${shown2} has a ] without [`,
        fix: "escape it as \\] or add the opening ["
      };
    } else if (char === "{") braces += 1;
    else if (char === "}") {
      braces -= 1;
      if (braces < 0)
        return {
          message: `${shown2} has a } without {`,
          fix: "escape it as \\} or add the opening {"
        };
    }
  }
  if (brackets > 0)
    return {
      message: `${shown2} has a [ without ]`,
      fix: "close the character class with ] or escape the [ as \\["
    };
  if (braces > 0)
    return {
      message: `${shown2} has a { without }`,
      fix: "close the alternatives with } (e.g. *.{yml,yaml})"
    };
  try {
    compileGlob(glob);
  } catch (error) {
    if (!isSnapgateError(error)) throw error;
    return {
      message: `${shown2} expands to more than ${MAX_GLOB_ALTERNATIVES} alternatives`,
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

// core/policy/infer-value-format.ts
function inferValueFormat(file) {
  const name = file.split("/").pop()?.toLowerCase() ?? "";
  if (name.endsWith(".yml") || name.endsWith(".yaml")) return "yaml";
  if (name.endsWith(".json")) return "json";
  if (name === ".env" || name.startsWith(".env.") || name.endsWith(".env")) return "env";
  return "text";
}

// core/policy/parse-duration.ts
var UNIT_MS = {
  s: 1e3,
  m: 6e4,
  h: 36e5,
  d: 864e5,
  w: 6048e5
};
var WHOLE = /^(?:\d+[smhdw])+$/;
var PART = /(\d+)([smhdw])/g;
function parseDuration(text2) {
  if (typeof text2 !== "string" || !WHOLE.test(text2)) return null;
  let total = 0;
  for (const [, digits, unit] of text2.matchAll(PART)) {
    total += Number(digits) * UNIT_MS[unit];
  }
  return Number.isSafeInteger(total) ? total : null;
}
function formatDuration(ms) {
  if (ms <= 0) return "0s";
  let rest = ms;
  let text2 = "";
  for (const unit of ["w", "d", "h", "m", "s"]) {
    const size = UNIT_MS[unit];
    const count2 = Math.floor(rest / size);
    if (count2 > 0) {
      text2 += `${count2}${unit}`;
      rest -= count2 * size;
    }
  }
  return text2 === "" ? `${ms}ms` : text2;
}

// core/policy/parse-policy-date.ts
var DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
var DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
var DAY_MS = 864e5;
function parsePolicyDate(text2, options = {}) {
  if (typeof text2 !== "string") return null;
  const dateOnly = DATE_ONLY.exec(text2);
  if (dateOnly) {
    const [, y2, m, d2] = dateOnly.map(Number);
    const ms2 = Date.UTC(y2, m - 1, d2);
    const check = new Date(ms2);
    if (check.getUTCFullYear() !== y2 || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d2) {
      return null;
    }
    return options.endOfDay ? ms2 + DAY_MS : ms2;
  }
  const dateTime = DATE_TIME.exec(text2);
  if (!dateTime) return null;
  const [, y, mo, d, h, mi, s] = dateTime.map((part) => Number(part ?? 0));
  if (mo < 1 || mo > 12 || h > 23 || mi > 59 || s > 59) {
    return null;
  }
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (probe.getUTCDate() !== d) return null;
  const ms = Date.parse(text2.replace(" ", "T"));
  return Number.isNaN(ms) ? null : ms;
}

// core/policy/tier-level.ts
var TIER_NUMBER = /^tier(\d)$/;
function tierLevel(name, level) {
  if (typeof level === "number" && Number.isInteger(level)) return level;
  const match = TIER_NUMBER.exec(name);
  return match ? Number(match[1]) : null;
}

// core/policy/policy.ts
var WITHIN_BUCKET_RULES = [
  "hourly",
  "daily",
  "weekly",
  "monthly",
  "yearly"
];

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
      if (typeof rule["range"] === "string" && semver.validRange(rule["range"]) === null) {
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
import { isMap, isPair, isScalar, isSeq } from "yaml";
function locateYamlLine(document, lineCounter, path) {
  let node = document.contents;
  let offset = null;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment)
      );
      if (!pair) break;
      const keyRange = isScalar(pair.key) ? pair.key.range : void 0;
      if (keyRange) offset = keyRange[0];
      node = pair.value;
    } else if (isSeq(node) && typeof segment === "number") {
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

// core/types.ts
var PHASES = ["pre", "post", "scheduled", "manual"];
var STREAM_PATTERN = /^[a-z0-9][a-z0-9._-]{0,62}$/;

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
  const backup = data["backup"] === void 0 ? null : obj(data["backup"]);
  return {
    sources,
    backup: backup ? { repository: String(backup["repository"]), branch: text(backup["branch"]) ?? "main" } : null,
    keys: {
      recipients: strings(keys["recipients"]),
      writers,
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
      auditors: strings(roles["auditors"])
    },
    alerts: {
      lateAfterMs: duration(alerts["late_after"], DEFAULT_LATE_AFTER_MS),
      consecutiveFailures: typeof alerts["consecutive_failures"] === "number" ? alerts["consecutive_failures"] : DEFAULT_CONSECUTIVE_FAILURES
    }
  };
}

// core/policy/policy-problem.ts
function formatPolicyProblem(problem) {
  const where = problem.line === null ? problem.file : `${problem.file}:${problem.line}`;
  const subject = problem.path === "" ? "" : ` ${problem.path}:`;
  return `${where}${subject} ${problem.message}; ${problem.fix}`;
}

// core/generated/policy-validator.ts
import __ajvRuntime0 from "ajv/dist/runtime/ucs2length.js";
import __ajvRuntime1 from "ajv/dist/runtime/equal.js";
import __ajvRuntime2 from "ajv-formats/dist/formats.js";
var policy_validator_default = validate20;
var schema31 = { "$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "urn:snapgate:schema:policy:v1", "title": "Snapgate policy", "description": "The policy of a repository that Snapgate backs up: `.github/snapgate.yml` on the default branch. Keys are snake_case. Durations are written like 15m, 24h, 30d or 2w (units s, m = minutes, h, d = 24h, w = 7d; parts may be combined, e.g. 1d12h). Dates are YYYY-MM-DD (UTC) or a full ISO 8601 time with a zone.", "type": "object", "additionalProperties": false, "required": ["keys", "tiers", "environments"], "properties": { "_extends": { "description": "Inherit the keys of another policy file, Probot style: `repo`, `owner/repo`, `repo:path.yml` or `owner/repo:path.yml` (e.g. `.github:snapgate-org.yml`). Without a path the same path as this file is read. Merging is shallow: a top-level key written here replaces the inherited one whole.", "type": "string", "pattern": "^(?:[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}/)?[-_.A-Za-z0-9]+(?::[-_./A-Za-z0-9]+\\.ya?ml)?$", "examples": [".github:snapgate-org.yml", "acme/policies:snapgate/base.yml"] }, "backup": { "description": "Where snapshots are stored when the GitHub backup-repository store is used.", "type": "object", "additionalProperties": false, "required": ["repository"], "properties": { "repository": { "description": "The protected backup repository, as owner/name.", "type": "string", "pattern": "^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}/[-_.A-Za-z0-9]{1,100}$", "examples": ["acme/config-backups"] }, "branch": { "description": "The branch of the backup repository that holds the store.", "type": "string", "minLength": 1, "default": "main" } } }, "keys": { "description": "Public keys: who can read backups (recipients) and whose manifest signatures the gate accepts (writers).", "type": "object", "additionalProperties": false, "required": ["recipients", "writers"], "properties": { "recipients": { "description": "age X25519 recipients (age1...). Every blob is encrypted to each of them. Removing one never revokes what it could already read.", "type": "array", "minItems": 1, "items": { "$ref": "#/$defs/ageRecipient" } }, "writers": { "description": "Writer verify keys (sgw1...) of the snapshot jobs. The gate accepts a manifest only when its signature verifies with one of them, valid at the snapshot's time.", "type": "array", "minItems": 1, "items": { "type": "object", "additionalProperties": false, "required": ["key"], "properties": { "key": { "description": "The writer verify key printed by `snapgate keygen --writer` (sgw1...).", "$ref": "#/$defs/writerKey" }, "valid_from": { "description": "First date the key may sign snapshots (inclusive). Omit for no start.", "$ref": "#/$defs/date" }, "valid_until": { "description": "Last date the key may sign snapshots (a bare date is inclusive: valid through the end of that UTC day). Omit for no end.", "$ref": "#/$defs/date" } } } }, "app": { "description": "App verify keys (sga1...) of the Snapgate App. Restore and forget request records are accepted only when signed by one of them, so that someone who can write the store cannot forge approvals. Without it, no request record is accepted.", "type": "array", "items": { "type": "object", "additionalProperties": false, "required": ["key"], "properties": { "key": { "description": "The app verify key printed by `snapgate keygen --app` (sga1...).", "$ref": "#/$defs/appKey" } } } } } }, "tiers": { "description": "Criticality tiers: freshness, approvals and retention. Each environment and component points at one by name.", "type": "object", "minProperties": 1, "additionalProperties": false, "patternProperties": { "^[a-z][a-z0-9_-]{0,62}$": { "$ref": "#/$defs/tier" } } }, "environments": { "description": "Deployment environments; each is a snapshot stream and gets its own gate check run. Names are lower case (a-z, 0-9, '.', '_', '-').", "type": "object", "minProperties": 1, "additionalProperties": false, "patternProperties": { "^[a-z0-9][a-z0-9._-]{0,62}$": { "$ref": "#/$defs/environment" } } }, "components": { "description": "Named groups of files with a tier and an owner. A file belongs to the first component (in this order) among those of the most critical tier whose globs match it.", "type": "array", "default": [], "items": { "$ref": "#/$defs/component" } }, "exclude": { "description": "Globs of transient files never backed up, added after Snapgate's default list (build outputs, caches, .terraform, node_modules, logs, temporary credentials). A glob starting with ! takes a path back in; the last matching glob wins, as in .gitignore.", "type": "array", "default": [], "items": { "$ref": "#/$defs/excludeGlob" } }, "exceptions": { "description": "Accepted gaps in coverage: paths that need no component until the exception expires. An expired exception fails the gate.", "type": "array", "default": [], "items": { "$ref": "#/$defs/exception" } }, "consistency": { "description": "Rules checked at snapshot time that compare values across files (e.g. the app config's db.schemaVersion equals db/VERSION). A failure fails the snapshot unless --allow-inconsistent is given, and is recorded in the manifest.", "type": "array", "default": [], "items": { "$ref": "#/$defs/consistencyRule" } }, "change_tickets": { "description": "Change tickets (CAB correlation): require a change id on snapshots of some tiers and phases, optionally confirmed by the change system.", "type": "object", "additionalProperties": false, "required": ["required_for", "pattern"], "properties": { "required_for": { "description": "For each tier name, the snapshot phases (pre, post, scheduled, manual) that need a change id.", "type": "object", "additionalProperties": false, "patternProperties": { "^[a-z][a-z0-9_-]{0,62}$": { "type": "array", "minItems": 1, "uniqueItems": true, "items": { "enum": ["pre", "post", "scheduled", "manual"] }, "description": "The phases of this tier's snapshots that need a change id." } } }, "pattern": { "description": "A regular expression (JavaScript syntax) a change id must match, e.g. ^CHG[0-9]{7}$.", "type": "string", "minLength": 1, "examples": ["^CHG[0-9]{7}$"] }, "endpoint": { "description": "The change system's HTTP endpoint that confirms a ticket is approved (GET {url}/{change id}; see docs/policy.md for the contract).", "type": "object", "additionalProperties": false, "required": ["url"], "properties": { "url": { "description": "Base URL; the change id is appended as one path segment.", "type": "string", "format": "uri", "pattern": "^https?://", "examples": ["https://change.example.com/api/snapgate/tickets"] }, "timeout": { "description": "How long to wait for an answer before refusing the snapshot.", "$ref": "#/$defs/duration", "default": "10s" }, "token_env": { "description": "Name of the environment variable holding a bearer token for the endpoint (never the token itself).", "type": "string", "pattern": "^[A-Z_][A-Z0-9_]*$", "examples": ["CHANGE_API_TOKEN"] } } } } }, "roles": { "description": "Who may do what, as GitHub users (@alice) or teams (@org/team). Checked live against GitHub at the time of the action.", "type": "object", "additionalProperties": false, "properties": { "restorers": { "description": "Who may request a restore.", "type": "array", "default": [], "uniqueItems": true, "items": { "$ref": "#/$defs/principal" } }, "approvers": { "description": "Who may approve or deny restore and forget requests.", "type": "array", "default": [], "uniqueItems": true, "items": { "$ref": "#/$defs/principal" } }, "auditors": { "description": "Who may read the audit log and compliance reports.", "type": "array", "default": [], "uniqueItems": true, "items": { "$ref": "#/$defs/principal" } } } }, "alerts": { "description": "Health thresholds that raise issues and failing checks.", "type": "object", "additionalProperties": false, "properties": { "late_after": { "description": "Grace after a tier's max_age before a missing snapshot is reported as late.", "$ref": "#/$defs/duration", "default": "15m" }, "consecutive_failures": { "description": "Snapshot job failures in a row that raise an alert.", "type": "integer", "minimum": 1, "default": 2 } } } }, "$defs": { "duration": { "description": "A duration: digits and a unit (s, m = minutes, h, d, w), parts may be combined (1d12h).", "type": "string", "pattern": "^(?:[0-9]+(?:s|m|h|d|w))+$" }, "date": { "description": "A date (YYYY-MM-DD, UTC) or an ISO 8601 time with a zone.", "type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\\.[0-9]+)?)?(?:Z|[+-][0-9]{2}:[0-9]{2}))?$" }, "ageRecipient": { "description": "An age X25519 recipient (age1..., 62 characters).", "type": "string", "pattern": "^age1[02-9ac-hj-np-z]{58}$" }, "writerKey": { "description": "A Snapgate writer verify key (sgw1...).", "type": "string", "pattern": "^sgw1[02-9ac-hj-np-z]{58}$" }, "appKey": { "description": "A Snapgate app verify key (sga1...).", "type": "string", "pattern": "^sga1[02-9ac-hj-np-z]{58}$" }, "user": { "description": "A GitHub user, written @login.", "type": "string", "pattern": "^@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$" }, "principal": { "description": "A GitHub user (@login) or team (@org/team-slug).", "type": "string", "pattern": "^@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:/[A-Za-z0-9][A-Za-z0-9_.-]{0,99})?$" }, "glob": { "description": "A path glob relative to the repository root: * within a path segment, ** across segments, ? one character, [abc] a class, {a,b} alternatives.", "type": "string", "minLength": 1, "pattern": "^[^/!]" }, "excludeGlob": { "description": "A path glob, optionally prefixed with ! to take matching paths back in.", "type": "string", "minLength": 1, "pattern": "^!?[^/!]" }, "name": { "description": "A name: lower case letters, digits, '.', '_' and '-'.", "type": "string", "pattern": "^[a-z0-9][a-z0-9._-]{0,62}$" }, "tierName": { "description": "The name of a tier defined under tiers.", "type": "string", "pattern": "^[a-z][a-z0-9_-]{0,62}$" }, "keepCount": { "description": "How many to keep: a count, 0 (the rule is off), or -1 / unlimited (keep all).", "anyOf": [{ "type": "integer", "minimum": -1 }, { "const": "unlimited" }] }, "tier": { "description": "One tier: how fresh, how many approvals, how long kept.", "type": "object", "additionalProperties": false, "required": ["max_age"], "properties": { "level": { "description": "Criticality, 0 = most critical (tier-0: at least two people accept an exception, every uncovered path fails coverage). Defaults to N when the tier is named tierN; required otherwise.", "type": "integer", "minimum": 0, "maximum": 9 }, "max_age": { "description": "The newest verified snapshot of an environment of this tier must be at most this old for the gate to pass.", "$ref": "#/$defs/duration", "examples": ["24h"] }, "approvals": { "description": "Distinct eligible approvers a restore or forget request needs (the requester excluded). A snapshot takes the most critical tier of any file it holds.", "type": "integer", "minimum": 1, "maximum": 10, "default": 1 }, "request_ttl": { "description": "How long a restore request and its approvals stay valid.", "$ref": "#/$defs/duration", "default": "24h" }, "restore_verification": { "description": "When set, the gate also needs a restore-level verification (or drill) of the environment within this interval.", "$ref": "#/$defs/duration", "examples": ["30d"] }, "rto": { "description": "Recovery time objective: the longest a drill may take from the start of the restore to the end of its validation (`snapgate drill` compares and records it).", "$ref": "#/$defs/duration", "examples": ["1h"] }, "rpo": { "description": "Recovery point objective: the oldest the drilled snapshot may be at the drill (the configuration changes a restore would lose).", "$ref": "#/$defs/duration", "examples": ["24h"] }, "drill_interval": { "description": "When set, the gate also needs a passing, signed recovery drill (`snapgate drill`) of the environment within this interval.", "$ref": "#/$defs/duration", "examples": ["90d"] }, "retention": { "description": "Which snapshots `snapgate forget` keeps. With no keep rule every snapshot is kept.", "type": "object", "additionalProperties": false, "properties": { "keep": { "description": "restic's forget rules, applied per environment, newest first; a snapshot kept by any rule is kept.", "type": "object", "additionalProperties": false, "properties": { "last": { "description": "Keep the newest n snapshots.", "$ref": "#/$defs/keepCount" }, "hourly": { "description": "For the last n hours (UTC) that have snapshots, keep the newest snapshot of each.", "$ref": "#/$defs/keepCount" }, "daily": { "description": "For the last n days (UTC) that have snapshots, keep the newest snapshot of each.", "$ref": "#/$defs/keepCount" }, "weekly": { "description": "For the last n ISO weeks (Monday to Sunday, UTC) that have snapshots, keep the newest snapshot of each.", "$ref": "#/$defs/keepCount" }, "monthly": { "description": "For the last n months (UTC) that have snapshots, keep the newest snapshot of each.", "$ref": "#/$defs/keepCount" }, "yearly": { "description": "For the last n years (UTC) that have snapshots, keep the newest snapshot of each.", "$ref": "#/$defs/keepCount" }, "within": { "description": "Keep every snapshot newer than this duration before the newest snapshot (not before now), in whole hours, days or weeks.", "$ref": "#/$defs/duration", "examples": ["7d"] }, "within_hourly": { "description": "Among the snapshots newer than this duration before the newest snapshot, keep the newest of each hour (UTC), like restic's --keep-within-hourly; whole hours, days or weeks.", "$ref": "#/$defs/duration", "examples": ["2d"] }, "within_daily": { "description": "Among the snapshots newer than this duration before the newest snapshot, keep the newest of each day (UTC), like restic's --keep-within-daily; whole hours, days or weeks.", "$ref": "#/$defs/duration", "examples": ["30d"] }, "within_weekly": { "description": "Among the snapshots newer than this duration before the newest snapshot, keep the newest of each ISO week (UTC), like restic's --keep-within-weekly; whole hours, days or weeks.", "$ref": "#/$defs/duration", "examples": ["12w"] }, "within_monthly": { "description": "Among the snapshots newer than this duration before the newest snapshot, keep the newest of each month (UTC), like restic's --keep-within-monthly; whole hours, days or weeks.", "$ref": "#/$defs/duration", "examples": ["365d"] }, "within_yearly": { "description": "Among the snapshots newer than this duration before the newest snapshot, keep the newest of each year (UTC), like restic's --keep-within-yearly; whole hours, days or weeks.", "$ref": "#/$defs/duration", "examples": ["3650d"] }, "tags": { "description": "Keep snapshots carrying any of these tags (restic's --keep-tag with one tag per list).", "type": "array", "uniqueItems": true, "items": { "$ref": "#/$defs/tag" } } } }, "floor": { "description": "Snapgate's floors: they can only keep more than the keep rules.", "type": "object", "additionalProperties": false, "properties": { "min_age": { "description": "Keep every snapshot younger than this (measured from now).", "$ref": "#/$defs/duration", "examples": ["90d"] }, "min_count": { "description": "Always keep at least the newest n snapshots.", "type": "integer", "minimum": 0 }, "tags": { "description": "Keep every snapshot carrying any of these tags, whatever the keep rules say.", "type": "array", "uniqueItems": true, "items": { "$ref": "#/$defs/tag" } }, "legal_hold": { "description": "While present, no snapshot of this tier is forgotten. Remove it to lift the hold.", "type": "object", "additionalProperties": false, "required": ["reason"], "properties": { "reason": { "description": "Why the hold is in place (matter or case reference).", "type": "string", "minLength": 3 }, "since": { "description": "When the hold was placed (informational).", "$ref": "#/$defs/date" } } } } } } } } }, "tag": { "description": "A snapshot tag.", "type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9._:-]{0,62}$" }, "environment": { "description": "One environment: its tier and where its gate and workflows are.", "type": "object", "additionalProperties": false, "required": ["tier"], "properties": { "tier": { "description": "The tier of the environment; also the tier of its files that belong to no component, or to a component without a tier.", "$ref": "#/$defs/tierName" }, "release_branches": { "description": "Branch globs whose pull requests, pushes and merge queues get this environment's gate check run.", "type": "array", "default": [], "uniqueItems": true, "items": { "type": "string", "minLength": 1 } }, "restore_workflow": { "description": "Workflow file (in .github/workflows) that the app dispatches to restore.", "$ref": "#/$defs/workflowFile" }, "snapshot_workflow": { "description": "Workflow file (in .github/workflows) that the 'Snapshot now' button dispatches.", "$ref": "#/$defs/workflowFile" }, "paths": { "description": "Globs of the files in scope for this environment; all files when omitted. Snapshots and drift checks of the environment that name no paths take these.", "type": "array", "minItems": 1, "items": { "$ref": "#/$defs/glob" } } } }, "workflowFile": { "description": "A workflow file name.", "type": "string", "pattern": "^[A-Za-z0-9._-]+\\.ya?ml$" }, "component": { "description": "One component.", "type": "object", "additionalProperties": false, "required": ["name", "paths"], "properties": { "name": { "description": "Unique component name.", "$ref": "#/$defs/name" }, "paths": { "description": "Globs of the component's files.", "type": "array", "minItems": 1, "items": { "$ref": "#/$defs/glob" } }, "tier": { "description": "The component's tier; the environment's tier when omitted.", "$ref": "#/$defs/tierName" }, "owner": { "description": "Who owns the component (@user or @org/team); recorded per file in manifests.", "$ref": "#/$defs/principal" }, "secret": { "description": "Treat every file of the component as secret (never compressed before encryption), even if its name does not look like a secret.", "type": "boolean", "default": false }, "environments": { "description": "Environments whose snapshots must cover this component; all environments when omitted.", "type": "array", "minItems": 1, "uniqueItems": true, "items": { "$ref": "#/$defs/name" } } } }, "exception": { "description": "One accepted gap in coverage.", "type": "object", "additionalProperties": false, "required": ["paths", "reason", "accepted_by", "expires"], "properties": { "paths": { "description": "Globs of the paths the exception covers.", "type": "array", "minItems": 1, "items": { "$ref": "#/$defs/glob" } }, "reason": { "description": "Why the gap is acceptable.", "type": "string", "minLength": 10 }, "accepted_by": { "description": "People (@login, not teams) who accepted the risk; at least two distinct people when the exception touches a tier-0 environment.", "type": "array", "minItems": 1, "uniqueItems": true, "items": { "$ref": "#/$defs/user" } }, "expires": { "description": "When the exception ends; a bare date means the end of that UTC day. After it, the gate fails until the gap is closed or the exception renewed.", "$ref": "#/$defs/date" }, "environments": { "description": "Environments the exception applies to; all environments when omitted.", "type": "array", "minItems": 1, "uniqueItems": true, "items": { "$ref": "#/$defs/name" } } } }, "valueRef": { "description": "Where a value is read from.", "type": "object", "additionalProperties": false, "required": ["file"], "properties": { "file": { "description": "Path of the file, relative to the repository root.", "type": "string", "minLength": 1, "pattern": "^[^/]" }, "path": { "description": "Where the value sits: a dotted path for yaml/json (db.schemaVersion, servers[0].port), a variable name for env; omit for text (the whole file, trimmed).", "type": "string", "minLength": 1 }, "format": { "description": "How to read the file; from the extension when omitted (.yml/.yaml yaml, .json json, .env or .env.* env, anything else text).", "enum": ["yaml", "json", "env", "text"] } } }, "consistencyRule": { "description": "One consistency rule.", "type": "object", "additionalProperties": false, "required": ["name", "left", "rule"], "properties": { "name": { "description": "Unique rule name, recorded in the manifest.", "$ref": "#/$defs/name" }, "left": { "description": "The value that is checked.", "$ref": "#/$defs/valueRef" }, "right": { "description": "The value it is compared with (equal: the same text; semver: a range the left version must satisfy; regex: what the pattern's first capture group must equal).", "$ref": "#/$defs/valueRef" }, "rule": { "description": "equal: left and right are the same text; semver: left is a version satisfying right (or range); regex: left matches pattern (and its first group equals right, when given).", "enum": ["equal", "semver", "regex"] }, "pattern": { "description": "For rule regex: a JavaScript regular expression the left value must match.", "type": "string", "minLength": 1 }, "range": { "description": "For rule semver without right: the semver range the left version must satisfy, e.g. >=1.4.0 <2.", "type": "string", "minLength": 1 } } } } };
var schema32 = { "description": "An age X25519 recipient (age1..., 62 characters).", "type": "string", "pattern": "^age1[02-9ac-hj-np-z]{58}$" };
var schema33 = { "description": "A Snapgate writer verify key (sgw1...).", "type": "string", "pattern": "^sgw1[02-9ac-hj-np-z]{58}$" };
var schema34 = { "description": "A date (YYYY-MM-DD, UTC) or an ISO 8601 time with a zone.", "type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\\.[0-9]+)?)?(?:Z|[+-][0-9]{2}:[0-9]{2}))?$" };
var schema36 = { "description": "A Snapgate app verify key (sga1...).", "type": "string", "pattern": "^sga1[02-9ac-hj-np-z]{58}$" };
var schema71 = { "description": "A path glob, optionally prefixed with ! to take matching paths back in.", "type": "string", "minLength": 1, "pattern": "^!?[^/!]" };
var schema38 = { "description": "A duration: digits and a unit (s, m = minutes, h, d, w), parts may be combined (1d12h).", "type": "string", "pattern": "^(?:[0-9]+(?:s|m|h|d|w))+$" };
var schema69 = { "description": "A GitHub user (@login) or team (@org/team-slug).", "type": "string", "pattern": "^@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:/[A-Za-z0-9][A-Za-z0-9_.-]{0,99})?$" };
var func1 = Object.prototype.hasOwnProperty;
var func2 = __ajvRuntime0.default;
var func0 = __ajvRuntime1.default;
var pattern4 = new RegExp("^(?:[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}/)?[-_.A-Za-z0-9]+(?::[-_./A-Za-z0-9]+\\.ya?ml)?$", "u");
var pattern5 = new RegExp("^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}/[-_.A-Za-z0-9]{1,100}$", "u");
var pattern6 = new RegExp("^age1[02-9ac-hj-np-z]{58}$", "u");
var pattern7 = new RegExp("^sgw1[02-9ac-hj-np-z]{58}$", "u");
var pattern8 = new RegExp("^[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\\.[0-9]+)?)?(?:Z|[+-][0-9]{2}:[0-9]{2}))?$", "u");
var pattern10 = new RegExp("^sga1[02-9ac-hj-np-z]{58}$", "u");
var pattern11 = new RegExp("^[a-z][a-z0-9_-]{0,62}$", "u");
var pattern29 = new RegExp("^[a-z0-9][a-z0-9._-]{0,62}$", "u");
var pattern40 = new RegExp("^!?[^/!]", "u");
var pattern50 = new RegExp("^https?://", "u");
var pattern13 = new RegExp("^(?:[0-9]+(?:s|m|h|d|w))+$", "u");
var pattern52 = new RegExp("^[A-Z_][A-Z0-9_]*$", "u");
var pattern38 = new RegExp("^@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:/[A-Za-z0-9][A-Za-z0-9_.-]{0,99})?$", "u");
var schema37 = { "description": "One tier: how fresh, how many approvals, how long kept.", "type": "object", "additionalProperties": false, "required": ["max_age"], "properties": { "level": { "description": "Criticality, 0 = most critical (tier-0: at least two people accept an exception, every uncovered path fails coverage). Defaults to N when the tier is named tierN; required otherwise.", "type": "integer", "minimum": 0, "maximum": 9 }, "max_age": { "description": "The newest verified snapshot of an environment of this tier must be at most this old for the gate to pass.", "$ref": "#/$defs/duration", "examples": ["24h"] }, "approvals": { "description": "Distinct eligible approvers a restore or forget request needs (the requester excluded). A snapshot takes the most critical tier of any file it holds.", "type": "integer", "minimum": 1, "maximum": 10, "default": 1 }, "request_ttl": { "description": "How long a restore request and its approvals stay valid.", "$ref": "#/$defs/duration", "default": "24h" }, "restore_verification": { "description": "When set, the gate also needs a restore-level verification (or drill) of the environment within this interval.", "$ref": "#/$defs/duration", "examples": ["30d"] }, "rto": { "description": "Recovery time objective: the longest a drill may take from the start of the restore to the end of its validation (`snapgate drill` compares and records it).", "$ref": "#/$defs/duration", "examples": ["1h"] }, "rpo": { "description": "Recovery point objective: the oldest the drilled snapshot may be at the drill (the configuration changes a restore would lose).", "$ref": "#/$defs/duration", "examples": ["24h"] }, "drill_interval": { "description": "When set, the gate also needs a passing, signed recovery drill (`snapgate drill`) of the environment within this interval.", "$ref": "#/$defs/duration", "examples": ["90d"] }, "retention": { "description": "Which snapshots `snapgate forget` keeps. With no keep rule every snapshot is kept.", "type": "object", "additionalProperties": false, "properties": { "keep": { "description": "restic's forget rules, applied per environment, newest first; a snapshot kept by any rule is kept.", "type": "object", "additionalProperties": false, "properties": { "last": { "description": "Keep the newest n snapshots.", "$ref": "#/$defs/keepCount" }, "hourly": { "description": "For the last n hours (UTC) that have snapshots, keep the newest snapshot of each.", "$ref": "#/$defs/keepCount" }, "daily": { "description": "For the last n days (UTC) that have snapshots, keep the newest snapshot of each.", "$ref": "#/$defs/keepCount" }, "weekly": { "description": "For the last n ISO weeks (Monday to Sunday, UTC) that have snapshots, keep the newest snapshot of each.", "$ref": "#/$defs/keepCount" }, "monthly": { "description": "For the last n months (UTC) that have snapshots, keep the newest snapshot of each.", "$ref": "#/$defs/keepCount" }, "yearly": { "description": "For the last n years (UTC) that have snapshots, keep the newest snapshot of each.", "$ref": "#/$defs/keepCount" }, "within": { "description": "Keep every snapshot newer than this duration before the newest snapshot (not before now), in whole hours, days or weeks.", "$ref": "#/$defs/duration", "examples": ["7d"] }, "within_hourly": { "description": "Among the snapshots newer than this duration before the newest snapshot, keep the newest of each hour (UTC), like restic's --keep-within-hourly; whole hours, days or weeks.", "$ref": "#/$defs/duration", "examples": ["2d"] }, "within_daily": { "description": "Among the snapshots newer than this duration before the newest snapshot, keep the newest of each day (UTC), like restic's --keep-within-daily; whole hours, days or weeks.", "$ref": "#/$defs/duration", "examples": ["30d"] }, "within_weekly": { "description": "Among the snapshots newer than this duration before the newest snapshot, keep the newest of each ISO week (UTC), like restic's --keep-within-weekly; whole hours, days or weeks.", "$ref": "#/$defs/duration", "examples": ["12w"] }, "within_monthly": { "description": "Among the snapshots newer than this duration before the newest snapshot, keep the newest of each month (UTC), like restic's --keep-within-monthly; whole hours, days or weeks.", "$ref": "#/$defs/duration", "examples": ["365d"] }, "within_yearly": { "description": "Among the snapshots newer than this duration before the newest snapshot, keep the newest of each year (UTC), like restic's --keep-within-yearly; whole hours, days or weeks.", "$ref": "#/$defs/duration", "examples": ["3650d"] }, "tags": { "description": "Keep snapshots carrying any of these tags (restic's --keep-tag with one tag per list).", "type": "array", "uniqueItems": true, "items": { "$ref": "#/$defs/tag" } } } }, "floor": { "description": "Snapgate's floors: they can only keep more than the keep rules.", "type": "object", "additionalProperties": false, "properties": { "min_age": { "description": "Keep every snapshot younger than this (measured from now).", "$ref": "#/$defs/duration", "examples": ["90d"] }, "min_count": { "description": "Always keep at least the newest n snapshots.", "type": "integer", "minimum": 0 }, "tags": { "description": "Keep every snapshot carrying any of these tags, whatever the keep rules say.", "type": "array", "uniqueItems": true, "items": { "$ref": "#/$defs/tag" } }, "legal_hold": { "description": "While present, no snapshot of this tier is forgotten. Remove it to lift the hold.", "type": "object", "additionalProperties": false, "required": ["reason"], "properties": { "reason": { "description": "Why the hold is in place (matter or case reference).", "type": "string", "minLength": 3 }, "since": { "description": "When the hold was placed (informational).", "$ref": "#/$defs/date" } } } } } } } } };
var schema44 = { "description": "How many to keep: a count, 0 (the rule is off), or -1 / unlimited (keep all).", "anyOf": [{ "type": "integer", "minimum": -1 }, { "const": "unlimited" }] };
var schema56 = { "description": "A snapshot tag.", "type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9._:-]{0,62}$" };
var pattern25 = new RegExp("^[A-Za-z0-9][A-Za-z0-9._:-]{0,62}$", "u");
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
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "max_age" }, message: "must have required property 'max_age'", schema: schema37.required, parentSchema: schema37, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!func1.call(schema37.properties, key0)) {
        const err1 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema37, data };
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
        const err2 = { instancePath: instancePath + "/level", schemaPath: "#/properties/level/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema37.properties.level.type, parentSchema: schema37.properties.level, data: data0 };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
      if (typeof data0 == "number" && isFinite(data0)) {
        if (data0 > 9 || isNaN(data0)) {
          const err3 = { instancePath: instancePath + "/level", schemaPath: "#/properties/level/maximum", keyword: "maximum", params: { comparison: "<=", limit: 9 }, message: "must be <= 9", schema: 9, parentSchema: schema37.properties.level, data: data0 };
          if (vErrors === null) {
            vErrors = [err3];
          } else {
            vErrors.push(err3);
          }
          errors++;
        }
        if (data0 < 0 || isNaN(data0)) {
          const err4 = { instancePath: instancePath + "/level", schemaPath: "#/properties/level/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema37.properties.level, data: data0 };
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
        if (!pattern13.test(data1)) {
          const err5 = { instancePath: instancePath + "/max_age", schemaPath: "#/$defs/duration/pattern", keyword: "pattern", params: { pattern: "^(?:[0-9]+(?:s|m|h|d|w))+$" }, message: 'must match pattern "^(?:[0-9]+(?:s|m|h|d|w))+$"', schema: "^(?:[0-9]+(?:s|m|h|d|w))+$", parentSchema: schema38, data: data1 };
          if (vErrors === null) {
            vErrors = [err5];
          } else {
            vErrors.push(err5);
          }
          errors++;
        }
      } else {
        const err6 = { instancePath: instancePath + "/max_age", schemaPath: "#/$defs/duration/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema38.type, parentSchema: schema38, data: data1 };
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
        const err7 = { instancePath: instancePath + "/approvals", schemaPath: "#/properties/approvals/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema37.properties.approvals.type, parentSchema: schema37.properties.approvals, data: data2 };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
      if (typeof data2 == "number" && isFinite(data2)) {
        if (data2 > 10 || isNaN(data2)) {
          const err8 = { instancePath: instancePath + "/approvals", schemaPath: "#/properties/approvals/maximum", keyword: "maximum", params: { comparison: "<=", limit: 10 }, message: "must be <= 10", schema: 10, parentSchema: schema37.properties.approvals, data: data2 };
          if (vErrors === null) {
            vErrors = [err8];
          } else {
            vErrors.push(err8);
          }
          errors++;
        }
        if (data2 < 1 || isNaN(data2)) {
          const err9 = { instancePath: instancePath + "/approvals", schemaPath: "#/properties/approvals/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema37.properties.approvals, data: data2 };
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
        if (!pattern13.test(data3)) {
          const err10 = { instancePath: instancePath + "/request_ttl", schemaPath: "#/$defs/duration/pattern", keyword: "pattern", params: { pattern: "^(?:[0-9]+(?:s|m|h|d|w))+$" }, message: 'must match pattern "^(?:[0-9]+(?:s|m|h|d|w))+$"', schema: "^(?:[0-9]+(?:s|m|h|d|w))+$", parentSchema: schema38, data: data3 };
          if (vErrors === null) {
            vErrors = [err10];
          } else {
            vErrors.push(err10);
          }
          errors++;
        }
      } else {
        const err11 = { instancePath: instancePath + "/request_ttl", schemaPath: "#/$defs/duration/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema38.type, parentSchema: schema38, data: data3 };
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
        if (!pattern13.test(data4)) {
          const err12 = { instancePath: instancePath + "/restore_verification", schemaPath: "#/$defs/duration/pattern", keyword: "pattern", params: { pattern: "^(?:[0-9]+(?:s|m|h|d|w))+$" }, message: 'must match pattern "^(?:[0-9]+(?:s|m|h|d|w))+$"', schema: "^(?:[0-9]+(?:s|m|h|d|w))+$", parentSchema: schema38, data: data4 };
          if (vErrors === null) {
            vErrors = [err12];
          } else {
            vErrors.push(err12);
          }
          errors++;
        }
      } else {
        const err13 = { instancePath: instancePath + "/restore_verification", schemaPath: "#/$defs/duration/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema38.type, parentSchema: schema38, data: data4 };
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
        if (!pattern13.test(data5)) {
          const err14 = { instancePath: instancePath + "/rto", schemaPath: "#/$defs/duration/pattern", keyword: "pattern", params: { pattern: "^(?:[0-9]+(?:s|m|h|d|w))+$" }, message: 'must match pattern "^(?:[0-9]+(?:s|m|h|d|w))+$"', schema: "^(?:[0-9]+(?:s|m|h|d|w))+$", parentSchema: schema38, data: data5 };
          if (vErrors === null) {
            vErrors = [err14];
          } else {
            vErrors.push(err14);
          }
          errors++;
        }
      } else {
        const err15 = { instancePath: instancePath + "/rto", schemaPath: "#/$defs/duration/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema38.type, parentSchema: schema38, data: data5 };
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
        if (!pattern13.test(data6)) {
          const err16 = { instancePath: instancePath + "/rpo", schemaPath: "#/$defs/duration/pattern", keyword: "pattern", params: { pattern: "^(?:[0-9]+(?:s|m|h|d|w))+$" }, message: 'must match pattern "^(?:[0-9]+(?:s|m|h|d|w))+$"', schema: "^(?:[0-9]+(?:s|m|h|d|w))+$", parentSchema: schema38, data: data6 };
          if (vErrors === null) {
            vErrors = [err16];
          } else {
            vErrors.push(err16);
          }
          errors++;
        }
      } else {
        const err17 = { instancePath: instancePath + "/rpo", schemaPath: "#/$defs/duration/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema38.type, parentSchema: schema38, data: data6 };
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
        if (!pattern13.test(data7)) {
          const err18 = { instancePath: instancePath + "/drill_interval", schemaPath: "#/$defs/duration/pattern", keyword: "pattern", params: { pattern: "^(?:[0-9]+(?:s|m|h|d|w))+$" }, message: 'must match pattern "^(?:[0-9]+(?:s|m|h|d|w))+$"', schema: "^(?:[0-9]+(?:s|m|h|d|w))+$", parentSchema: schema38, data: data7 };
          if (vErrors === null) {
            vErrors = [err18];
          } else {
            vErrors.push(err18);
          }
          errors++;
        }
      } else {
        const err19 = { instancePath: instancePath + "/drill_interval", schemaPath: "#/$defs/duration/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema38.type, parentSchema: schema38, data: data7 };
        if (vErrors === null) {
          vErrors = [err19];
        } else {
          vErrors.push(err19);
        }
        errors++;
      }
    }
    if (data.retention !== void 0) {
      let data8 = data.retention;
      if (data8 && typeof data8 == "object" && !Array.isArray(data8)) {
        for (const key1 in data8) {
          if (!(key1 === "keep" || key1 === "floor")) {
            const err20 = { instancePath: instancePath + "/retention", schemaPath: "#/properties/retention/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties", schema: false, parentSchema: schema37.properties.retention, data: data8 };
            if (vErrors === null) {
              vErrors = [err20];
            } else {
              vErrors.push(err20);
            }
            errors++;
          }
        }
        if (data8.keep !== void 0) {
          let data9 = data8.keep;
          if (data9 && typeof data9 == "object" && !Array.isArray(data9)) {
            for (const key2 in data9) {
              if (!func1.call(schema37.properties.retention.properties.keep.properties, key2)) {
                const err21 = { instancePath: instancePath + "/retention/keep", schemaPath: "#/properties/retention/properties/keep/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties", schema: false, parentSchema: schema37.properties.retention.properties.keep, data: data9 };
                if (vErrors === null) {
                  vErrors = [err21];
                } else {
                  vErrors.push(err21);
                }
                errors++;
              }
            }
            if (data9.last !== void 0) {
              let data10 = data9.last;
              const _errs32 = errors;
              let valid10 = false;
              const _errs33 = errors;
              if (!(typeof data10 == "number" && (!(data10 % 1) && !isNaN(data10)) && isFinite(data10))) {
                const err22 = { instancePath: instancePath + "/retention/keep/last", schemaPath: "#/$defs/keepCount/anyOf/0/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema44.anyOf[0].type, parentSchema: schema44.anyOf[0], data: data10 };
                if (vErrors === null) {
                  vErrors = [err22];
                } else {
                  vErrors.push(err22);
                }
                errors++;
              }
              if (typeof data10 == "number" && isFinite(data10)) {
                if (data10 < -1 || isNaN(data10)) {
                  const err23 = { instancePath: instancePath + "/retention/keep/last", schemaPath: "#/$defs/keepCount/anyOf/0/minimum", keyword: "minimum", params: { comparison: ">=", limit: -1 }, message: "must be >= -1", schema: -1, parentSchema: schema44.anyOf[0], data: data10 };
                  if (vErrors === null) {
                    vErrors = [err23];
                  } else {
                    vErrors.push(err23);
                  }
                  errors++;
                }
              }
              var _valid0 = _errs33 === errors;
              valid10 = valid10 || _valid0;
              const _errs35 = errors;
              if ("unlimited" !== data10) {
                const err24 = { instancePath: instancePath + "/retention/keep/last", schemaPath: "#/$defs/keepCount/anyOf/1/const", keyword: "const", params: { allowedValue: "unlimited" }, message: "must be equal to constant", schema: "unlimited", parentSchema: schema44.anyOf[1], data: data10 };
                if (vErrors === null) {
                  vErrors = [err24];
                } else {
                  vErrors.push(err24);
                }
                errors++;
              }
              var _valid0 = _errs35 === errors;
              valid10 = valid10 || _valid0;
              if (!valid10) {
                const err25 = { instancePath: instancePath + "/retention/keep/last", schemaPath: "#/$defs/keepCount/anyOf", keyword: "anyOf", params: {}, message: "must match a schema in anyOf", schema: schema44.anyOf, parentSchema: schema44, data: data10 };
                if (vErrors === null) {
                  vErrors = [err25];
                } else {
                  vErrors.push(err25);
                }
                errors++;
              } else {
                errors = _errs32;
                if (vErrors !== null) {
                  if (_errs32) {
                    vErrors.length = _errs32;
                  } else {
                    vErrors = null;
                  }
                }
              }
            }
            if (data9.hourly !== void 0) {
              let data11 = data9.hourly;
              const _errs38 = errors;
              let valid12 = false;
              const _errs39 = errors;
              if (!(typeof data11 == "number" && (!(data11 % 1) && !isNaN(data11)) && isFinite(data11))) {
                const err26 = { instancePath: instancePath + "/retention/keep/hourly", schemaPath: "#/$defs/keepCount/anyOf/0/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema44.anyOf[0].type, parentSchema: schema44.anyOf[0], data: data11 };
                if (vErrors === null) {
                  vErrors = [err26];
                } else {
                  vErrors.push(err26);
                }
                errors++;
              }
              if (typeof data11 == "number" && isFinite(data11)) {
                if (data11 < -1 || isNaN(data11)) {
                  const err27 = { instancePath: instancePath + "/retention/keep/hourly", schemaPath: "#/$defs/keepCount/anyOf/0/minimum", keyword: "minimum", params: { comparison: ">=", limit: -1 }, message: "must be >= -1", schema: -1, parentSchema: schema44.anyOf[0], data: data11 };
                  if (vErrors === null) {
                    vErrors = [err27];
                  } else {
                    vErrors.push(err27);
                  }
                  errors++;
                }
              }
              var _valid1 = _errs39 === errors;
              valid12 = valid12 || _valid1;
              const _errs41 = errors;
              if ("unlimited" !== data11) {
                const err28 = { instancePath: instancePath + "/retention/keep/hourly", schemaPath: "#/$defs/keepCount/anyOf/1/const", keyword: "const", params: { allowedValue: "unlimited" }, message: "must be equal to constant", schema: "unlimited", parentSchema: schema44.anyOf[1], data: data11 };
                if (vErrors === null) {
                  vErrors = [err28];
                } else {
                  vErrors.push(err28);
                }
                errors++;
              }
              var _valid1 = _errs41 === errors;
              valid12 = valid12 || _valid1;
              if (!valid12) {
                const err29 = { instancePath: instancePath + "/retention/keep/hourly", schemaPath: "#/$defs/keepCount/anyOf", keyword: "anyOf", params: {}, message: "must match a schema in anyOf", schema: schema44.anyOf, parentSchema: schema44, data: data11 };
                if (vErrors === null) {
                  vErrors = [err29];
                } else {
                  vErrors.push(err29);
                }
                errors++;
              } else {
                errors = _errs38;
                if (vErrors !== null) {
                  if (_errs38) {
                    vErrors.length = _errs38;
                  } else {
                    vErrors = null;
                  }
                }
              }
            }
            if (data9.daily !== void 0) {
              let data12 = data9.daily;
              const _errs44 = errors;
              let valid14 = false;
              const _errs45 = errors;
              if (!(typeof data12 == "number" && (!(data12 % 1) && !isNaN(data12)) && isFinite(data12))) {
                const err30 = { instancePath: instancePath + "/retention/keep/daily", schemaPath: "#/$defs/keepCount/anyOf/0/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema44.anyOf[0].type, parentSchema: schema44.anyOf[0], data: data12 };
                if (vErrors === null) {
                  vErrors = [err30];
                } else {
                  vErrors.push(err30);
                }
                errors++;
              }
              if (typeof data12 == "number" && isFinite(data12)) {
                if (data12 < -1 || isNaN(data12)) {
                  const err31 = { instancePath: instancePath + "/retention/keep/daily", schemaPath: "#/$defs/keepCount/anyOf/0/minimum", keyword: "minimum", params: { comparison: ">=", limit: -1 }, message: "must be >= -1", schema: -1, parentSchema: schema44.anyOf[0], data: data12 };
                  if (vErrors === null) {
                    vErrors = [err31];
                  } else {
                    vErrors.push(err31);
                  }
                  errors++;
                }
              }
              var _valid2 = _errs45 === errors;
              valid14 = valid14 || _valid2;
              const _errs47 = errors;
              if ("unlimited" !== data12) {
                const err32 = { instancePath: instancePath + "/retention/keep/daily", schemaPath: "#/$defs/keepCount/anyOf/1/const", keyword: "const", params: { allowedValue: "unlimited" }, message: "must be equal to constant", schema: "unlimited", parentSchema: schema44.anyOf[1], data: data12 };
                if (vErrors === null) {
                  vErrors = [err32];
                } else {
                  vErrors.push(err32);
                }
                errors++;
              }
              var _valid2 = _errs47 === errors;
              valid14 = valid14 || _valid2;
              if (!valid14) {
                const err33 = { instancePath: instancePath + "/retention/keep/daily", schemaPath: "#/$defs/keepCount/anyOf", keyword: "anyOf", params: {}, message: "must match a schema in anyOf", schema: schema44.anyOf, parentSchema: schema44, data: data12 };
                if (vErrors === null) {
                  vErrors = [err33];
                } else {
                  vErrors.push(err33);
                }
                errors++;
              } else {
                errors = _errs44;
                if (vErrors !== null) {
                  if (_errs44) {
                    vErrors.length = _errs44;
                  } else {
                    vErrors = null;
                  }
                }
              }
            }
            if (data9.weekly !== void 0) {
              let data13 = data9.weekly;
              const _errs50 = errors;
              let valid16 = false;
              const _errs51 = errors;
              if (!(typeof data13 == "number" && (!(data13 % 1) && !isNaN(data13)) && isFinite(data13))) {
                const err34 = { instancePath: instancePath + "/retention/keep/weekly", schemaPath: "#/$defs/keepCount/anyOf/0/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema44.anyOf[0].type, parentSchema: schema44.anyOf[0], data: data13 };
                if (vErrors === null) {
                  vErrors = [err34];
                } else {
                  vErrors.push(err34);
                }
                errors++;
              }
              if (typeof data13 == "number" && isFinite(data13)) {
                if (data13 < -1 || isNaN(data13)) {
                  const err35 = { instancePath: instancePath + "/retention/keep/weekly", schemaPath: "#/$defs/keepCount/anyOf/0/minimum", keyword: "minimum", params: { comparison: ">=", limit: -1 }, message: "must be >= -1", schema: -1, parentSchema: schema44.anyOf[0], data: data13 };
                  if (vErrors === null) {
                    vErrors = [err35];
                  } else {
                    vErrors.push(err35);
                  }
                  errors++;
                }
              }
              var _valid3 = _errs51 === errors;
              valid16 = valid16 || _valid3;
              const _errs53 = errors;
              if ("unlimited" !== data13) {
                const err36 = { instancePath: instancePath + "/retention/keep/weekly", schemaPath: "#/$defs/keepCount/anyOf/1/const", keyword: "const", params: { allowedValue: "unlimited" }, message: "must be equal to constant", schema: "unlimited", parentSchema: schema44.anyOf[1], data: data13 };
                if (vErrors === null) {
                  vErrors = [err36];
                } else {
                  vErrors.push(err36);
                }
                errors++;
              }
              var _valid3 = _errs53 === errors;
              valid16 = valid16 || _valid3;
              if (!valid16) {
                const err37 = { instancePath: instancePath + "/retention/keep/weekly", schemaPath: "#/$defs/keepCount/anyOf", keyword: "anyOf", params: {}, message: "must match a schema in anyOf", schema: schema44.anyOf, parentSchema: schema44, data: data13 };
                if (vErrors === null) {
                  vErrors = [err37];
                } else {
                  vErrors.push(err37);
                }
                errors++;
              } else {
                errors = _errs50;
                if (vErrors !== null) {
                  if (_errs50) {
                    vErrors.length = _errs50;
                  } else {
                    vErrors = null;
                  }
                }
              }
            }
            if (data9.monthly !== void 0) {
              let data14 = data9.monthly;
              const _errs56 = errors;
              let valid18 = false;
              const _errs57 = errors;
              if (!(typeof data14 == "number" && (!(data14 % 1) && !isNaN(data14)) && isFinite(data14))) {
                const err38 = { instancePath: instancePath + "/retention/keep/monthly", schemaPath: "#/$defs/keepCount/anyOf/0/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema44.anyOf[0].type, parentSchema: schema44.anyOf[0], data: data14 };
                if (vErrors === null) {
                  vErrors = [err38];
                } else {
                  vErrors.push(err38);
                }
                errors++;
              }
              if (typeof data14 == "number" && isFinite(data14)) {
                if (data14 < -1 || isNaN(data14)) {
                  const err39 = { instancePath: instancePath + "/retention/keep/monthly", schemaPath: "#/$defs/keepCount/anyOf/0/minimum", keyword: "minimum", params: { comparison: ">=", limit: -1 }, message: "must be >= -1", schema: -1, parentSchema: schema44.anyOf[0], data: data14 };
                  if (vErrors === null) {
                    vErrors = [err39];
                  } else {
                    vErrors.push(err39);
                  }
                  errors++;
                }
              }
              var _valid4 = _errs57 === errors;
              valid18 = valid18 || _valid4;
              const _errs59 = errors;
              if ("unlimited" !== data14) {
                const err40 = { instancePath: instancePath + "/retention/keep/monthly", schemaPath: "#/$defs/keepCount/anyOf/1/const", keyword: "const", params: { allowedValue: "unlimited" }, message: "must be equal to constant", schema: "unlimited", parentSchema: schema44.anyOf[1], data: data14 };
                if (vErrors === null) {
                  vErrors = [err40];
                } else {
                  vErrors.push(err40);
                }
                errors++;
              }
              var _valid4 = _errs59 === errors;
              valid18 = valid18 || _valid4;
              if (!valid18) {
                const err41 = { instancePath: instancePath + "/retention/keep/monthly", schemaPath: "#/$defs/keepCount/anyOf", keyword: "anyOf", params: {}, message: "must match a schema in anyOf", schema: schema44.anyOf, parentSchema: schema44, data: data14 };
                if (vErrors === null) {
                  vErrors = [err41];
                } else {
                  vErrors.push(err41);
                }
                errors++;
              } else {
                errors = _errs56;
                if (vErrors !== null) {
                  if (_errs56) {
                    vErrors.length = _errs56;
                  } else {
                    vErrors = null;
                  }
                }
              }
            }
            if (data9.yearly !== void 0) {
              let data15 = data9.yearly;
              const _errs62 = errors;
              let valid20 = false;
              const _errs63 = errors;
              if (!(typeof data15 == "number" && (!(data15 % 1) && !isNaN(data15)) && isFinite(data15))) {
                const err42 = { instancePath: instancePath + "/retention/keep/yearly", schemaPath: "#/$defs/keepCount/anyOf/0/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema44.anyOf[0].type, parentSchema: schema44.anyOf[0], data: data15 };
                if (vErrors === null) {
                  vErrors = [err42];
                } else {
                  vErrors.push(err42);
                }
                errors++;
              }
              if (typeof data15 == "number" && isFinite(data15)) {
                if (data15 < -1 || isNaN(data15)) {
                  const err43 = { instancePath: instancePath + "/retention/keep/yearly", schemaPath: "#/$defs/keepCount/anyOf/0/minimum", keyword: "minimum", params: { comparison: ">=", limit: -1 }, message: "must be >= -1", schema: -1, parentSchema: schema44.anyOf[0], data: data15 };
                  if (vErrors === null) {
                    vErrors = [err43];
                  } else {
                    vErrors.push(err43);
                  }
                  errors++;
                }
              }
              var _valid5 = _errs63 === errors;
              valid20 = valid20 || _valid5;
              const _errs65 = errors;
              if ("unlimited" !== data15) {
                const err44 = { instancePath: instancePath + "/retention/keep/yearly", schemaPath: "#/$defs/keepCount/anyOf/1/const", keyword: "const", params: { allowedValue: "unlimited" }, message: "must be equal to constant", schema: "unlimited", parentSchema: schema44.anyOf[1], data: data15 };
                if (vErrors === null) {
                  vErrors = [err44];
                } else {
                  vErrors.push(err44);
                }
                errors++;
              }
              var _valid5 = _errs65 === errors;
              valid20 = valid20 || _valid5;
              if (!valid20) {
                const err45 = { instancePath: instancePath + "/retention/keep/yearly", schemaPath: "#/$defs/keepCount/anyOf", keyword: "anyOf", params: {}, message: "must match a schema in anyOf", schema: schema44.anyOf, parentSchema: schema44, data: data15 };
                if (vErrors === null) {
                  vErrors = [err45];
                } else {
                  vErrors.push(err45);
                }
                errors++;
              } else {
                errors = _errs62;
                if (vErrors !== null) {
                  if (_errs62) {
                    vErrors.length = _errs62;
                  } else {
                    vErrors = null;
                  }
                }
              }
            }
            if (data9.within !== void 0) {
              let data16 = data9.within;
              if (typeof data16 === "string") {
                if (!pattern13.test(data16)) {
                  const err46 = { instancePath: instancePath + "/retention/keep/within", schemaPath: "#/$defs/duration/pattern", keyword: "pattern", params: { pattern: "^(?:[0-9]+(?:s|m|h|d|w))+$" }, message: 'must match pattern "^(?:[0-9]+(?:s|m|h|d|w))+$"', schema: "^(?:[0-9]+(?:s|m|h|d|w))+$", parentSchema: schema38, data: data16 };
                  if (vErrors === null) {
                    vErrors = [err46];
                  } else {
                    vErrors.push(err46);
                  }
                  errors++;
                }
              } else {
                const err47 = { instancePath: instancePath + "/retention/keep/within", schemaPath: "#/$defs/duration/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema38.type, parentSchema: schema38, data: data16 };
                if (vErrors === null) {
                  vErrors = [err47];
                } else {
                  vErrors.push(err47);
                }
                errors++;
              }
            }
            if (data9.within_hourly !== void 0) {
              let data17 = data9.within_hourly;
              if (typeof data17 === "string") {
                if (!pattern13.test(data17)) {
                  const err48 = { instancePath: instancePath + "/retention/keep/within_hourly", schemaPath: "#/$defs/duration/pattern", keyword: "pattern", params: { pattern: "^(?:[0-9]+(?:s|m|h|d|w))+$" }, message: 'must match pattern "^(?:[0-9]+(?:s|m|h|d|w))+$"', schema: "^(?:[0-9]+(?:s|m|h|d|w))+$", parentSchema: schema38, data: data17 };
                  if (vErrors === null) {
                    vErrors = [err48];
                  } else {
                    vErrors.push(err48);
                  }
                  errors++;
                }
              } else {
                const err49 = { instancePath: instancePath + "/retention/keep/within_hourly", schemaPath: "#/$defs/duration/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema38.type, parentSchema: schema38, data: data17 };
                if (vErrors === null) {
                  vErrors = [err49];
                } else {
                  vErrors.push(err49);
                }
                errors++;
              }
            }
            if (data9.within_daily !== void 0) {
              let data18 = data9.within_daily;
              if (typeof data18 === "string") {
                if (!pattern13.test(data18)) {
                  const err50 = { instancePath: instancePath + "/retention/keep/within_daily", schemaPath: "#/$defs/duration/pattern", keyword: "pattern", params: { pattern: "^(?:[0-9]+(?:s|m|h|d|w))+$" }, message: 'must match pattern "^(?:[0-9]+(?:s|m|h|d|w))+$"', schema: "^(?:[0-9]+(?:s|m|h|d|w))+$", parentSchema: schema38, data: data18 };
                  if (vErrors === null) {
                    vErrors = [err50];
                  } else {
                    vErrors.push(err50);
                  }
                  errors++;
                }
              } else {
                const err51 = { instancePath: instancePath + "/retention/keep/within_daily", schemaPath: "#/$defs/duration/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema38.type, parentSchema: schema38, data: data18 };
                if (vErrors === null) {
                  vErrors = [err51];
                } else {
                  vErrors.push(err51);
                }
                errors++;
              }
            }
            if (data9.within_weekly !== void 0) {
              let data19 = data9.within_weekly;
              if (typeof data19 === "string") {
                if (!pattern13.test(data19)) {
                  const err52 = { instancePath: instancePath + "/retention/keep/within_weekly", schemaPath: "#/$defs/duration/pattern", keyword: "pattern", params: { pattern: "^(?:[0-9]+(?:s|m|h|d|w))+$" }, message: 'must match pattern "^(?:[0-9]+(?:s|m|h|d|w))+$"', schema: "^(?:[0-9]+(?:s|m|h|d|w))+$", parentSchema: schema38, data: data19 };
                  if (vErrors === null) {
                    vErrors = [err52];
                  } else {
                    vErrors.push(err52);
                  }
                  errors++;
                }
              } else {
                const err53 = { instancePath: instancePath + "/retention/keep/within_weekly", schemaPath: "#/$defs/duration/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema38.type, parentSchema: schema38, data: data19 };
                if (vErrors === null) {
                  vErrors = [err53];
                } else {
                  vErrors.push(err53);
                }
                errors++;
              }
            }
            if (data9.within_monthly !== void 0) {
              let data20 = data9.within_monthly;
              if (typeof data20 === "string") {
                if (!pattern13.test(data20)) {
                  const err54 = { instancePath: instancePath + "/retention/keep/within_monthly", schemaPath: "#/$defs/duration/pattern", keyword: "pattern", params: { pattern: "^(?:[0-9]+(?:s|m|h|d|w))+$" }, message: 'must match pattern "^(?:[0-9]+(?:s|m|h|d|w))+$"', schema: "^(?:[0-9]+(?:s|m|h|d|w))+$", parentSchema: schema38, data: data20 };
                  if (vErrors === null) {
                    vErrors = [err54];
                  } else {
                    vErrors.push(err54);
                  }
                  errors++;
                }
              } else {
                const err55 = { instancePath: instancePath + "/retention/keep/within_monthly", schemaPath: "#/$defs/duration/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema38.type, parentSchema: schema38, data: data20 };
                if (vErrors === null) {
                  vErrors = [err55];
                } else {
                  vErrors.push(err55);
                }
                errors++;
              }
            }
            if (data9.within_yearly !== void 0) {
              let data21 = data9.within_yearly;
              if (typeof data21 === "string") {
                if (!pattern13.test(data21)) {
                  const err56 = { instancePath: instancePath + "/retention/keep/within_yearly", schemaPath: "#/$defs/duration/pattern", keyword: "pattern", params: { pattern: "^(?:[0-9]+(?:s|m|h|d|w))+$" }, message: 'must match pattern "^(?:[0-9]+(?:s|m|h|d|w))+$"', schema: "^(?:[0-9]+(?:s|m|h|d|w))+$", parentSchema: schema38, data: data21 };
                  if (vErrors === null) {
                    vErrors = [err56];
                  } else {
                    vErrors.push(err56);
                  }
                  errors++;
                }
              } else {
                const err57 = { instancePath: instancePath + "/retention/keep/within_yearly", schemaPath: "#/$defs/duration/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema38.type, parentSchema: schema38, data: data21 };
                if (vErrors === null) {
                  vErrors = [err57];
                } else {
                  vErrors.push(err57);
                }
                errors++;
              }
            }
            if (data9.tags !== void 0) {
              let data22 = data9.tags;
              if (Array.isArray(data22)) {
                const len0 = data22.length;
                for (let i0 = 0; i0 < len0; i0++) {
                  let data23 = data22[i0];
                  if (typeof data23 === "string") {
                    if (!pattern25.test(data23)) {
                      const err58 = { instancePath: instancePath + "/retention/keep/tags/" + i0, schemaPath: "#/$defs/tag/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9][A-Za-z0-9._:-]{0,62}$" }, message: 'must match pattern "^[A-Za-z0-9][A-Za-z0-9._:-]{0,62}$"', schema: "^[A-Za-z0-9][A-Za-z0-9._:-]{0,62}$", parentSchema: schema56, data: data23 };
                      if (vErrors === null) {
                        vErrors = [err58];
                      } else {
                        vErrors.push(err58);
                      }
                      errors++;
                    }
                  } else {
                    const err59 = { instancePath: instancePath + "/retention/keep/tags/" + i0, schemaPath: "#/$defs/tag/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema56.type, parentSchema: schema56, data: data23 };
                    if (vErrors === null) {
                      vErrors = [err59];
                    } else {
                      vErrors.push(err59);
                    }
                    errors++;
                  }
                }
                let i1 = data22.length;
                let j0;
                if (i1 > 1) {
                  outer0: for (; i1--; ) {
                    for (j0 = i1; j0--; ) {
                      if (func0(data22[i1], data22[j0])) {
                        const err60 = { instancePath: instancePath + "/retention/keep/tags", schemaPath: "#/properties/retention/properties/keep/properties/tags/uniqueItems", keyword: "uniqueItems", params: { i: i1, j: j0 }, message: "must NOT have duplicate items (items ## " + j0 + " and " + i1 + " are identical)", schema: true, parentSchema: schema37.properties.retention.properties.keep.properties.tags, data: data22 };
                        if (vErrors === null) {
                          vErrors = [err60];
                        } else {
                          vErrors.push(err60);
                        }
                        errors++;
                        break outer0;
                      }
                    }
                  }
                }
              } else {
                const err61 = { instancePath: instancePath + "/retention/keep/tags", schemaPath: "#/properties/retention/properties/keep/properties/tags/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema37.properties.retention.properties.keep.properties.tags.type, parentSchema: schema37.properties.retention.properties.keep.properties.tags, data: data22 };
                if (vErrors === null) {
                  vErrors = [err61];
                } else {
                  vErrors.push(err61);
                }
                errors++;
              }
            }
          } else {
            const err62 = { instancePath: instancePath + "/retention/keep", schemaPath: "#/properties/retention/properties/keep/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema37.properties.retention.properties.keep.type, parentSchema: schema37.properties.retention.properties.keep, data: data9 };
            if (vErrors === null) {
              vErrors = [err62];
            } else {
              vErrors.push(err62);
            }
            errors++;
          }
        }
        if (data8.floor !== void 0) {
          let data24 = data8.floor;
          if (data24 && typeof data24 == "object" && !Array.isArray(data24)) {
            for (const key3 in data24) {
              if (!(key3 === "min_age" || key3 === "min_count" || key3 === "tags" || key3 === "legal_hold")) {
                const err63 = { instancePath: instancePath + "/retention/floor", schemaPath: "#/properties/retention/properties/floor/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key3 }, message: "must NOT have additional properties", schema: false, parentSchema: schema37.properties.retention.properties.floor, data: data24 };
                if (vErrors === null) {
                  vErrors = [err63];
                } else {
                  vErrors.push(err63);
                }
                errors++;
              }
            }
            if (data24.min_age !== void 0) {
              let data25 = data24.min_age;
              if (typeof data25 === "string") {
                if (!pattern13.test(data25)) {
                  const err64 = { instancePath: instancePath + "/retention/floor/min_age", schemaPath: "#/$defs/duration/pattern", keyword: "pattern", params: { pattern: "^(?:[0-9]+(?:s|m|h|d|w))+$" }, message: 'must match pattern "^(?:[0-9]+(?:s|m|h|d|w))+$"', schema: "^(?:[0-9]+(?:s|m|h|d|w))+$", parentSchema: schema38, data: data25 };
                  if (vErrors === null) {
                    vErrors = [err64];
                  } else {
                    vErrors.push(err64);
                  }
                  errors++;
                }
              } else {
                const err65 = { instancePath: instancePath + "/retention/floor/min_age", schemaPath: "#/$defs/duration/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema38.type, parentSchema: schema38, data: data25 };
                if (vErrors === null) {
                  vErrors = [err65];
                } else {
                  vErrors.push(err65);
                }
                errors++;
              }
            }
            if (data24.min_count !== void 0) {
              let data26 = data24.min_count;
              if (!(typeof data26 == "number" && (!(data26 % 1) && !isNaN(data26)) && isFinite(data26))) {
                const err66 = { instancePath: instancePath + "/retention/floor/min_count", schemaPath: "#/properties/retention/properties/floor/properties/min_count/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema37.properties.retention.properties.floor.properties.min_count.type, parentSchema: schema37.properties.retention.properties.floor.properties.min_count, data: data26 };
                if (vErrors === null) {
                  vErrors = [err66];
                } else {
                  vErrors.push(err66);
                }
                errors++;
              }
              if (typeof data26 == "number" && isFinite(data26)) {
                if (data26 < 0 || isNaN(data26)) {
                  const err67 = { instancePath: instancePath + "/retention/floor/min_count", schemaPath: "#/properties/retention/properties/floor/properties/min_count/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema37.properties.retention.properties.floor.properties.min_count, data: data26 };
                  if (vErrors === null) {
                    vErrors = [err67];
                  } else {
                    vErrors.push(err67);
                  }
                  errors++;
                }
              }
            }
            if (data24.tags !== void 0) {
              let data27 = data24.tags;
              if (Array.isArray(data27)) {
                const len1 = data27.length;
                for (let i2 = 0; i2 < len1; i2++) {
                  let data28 = data27[i2];
                  if (typeof data28 === "string") {
                    if (!pattern25.test(data28)) {
                      const err68 = { instancePath: instancePath + "/retention/floor/tags/" + i2, schemaPath: "#/$defs/tag/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9][A-Za-z0-9._:-]{0,62}$" }, message: 'must match pattern "^[A-Za-z0-9][A-Za-z0-9._:-]{0,62}$"', schema: "^[A-Za-z0-9][A-Za-z0-9._:-]{0,62}$", parentSchema: schema56, data: data28 };
                      if (vErrors === null) {
                        vErrors = [err68];
                      } else {
                        vErrors.push(err68);
                      }
                      errors++;
                    }
                  } else {
                    const err69 = { instancePath: instancePath + "/retention/floor/tags/" + i2, schemaPath: "#/$defs/tag/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema56.type, parentSchema: schema56, data: data28 };
                    if (vErrors === null) {
                      vErrors = [err69];
                    } else {
                      vErrors.push(err69);
                    }
                    errors++;
                  }
                }
                let i3 = data27.length;
                let j1;
                if (i3 > 1) {
                  outer1: for (; i3--; ) {
                    for (j1 = i3; j1--; ) {
                      if (func0(data27[i3], data27[j1])) {
                        const err70 = { instancePath: instancePath + "/retention/floor/tags", schemaPath: "#/properties/retention/properties/floor/properties/tags/uniqueItems", keyword: "uniqueItems", params: { i: i3, j: j1 }, message: "must NOT have duplicate items (items ## " + j1 + " and " + i3 + " are identical)", schema: true, parentSchema: schema37.properties.retention.properties.floor.properties.tags, data: data27 };
                        if (vErrors === null) {
                          vErrors = [err70];
                        } else {
                          vErrors.push(err70);
                        }
                        errors++;
                        break outer1;
                      }
                    }
                  }
                }
              } else {
                const err71 = { instancePath: instancePath + "/retention/floor/tags", schemaPath: "#/properties/retention/properties/floor/properties/tags/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema37.properties.retention.properties.floor.properties.tags.type, parentSchema: schema37.properties.retention.properties.floor.properties.tags, data: data27 };
                if (vErrors === null) {
                  vErrors = [err71];
                } else {
                  vErrors.push(err71);
                }
                errors++;
              }
            }
            if (data24.legal_hold !== void 0) {
              let data29 = data24.legal_hold;
              if (data29 && typeof data29 == "object" && !Array.isArray(data29)) {
                if (data29.reason === void 0) {
                  const err72 = { instancePath: instancePath + "/retention/floor/legal_hold", schemaPath: "#/properties/retention/properties/floor/properties/legal_hold/required", keyword: "required", params: { missingProperty: "reason" }, message: "must have required property 'reason'", schema: schema37.properties.retention.properties.floor.properties.legal_hold.required, parentSchema: schema37.properties.retention.properties.floor.properties.legal_hold, data: data29 };
                  if (vErrors === null) {
                    vErrors = [err72];
                  } else {
                    vErrors.push(err72);
                  }
                  errors++;
                }
                for (const key4 in data29) {
                  if (!(key4 === "reason" || key4 === "since")) {
                    const err73 = { instancePath: instancePath + "/retention/floor/legal_hold", schemaPath: "#/properties/retention/properties/floor/properties/legal_hold/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key4 }, message: "must NOT have additional properties", schema: false, parentSchema: schema37.properties.retention.properties.floor.properties.legal_hold, data: data29 };
                    if (vErrors === null) {
                      vErrors = [err73];
                    } else {
                      vErrors.push(err73);
                    }
                    errors++;
                  }
                }
                if (data29.reason !== void 0) {
                  let data30 = data29.reason;
                  if (typeof data30 === "string") {
                    if (func2(data30) < 3) {
                      const err74 = { instancePath: instancePath + "/retention/floor/legal_hold/reason", schemaPath: "#/properties/retention/properties/floor/properties/legal_hold/properties/reason/minLength", keyword: "minLength", params: { limit: 3 }, message: "must NOT have fewer than 3 characters", schema: 3, parentSchema: schema37.properties.retention.properties.floor.properties.legal_hold.properties.reason, data: data30 };
                      if (vErrors === null) {
                        vErrors = [err74];
                      } else {
                        vErrors.push(err74);
                      }
                      errors++;
                    }
                  } else {
                    const err75 = { instancePath: instancePath + "/retention/floor/legal_hold/reason", schemaPath: "#/properties/retention/properties/floor/properties/legal_hold/properties/reason/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema37.properties.retention.properties.floor.properties.legal_hold.properties.reason.type, parentSchema: schema37.properties.retention.properties.floor.properties.legal_hold.properties.reason, data: data30 };
                    if (vErrors === null) {
                      vErrors = [err75];
                    } else {
                      vErrors.push(err75);
                    }
                    errors++;
                  }
                }
                if (data29.since !== void 0) {
                  let data31 = data29.since;
                  if (typeof data31 === "string") {
                    if (!pattern8.test(data31)) {
                      const err76 = { instancePath: instancePath + "/retention/floor/legal_hold/since", schemaPath: "#/$defs/date/pattern", keyword: "pattern", params: { pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\\.[0-9]+)?)?(?:Z|[+-][0-9]{2}:[0-9]{2}))?$" }, message: 'must match pattern "^[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\\.[0-9]+)?)?(?:Z|[+-][0-9]{2}:[0-9]{2}))?$"', schema: "^[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\\.[0-9]+)?)?(?:Z|[+-][0-9]{2}:[0-9]{2}))?$", parentSchema: schema34, data: data31 };
                      if (vErrors === null) {
                        vErrors = [err76];
                      } else {
                        vErrors.push(err76);
                      }
                      errors++;
                    }
                  } else {
                    const err77 = { instancePath: instancePath + "/retention/floor/legal_hold/since", schemaPath: "#/$defs/date/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema34.type, parentSchema: schema34, data: data31 };
                    if (vErrors === null) {
                      vErrors = [err77];
                    } else {
                      vErrors.push(err77);
                    }
                    errors++;
                  }
                }
              } else {
                const err78 = { instancePath: instancePath + "/retention/floor/legal_hold", schemaPath: "#/properties/retention/properties/floor/properties/legal_hold/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema37.properties.retention.properties.floor.properties.legal_hold.type, parentSchema: schema37.properties.retention.properties.floor.properties.legal_hold, data: data29 };
                if (vErrors === null) {
                  vErrors = [err78];
                } else {
                  vErrors.push(err78);
                }
                errors++;
              }
            }
          } else {
            const err79 = { instancePath: instancePath + "/retention/floor", schemaPath: "#/properties/retention/properties/floor/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema37.properties.retention.properties.floor.type, parentSchema: schema37.properties.retention.properties.floor, data: data24 };
            if (vErrors === null) {
              vErrors = [err79];
            } else {
              vErrors.push(err79);
            }
            errors++;
          }
        }
      } else {
        const err80 = { instancePath: instancePath + "/retention", schemaPath: "#/properties/retention/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema37.properties.retention.type, parentSchema: schema37.properties.retention, data: data8 };
        if (vErrors === null) {
          vErrors = [err80];
        } else {
          vErrors.push(err80);
        }
        errors++;
      }
    }
  } else {
    const err81 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema37.type, parentSchema: schema37, data };
    if (vErrors === null) {
      vErrors = [err81];
    } else {
      vErrors.push(err81);
    }
    errors++;
  }
  validate21.errors = vErrors;
  return errors === 0;
}
validate21.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };
var schema60 = { "description": "One environment: its tier and where its gate and workflows are.", "type": "object", "additionalProperties": false, "required": ["tier"], "properties": { "tier": { "description": "The tier of the environment; also the tier of its files that belong to no component, or to a component without a tier.", "$ref": "#/$defs/tierName" }, "release_branches": { "description": "Branch globs whose pull requests, pushes and merge queues get this environment's gate check run.", "type": "array", "default": [], "uniqueItems": true, "items": { "type": "string", "minLength": 1 } }, "restore_workflow": { "description": "Workflow file (in .github/workflows) that the app dispatches to restore.", "$ref": "#/$defs/workflowFile" }, "snapshot_workflow": { "description": "Workflow file (in .github/workflows) that the 'Snapshot now' button dispatches.", "$ref": "#/$defs/workflowFile" }, "paths": { "description": "Globs of the files in scope for this environment; all files when omitted. Snapshots and drift checks of the environment that name no paths take these.", "type": "array", "minItems": 1, "items": { "$ref": "#/$defs/glob" } } } };
var schema61 = { "description": "The name of a tier defined under tiers.", "type": "string", "pattern": "^[a-z][a-z0-9_-]{0,62}$" };
var schema62 = { "description": "A workflow file name.", "type": "string", "pattern": "^[A-Za-z0-9._-]+\\.ya?ml$" };
var schema64 = { "description": "A path glob relative to the repository root: * within a path segment, ** across segments, ? one character, [abc] a class, {a,b} alternatives.", "type": "string", "minLength": 1, "pattern": "^[^/!]" };
var pattern32 = new RegExp("^[A-Za-z0-9._-]+\\.ya?ml$", "u");
var pattern34 = new RegExp("^[^/!]", "u");
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
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "tier" }, message: "must have required property 'tier'", schema: schema60.required, parentSchema: schema60, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "tier" || key0 === "release_branches" || key0 === "restore_workflow" || key0 === "snapshot_workflow" || key0 === "paths")) {
        const err1 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema60, data };
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
        if (!pattern11.test(data0)) {
          const err2 = { instancePath: instancePath + "/tier", schemaPath: "#/$defs/tierName/pattern", keyword: "pattern", params: { pattern: "^[a-z][a-z0-9_-]{0,62}$" }, message: 'must match pattern "^[a-z][a-z0-9_-]{0,62}$"', schema: "^[a-z][a-z0-9_-]{0,62}$", parentSchema: schema61, data: data0 };
          if (vErrors === null) {
            vErrors = [err2];
          } else {
            vErrors.push(err2);
          }
          errors++;
        }
      } else {
        const err3 = { instancePath: instancePath + "/tier", schemaPath: "#/$defs/tierName/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema61.type, parentSchema: schema61, data: data0 };
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
              const err4 = { instancePath: instancePath + "/release_branches/" + i0, schemaPath: "#/properties/release_branches/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema60.properties.release_branches.items, data: data2 };
              if (vErrors === null) {
                vErrors = [err4];
              } else {
                vErrors.push(err4);
              }
              errors++;
            }
          } else {
            const err5 = { instancePath: instancePath + "/release_branches/" + i0, schemaPath: "#/properties/release_branches/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema60.properties.release_branches.items.type, parentSchema: schema60.properties.release_branches.items, data: data2 };
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
              const err6 = { instancePath: instancePath + "/release_branches", schemaPath: "#/properties/release_branches/uniqueItems", keyword: "uniqueItems", params: { i: i1, j: j0 }, message: "must NOT have duplicate items (items ## " + j0 + " and " + i1 + " are identical)", schema: true, parentSchema: schema60.properties.release_branches, data: data1 };
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
        const err7 = { instancePath: instancePath + "/release_branches", schemaPath: "#/properties/release_branches/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema60.properties.release_branches.type, parentSchema: schema60.properties.release_branches, data: data1 };
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
        if (!pattern32.test(data3)) {
          const err8 = { instancePath: instancePath + "/restore_workflow", schemaPath: "#/$defs/workflowFile/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9._-]+\\.ya?ml$" }, message: 'must match pattern "^[A-Za-z0-9._-]+\\.ya?ml$"', schema: "^[A-Za-z0-9._-]+\\.ya?ml$", parentSchema: schema62, data: data3 };
          if (vErrors === null) {
            vErrors = [err8];
          } else {
            vErrors.push(err8);
          }
          errors++;
        }
      } else {
        const err9 = { instancePath: instancePath + "/restore_workflow", schemaPath: "#/$defs/workflowFile/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema62.type, parentSchema: schema62, data: data3 };
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
        if (!pattern32.test(data4)) {
          const err10 = { instancePath: instancePath + "/snapshot_workflow", schemaPath: "#/$defs/workflowFile/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9._-]+\\.ya?ml$" }, message: 'must match pattern "^[A-Za-z0-9._-]+\\.ya?ml$"', schema: "^[A-Za-z0-9._-]+\\.ya?ml$", parentSchema: schema62, data: data4 };
          if (vErrors === null) {
            vErrors = [err10];
          } else {
            vErrors.push(err10);
          }
          errors++;
        }
      } else {
        const err11 = { instancePath: instancePath + "/snapshot_workflow", schemaPath: "#/$defs/workflowFile/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema62.type, parentSchema: schema62, data: data4 };
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
          const err12 = { instancePath: instancePath + "/paths", schemaPath: "#/properties/paths/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema60.properties.paths, data: data5 };
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
              const err13 = { instancePath: instancePath + "/paths/" + i2, schemaPath: "#/$defs/glob/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema64, data: data6 };
              if (vErrors === null) {
                vErrors = [err13];
              } else {
                vErrors.push(err13);
              }
              errors++;
            }
            if (!pattern34.test(data6)) {
              const err14 = { instancePath: instancePath + "/paths/" + i2, schemaPath: "#/$defs/glob/pattern", keyword: "pattern", params: { pattern: "^[^/!]" }, message: 'must match pattern "^[^/!]"', schema: "^[^/!]", parentSchema: schema64, data: data6 };
              if (vErrors === null) {
                vErrors = [err14];
              } else {
                vErrors.push(err14);
              }
              errors++;
            }
          } else {
            const err15 = { instancePath: instancePath + "/paths/" + i2, schemaPath: "#/$defs/glob/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema64.type, parentSchema: schema64, data: data6 };
            if (vErrors === null) {
              vErrors = [err15];
            } else {
              vErrors.push(err15);
            }
            errors++;
          }
        }
      } else {
        const err16 = { instancePath: instancePath + "/paths", schemaPath: "#/properties/paths/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema60.properties.paths.type, parentSchema: schema60.properties.paths, data: data5 };
        if (vErrors === null) {
          vErrors = [err16];
        } else {
          vErrors.push(err16);
        }
        errors++;
      }
    }
  } else {
    const err17 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema60.type, parentSchema: schema60, data };
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
var schema65 = { "description": "One component.", "type": "object", "additionalProperties": false, "required": ["name", "paths"], "properties": { "name": { "description": "Unique component name.", "$ref": "#/$defs/name" }, "paths": { "description": "Globs of the component's files.", "type": "array", "minItems": 1, "items": { "$ref": "#/$defs/glob" } }, "tier": { "description": "The component's tier; the environment's tier when omitted.", "$ref": "#/$defs/tierName" }, "owner": { "description": "Who owns the component (@user or @org/team); recorded per file in manifests.", "$ref": "#/$defs/principal" }, "secret": { "description": "Treat every file of the component as secret (never compressed before encryption), even if its name does not look like a secret.", "type": "boolean", "default": false }, "environments": { "description": "Environments whose snapshots must cover this component; all environments when omitted.", "type": "array", "minItems": 1, "uniqueItems": true, "items": { "$ref": "#/$defs/name" } } } };
var schema66 = { "description": "A name: lower case letters, digits, '.', '_' and '-'.", "type": "string", "pattern": "^[a-z0-9][a-z0-9._-]{0,62}$" };
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
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'", schema: schema65.required, parentSchema: schema65, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.paths === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "paths" }, message: "must have required property 'paths'", schema: schema65.required, parentSchema: schema65, data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "name" || key0 === "paths" || key0 === "tier" || key0 === "owner" || key0 === "secret" || key0 === "environments")) {
        const err2 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema65, data };
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
        if (!pattern29.test(data0)) {
          const err3 = { instancePath: instancePath + "/name", schemaPath: "#/$defs/name/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9][a-z0-9._-]{0,62}$" }, message: 'must match pattern "^[a-z0-9][a-z0-9._-]{0,62}$"', schema: "^[a-z0-9][a-z0-9._-]{0,62}$", parentSchema: schema66, data: data0 };
          if (vErrors === null) {
            vErrors = [err3];
          } else {
            vErrors.push(err3);
          }
          errors++;
        }
      } else {
        const err4 = { instancePath: instancePath + "/name", schemaPath: "#/$defs/name/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema66.type, parentSchema: schema66, data: data0 };
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
          const err5 = { instancePath: instancePath + "/paths", schemaPath: "#/properties/paths/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema65.properties.paths, data: data1 };
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
              const err6 = { instancePath: instancePath + "/paths/" + i0, schemaPath: "#/$defs/glob/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema64, data: data2 };
              if (vErrors === null) {
                vErrors = [err6];
              } else {
                vErrors.push(err6);
              }
              errors++;
            }
            if (!pattern34.test(data2)) {
              const err7 = { instancePath: instancePath + "/paths/" + i0, schemaPath: "#/$defs/glob/pattern", keyword: "pattern", params: { pattern: "^[^/!]" }, message: 'must match pattern "^[^/!]"', schema: "^[^/!]", parentSchema: schema64, data: data2 };
              if (vErrors === null) {
                vErrors = [err7];
              } else {
                vErrors.push(err7);
              }
              errors++;
            }
          } else {
            const err8 = { instancePath: instancePath + "/paths/" + i0, schemaPath: "#/$defs/glob/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema64.type, parentSchema: schema64, data: data2 };
            if (vErrors === null) {
              vErrors = [err8];
            } else {
              vErrors.push(err8);
            }
            errors++;
          }
        }
      } else {
        const err9 = { instancePath: instancePath + "/paths", schemaPath: "#/properties/paths/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema65.properties.paths.type, parentSchema: schema65.properties.paths, data: data1 };
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
        if (!pattern11.test(data3)) {
          const err10 = { instancePath: instancePath + "/tier", schemaPath: "#/$defs/tierName/pattern", keyword: "pattern", params: { pattern: "^[a-z][a-z0-9_-]{0,62}$" }, message: 'must match pattern "^[a-z][a-z0-9_-]{0,62}$"', schema: "^[a-z][a-z0-9_-]{0,62}$", parentSchema: schema61, data: data3 };
          if (vErrors === null) {
            vErrors = [err10];
          } else {
            vErrors.push(err10);
          }
          errors++;
        }
      } else {
        const err11 = { instancePath: instancePath + "/tier", schemaPath: "#/$defs/tierName/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema61.type, parentSchema: schema61, data: data3 };
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
        if (!pattern38.test(data4)) {
          const err12 = { instancePath: instancePath + "/owner", schemaPath: "#/$defs/principal/pattern", keyword: "pattern", params: { pattern: "^@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:/[A-Za-z0-9][A-Za-z0-9_.-]{0,99})?$" }, message: 'must match pattern "^@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:/[A-Za-z0-9][A-Za-z0-9_.-]{0,99})?$"', schema: "^@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:/[A-Za-z0-9][A-Za-z0-9_.-]{0,99})?$", parentSchema: schema69, data: data4 };
          if (vErrors === null) {
            vErrors = [err12];
          } else {
            vErrors.push(err12);
          }
          errors++;
        }
      } else {
        const err13 = { instancePath: instancePath + "/owner", schemaPath: "#/$defs/principal/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema69.type, parentSchema: schema69, data: data4 };
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
        const err14 = { instancePath: instancePath + "/secret", schemaPath: "#/properties/secret/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema65.properties.secret.type, parentSchema: schema65.properties.secret, data: data5 };
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
          const err15 = { instancePath: instancePath + "/environments", schemaPath: "#/properties/environments/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema65.properties.environments, data: data6 };
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
            if (!pattern29.test(data7)) {
              const err16 = { instancePath: instancePath + "/environments/" + i1, schemaPath: "#/$defs/name/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9][a-z0-9._-]{0,62}$" }, message: 'must match pattern "^[a-z0-9][a-z0-9._-]{0,62}$"', schema: "^[a-z0-9][a-z0-9._-]{0,62}$", parentSchema: schema66, data: data7 };
              if (vErrors === null) {
                vErrors = [err16];
              } else {
                vErrors.push(err16);
              }
              errors++;
            }
          } else {
            const err17 = { instancePath: instancePath + "/environments/" + i1, schemaPath: "#/$defs/name/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema66.type, parentSchema: schema66, data: data7 };
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
                const err18 = { instancePath: instancePath + "/environments", schemaPath: "#/properties/environments/uniqueItems", keyword: "uniqueItems", params: { i: i2, j: j0 }, message: "must NOT have duplicate items (items ## " + j0 + " and " + i2 + " are identical)", schema: true, parentSchema: schema65.properties.environments, data: data6 };
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
        const err19 = { instancePath: instancePath + "/environments", schemaPath: "#/properties/environments/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema65.properties.environments.type, parentSchema: schema65.properties.environments, data: data6 };
        if (vErrors === null) {
          vErrors = [err19];
        } else {
          vErrors.push(err19);
        }
        errors++;
      }
    }
  } else {
    const err20 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema65.type, parentSchema: schema65, data };
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
var schema72 = { "description": "One accepted gap in coverage.", "type": "object", "additionalProperties": false, "required": ["paths", "reason", "accepted_by", "expires"], "properties": { "paths": { "description": "Globs of the paths the exception covers.", "type": "array", "minItems": 1, "items": { "$ref": "#/$defs/glob" } }, "reason": { "description": "Why the gap is acceptable.", "type": "string", "minLength": 10 }, "accepted_by": { "description": "People (@login, not teams) who accepted the risk; at least two distinct people when the exception touches a tier-0 environment.", "type": "array", "minItems": 1, "uniqueItems": true, "items": { "$ref": "#/$defs/user" } }, "expires": { "description": "When the exception ends; a bare date means the end of that UTC day. After it, the gate fails until the gap is closed or the exception renewed.", "$ref": "#/$defs/date" }, "environments": { "description": "Environments the exception applies to; all environments when omitted.", "type": "array", "minItems": 1, "uniqueItems": true, "items": { "$ref": "#/$defs/name" } } } };
var schema74 = { "description": "A GitHub user, written @login.", "type": "string", "pattern": "^@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$" };
var pattern42 = new RegExp("^@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$", "u");
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
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "paths" }, message: "must have required property 'paths'", schema: schema72.required, parentSchema: schema72, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.reason === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "reason" }, message: "must have required property 'reason'", schema: schema72.required, parentSchema: schema72, data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.accepted_by === void 0) {
      const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "accepted_by" }, message: "must have required property 'accepted_by'", schema: schema72.required, parentSchema: schema72, data };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    if (data.expires === void 0) {
      const err3 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "expires" }, message: "must have required property 'expires'", schema: schema72.required, parentSchema: schema72, data };
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "paths" || key0 === "reason" || key0 === "accepted_by" || key0 === "expires" || key0 === "environments")) {
        const err4 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema72, data };
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
          const err5 = { instancePath: instancePath + "/paths", schemaPath: "#/properties/paths/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema72.properties.paths, data: data0 };
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
              const err6 = { instancePath: instancePath + "/paths/" + i0, schemaPath: "#/$defs/glob/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema64, data: data1 };
              if (vErrors === null) {
                vErrors = [err6];
              } else {
                vErrors.push(err6);
              }
              errors++;
            }
            if (!pattern34.test(data1)) {
              const err7 = { instancePath: instancePath + "/paths/" + i0, schemaPath: "#/$defs/glob/pattern", keyword: "pattern", params: { pattern: "^[^/!]" }, message: 'must match pattern "^[^/!]"', schema: "^[^/!]", parentSchema: schema64, data: data1 };
              if (vErrors === null) {
                vErrors = [err7];
              } else {
                vErrors.push(err7);
              }
              errors++;
            }
          } else {
            const err8 = { instancePath: instancePath + "/paths/" + i0, schemaPath: "#/$defs/glob/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema64.type, parentSchema: schema64, data: data1 };
            if (vErrors === null) {
              vErrors = [err8];
            } else {
              vErrors.push(err8);
            }
            errors++;
          }
        }
      } else {
        const err9 = { instancePath: instancePath + "/paths", schemaPath: "#/properties/paths/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema72.properties.paths.type, parentSchema: schema72.properties.paths, data: data0 };
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
          const err10 = { instancePath: instancePath + "/reason", schemaPath: "#/properties/reason/minLength", keyword: "minLength", params: { limit: 10 }, message: "must NOT have fewer than 10 characters", schema: 10, parentSchema: schema72.properties.reason, data: data2 };
          if (vErrors === null) {
            vErrors = [err10];
          } else {
            vErrors.push(err10);
          }
          errors++;
        }
      } else {
        const err11 = { instancePath: instancePath + "/reason", schemaPath: "#/properties/reason/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema72.properties.reason.type, parentSchema: schema72.properties.reason, data: data2 };
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
          const err12 = { instancePath: instancePath + "/accepted_by", schemaPath: "#/properties/accepted_by/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema72.properties.accepted_by, data: data3 };
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
            if (!pattern42.test(data4)) {
              const err13 = { instancePath: instancePath + "/accepted_by/" + i1, schemaPath: "#/$defs/user/pattern", keyword: "pattern", params: { pattern: "^@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$" }, message: 'must match pattern "^@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$"', schema: "^@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$", parentSchema: schema74, data: data4 };
              if (vErrors === null) {
                vErrors = [err13];
              } else {
                vErrors.push(err13);
              }
              errors++;
            }
          } else {
            const err14 = { instancePath: instancePath + "/accepted_by/" + i1, schemaPath: "#/$defs/user/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema74.type, parentSchema: schema74, data: data4 };
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
                const err15 = { instancePath: instancePath + "/accepted_by", schemaPath: "#/properties/accepted_by/uniqueItems", keyword: "uniqueItems", params: { i: i2, j: j0 }, message: "must NOT have duplicate items (items ## " + j0 + " and " + i2 + " are identical)", schema: true, parentSchema: schema72.properties.accepted_by, data: data3 };
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
        const err16 = { instancePath: instancePath + "/accepted_by", schemaPath: "#/properties/accepted_by/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema72.properties.accepted_by.type, parentSchema: schema72.properties.accepted_by, data: data3 };
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
          const err19 = { instancePath: instancePath + "/environments", schemaPath: "#/properties/environments/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema72.properties.environments, data: data6 };
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
            if (!pattern29.test(data7)) {
              const err20 = { instancePath: instancePath + "/environments/" + i3, schemaPath: "#/$defs/name/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9][a-z0-9._-]{0,62}$" }, message: 'must match pattern "^[a-z0-9][a-z0-9._-]{0,62}$"', schema: "^[a-z0-9][a-z0-9._-]{0,62}$", parentSchema: schema66, data: data7 };
              if (vErrors === null) {
                vErrors = [err20];
              } else {
                vErrors.push(err20);
              }
              errors++;
            }
          } else {
            const err21 = { instancePath: instancePath + "/environments/" + i3, schemaPath: "#/$defs/name/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema66.type, parentSchema: schema66, data: data7 };
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
                const err22 = { instancePath: instancePath + "/environments", schemaPath: "#/properties/environments/uniqueItems", keyword: "uniqueItems", params: { i: i4, j: j1 }, message: "must NOT have duplicate items (items ## " + j1 + " and " + i4 + " are identical)", schema: true, parentSchema: schema72.properties.environments, data: data6 };
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
        const err23 = { instancePath: instancePath + "/environments", schemaPath: "#/properties/environments/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema72.properties.environments.type, parentSchema: schema72.properties.environments, data: data6 };
        if (vErrors === null) {
          vErrors = [err23];
        } else {
          vErrors.push(err23);
        }
        errors++;
      }
    }
  } else {
    const err24 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema72.type, parentSchema: schema72, data };
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
var schema77 = { "description": "One consistency rule.", "type": "object", "additionalProperties": false, "required": ["name", "left", "rule"], "properties": { "name": { "description": "Unique rule name, recorded in the manifest.", "$ref": "#/$defs/name" }, "left": { "description": "The value that is checked.", "$ref": "#/$defs/valueRef" }, "right": { "description": "The value it is compared with (equal: the same text; semver: a range the left version must satisfy; regex: what the pattern's first capture group must equal).", "$ref": "#/$defs/valueRef" }, "rule": { "description": "equal: left and right are the same text; semver: left is a version satisfying right (or range); regex: left matches pattern (and its first group equals right, when given).", "enum": ["equal", "semver", "regex"] }, "pattern": { "description": "For rule regex: a JavaScript regular expression the left value must match.", "type": "string", "minLength": 1 }, "range": { "description": "For rule semver without right: the semver range the left version must satisfy, e.g. >=1.4.0 <2.", "type": "string", "minLength": 1 } } };
var schema79 = { "description": "Where a value is read from.", "type": "object", "additionalProperties": false, "required": ["file"], "properties": { "file": { "description": "Path of the file, relative to the repository root.", "type": "string", "minLength": 1, "pattern": "^[^/]" }, "path": { "description": "Where the value sits: a dotted path for yaml/json (db.schemaVersion, servers[0].port), a variable name for env; omit for text (the whole file, trimmed).", "type": "string", "minLength": 1 }, "format": { "description": "How to read the file; from the extension when omitted (.yml/.yaml yaml, .json json, .env or .env.* env, anything else text).", "enum": ["yaml", "json", "env", "text"] } } };
var pattern46 = new RegExp("^[^/]", "u");
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
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'", schema: schema77.required, parentSchema: schema77, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.left === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "left" }, message: "must have required property 'left'", schema: schema77.required, parentSchema: schema77, data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.rule === void 0) {
      const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "rule" }, message: "must have required property 'rule'", schema: schema77.required, parentSchema: schema77, data };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "name" || key0 === "left" || key0 === "right" || key0 === "rule" || key0 === "pattern" || key0 === "range")) {
        const err3 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema77, data };
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
        if (!pattern29.test(data0)) {
          const err4 = { instancePath: instancePath + "/name", schemaPath: "#/$defs/name/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9][a-z0-9._-]{0,62}$" }, message: 'must match pattern "^[a-z0-9][a-z0-9._-]{0,62}$"', schema: "^[a-z0-9][a-z0-9._-]{0,62}$", parentSchema: schema66, data: data0 };
          if (vErrors === null) {
            vErrors = [err4];
          } else {
            vErrors.push(err4);
          }
          errors++;
        }
      } else {
        const err5 = { instancePath: instancePath + "/name", schemaPath: "#/$defs/name/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema66.type, parentSchema: schema66, data: data0 };
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
          const err6 = { instancePath: instancePath + "/left", schemaPath: "#/$defs/valueRef/required", keyword: "required", params: { missingProperty: "file" }, message: "must have required property 'file'", schema: schema79.required, parentSchema: schema79, data: data1 };
          if (vErrors === null) {
            vErrors = [err6];
          } else {
            vErrors.push(err6);
          }
          errors++;
        }
        for (const key1 in data1) {
          if (!(key1 === "file" || key1 === "path" || key1 === "format")) {
            const err7 = { instancePath: instancePath + "/left", schemaPath: "#/$defs/valueRef/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties", schema: false, parentSchema: schema79, data: data1 };
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
              const err8 = { instancePath: instancePath + "/left/file", schemaPath: "#/$defs/valueRef/properties/file/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema79.properties.file, data: data2 };
              if (vErrors === null) {
                vErrors = [err8];
              } else {
                vErrors.push(err8);
              }
              errors++;
            }
            if (!pattern46.test(data2)) {
              const err9 = { instancePath: instancePath + "/left/file", schemaPath: "#/$defs/valueRef/properties/file/pattern", keyword: "pattern", params: { pattern: "^[^/]" }, message: 'must match pattern "^[^/]"', schema: "^[^/]", parentSchema: schema79.properties.file, data: data2 };
              if (vErrors === null) {
                vErrors = [err9];
              } else {
                vErrors.push(err9);
              }
              errors++;
            }
          } else {
            const err10 = { instancePath: instancePath + "/left/file", schemaPath: "#/$defs/valueRef/properties/file/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema79.properties.file.type, parentSchema: schema79.properties.file, data: data2 };
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
              const err11 = { instancePath: instancePath + "/left/path", schemaPath: "#/$defs/valueRef/properties/path/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema79.properties.path, data: data3 };
              if (vErrors === null) {
                vErrors = [err11];
              } else {
                vErrors.push(err11);
              }
              errors++;
            }
          } else {
            const err12 = { instancePath: instancePath + "/left/path", schemaPath: "#/$defs/valueRef/properties/path/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema79.properties.path.type, parentSchema: schema79.properties.path, data: data3 };
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
            const err13 = { instancePath: instancePath + "/left/format", schemaPath: "#/$defs/valueRef/properties/format/enum", keyword: "enum", params: { allowedValues: schema79.properties.format.enum }, message: "must be equal to one of the allowed values", schema: schema79.properties.format.enum, parentSchema: schema79.properties.format, data: data4 };
            if (vErrors === null) {
              vErrors = [err13];
            } else {
              vErrors.push(err13);
            }
            errors++;
          }
        }
      } else {
        const err14 = { instancePath: instancePath + "/left", schemaPath: "#/$defs/valueRef/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema79.type, parentSchema: schema79, data: data1 };
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
          const err15 = { instancePath: instancePath + "/right", schemaPath: "#/$defs/valueRef/required", keyword: "required", params: { missingProperty: "file" }, message: "must have required property 'file'", schema: schema79.required, parentSchema: schema79, data: data5 };
          if (vErrors === null) {
            vErrors = [err15];
          } else {
            vErrors.push(err15);
          }
          errors++;
        }
        for (const key2 in data5) {
          if (!(key2 === "file" || key2 === "path" || key2 === "format")) {
            const err16 = { instancePath: instancePath + "/right", schemaPath: "#/$defs/valueRef/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties", schema: false, parentSchema: schema79, data: data5 };
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
              const err17 = { instancePath: instancePath + "/right/file", schemaPath: "#/$defs/valueRef/properties/file/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema79.properties.file, data: data6 };
              if (vErrors === null) {
                vErrors = [err17];
              } else {
                vErrors.push(err17);
              }
              errors++;
            }
            if (!pattern46.test(data6)) {
              const err18 = { instancePath: instancePath + "/right/file", schemaPath: "#/$defs/valueRef/properties/file/pattern", keyword: "pattern", params: { pattern: "^[^/]" }, message: 'must match pattern "^[^/]"', schema: "^[^/]", parentSchema: schema79.properties.file, data: data6 };
              if (vErrors === null) {
                vErrors = [err18];
              } else {
                vErrors.push(err18);
              }
              errors++;
            }
          } else {
            const err19 = { instancePath: instancePath + "/right/file", schemaPath: "#/$defs/valueRef/properties/file/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema79.properties.file.type, parentSchema: schema79.properties.file, data: data6 };
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
              const err20 = { instancePath: instancePath + "/right/path", schemaPath: "#/$defs/valueRef/properties/path/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema79.properties.path, data: data7 };
              if (vErrors === null) {
                vErrors = [err20];
              } else {
                vErrors.push(err20);
              }
              errors++;
            }
          } else {
            const err21 = { instancePath: instancePath + "/right/path", schemaPath: "#/$defs/valueRef/properties/path/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema79.properties.path.type, parentSchema: schema79.properties.path, data: data7 };
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
            const err22 = { instancePath: instancePath + "/right/format", schemaPath: "#/$defs/valueRef/properties/format/enum", keyword: "enum", params: { allowedValues: schema79.properties.format.enum }, message: "must be equal to one of the allowed values", schema: schema79.properties.format.enum, parentSchema: schema79.properties.format, data: data8 };
            if (vErrors === null) {
              vErrors = [err22];
            } else {
              vErrors.push(err22);
            }
            errors++;
          }
        }
      } else {
        const err23 = { instancePath: instancePath + "/right", schemaPath: "#/$defs/valueRef/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema79.type, parentSchema: schema79, data: data5 };
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
        const err24 = { instancePath: instancePath + "/rule", schemaPath: "#/properties/rule/enum", keyword: "enum", params: { allowedValues: schema77.properties.rule.enum }, message: "must be equal to one of the allowed values", schema: schema77.properties.rule.enum, parentSchema: schema77.properties.rule, data: data9 };
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
          const err25 = { instancePath: instancePath + "/pattern", schemaPath: "#/properties/pattern/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema77.properties.pattern, data: data10 };
          if (vErrors === null) {
            vErrors = [err25];
          } else {
            vErrors.push(err25);
          }
          errors++;
        }
      } else {
        const err26 = { instancePath: instancePath + "/pattern", schemaPath: "#/properties/pattern/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema77.properties.pattern.type, parentSchema: schema77.properties.pattern, data: data10 };
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
          const err27 = { instancePath: instancePath + "/range", schemaPath: "#/properties/range/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema77.properties.range, data: data11 };
          if (vErrors === null) {
            vErrors = [err27];
          } else {
            vErrors.push(err27);
          }
          errors++;
        }
      } else {
        const err28 = { instancePath: instancePath + "/range", schemaPath: "#/properties/range/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema77.properties.range.type, parentSchema: schema77.properties.range, data: data11 };
        if (vErrors === null) {
          vErrors = [err28];
        } else {
          vErrors.push(err28);
        }
        errors++;
      }
    }
  } else {
    const err29 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema77.type, parentSchema: schema77, data };
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
var formats0 = __ajvRuntime2.fullFormats.uri;
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
          if (!(key2 === "recipients" || key2 === "writers" || key2 === "app")) {
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
        if (data4.app !== void 0) {
          let data12 = data4.app;
          if (Array.isArray(data12)) {
            const len2 = data12.length;
            for (let i2 = 0; i2 < len2; i2++) {
              let data13 = data12[i2];
              if (data13 && typeof data13 == "object" && !Array.isArray(data13)) {
                if (data13.key === void 0) {
                  const err31 = { instancePath: instancePath + "/keys/app/" + i2, schemaPath: "#/properties/keys/properties/app/items/required", keyword: "required", params: { missingProperty: "key" }, message: "must have required property 'key'", schema: schema31.properties.keys.properties.app.items.required, parentSchema: schema31.properties.keys.properties.app.items, data: data13 };
                  if (vErrors === null) {
                    vErrors = [err31];
                  } else {
                    vErrors.push(err31);
                  }
                  errors++;
                }
                for (const key4 in data13) {
                  if (!(key4 === "key")) {
                    const err32 = { instancePath: instancePath + "/keys/app/" + i2, schemaPath: "#/properties/keys/properties/app/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key4 }, message: "must NOT have additional properties", schema: false, parentSchema: schema31.properties.keys.properties.app.items, data: data13 };
                    if (vErrors === null) {
                      vErrors = [err32];
                    } else {
                      vErrors.push(err32);
                    }
                    errors++;
                  }
                }
                if (data13.key !== void 0) {
                  let data14 = data13.key;
                  if (typeof data14 === "string") {
                    if (!pattern10.test(data14)) {
                      const err33 = { instancePath: instancePath + "/keys/app/" + i2 + "/key", schemaPath: "#/$defs/appKey/pattern", keyword: "pattern", params: { pattern: "^sga1[02-9ac-hj-np-z]{58}$" }, message: 'must match pattern "^sga1[02-9ac-hj-np-z]{58}$"', schema: "^sga1[02-9ac-hj-np-z]{58}$", parentSchema: schema36, data: data14 };
                      if (vErrors === null) {
                        vErrors = [err33];
                      } else {
                        vErrors.push(err33);
                      }
                      errors++;
                    }
                  } else {
                    const err34 = { instancePath: instancePath + "/keys/app/" + i2 + "/key", schemaPath: "#/$defs/appKey/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema36.type, parentSchema: schema36, data: data14 };
                    if (vErrors === null) {
                      vErrors = [err34];
                    } else {
                      vErrors.push(err34);
                    }
                    errors++;
                  }
                }
              } else {
                const err35 = { instancePath: instancePath + "/keys/app/" + i2, schemaPath: "#/properties/keys/properties/app/items/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.properties.keys.properties.app.items.type, parentSchema: schema31.properties.keys.properties.app.items, data: data13 };
                if (vErrors === null) {
                  vErrors = [err35];
                } else {
                  vErrors.push(err35);
                }
                errors++;
              }
            }
          } else {
            const err36 = { instancePath: instancePath + "/keys/app", schemaPath: "#/properties/keys/properties/app/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema31.properties.keys.properties.app.type, parentSchema: schema31.properties.keys.properties.app, data: data12 };
            if (vErrors === null) {
              vErrors = [err36];
            } else {
              vErrors.push(err36);
            }
            errors++;
          }
        }
      } else {
        const err37 = { instancePath: instancePath + "/keys", schemaPath: "#/properties/keys/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.properties.keys.type, parentSchema: schema31.properties.keys, data: data4 };
        if (vErrors === null) {
          vErrors = [err37];
        } else {
          vErrors.push(err37);
        }
        errors++;
      }
    }
    if (data.tiers !== void 0) {
      let data15 = data.tiers;
      if (data15 && typeof data15 == "object" && !Array.isArray(data15)) {
        if (Object.keys(data15).length < 1) {
          const err38 = { instancePath: instancePath + "/tiers", schemaPath: "#/properties/tiers/minProperties", keyword: "minProperties", params: { limit: 1 }, message: "must NOT have fewer than 1 properties", schema: 1, parentSchema: schema31.properties.tiers, data: data15 };
          if (vErrors === null) {
            vErrors = [err38];
          } else {
            vErrors.push(err38);
          }
          errors++;
        }
        for (const key5 in data15) {
          if (!pattern11.test(key5)) {
            const err39 = { instancePath: instancePath + "/tiers", schemaPath: "#/properties/tiers/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key5 }, message: "must NOT have additional properties", schema: false, parentSchema: schema31.properties.tiers, data: data15 };
            if (vErrors === null) {
              vErrors = [err39];
            } else {
              vErrors.push(err39);
            }
            errors++;
          }
        }
        for (const key6 in data15) {
          if (pattern11.test(key6)) {
            if (!validate21(data15[key6], { instancePath: instancePath + "/tiers/" + key6.replace(/~/g, "~0").replace(/\//g, "~1"), parentData: data15, parentDataProperty: key6, rootData, dynamicAnchors })) {
              vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
              errors = vErrors.length;
            }
          }
        }
      } else {
        const err40 = { instancePath: instancePath + "/tiers", schemaPath: "#/properties/tiers/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.properties.tiers.type, parentSchema: schema31.properties.tiers, data: data15 };
        if (vErrors === null) {
          vErrors = [err40];
        } else {
          vErrors.push(err40);
        }
        errors++;
      }
    }
    if (data.environments !== void 0) {
      let data17 = data.environments;
      if (data17 && typeof data17 == "object" && !Array.isArray(data17)) {
        if (Object.keys(data17).length < 1) {
          const err41 = { instancePath: instancePath + "/environments", schemaPath: "#/properties/environments/minProperties", keyword: "minProperties", params: { limit: 1 }, message: "must NOT have fewer than 1 properties", schema: 1, parentSchema: schema31.properties.environments, data: data17 };
          if (vErrors === null) {
            vErrors = [err41];
          } else {
            vErrors.push(err41);
          }
          errors++;
        }
        for (const key7 in data17) {
          if (!pattern29.test(key7)) {
            const err42 = { instancePath: instancePath + "/environments", schemaPath: "#/properties/environments/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key7 }, message: "must NOT have additional properties", schema: false, parentSchema: schema31.properties.environments, data: data17 };
            if (vErrors === null) {
              vErrors = [err42];
            } else {
              vErrors.push(err42);
            }
            errors++;
          }
        }
        for (const key8 in data17) {
          if (pattern29.test(key8)) {
            if (!validate23(data17[key8], { instancePath: instancePath + "/environments/" + key8.replace(/~/g, "~0").replace(/\//g, "~1"), parentData: data17, parentDataProperty: key8, rootData, dynamicAnchors })) {
              vErrors = vErrors === null ? validate23.errors : vErrors.concat(validate23.errors);
              errors = vErrors.length;
            }
          }
        }
      } else {
        const err43 = { instancePath: instancePath + "/environments", schemaPath: "#/properties/environments/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.properties.environments.type, parentSchema: schema31.properties.environments, data: data17 };
        if (vErrors === null) {
          vErrors = [err43];
        } else {
          vErrors.push(err43);
        }
        errors++;
      }
    }
    if (data.components !== void 0) {
      let data19 = data.components;
      if (Array.isArray(data19)) {
        const len3 = data19.length;
        for (let i3 = 0; i3 < len3; i3++) {
          if (!validate25(data19[i3], { instancePath: instancePath + "/components/" + i3, parentData: data19, parentDataProperty: i3, rootData, dynamicAnchors })) {
            vErrors = vErrors === null ? validate25.errors : vErrors.concat(validate25.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err44 = { instancePath: instancePath + "/components", schemaPath: "#/properties/components/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema31.properties.components.type, parentSchema: schema31.properties.components, data: data19 };
        if (vErrors === null) {
          vErrors = [err44];
        } else {
          vErrors.push(err44);
        }
        errors++;
      }
    }
    if (data.exclude !== void 0) {
      let data21 = data.exclude;
      if (Array.isArray(data21)) {
        const len4 = data21.length;
        for (let i4 = 0; i4 < len4; i4++) {
          let data22 = data21[i4];
          if (typeof data22 === "string") {
            if (func2(data22) < 1) {
              const err45 = { instancePath: instancePath + "/exclude/" + i4, schemaPath: "#/$defs/excludeGlob/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema71, data: data22 };
              if (vErrors === null) {
                vErrors = [err45];
              } else {
                vErrors.push(err45);
              }
              errors++;
            }
            if (!pattern40.test(data22)) {
              const err46 = { instancePath: instancePath + "/exclude/" + i4, schemaPath: "#/$defs/excludeGlob/pattern", keyword: "pattern", params: { pattern: "^!?[^/!]" }, message: 'must match pattern "^!?[^/!]"', schema: "^!?[^/!]", parentSchema: schema71, data: data22 };
              if (vErrors === null) {
                vErrors = [err46];
              } else {
                vErrors.push(err46);
              }
              errors++;
            }
          } else {
            const err47 = { instancePath: instancePath + "/exclude/" + i4, schemaPath: "#/$defs/excludeGlob/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema71.type, parentSchema: schema71, data: data22 };
            if (vErrors === null) {
              vErrors = [err47];
            } else {
              vErrors.push(err47);
            }
            errors++;
          }
        }
      } else {
        const err48 = { instancePath: instancePath + "/exclude", schemaPath: "#/properties/exclude/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema31.properties.exclude.type, parentSchema: schema31.properties.exclude, data: data21 };
        if (vErrors === null) {
          vErrors = [err48];
        } else {
          vErrors.push(err48);
        }
        errors++;
      }
    }
    if (data.exceptions !== void 0) {
      let data23 = data.exceptions;
      if (Array.isArray(data23)) {
        const len5 = data23.length;
        for (let i5 = 0; i5 < len5; i5++) {
          if (!validate27(data23[i5], { instancePath: instancePath + "/exceptions/" + i5, parentData: data23, parentDataProperty: i5, rootData, dynamicAnchors })) {
            vErrors = vErrors === null ? validate27.errors : vErrors.concat(validate27.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err49 = { instancePath: instancePath + "/exceptions", schemaPath: "#/properties/exceptions/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema31.properties.exceptions.type, parentSchema: schema31.properties.exceptions, data: data23 };
        if (vErrors === null) {
          vErrors = [err49];
        } else {
          vErrors.push(err49);
        }
        errors++;
      }
    }
    if (data.consistency !== void 0) {
      let data25 = data.consistency;
      if (Array.isArray(data25)) {
        const len6 = data25.length;
        for (let i6 = 0; i6 < len6; i6++) {
          if (!validate29(data25[i6], { instancePath: instancePath + "/consistency/" + i6, parentData: data25, parentDataProperty: i6, rootData, dynamicAnchors })) {
            vErrors = vErrors === null ? validate29.errors : vErrors.concat(validate29.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err50 = { instancePath: instancePath + "/consistency", schemaPath: "#/properties/consistency/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema31.properties.consistency.type, parentSchema: schema31.properties.consistency, data: data25 };
        if (vErrors === null) {
          vErrors = [err50];
        } else {
          vErrors.push(err50);
        }
        errors++;
      }
    }
    if (data.change_tickets !== void 0) {
      let data27 = data.change_tickets;
      if (data27 && typeof data27 == "object" && !Array.isArray(data27)) {
        if (data27.required_for === void 0) {
          const err51 = { instancePath: instancePath + "/change_tickets", schemaPath: "#/properties/change_tickets/required", keyword: "required", params: { missingProperty: "required_for" }, message: "must have required property 'required_for'", schema: schema31.properties.change_tickets.required, parentSchema: schema31.properties.change_tickets, data: data27 };
          if (vErrors === null) {
            vErrors = [err51];
          } else {
            vErrors.push(err51);
          }
          errors++;
        }
        if (data27.pattern === void 0) {
          const err52 = { instancePath: instancePath + "/change_tickets", schemaPath: "#/properties/change_tickets/required", keyword: "required", params: { missingProperty: "pattern" }, message: "must have required property 'pattern'", schema: schema31.properties.change_tickets.required, parentSchema: schema31.properties.change_tickets, data: data27 };
          if (vErrors === null) {
            vErrors = [err52];
          } else {
            vErrors.push(err52);
          }
          errors++;
        }
        for (const key9 in data27) {
          if (!(key9 === "required_for" || key9 === "pattern" || key9 === "endpoint")) {
            const err53 = { instancePath: instancePath + "/change_tickets", schemaPath: "#/properties/change_tickets/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key9 }, message: "must NOT have additional properties", schema: false, parentSchema: schema31.properties.change_tickets, data: data27 };
            if (vErrors === null) {
              vErrors = [err53];
            } else {
              vErrors.push(err53);
            }
            errors++;
          }
        }
        if (data27.required_for !== void 0) {
          let data28 = data27.required_for;
          if (data28 && typeof data28 == "object" && !Array.isArray(data28)) {
            for (const key10 in data28) {
              if (!pattern11.test(key10)) {
                const err54 = { instancePath: instancePath + "/change_tickets/required_for", schemaPath: "#/properties/change_tickets/properties/required_for/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key10 }, message: "must NOT have additional properties", schema: false, parentSchema: schema31.properties.change_tickets.properties.required_for, data: data28 };
                if (vErrors === null) {
                  vErrors = [err54];
                } else {
                  vErrors.push(err54);
                }
                errors++;
              }
            }
            for (const key11 in data28) {
              if (pattern11.test(key11)) {
                let data29 = data28[key11];
                if (Array.isArray(data29)) {
                  if (data29.length < 1) {
                    const err55 = { instancePath: instancePath + "/change_tickets/required_for/" + key11.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/change_tickets/properties/required_for/patternProperties/%5E%5Ba-z%5D%5Ba-z0-9_-%5D%7B0%2C62%7D%24/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema31.properties.change_tickets.properties.required_for.patternProperties["^[a-z][a-z0-9_-]{0,62}$"], data: data29 };
                    if (vErrors === null) {
                      vErrors = [err55];
                    } else {
                      vErrors.push(err55);
                    }
                    errors++;
                  }
                  const len7 = data29.length;
                  for (let i7 = 0; i7 < len7; i7++) {
                    let data30 = data29[i7];
                    if (!(data30 === "pre" || data30 === "post" || data30 === "scheduled" || data30 === "manual")) {
                      const err56 = { instancePath: instancePath + "/change_tickets/required_for/" + key11.replace(/~/g, "~0").replace(/\//g, "~1") + "/" + i7, schemaPath: "#/properties/change_tickets/properties/required_for/patternProperties/%5E%5Ba-z%5D%5Ba-z0-9_-%5D%7B0%2C62%7D%24/items/enum", keyword: "enum", params: { allowedValues: schema31.properties.change_tickets.properties.required_for.patternProperties["^[a-z][a-z0-9_-]{0,62}$"].items.enum }, message: "must be equal to one of the allowed values", schema: schema31.properties.change_tickets.properties.required_for.patternProperties["^[a-z][a-z0-9_-]{0,62}$"].items.enum, parentSchema: schema31.properties.change_tickets.properties.required_for.patternProperties["^[a-z][a-z0-9_-]{0,62}$"].items, data: data30 };
                      if (vErrors === null) {
                        vErrors = [err56];
                      } else {
                        vErrors.push(err56);
                      }
                      errors++;
                    }
                  }
                  let i8 = data29.length;
                  let j0;
                  if (i8 > 1) {
                    outer0: for (; i8--; ) {
                      for (j0 = i8; j0--; ) {
                        if (func0(data29[i8], data29[j0])) {
                          const err57 = { instancePath: instancePath + "/change_tickets/required_for/" + key11.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/change_tickets/properties/required_for/patternProperties/%5E%5Ba-z%5D%5Ba-z0-9_-%5D%7B0%2C62%7D%24/uniqueItems", keyword: "uniqueItems", params: { i: i8, j: j0 }, message: "must NOT have duplicate items (items ## " + j0 + " and " + i8 + " are identical)", schema: true, parentSchema: schema31.properties.change_tickets.properties.required_for.patternProperties["^[a-z][a-z0-9_-]{0,62}$"], data: data29 };
                          if (vErrors === null) {
                            vErrors = [err57];
                          } else {
                            vErrors.push(err57);
                          }
                          errors++;
                          break outer0;
                        }
                      }
                    }
                  }
                } else {
                  const err58 = { instancePath: instancePath + "/change_tickets/required_for/" + key11.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/change_tickets/properties/required_for/patternProperties/%5E%5Ba-z%5D%5Ba-z0-9_-%5D%7B0%2C62%7D%24/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema31.properties.change_tickets.properties.required_for.patternProperties["^[a-z][a-z0-9_-]{0,62}$"].type, parentSchema: schema31.properties.change_tickets.properties.required_for.patternProperties["^[a-z][a-z0-9_-]{0,62}$"], data: data29 };
                  if (vErrors === null) {
                    vErrors = [err58];
                  } else {
                    vErrors.push(err58);
                  }
                  errors++;
                }
              }
            }
          } else {
            const err59 = { instancePath: instancePath + "/change_tickets/required_for", schemaPath: "#/properties/change_tickets/properties/required_for/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.properties.change_tickets.properties.required_for.type, parentSchema: schema31.properties.change_tickets.properties.required_for, data: data28 };
            if (vErrors === null) {
              vErrors = [err59];
            } else {
              vErrors.push(err59);
            }
            errors++;
          }
        }
        if (data27.pattern !== void 0) {
          let data31 = data27.pattern;
          if (typeof data31 === "string") {
            if (func2(data31) < 1) {
              const err60 = { instancePath: instancePath + "/change_tickets/pattern", schemaPath: "#/properties/change_tickets/properties/pattern/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema31.properties.change_tickets.properties.pattern, data: data31 };
              if (vErrors === null) {
                vErrors = [err60];
              } else {
                vErrors.push(err60);
              }
              errors++;
            }
          } else {
            const err61 = { instancePath: instancePath + "/change_tickets/pattern", schemaPath: "#/properties/change_tickets/properties/pattern/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.change_tickets.properties.pattern.type, parentSchema: schema31.properties.change_tickets.properties.pattern, data: data31 };
            if (vErrors === null) {
              vErrors = [err61];
            } else {
              vErrors.push(err61);
            }
            errors++;
          }
        }
        if (data27.endpoint !== void 0) {
          let data32 = data27.endpoint;
          if (data32 && typeof data32 == "object" && !Array.isArray(data32)) {
            if (data32.url === void 0) {
              const err62 = { instancePath: instancePath + "/change_tickets/endpoint", schemaPath: "#/properties/change_tickets/properties/endpoint/required", keyword: "required", params: { missingProperty: "url" }, message: "must have required property 'url'", schema: schema31.properties.change_tickets.properties.endpoint.required, parentSchema: schema31.properties.change_tickets.properties.endpoint, data: data32 };
              if (vErrors === null) {
                vErrors = [err62];
              } else {
                vErrors.push(err62);
              }
              errors++;
            }
            for (const key12 in data32) {
              if (!(key12 === "url" || key12 === "timeout" || key12 === "token_env")) {
                const err63 = { instancePath: instancePath + "/change_tickets/endpoint", schemaPath: "#/properties/change_tickets/properties/endpoint/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key12 }, message: "must NOT have additional properties", schema: false, parentSchema: schema31.properties.change_tickets.properties.endpoint, data: data32 };
                if (vErrors === null) {
                  vErrors = [err63];
                } else {
                  vErrors.push(err63);
                }
                errors++;
              }
            }
            if (data32.url !== void 0) {
              let data33 = data32.url;
              if (typeof data33 === "string") {
                if (!pattern50.test(data33)) {
                  const err64 = { instancePath: instancePath + "/change_tickets/endpoint/url", schemaPath: "#/properties/change_tickets/properties/endpoint/properties/url/pattern", keyword: "pattern", params: { pattern: "^https?://" }, message: 'must match pattern "^https?://"', schema: "^https?://", parentSchema: schema31.properties.change_tickets.properties.endpoint.properties.url, data: data33 };
                  if (vErrors === null) {
                    vErrors = [err64];
                  } else {
                    vErrors.push(err64);
                  }
                  errors++;
                }
                if (!formats0(data33)) {
                  const err65 = { instancePath: instancePath + "/change_tickets/endpoint/url", schemaPath: "#/properties/change_tickets/properties/endpoint/properties/url/format", keyword: "format", params: { format: "uri" }, message: 'must match format "uri"', schema: "uri", parentSchema: schema31.properties.change_tickets.properties.endpoint.properties.url, data: data33 };
                  if (vErrors === null) {
                    vErrors = [err65];
                  } else {
                    vErrors.push(err65);
                  }
                  errors++;
                }
              } else {
                const err66 = { instancePath: instancePath + "/change_tickets/endpoint/url", schemaPath: "#/properties/change_tickets/properties/endpoint/properties/url/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.change_tickets.properties.endpoint.properties.url.type, parentSchema: schema31.properties.change_tickets.properties.endpoint.properties.url, data: data33 };
                if (vErrors === null) {
                  vErrors = [err66];
                } else {
                  vErrors.push(err66);
                }
                errors++;
              }
            }
            if (data32.timeout !== void 0) {
              let data34 = data32.timeout;
              if (typeof data34 === "string") {
                if (!pattern13.test(data34)) {
                  const err67 = { instancePath: instancePath + "/change_tickets/endpoint/timeout", schemaPath: "#/$defs/duration/pattern", keyword: "pattern", params: { pattern: "^(?:[0-9]+(?:s|m|h|d|w))+$" }, message: 'must match pattern "^(?:[0-9]+(?:s|m|h|d|w))+$"', schema: "^(?:[0-9]+(?:s|m|h|d|w))+$", parentSchema: schema38, data: data34 };
                  if (vErrors === null) {
                    vErrors = [err67];
                  } else {
                    vErrors.push(err67);
                  }
                  errors++;
                }
              } else {
                const err68 = { instancePath: instancePath + "/change_tickets/endpoint/timeout", schemaPath: "#/$defs/duration/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema38.type, parentSchema: schema38, data: data34 };
                if (vErrors === null) {
                  vErrors = [err68];
                } else {
                  vErrors.push(err68);
                }
                errors++;
              }
            }
            if (data32.token_env !== void 0) {
              let data35 = data32.token_env;
              if (typeof data35 === "string") {
                if (!pattern52.test(data35)) {
                  const err69 = { instancePath: instancePath + "/change_tickets/endpoint/token_env", schemaPath: "#/properties/change_tickets/properties/endpoint/properties/token_env/pattern", keyword: "pattern", params: { pattern: "^[A-Z_][A-Z0-9_]*$" }, message: 'must match pattern "^[A-Z_][A-Z0-9_]*$"', schema: "^[A-Z_][A-Z0-9_]*$", parentSchema: schema31.properties.change_tickets.properties.endpoint.properties.token_env, data: data35 };
                  if (vErrors === null) {
                    vErrors = [err69];
                  } else {
                    vErrors.push(err69);
                  }
                  errors++;
                }
              } else {
                const err70 = { instancePath: instancePath + "/change_tickets/endpoint/token_env", schemaPath: "#/properties/change_tickets/properties/endpoint/properties/token_env/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.change_tickets.properties.endpoint.properties.token_env.type, parentSchema: schema31.properties.change_tickets.properties.endpoint.properties.token_env, data: data35 };
                if (vErrors === null) {
                  vErrors = [err70];
                } else {
                  vErrors.push(err70);
                }
                errors++;
              }
            }
          } else {
            const err71 = { instancePath: instancePath + "/change_tickets/endpoint", schemaPath: "#/properties/change_tickets/properties/endpoint/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.properties.change_tickets.properties.endpoint.type, parentSchema: schema31.properties.change_tickets.properties.endpoint, data: data32 };
            if (vErrors === null) {
              vErrors = [err71];
            } else {
              vErrors.push(err71);
            }
            errors++;
          }
        }
      } else {
        const err72 = { instancePath: instancePath + "/change_tickets", schemaPath: "#/properties/change_tickets/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.properties.change_tickets.type, parentSchema: schema31.properties.change_tickets, data: data27 };
        if (vErrors === null) {
          vErrors = [err72];
        } else {
          vErrors.push(err72);
        }
        errors++;
      }
    }
    if (data.roles !== void 0) {
      let data36 = data.roles;
      if (data36 && typeof data36 == "object" && !Array.isArray(data36)) {
        for (const key13 in data36) {
          if (!(key13 === "restorers" || key13 === "approvers" || key13 === "auditors")) {
            const err73 = { instancePath: instancePath + "/roles", schemaPath: "#/properties/roles/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key13 }, message: "must NOT have additional properties", schema: false, parentSchema: schema31.properties.roles, data: data36 };
            if (vErrors === null) {
              vErrors = [err73];
            } else {
              vErrors.push(err73);
            }
            errors++;
          }
        }
        if (data36.restorers !== void 0) {
          let data37 = data36.restorers;
          if (Array.isArray(data37)) {
            const len8 = data37.length;
            for (let i9 = 0; i9 < len8; i9++) {
              let data38 = data37[i9];
              if (typeof data38 === "string") {
                if (!pattern38.test(data38)) {
                  const err74 = { instancePath: instancePath + "/roles/restorers/" + i9, schemaPath: "#/$defs/principal/pattern", keyword: "pattern", params: { pattern: "^@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:/[A-Za-z0-9][A-Za-z0-9_.-]{0,99})?$" }, message: 'must match pattern "^@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:/[A-Za-z0-9][A-Za-z0-9_.-]{0,99})?$"', schema: "^@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:/[A-Za-z0-9][A-Za-z0-9_.-]{0,99})?$", parentSchema: schema69, data: data38 };
                  if (vErrors === null) {
                    vErrors = [err74];
                  } else {
                    vErrors.push(err74);
                  }
                  errors++;
                }
              } else {
                const err75 = { instancePath: instancePath + "/roles/restorers/" + i9, schemaPath: "#/$defs/principal/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema69.type, parentSchema: schema69, data: data38 };
                if (vErrors === null) {
                  vErrors = [err75];
                } else {
                  vErrors.push(err75);
                }
                errors++;
              }
            }
            let i10 = data37.length;
            let j1;
            if (i10 > 1) {
              outer1: for (; i10--; ) {
                for (j1 = i10; j1--; ) {
                  if (func0(data37[i10], data37[j1])) {
                    const err76 = { instancePath: instancePath + "/roles/restorers", schemaPath: "#/properties/roles/properties/restorers/uniqueItems", keyword: "uniqueItems", params: { i: i10, j: j1 }, message: "must NOT have duplicate items (items ## " + j1 + " and " + i10 + " are identical)", schema: true, parentSchema: schema31.properties.roles.properties.restorers, data: data37 };
                    if (vErrors === null) {
                      vErrors = [err76];
                    } else {
                      vErrors.push(err76);
                    }
                    errors++;
                    break outer1;
                  }
                }
              }
            }
          } else {
            const err77 = { instancePath: instancePath + "/roles/restorers", schemaPath: "#/properties/roles/properties/restorers/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema31.properties.roles.properties.restorers.type, parentSchema: schema31.properties.roles.properties.restorers, data: data37 };
            if (vErrors === null) {
              vErrors = [err77];
            } else {
              vErrors.push(err77);
            }
            errors++;
          }
        }
        if (data36.approvers !== void 0) {
          let data39 = data36.approvers;
          if (Array.isArray(data39)) {
            const len9 = data39.length;
            for (let i11 = 0; i11 < len9; i11++) {
              let data40 = data39[i11];
              if (typeof data40 === "string") {
                if (!pattern38.test(data40)) {
                  const err78 = { instancePath: instancePath + "/roles/approvers/" + i11, schemaPath: "#/$defs/principal/pattern", keyword: "pattern", params: { pattern: "^@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:/[A-Za-z0-9][A-Za-z0-9_.-]{0,99})?$" }, message: 'must match pattern "^@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:/[A-Za-z0-9][A-Za-z0-9_.-]{0,99})?$"', schema: "^@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:/[A-Za-z0-9][A-Za-z0-9_.-]{0,99})?$", parentSchema: schema69, data: data40 };
                  if (vErrors === null) {
                    vErrors = [err78];
                  } else {
                    vErrors.push(err78);
                  }
                  errors++;
                }
              } else {
                const err79 = { instancePath: instancePath + "/roles/approvers/" + i11, schemaPath: "#/$defs/principal/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema69.type, parentSchema: schema69, data: data40 };
                if (vErrors === null) {
                  vErrors = [err79];
                } else {
                  vErrors.push(err79);
                }
                errors++;
              }
            }
            let i12 = data39.length;
            let j2;
            if (i12 > 1) {
              outer2: for (; i12--; ) {
                for (j2 = i12; j2--; ) {
                  if (func0(data39[i12], data39[j2])) {
                    const err80 = { instancePath: instancePath + "/roles/approvers", schemaPath: "#/properties/roles/properties/approvers/uniqueItems", keyword: "uniqueItems", params: { i: i12, j: j2 }, message: "must NOT have duplicate items (items ## " + j2 + " and " + i12 + " are identical)", schema: true, parentSchema: schema31.properties.roles.properties.approvers, data: data39 };
                    if (vErrors === null) {
                      vErrors = [err80];
                    } else {
                      vErrors.push(err80);
                    }
                    errors++;
                    break outer2;
                  }
                }
              }
            }
          } else {
            const err81 = { instancePath: instancePath + "/roles/approvers", schemaPath: "#/properties/roles/properties/approvers/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema31.properties.roles.properties.approvers.type, parentSchema: schema31.properties.roles.properties.approvers, data: data39 };
            if (vErrors === null) {
              vErrors = [err81];
            } else {
              vErrors.push(err81);
            }
            errors++;
          }
        }
        if (data36.auditors !== void 0) {
          let data41 = data36.auditors;
          if (Array.isArray(data41)) {
            const len10 = data41.length;
            for (let i13 = 0; i13 < len10; i13++) {
              let data42 = data41[i13];
              if (typeof data42 === "string") {
                if (!pattern38.test(data42)) {
                  const err82 = { instancePath: instancePath + "/roles/auditors/" + i13, schemaPath: "#/$defs/principal/pattern", keyword: "pattern", params: { pattern: "^@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:/[A-Za-z0-9][A-Za-z0-9_.-]{0,99})?$" }, message: 'must match pattern "^@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:/[A-Za-z0-9][A-Za-z0-9_.-]{0,99})?$"', schema: "^@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:/[A-Za-z0-9][A-Za-z0-9_.-]{0,99})?$", parentSchema: schema69, data: data42 };
                  if (vErrors === null) {
                    vErrors = [err82];
                  } else {
                    vErrors.push(err82);
                  }
                  errors++;
                }
              } else {
                const err83 = { instancePath: instancePath + "/roles/auditors/" + i13, schemaPath: "#/$defs/principal/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema69.type, parentSchema: schema69, data: data42 };
                if (vErrors === null) {
                  vErrors = [err83];
                } else {
                  vErrors.push(err83);
                }
                errors++;
              }
            }
            let i14 = data41.length;
            let j3;
            if (i14 > 1) {
              outer3: for (; i14--; ) {
                for (j3 = i14; j3--; ) {
                  if (func0(data41[i14], data41[j3])) {
                    const err84 = { instancePath: instancePath + "/roles/auditors", schemaPath: "#/properties/roles/properties/auditors/uniqueItems", keyword: "uniqueItems", params: { i: i14, j: j3 }, message: "must NOT have duplicate items (items ## " + j3 + " and " + i14 + " are identical)", schema: true, parentSchema: schema31.properties.roles.properties.auditors, data: data41 };
                    if (vErrors === null) {
                      vErrors = [err84];
                    } else {
                      vErrors.push(err84);
                    }
                    errors++;
                    break outer3;
                  }
                }
              }
            }
          } else {
            const err85 = { instancePath: instancePath + "/roles/auditors", schemaPath: "#/properties/roles/properties/auditors/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema31.properties.roles.properties.auditors.type, parentSchema: schema31.properties.roles.properties.auditors, data: data41 };
            if (vErrors === null) {
              vErrors = [err85];
            } else {
              vErrors.push(err85);
            }
            errors++;
          }
        }
      } else {
        const err86 = { instancePath: instancePath + "/roles", schemaPath: "#/properties/roles/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.properties.roles.type, parentSchema: schema31.properties.roles, data: data36 };
        if (vErrors === null) {
          vErrors = [err86];
        } else {
          vErrors.push(err86);
        }
        errors++;
      }
    }
    if (data.alerts !== void 0) {
      let data43 = data.alerts;
      if (data43 && typeof data43 == "object" && !Array.isArray(data43)) {
        for (const key14 in data43) {
          if (!(key14 === "late_after" || key14 === "consecutive_failures")) {
            const err87 = { instancePath: instancePath + "/alerts", schemaPath: "#/properties/alerts/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key14 }, message: "must NOT have additional properties", schema: false, parentSchema: schema31.properties.alerts, data: data43 };
            if (vErrors === null) {
              vErrors = [err87];
            } else {
              vErrors.push(err87);
            }
            errors++;
          }
        }
        if (data43.late_after !== void 0) {
          let data44 = data43.late_after;
          if (typeof data44 === "string") {
            if (!pattern13.test(data44)) {
              const err88 = { instancePath: instancePath + "/alerts/late_after", schemaPath: "#/$defs/duration/pattern", keyword: "pattern", params: { pattern: "^(?:[0-9]+(?:s|m|h|d|w))+$" }, message: 'must match pattern "^(?:[0-9]+(?:s|m|h|d|w))+$"', schema: "^(?:[0-9]+(?:s|m|h|d|w))+$", parentSchema: schema38, data: data44 };
              if (vErrors === null) {
                vErrors = [err88];
              } else {
                vErrors.push(err88);
              }
              errors++;
            }
          } else {
            const err89 = { instancePath: instancePath + "/alerts/late_after", schemaPath: "#/$defs/duration/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema38.type, parentSchema: schema38, data: data44 };
            if (vErrors === null) {
              vErrors = [err89];
            } else {
              vErrors.push(err89);
            }
            errors++;
          }
        }
        if (data43.consecutive_failures !== void 0) {
          let data45 = data43.consecutive_failures;
          if (!(typeof data45 == "number" && (!(data45 % 1) && !isNaN(data45)) && isFinite(data45))) {
            const err90 = { instancePath: instancePath + "/alerts/consecutive_failures", schemaPath: "#/properties/alerts/properties/consecutive_failures/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema31.properties.alerts.properties.consecutive_failures.type, parentSchema: schema31.properties.alerts.properties.consecutive_failures, data: data45 };
            if (vErrors === null) {
              vErrors = [err90];
            } else {
              vErrors.push(err90);
            }
            errors++;
          }
          if (typeof data45 == "number" && isFinite(data45)) {
            if (data45 < 1 || isNaN(data45)) {
              const err91 = { instancePath: instancePath + "/alerts/consecutive_failures", schemaPath: "#/properties/alerts/properties/consecutive_failures/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema31.properties.alerts.properties.consecutive_failures, data: data45 };
              if (vErrors === null) {
                vErrors = [err91];
              } else {
                vErrors.push(err91);
              }
              errors++;
            }
          }
        }
      } else {
        const err92 = { instancePath: instancePath + "/alerts", schemaPath: "#/properties/alerts/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.properties.alerts.type, parentSchema: schema31.properties.alerts, data: data43 };
        if (vErrors === null) {
          vErrors = [err92];
        } else {
          vErrors.push(err92);
        }
        errors++;
      }
    }
  } else {
    const err93 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.type, parentSchema: schema31, data };
    if (vErrors === null) {
      vErrors = [err93];
    } else {
      vErrors.push(err93);
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
import { LineCounter, isMap as isMap2, parseDocument } from "yaml";

// core/policy/policy-source.ts
function formatPolicyRef(ref, entry) {
  const sameRepo = ref.owner === entry.owner && ref.repo === entry.repo;
  if (sameRepo || ref.repo === void 0) return ref.path;
  return ref.owner === void 0 ? `${ref.repo}:${ref.path}` : `${ref.owner}/${ref.repo}:${ref.path}`;
}

// core/policy/resolve-policy-files.ts
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
  const lineCounter = new LineCounter();
  if (text2.length > MAX_POLICY_BYTES) {
    problems.push({
      file: display,
      line: null,
      path: "",
      message: `the file is larger than ${MAX_POLICY_BYTES / 1024} KiB`,
      fix: "a policy is a few hundred lines; move generated lists out of it"
    });
    return { ref, display, document: parseDocument("", { lineCounter }), lineCounter, data: null };
  }
  const document = parseDocument(text2, {
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
  if (!isMap2(document.contents)) {
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

// core/policy/default-policy-path.ts
var DEFAULT_POLICY_PATH = ".github/snapgate.yml";

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

// core/github/commit-check-runs.ts
var COMMIT_CHECK_RUNS_FIELDS = "checkSuites(first: 10, filterBy: { appId: $appId }) { nodes { checkRuns(first: 100, filterBy: { checkType: ALL }) { nodes { databaseId name status conclusion externalId } } } }";
function commitCheckRuns(commit) {
  const runs = [];
  for (const suite of commit?.checkSuites?.nodes ?? []) {
    for (const run of suite.checkRuns.nodes) {
      if (run.databaseId === null) continue;
      runs.push({
        id: run.databaseId,
        name: run.name,
        status: run.status.toLowerCase(),
        conclusion: run.conclusion === null ? null : run.conclusion.toLowerCase(),
        externalId: run.externalId
      });
    }
  }
  return runs.sort((a, b) => a.id - b.id);
}

// core/github/query-allowing-missing.ts
async function queryAllowingMissing(client, query, variables, optional) {
  try {
    return await client.graphql(query, variables);
  } catch (error) {
    const failure = error;
    const onlyMissingOptional = failure.data !== void 0 && failure.data !== null && (failure.errors?.length ?? 0) > 0 && (failure.errors ?? []).every(
      (item) => item.type === "NOT_FOUND" && typeof item.path?.[0] === "string" && optional.includes(item.path[0])
    );
    if (onlyMissingOptional) return failure.data;
    throw error;
  }
}

// core/github/github-policy-source.ts
var DEFAULT_BRANCH_FILE_FIELDS = "defaultBranchRef { name target { ... on Commit { file(path: $path) { object { ... on Blob { text isTruncated } } } } } }";
function defaultBranchFileText(node, display) {
  const object = node?.defaultBranchRef?.target?.file?.object;
  if (!object) return null;
  if (object.isTruncated) {
    throw new SnapgateError("CONFIG", `${display} is too large to read through GitHub's API.`, {
      fix: "A policy is a few hundred lines; move generated lists out of it."
    });
  }
  if (object.text === null) {
    throw new SnapgateError("CONFIG", `${display} is not a text file.`, {
      fix: "Write the policy as YAML text (docs/policy.md)."
    });
  }
  return object.text;
}
function fileKey(owner, repo, path) {
  return `${owner.toLowerCase()}/${repo.toLowerCase()}:${path}`;
}
var GitHubPolicySource = class {
  constructor(client, entry) {
    this.client = client;
    this.entry = entry;
  }
  client;
  entry;
  known = /* @__PURE__ */ new Map();
  /**
   * Records a file read elsewhere from a DEFAULT_BRANCH_FILE_FIELDS selection
   * (null node: the repository does not exist or cannot be seen); a file that
   * cannot be used fails when the policy loader reads it, as a policy problem.
   */
  remember(ref, node) {
    let value;
    try {
      value = defaultBranchFileText(node, `${ref.owner}/${ref.repo}:${ref.path}`);
    } catch (error) {
      value = error;
    }
    this.known.set(fileKey(ref.owner, ref.repo, ref.path), value);
  }
  /** Whether a remembered or read file exists (false when it is unknown). */
  has(ref) {
    const value = this.known.get(fileKey(ref.owner, ref.repo, ref.path));
    return value !== void 0 && value !== null;
  }
  async read(ref) {
    const owner = ref.owner ?? this.entry.owner;
    const repo = ref.repo ?? this.entry.repo;
    const key = fileKey(owner, repo, ref.path);
    const known = this.known.get(key);
    if (known instanceof SnapgateError) throw known;
    if (known !== void 0) return known;
    let result;
    try {
      result = await queryAllowingMissing(
        this.client,
        `query SnapgatePolicyFile($owner: String!, $name: String!, $path: String!) {
          repository(owner: $owner, name: $name) { ${DEFAULT_BRANCH_FILE_FIELDS} }
        }`,
        { owner, name: repo, path: ref.path },
        ["repository"]
      );
    } catch (error) {
      throw githubError(
        error,
        `reading the policy ${owner}/${repo}:${ref.path}`,
        `${owner}/${repo}`
      );
    }
    this.remember({ owner, repo, path: ref.path }, result.repository);
    return this.read(ref);
  }
};

// core/github/policy-files-query.ts
var ORG_CONFIG_REPO = ".github";
function policyFilesQuery(repository, path) {
  const withOrg = repository.repo.toLowerCase() !== ORG_CONFIG_REPO;
  return {
    fields: DEFAULT_BRANCH_FILE_FIELDS,
    orgPolicy: withOrg ? `orgPolicy: repository(owner: $owner, name: "${ORG_CONFIG_REPO}") { ${DEFAULT_BRANCH_FILE_FIELDS} }` : "",
    read(client, result) {
      const policySource = new GitHubPolicySource(client, repository);
      const own = { owner: repository.owner, repo: repository.repo, path };
      const org = { owner: repository.owner, repo: ORG_CONFIG_REPO, path };
      policySource.remember(own, result.repository);
      if (withOrg) policySource.remember(org, result.orgPolicy);
      return {
        defaultBranch: result.repository.defaultBranchRef?.name ?? null,
        policySource,
        hasPolicy: policySource.has(own) || withOrg && policySource.has(org)
      };
    }
  };
}

// core/github/read-gate-context.ts
async function readGateContext(client, options) {
  const path = options.policyPath ?? DEFAULT_POLICY_PATH;
  const policyFiles = policyFilesQuery(options, path);
  const head = options.headSha ? `head: object(oid: $head) { ... on Commit { ${COMMIT_CHECK_RUNS_FIELDS} } }` : "";
  const query = `query SnapgateGateContext($owner: String!, $name: String!, $path: String!${options.headSha ? ", $head: GitObjectID!, $appId: Int!" : ""}) {
    repository(owner: $owner, name: $name) { ${policyFiles.fields} ${head} }
    ${policyFiles.orgPolicy}
  }`;
  let result;
  try {
    result = await queryAllowingMissing(
      client,
      query,
      {
        owner: options.owner,
        name: options.repo,
        path,
        ...options.headSha ? { head: options.headSha, appId: options.appId } : {}
      },
      ["orgPolicy"]
    );
  } catch (error) {
    throw githubError(
      error,
      `reading the policy of ${options.owner}/${options.repo}`,
      `${options.owner}/${options.repo}`
    );
  }
  return {
    ...policyFiles.read(client, result),
    checkRuns: commitCheckRuns(result.repository.head)
  };
}

// core/gate/policy-error-decision.ts
function policyErrorDecision(environment, error) {
  const failure = asSnapgateError(error);
  const problems = failure.details["problems"] ?? [];
  const detail = problems.length > 0 ? problems.map(formatPolicyProblem).join("\n") : failure.message;
  return {
    environment,
    conclusion: "failure",
    summary: "The Snapgate policy cannot be used.",
    conditions: [
      {
        name: "policy",
        state: "fail",
        detail,
        fix: failure.fix ?? "Fix .github/snapgate.yml on the default branch; docs/policy.md describes every key.",
        paths: [...new Set(problems.map((problem) => problem.file))],
        ...problems.length > 0 ? {
          locations: problems.map((problem) => ({
            file: problem.file,
            line: problem.line,
            message: formatPolicyProblem(problem)
          }))
        } : {}
      }
    ]
  };
}

// core/gate/policy-read-error-decision.ts
function policyReadErrorDecision(environment, error) {
  const failure = asSnapgateError(error);
  return {
    environment,
    conclusion: "failure",
    summary: "The Snapgate policy could not be read, so the backup is unverified.",
    conditions: [
      {
        name: "policy",
        state: "unknown",
        detail: `Reading the policy failed: ${failure.summary}`,
        fix: `${failure.fix ?? "Try again later."} Then run the check again.`
      }
    ]
  };
}

// core/policy/gated-environments.ts
function gatedEnvironments(policy, branch) {
  return Object.values(policy.environments).filter((environment) => compileGlobs(environment.releaseBranches)(branch)).map((environment) => environment.name);
}

// core/policy/evaluate-exceptions.ts
var DAY_MS2 = 864e5;
var EXPIRING_SOON_MS = 14 * DAY_MS2;
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
      daysLeft: Math.floor(left / DAY_MS2),
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

// core/policy/judge-coverage.ts
function judgeCoverage(policy, environment, components, uncoveredTier0) {
  const present = new Set(components);
  const missingComponents = requiredComponents(policy, environment).filter(
    (name) => !present.has(name)
  );
  const uncovered = uncoveredTier0 === null ? null : [...uncoveredTier0];
  const state = missingComponents.length > 0 || (uncovered?.length ?? 0) > 0 ? "fail" : uncovered === null ? "unknown" : "pass";
  return { state, missingComponents, uncoveredTier0: uncovered };
}

// core/gate/check-drill.ts
function checkDrill(input, tier) {
  const interval = tier.drillIntervalMs;
  if (interval === void 0) return null;
  const env2 = input.environment;
  const fix = `Run a drill of ${env2} (\`snapgate drill --env ${env2} --identity FILE --writer-key FILE --validate "CMD"\`), or the scheduled drill workflow.`;
  const condition = (state, detail, fixText) => ({
    name: "drill",
    state,
    detail,
    fix: state === "pass" ? null : fixText
  });
  const drill = input.drill;
  if (drill === void 0) return condition("unknown", "The drills were not read.", fix);
  if (drill === null)
    return condition(
      "fail",
      `${tier.name} needs a passing drill every ${formatDuration(interval)}; none is recorded.`,
      fix
    );
  if (!drill.trusted)
    return condition(
      "fail",
      `The newest drill cannot be trusted: ${drill.detail ?? "its signature does not verify"}.`,
      `Investigate who wrote ${drill.path}; then ${fix.charAt(0).toLowerCase()}${fix.slice(1)}`
    );
  if (!drill.ok)
    return condition(
      "fail",
      `The newest drill (${drill.time}, snapshot ${drill.snapshot.slice(0, 12)}) failed${drill.detail ? `: ${drill.detail}` : ""}.`,
      `Fix what it found (${drill.path} lists its gaps and the validation output), then drill again.`
    );
  const age = Math.max(0, input.now.getTime() - Date.parse(drill.time));
  if (Number.isNaN(age))
    return condition("unknown", `The drill time '${drill.time}' cannot be read.`, fix);
  return age > interval ? condition(
    "fail",
    `The last passing drill is ${formatDuration(age)} old; ${tier.name} needs one every ${formatDuration(interval)}.`,
    fix
  ) : condition("pass", `Drilled ${formatDuration(age)} ago (${drill.path}).`, null);
}

// core/gate/decide-gate.ts
var CLOCK_SKEW_MS = 5 * 6e4;
function decideGate(input) {
  const { policy, environment } = input;
  const conditions = [];
  const add = (name, state, detail, fix, paths) => {
    conditions.push({
      name,
      state,
      detail,
      fix: state === "pass" ? null : fix,
      ...paths && paths.length > 0 ? { paths } : {}
    });
  };
  const environmentPolicy = policy.environments[environment];
  const tier = environmentPolicy ? policy.tiers[environmentPolicy.tier] : void 0;
  if (!environmentPolicy || !tier) {
    add(
      "environment",
      "fail",
      `The policy has no environment '${environment}'.`,
      `Add it under environments in the policy, or gate one of: ${Object.keys(policy.environments).join(", ")}.`
    );
    return conclude(environment, conditions);
  }
  const snapshot = input.snapshot;
  const snapshotCommand = `run the snapshot workflow (${environmentPolicy.snapshotWorkflow ?? "Snapshot now"}) or \`snapgate snapshot --env ${environment}\``;
  if (snapshot === null) {
    add(
      "snapshot",
      "fail",
      `No snapshot of ${environment} exists.`,
      `Take one: ${snapshotCommand}.`
    );
  } else {
    add(
      "snapshot",
      "pass",
      `Newest snapshot: #${snapshot.seq} (${snapshot.id.slice(0, 12)}) at ${snapshot.time}.`,
      null
    );
    checkSignature(input, snapshot, add);
    checkChain(snapshot, add);
    checkBlobs(snapshot, add, snapshotCommand);
    checkFreshness(input, snapshot, tier.maxAgeMs, tier.name, add, snapshotCommand);
    checkCoverage(input, snapshot, add);
    checkConsistency(input, snapshot, add);
  }
  checkExceptions(input, add);
  if (tier.restoreVerificationMs !== null)
    checkRestoreVerification(input, tier.restoreVerificationMs, tier.name, add);
  checkLock(input, add);
  const drill = checkDrill(input, tier);
  if (drill) conditions.push(drill);
  return conclude(environment, conditions);
}
function checkSignature(input, snapshot, add) {
  const signature = snapshot.signature;
  if (signature === null) {
    add(
      "signature",
      "unknown",
      "The manifest signature was not checked.",
      "Re-run the check; if it persists, run `snapgate verify` against the store."
    );
    return;
  }
  if (signature.state === "bad") {
    add(
      "signature",
      "fail",
      `The manifest signature does not verify${signature.detail ? ` (${signature.detail})` : ""}: the manifest was altered or forged.`,
      "Treat the snapshot as untrusted: investigate who wrote it, then take a new snapshot with the job's writer key."
    );
    return;
  }
  const rule = input.policy.keys.writers.find((writer) => writer.key === signature.key);
  if (signature.state === "unknown-key" || !rule) {
    add(
      "signature",
      "fail",
      `The manifest is signed by ${short(signature.key)}, which is not in keys.writers.`,
      "If it is the snapshot job's key, add it to keys.writers; otherwise someone else wrote this snapshot: investigate."
    );
    return;
  }
  const time = Date.parse(snapshot.time);
  if (rule.validFromMs !== null && time < rule.validFromMs || rule.validUntilMs !== null && time >= rule.validUntilMs) {
    add(
      "signature",
      "fail",
      `The writer key ${short(signature.key)} was not valid at the snapshot's time ${snapshot.time}.`,
      "Take a new snapshot with a current writer key, or correct the key's valid_from/valid_until."
    );
    return;
  }
  add("signature", "pass", `Signed by writer key ${short(signature.key)}.`, null);
}
function checkChain(snapshot, add) {
  if (snapshot.chain === null) {
    add(
      "chain",
      "unknown",
      "The hash chain was not checked.",
      "Re-run the check; if it persists, run `snapgate verify` against the store."
    );
  } else if (snapshot.chain.state === "broken") {
    add(
      "chain",
      "fail",
      `The hash chain is broken at snapshot #${snapshot.chain.atSeq}${snapshot.chain.detail ? ` (${snapshot.chain.detail})` : ""}.`,
      "A manifest was removed or rewritten: investigate with `snapgate verify`, restore the backup repository's history, then take a new snapshot."
    );
  } else {
    add("chain", "pass", `The chain up to #${snapshot.seq} is intact.`, null);
  }
}
function checkBlobs(snapshot, add, snapshotCommand) {
  const missing = snapshot.missingBlobs;
  const gaps = snapshot.recipientGaps;
  if (missing === null || gaps === null) {
    add(
      "blobs",
      "unknown",
      "The blobs were not checked.",
      "Re-run the check; if it persists, run `snapgate verify` against the store."
    );
  } else if (missing.length > 0) {
    const listed = missing.slice(0, 5).map((id) => id.slice(0, 12)).join(", ");
    add(
      "blobs",
      "fail",
      `${missing.length} blob(s) are missing or do not match their recorded hash: ${listed}${missing.length > 5 ? ", ..." : ""}.`,
      `Restore them from a replica of the backup repository, or ${snapshotCommand} to store them again.`
    );
  } else if (gaps.length > 0) {
    const keys = [...new Set(gaps.flatMap((gap) => gap.cannotOpen))];
    add(
      "blobs",
      "fail",
      `${gaps.length} file(s) cannot be opened by ${keys.map(short).join(", ")}, though the snapshot lists them as recipients: ${gaps.slice(0, 5).map((gap) => gap.path).join(", ")}${gaps.length > 5 ? ", ..." : ""}.`,
      `Take a new snapshot (${snapshotCommand}): it seals every file to the current recipients again.`,
      gaps.map((gap) => gap.path)
    );
  } else {
    add(
      "blobs",
      "pass",
      "Every blob is present with its recorded ciphertext hash and sealed to every recipient.",
      null
    );
  }
}
function checkFreshness(input, snapshot, maxAgeMs, tierName, add, snapshotCommand) {
  const time = Date.parse(snapshot.time);
  const written = snapshot.writtenAt === void 0 ? time : Date.parse(snapshot.writtenAt);
  const now = input.now.getTime();
  if (Number.isNaN(time) || Number.isNaN(written)) {
    add(
      "freshness",
      "unknown",
      `The snapshot's time '${snapshot.time}' cannot be read.`,
      `Take a new snapshot: ${snapshotCommand}.`
    );
    return;
  }
  const effective = Math.min(time, written);
  if (effective > now + CLOCK_SKEW_MS) {
    add(
      "freshness",
      "fail",
      `The snapshot's time ${new Date(effective).toISOString()} is in the future.`,
      `Check the runner's clock and the --time given; then ${snapshotCommand}.`
    );
    return;
  }
  const age = Math.max(0, now - effective);
  if (age > maxAgeMs) {
    add(
      "freshness",
      "fail",
      `The newest snapshot is ${formatDuration(age)} old; ${tierName} allows ${formatDuration(maxAgeMs)}.`,
      `Take a snapshot: ${snapshotCommand}.`
    );
  } else {
    add(
      "freshness",
      "pass",
      `${formatDuration(age)} old (${tierName} allows ${formatDuration(maxAgeMs)}).`,
      null
    );
  }
}
function checkCoverage(input, snapshot, add) {
  const judgement = judgeCoverage(
    input.policy,
    input.environment,
    snapshot.components,
    snapshot.uncoveredTier0Paths
  );
  const missing = judgement.missingComponents;
  const uncovered = judgement.uncoveredTier0;
  const problems = [];
  if (missing.length > 0)
    problems.push(`required component(s) with no file in the snapshot: ${missing.join(", ")}`);
  if (uncovered !== null && uncovered.length > 0) {
    problems.push(
      `${uncovered.length} tier-0 path(s) in no component: ${uncovered.slice(0, 5).join(", ")}${uncovered.length > 5 ? ", ..." : ""}`
    );
  }
  if (judgement.state === "fail") {
    add(
      "coverage",
      "fail",
      `${capitalise(problems.join("; "))}.`,
      "Add the paths to a component (or fix the component's globs) in the policy, or accept the gap with an exception; `snapgate coverage` lists them.",
      uncovered ?? void 0
    );
  } else if (judgement.state === "unknown") {
    add(
      "coverage",
      "unknown",
      "The snapshot recorded no coverage of tier-0 paths.",
      "Take a new snapshot with this version of Snapgate, which records it."
    );
  } else {
    add("coverage", "pass", `Every required component and tier-0 path is covered.`, null);
  }
}
function checkConsistency(input, snapshot, add) {
  const rules = input.policy.consistency.map((rule) => rule.name);
  if (rules.length === 0) {
    add("consistency", "pass", "The policy has no consistency rules.", null);
    return;
  }
  const outcomes = snapshot.consistency;
  if (outcomes === null) {
    add(
      "consistency",
      "unknown",
      "The snapshot recorded no consistency outcomes.",
      "Take a new snapshot with this version of Snapgate, which evaluates the rules."
    );
    return;
  }
  const failed3 = outcomes.filter((outcome) => !outcome.ok && rules.includes(outcome.name));
  const missing = rules.filter((name) => !outcomes.some((outcome) => outcome.name === name));
  if (failed3.length > 0) {
    add(
      "consistency",
      "fail",
      failed3.map((outcome) => outcome.message).join(" "),
      "Make the files agree and take a new snapshot (each message says which value differs)."
    );
  } else if (missing.length > 0) {
    add(
      "consistency",
      "unknown",
      `The snapshot has no outcome for rule(s) ${missing.join(", ")}.`,
      "Take a new snapshot under the current policy."
    );
  } else {
    add("consistency", "pass", `${rules.length} rule(s) pass.`, null);
  }
}
function checkExceptions(input, add) {
  const evaluation = evaluateExceptions(input.policy, input.now, {
    environment: input.environment
  });
  if (evaluation.expired.length > 0) {
    const listed = evaluation.expired.map(
      (status) => `exceptions[${status.exception.index}] (${status.exception.paths.join(", ")}) expired ${status.exception.expires}`
    ).join("; ");
    add(
      "exceptions",
      "fail",
      `Expired: ${listed}.`,
      "Close the gap (add the paths to a component) and remove the exception, or renew it with a new expires and accepted_by."
    );
  } else if (evaluation.expiringSoon.length > 0) {
    const listed = evaluation.expiringSoon.map((status) => `exceptions[${status.exception.index}] expires ${status.exception.expires}`).join("; ");
    add("exceptions", "pass", `No expired exception; soon: ${listed}.`, null);
  } else {
    add(
      "exceptions",
      "pass",
      `No expired exception (${evaluation.exceptions.length} active).`,
      null
    );
  }
}
function checkRestoreVerification(input, intervalMs, tierName, add) {
  const fix = `Run a restore-level verification or drill of ${input.environment} (\`snapgate verify latest --env ${input.environment} --identity FILE --record\`).`;
  const failure = input.failedRestoreVerification;
  if (failure) {
    add(
      "restore-verification",
      "fail",
      `The newest restore-level verification (${failure.time}, snapshot ${failure.snapshot.slice(0, 12)}) failed: ${failure.detail}`,
      `Fix what it found (\`snapgate verify ${failure.snapshot.slice(0, 12)} --identity FILE\` shows it), then verify again with --record.`
    );
    return;
  }
  if (input.lastRestoreVerification === null) {
    add(
      "restore-verification",
      "fail",
      `${tierName} needs a restore-level verification every ${formatDuration(intervalMs)}; none is recorded.`,
      fix
    );
    return;
  }
  const time = Date.parse(input.lastRestoreVerification);
  if (Number.isNaN(time)) {
    add(
      "restore-verification",
      "unknown",
      `The verification time '${input.lastRestoreVerification}' cannot be read.`,
      fix
    );
    return;
  }
  const age = Math.max(0, input.now.getTime() - time);
  if (age > intervalMs) {
    add(
      "restore-verification",
      "fail",
      `The last restore-level verification is ${formatDuration(age)} old; ${tierName} needs one every ${formatDuration(intervalMs)}.`,
      fix
    );
  } else {
    add(
      "restore-verification",
      "pass",
      `Verified at restore level ${formatDuration(age)} ago.`,
      null
    );
  }
}
function checkLock(input, add) {
  const fact = input.lock;
  if (fact === void 0 || fact.state === "unlocked") return;
  const environment = input.environment;
  if (fact.state === "untrusted") {
    add("lock", "unknown", `The lock of ${environment} cannot be read: ${fact.detail}`, fact.fix);
    return;
  }
  const { lock } = fact;
  add(
    "lock",
    "fail",
    `${environment} is locked by @${lock.by.login} since ${lock.at}${lock.reason ? `: ${lock.reason}` : " (no reason given)"}.`,
    `Ask @${lock.by.login} or another approver to comment \`/snapgate unlock --env ${environment}\` when the reason is resolved; then re-run this check.`
  );
}
function conclude(environment, conditions) {
  const notPassing = conditions.filter((condition) => condition.state !== "pass");
  return {
    environment,
    conclusion: notPassing.length === 0 ? "success" : "failure",
    summary: notPassing.length === 0 ? `All ${conditions.length} conditions pass.` : `${notPassing.length} of ${conditions.length} conditions do not pass: ${notPassing.map((condition) => condition.name).join(", ")}.`,
    conditions
  };
}
function short(key) {
  return key.length > 16 ? `${key.slice(0, 16)}...` : key;
}
function capitalise(text2) {
  return text2.charAt(0).toUpperCase() + text2.slice(1);
}

// core/store/store.ts
function blobPath(blob) {
  const set = blob.recipientSet ? `-${blob.recipientSet}` : "";
  return `blobs/${blob.id.slice(0, 2)}/${blob.id}-${blob.sha256}${set}${blob.encoding === "gzip" ? ".gz" : ""}.age`;
}
var BLOB_FILE_NAME = /^([0-9a-f]{64})-([0-9a-f]{64})(?:-([0-9a-f]{32}))?(\.gz)?\.age$/;
function parseBlobFileName(name) {
  const match = BLOB_FILE_NAME.exec(name);
  if (!match?.[1] || !match[2]) return void 0;
  return {
    id: match[1],
    sha256: match[2],
    encoding: match[4] ? "gzip" : "none",
    ...match[3] ? { recipientSet: match[3] } : {}
  };
}
function blobLookupKey(id, recipientSet) {
  return `${id}/${recipientSet ?? ""}`;
}
function manifestPath(stream, seq) {
  return `manifests/${stream}/${String(seq).padStart(10, "0")}.json`;
}
function catalogPath(stream, written) {
  const month = String(written.getUTCMonth() + 1).padStart(2, "0");
  return `catalog/${stream}/${written.getUTCFullYear()}-${month}.jsonl`;
}
function headPath(stream) {
  return `heads/${stream}.json`;
}
var AUDIT_HEAD_PATH = "audit/head.json";
function auditPath(time) {
  const month = String(time.getUTCMonth() + 1).padStart(2, "0");
  return `audit/${time.getUTCFullYear()}/${month}.jsonl`;
}
var STORE_FORMAT = "snapgate.store/v1";

// core/crypto/canonical-json.ts
import canonicalize from "canonicalize";
function canonicalJson(value) {
  const text2 = canonicalize(value);
  if (text2 === void 0) {
    throw new SnapgateError("INTEGRITY", "A value could not be serialised as canonical JSON.", {
      fix: "This is a bug: report the command you ran."
    });
  }
  return text2;
}

// core/crypto/manifest-signature.ts
function verifyManifestSignature(sodium, manifest, trustedKeys) {
  const { signature, ...body } = manifest;
  const key = signature?.key ?? "";
  if (!trustedKeys.includes(key)) return { ok: false, reason: "unknown-key", key };
  const message = new TextEncoder().encode(canonicalJson(body));
  let valid;
  try {
    valid = signature.alg === "ed25519" && sodium.crypto_sign_verify_detached(
      Buffer.from(signature.value, "base64"),
      message,
      parseVerifyKey(key)
    );
  } catch {
    valid = false;
  }
  return valid ? { ok: true, key } : { ok: false, reason: "bad-signature", key };
}

// core/crypto/sha256-hex.ts
import { createHash } from "node:crypto";
function sha256Hex(bytes) {
  return createHash("sha256").update(bytes).digest("hex");
}

// core/crypto/sodium.ts
var ready;
function loadSodium() {
  ready ??= import("libsodium-wrappers").then(async (module) => {
    const sodium = module.default ?? module;
    await sodium.ready;
    return sodium;
  });
  return ready;
}

// core/map-with-concurrency.ts
async function mapWithConcurrency(items, limit, fn) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

// core/snapshot/check-stream-chain.ts
var BATCH = 64;
async function checkStreamChain(store, stream, upto) {
  let previous = null;
  for (let start = 1; start <= upto; start += BATCH) {
    const seqs = Array.from({ length: Math.min(BATCH, upto - start + 1) }, (_, i) => start + i);
    const links = await mapWithConcurrency(seqs, 16, async (seq) => {
      const bytes = await store.readManifest(stream, seq);
      if (!bytes) return { seq, sha256: null, prev: void 0, named: "" };
      let prev;
      let named = "";
      try {
        const parsed = JSON.parse(Buffer.from(bytes).toString("utf8"));
        prev = typeof parsed.prev === "string" || parsed.prev === null ? parsed.prev : void 0;
        named = `${String(parsed.stream)}@${String(parsed.seq)}`;
      } catch {
        prev = void 0;
      }
      return { seq, sha256: sha256Hex(bytes), prev, named };
    });
    for (const link of links) {
      const broken = linkProblem(stream, link, previous);
      if (broken) return { state: "broken", atSeq: link.seq, detail: broken };
      previous = link;
    }
  }
  return { state: "ok" };
}
function linkProblem(stream, link, previous) {
  if (link.sha256 === null) return `manifest ${stream}@${link.seq} is missing`;
  if (link.prev === void 0) return `manifest ${stream}@${link.seq} cannot be read`;
  if (link.named !== `${stream}@${link.seq}`)
    return `the manifest stored as ${stream}@${link.seq} says it is ${link.named}`;
  const expected = previous?.sha256 ?? null;
  if (link.prev !== expected)
    return link.seq === 1 ? `manifest ${stream}@1 links to an earlier manifest` : `manifest ${stream}@${link.seq - 1} is not the one ${stream}@${link.seq} was written after`;
  return null;
}

// core/snapshot/blob-ref-of.ts
function blobRefOf(file) {
  return {
    id: file.blob,
    sha256: file.ciphertextSha256,
    encoding: file.encoding,
    ...file.recipientSet ? { recipientSet: file.recipientSet } : {}
  };
}

// core/snapshot/for-each-blob-window.ts
var BLOB_WINDOW = 100;
async function forEachBlobWindow(store, files, process2, concurrency = 4, checkWindow) {
  const results = [];
  const read = (start) => {
    const window = files.slice(start, start + BLOB_WINDOW);
    const blobs = Promise.all(window.map((file) => store.readBlob(blobRefOf(file))));
    blobs.catch(() => void 0);
    return { window, blobs };
  };
  let next = files.length > 0 ? read(0) : void 0;
  for (let start = 0; next; start += BLOB_WINDOW) {
    const window = next.window;
    const blobs = await next.blobs;
    next = start + BLOB_WINDOW < files.length ? read(start + BLOB_WINDOW) : void 0;
    checkWindow?.(window, blobs);
    results.push(
      ...await mapWithConcurrency(
        window,
        concurrency,
        (file, index) => process2(file, blobs[index] ?? null)
      )
    );
  }
  return results;
}

// core/json-schema-validator.ts
function describe(error) {
  if (error.keyword === "additionalProperties") {
    return `has an unknown key '${String(error.params.additionalProperty)}'`;
  }
  if (error.keyword === "enum") {
    return `must be one of ${error.params.allowedValues.map((v) => JSON.stringify(v)).join(", ")}`;
  }
  return error.message ?? error.keyword;
}
var JsonSchemaValidator = class {
  /**
   * `load` gives the validate function on first use: ajv compiles lazily
   * (see schemaValidator), and a schema on a hot path passes its precompiled
   * validator (scripts/compile-validators.js), so ajv is never even loaded.
   */
  constructor(load) {
    this.load = load;
  }
  load;
  compiled;
  get validate() {
    this.compiled ??= this.load();
    return this.compiled;
  }
  check(value) {
    const validate = this.validate;
    if (validate(value)) return { ok: true, value };
    const problems = (validate.errors ?? []).map((error) => ({
      instancePath: error.instancePath || "/",
      message: describe(error)
    }));
    return { ok: false, problems };
  }
};

// core/generated/manifest-validator.ts
import __ajvRuntime02 from "ajv/dist/runtime/ucs2length.js";
import __ajvRuntime12 from "ajv-formats/dist/formats.js";
var manifest_validator_default = validate202;
var schema312 = { "$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://snapgate.dev/schemas/manifest.schema.json", "title": "Snapgate snapshot manifest (snapgate.manifest/v1)", "description": "One snapshot of one stream (environment): signed with the writer key and hash-chained to the previous manifest of the stream. Paths, sizes and metadata are readable by anyone who can read the store; contents are not.", "type": "object", "additionalProperties": false, "required": ["format", "stream", "seq", "prev", "phase", "time", "writtenAt", "metadata", "policyDigest", "recipients", "files", "signature"], "properties": { "format": { "const": "snapgate.manifest/v1" }, "stream": { "type": "string", "pattern": "^[a-z0-9][a-z0-9._-]{0,62}$" }, "seq": { "type": "integer", "minimum": 1 }, "prev": { "oneOf": [{ "type": "null" }, { "$ref": "#/$defs/sha256" }] }, "phase": { "enum": ["pre", "post", "scheduled", "manual"] }, "time": { "type": "string", "format": "date-time" }, "writtenAt": { "type": "string", "format": "date-time" }, "metadata": { "type": "object", "additionalProperties": false, "required": ["environment", "tags"], "properties": { "environment": { "type": "string", "minLength": 1, "maxLength": 63 }, "application": { "type": "string", "maxLength": 200 }, "appVersion": { "type": "string", "maxLength": 200 }, "commit": { "type": "string", "maxLength": 200 }, "ref": { "type": "string", "maxLength": 500 }, "repository": { "type": "string", "maxLength": 200 }, "deployer": { "type": "string", "maxLength": 200 }, "changeId": { "type": "string", "maxLength": 200 }, "runUrl": { "type": "string", "maxLength": 1e3 }, "workflow": { "type": "string", "maxLength": 500 }, "tags": { "type": "array", "items": { "type": "string", "minLength": 1, "maxLength": 100 }, "maxItems": 100 } } }, "policyDigest": { "oneOf": [{ "type": "null" }, { "type": "string", "pattern": "^sha256:[0-9a-f]{64}$" }] }, "recipients": { "type": "array", "minItems": 1, "items": { "type": "string", "pattern": "^age1[0-9a-z]{58}$" } }, "recipientSets": { "description": "The recipient sets the blobs are sealed to, by id (the first 32 hex digits of sha256 over 'snapgate.recipient-set/v1', a newline and the sorted recipients joined by newlines). Absent in manifests written before blobs named their recipient set: then who can open each blob is unknown.", "type": "object", "propertyNames": { "$ref": "#/$defs/recipientSetId" }, "additionalProperties": { "type": "object", "additionalProperties": false, "required": ["recipients"], "properties": { "recipients": { "type": "array", "minItems": 1, "uniqueItems": true, "items": { "type": "string", "pattern": "^age1[0-9a-z]{58}$" } } } } }, "files": { "type": "array", "items": { "$ref": "#/$defs/file" } }, "emptyDirectories": { "description": "Directories that held nothing when the snapshot was taken, relative like file paths, so that a restore makes them too. Optional: absent in older manifests and when there is none.", "type": "array", "items": { "type": "string", "minLength": 1, "maxLength": 4096 } }, "consistency": { "type": "array", "items": { "type": "object", "additionalProperties": false, "required": ["name", "ok", "message"], "properties": { "name": { "type": "string" }, "ok": { "type": "boolean" }, "message": { "type": "string" } } } }, "coverage": { "description": "Coverage under the policy when the snapshot was taken (absent without a policy): what the gate's coverage condition reads.", "type": "object", "additionalProperties": false, "required": ["uncoveredTier0Paths", "missingComponents", "secretsOutsideComponents"], "properties": { "uncoveredTier0Paths": { "type": "array", "items": { "type": "string", "minLength": 1, "maxLength": 4096 } }, "missingComponents": { "type": "array", "items": { "type": "string", "maxLength": 200 } }, "secretsOutsideComponents": { "type": "array", "items": { "type": "string", "minLength": 1, "maxLength": 4096 } } } }, "signature": { "type": "object", "additionalProperties": false, "required": ["alg", "key", "value"], "properties": { "alg": { "const": "ed25519" }, "key": { "type": "string", "pattern": "^sgw1[0-9a-z]{58}$" }, "value": { "type": "string", "pattern": "^[A-Za-z0-9+/]{86}==$" } } } }, "$defs": { "sha256": { "type": "string", "pattern": "^[0-9a-f]{64}$" }, "recipientSetId": { "type": "string", "pattern": "^[0-9a-f]{32}$" }, "file": { "description": "Path rules (relative, no '..', no NUL, no case-insensitive collisions) are checked by the restore code, not here, so that a hostile manifest gets a precise error.", "oneOf": [{ "type": "object", "additionalProperties": false, "required": ["type", "path", "mode", "size", "blob", "encoding", "ciphertextSha256"], "properties": { "type": { "const": "file" }, "path": { "type": "string", "minLength": 1, "maxLength": 4096 }, "mode": { "type": "integer", "minimum": 0, "maximum": 4095 }, "size": { "type": "integer", "minimum": 0 }, "blob": { "$ref": "#/$defs/sha256" }, "encoding": { "enum": ["gzip", "none"] }, "ciphertextSha256": { "$ref": "#/$defs/sha256" }, "recipientSet": { "description": "The id of the recipient set (in recipientSets) the blob is sealed to; part of the blob's file name.", "$ref": "#/$defs/recipientSetId" }, "component": { "type": "string", "maxLength": 200 }, "tier": { "type": "string", "maxLength": 100 }, "owner": { "type": "string", "maxLength": 200 } } }, { "type": "object", "additionalProperties": false, "required": ["type", "path", "target"], "properties": { "type": { "const": "symlink" }, "path": { "type": "string", "minLength": 1, "maxLength": 4096 }, "target": { "type": "string", "minLength": 1, "maxLength": 4096 }, "component": { "type": "string", "maxLength": 200 }, "tier": { "type": "string", "maxLength": 100 }, "owner": { "type": "string", "maxLength": 200 } } }] } } };
var schema322 = { "type": "string", "pattern": "^[0-9a-f]{64}$" };
var schema332 = { "type": "string", "pattern": "^[0-9a-f]{32}$" };
var func12 = Object.prototype.hasOwnProperty;
var func3 = __ajvRuntime02.default;
var pattern43 = new RegExp("^[a-z0-9][a-z0-9._-]{0,62}$", "u");
var pattern53 = new RegExp("^[0-9a-f]{64}$", "u");
var pattern62 = new RegExp("^sha256:[0-9a-f]{64}$", "u");
var pattern72 = new RegExp("^age1[0-9a-z]{58}$", "u");
var pattern82 = new RegExp("^[0-9a-f]{32}$", "u");
var pattern132 = new RegExp("^sgw1[0-9a-z]{58}$", "u");
var pattern14 = new RegExp("^[A-Za-z0-9+/]{86}==$", "u");
var formats02 = __ajvRuntime12.fullFormats["date-time"];
var schema342 = { "description": "Path rules (relative, no '..', no NUL, no case-insensitive collisions) are checked by the restore code, not here, so that a hostile manifest gets a precise error.", "oneOf": [{ "type": "object", "additionalProperties": false, "required": ["type", "path", "mode", "size", "blob", "encoding", "ciphertextSha256"], "properties": { "type": { "const": "file" }, "path": { "type": "string", "minLength": 1, "maxLength": 4096 }, "mode": { "type": "integer", "minimum": 0, "maximum": 4095 }, "size": { "type": "integer", "minimum": 0 }, "blob": { "$ref": "#/$defs/sha256" }, "encoding": { "enum": ["gzip", "none"] }, "ciphertextSha256": { "$ref": "#/$defs/sha256" }, "recipientSet": { "description": "The id of the recipient set (in recipientSets) the blob is sealed to; part of the blob's file name.", "$ref": "#/$defs/recipientSetId" }, "component": { "type": "string", "maxLength": 200 }, "tier": { "type": "string", "maxLength": 100 }, "owner": { "type": "string", "maxLength": 200 } } }, { "type": "object", "additionalProperties": false, "required": ["type", "path", "target"], "properties": { "type": { "const": "symlink" }, "path": { "type": "string", "minLength": 1, "maxLength": 4096 }, "target": { "type": "string", "minLength": 1, "maxLength": 4096 }, "component": { "type": "string", "maxLength": 200 }, "tier": { "type": "string", "maxLength": 100 }, "owner": { "type": "string", "maxLength": 200 } } }] };
function validate212(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate212.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  const _errs0 = errors;
  let valid0 = false;
  let passing0 = null;
  const _errs1 = errors;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.type === void 0) {
      const err0 = { instancePath, schemaPath: "#/oneOf/0/required", keyword: "required", params: { missingProperty: "type" }, message: "must have required property 'type'", schema: schema342.oneOf[0].required, parentSchema: schema342.oneOf[0], data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.path === void 0) {
      const err1 = { instancePath, schemaPath: "#/oneOf/0/required", keyword: "required", params: { missingProperty: "path" }, message: "must have required property 'path'", schema: schema342.oneOf[0].required, parentSchema: schema342.oneOf[0], data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.mode === void 0) {
      const err2 = { instancePath, schemaPath: "#/oneOf/0/required", keyword: "required", params: { missingProperty: "mode" }, message: "must have required property 'mode'", schema: schema342.oneOf[0].required, parentSchema: schema342.oneOf[0], data };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    if (data.size === void 0) {
      const err3 = { instancePath, schemaPath: "#/oneOf/0/required", keyword: "required", params: { missingProperty: "size" }, message: "must have required property 'size'", schema: schema342.oneOf[0].required, parentSchema: schema342.oneOf[0], data };
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
    if (data.blob === void 0) {
      const err4 = { instancePath, schemaPath: "#/oneOf/0/required", keyword: "required", params: { missingProperty: "blob" }, message: "must have required property 'blob'", schema: schema342.oneOf[0].required, parentSchema: schema342.oneOf[0], data };
      if (vErrors === null) {
        vErrors = [err4];
      } else {
        vErrors.push(err4);
      }
      errors++;
    }
    if (data.encoding === void 0) {
      const err5 = { instancePath, schemaPath: "#/oneOf/0/required", keyword: "required", params: { missingProperty: "encoding" }, message: "must have required property 'encoding'", schema: schema342.oneOf[0].required, parentSchema: schema342.oneOf[0], data };
      if (vErrors === null) {
        vErrors = [err5];
      } else {
        vErrors.push(err5);
      }
      errors++;
    }
    if (data.ciphertextSha256 === void 0) {
      const err6 = { instancePath, schemaPath: "#/oneOf/0/required", keyword: "required", params: { missingProperty: "ciphertextSha256" }, message: "must have required property 'ciphertextSha256'", schema: schema342.oneOf[0].required, parentSchema: schema342.oneOf[0], data };
      if (vErrors === null) {
        vErrors = [err6];
      } else {
        vErrors.push(err6);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!func12.call(schema342.oneOf[0].properties, key0)) {
        const err7 = { instancePath, schemaPath: "#/oneOf/0/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema342.oneOf[0], data };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
    }
    if (data.type !== void 0) {
      let data0 = data.type;
      if ("file" !== data0) {
        const err8 = { instancePath: instancePath + "/type", schemaPath: "#/oneOf/0/properties/type/const", keyword: "const", params: { allowedValue: "file" }, message: "must be equal to constant", schema: "file", parentSchema: schema342.oneOf[0].properties.type, data: data0 };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
    }
    if (data.path !== void 0) {
      let data1 = data.path;
      if (typeof data1 === "string") {
        if (func3(data1) > 4096) {
          const err9 = { instancePath: instancePath + "/path", schemaPath: "#/oneOf/0/properties/path/maxLength", keyword: "maxLength", params: { limit: 4096 }, message: "must NOT have more than 4096 characters", schema: 4096, parentSchema: schema342.oneOf[0].properties.path, data: data1 };
          if (vErrors === null) {
            vErrors = [err9];
          } else {
            vErrors.push(err9);
          }
          errors++;
        }
        if (func3(data1) < 1) {
          const err10 = { instancePath: instancePath + "/path", schemaPath: "#/oneOf/0/properties/path/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema342.oneOf[0].properties.path, data: data1 };
          if (vErrors === null) {
            vErrors = [err10];
          } else {
            vErrors.push(err10);
          }
          errors++;
        }
      } else {
        const err11 = { instancePath: instancePath + "/path", schemaPath: "#/oneOf/0/properties/path/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema342.oneOf[0].properties.path.type, parentSchema: schema342.oneOf[0].properties.path, data: data1 };
        if (vErrors === null) {
          vErrors = [err11];
        } else {
          vErrors.push(err11);
        }
        errors++;
      }
    }
    if (data.mode !== void 0) {
      let data2 = data.mode;
      if (!(typeof data2 == "number" && (!(data2 % 1) && !isNaN(data2)) && isFinite(data2))) {
        const err12 = { instancePath: instancePath + "/mode", schemaPath: "#/oneOf/0/properties/mode/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema342.oneOf[0].properties.mode.type, parentSchema: schema342.oneOf[0].properties.mode, data: data2 };
        if (vErrors === null) {
          vErrors = [err12];
        } else {
          vErrors.push(err12);
        }
        errors++;
      }
      if (typeof data2 == "number" && isFinite(data2)) {
        if (data2 > 4095 || isNaN(data2)) {
          const err13 = { instancePath: instancePath + "/mode", schemaPath: "#/oneOf/0/properties/mode/maximum", keyword: "maximum", params: { comparison: "<=", limit: 4095 }, message: "must be <= 4095", schema: 4095, parentSchema: schema342.oneOf[0].properties.mode, data: data2 };
          if (vErrors === null) {
            vErrors = [err13];
          } else {
            vErrors.push(err13);
          }
          errors++;
        }
        if (data2 < 0 || isNaN(data2)) {
          const err14 = { instancePath: instancePath + "/mode", schemaPath: "#/oneOf/0/properties/mode/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema342.oneOf[0].properties.mode, data: data2 };
          if (vErrors === null) {
            vErrors = [err14];
          } else {
            vErrors.push(err14);
          }
          errors++;
        }
      }
    }
    if (data.size !== void 0) {
      let data3 = data.size;
      if (!(typeof data3 == "number" && (!(data3 % 1) && !isNaN(data3)) && isFinite(data3))) {
        const err15 = { instancePath: instancePath + "/size", schemaPath: "#/oneOf/0/properties/size/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema342.oneOf[0].properties.size.type, parentSchema: schema342.oneOf[0].properties.size, data: data3 };
        if (vErrors === null) {
          vErrors = [err15];
        } else {
          vErrors.push(err15);
        }
        errors++;
      }
      if (typeof data3 == "number" && isFinite(data3)) {
        if (data3 < 0 || isNaN(data3)) {
          const err16 = { instancePath: instancePath + "/size", schemaPath: "#/oneOf/0/properties/size/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema342.oneOf[0].properties.size, data: data3 };
          if (vErrors === null) {
            vErrors = [err16];
          } else {
            vErrors.push(err16);
          }
          errors++;
        }
      }
    }
    if (data.blob !== void 0) {
      let data4 = data.blob;
      if (typeof data4 === "string") {
        if (!pattern53.test(data4)) {
          const err17 = { instancePath: instancePath + "/blob", schemaPath: "#/$defs/sha256/pattern", keyword: "pattern", params: { pattern: "^[0-9a-f]{64}$" }, message: 'must match pattern "^[0-9a-f]{64}$"', schema: "^[0-9a-f]{64}$", parentSchema: schema322, data: data4 };
          if (vErrors === null) {
            vErrors = [err17];
          } else {
            vErrors.push(err17);
          }
          errors++;
        }
      } else {
        const err18 = { instancePath: instancePath + "/blob", schemaPath: "#/$defs/sha256/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema322.type, parentSchema: schema322, data: data4 };
        if (vErrors === null) {
          vErrors = [err18];
        } else {
          vErrors.push(err18);
        }
        errors++;
      }
    }
    if (data.encoding !== void 0) {
      let data5 = data.encoding;
      if (!(data5 === "gzip" || data5 === "none")) {
        const err19 = { instancePath: instancePath + "/encoding", schemaPath: "#/oneOf/0/properties/encoding/enum", keyword: "enum", params: { allowedValues: schema342.oneOf[0].properties.encoding.enum }, message: "must be equal to one of the allowed values", schema: schema342.oneOf[0].properties.encoding.enum, parentSchema: schema342.oneOf[0].properties.encoding, data: data5 };
        if (vErrors === null) {
          vErrors = [err19];
        } else {
          vErrors.push(err19);
        }
        errors++;
      }
    }
    if (data.ciphertextSha256 !== void 0) {
      let data6 = data.ciphertextSha256;
      if (typeof data6 === "string") {
        if (!pattern53.test(data6)) {
          const err20 = { instancePath: instancePath + "/ciphertextSha256", schemaPath: "#/$defs/sha256/pattern", keyword: "pattern", params: { pattern: "^[0-9a-f]{64}$" }, message: 'must match pattern "^[0-9a-f]{64}$"', schema: "^[0-9a-f]{64}$", parentSchema: schema322, data: data6 };
          if (vErrors === null) {
            vErrors = [err20];
          } else {
            vErrors.push(err20);
          }
          errors++;
        }
      } else {
        const err21 = { instancePath: instancePath + "/ciphertextSha256", schemaPath: "#/$defs/sha256/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema322.type, parentSchema: schema322, data: data6 };
        if (vErrors === null) {
          vErrors = [err21];
        } else {
          vErrors.push(err21);
        }
        errors++;
      }
    }
    if (data.recipientSet !== void 0) {
      let data7 = data.recipientSet;
      if (typeof data7 === "string") {
        if (!pattern82.test(data7)) {
          const err22 = { instancePath: instancePath + "/recipientSet", schemaPath: "#/$defs/recipientSetId/pattern", keyword: "pattern", params: { pattern: "^[0-9a-f]{32}$" }, message: 'must match pattern "^[0-9a-f]{32}$"', schema: "^[0-9a-f]{32}$", parentSchema: schema332, data: data7 };
          if (vErrors === null) {
            vErrors = [err22];
          } else {
            vErrors.push(err22);
          }
          errors++;
        }
      } else {
        const err23 = { instancePath: instancePath + "/recipientSet", schemaPath: "#/$defs/recipientSetId/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema332.type, parentSchema: schema332, data: data7 };
        if (vErrors === null) {
          vErrors = [err23];
        } else {
          vErrors.push(err23);
        }
        errors++;
      }
    }
    if (data.component !== void 0) {
      let data8 = data.component;
      if (typeof data8 === "string") {
        if (func3(data8) > 200) {
          const err24 = { instancePath: instancePath + "/component", schemaPath: "#/oneOf/0/properties/component/maxLength", keyword: "maxLength", params: { limit: 200 }, message: "must NOT have more than 200 characters", schema: 200, parentSchema: schema342.oneOf[0].properties.component, data: data8 };
          if (vErrors === null) {
            vErrors = [err24];
          } else {
            vErrors.push(err24);
          }
          errors++;
        }
      } else {
        const err25 = { instancePath: instancePath + "/component", schemaPath: "#/oneOf/0/properties/component/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema342.oneOf[0].properties.component.type, parentSchema: schema342.oneOf[0].properties.component, data: data8 };
        if (vErrors === null) {
          vErrors = [err25];
        } else {
          vErrors.push(err25);
        }
        errors++;
      }
    }
    if (data.tier !== void 0) {
      let data9 = data.tier;
      if (typeof data9 === "string") {
        if (func3(data9) > 100) {
          const err26 = { instancePath: instancePath + "/tier", schemaPath: "#/oneOf/0/properties/tier/maxLength", keyword: "maxLength", params: { limit: 100 }, message: "must NOT have more than 100 characters", schema: 100, parentSchema: schema342.oneOf[0].properties.tier, data: data9 };
          if (vErrors === null) {
            vErrors = [err26];
          } else {
            vErrors.push(err26);
          }
          errors++;
        }
      } else {
        const err27 = { instancePath: instancePath + "/tier", schemaPath: "#/oneOf/0/properties/tier/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema342.oneOf[0].properties.tier.type, parentSchema: schema342.oneOf[0].properties.tier, data: data9 };
        if (vErrors === null) {
          vErrors = [err27];
        } else {
          vErrors.push(err27);
        }
        errors++;
      }
    }
    if (data.owner !== void 0) {
      let data10 = data.owner;
      if (typeof data10 === "string") {
        if (func3(data10) > 200) {
          const err28 = { instancePath: instancePath + "/owner", schemaPath: "#/oneOf/0/properties/owner/maxLength", keyword: "maxLength", params: { limit: 200 }, message: "must NOT have more than 200 characters", schema: 200, parentSchema: schema342.oneOf[0].properties.owner, data: data10 };
          if (vErrors === null) {
            vErrors = [err28];
          } else {
            vErrors.push(err28);
          }
          errors++;
        }
      } else {
        const err29 = { instancePath: instancePath + "/owner", schemaPath: "#/oneOf/0/properties/owner/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema342.oneOf[0].properties.owner.type, parentSchema: schema342.oneOf[0].properties.owner, data: data10 };
        if (vErrors === null) {
          vErrors = [err29];
        } else {
          vErrors.push(err29);
        }
        errors++;
      }
    }
  } else {
    const err30 = { instancePath, schemaPath: "#/oneOf/0/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema342.oneOf[0].type, parentSchema: schema342.oneOf[0], data };
    if (vErrors === null) {
      vErrors = [err30];
    } else {
      vErrors.push(err30);
    }
    errors++;
  }
  var _valid0 = _errs1 === errors;
  if (_valid0) {
    valid0 = true;
    passing0 = 0;
    var props0 = true;
  }
  const _errs27 = errors;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.type === void 0) {
      const err31 = { instancePath, schemaPath: "#/oneOf/1/required", keyword: "required", params: { missingProperty: "type" }, message: "must have required property 'type'", schema: schema342.oneOf[1].required, parentSchema: schema342.oneOf[1], data };
      if (vErrors === null) {
        vErrors = [err31];
      } else {
        vErrors.push(err31);
      }
      errors++;
    }
    if (data.path === void 0) {
      const err32 = { instancePath, schemaPath: "#/oneOf/1/required", keyword: "required", params: { missingProperty: "path" }, message: "must have required property 'path'", schema: schema342.oneOf[1].required, parentSchema: schema342.oneOf[1], data };
      if (vErrors === null) {
        vErrors = [err32];
      } else {
        vErrors.push(err32);
      }
      errors++;
    }
    if (data.target === void 0) {
      const err33 = { instancePath, schemaPath: "#/oneOf/1/required", keyword: "required", params: { missingProperty: "target" }, message: "must have required property 'target'", schema: schema342.oneOf[1].required, parentSchema: schema342.oneOf[1], data };
      if (vErrors === null) {
        vErrors = [err33];
      } else {
        vErrors.push(err33);
      }
      errors++;
    }
    for (const key1 in data) {
      if (!(key1 === "type" || key1 === "path" || key1 === "target" || key1 === "component" || key1 === "tier" || key1 === "owner")) {
        const err34 = { instancePath, schemaPath: "#/oneOf/1/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties", schema: false, parentSchema: schema342.oneOf[1], data };
        if (vErrors === null) {
          vErrors = [err34];
        } else {
          vErrors.push(err34);
        }
        errors++;
      }
    }
    if (data.type !== void 0) {
      let data11 = data.type;
      if ("symlink" !== data11) {
        const err35 = { instancePath: instancePath + "/type", schemaPath: "#/oneOf/1/properties/type/const", keyword: "const", params: { allowedValue: "symlink" }, message: "must be equal to constant", schema: "symlink", parentSchema: schema342.oneOf[1].properties.type, data: data11 };
        if (vErrors === null) {
          vErrors = [err35];
        } else {
          vErrors.push(err35);
        }
        errors++;
      }
    }
    if (data.path !== void 0) {
      let data12 = data.path;
      if (typeof data12 === "string") {
        if (func3(data12) > 4096) {
          const err36 = { instancePath: instancePath + "/path", schemaPath: "#/oneOf/1/properties/path/maxLength", keyword: "maxLength", params: { limit: 4096 }, message: "must NOT have more than 4096 characters", schema: 4096, parentSchema: schema342.oneOf[1].properties.path, data: data12 };
          if (vErrors === null) {
            vErrors = [err36];
          } else {
            vErrors.push(err36);
          }
          errors++;
        }
        if (func3(data12) < 1) {
          const err37 = { instancePath: instancePath + "/path", schemaPath: "#/oneOf/1/properties/path/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema342.oneOf[1].properties.path, data: data12 };
          if (vErrors === null) {
            vErrors = [err37];
          } else {
            vErrors.push(err37);
          }
          errors++;
        }
      } else {
        const err38 = { instancePath: instancePath + "/path", schemaPath: "#/oneOf/1/properties/path/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema342.oneOf[1].properties.path.type, parentSchema: schema342.oneOf[1].properties.path, data: data12 };
        if (vErrors === null) {
          vErrors = [err38];
        } else {
          vErrors.push(err38);
        }
        errors++;
      }
    }
    if (data.target !== void 0) {
      let data13 = data.target;
      if (typeof data13 === "string") {
        if (func3(data13) > 4096) {
          const err39 = { instancePath: instancePath + "/target", schemaPath: "#/oneOf/1/properties/target/maxLength", keyword: "maxLength", params: { limit: 4096 }, message: "must NOT have more than 4096 characters", schema: 4096, parentSchema: schema342.oneOf[1].properties.target, data: data13 };
          if (vErrors === null) {
            vErrors = [err39];
          } else {
            vErrors.push(err39);
          }
          errors++;
        }
        if (func3(data13) < 1) {
          const err40 = { instancePath: instancePath + "/target", schemaPath: "#/oneOf/1/properties/target/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema342.oneOf[1].properties.target, data: data13 };
          if (vErrors === null) {
            vErrors = [err40];
          } else {
            vErrors.push(err40);
          }
          errors++;
        }
      } else {
        const err41 = { instancePath: instancePath + "/target", schemaPath: "#/oneOf/1/properties/target/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema342.oneOf[1].properties.target.type, parentSchema: schema342.oneOf[1].properties.target, data: data13 };
        if (vErrors === null) {
          vErrors = [err41];
        } else {
          vErrors.push(err41);
        }
        errors++;
      }
    }
    if (data.component !== void 0) {
      let data14 = data.component;
      if (typeof data14 === "string") {
        if (func3(data14) > 200) {
          const err42 = { instancePath: instancePath + "/component", schemaPath: "#/oneOf/1/properties/component/maxLength", keyword: "maxLength", params: { limit: 200 }, message: "must NOT have more than 200 characters", schema: 200, parentSchema: schema342.oneOf[1].properties.component, data: data14 };
          if (vErrors === null) {
            vErrors = [err42];
          } else {
            vErrors.push(err42);
          }
          errors++;
        }
      } else {
        const err43 = { instancePath: instancePath + "/component", schemaPath: "#/oneOf/1/properties/component/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema342.oneOf[1].properties.component.type, parentSchema: schema342.oneOf[1].properties.component, data: data14 };
        if (vErrors === null) {
          vErrors = [err43];
        } else {
          vErrors.push(err43);
        }
        errors++;
      }
    }
    if (data.tier !== void 0) {
      let data15 = data.tier;
      if (typeof data15 === "string") {
        if (func3(data15) > 100) {
          const err44 = { instancePath: instancePath + "/tier", schemaPath: "#/oneOf/1/properties/tier/maxLength", keyword: "maxLength", params: { limit: 100 }, message: "must NOT have more than 100 characters", schema: 100, parentSchema: schema342.oneOf[1].properties.tier, data: data15 };
          if (vErrors === null) {
            vErrors = [err44];
          } else {
            vErrors.push(err44);
          }
          errors++;
        }
      } else {
        const err45 = { instancePath: instancePath + "/tier", schemaPath: "#/oneOf/1/properties/tier/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema342.oneOf[1].properties.tier.type, parentSchema: schema342.oneOf[1].properties.tier, data: data15 };
        if (vErrors === null) {
          vErrors = [err45];
        } else {
          vErrors.push(err45);
        }
        errors++;
      }
    }
    if (data.owner !== void 0) {
      let data16 = data.owner;
      if (typeof data16 === "string") {
        if (func3(data16) > 200) {
          const err46 = { instancePath: instancePath + "/owner", schemaPath: "#/oneOf/1/properties/owner/maxLength", keyword: "maxLength", params: { limit: 200 }, message: "must NOT have more than 200 characters", schema: 200, parentSchema: schema342.oneOf[1].properties.owner, data: data16 };
          if (vErrors === null) {
            vErrors = [err46];
          } else {
            vErrors.push(err46);
          }
          errors++;
        }
      } else {
        const err47 = { instancePath: instancePath + "/owner", schemaPath: "#/oneOf/1/properties/owner/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema342.oneOf[1].properties.owner.type, parentSchema: schema342.oneOf[1].properties.owner, data: data16 };
        if (vErrors === null) {
          vErrors = [err47];
        } else {
          vErrors.push(err47);
        }
        errors++;
      }
    }
  } else {
    const err48 = { instancePath, schemaPath: "#/oneOf/1/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema342.oneOf[1].type, parentSchema: schema342.oneOf[1], data };
    if (vErrors === null) {
      vErrors = [err48];
    } else {
      vErrors.push(err48);
    }
    errors++;
  }
  var _valid0 = _errs27 === errors;
  if (_valid0 && valid0) {
    valid0 = false;
    passing0 = [passing0, 1];
  } else {
    if (_valid0) {
      valid0 = true;
      passing0 = 1;
      if (props0 !== true) {
        props0 = true;
      }
    }
  }
  if (!valid0) {
    const err49 = { instancePath, schemaPath: "#/oneOf", keyword: "oneOf", params: { passingSchemas: passing0 }, message: "must match exactly one schema in oneOf", schema: schema342.oneOf, parentSchema: schema342, data };
    if (vErrors === null) {
      vErrors = [err49];
    } else {
      vErrors.push(err49);
    }
    errors++;
  } else {
    errors = _errs0;
    if (vErrors !== null) {
      if (_errs0) {
        vErrors.length = _errs0;
      } else {
        vErrors = null;
      }
    }
  }
  validate212.errors = vErrors;
  evaluated0.props = props0;
  return errors === 0;
}
validate212.evaluated = { "dynamicProps": true, "dynamicItems": false };
function validate202(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate202.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.format === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "format" }, message: "must have required property 'format'", schema: schema312.required, parentSchema: schema312, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.stream === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "stream" }, message: "must have required property 'stream'", schema: schema312.required, parentSchema: schema312, data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.seq === void 0) {
      const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "seq" }, message: "must have required property 'seq'", schema: schema312.required, parentSchema: schema312, data };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    if (data.prev === void 0) {
      const err3 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "prev" }, message: "must have required property 'prev'", schema: schema312.required, parentSchema: schema312, data };
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
    if (data.phase === void 0) {
      const err4 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "phase" }, message: "must have required property 'phase'", schema: schema312.required, parentSchema: schema312, data };
      if (vErrors === null) {
        vErrors = [err4];
      } else {
        vErrors.push(err4);
      }
      errors++;
    }
    if (data.time === void 0) {
      const err5 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "time" }, message: "must have required property 'time'", schema: schema312.required, parentSchema: schema312, data };
      if (vErrors === null) {
        vErrors = [err5];
      } else {
        vErrors.push(err5);
      }
      errors++;
    }
    if (data.writtenAt === void 0) {
      const err6 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "writtenAt" }, message: "must have required property 'writtenAt'", schema: schema312.required, parentSchema: schema312, data };
      if (vErrors === null) {
        vErrors = [err6];
      } else {
        vErrors.push(err6);
      }
      errors++;
    }
    if (data.metadata === void 0) {
      const err7 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "metadata" }, message: "must have required property 'metadata'", schema: schema312.required, parentSchema: schema312, data };
      if (vErrors === null) {
        vErrors = [err7];
      } else {
        vErrors.push(err7);
      }
      errors++;
    }
    if (data.policyDigest === void 0) {
      const err8 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "policyDigest" }, message: "must have required property 'policyDigest'", schema: schema312.required, parentSchema: schema312, data };
      if (vErrors === null) {
        vErrors = [err8];
      } else {
        vErrors.push(err8);
      }
      errors++;
    }
    if (data.recipients === void 0) {
      const err9 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "recipients" }, message: "must have required property 'recipients'", schema: schema312.required, parentSchema: schema312, data };
      if (vErrors === null) {
        vErrors = [err9];
      } else {
        vErrors.push(err9);
      }
      errors++;
    }
    if (data.files === void 0) {
      const err10 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "files" }, message: "must have required property 'files'", schema: schema312.required, parentSchema: schema312, data };
      if (vErrors === null) {
        vErrors = [err10];
      } else {
        vErrors.push(err10);
      }
      errors++;
    }
    if (data.signature === void 0) {
      const err11 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "signature" }, message: "must have required property 'signature'", schema: schema312.required, parentSchema: schema312, data };
      if (vErrors === null) {
        vErrors = [err11];
      } else {
        vErrors.push(err11);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!func12.call(schema312.properties, key0)) {
        const err12 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema312, data };
        if (vErrors === null) {
          vErrors = [err12];
        } else {
          vErrors.push(err12);
        }
        errors++;
      }
    }
    if (data.format !== void 0) {
      let data0 = data.format;
      if ("snapgate.manifest/v1" !== data0) {
        const err13 = { instancePath: instancePath + "/format", schemaPath: "#/properties/format/const", keyword: "const", params: { allowedValue: "snapgate.manifest/v1" }, message: "must be equal to constant", schema: "snapgate.manifest/v1", parentSchema: schema312.properties.format, data: data0 };
        if (vErrors === null) {
          vErrors = [err13];
        } else {
          vErrors.push(err13);
        }
        errors++;
      }
    }
    if (data.stream !== void 0) {
      let data1 = data.stream;
      if (typeof data1 === "string") {
        if (!pattern43.test(data1)) {
          const err14 = { instancePath: instancePath + "/stream", schemaPath: "#/properties/stream/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9][a-z0-9._-]{0,62}$" }, message: 'must match pattern "^[a-z0-9][a-z0-9._-]{0,62}$"', schema: "^[a-z0-9][a-z0-9._-]{0,62}$", parentSchema: schema312.properties.stream, data: data1 };
          if (vErrors === null) {
            vErrors = [err14];
          } else {
            vErrors.push(err14);
          }
          errors++;
        }
      } else {
        const err15 = { instancePath: instancePath + "/stream", schemaPath: "#/properties/stream/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema312.properties.stream.type, parentSchema: schema312.properties.stream, data: data1 };
        if (vErrors === null) {
          vErrors = [err15];
        } else {
          vErrors.push(err15);
        }
        errors++;
      }
    }
    if (data.seq !== void 0) {
      let data2 = data.seq;
      if (!(typeof data2 == "number" && (!(data2 % 1) && !isNaN(data2)) && isFinite(data2))) {
        const err16 = { instancePath: instancePath + "/seq", schemaPath: "#/properties/seq/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema312.properties.seq.type, parentSchema: schema312.properties.seq, data: data2 };
        if (vErrors === null) {
          vErrors = [err16];
        } else {
          vErrors.push(err16);
        }
        errors++;
      }
      if (typeof data2 == "number" && isFinite(data2)) {
        if (data2 < 1 || isNaN(data2)) {
          const err17 = { instancePath: instancePath + "/seq", schemaPath: "#/properties/seq/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema312.properties.seq, data: data2 };
          if (vErrors === null) {
            vErrors = [err17];
          } else {
            vErrors.push(err17);
          }
          errors++;
        }
      }
    }
    if (data.prev !== void 0) {
      let data3 = data.prev;
      const _errs8 = errors;
      let valid1 = false;
      let passing0 = null;
      const _errs9 = errors;
      if (data3 !== null) {
        const err18 = { instancePath: instancePath + "/prev", schemaPath: "#/properties/prev/oneOf/0/type", keyword: "type", params: { type: "null" }, message: "must be null", schema: schema312.properties.prev.oneOf[0].type, parentSchema: schema312.properties.prev.oneOf[0], data: data3 };
        if (vErrors === null) {
          vErrors = [err18];
        } else {
          vErrors.push(err18);
        }
        errors++;
      }
      var _valid0 = _errs9 === errors;
      if (_valid0) {
        valid1 = true;
        passing0 = 0;
      }
      const _errs11 = errors;
      if (typeof data3 === "string") {
        if (!pattern53.test(data3)) {
          const err19 = { instancePath: instancePath + "/prev", schemaPath: "#/$defs/sha256/pattern", keyword: "pattern", params: { pattern: "^[0-9a-f]{64}$" }, message: 'must match pattern "^[0-9a-f]{64}$"', schema: "^[0-9a-f]{64}$", parentSchema: schema322, data: data3 };
          if (vErrors === null) {
            vErrors = [err19];
          } else {
            vErrors.push(err19);
          }
          errors++;
        }
      } else {
        const err20 = { instancePath: instancePath + "/prev", schemaPath: "#/$defs/sha256/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema322.type, parentSchema: schema322, data: data3 };
        if (vErrors === null) {
          vErrors = [err20];
        } else {
          vErrors.push(err20);
        }
        errors++;
      }
      var _valid0 = _errs11 === errors;
      if (_valid0 && valid1) {
        valid1 = false;
        passing0 = [passing0, 1];
      } else {
        if (_valid0) {
          valid1 = true;
          passing0 = 1;
        }
      }
      if (!valid1) {
        const err21 = { instancePath: instancePath + "/prev", schemaPath: "#/properties/prev/oneOf", keyword: "oneOf", params: { passingSchemas: passing0 }, message: "must match exactly one schema in oneOf", schema: schema312.properties.prev.oneOf, parentSchema: schema312.properties.prev, data: data3 };
        if (vErrors === null) {
          vErrors = [err21];
        } else {
          vErrors.push(err21);
        }
        errors++;
      } else {
        errors = _errs8;
        if (vErrors !== null) {
          if (_errs8) {
            vErrors.length = _errs8;
          } else {
            vErrors = null;
          }
        }
      }
    }
    if (data.phase !== void 0) {
      let data4 = data.phase;
      if (!(data4 === "pre" || data4 === "post" || data4 === "scheduled" || data4 === "manual")) {
        const err22 = { instancePath: instancePath + "/phase", schemaPath: "#/properties/phase/enum", keyword: "enum", params: { allowedValues: schema312.properties.phase.enum }, message: "must be equal to one of the allowed values", schema: schema312.properties.phase.enum, parentSchema: schema312.properties.phase, data: data4 };
        if (vErrors === null) {
          vErrors = [err22];
        } else {
          vErrors.push(err22);
        }
        errors++;
      }
    }
    if (data.time !== void 0) {
      let data5 = data.time;
      if (typeof data5 === "string") {
        if (!formats02.validate(data5)) {
          const err23 = { instancePath: instancePath + "/time", schemaPath: "#/properties/time/format", keyword: "format", params: { format: "date-time" }, message: 'must match format "date-time"', schema: "date-time", parentSchema: schema312.properties.time, data: data5 };
          if (vErrors === null) {
            vErrors = [err23];
          } else {
            vErrors.push(err23);
          }
          errors++;
        }
      } else {
        const err24 = { instancePath: instancePath + "/time", schemaPath: "#/properties/time/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema312.properties.time.type, parentSchema: schema312.properties.time, data: data5 };
        if (vErrors === null) {
          vErrors = [err24];
        } else {
          vErrors.push(err24);
        }
        errors++;
      }
    }
    if (data.writtenAt !== void 0) {
      let data6 = data.writtenAt;
      if (typeof data6 === "string") {
        if (!formats02.validate(data6)) {
          const err25 = { instancePath: instancePath + "/writtenAt", schemaPath: "#/properties/writtenAt/format", keyword: "format", params: { format: "date-time" }, message: 'must match format "date-time"', schema: "date-time", parentSchema: schema312.properties.writtenAt, data: data6 };
          if (vErrors === null) {
            vErrors = [err25];
          } else {
            vErrors.push(err25);
          }
          errors++;
        }
      } else {
        const err26 = { instancePath: instancePath + "/writtenAt", schemaPath: "#/properties/writtenAt/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema312.properties.writtenAt.type, parentSchema: schema312.properties.writtenAt, data: data6 };
        if (vErrors === null) {
          vErrors = [err26];
        } else {
          vErrors.push(err26);
        }
        errors++;
      }
    }
    if (data.metadata !== void 0) {
      let data7 = data.metadata;
      if (data7 && typeof data7 == "object" && !Array.isArray(data7)) {
        if (data7.environment === void 0) {
          const err27 = { instancePath: instancePath + "/metadata", schemaPath: "#/properties/metadata/required", keyword: "required", params: { missingProperty: "environment" }, message: "must have required property 'environment'", schema: schema312.properties.metadata.required, parentSchema: schema312.properties.metadata, data: data7 };
          if (vErrors === null) {
            vErrors = [err27];
          } else {
            vErrors.push(err27);
          }
          errors++;
        }
        if (data7.tags === void 0) {
          const err28 = { instancePath: instancePath + "/metadata", schemaPath: "#/properties/metadata/required", keyword: "required", params: { missingProperty: "tags" }, message: "must have required property 'tags'", schema: schema312.properties.metadata.required, parentSchema: schema312.properties.metadata, data: data7 };
          if (vErrors === null) {
            vErrors = [err28];
          } else {
            vErrors.push(err28);
          }
          errors++;
        }
        for (const key1 in data7) {
          if (!func12.call(schema312.properties.metadata.properties, key1)) {
            const err29 = { instancePath: instancePath + "/metadata", schemaPath: "#/properties/metadata/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties", schema: false, parentSchema: schema312.properties.metadata, data: data7 };
            if (vErrors === null) {
              vErrors = [err29];
            } else {
              vErrors.push(err29);
            }
            errors++;
          }
        }
        if (data7.environment !== void 0) {
          let data8 = data7.environment;
          if (typeof data8 === "string") {
            if (func3(data8) > 63) {
              const err30 = { instancePath: instancePath + "/metadata/environment", schemaPath: "#/properties/metadata/properties/environment/maxLength", keyword: "maxLength", params: { limit: 63 }, message: "must NOT have more than 63 characters", schema: 63, parentSchema: schema312.properties.metadata.properties.environment, data: data8 };
              if (vErrors === null) {
                vErrors = [err30];
              } else {
                vErrors.push(err30);
              }
              errors++;
            }
            if (func3(data8) < 1) {
              const err31 = { instancePath: instancePath + "/metadata/environment", schemaPath: "#/properties/metadata/properties/environment/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema312.properties.metadata.properties.environment, data: data8 };
              if (vErrors === null) {
                vErrors = [err31];
              } else {
                vErrors.push(err31);
              }
              errors++;
            }
          } else {
            const err32 = { instancePath: instancePath + "/metadata/environment", schemaPath: "#/properties/metadata/properties/environment/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema312.properties.metadata.properties.environment.type, parentSchema: schema312.properties.metadata.properties.environment, data: data8 };
            if (vErrors === null) {
              vErrors = [err32];
            } else {
              vErrors.push(err32);
            }
            errors++;
          }
        }
        if (data7.application !== void 0) {
          let data9 = data7.application;
          if (typeof data9 === "string") {
            if (func3(data9) > 200) {
              const err33 = { instancePath: instancePath + "/metadata/application", schemaPath: "#/properties/metadata/properties/application/maxLength", keyword: "maxLength", params: { limit: 200 }, message: "must NOT have more than 200 characters", schema: 200, parentSchema: schema312.properties.metadata.properties.application, data: data9 };
              if (vErrors === null) {
                vErrors = [err33];
              } else {
                vErrors.push(err33);
              }
              errors++;
            }
          } else {
            const err34 = { instancePath: instancePath + "/metadata/application", schemaPath: "#/properties/metadata/properties/application/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema312.properties.metadata.properties.application.type, parentSchema: schema312.properties.metadata.properties.application, data: data9 };
            if (vErrors === null) {
              vErrors = [err34];
            } else {
              vErrors.push(err34);
            }
            errors++;
          }
        }
        if (data7.appVersion !== void 0) {
          let data10 = data7.appVersion;
          if (typeof data10 === "string") {
            if (func3(data10) > 200) {
              const err35 = { instancePath: instancePath + "/metadata/appVersion", schemaPath: "#/properties/metadata/properties/appVersion/maxLength", keyword: "maxLength", params: { limit: 200 }, message: "must NOT have more than 200 characters", schema: 200, parentSchema: schema312.properties.metadata.properties.appVersion, data: data10 };
              if (vErrors === null) {
                vErrors = [err35];
              } else {
                vErrors.push(err35);
              }
              errors++;
            }
          } else {
            const err36 = { instancePath: instancePath + "/metadata/appVersion", schemaPath: "#/properties/metadata/properties/appVersion/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema312.properties.metadata.properties.appVersion.type, parentSchema: schema312.properties.metadata.properties.appVersion, data: data10 };
            if (vErrors === null) {
              vErrors = [err36];
            } else {
              vErrors.push(err36);
            }
            errors++;
          }
        }
        if (data7.commit !== void 0) {
          let data11 = data7.commit;
          if (typeof data11 === "string") {
            if (func3(data11) > 200) {
              const err37 = { instancePath: instancePath + "/metadata/commit", schemaPath: "#/properties/metadata/properties/commit/maxLength", keyword: "maxLength", params: { limit: 200 }, message: "must NOT have more than 200 characters", schema: 200, parentSchema: schema312.properties.metadata.properties.commit, data: data11 };
              if (vErrors === null) {
                vErrors = [err37];
              } else {
                vErrors.push(err37);
              }
              errors++;
            }
          } else {
            const err38 = { instancePath: instancePath + "/metadata/commit", schemaPath: "#/properties/metadata/properties/commit/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema312.properties.metadata.properties.commit.type, parentSchema: schema312.properties.metadata.properties.commit, data: data11 };
            if (vErrors === null) {
              vErrors = [err38];
            } else {
              vErrors.push(err38);
            }
            errors++;
          }
        }
        if (data7.ref !== void 0) {
          let data12 = data7.ref;
          if (typeof data12 === "string") {
            if (func3(data12) > 500) {
              const err39 = { instancePath: instancePath + "/metadata/ref", schemaPath: "#/properties/metadata/properties/ref/maxLength", keyword: "maxLength", params: { limit: 500 }, message: "must NOT have more than 500 characters", schema: 500, parentSchema: schema312.properties.metadata.properties.ref, data: data12 };
              if (vErrors === null) {
                vErrors = [err39];
              } else {
                vErrors.push(err39);
              }
              errors++;
            }
          } else {
            const err40 = { instancePath: instancePath + "/metadata/ref", schemaPath: "#/properties/metadata/properties/ref/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema312.properties.metadata.properties.ref.type, parentSchema: schema312.properties.metadata.properties.ref, data: data12 };
            if (vErrors === null) {
              vErrors = [err40];
            } else {
              vErrors.push(err40);
            }
            errors++;
          }
        }
        if (data7.repository !== void 0) {
          let data13 = data7.repository;
          if (typeof data13 === "string") {
            if (func3(data13) > 200) {
              const err41 = { instancePath: instancePath + "/metadata/repository", schemaPath: "#/properties/metadata/properties/repository/maxLength", keyword: "maxLength", params: { limit: 200 }, message: "must NOT have more than 200 characters", schema: 200, parentSchema: schema312.properties.metadata.properties.repository, data: data13 };
              if (vErrors === null) {
                vErrors = [err41];
              } else {
                vErrors.push(err41);
              }
              errors++;
            }
          } else {
            const err42 = { instancePath: instancePath + "/metadata/repository", schemaPath: "#/properties/metadata/properties/repository/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema312.properties.metadata.properties.repository.type, parentSchema: schema312.properties.metadata.properties.repository, data: data13 };
            if (vErrors === null) {
              vErrors = [err42];
            } else {
              vErrors.push(err42);
            }
            errors++;
          }
        }
        if (data7.deployer !== void 0) {
          let data14 = data7.deployer;
          if (typeof data14 === "string") {
            if (func3(data14) > 200) {
              const err43 = { instancePath: instancePath + "/metadata/deployer", schemaPath: "#/properties/metadata/properties/deployer/maxLength", keyword: "maxLength", params: { limit: 200 }, message: "must NOT have more than 200 characters", schema: 200, parentSchema: schema312.properties.metadata.properties.deployer, data: data14 };
              if (vErrors === null) {
                vErrors = [err43];
              } else {
                vErrors.push(err43);
              }
              errors++;
            }
          } else {
            const err44 = { instancePath: instancePath + "/metadata/deployer", schemaPath: "#/properties/metadata/properties/deployer/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema312.properties.metadata.properties.deployer.type, parentSchema: schema312.properties.metadata.properties.deployer, data: data14 };
            if (vErrors === null) {
              vErrors = [err44];
            } else {
              vErrors.push(err44);
            }
            errors++;
          }
        }
        if (data7.changeId !== void 0) {
          let data15 = data7.changeId;
          if (typeof data15 === "string") {
            if (func3(data15) > 200) {
              const err45 = { instancePath: instancePath + "/metadata/changeId", schemaPath: "#/properties/metadata/properties/changeId/maxLength", keyword: "maxLength", params: { limit: 200 }, message: "must NOT have more than 200 characters", schema: 200, parentSchema: schema312.properties.metadata.properties.changeId, data: data15 };
              if (vErrors === null) {
                vErrors = [err45];
              } else {
                vErrors.push(err45);
              }
              errors++;
            }
          } else {
            const err46 = { instancePath: instancePath + "/metadata/changeId", schemaPath: "#/properties/metadata/properties/changeId/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema312.properties.metadata.properties.changeId.type, parentSchema: schema312.properties.metadata.properties.changeId, data: data15 };
            if (vErrors === null) {
              vErrors = [err46];
            } else {
              vErrors.push(err46);
            }
            errors++;
          }
        }
        if (data7.runUrl !== void 0) {
          let data16 = data7.runUrl;
          if (typeof data16 === "string") {
            if (func3(data16) > 1e3) {
              const err47 = { instancePath: instancePath + "/metadata/runUrl", schemaPath: "#/properties/metadata/properties/runUrl/maxLength", keyword: "maxLength", params: { limit: 1e3 }, message: "must NOT have more than 1000 characters", schema: 1e3, parentSchema: schema312.properties.metadata.properties.runUrl, data: data16 };
              if (vErrors === null) {
                vErrors = [err47];
              } else {
                vErrors.push(err47);
              }
              errors++;
            }
          } else {
            const err48 = { instancePath: instancePath + "/metadata/runUrl", schemaPath: "#/properties/metadata/properties/runUrl/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema312.properties.metadata.properties.runUrl.type, parentSchema: schema312.properties.metadata.properties.runUrl, data: data16 };
            if (vErrors === null) {
              vErrors = [err48];
            } else {
              vErrors.push(err48);
            }
            errors++;
          }
        }
        if (data7.workflow !== void 0) {
          let data17 = data7.workflow;
          if (typeof data17 === "string") {
            if (func3(data17) > 500) {
              const err49 = { instancePath: instancePath + "/metadata/workflow", schemaPath: "#/properties/metadata/properties/workflow/maxLength", keyword: "maxLength", params: { limit: 500 }, message: "must NOT have more than 500 characters", schema: 500, parentSchema: schema312.properties.metadata.properties.workflow, data: data17 };
              if (vErrors === null) {
                vErrors = [err49];
              } else {
                vErrors.push(err49);
              }
              errors++;
            }
          } else {
            const err50 = { instancePath: instancePath + "/metadata/workflow", schemaPath: "#/properties/metadata/properties/workflow/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema312.properties.metadata.properties.workflow.type, parentSchema: schema312.properties.metadata.properties.workflow, data: data17 };
            if (vErrors === null) {
              vErrors = [err50];
            } else {
              vErrors.push(err50);
            }
            errors++;
          }
        }
        if (data7.tags !== void 0) {
          let data18 = data7.tags;
          if (Array.isArray(data18)) {
            if (data18.length > 100) {
              const err51 = { instancePath: instancePath + "/metadata/tags", schemaPath: "#/properties/metadata/properties/tags/maxItems", keyword: "maxItems", params: { limit: 100 }, message: "must NOT have more than 100 items", schema: 100, parentSchema: schema312.properties.metadata.properties.tags, data: data18 };
              if (vErrors === null) {
                vErrors = [err51];
              } else {
                vErrors.push(err51);
              }
              errors++;
            }
            const len0 = data18.length;
            for (let i0 = 0; i0 < len0; i0++) {
              let data19 = data18[i0];
              if (typeof data19 === "string") {
                if (func3(data19) > 100) {
                  const err52 = { instancePath: instancePath + "/metadata/tags/" + i0, schemaPath: "#/properties/metadata/properties/tags/items/maxLength", keyword: "maxLength", params: { limit: 100 }, message: "must NOT have more than 100 characters", schema: 100, parentSchema: schema312.properties.metadata.properties.tags.items, data: data19 };
                  if (vErrors === null) {
                    vErrors = [err52];
                  } else {
                    vErrors.push(err52);
                  }
                  errors++;
                }
                if (func3(data19) < 1) {
                  const err53 = { instancePath: instancePath + "/metadata/tags/" + i0, schemaPath: "#/properties/metadata/properties/tags/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema312.properties.metadata.properties.tags.items, data: data19 };
                  if (vErrors === null) {
                    vErrors = [err53];
                  } else {
                    vErrors.push(err53);
                  }
                  errors++;
                }
              } else {
                const err54 = { instancePath: instancePath + "/metadata/tags/" + i0, schemaPath: "#/properties/metadata/properties/tags/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema312.properties.metadata.properties.tags.items.type, parentSchema: schema312.properties.metadata.properties.tags.items, data: data19 };
                if (vErrors === null) {
                  vErrors = [err54];
                } else {
                  vErrors.push(err54);
                }
                errors++;
              }
            }
          } else {
            const err55 = { instancePath: instancePath + "/metadata/tags", schemaPath: "#/properties/metadata/properties/tags/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema312.properties.metadata.properties.tags.type, parentSchema: schema312.properties.metadata.properties.tags, data: data18 };
            if (vErrors === null) {
              vErrors = [err55];
            } else {
              vErrors.push(err55);
            }
            errors++;
          }
        }
      } else {
        const err56 = { instancePath: instancePath + "/metadata", schemaPath: "#/properties/metadata/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema312.properties.metadata.type, parentSchema: schema312.properties.metadata, data: data7 };
        if (vErrors === null) {
          vErrors = [err56];
        } else {
          vErrors.push(err56);
        }
        errors++;
      }
    }
    if (data.policyDigest !== void 0) {
      let data20 = data.policyDigest;
      const _errs47 = errors;
      let valid6 = false;
      let passing1 = null;
      const _errs48 = errors;
      if (data20 !== null) {
        const err57 = { instancePath: instancePath + "/policyDigest", schemaPath: "#/properties/policyDigest/oneOf/0/type", keyword: "type", params: { type: "null" }, message: "must be null", schema: schema312.properties.policyDigest.oneOf[0].type, parentSchema: schema312.properties.policyDigest.oneOf[0], data: data20 };
        if (vErrors === null) {
          vErrors = [err57];
        } else {
          vErrors.push(err57);
        }
        errors++;
      }
      var _valid1 = _errs48 === errors;
      if (_valid1) {
        valid6 = true;
        passing1 = 0;
      }
      const _errs50 = errors;
      if (typeof data20 === "string") {
        if (!pattern62.test(data20)) {
          const err58 = { instancePath: instancePath + "/policyDigest", schemaPath: "#/properties/policyDigest/oneOf/1/pattern", keyword: "pattern", params: { pattern: "^sha256:[0-9a-f]{64}$" }, message: 'must match pattern "^sha256:[0-9a-f]{64}$"', schema: "^sha256:[0-9a-f]{64}$", parentSchema: schema312.properties.policyDigest.oneOf[1], data: data20 };
          if (vErrors === null) {
            vErrors = [err58];
          } else {
            vErrors.push(err58);
          }
          errors++;
        }
      } else {
        const err59 = { instancePath: instancePath + "/policyDigest", schemaPath: "#/properties/policyDigest/oneOf/1/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema312.properties.policyDigest.oneOf[1].type, parentSchema: schema312.properties.policyDigest.oneOf[1], data: data20 };
        if (vErrors === null) {
          vErrors = [err59];
        } else {
          vErrors.push(err59);
        }
        errors++;
      }
      var _valid1 = _errs50 === errors;
      if (_valid1 && valid6) {
        valid6 = false;
        passing1 = [passing1, 1];
      } else {
        if (_valid1) {
          valid6 = true;
          passing1 = 1;
        }
      }
      if (!valid6) {
        const err60 = { instancePath: instancePath + "/policyDigest", schemaPath: "#/properties/policyDigest/oneOf", keyword: "oneOf", params: { passingSchemas: passing1 }, message: "must match exactly one schema in oneOf", schema: schema312.properties.policyDigest.oneOf, parentSchema: schema312.properties.policyDigest, data: data20 };
        if (vErrors === null) {
          vErrors = [err60];
        } else {
          vErrors.push(err60);
        }
        errors++;
      } else {
        errors = _errs47;
        if (vErrors !== null) {
          if (_errs47) {
            vErrors.length = _errs47;
          } else {
            vErrors = null;
          }
        }
      }
    }
    if (data.recipients !== void 0) {
      let data21 = data.recipients;
      if (Array.isArray(data21)) {
        if (data21.length < 1) {
          const err61 = { instancePath: instancePath + "/recipients", schemaPath: "#/properties/recipients/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema312.properties.recipients, data: data21 };
          if (vErrors === null) {
            vErrors = [err61];
          } else {
            vErrors.push(err61);
          }
          errors++;
        }
        const len1 = data21.length;
        for (let i1 = 0; i1 < len1; i1++) {
          let data22 = data21[i1];
          if (typeof data22 === "string") {
            if (!pattern72.test(data22)) {
              const err62 = { instancePath: instancePath + "/recipients/" + i1, schemaPath: "#/properties/recipients/items/pattern", keyword: "pattern", params: { pattern: "^age1[0-9a-z]{58}$" }, message: 'must match pattern "^age1[0-9a-z]{58}$"', schema: "^age1[0-9a-z]{58}$", parentSchema: schema312.properties.recipients.items, data: data22 };
              if (vErrors === null) {
                vErrors = [err62];
              } else {
                vErrors.push(err62);
              }
              errors++;
            }
          } else {
            const err63 = { instancePath: instancePath + "/recipients/" + i1, schemaPath: "#/properties/recipients/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema312.properties.recipients.items.type, parentSchema: schema312.properties.recipients.items, data: data22 };
            if (vErrors === null) {
              vErrors = [err63];
            } else {
              vErrors.push(err63);
            }
            errors++;
          }
        }
      } else {
        const err64 = { instancePath: instancePath + "/recipients", schemaPath: "#/properties/recipients/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema312.properties.recipients.type, parentSchema: schema312.properties.recipients, data: data21 };
        if (vErrors === null) {
          vErrors = [err64];
        } else {
          vErrors.push(err64);
        }
        errors++;
      }
    }
    if (data.recipientSets !== void 0) {
      let data23 = data.recipientSets;
      if (data23 && typeof data23 == "object" && !Array.isArray(data23)) {
        for (const key2 in data23) {
          const _errs58 = errors;
          if (typeof key2 === "string") {
            if (!pattern82.test(key2)) {
              const err65 = { instancePath: instancePath + "/recipientSets", schemaPath: "#/$defs/recipientSetId/pattern", keyword: "pattern", params: { pattern: "^[0-9a-f]{32}$" }, message: 'must match pattern "^[0-9a-f]{32}$"', schema: "^[0-9a-f]{32}$", parentSchema: schema332, data: key2, propertyName: key2 };
              if (vErrors === null) {
                vErrors = [err65];
              } else {
                vErrors.push(err65);
              }
              errors++;
            }
          } else {
            const err66 = { instancePath: instancePath + "/recipientSets", schemaPath: "#/$defs/recipientSetId/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema332.type, parentSchema: schema332, data: key2, propertyName: key2 };
            if (vErrors === null) {
              vErrors = [err66];
            } else {
              vErrors.push(err66);
            }
            errors++;
          }
          var valid9 = _errs58 === errors;
          if (!valid9) {
            const err67 = { instancePath: instancePath + "/recipientSets", schemaPath: "#/properties/recipientSets/propertyNames", keyword: "propertyNames", params: { propertyName: key2 }, message: "property name must be valid", schema: schema312.properties.recipientSets.propertyNames, parentSchema: schema312.properties.recipientSets, data: data23 };
            if (vErrors === null) {
              vErrors = [err67];
            } else {
              vErrors.push(err67);
            }
            errors++;
          }
        }
        for (const key3 in data23) {
          let data24 = data23[key3];
          if (data24 && typeof data24 == "object" && !Array.isArray(data24)) {
            if (data24.recipients === void 0) {
              const err68 = { instancePath: instancePath + "/recipientSets/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/recipientSets/additionalProperties/required", keyword: "required", params: { missingProperty: "recipients" }, message: "must have required property 'recipients'", schema: schema312.properties.recipientSets.additionalProperties.required, parentSchema: schema312.properties.recipientSets.additionalProperties, data: data24 };
              if (vErrors === null) {
                vErrors = [err68];
              } else {
                vErrors.push(err68);
              }
              errors++;
            }
            for (const key4 in data24) {
              if (!(key4 === "recipients")) {
                const err69 = { instancePath: instancePath + "/recipientSets/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/recipientSets/additionalProperties/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key4 }, message: "must NOT have additional properties", schema: false, parentSchema: schema312.properties.recipientSets.additionalProperties, data: data24 };
                if (vErrors === null) {
                  vErrors = [err69];
                } else {
                  vErrors.push(err69);
                }
                errors++;
              }
            }
            if (data24.recipients !== void 0) {
              let data25 = data24.recipients;
              if (Array.isArray(data25)) {
                if (data25.length < 1) {
                  const err70 = { instancePath: instancePath + "/recipientSets/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/recipients", schemaPath: "#/properties/recipientSets/additionalProperties/properties/recipients/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema312.properties.recipientSets.additionalProperties.properties.recipients, data: data25 };
                  if (vErrors === null) {
                    vErrors = [err70];
                  } else {
                    vErrors.push(err70);
                  }
                  errors++;
                }
                const len2 = data25.length;
                for (let i2 = 0; i2 < len2; i2++) {
                  let data26 = data25[i2];
                  if (typeof data26 === "string") {
                    if (!pattern72.test(data26)) {
                      const err71 = { instancePath: instancePath + "/recipientSets/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/recipients/" + i2, schemaPath: "#/properties/recipientSets/additionalProperties/properties/recipients/items/pattern", keyword: "pattern", params: { pattern: "^age1[0-9a-z]{58}$" }, message: 'must match pattern "^age1[0-9a-z]{58}$"', schema: "^age1[0-9a-z]{58}$", parentSchema: schema312.properties.recipientSets.additionalProperties.properties.recipients.items, data: data26 };
                      if (vErrors === null) {
                        vErrors = [err71];
                      } else {
                        vErrors.push(err71);
                      }
                      errors++;
                    }
                  } else {
                    const err72 = { instancePath: instancePath + "/recipientSets/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/recipients/" + i2, schemaPath: "#/properties/recipientSets/additionalProperties/properties/recipients/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema312.properties.recipientSets.additionalProperties.properties.recipients.items.type, parentSchema: schema312.properties.recipientSets.additionalProperties.properties.recipients.items, data: data26 };
                    if (vErrors === null) {
                      vErrors = [err72];
                    } else {
                      vErrors.push(err72);
                    }
                    errors++;
                  }
                }
                let i3 = data25.length;
                let j0;
                if (i3 > 1) {
                  const indices0 = {};
                  for (; i3--; ) {
                    let item0 = data25[i3];
                    if (typeof item0 !== "string") {
                      continue;
                    }
                    if (typeof indices0[item0] == "number") {
                      j0 = indices0[item0];
                      const err73 = { instancePath: instancePath + "/recipientSets/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/recipients", schemaPath: "#/properties/recipientSets/additionalProperties/properties/recipients/uniqueItems", keyword: "uniqueItems", params: { i: i3, j: j0 }, message: "must NOT have duplicate items (items ## " + j0 + " and " + i3 + " are identical)", schema: true, parentSchema: schema312.properties.recipientSets.additionalProperties.properties.recipients, data: data25 };
                      if (vErrors === null) {
                        vErrors = [err73];
                      } else {
                        vErrors.push(err73);
                      }
                      errors++;
                      break;
                    }
                    indices0[item0] = i3;
                  }
                }
              } else {
                const err74 = { instancePath: instancePath + "/recipientSets/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/recipients", schemaPath: "#/properties/recipientSets/additionalProperties/properties/recipients/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema312.properties.recipientSets.additionalProperties.properties.recipients.type, parentSchema: schema312.properties.recipientSets.additionalProperties.properties.recipients, data: data25 };
                if (vErrors === null) {
                  vErrors = [err74];
                } else {
                  vErrors.push(err74);
                }
                errors++;
              }
            }
          } else {
            const err75 = { instancePath: instancePath + "/recipientSets/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/recipientSets/additionalProperties/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema312.properties.recipientSets.additionalProperties.type, parentSchema: schema312.properties.recipientSets.additionalProperties, data: data24 };
            if (vErrors === null) {
              vErrors = [err75];
            } else {
              vErrors.push(err75);
            }
            errors++;
          }
        }
      } else {
        const err76 = { instancePath: instancePath + "/recipientSets", schemaPath: "#/properties/recipientSets/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema312.properties.recipientSets.type, parentSchema: schema312.properties.recipientSets, data: data23 };
        if (vErrors === null) {
          vErrors = [err76];
        } else {
          vErrors.push(err76);
        }
        errors++;
      }
    }
    if (data.files !== void 0) {
      let data27 = data.files;
      if (Array.isArray(data27)) {
        const len3 = data27.length;
        for (let i4 = 0; i4 < len3; i4++) {
          if (!validate212(data27[i4], { instancePath: instancePath + "/files/" + i4, parentData: data27, parentDataProperty: i4, rootData, dynamicAnchors })) {
            vErrors = vErrors === null ? validate212.errors : vErrors.concat(validate212.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err77 = { instancePath: instancePath + "/files", schemaPath: "#/properties/files/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema312.properties.files.type, parentSchema: schema312.properties.files, data: data27 };
        if (vErrors === null) {
          vErrors = [err77];
        } else {
          vErrors.push(err77);
        }
        errors++;
      }
    }
    if (data.emptyDirectories !== void 0) {
      let data29 = data.emptyDirectories;
      if (Array.isArray(data29)) {
        const len4 = data29.length;
        for (let i5 = 0; i5 < len4; i5++) {
          let data30 = data29[i5];
          if (typeof data30 === "string") {
            if (func3(data30) > 4096) {
              const err78 = { instancePath: instancePath + "/emptyDirectories/" + i5, schemaPath: "#/properties/emptyDirectories/items/maxLength", keyword: "maxLength", params: { limit: 4096 }, message: "must NOT have more than 4096 characters", schema: 4096, parentSchema: schema312.properties.emptyDirectories.items, data: data30 };
              if (vErrors === null) {
                vErrors = [err78];
              } else {
                vErrors.push(err78);
              }
              errors++;
            }
            if (func3(data30) < 1) {
              const err79 = { instancePath: instancePath + "/emptyDirectories/" + i5, schemaPath: "#/properties/emptyDirectories/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema312.properties.emptyDirectories.items, data: data30 };
              if (vErrors === null) {
                vErrors = [err79];
              } else {
                vErrors.push(err79);
              }
              errors++;
            }
          } else {
            const err80 = { instancePath: instancePath + "/emptyDirectories/" + i5, schemaPath: "#/properties/emptyDirectories/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema312.properties.emptyDirectories.items.type, parentSchema: schema312.properties.emptyDirectories.items, data: data30 };
            if (vErrors === null) {
              vErrors = [err80];
            } else {
              vErrors.push(err80);
            }
            errors++;
          }
        }
      } else {
        const err81 = { instancePath: instancePath + "/emptyDirectories", schemaPath: "#/properties/emptyDirectories/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema312.properties.emptyDirectories.type, parentSchema: schema312.properties.emptyDirectories, data: data29 };
        if (vErrors === null) {
          vErrors = [err81];
        } else {
          vErrors.push(err81);
        }
        errors++;
      }
    }
    if (data.consistency !== void 0) {
      let data31 = data.consistency;
      if (Array.isArray(data31)) {
        const len5 = data31.length;
        for (let i6 = 0; i6 < len5; i6++) {
          let data32 = data31[i6];
          if (data32 && typeof data32 == "object" && !Array.isArray(data32)) {
            if (data32.name === void 0) {
              const err82 = { instancePath: instancePath + "/consistency/" + i6, schemaPath: "#/properties/consistency/items/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'", schema: schema312.properties.consistency.items.required, parentSchema: schema312.properties.consistency.items, data: data32 };
              if (vErrors === null) {
                vErrors = [err82];
              } else {
                vErrors.push(err82);
              }
              errors++;
            }
            if (data32.ok === void 0) {
              const err83 = { instancePath: instancePath + "/consistency/" + i6, schemaPath: "#/properties/consistency/items/required", keyword: "required", params: { missingProperty: "ok" }, message: "must have required property 'ok'", schema: schema312.properties.consistency.items.required, parentSchema: schema312.properties.consistency.items, data: data32 };
              if (vErrors === null) {
                vErrors = [err83];
              } else {
                vErrors.push(err83);
              }
              errors++;
            }
            if (data32.message === void 0) {
              const err84 = { instancePath: instancePath + "/consistency/" + i6, schemaPath: "#/properties/consistency/items/required", keyword: "required", params: { missingProperty: "message" }, message: "must have required property 'message'", schema: schema312.properties.consistency.items.required, parentSchema: schema312.properties.consistency.items, data: data32 };
              if (vErrors === null) {
                vErrors = [err84];
              } else {
                vErrors.push(err84);
              }
              errors++;
            }
            for (const key5 in data32) {
              if (!(key5 === "name" || key5 === "ok" || key5 === "message")) {
                const err85 = { instancePath: instancePath + "/consistency/" + i6, schemaPath: "#/properties/consistency/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key5 }, message: "must NOT have additional properties", schema: false, parentSchema: schema312.properties.consistency.items, data: data32 };
                if (vErrors === null) {
                  vErrors = [err85];
                } else {
                  vErrors.push(err85);
                }
                errors++;
              }
            }
            if (data32.name !== void 0) {
              let data33 = data32.name;
              if (typeof data33 !== "string") {
                const err86 = { instancePath: instancePath + "/consistency/" + i6 + "/name", schemaPath: "#/properties/consistency/items/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema312.properties.consistency.items.properties.name.type, parentSchema: schema312.properties.consistency.items.properties.name, data: data33 };
                if (vErrors === null) {
                  vErrors = [err86];
                } else {
                  vErrors.push(err86);
                }
                errors++;
              }
            }
            if (data32.ok !== void 0) {
              let data34 = data32.ok;
              if (typeof data34 !== "boolean") {
                const err87 = { instancePath: instancePath + "/consistency/" + i6 + "/ok", schemaPath: "#/properties/consistency/items/properties/ok/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema312.properties.consistency.items.properties.ok.type, parentSchema: schema312.properties.consistency.items.properties.ok, data: data34 };
                if (vErrors === null) {
                  vErrors = [err87];
                } else {
                  vErrors.push(err87);
                }
                errors++;
              }
            }
            if (data32.message !== void 0) {
              let data35 = data32.message;
              if (typeof data35 !== "string") {
                const err88 = { instancePath: instancePath + "/consistency/" + i6 + "/message", schemaPath: "#/properties/consistency/items/properties/message/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema312.properties.consistency.items.properties.message.type, parentSchema: schema312.properties.consistency.items.properties.message, data: data35 };
                if (vErrors === null) {
                  vErrors = [err88];
                } else {
                  vErrors.push(err88);
                }
                errors++;
              }
            }
          } else {
            const err89 = { instancePath: instancePath + "/consistency/" + i6, schemaPath: "#/properties/consistency/items/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema312.properties.consistency.items.type, parentSchema: schema312.properties.consistency.items, data: data32 };
            if (vErrors === null) {
              vErrors = [err89];
            } else {
              vErrors.push(err89);
            }
            errors++;
          }
        }
      } else {
        const err90 = { instancePath: instancePath + "/consistency", schemaPath: "#/properties/consistency/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema312.properties.consistency.type, parentSchema: schema312.properties.consistency, data: data31 };
        if (vErrors === null) {
          vErrors = [err90];
        } else {
          vErrors.push(err90);
        }
        errors++;
      }
    }
    if (data.coverage !== void 0) {
      let data36 = data.coverage;
      if (data36 && typeof data36 == "object" && !Array.isArray(data36)) {
        if (data36.uncoveredTier0Paths === void 0) {
          const err91 = { instancePath: instancePath + "/coverage", schemaPath: "#/properties/coverage/required", keyword: "required", params: { missingProperty: "uncoveredTier0Paths" }, message: "must have required property 'uncoveredTier0Paths'", schema: schema312.properties.coverage.required, parentSchema: schema312.properties.coverage, data: data36 };
          if (vErrors === null) {
            vErrors = [err91];
          } else {
            vErrors.push(err91);
          }
          errors++;
        }
        if (data36.missingComponents === void 0) {
          const err92 = { instancePath: instancePath + "/coverage", schemaPath: "#/properties/coverage/required", keyword: "required", params: { missingProperty: "missingComponents" }, message: "must have required property 'missingComponents'", schema: schema312.properties.coverage.required, parentSchema: schema312.properties.coverage, data: data36 };
          if (vErrors === null) {
            vErrors = [err92];
          } else {
            vErrors.push(err92);
          }
          errors++;
        }
        if (data36.secretsOutsideComponents === void 0) {
          const err93 = { instancePath: instancePath + "/coverage", schemaPath: "#/properties/coverage/required", keyword: "required", params: { missingProperty: "secretsOutsideComponents" }, message: "must have required property 'secretsOutsideComponents'", schema: schema312.properties.coverage.required, parentSchema: schema312.properties.coverage, data: data36 };
          if (vErrors === null) {
            vErrors = [err93];
          } else {
            vErrors.push(err93);
          }
          errors++;
        }
        for (const key6 in data36) {
          if (!(key6 === "uncoveredTier0Paths" || key6 === "missingComponents" || key6 === "secretsOutsideComponents")) {
            const err94 = { instancePath: instancePath + "/coverage", schemaPath: "#/properties/coverage/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key6 }, message: "must NOT have additional properties", schema: false, parentSchema: schema312.properties.coverage, data: data36 };
            if (vErrors === null) {
              vErrors = [err94];
            } else {
              vErrors.push(err94);
            }
            errors++;
          }
        }
        if (data36.uncoveredTier0Paths !== void 0) {
          let data37 = data36.uncoveredTier0Paths;
          if (Array.isArray(data37)) {
            const len6 = data37.length;
            for (let i7 = 0; i7 < len6; i7++) {
              let data38 = data37[i7];
              if (typeof data38 === "string") {
                if (func3(data38) > 4096) {
                  const err95 = { instancePath: instancePath + "/coverage/uncoveredTier0Paths/" + i7, schemaPath: "#/properties/coverage/properties/uncoveredTier0Paths/items/maxLength", keyword: "maxLength", params: { limit: 4096 }, message: "must NOT have more than 4096 characters", schema: 4096, parentSchema: schema312.properties.coverage.properties.uncoveredTier0Paths.items, data: data38 };
                  if (vErrors === null) {
                    vErrors = [err95];
                  } else {
                    vErrors.push(err95);
                  }
                  errors++;
                }
                if (func3(data38) < 1) {
                  const err96 = { instancePath: instancePath + "/coverage/uncoveredTier0Paths/" + i7, schemaPath: "#/properties/coverage/properties/uncoveredTier0Paths/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema312.properties.coverage.properties.uncoveredTier0Paths.items, data: data38 };
                  if (vErrors === null) {
                    vErrors = [err96];
                  } else {
                    vErrors.push(err96);
                  }
                  errors++;
                }
              } else {
                const err97 = { instancePath: instancePath + "/coverage/uncoveredTier0Paths/" + i7, schemaPath: "#/properties/coverage/properties/uncoveredTier0Paths/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema312.properties.coverage.properties.uncoveredTier0Paths.items.type, parentSchema: schema312.properties.coverage.properties.uncoveredTier0Paths.items, data: data38 };
                if (vErrors === null) {
                  vErrors = [err97];
                } else {
                  vErrors.push(err97);
                }
                errors++;
              }
            }
          } else {
            const err98 = { instancePath: instancePath + "/coverage/uncoveredTier0Paths", schemaPath: "#/properties/coverage/properties/uncoveredTier0Paths/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema312.properties.coverage.properties.uncoveredTier0Paths.type, parentSchema: schema312.properties.coverage.properties.uncoveredTier0Paths, data: data37 };
            if (vErrors === null) {
              vErrors = [err98];
            } else {
              vErrors.push(err98);
            }
            errors++;
          }
        }
        if (data36.missingComponents !== void 0) {
          let data39 = data36.missingComponents;
          if (Array.isArray(data39)) {
            const len7 = data39.length;
            for (let i8 = 0; i8 < len7; i8++) {
              let data40 = data39[i8];
              if (typeof data40 === "string") {
                if (func3(data40) > 200) {
                  const err99 = { instancePath: instancePath + "/coverage/missingComponents/" + i8, schemaPath: "#/properties/coverage/properties/missingComponents/items/maxLength", keyword: "maxLength", params: { limit: 200 }, message: "must NOT have more than 200 characters", schema: 200, parentSchema: schema312.properties.coverage.properties.missingComponents.items, data: data40 };
                  if (vErrors === null) {
                    vErrors = [err99];
                  } else {
                    vErrors.push(err99);
                  }
                  errors++;
                }
              } else {
                const err100 = { instancePath: instancePath + "/coverage/missingComponents/" + i8, schemaPath: "#/properties/coverage/properties/missingComponents/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema312.properties.coverage.properties.missingComponents.items.type, parentSchema: schema312.properties.coverage.properties.missingComponents.items, data: data40 };
                if (vErrors === null) {
                  vErrors = [err100];
                } else {
                  vErrors.push(err100);
                }
                errors++;
              }
            }
          } else {
            const err101 = { instancePath: instancePath + "/coverage/missingComponents", schemaPath: "#/properties/coverage/properties/missingComponents/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema312.properties.coverage.properties.missingComponents.type, parentSchema: schema312.properties.coverage.properties.missingComponents, data: data39 };
            if (vErrors === null) {
              vErrors = [err101];
            } else {
              vErrors.push(err101);
            }
            errors++;
          }
        }
        if (data36.secretsOutsideComponents !== void 0) {
          let data41 = data36.secretsOutsideComponents;
          if (Array.isArray(data41)) {
            const len8 = data41.length;
            for (let i9 = 0; i9 < len8; i9++) {
              let data42 = data41[i9];
              if (typeof data42 === "string") {
                if (func3(data42) > 4096) {
                  const err102 = { instancePath: instancePath + "/coverage/secretsOutsideComponents/" + i9, schemaPath: "#/properties/coverage/properties/secretsOutsideComponents/items/maxLength", keyword: "maxLength", params: { limit: 4096 }, message: "must NOT have more than 4096 characters", schema: 4096, parentSchema: schema312.properties.coverage.properties.secretsOutsideComponents.items, data: data42 };
                  if (vErrors === null) {
                    vErrors = [err102];
                  } else {
                    vErrors.push(err102);
                  }
                  errors++;
                }
                if (func3(data42) < 1) {
                  const err103 = { instancePath: instancePath + "/coverage/secretsOutsideComponents/" + i9, schemaPath: "#/properties/coverage/properties/secretsOutsideComponents/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema312.properties.coverage.properties.secretsOutsideComponents.items, data: data42 };
                  if (vErrors === null) {
                    vErrors = [err103];
                  } else {
                    vErrors.push(err103);
                  }
                  errors++;
                }
              } else {
                const err104 = { instancePath: instancePath + "/coverage/secretsOutsideComponents/" + i9, schemaPath: "#/properties/coverage/properties/secretsOutsideComponents/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema312.properties.coverage.properties.secretsOutsideComponents.items.type, parentSchema: schema312.properties.coverage.properties.secretsOutsideComponents.items, data: data42 };
                if (vErrors === null) {
                  vErrors = [err104];
                } else {
                  vErrors.push(err104);
                }
                errors++;
              }
            }
          } else {
            const err105 = { instancePath: instancePath + "/coverage/secretsOutsideComponents", schemaPath: "#/properties/coverage/properties/secretsOutsideComponents/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema312.properties.coverage.properties.secretsOutsideComponents.type, parentSchema: schema312.properties.coverage.properties.secretsOutsideComponents, data: data41 };
            if (vErrors === null) {
              vErrors = [err105];
            } else {
              vErrors.push(err105);
            }
            errors++;
          }
        }
      } else {
        const err106 = { instancePath: instancePath + "/coverage", schemaPath: "#/properties/coverage/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema312.properties.coverage.type, parentSchema: schema312.properties.coverage, data: data36 };
        if (vErrors === null) {
          vErrors = [err106];
        } else {
          vErrors.push(err106);
        }
        errors++;
      }
    }
    if (data.signature !== void 0) {
      let data43 = data.signature;
      if (data43 && typeof data43 == "object" && !Array.isArray(data43)) {
        if (data43.alg === void 0) {
          const err107 = { instancePath: instancePath + "/signature", schemaPath: "#/properties/signature/required", keyword: "required", params: { missingProperty: "alg" }, message: "must have required property 'alg'", schema: schema312.properties.signature.required, parentSchema: schema312.properties.signature, data: data43 };
          if (vErrors === null) {
            vErrors = [err107];
          } else {
            vErrors.push(err107);
          }
          errors++;
        }
        if (data43.key === void 0) {
          const err108 = { instancePath: instancePath + "/signature", schemaPath: "#/properties/signature/required", keyword: "required", params: { missingProperty: "key" }, message: "must have required property 'key'", schema: schema312.properties.signature.required, parentSchema: schema312.properties.signature, data: data43 };
          if (vErrors === null) {
            vErrors = [err108];
          } else {
            vErrors.push(err108);
          }
          errors++;
        }
        if (data43.value === void 0) {
          const err109 = { instancePath: instancePath + "/signature", schemaPath: "#/properties/signature/required", keyword: "required", params: { missingProperty: "value" }, message: "must have required property 'value'", schema: schema312.properties.signature.required, parentSchema: schema312.properties.signature, data: data43 };
          if (vErrors === null) {
            vErrors = [err109];
          } else {
            vErrors.push(err109);
          }
          errors++;
        }
        for (const key7 in data43) {
          if (!(key7 === "alg" || key7 === "key" || key7 === "value")) {
            const err110 = { instancePath: instancePath + "/signature", schemaPath: "#/properties/signature/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key7 }, message: "must NOT have additional properties", schema: false, parentSchema: schema312.properties.signature, data: data43 };
            if (vErrors === null) {
              vErrors = [err110];
            } else {
              vErrors.push(err110);
            }
            errors++;
          }
        }
        if (data43.alg !== void 0) {
          let data44 = data43.alg;
          if ("ed25519" !== data44) {
            const err111 = { instancePath: instancePath + "/signature/alg", schemaPath: "#/properties/signature/properties/alg/const", keyword: "const", params: { allowedValue: "ed25519" }, message: "must be equal to constant", schema: "ed25519", parentSchema: schema312.properties.signature.properties.alg, data: data44 };
            if (vErrors === null) {
              vErrors = [err111];
            } else {
              vErrors.push(err111);
            }
            errors++;
          }
        }
        if (data43.key !== void 0) {
          let data45 = data43.key;
          if (typeof data45 === "string") {
            if (!pattern132.test(data45)) {
              const err112 = { instancePath: instancePath + "/signature/key", schemaPath: "#/properties/signature/properties/key/pattern", keyword: "pattern", params: { pattern: "^sgw1[0-9a-z]{58}$" }, message: 'must match pattern "^sgw1[0-9a-z]{58}$"', schema: "^sgw1[0-9a-z]{58}$", parentSchema: schema312.properties.signature.properties.key, data: data45 };
              if (vErrors === null) {
                vErrors = [err112];
              } else {
                vErrors.push(err112);
              }
              errors++;
            }
          } else {
            const err113 = { instancePath: instancePath + "/signature/key", schemaPath: "#/properties/signature/properties/key/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema312.properties.signature.properties.key.type, parentSchema: schema312.properties.signature.properties.key, data: data45 };
            if (vErrors === null) {
              vErrors = [err113];
            } else {
              vErrors.push(err113);
            }
            errors++;
          }
        }
        if (data43.value !== void 0) {
          let data46 = data43.value;
          if (typeof data46 === "string") {
            if (!pattern14.test(data46)) {
              const err114 = { instancePath: instancePath + "/signature/value", schemaPath: "#/properties/signature/properties/value/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9+/]{86}==$" }, message: 'must match pattern "^[A-Za-z0-9+/]{86}==$"', schema: "^[A-Za-z0-9+/]{86}==$", parentSchema: schema312.properties.signature.properties.value, data: data46 };
              if (vErrors === null) {
                vErrors = [err114];
              } else {
                vErrors.push(err114);
              }
              errors++;
            }
          } else {
            const err115 = { instancePath: instancePath + "/signature/value", schemaPath: "#/properties/signature/properties/value/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema312.properties.signature.properties.value.type, parentSchema: schema312.properties.signature.properties.value, data: data46 };
            if (vErrors === null) {
              vErrors = [err115];
            } else {
              vErrors.push(err115);
            }
            errors++;
          }
        }
      } else {
        const err116 = { instancePath: instancePath + "/signature", schemaPath: "#/properties/signature/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema312.properties.signature.type, parentSchema: schema312.properties.signature, data: data43 };
        if (vErrors === null) {
          vErrors = [err116];
        } else {
          vErrors.push(err116);
        }
        errors++;
      }
    }
  } else {
    const err117 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema312.type, parentSchema: schema312, data };
    if (vErrors === null) {
      vErrors = [err117];
    } else {
      vErrors.push(err117);
    }
    errors++;
  }
  validate202.errors = vErrors;
  return errors === 0;
}
validate202.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };

// core/snapshot/parse-manifest.ts
var validator = new JsonSchemaValidator(
  () => manifest_validator_default
);
function parseManifest(bytes, where) {
  let value;
  try {
    value = JSON.parse(Buffer.from(bytes).toString("utf8"));
  } catch {
    throw new SnapgateError("INTEGRITY", `${where} is not valid JSON.`, {
      fix: "The manifest was damaged in the store; verify the store (`snapgate verify --all`) and restore from another snapshot."
    });
  }
  const result = validator.check(value);
  if (!result.ok) {
    const first = result.problems.slice(0, 3).map((p) => `${p.instancePath} ${p.message}`).join("; ");
    throw new SnapgateError(
      "INTEGRITY",
      `${where} is not a valid snapgate.manifest/v1: ${first}.`,
      {
        fix: "The manifest was written by an incompatible or faulty writer, or altered; do not restore from it.",
        details: { problems: result.problems }
      }
    );
  }
  return result.value;
}

// core/snapshot/catalog-entry.ts
function catalogEntryOf(manifest, id) {
  const components = /* @__PURE__ */ new Set();
  let bytes = 0;
  for (const file of manifest.files) {
    if (file.component) components.add(file.component);
    if (file.type === "file") bytes += file.size;
  }
  return {
    id,
    stream: manifest.stream,
    seq: manifest.seq,
    prev: manifest.prev,
    time: manifest.time,
    writtenAt: manifest.writtenAt,
    phase: manifest.phase,
    metadata: manifest.metadata,
    files: manifest.files.length,
    bytes,
    components: [...components].sort()
  };
}

// core/snapshot/read-catalog.ts
async function readCatalog(store, stream) {
  const [entries, seqs] = await Promise.all([
    store.readCatalog(stream),
    store.listManifestSeqs(stream)
  ]);
  const bySeq = new Map(entries.map((entry) => [entry.seq, entry]));
  const complete = [];
  for (const seq of [.../* @__PURE__ */ new Set([...seqs, ...bySeq.keys()])].sort((a, b) => a - b)) {
    const known = bySeq.get(seq);
    if (known) {
      complete.push(known);
      continue;
    }
    const bytes = await store.readManifest(stream, seq);
    if (!bytes) continue;
    let manifest;
    try {
      manifest = parseManifest(bytes, `manifest ${stream}@${seq}`);
    } catch (error) {
      if (!isSnapgateError(error)) throw error;
      throw new SnapgateError(
        "INTEGRITY",
        `${manifestPath(stream, seq)} in ${store.location} cannot be read: ${error.summary}`,
        {
          fix: `Restore that file from a copy of the store, then run \`snapgate verify --all --env ${stream}\`.`,
          details: { stream, seq }
        }
      );
    }
    complete.push(catalogEntryOf(manifest, sha256Hex(bytes)));
  }
  return complete;
}
async function readAllCatalogs(store) {
  const streams = await store.listStreams();
  return (await Promise.all(streams.map((stream) => readCatalog(store, stream)))).flat();
}

// core/crypto/distinct-recipients.ts
function distinctRecipients(recipients) {
  return [...new Set(recipients)].sort();
}

// core/crypto/recipient-set-id.ts
import { createHash as createHash2 } from "node:crypto";
function recipientSetId(recipients) {
  return createHash2("sha256").update(`snapgate.recipient-set/v1
${distinctRecipients(recipients).join("\n")}`).digest("hex").slice(0, 32);
}

// core/snapshot/recipients-of-file.ts
function recipientsOfFile(manifest, file) {
  if (file.recipientSet === void 0) return distinctRecipients(manifest.recipients);
  const set = manifest.recipientSets?.[file.recipientSet];
  if (!set || recipientSetId(set.recipients) !== file.recipientSet) return [];
  return distinctRecipients(set.recipients);
}

// core/snapshot/recipient-gaps.ts
function recipientGaps(manifest) {
  const listed = distinctRecipients(manifest.recipients);
  const gaps = [];
  for (const file of manifest.files) {
    if (file.type !== "file") continue;
    const opens = new Set(recipientsOfFile(manifest, file));
    const cannotOpen = listed.filter((recipient) => !opens.has(recipient));
    if (cannotOpen.length > 0) gaps.push({ path: file.path, cannotOpen });
  }
  return gaps;
}

// core/generated/verification-validator.ts
import __ajvRuntime03 from "ajv/dist/runtime/ucs2length.js";
import __ajvRuntime13 from "ajv-formats/dist/formats.js";
var verification_validator_default = validate203;
var schema313 = { "$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://snapgate.dev/schemas/verification.schema.json", "title": "Snapgate verification record (snapgate.verification/v1)", "description": "records/verifications/<snapshot id>/<time>.json: the outcome of `snapgate verify --record` for one snapshot. The gate reads the newest restore-level record of an environment.", "type": "object", "additionalProperties": false, "required": ["format", "snapshot", "stream", "seq", "level", "ok", "time", "blobsChecked", "bytesChecked", "problems"], "properties": { "format": { "const": "snapgate.verification/v1" }, "snapshot": { "type": "string", "pattern": "^[0-9a-f]{64}$" }, "stream": { "type": "string", "pattern": "^[a-z0-9][a-z0-9._-]{0,62}$" }, "seq": { "type": "integer", "minimum": 1 }, "level": { "enum": ["structure", "restore"] }, "ok": { "type": "boolean" }, "time": { "type": "string", "format": "date-time" }, "blobsChecked": { "type": "integer", "minimum": 0 }, "bytesChecked": { "type": "integer", "minimum": 0 }, "problems": { "type": "array", "maxItems": 100, "items": { "type": "object", "additionalProperties": false, "required": ["kind", "message"], "properties": { "kind": { "type": "string", "maxLength": 50 }, "message": { "type": "string", "maxLength": 2e3 }, "path": { "type": "string", "maxLength": 4096 } } } } } };
var func13 = Object.prototype.hasOwnProperty;
var func22 = __ajvRuntime03.default;
var pattern44 = new RegExp("^[0-9a-f]{64}$", "u");
var pattern54 = new RegExp("^[a-z0-9][a-z0-9._-]{0,62}$", "u");
var formats03 = __ajvRuntime13.fullFormats["date-time"];
function validate203(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate203.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.format === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "format" }, message: "must have required property 'format'", schema: schema313.required, parentSchema: schema313, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.snapshot === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "snapshot" }, message: "must have required property 'snapshot'", schema: schema313.required, parentSchema: schema313, data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.stream === void 0) {
      const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "stream" }, message: "must have required property 'stream'", schema: schema313.required, parentSchema: schema313, data };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    if (data.seq === void 0) {
      const err3 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "seq" }, message: "must have required property 'seq'", schema: schema313.required, parentSchema: schema313, data };
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
    if (data.level === void 0) {
      const err4 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "level" }, message: "must have required property 'level'", schema: schema313.required, parentSchema: schema313, data };
      if (vErrors === null) {
        vErrors = [err4];
      } else {
        vErrors.push(err4);
      }
      errors++;
    }
    if (data.ok === void 0) {
      const err5 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "ok" }, message: "must have required property 'ok'", schema: schema313.required, parentSchema: schema313, data };
      if (vErrors === null) {
        vErrors = [err5];
      } else {
        vErrors.push(err5);
      }
      errors++;
    }
    if (data.time === void 0) {
      const err6 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "time" }, message: "must have required property 'time'", schema: schema313.required, parentSchema: schema313, data };
      if (vErrors === null) {
        vErrors = [err6];
      } else {
        vErrors.push(err6);
      }
      errors++;
    }
    if (data.blobsChecked === void 0) {
      const err7 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "blobsChecked" }, message: "must have required property 'blobsChecked'", schema: schema313.required, parentSchema: schema313, data };
      if (vErrors === null) {
        vErrors = [err7];
      } else {
        vErrors.push(err7);
      }
      errors++;
    }
    if (data.bytesChecked === void 0) {
      const err8 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "bytesChecked" }, message: "must have required property 'bytesChecked'", schema: schema313.required, parentSchema: schema313, data };
      if (vErrors === null) {
        vErrors = [err8];
      } else {
        vErrors.push(err8);
      }
      errors++;
    }
    if (data.problems === void 0) {
      const err9 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "problems" }, message: "must have required property 'problems'", schema: schema313.required, parentSchema: schema313, data };
      if (vErrors === null) {
        vErrors = [err9];
      } else {
        vErrors.push(err9);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!func13.call(schema313.properties, key0)) {
        const err10 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema313, data };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
    }
    if (data.format !== void 0) {
      let data0 = data.format;
      if ("snapgate.verification/v1" !== data0) {
        const err11 = { instancePath: instancePath + "/format", schemaPath: "#/properties/format/const", keyword: "const", params: { allowedValue: "snapgate.verification/v1" }, message: "must be equal to constant", schema: "snapgate.verification/v1", parentSchema: schema313.properties.format, data: data0 };
        if (vErrors === null) {
          vErrors = [err11];
        } else {
          vErrors.push(err11);
        }
        errors++;
      }
    }
    if (data.snapshot !== void 0) {
      let data1 = data.snapshot;
      if (typeof data1 === "string") {
        if (!pattern44.test(data1)) {
          const err12 = { instancePath: instancePath + "/snapshot", schemaPath: "#/properties/snapshot/pattern", keyword: "pattern", params: { pattern: "^[0-9a-f]{64}$" }, message: 'must match pattern "^[0-9a-f]{64}$"', schema: "^[0-9a-f]{64}$", parentSchema: schema313.properties.snapshot, data: data1 };
          if (vErrors === null) {
            vErrors = [err12];
          } else {
            vErrors.push(err12);
          }
          errors++;
        }
      } else {
        const err13 = { instancePath: instancePath + "/snapshot", schemaPath: "#/properties/snapshot/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema313.properties.snapshot.type, parentSchema: schema313.properties.snapshot, data: data1 };
        if (vErrors === null) {
          vErrors = [err13];
        } else {
          vErrors.push(err13);
        }
        errors++;
      }
    }
    if (data.stream !== void 0) {
      let data2 = data.stream;
      if (typeof data2 === "string") {
        if (!pattern54.test(data2)) {
          const err14 = { instancePath: instancePath + "/stream", schemaPath: "#/properties/stream/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9][a-z0-9._-]{0,62}$" }, message: 'must match pattern "^[a-z0-9][a-z0-9._-]{0,62}$"', schema: "^[a-z0-9][a-z0-9._-]{0,62}$", parentSchema: schema313.properties.stream, data: data2 };
          if (vErrors === null) {
            vErrors = [err14];
          } else {
            vErrors.push(err14);
          }
          errors++;
        }
      } else {
        const err15 = { instancePath: instancePath + "/stream", schemaPath: "#/properties/stream/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema313.properties.stream.type, parentSchema: schema313.properties.stream, data: data2 };
        if (vErrors === null) {
          vErrors = [err15];
        } else {
          vErrors.push(err15);
        }
        errors++;
      }
    }
    if (data.seq !== void 0) {
      let data3 = data.seq;
      if (!(typeof data3 == "number" && (!(data3 % 1) && !isNaN(data3)) && isFinite(data3))) {
        const err16 = { instancePath: instancePath + "/seq", schemaPath: "#/properties/seq/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema313.properties.seq.type, parentSchema: schema313.properties.seq, data: data3 };
        if (vErrors === null) {
          vErrors = [err16];
        } else {
          vErrors.push(err16);
        }
        errors++;
      }
      if (typeof data3 == "number" && isFinite(data3)) {
        if (data3 < 1 || isNaN(data3)) {
          const err17 = { instancePath: instancePath + "/seq", schemaPath: "#/properties/seq/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema313.properties.seq, data: data3 };
          if (vErrors === null) {
            vErrors = [err17];
          } else {
            vErrors.push(err17);
          }
          errors++;
        }
      }
    }
    if (data.level !== void 0) {
      let data4 = data.level;
      if (!(data4 === "structure" || data4 === "restore")) {
        const err18 = { instancePath: instancePath + "/level", schemaPath: "#/properties/level/enum", keyword: "enum", params: { allowedValues: schema313.properties.level.enum }, message: "must be equal to one of the allowed values", schema: schema313.properties.level.enum, parentSchema: schema313.properties.level, data: data4 };
        if (vErrors === null) {
          vErrors = [err18];
        } else {
          vErrors.push(err18);
        }
        errors++;
      }
    }
    if (data.ok !== void 0) {
      let data5 = data.ok;
      if (typeof data5 !== "boolean") {
        const err19 = { instancePath: instancePath + "/ok", schemaPath: "#/properties/ok/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema313.properties.ok.type, parentSchema: schema313.properties.ok, data: data5 };
        if (vErrors === null) {
          vErrors = [err19];
        } else {
          vErrors.push(err19);
        }
        errors++;
      }
    }
    if (data.time !== void 0) {
      let data6 = data.time;
      if (typeof data6 === "string") {
        if (!formats03.validate(data6)) {
          const err20 = { instancePath: instancePath + "/time", schemaPath: "#/properties/time/format", keyword: "format", params: { format: "date-time" }, message: 'must match format "date-time"', schema: "date-time", parentSchema: schema313.properties.time, data: data6 };
          if (vErrors === null) {
            vErrors = [err20];
          } else {
            vErrors.push(err20);
          }
          errors++;
        }
      } else {
        const err21 = { instancePath: instancePath + "/time", schemaPath: "#/properties/time/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema313.properties.time.type, parentSchema: schema313.properties.time, data: data6 };
        if (vErrors === null) {
          vErrors = [err21];
        } else {
          vErrors.push(err21);
        }
        errors++;
      }
    }
    if (data.blobsChecked !== void 0) {
      let data7 = data.blobsChecked;
      if (!(typeof data7 == "number" && (!(data7 % 1) && !isNaN(data7)) && isFinite(data7))) {
        const err22 = { instancePath: instancePath + "/blobsChecked", schemaPath: "#/properties/blobsChecked/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema313.properties.blobsChecked.type, parentSchema: schema313.properties.blobsChecked, data: data7 };
        if (vErrors === null) {
          vErrors = [err22];
        } else {
          vErrors.push(err22);
        }
        errors++;
      }
      if (typeof data7 == "number" && isFinite(data7)) {
        if (data7 < 0 || isNaN(data7)) {
          const err23 = { instancePath: instancePath + "/blobsChecked", schemaPath: "#/properties/blobsChecked/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema313.properties.blobsChecked, data: data7 };
          if (vErrors === null) {
            vErrors = [err23];
          } else {
            vErrors.push(err23);
          }
          errors++;
        }
      }
    }
    if (data.bytesChecked !== void 0) {
      let data8 = data.bytesChecked;
      if (!(typeof data8 == "number" && (!(data8 % 1) && !isNaN(data8)) && isFinite(data8))) {
        const err24 = { instancePath: instancePath + "/bytesChecked", schemaPath: "#/properties/bytesChecked/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema313.properties.bytesChecked.type, parentSchema: schema313.properties.bytesChecked, data: data8 };
        if (vErrors === null) {
          vErrors = [err24];
        } else {
          vErrors.push(err24);
        }
        errors++;
      }
      if (typeof data8 == "number" && isFinite(data8)) {
        if (data8 < 0 || isNaN(data8)) {
          const err25 = { instancePath: instancePath + "/bytesChecked", schemaPath: "#/properties/bytesChecked/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema313.properties.bytesChecked, data: data8 };
          if (vErrors === null) {
            vErrors = [err25];
          } else {
            vErrors.push(err25);
          }
          errors++;
        }
      }
    }
    if (data.problems !== void 0) {
      let data9 = data.problems;
      if (Array.isArray(data9)) {
        if (data9.length > 100) {
          const err26 = { instancePath: instancePath + "/problems", schemaPath: "#/properties/problems/maxItems", keyword: "maxItems", params: { limit: 100 }, message: "must NOT have more than 100 items", schema: 100, parentSchema: schema313.properties.problems, data: data9 };
          if (vErrors === null) {
            vErrors = [err26];
          } else {
            vErrors.push(err26);
          }
          errors++;
        }
        const len0 = data9.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data10 = data9[i0];
          if (data10 && typeof data10 == "object" && !Array.isArray(data10)) {
            if (data10.kind === void 0) {
              const err27 = { instancePath: instancePath + "/problems/" + i0, schemaPath: "#/properties/problems/items/required", keyword: "required", params: { missingProperty: "kind" }, message: "must have required property 'kind'", schema: schema313.properties.problems.items.required, parentSchema: schema313.properties.problems.items, data: data10 };
              if (vErrors === null) {
                vErrors = [err27];
              } else {
                vErrors.push(err27);
              }
              errors++;
            }
            if (data10.message === void 0) {
              const err28 = { instancePath: instancePath + "/problems/" + i0, schemaPath: "#/properties/problems/items/required", keyword: "required", params: { missingProperty: "message" }, message: "must have required property 'message'", schema: schema313.properties.problems.items.required, parentSchema: schema313.properties.problems.items, data: data10 };
              if (vErrors === null) {
                vErrors = [err28];
              } else {
                vErrors.push(err28);
              }
              errors++;
            }
            for (const key1 in data10) {
              if (!(key1 === "kind" || key1 === "message" || key1 === "path")) {
                const err29 = { instancePath: instancePath + "/problems/" + i0, schemaPath: "#/properties/problems/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties", schema: false, parentSchema: schema313.properties.problems.items, data: data10 };
                if (vErrors === null) {
                  vErrors = [err29];
                } else {
                  vErrors.push(err29);
                }
                errors++;
              }
            }
            if (data10.kind !== void 0) {
              let data11 = data10.kind;
              if (typeof data11 === "string") {
                if (func22(data11) > 50) {
                  const err30 = { instancePath: instancePath + "/problems/" + i0 + "/kind", schemaPath: "#/properties/problems/items/properties/kind/maxLength", keyword: "maxLength", params: { limit: 50 }, message: "must NOT have more than 50 characters", schema: 50, parentSchema: schema313.properties.problems.items.properties.kind, data: data11 };
                  if (vErrors === null) {
                    vErrors = [err30];
                  } else {
                    vErrors.push(err30);
                  }
                  errors++;
                }
              } else {
                const err31 = { instancePath: instancePath + "/problems/" + i0 + "/kind", schemaPath: "#/properties/problems/items/properties/kind/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema313.properties.problems.items.properties.kind.type, parentSchema: schema313.properties.problems.items.properties.kind, data: data11 };
                if (vErrors === null) {
                  vErrors = [err31];
                } else {
                  vErrors.push(err31);
                }
                errors++;
              }
            }
            if (data10.message !== void 0) {
              let data12 = data10.message;
              if (typeof data12 === "string") {
                if (func22(data12) > 2e3) {
                  const err32 = { instancePath: instancePath + "/problems/" + i0 + "/message", schemaPath: "#/properties/problems/items/properties/message/maxLength", keyword: "maxLength", params: { limit: 2e3 }, message: "must NOT have more than 2000 characters", schema: 2e3, parentSchema: schema313.properties.problems.items.properties.message, data: data12 };
                  if (vErrors === null) {
                    vErrors = [err32];
                  } else {
                    vErrors.push(err32);
                  }
                  errors++;
                }
              } else {
                const err33 = { instancePath: instancePath + "/problems/" + i0 + "/message", schemaPath: "#/properties/problems/items/properties/message/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema313.properties.problems.items.properties.message.type, parentSchema: schema313.properties.problems.items.properties.message, data: data12 };
                if (vErrors === null) {
                  vErrors = [err33];
                } else {
                  vErrors.push(err33);
                }
                errors++;
              }
            }
            if (data10.path !== void 0) {
              let data13 = data10.path;
              if (typeof data13 === "string") {
                if (func22(data13) > 4096) {
                  const err34 = { instancePath: instancePath + "/problems/" + i0 + "/path", schemaPath: "#/properties/problems/items/properties/path/maxLength", keyword: "maxLength", params: { limit: 4096 }, message: "must NOT have more than 4096 characters", schema: 4096, parentSchema: schema313.properties.problems.items.properties.path, data: data13 };
                  if (vErrors === null) {
                    vErrors = [err34];
                  } else {
                    vErrors.push(err34);
                  }
                  errors++;
                }
              } else {
                const err35 = { instancePath: instancePath + "/problems/" + i0 + "/path", schemaPath: "#/properties/problems/items/properties/path/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema313.properties.problems.items.properties.path.type, parentSchema: schema313.properties.problems.items.properties.path, data: data13 };
                if (vErrors === null) {
                  vErrors = [err35];
                } else {
                  vErrors.push(err35);
                }
                errors++;
              }
            }
          } else {
            const err36 = { instancePath: instancePath + "/problems/" + i0, schemaPath: "#/properties/problems/items/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema313.properties.problems.items.type, parentSchema: schema313.properties.problems.items, data: data10 };
            if (vErrors === null) {
              vErrors = [err36];
            } else {
              vErrors.push(err36);
            }
            errors++;
          }
        }
      } else {
        const err37 = { instancePath: instancePath + "/problems", schemaPath: "#/properties/problems/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema313.properties.problems.type, parentSchema: schema313.properties.problems, data: data9 };
        if (vErrors === null) {
          vErrors = [err37];
        } else {
          vErrors.push(err37);
        }
        errors++;
      }
    }
  } else {
    const err38 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema313.type, parentSchema: schema313, data };
    if (vErrors === null) {
      vErrors = [err38];
    } else {
      vErrors.push(err38);
    }
    errors++;
  }
  validate203.errors = vErrors;
  return errors === 0;
}
validate203.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };

// core/audit/audit-event.ts
function chainAuditEvents(head, inputs) {
  const lines = [];
  let current = head;
  for (const input of inputs) {
    const unhashed = {
      v: 1,
      seq: (current?.seq ?? 0) + 1,
      time: input.time.toISOString(),
      type: input.type,
      actor: input.actor,
      subject: input.subject,
      ...input.details ? { details: input.details } : {},
      ...input.deliveryId ? { deliveryId: input.deliveryId } : {},
      ...input.requestDigest ? { requestDigest: input.requestDigest } : {},
      prev: current?.hash ?? null
    };
    const hash = sha256Hex(canonicalJson(unhashed));
    lines.push(canonicalJson({ ...unhashed, hash }));
    current = { seq: unhashed.seq, hash };
  }
  return { lines, head: current };
}
function auditHeadOfLine(line) {
  try {
    const event = JSON.parse(line);
    if (typeof event.seq === "number" && typeof event.hash === "string") {
      return { seq: event.seq, hash: event.hash };
    }
  } catch {
    return void 0;
  }
  return void 0;
}
function parseAuditHeadPointer(bytes) {
  if (!bytes) return null;
  const head = auditHeadOfLine(Buffer.from(bytes).toString("utf8"));
  return head ?? null;
}

// core/audit/append-audit-events.ts
var MAX_ATTEMPTS = 25;
async function appendAuditEvents(store, events) {
  if (events.length === 0) return;
  const time = events[0].time;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const head = await store.currentAuditHead();
    const { lines } = chainAuditEvents(head, events);
    if (await store.appendAudit(head, lines, time) === "committed") return;
    await new Promise(
      (resolve) => setTimeout(resolve, Math.random() * Math.min(200, 10 * attempt))
    );
  }
  throw new SnapgateError("CONFLICT", `Could not append to the audit log of ${store.location}.`, {
    fix: "Too many writers raced for the audit log; run the command again (what it did is done; only its audit events are missing)."
  });
}

// core/snapshot/verification-record.ts
var validator2 = new JsonSchemaValidator(
  () => verification_validator_default
);
var RECORD_NAME = /^verifications\/([a-z0-9][a-z0-9._-]{0,62})\/(\d{8}T\d{6}\.\d{3}Z)-(structure|restore)-(ok|fail)-([0-9a-f]{64})\.json$/;
function parseVerificationPath(path) {
  const match = RECORD_NAME.exec(path);
  if (!match?.[1] || !match[2] || !match[3] || !match[4] || !match[5]) return void 0;
  const t = match[2];
  const time = `${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6, 8)}T${t.slice(9, 11)}:${t.slice(11, 13)}:${t.slice(13)}`;
  return {
    path,
    stream: match[1],
    time,
    level: match[3],
    ok: match[4] === "ok",
    snapshot: match[5]
  };
}
async function findLatestVerification(store, names, snapshots, level) {
  const newest = names.map((path) => parseVerificationPath(path)).filter(
    (name) => name !== void 0 && name.level === level && snapshots.has(name.snapshot)
  ).sort((a, b) => a.time < b.time ? 1 : -1)[0];
  if (!newest) return null;
  if (newest.ok) {
    return {
      snapshot: newest.snapshot,
      stream: newest.stream,
      level,
      ok: true,
      time: newest.time,
      problems: []
    };
  }
  const bytes = await store.readRecord(newest.path);
  let value;
  try {
    value = bytes ? JSON.parse(Buffer.from(bytes).toString("utf8")) : void 0;
  } catch {
    value = void 0;
  }
  const checked = validator2.check(value);
  if (checked.ok && checked.value.snapshot === newest.snapshot && checked.value.level === level)
    return checked.value;
  return {
    snapshot: newest.snapshot,
    stream: newest.stream,
    level,
    ok: false,
    time: newest.time,
    problems: [{ kind: "manifest", message: `the record ${newest.path} cannot be read` }]
  };
}

// core/approvals/environment-lock-record.ts
var ENVIRONMENT_LOCK_FORMAT = "snapgate.lock/v1";
var LOCK_REVISION_NAME = /^(\d{4,})\.json$/;
function environmentLockPath(environment, revision) {
  return `locks/${environment}/${String(revision).padStart(4, "0")}.json`;
}
function signedBytes(body) {
  return new TextEncoder().encode(canonicalJson(body));
}
function sealEnvironmentLock(sodium, body, key) {
  const signer = appSigner(sodium, key);
  const unsigned = { format: ENVIRONMENT_LOCK_FORMAT, ...body };
  const value = sodium.crypto_sign_detached(signedBytes(unsigned), signer.signingSecretKey);
  const record2 = {
    ...unsigned,
    signature: {
      alg: "ed25519",
      key: signer.verifyKey,
      value: Buffer.from(value).toString("base64")
    }
  };
  return {
    path: environmentLockPath(body.environment, body.revision),
    bytes: new TextEncoder().encode(`${JSON.stringify(record2, null, 2)}
`)
  };
}
function openEnvironmentLock(sodium, bytes, expected, appKeys) {
  const refuse = (why) => {
    throw new SnapgateError(
      "INTEGRITY",
      `The lock record of ${expected.environment} (${environmentLockPath(expected.environment, expected.revision)}) cannot be trusted: ${why}.`,
      {
        fix: `Nothing that the lock guards runs until this is resolved: anyone who can write the backup repository could have made it. Check who pushed it (git log), remove it, and lock or unlock ${expected.environment} again through the Snapgate App (/snapgate lock|unlock --env ${expected.environment}).`,
        details: { environment: expected.environment, revision: expected.revision }
      }
    );
  };
  let record2;
  try {
    record2 = JSON.parse(Buffer.from(bytes).toString("utf8"));
  } catch {
    return refuse("it is not JSON");
  }
  const { signature, ...body } = record2 ?? {};
  if (!signature || signature.alg !== "ed25519" || typeof signature.value !== "string")
    return refuse("it is not signed by the Snapgate App");
  if (!appKeys.includes(signature.key))
    return refuse("it is signed by a key that is not an app key of the policy (keys.app)");
  let valid;
  try {
    valid = sodium.crypto_sign_verify_detached(
      Buffer.from(signature.value, "base64"),
      signedBytes(body),
      parseAppVerifyKey(signature.key)
    );
  } catch {
    valid = false;
  }
  if (!valid) return refuse("its signature does not match its contents (it was altered)");
  if (body.format !== ENVIRONMENT_LOCK_FORMAT || body.environment !== expected.environment || body.revision !== expected.revision || body.lock !== null && body.lock?.environment !== expected.environment)
    return refuse("it is not the environment and revision its path names");
  return record2;
}

// core/approvals/read-newest-environment-lock.ts
async function readNewestEnvironmentLock(store, sodium, environment, appKeys, listed) {
  const paths = listed ?? await store.listRecords(`locks/${environment}/`);
  const revisions = paths.map((path2) => Number(LOCK_REVISION_NAME.exec(path2.split("/").pop() ?? "")?.[1] ?? Number.NaN)).filter((revision2) => Number.isInteger(revision2) && revision2 > 0);
  if (revisions.length === 0) return null;
  const revision = Math.max(...revisions);
  const path = environmentLockPath(environment, revision);
  const bytes = await store.readRecord(path);
  if (bytes === null) {
    throw new SnapgateError("INTEGRITY", `The lock record ${path} was listed but cannot be read.`, {
      fix: `Check the backup repository's history for ${path}; then lock or unlock ${environment} again through the Snapgate App.`
    });
  }
  return openEnvironmentLock(sodium, bytes, { environment, revision }, appKeys);
}

// core/approvals/read-environment-lock.ts
async function readEnvironmentLock(store, environment, appKeys, listed) {
  const newest = await readNewestEnvironmentLock(
    store,
    await loadSodium(),
    environment,
    appKeys,
    listed
  );
  return newest?.lock ?? null;
}

// core/operations/drill-path.ts
var DRILL_NAME = /^drills\/([a-z0-9][a-z0-9._-]{0,62})\/(\d{8}T\d{6}\.\d{3}Z)-(ok|fail)-([0-9a-f]{64})\.json$/;
function parseDrillPath(path) {
  const match = DRILL_NAME.exec(path);
  if (!match?.[1] || !match[2] || !match[3] || !match[4]) return void 0;
  const t = match[2];
  const time = `${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6, 8)}T${t.slice(9, 11)}:${t.slice(11, 13)}:${t.slice(13)}`;
  return { path, stream: match[1], time, ok: match[3] === "ok", snapshot: match[4] };
}

// core/generated/drill-validator.ts
import __ajvRuntime04 from "ajv/dist/runtime/ucs2length.js";
import __ajvRuntime14 from "ajv-formats/dist/formats.js";
var drill_validator_default = validate204;
var schema314 = { "$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://snapgate.dev/schemas/drill.schema.json", "title": "Snapgate drill record (snapgate.drill/v1)", "description": "drills/<env>/<time>-<ok|fail>-<snapshot>.json: one recovery drill (`snapgate drill`): what was restored, how the validation went, RTO and RPO against the tier's SLA, the deviations from the baseline drill and the gaps found. Signed with the writer key like a manifest.", "type": "object", "additionalProperties": false, "required": ["format", "stream", "snapshot", "seq", "snapshotTime", "tier", "scope", "time", "finishedAt", "ok", "slaMet", "files", "validation", "rto", "rpo", "baseline", "gaps", "signature"], "properties": { "format": { "const": "snapgate.drill/v1" }, "stream": { "$ref": "#/$defs/name" }, "snapshot": { "$ref": "#/$defs/sha256" }, "seq": { "type": "integer", "minimum": 1 }, "snapshotTime": { "type": "string", "format": "date-time" }, "tier": { "type": ["string", "null"], "maxLength": 63 }, "scope": { "description": "config: the snapshot's configuration restored into a staging directory (the default).", "enum": ["config"] }, "time": { "type": "string", "format": "date-time" }, "finishedAt": { "type": "string", "format": "date-time" }, "ok": { "type": "boolean" }, "slaMet": { "type": ["boolean", "null"] }, "files": { "type": "array", "maxItems": 1e5, "items": { "type": "object", "additionalProperties": false, "required": ["path", "blob", "component"], "properties": { "path": { "type": "string", "maxLength": 4096 }, "blob": { "type": ["string", "null"], "maxLength": 200 }, "component": { "type": ["string", "null"], "maxLength": 200 } } } }, "validation": { "type": ["object", "null"], "additionalProperties": false, "required": ["command", "exitCode", "timedOut", "durationMs", "output", "outputSha256", "outputTruncated"], "properties": { "command": { "type": "string", "maxLength": 4096 }, "exitCode": { "type": ["integer", "null"] }, "timedOut": { "type": "boolean" }, "durationMs": { "type": "integer", "minimum": 0 }, "output": { "type": "string", "maxLength": 65536 }, "outputSha256": { "$ref": "#/$defs/sha256" }, "outputTruncated": { "type": "boolean" } } }, "rto": { "type": "object", "additionalProperties": false, "required": ["ms", "slaMs", "met"], "properties": { "ms": { "type": "integer", "minimum": 0 }, "slaMs": { "type": ["integer", "null"], "minimum": 0 }, "met": { "type": ["boolean", "null"] } } }, "rpo": { "type": "object", "additionalProperties": false, "required": ["snapshotAgeMs", "lastChangeAt", "sinceLastChangeMs", "slaMs", "met"], "properties": { "snapshotAgeMs": { "type": "integer", "minimum": 0 }, "lastChangeAt": { "type": "string", "format": "date-time" }, "sinceLastChangeMs": { "type": "integer", "minimum": 0 }, "slaMs": { "type": ["integer", "null"], "minimum": 0 }, "met": { "type": ["boolean", "null"] } } }, "baseline": { "type": ["object", "null"], "additionalProperties": false, "required": ["drill", "missing", "extra", "changedComponents", "validationOutputDiffers"], "properties": { "drill": { "type": "string", "maxLength": 300 }, "missing": { "$ref": "#/$defs/paths" }, "extra": { "$ref": "#/$defs/paths" }, "changedComponents": { "$ref": "#/$defs/paths" }, "validationOutputDiffers": { "type": "boolean" } } }, "gaps": { "type": "array", "maxItems": 1e3, "items": { "type": "object", "additionalProperties": false, "required": ["kind", "message"], "properties": { "kind": { "enum": ["missing-dependency", "outdated-secret", "out-of-scope", "missing-component", "restore", "other"] }, "message": { "type": "string", "maxLength": 2e3 }, "path": { "type": "string", "maxLength": 4096 } } } }, "signature": { "type": "object", "additionalProperties": false, "required": ["alg", "key", "value"], "properties": { "alg": { "const": "ed25519" }, "key": { "type": "string", "pattern": "^sgw1[02-9ac-hj-np-z]{58}$" }, "value": { "type": "string", "maxLength": 200 } } } }, "$defs": { "name": { "type": "string", "pattern": "^[a-z0-9][a-z0-9._-]{0,62}$" }, "sha256": { "type": "string", "pattern": "^[0-9a-f]{64}$" }, "paths": { "type": "array", "maxItems": 1e5, "items": { "type": "string", "maxLength": 4096 } } } };
var schema323 = { "type": "string", "pattern": "^[a-z0-9][a-z0-9._-]{0,62}$" };
var schema333 = { "type": "string", "pattern": "^[0-9a-f]{64}$" };
var schema35 = { "type": "array", "maxItems": 1e5, "items": { "type": "string", "maxLength": 4096 } };
var func14 = Object.prototype.hasOwnProperty;
var func23 = __ajvRuntime04.default;
var pattern45 = new RegExp("^[a-z0-9][a-z0-9._-]{0,62}$", "u");
var pattern55 = new RegExp("^[0-9a-f]{64}$", "u");
var pattern73 = new RegExp("^sgw1[02-9ac-hj-np-z]{58}$", "u");
var formats04 = __ajvRuntime14.fullFormats["date-time"];
function validate204(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate204.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.format === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "format" }, message: "must have required property 'format'", schema: schema314.required, parentSchema: schema314, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.stream === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "stream" }, message: "must have required property 'stream'", schema: schema314.required, parentSchema: schema314, data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.snapshot === void 0) {
      const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "snapshot" }, message: "must have required property 'snapshot'", schema: schema314.required, parentSchema: schema314, data };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    if (data.seq === void 0) {
      const err3 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "seq" }, message: "must have required property 'seq'", schema: schema314.required, parentSchema: schema314, data };
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
    if (data.snapshotTime === void 0) {
      const err4 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "snapshotTime" }, message: "must have required property 'snapshotTime'", schema: schema314.required, parentSchema: schema314, data };
      if (vErrors === null) {
        vErrors = [err4];
      } else {
        vErrors.push(err4);
      }
      errors++;
    }
    if (data.tier === void 0) {
      const err5 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "tier" }, message: "must have required property 'tier'", schema: schema314.required, parentSchema: schema314, data };
      if (vErrors === null) {
        vErrors = [err5];
      } else {
        vErrors.push(err5);
      }
      errors++;
    }
    if (data.scope === void 0) {
      const err6 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "scope" }, message: "must have required property 'scope'", schema: schema314.required, parentSchema: schema314, data };
      if (vErrors === null) {
        vErrors = [err6];
      } else {
        vErrors.push(err6);
      }
      errors++;
    }
    if (data.time === void 0) {
      const err7 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "time" }, message: "must have required property 'time'", schema: schema314.required, parentSchema: schema314, data };
      if (vErrors === null) {
        vErrors = [err7];
      } else {
        vErrors.push(err7);
      }
      errors++;
    }
    if (data.finishedAt === void 0) {
      const err8 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "finishedAt" }, message: "must have required property 'finishedAt'", schema: schema314.required, parentSchema: schema314, data };
      if (vErrors === null) {
        vErrors = [err8];
      } else {
        vErrors.push(err8);
      }
      errors++;
    }
    if (data.ok === void 0) {
      const err9 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "ok" }, message: "must have required property 'ok'", schema: schema314.required, parentSchema: schema314, data };
      if (vErrors === null) {
        vErrors = [err9];
      } else {
        vErrors.push(err9);
      }
      errors++;
    }
    if (data.slaMet === void 0) {
      const err10 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "slaMet" }, message: "must have required property 'slaMet'", schema: schema314.required, parentSchema: schema314, data };
      if (vErrors === null) {
        vErrors = [err10];
      } else {
        vErrors.push(err10);
      }
      errors++;
    }
    if (data.files === void 0) {
      const err11 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "files" }, message: "must have required property 'files'", schema: schema314.required, parentSchema: schema314, data };
      if (vErrors === null) {
        vErrors = [err11];
      } else {
        vErrors.push(err11);
      }
      errors++;
    }
    if (data.validation === void 0) {
      const err12 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "validation" }, message: "must have required property 'validation'", schema: schema314.required, parentSchema: schema314, data };
      if (vErrors === null) {
        vErrors = [err12];
      } else {
        vErrors.push(err12);
      }
      errors++;
    }
    if (data.rto === void 0) {
      const err13 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "rto" }, message: "must have required property 'rto'", schema: schema314.required, parentSchema: schema314, data };
      if (vErrors === null) {
        vErrors = [err13];
      } else {
        vErrors.push(err13);
      }
      errors++;
    }
    if (data.rpo === void 0) {
      const err14 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "rpo" }, message: "must have required property 'rpo'", schema: schema314.required, parentSchema: schema314, data };
      if (vErrors === null) {
        vErrors = [err14];
      } else {
        vErrors.push(err14);
      }
      errors++;
    }
    if (data.baseline === void 0) {
      const err15 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "baseline" }, message: "must have required property 'baseline'", schema: schema314.required, parentSchema: schema314, data };
      if (vErrors === null) {
        vErrors = [err15];
      } else {
        vErrors.push(err15);
      }
      errors++;
    }
    if (data.gaps === void 0) {
      const err16 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "gaps" }, message: "must have required property 'gaps'", schema: schema314.required, parentSchema: schema314, data };
      if (vErrors === null) {
        vErrors = [err16];
      } else {
        vErrors.push(err16);
      }
      errors++;
    }
    if (data.signature === void 0) {
      const err17 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "signature" }, message: "must have required property 'signature'", schema: schema314.required, parentSchema: schema314, data };
      if (vErrors === null) {
        vErrors = [err17];
      } else {
        vErrors.push(err17);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!func14.call(schema314.properties, key0)) {
        const err18 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema314, data };
        if (vErrors === null) {
          vErrors = [err18];
        } else {
          vErrors.push(err18);
        }
        errors++;
      }
    }
    if (data.format !== void 0) {
      let data0 = data.format;
      if ("snapgate.drill/v1" !== data0) {
        const err19 = { instancePath: instancePath + "/format", schemaPath: "#/properties/format/const", keyword: "const", params: { allowedValue: "snapgate.drill/v1" }, message: "must be equal to constant", schema: "snapgate.drill/v1", parentSchema: schema314.properties.format, data: data0 };
        if (vErrors === null) {
          vErrors = [err19];
        } else {
          vErrors.push(err19);
        }
        errors++;
      }
    }
    if (data.stream !== void 0) {
      let data1 = data.stream;
      if (typeof data1 === "string") {
        if (!pattern45.test(data1)) {
          const err20 = { instancePath: instancePath + "/stream", schemaPath: "#/$defs/name/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9][a-z0-9._-]{0,62}$" }, message: 'must match pattern "^[a-z0-9][a-z0-9._-]{0,62}$"', schema: "^[a-z0-9][a-z0-9._-]{0,62}$", parentSchema: schema323, data: data1 };
          if (vErrors === null) {
            vErrors = [err20];
          } else {
            vErrors.push(err20);
          }
          errors++;
        }
      } else {
        const err21 = { instancePath: instancePath + "/stream", schemaPath: "#/$defs/name/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema323.type, parentSchema: schema323, data: data1 };
        if (vErrors === null) {
          vErrors = [err21];
        } else {
          vErrors.push(err21);
        }
        errors++;
      }
    }
    if (data.snapshot !== void 0) {
      let data2 = data.snapshot;
      if (typeof data2 === "string") {
        if (!pattern55.test(data2)) {
          const err22 = { instancePath: instancePath + "/snapshot", schemaPath: "#/$defs/sha256/pattern", keyword: "pattern", params: { pattern: "^[0-9a-f]{64}$" }, message: 'must match pattern "^[0-9a-f]{64}$"', schema: "^[0-9a-f]{64}$", parentSchema: schema333, data: data2 };
          if (vErrors === null) {
            vErrors = [err22];
          } else {
            vErrors.push(err22);
          }
          errors++;
        }
      } else {
        const err23 = { instancePath: instancePath + "/snapshot", schemaPath: "#/$defs/sha256/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema333.type, parentSchema: schema333, data: data2 };
        if (vErrors === null) {
          vErrors = [err23];
        } else {
          vErrors.push(err23);
        }
        errors++;
      }
    }
    if (data.seq !== void 0) {
      let data3 = data.seq;
      if (!(typeof data3 == "number" && (!(data3 % 1) && !isNaN(data3)) && isFinite(data3))) {
        const err24 = { instancePath: instancePath + "/seq", schemaPath: "#/properties/seq/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema314.properties.seq.type, parentSchema: schema314.properties.seq, data: data3 };
        if (vErrors === null) {
          vErrors = [err24];
        } else {
          vErrors.push(err24);
        }
        errors++;
      }
      if (typeof data3 == "number" && isFinite(data3)) {
        if (data3 < 1 || isNaN(data3)) {
          const err25 = { instancePath: instancePath + "/seq", schemaPath: "#/properties/seq/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema314.properties.seq, data: data3 };
          if (vErrors === null) {
            vErrors = [err25];
          } else {
            vErrors.push(err25);
          }
          errors++;
        }
      }
    }
    if (data.snapshotTime !== void 0) {
      let data4 = data.snapshotTime;
      if (typeof data4 === "string") {
        if (!formats04.validate(data4)) {
          const err26 = { instancePath: instancePath + "/snapshotTime", schemaPath: "#/properties/snapshotTime/format", keyword: "format", params: { format: "date-time" }, message: 'must match format "date-time"', schema: "date-time", parentSchema: schema314.properties.snapshotTime, data: data4 };
          if (vErrors === null) {
            vErrors = [err26];
          } else {
            vErrors.push(err26);
          }
          errors++;
        }
      } else {
        const err27 = { instancePath: instancePath + "/snapshotTime", schemaPath: "#/properties/snapshotTime/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema314.properties.snapshotTime.type, parentSchema: schema314.properties.snapshotTime, data: data4 };
        if (vErrors === null) {
          vErrors = [err27];
        } else {
          vErrors.push(err27);
        }
        errors++;
      }
    }
    if (data.tier !== void 0) {
      let data5 = data.tier;
      if (typeof data5 !== "string" && data5 !== null) {
        const err28 = { instancePath: instancePath + "/tier", schemaPath: "#/properties/tier/type", keyword: "type", params: { type: schema314.properties.tier.type }, message: "must be string,null", schema: schema314.properties.tier.type, parentSchema: schema314.properties.tier, data: data5 };
        if (vErrors === null) {
          vErrors = [err28];
        } else {
          vErrors.push(err28);
        }
        errors++;
      }
      if (typeof data5 === "string") {
        if (func23(data5) > 63) {
          const err29 = { instancePath: instancePath + "/tier", schemaPath: "#/properties/tier/maxLength", keyword: "maxLength", params: { limit: 63 }, message: "must NOT have more than 63 characters", schema: 63, parentSchema: schema314.properties.tier, data: data5 };
          if (vErrors === null) {
            vErrors = [err29];
          } else {
            vErrors.push(err29);
          }
          errors++;
        }
      }
    }
    if (data.scope !== void 0) {
      let data6 = data.scope;
      if (!(data6 === "config")) {
        const err30 = { instancePath: instancePath + "/scope", schemaPath: "#/properties/scope/enum", keyword: "enum", params: { allowedValues: schema314.properties.scope.enum }, message: "must be equal to one of the allowed values", schema: schema314.properties.scope.enum, parentSchema: schema314.properties.scope, data: data6 };
        if (vErrors === null) {
          vErrors = [err30];
        } else {
          vErrors.push(err30);
        }
        errors++;
      }
    }
    if (data.time !== void 0) {
      let data7 = data.time;
      if (typeof data7 === "string") {
        if (!formats04.validate(data7)) {
          const err31 = { instancePath: instancePath + "/time", schemaPath: "#/properties/time/format", keyword: "format", params: { format: "date-time" }, message: 'must match format "date-time"', schema: "date-time", parentSchema: schema314.properties.time, data: data7 };
          if (vErrors === null) {
            vErrors = [err31];
          } else {
            vErrors.push(err31);
          }
          errors++;
        }
      } else {
        const err32 = { instancePath: instancePath + "/time", schemaPath: "#/properties/time/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema314.properties.time.type, parentSchema: schema314.properties.time, data: data7 };
        if (vErrors === null) {
          vErrors = [err32];
        } else {
          vErrors.push(err32);
        }
        errors++;
      }
    }
    if (data.finishedAt !== void 0) {
      let data8 = data.finishedAt;
      if (typeof data8 === "string") {
        if (!formats04.validate(data8)) {
          const err33 = { instancePath: instancePath + "/finishedAt", schemaPath: "#/properties/finishedAt/format", keyword: "format", params: { format: "date-time" }, message: 'must match format "date-time"', schema: "date-time", parentSchema: schema314.properties.finishedAt, data: data8 };
          if (vErrors === null) {
            vErrors = [err33];
          } else {
            vErrors.push(err33);
          }
          errors++;
        }
      } else {
        const err34 = { instancePath: instancePath + "/finishedAt", schemaPath: "#/properties/finishedAt/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema314.properties.finishedAt.type, parentSchema: schema314.properties.finishedAt, data: data8 };
        if (vErrors === null) {
          vErrors = [err34];
        } else {
          vErrors.push(err34);
        }
        errors++;
      }
    }
    if (data.ok !== void 0) {
      let data9 = data.ok;
      if (typeof data9 !== "boolean") {
        const err35 = { instancePath: instancePath + "/ok", schemaPath: "#/properties/ok/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema314.properties.ok.type, parentSchema: schema314.properties.ok, data: data9 };
        if (vErrors === null) {
          vErrors = [err35];
        } else {
          vErrors.push(err35);
        }
        errors++;
      }
    }
    if (data.slaMet !== void 0) {
      let data10 = data.slaMet;
      if (typeof data10 !== "boolean" && data10 !== null) {
        const err36 = { instancePath: instancePath + "/slaMet", schemaPath: "#/properties/slaMet/type", keyword: "type", params: { type: schema314.properties.slaMet.type }, message: "must be boolean,null", schema: schema314.properties.slaMet.type, parentSchema: schema314.properties.slaMet, data: data10 };
        if (vErrors === null) {
          vErrors = [err36];
        } else {
          vErrors.push(err36);
        }
        errors++;
      }
    }
    if (data.files !== void 0) {
      let data11 = data.files;
      if (Array.isArray(data11)) {
        if (data11.length > 1e5) {
          const err37 = { instancePath: instancePath + "/files", schemaPath: "#/properties/files/maxItems", keyword: "maxItems", params: { limit: 1e5 }, message: "must NOT have more than 100000 items", schema: 1e5, parentSchema: schema314.properties.files, data: data11 };
          if (vErrors === null) {
            vErrors = [err37];
          } else {
            vErrors.push(err37);
          }
          errors++;
        }
        const len0 = data11.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data12 = data11[i0];
          if (data12 && typeof data12 == "object" && !Array.isArray(data12)) {
            if (data12.path === void 0) {
              const err38 = { instancePath: instancePath + "/files/" + i0, schemaPath: "#/properties/files/items/required", keyword: "required", params: { missingProperty: "path" }, message: "must have required property 'path'", schema: schema314.properties.files.items.required, parentSchema: schema314.properties.files.items, data: data12 };
              if (vErrors === null) {
                vErrors = [err38];
              } else {
                vErrors.push(err38);
              }
              errors++;
            }
            if (data12.blob === void 0) {
              const err39 = { instancePath: instancePath + "/files/" + i0, schemaPath: "#/properties/files/items/required", keyword: "required", params: { missingProperty: "blob" }, message: "must have required property 'blob'", schema: schema314.properties.files.items.required, parentSchema: schema314.properties.files.items, data: data12 };
              if (vErrors === null) {
                vErrors = [err39];
              } else {
                vErrors.push(err39);
              }
              errors++;
            }
            if (data12.component === void 0) {
              const err40 = { instancePath: instancePath + "/files/" + i0, schemaPath: "#/properties/files/items/required", keyword: "required", params: { missingProperty: "component" }, message: "must have required property 'component'", schema: schema314.properties.files.items.required, parentSchema: schema314.properties.files.items, data: data12 };
              if (vErrors === null) {
                vErrors = [err40];
              } else {
                vErrors.push(err40);
              }
              errors++;
            }
            for (const key1 in data12) {
              if (!(key1 === "path" || key1 === "blob" || key1 === "component")) {
                const err41 = { instancePath: instancePath + "/files/" + i0, schemaPath: "#/properties/files/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties", schema: false, parentSchema: schema314.properties.files.items, data: data12 };
                if (vErrors === null) {
                  vErrors = [err41];
                } else {
                  vErrors.push(err41);
                }
                errors++;
              }
            }
            if (data12.path !== void 0) {
              let data13 = data12.path;
              if (typeof data13 === "string") {
                if (func23(data13) > 4096) {
                  const err42 = { instancePath: instancePath + "/files/" + i0 + "/path", schemaPath: "#/properties/files/items/properties/path/maxLength", keyword: "maxLength", params: { limit: 4096 }, message: "must NOT have more than 4096 characters", schema: 4096, parentSchema: schema314.properties.files.items.properties.path, data: data13 };
                  if (vErrors === null) {
                    vErrors = [err42];
                  } else {
                    vErrors.push(err42);
                  }
                  errors++;
                }
              } else {
                const err43 = { instancePath: instancePath + "/files/" + i0 + "/path", schemaPath: "#/properties/files/items/properties/path/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema314.properties.files.items.properties.path.type, parentSchema: schema314.properties.files.items.properties.path, data: data13 };
                if (vErrors === null) {
                  vErrors = [err43];
                } else {
                  vErrors.push(err43);
                }
                errors++;
              }
            }
            if (data12.blob !== void 0) {
              let data14 = data12.blob;
              if (typeof data14 !== "string" && data14 !== null) {
                const err44 = { instancePath: instancePath + "/files/" + i0 + "/blob", schemaPath: "#/properties/files/items/properties/blob/type", keyword: "type", params: { type: schema314.properties.files.items.properties.blob.type }, message: "must be string,null", schema: schema314.properties.files.items.properties.blob.type, parentSchema: schema314.properties.files.items.properties.blob, data: data14 };
                if (vErrors === null) {
                  vErrors = [err44];
                } else {
                  vErrors.push(err44);
                }
                errors++;
              }
              if (typeof data14 === "string") {
                if (func23(data14) > 200) {
                  const err45 = { instancePath: instancePath + "/files/" + i0 + "/blob", schemaPath: "#/properties/files/items/properties/blob/maxLength", keyword: "maxLength", params: { limit: 200 }, message: "must NOT have more than 200 characters", schema: 200, parentSchema: schema314.properties.files.items.properties.blob, data: data14 };
                  if (vErrors === null) {
                    vErrors = [err45];
                  } else {
                    vErrors.push(err45);
                  }
                  errors++;
                }
              }
            }
            if (data12.component !== void 0) {
              let data15 = data12.component;
              if (typeof data15 !== "string" && data15 !== null) {
                const err46 = { instancePath: instancePath + "/files/" + i0 + "/component", schemaPath: "#/properties/files/items/properties/component/type", keyword: "type", params: { type: schema314.properties.files.items.properties.component.type }, message: "must be string,null", schema: schema314.properties.files.items.properties.component.type, parentSchema: schema314.properties.files.items.properties.component, data: data15 };
                if (vErrors === null) {
                  vErrors = [err46];
                } else {
                  vErrors.push(err46);
                }
                errors++;
              }
              if (typeof data15 === "string") {
                if (func23(data15) > 200) {
                  const err47 = { instancePath: instancePath + "/files/" + i0 + "/component", schemaPath: "#/properties/files/items/properties/component/maxLength", keyword: "maxLength", params: { limit: 200 }, message: "must NOT have more than 200 characters", schema: 200, parentSchema: schema314.properties.files.items.properties.component, data: data15 };
                  if (vErrors === null) {
                    vErrors = [err47];
                  } else {
                    vErrors.push(err47);
                  }
                  errors++;
                }
              }
            }
          } else {
            const err48 = { instancePath: instancePath + "/files/" + i0, schemaPath: "#/properties/files/items/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema314.properties.files.items.type, parentSchema: schema314.properties.files.items, data: data12 };
            if (vErrors === null) {
              vErrors = [err48];
            } else {
              vErrors.push(err48);
            }
            errors++;
          }
        }
      } else {
        const err49 = { instancePath: instancePath + "/files", schemaPath: "#/properties/files/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema314.properties.files.type, parentSchema: schema314.properties.files, data: data11 };
        if (vErrors === null) {
          vErrors = [err49];
        } else {
          vErrors.push(err49);
        }
        errors++;
      }
    }
    if (data.validation !== void 0) {
      let data16 = data.validation;
      if (!(data16 && typeof data16 == "object" && !Array.isArray(data16)) && data16 !== null) {
        const err50 = { instancePath: instancePath + "/validation", schemaPath: "#/properties/validation/type", keyword: "type", params: { type: schema314.properties.validation.type }, message: "must be object,null", schema: schema314.properties.validation.type, parentSchema: schema314.properties.validation, data: data16 };
        if (vErrors === null) {
          vErrors = [err50];
        } else {
          vErrors.push(err50);
        }
        errors++;
      }
      if (data16 && typeof data16 == "object" && !Array.isArray(data16)) {
        if (data16.command === void 0) {
          const err51 = { instancePath: instancePath + "/validation", schemaPath: "#/properties/validation/required", keyword: "required", params: { missingProperty: "command" }, message: "must have required property 'command'", schema: schema314.properties.validation.required, parentSchema: schema314.properties.validation, data: data16 };
          if (vErrors === null) {
            vErrors = [err51];
          } else {
            vErrors.push(err51);
          }
          errors++;
        }
        if (data16.exitCode === void 0) {
          const err52 = { instancePath: instancePath + "/validation", schemaPath: "#/properties/validation/required", keyword: "required", params: { missingProperty: "exitCode" }, message: "must have required property 'exitCode'", schema: schema314.properties.validation.required, parentSchema: schema314.properties.validation, data: data16 };
          if (vErrors === null) {
            vErrors = [err52];
          } else {
            vErrors.push(err52);
          }
          errors++;
        }
        if (data16.timedOut === void 0) {
          const err53 = { instancePath: instancePath + "/validation", schemaPath: "#/properties/validation/required", keyword: "required", params: { missingProperty: "timedOut" }, message: "must have required property 'timedOut'", schema: schema314.properties.validation.required, parentSchema: schema314.properties.validation, data: data16 };
          if (vErrors === null) {
            vErrors = [err53];
          } else {
            vErrors.push(err53);
          }
          errors++;
        }
        if (data16.durationMs === void 0) {
          const err54 = { instancePath: instancePath + "/validation", schemaPath: "#/properties/validation/required", keyword: "required", params: { missingProperty: "durationMs" }, message: "must have required property 'durationMs'", schema: schema314.properties.validation.required, parentSchema: schema314.properties.validation, data: data16 };
          if (vErrors === null) {
            vErrors = [err54];
          } else {
            vErrors.push(err54);
          }
          errors++;
        }
        if (data16.output === void 0) {
          const err55 = { instancePath: instancePath + "/validation", schemaPath: "#/properties/validation/required", keyword: "required", params: { missingProperty: "output" }, message: "must have required property 'output'", schema: schema314.properties.validation.required, parentSchema: schema314.properties.validation, data: data16 };
          if (vErrors === null) {
            vErrors = [err55];
          } else {
            vErrors.push(err55);
          }
          errors++;
        }
        if (data16.outputSha256 === void 0) {
          const err56 = { instancePath: instancePath + "/validation", schemaPath: "#/properties/validation/required", keyword: "required", params: { missingProperty: "outputSha256" }, message: "must have required property 'outputSha256'", schema: schema314.properties.validation.required, parentSchema: schema314.properties.validation, data: data16 };
          if (vErrors === null) {
            vErrors = [err56];
          } else {
            vErrors.push(err56);
          }
          errors++;
        }
        if (data16.outputTruncated === void 0) {
          const err57 = { instancePath: instancePath + "/validation", schemaPath: "#/properties/validation/required", keyword: "required", params: { missingProperty: "outputTruncated" }, message: "must have required property 'outputTruncated'", schema: schema314.properties.validation.required, parentSchema: schema314.properties.validation, data: data16 };
          if (vErrors === null) {
            vErrors = [err57];
          } else {
            vErrors.push(err57);
          }
          errors++;
        }
        for (const key2 in data16) {
          if (!(key2 === "command" || key2 === "exitCode" || key2 === "timedOut" || key2 === "durationMs" || key2 === "output" || key2 === "outputSha256" || key2 === "outputTruncated")) {
            const err58 = { instancePath: instancePath + "/validation", schemaPath: "#/properties/validation/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties", schema: false, parentSchema: schema314.properties.validation, data: data16 };
            if (vErrors === null) {
              vErrors = [err58];
            } else {
              vErrors.push(err58);
            }
            errors++;
          }
        }
        if (data16.command !== void 0) {
          let data17 = data16.command;
          if (typeof data17 === "string") {
            if (func23(data17) > 4096) {
              const err59 = { instancePath: instancePath + "/validation/command", schemaPath: "#/properties/validation/properties/command/maxLength", keyword: "maxLength", params: { limit: 4096 }, message: "must NOT have more than 4096 characters", schema: 4096, parentSchema: schema314.properties.validation.properties.command, data: data17 };
              if (vErrors === null) {
                vErrors = [err59];
              } else {
                vErrors.push(err59);
              }
              errors++;
            }
          } else {
            const err60 = { instancePath: instancePath + "/validation/command", schemaPath: "#/properties/validation/properties/command/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema314.properties.validation.properties.command.type, parentSchema: schema314.properties.validation.properties.command, data: data17 };
            if (vErrors === null) {
              vErrors = [err60];
            } else {
              vErrors.push(err60);
            }
            errors++;
          }
        }
        if (data16.exitCode !== void 0) {
          let data18 = data16.exitCode;
          if (!(typeof data18 == "number" && (!(data18 % 1) && !isNaN(data18)) && isFinite(data18)) && data18 !== null) {
            const err61 = { instancePath: instancePath + "/validation/exitCode", schemaPath: "#/properties/validation/properties/exitCode/type", keyword: "type", params: { type: schema314.properties.validation.properties.exitCode.type }, message: "must be integer,null", schema: schema314.properties.validation.properties.exitCode.type, parentSchema: schema314.properties.validation.properties.exitCode, data: data18 };
            if (vErrors === null) {
              vErrors = [err61];
            } else {
              vErrors.push(err61);
            }
            errors++;
          }
        }
        if (data16.timedOut !== void 0) {
          let data19 = data16.timedOut;
          if (typeof data19 !== "boolean") {
            const err62 = { instancePath: instancePath + "/validation/timedOut", schemaPath: "#/properties/validation/properties/timedOut/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema314.properties.validation.properties.timedOut.type, parentSchema: schema314.properties.validation.properties.timedOut, data: data19 };
            if (vErrors === null) {
              vErrors = [err62];
            } else {
              vErrors.push(err62);
            }
            errors++;
          }
        }
        if (data16.durationMs !== void 0) {
          let data20 = data16.durationMs;
          if (!(typeof data20 == "number" && (!(data20 % 1) && !isNaN(data20)) && isFinite(data20))) {
            const err63 = { instancePath: instancePath + "/validation/durationMs", schemaPath: "#/properties/validation/properties/durationMs/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema314.properties.validation.properties.durationMs.type, parentSchema: schema314.properties.validation.properties.durationMs, data: data20 };
            if (vErrors === null) {
              vErrors = [err63];
            } else {
              vErrors.push(err63);
            }
            errors++;
          }
          if (typeof data20 == "number" && isFinite(data20)) {
            if (data20 < 0 || isNaN(data20)) {
              const err64 = { instancePath: instancePath + "/validation/durationMs", schemaPath: "#/properties/validation/properties/durationMs/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema314.properties.validation.properties.durationMs, data: data20 };
              if (vErrors === null) {
                vErrors = [err64];
              } else {
                vErrors.push(err64);
              }
              errors++;
            }
          }
        }
        if (data16.output !== void 0) {
          let data21 = data16.output;
          if (typeof data21 === "string") {
            if (func23(data21) > 65536) {
              const err65 = { instancePath: instancePath + "/validation/output", schemaPath: "#/properties/validation/properties/output/maxLength", keyword: "maxLength", params: { limit: 65536 }, message: "must NOT have more than 65536 characters", schema: 65536, parentSchema: schema314.properties.validation.properties.output, data: data21 };
              if (vErrors === null) {
                vErrors = [err65];
              } else {
                vErrors.push(err65);
              }
              errors++;
            }
          } else {
            const err66 = { instancePath: instancePath + "/validation/output", schemaPath: "#/properties/validation/properties/output/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema314.properties.validation.properties.output.type, parentSchema: schema314.properties.validation.properties.output, data: data21 };
            if (vErrors === null) {
              vErrors = [err66];
            } else {
              vErrors.push(err66);
            }
            errors++;
          }
        }
        if (data16.outputSha256 !== void 0) {
          let data22 = data16.outputSha256;
          if (typeof data22 === "string") {
            if (!pattern55.test(data22)) {
              const err67 = { instancePath: instancePath + "/validation/outputSha256", schemaPath: "#/$defs/sha256/pattern", keyword: "pattern", params: { pattern: "^[0-9a-f]{64}$" }, message: 'must match pattern "^[0-9a-f]{64}$"', schema: "^[0-9a-f]{64}$", parentSchema: schema333, data: data22 };
              if (vErrors === null) {
                vErrors = [err67];
              } else {
                vErrors.push(err67);
              }
              errors++;
            }
          } else {
            const err68 = { instancePath: instancePath + "/validation/outputSha256", schemaPath: "#/$defs/sha256/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema333.type, parentSchema: schema333, data: data22 };
            if (vErrors === null) {
              vErrors = [err68];
            } else {
              vErrors.push(err68);
            }
            errors++;
          }
        }
        if (data16.outputTruncated !== void 0) {
          let data23 = data16.outputTruncated;
          if (typeof data23 !== "boolean") {
            const err69 = { instancePath: instancePath + "/validation/outputTruncated", schemaPath: "#/properties/validation/properties/outputTruncated/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema314.properties.validation.properties.outputTruncated.type, parentSchema: schema314.properties.validation.properties.outputTruncated, data: data23 };
            if (vErrors === null) {
              vErrors = [err69];
            } else {
              vErrors.push(err69);
            }
            errors++;
          }
        }
      }
    }
    if (data.rto !== void 0) {
      let data24 = data.rto;
      if (data24 && typeof data24 == "object" && !Array.isArray(data24)) {
        if (data24.ms === void 0) {
          const err70 = { instancePath: instancePath + "/rto", schemaPath: "#/properties/rto/required", keyword: "required", params: { missingProperty: "ms" }, message: "must have required property 'ms'", schema: schema314.properties.rto.required, parentSchema: schema314.properties.rto, data: data24 };
          if (vErrors === null) {
            vErrors = [err70];
          } else {
            vErrors.push(err70);
          }
          errors++;
        }
        if (data24.slaMs === void 0) {
          const err71 = { instancePath: instancePath + "/rto", schemaPath: "#/properties/rto/required", keyword: "required", params: { missingProperty: "slaMs" }, message: "must have required property 'slaMs'", schema: schema314.properties.rto.required, parentSchema: schema314.properties.rto, data: data24 };
          if (vErrors === null) {
            vErrors = [err71];
          } else {
            vErrors.push(err71);
          }
          errors++;
        }
        if (data24.met === void 0) {
          const err72 = { instancePath: instancePath + "/rto", schemaPath: "#/properties/rto/required", keyword: "required", params: { missingProperty: "met" }, message: "must have required property 'met'", schema: schema314.properties.rto.required, parentSchema: schema314.properties.rto, data: data24 };
          if (vErrors === null) {
            vErrors = [err72];
          } else {
            vErrors.push(err72);
          }
          errors++;
        }
        for (const key3 in data24) {
          if (!(key3 === "ms" || key3 === "slaMs" || key3 === "met")) {
            const err73 = { instancePath: instancePath + "/rto", schemaPath: "#/properties/rto/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key3 }, message: "must NOT have additional properties", schema: false, parentSchema: schema314.properties.rto, data: data24 };
            if (vErrors === null) {
              vErrors = [err73];
            } else {
              vErrors.push(err73);
            }
            errors++;
          }
        }
        if (data24.ms !== void 0) {
          let data25 = data24.ms;
          if (!(typeof data25 == "number" && (!(data25 % 1) && !isNaN(data25)) && isFinite(data25))) {
            const err74 = { instancePath: instancePath + "/rto/ms", schemaPath: "#/properties/rto/properties/ms/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema314.properties.rto.properties.ms.type, parentSchema: schema314.properties.rto.properties.ms, data: data25 };
            if (vErrors === null) {
              vErrors = [err74];
            } else {
              vErrors.push(err74);
            }
            errors++;
          }
          if (typeof data25 == "number" && isFinite(data25)) {
            if (data25 < 0 || isNaN(data25)) {
              const err75 = { instancePath: instancePath + "/rto/ms", schemaPath: "#/properties/rto/properties/ms/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema314.properties.rto.properties.ms, data: data25 };
              if (vErrors === null) {
                vErrors = [err75];
              } else {
                vErrors.push(err75);
              }
              errors++;
            }
          }
        }
        if (data24.slaMs !== void 0) {
          let data26 = data24.slaMs;
          if (!(typeof data26 == "number" && (!(data26 % 1) && !isNaN(data26)) && isFinite(data26)) && data26 !== null) {
            const err76 = { instancePath: instancePath + "/rto/slaMs", schemaPath: "#/properties/rto/properties/slaMs/type", keyword: "type", params: { type: schema314.properties.rto.properties.slaMs.type }, message: "must be integer,null", schema: schema314.properties.rto.properties.slaMs.type, parentSchema: schema314.properties.rto.properties.slaMs, data: data26 };
            if (vErrors === null) {
              vErrors = [err76];
            } else {
              vErrors.push(err76);
            }
            errors++;
          }
          if (typeof data26 == "number" && isFinite(data26)) {
            if (data26 < 0 || isNaN(data26)) {
              const err77 = { instancePath: instancePath + "/rto/slaMs", schemaPath: "#/properties/rto/properties/slaMs/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema314.properties.rto.properties.slaMs, data: data26 };
              if (vErrors === null) {
                vErrors = [err77];
              } else {
                vErrors.push(err77);
              }
              errors++;
            }
          }
        }
        if (data24.met !== void 0) {
          let data27 = data24.met;
          if (typeof data27 !== "boolean" && data27 !== null) {
            const err78 = { instancePath: instancePath + "/rto/met", schemaPath: "#/properties/rto/properties/met/type", keyword: "type", params: { type: schema314.properties.rto.properties.met.type }, message: "must be boolean,null", schema: schema314.properties.rto.properties.met.type, parentSchema: schema314.properties.rto.properties.met, data: data27 };
            if (vErrors === null) {
              vErrors = [err78];
            } else {
              vErrors.push(err78);
            }
            errors++;
          }
        }
      } else {
        const err79 = { instancePath: instancePath + "/rto", schemaPath: "#/properties/rto/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema314.properties.rto.type, parentSchema: schema314.properties.rto, data: data24 };
        if (vErrors === null) {
          vErrors = [err79];
        } else {
          vErrors.push(err79);
        }
        errors++;
      }
    }
    if (data.rpo !== void 0) {
      let data28 = data.rpo;
      if (data28 && typeof data28 == "object" && !Array.isArray(data28)) {
        if (data28.snapshotAgeMs === void 0) {
          const err80 = { instancePath: instancePath + "/rpo", schemaPath: "#/properties/rpo/required", keyword: "required", params: { missingProperty: "snapshotAgeMs" }, message: "must have required property 'snapshotAgeMs'", schema: schema314.properties.rpo.required, parentSchema: schema314.properties.rpo, data: data28 };
          if (vErrors === null) {
            vErrors = [err80];
          } else {
            vErrors.push(err80);
          }
          errors++;
        }
        if (data28.lastChangeAt === void 0) {
          const err81 = { instancePath: instancePath + "/rpo", schemaPath: "#/properties/rpo/required", keyword: "required", params: { missingProperty: "lastChangeAt" }, message: "must have required property 'lastChangeAt'", schema: schema314.properties.rpo.required, parentSchema: schema314.properties.rpo, data: data28 };
          if (vErrors === null) {
            vErrors = [err81];
          } else {
            vErrors.push(err81);
          }
          errors++;
        }
        if (data28.sinceLastChangeMs === void 0) {
          const err82 = { instancePath: instancePath + "/rpo", schemaPath: "#/properties/rpo/required", keyword: "required", params: { missingProperty: "sinceLastChangeMs" }, message: "must have required property 'sinceLastChangeMs'", schema: schema314.properties.rpo.required, parentSchema: schema314.properties.rpo, data: data28 };
          if (vErrors === null) {
            vErrors = [err82];
          } else {
            vErrors.push(err82);
          }
          errors++;
        }
        if (data28.slaMs === void 0) {
          const err83 = { instancePath: instancePath + "/rpo", schemaPath: "#/properties/rpo/required", keyword: "required", params: { missingProperty: "slaMs" }, message: "must have required property 'slaMs'", schema: schema314.properties.rpo.required, parentSchema: schema314.properties.rpo, data: data28 };
          if (vErrors === null) {
            vErrors = [err83];
          } else {
            vErrors.push(err83);
          }
          errors++;
        }
        if (data28.met === void 0) {
          const err84 = { instancePath: instancePath + "/rpo", schemaPath: "#/properties/rpo/required", keyword: "required", params: { missingProperty: "met" }, message: "must have required property 'met'", schema: schema314.properties.rpo.required, parentSchema: schema314.properties.rpo, data: data28 };
          if (vErrors === null) {
            vErrors = [err84];
          } else {
            vErrors.push(err84);
          }
          errors++;
        }
        for (const key4 in data28) {
          if (!(key4 === "snapshotAgeMs" || key4 === "lastChangeAt" || key4 === "sinceLastChangeMs" || key4 === "slaMs" || key4 === "met")) {
            const err85 = { instancePath: instancePath + "/rpo", schemaPath: "#/properties/rpo/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key4 }, message: "must NOT have additional properties", schema: false, parentSchema: schema314.properties.rpo, data: data28 };
            if (vErrors === null) {
              vErrors = [err85];
            } else {
              vErrors.push(err85);
            }
            errors++;
          }
        }
        if (data28.snapshotAgeMs !== void 0) {
          let data29 = data28.snapshotAgeMs;
          if (!(typeof data29 == "number" && (!(data29 % 1) && !isNaN(data29)) && isFinite(data29))) {
            const err86 = { instancePath: instancePath + "/rpo/snapshotAgeMs", schemaPath: "#/properties/rpo/properties/snapshotAgeMs/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema314.properties.rpo.properties.snapshotAgeMs.type, parentSchema: schema314.properties.rpo.properties.snapshotAgeMs, data: data29 };
            if (vErrors === null) {
              vErrors = [err86];
            } else {
              vErrors.push(err86);
            }
            errors++;
          }
          if (typeof data29 == "number" && isFinite(data29)) {
            if (data29 < 0 || isNaN(data29)) {
              const err87 = { instancePath: instancePath + "/rpo/snapshotAgeMs", schemaPath: "#/properties/rpo/properties/snapshotAgeMs/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema314.properties.rpo.properties.snapshotAgeMs, data: data29 };
              if (vErrors === null) {
                vErrors = [err87];
              } else {
                vErrors.push(err87);
              }
              errors++;
            }
          }
        }
        if (data28.lastChangeAt !== void 0) {
          let data30 = data28.lastChangeAt;
          if (typeof data30 === "string") {
            if (!formats04.validate(data30)) {
              const err88 = { instancePath: instancePath + "/rpo/lastChangeAt", schemaPath: "#/properties/rpo/properties/lastChangeAt/format", keyword: "format", params: { format: "date-time" }, message: 'must match format "date-time"', schema: "date-time", parentSchema: schema314.properties.rpo.properties.lastChangeAt, data: data30 };
              if (vErrors === null) {
                vErrors = [err88];
              } else {
                vErrors.push(err88);
              }
              errors++;
            }
          } else {
            const err89 = { instancePath: instancePath + "/rpo/lastChangeAt", schemaPath: "#/properties/rpo/properties/lastChangeAt/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema314.properties.rpo.properties.lastChangeAt.type, parentSchema: schema314.properties.rpo.properties.lastChangeAt, data: data30 };
            if (vErrors === null) {
              vErrors = [err89];
            } else {
              vErrors.push(err89);
            }
            errors++;
          }
        }
        if (data28.sinceLastChangeMs !== void 0) {
          let data31 = data28.sinceLastChangeMs;
          if (!(typeof data31 == "number" && (!(data31 % 1) && !isNaN(data31)) && isFinite(data31))) {
            const err90 = { instancePath: instancePath + "/rpo/sinceLastChangeMs", schemaPath: "#/properties/rpo/properties/sinceLastChangeMs/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema314.properties.rpo.properties.sinceLastChangeMs.type, parentSchema: schema314.properties.rpo.properties.sinceLastChangeMs, data: data31 };
            if (vErrors === null) {
              vErrors = [err90];
            } else {
              vErrors.push(err90);
            }
            errors++;
          }
          if (typeof data31 == "number" && isFinite(data31)) {
            if (data31 < 0 || isNaN(data31)) {
              const err91 = { instancePath: instancePath + "/rpo/sinceLastChangeMs", schemaPath: "#/properties/rpo/properties/sinceLastChangeMs/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema314.properties.rpo.properties.sinceLastChangeMs, data: data31 };
              if (vErrors === null) {
                vErrors = [err91];
              } else {
                vErrors.push(err91);
              }
              errors++;
            }
          }
        }
        if (data28.slaMs !== void 0) {
          let data32 = data28.slaMs;
          if (!(typeof data32 == "number" && (!(data32 % 1) && !isNaN(data32)) && isFinite(data32)) && data32 !== null) {
            const err92 = { instancePath: instancePath + "/rpo/slaMs", schemaPath: "#/properties/rpo/properties/slaMs/type", keyword: "type", params: { type: schema314.properties.rpo.properties.slaMs.type }, message: "must be integer,null", schema: schema314.properties.rpo.properties.slaMs.type, parentSchema: schema314.properties.rpo.properties.slaMs, data: data32 };
            if (vErrors === null) {
              vErrors = [err92];
            } else {
              vErrors.push(err92);
            }
            errors++;
          }
          if (typeof data32 == "number" && isFinite(data32)) {
            if (data32 < 0 || isNaN(data32)) {
              const err93 = { instancePath: instancePath + "/rpo/slaMs", schemaPath: "#/properties/rpo/properties/slaMs/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema314.properties.rpo.properties.slaMs, data: data32 };
              if (vErrors === null) {
                vErrors = [err93];
              } else {
                vErrors.push(err93);
              }
              errors++;
            }
          }
        }
        if (data28.met !== void 0) {
          let data33 = data28.met;
          if (typeof data33 !== "boolean" && data33 !== null) {
            const err94 = { instancePath: instancePath + "/rpo/met", schemaPath: "#/properties/rpo/properties/met/type", keyword: "type", params: { type: schema314.properties.rpo.properties.met.type }, message: "must be boolean,null", schema: schema314.properties.rpo.properties.met.type, parentSchema: schema314.properties.rpo.properties.met, data: data33 };
            if (vErrors === null) {
              vErrors = [err94];
            } else {
              vErrors.push(err94);
            }
            errors++;
          }
        }
      } else {
        const err95 = { instancePath: instancePath + "/rpo", schemaPath: "#/properties/rpo/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema314.properties.rpo.type, parentSchema: schema314.properties.rpo, data: data28 };
        if (vErrors === null) {
          vErrors = [err95];
        } else {
          vErrors.push(err95);
        }
        errors++;
      }
    }
    if (data.baseline !== void 0) {
      let data34 = data.baseline;
      if (!(data34 && typeof data34 == "object" && !Array.isArray(data34)) && data34 !== null) {
        const err96 = { instancePath: instancePath + "/baseline", schemaPath: "#/properties/baseline/type", keyword: "type", params: { type: schema314.properties.baseline.type }, message: "must be object,null", schema: schema314.properties.baseline.type, parentSchema: schema314.properties.baseline, data: data34 };
        if (vErrors === null) {
          vErrors = [err96];
        } else {
          vErrors.push(err96);
        }
        errors++;
      }
      if (data34 && typeof data34 == "object" && !Array.isArray(data34)) {
        if (data34.drill === void 0) {
          const err97 = { instancePath: instancePath + "/baseline", schemaPath: "#/properties/baseline/required", keyword: "required", params: { missingProperty: "drill" }, message: "must have required property 'drill'", schema: schema314.properties.baseline.required, parentSchema: schema314.properties.baseline, data: data34 };
          if (vErrors === null) {
            vErrors = [err97];
          } else {
            vErrors.push(err97);
          }
          errors++;
        }
        if (data34.missing === void 0) {
          const err98 = { instancePath: instancePath + "/baseline", schemaPath: "#/properties/baseline/required", keyword: "required", params: { missingProperty: "missing" }, message: "must have required property 'missing'", schema: schema314.properties.baseline.required, parentSchema: schema314.properties.baseline, data: data34 };
          if (vErrors === null) {
            vErrors = [err98];
          } else {
            vErrors.push(err98);
          }
          errors++;
        }
        if (data34.extra === void 0) {
          const err99 = { instancePath: instancePath + "/baseline", schemaPath: "#/properties/baseline/required", keyword: "required", params: { missingProperty: "extra" }, message: "must have required property 'extra'", schema: schema314.properties.baseline.required, parentSchema: schema314.properties.baseline, data: data34 };
          if (vErrors === null) {
            vErrors = [err99];
          } else {
            vErrors.push(err99);
          }
          errors++;
        }
        if (data34.changedComponents === void 0) {
          const err100 = { instancePath: instancePath + "/baseline", schemaPath: "#/properties/baseline/required", keyword: "required", params: { missingProperty: "changedComponents" }, message: "must have required property 'changedComponents'", schema: schema314.properties.baseline.required, parentSchema: schema314.properties.baseline, data: data34 };
          if (vErrors === null) {
            vErrors = [err100];
          } else {
            vErrors.push(err100);
          }
          errors++;
        }
        if (data34.validationOutputDiffers === void 0) {
          const err101 = { instancePath: instancePath + "/baseline", schemaPath: "#/properties/baseline/required", keyword: "required", params: { missingProperty: "validationOutputDiffers" }, message: "must have required property 'validationOutputDiffers'", schema: schema314.properties.baseline.required, parentSchema: schema314.properties.baseline, data: data34 };
          if (vErrors === null) {
            vErrors = [err101];
          } else {
            vErrors.push(err101);
          }
          errors++;
        }
        for (const key5 in data34) {
          if (!(key5 === "drill" || key5 === "missing" || key5 === "extra" || key5 === "changedComponents" || key5 === "validationOutputDiffers")) {
            const err102 = { instancePath: instancePath + "/baseline", schemaPath: "#/properties/baseline/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key5 }, message: "must NOT have additional properties", schema: false, parentSchema: schema314.properties.baseline, data: data34 };
            if (vErrors === null) {
              vErrors = [err102];
            } else {
              vErrors.push(err102);
            }
            errors++;
          }
        }
        if (data34.drill !== void 0) {
          let data35 = data34.drill;
          if (typeof data35 === "string") {
            if (func23(data35) > 300) {
              const err103 = { instancePath: instancePath + "/baseline/drill", schemaPath: "#/properties/baseline/properties/drill/maxLength", keyword: "maxLength", params: { limit: 300 }, message: "must NOT have more than 300 characters", schema: 300, parentSchema: schema314.properties.baseline.properties.drill, data: data35 };
              if (vErrors === null) {
                vErrors = [err103];
              } else {
                vErrors.push(err103);
              }
              errors++;
            }
          } else {
            const err104 = { instancePath: instancePath + "/baseline/drill", schemaPath: "#/properties/baseline/properties/drill/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema314.properties.baseline.properties.drill.type, parentSchema: schema314.properties.baseline.properties.drill, data: data35 };
            if (vErrors === null) {
              vErrors = [err104];
            } else {
              vErrors.push(err104);
            }
            errors++;
          }
        }
        if (data34.missing !== void 0) {
          let data36 = data34.missing;
          if (Array.isArray(data36)) {
            if (data36.length > 1e5) {
              const err105 = { instancePath: instancePath + "/baseline/missing", schemaPath: "#/$defs/paths/maxItems", keyword: "maxItems", params: { limit: 1e5 }, message: "must NOT have more than 100000 items", schema: 1e5, parentSchema: schema35, data: data36 };
              if (vErrors === null) {
                vErrors = [err105];
              } else {
                vErrors.push(err105);
              }
              errors++;
            }
            const len1 = data36.length;
            for (let i1 = 0; i1 < len1; i1++) {
              let data37 = data36[i1];
              if (typeof data37 === "string") {
                if (func23(data37) > 4096) {
                  const err106 = { instancePath: instancePath + "/baseline/missing/" + i1, schemaPath: "#/$defs/paths/items/maxLength", keyword: "maxLength", params: { limit: 4096 }, message: "must NOT have more than 4096 characters", schema: 4096, parentSchema: schema35.items, data: data37 };
                  if (vErrors === null) {
                    vErrors = [err106];
                  } else {
                    vErrors.push(err106);
                  }
                  errors++;
                }
              } else {
                const err107 = { instancePath: instancePath + "/baseline/missing/" + i1, schemaPath: "#/$defs/paths/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema35.items.type, parentSchema: schema35.items, data: data37 };
                if (vErrors === null) {
                  vErrors = [err107];
                } else {
                  vErrors.push(err107);
                }
                errors++;
              }
            }
          } else {
            const err108 = { instancePath: instancePath + "/baseline/missing", schemaPath: "#/$defs/paths/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema35.type, parentSchema: schema35, data: data36 };
            if (vErrors === null) {
              vErrors = [err108];
            } else {
              vErrors.push(err108);
            }
            errors++;
          }
        }
        if (data34.extra !== void 0) {
          let data38 = data34.extra;
          if (Array.isArray(data38)) {
            if (data38.length > 1e5) {
              const err109 = { instancePath: instancePath + "/baseline/extra", schemaPath: "#/$defs/paths/maxItems", keyword: "maxItems", params: { limit: 1e5 }, message: "must NOT have more than 100000 items", schema: 1e5, parentSchema: schema35, data: data38 };
              if (vErrors === null) {
                vErrors = [err109];
              } else {
                vErrors.push(err109);
              }
              errors++;
            }
            const len2 = data38.length;
            for (let i2 = 0; i2 < len2; i2++) {
              let data39 = data38[i2];
              if (typeof data39 === "string") {
                if (func23(data39) > 4096) {
                  const err110 = { instancePath: instancePath + "/baseline/extra/" + i2, schemaPath: "#/$defs/paths/items/maxLength", keyword: "maxLength", params: { limit: 4096 }, message: "must NOT have more than 4096 characters", schema: 4096, parentSchema: schema35.items, data: data39 };
                  if (vErrors === null) {
                    vErrors = [err110];
                  } else {
                    vErrors.push(err110);
                  }
                  errors++;
                }
              } else {
                const err111 = { instancePath: instancePath + "/baseline/extra/" + i2, schemaPath: "#/$defs/paths/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema35.items.type, parentSchema: schema35.items, data: data39 };
                if (vErrors === null) {
                  vErrors = [err111];
                } else {
                  vErrors.push(err111);
                }
                errors++;
              }
            }
          } else {
            const err112 = { instancePath: instancePath + "/baseline/extra", schemaPath: "#/$defs/paths/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema35.type, parentSchema: schema35, data: data38 };
            if (vErrors === null) {
              vErrors = [err112];
            } else {
              vErrors.push(err112);
            }
            errors++;
          }
        }
        if (data34.changedComponents !== void 0) {
          let data40 = data34.changedComponents;
          if (Array.isArray(data40)) {
            if (data40.length > 1e5) {
              const err113 = { instancePath: instancePath + "/baseline/changedComponents", schemaPath: "#/$defs/paths/maxItems", keyword: "maxItems", params: { limit: 1e5 }, message: "must NOT have more than 100000 items", schema: 1e5, parentSchema: schema35, data: data40 };
              if (vErrors === null) {
                vErrors = [err113];
              } else {
                vErrors.push(err113);
              }
              errors++;
            }
            const len3 = data40.length;
            for (let i3 = 0; i3 < len3; i3++) {
              let data41 = data40[i3];
              if (typeof data41 === "string") {
                if (func23(data41) > 4096) {
                  const err114 = { instancePath: instancePath + "/baseline/changedComponents/" + i3, schemaPath: "#/$defs/paths/items/maxLength", keyword: "maxLength", params: { limit: 4096 }, message: "must NOT have more than 4096 characters", schema: 4096, parentSchema: schema35.items, data: data41 };
                  if (vErrors === null) {
                    vErrors = [err114];
                  } else {
                    vErrors.push(err114);
                  }
                  errors++;
                }
              } else {
                const err115 = { instancePath: instancePath + "/baseline/changedComponents/" + i3, schemaPath: "#/$defs/paths/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema35.items.type, parentSchema: schema35.items, data: data41 };
                if (vErrors === null) {
                  vErrors = [err115];
                } else {
                  vErrors.push(err115);
                }
                errors++;
              }
            }
          } else {
            const err116 = { instancePath: instancePath + "/baseline/changedComponents", schemaPath: "#/$defs/paths/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema35.type, parentSchema: schema35, data: data40 };
            if (vErrors === null) {
              vErrors = [err116];
            } else {
              vErrors.push(err116);
            }
            errors++;
          }
        }
        if (data34.validationOutputDiffers !== void 0) {
          let data42 = data34.validationOutputDiffers;
          if (typeof data42 !== "boolean") {
            const err117 = { instancePath: instancePath + "/baseline/validationOutputDiffers", schemaPath: "#/properties/baseline/properties/validationOutputDiffers/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema314.properties.baseline.properties.validationOutputDiffers.type, parentSchema: schema314.properties.baseline.properties.validationOutputDiffers, data: data42 };
            if (vErrors === null) {
              vErrors = [err117];
            } else {
              vErrors.push(err117);
            }
            errors++;
          }
        }
      }
    }
    if (data.gaps !== void 0) {
      let data43 = data.gaps;
      if (Array.isArray(data43)) {
        if (data43.length > 1e3) {
          const err118 = { instancePath: instancePath + "/gaps", schemaPath: "#/properties/gaps/maxItems", keyword: "maxItems", params: { limit: 1e3 }, message: "must NOT have more than 1000 items", schema: 1e3, parentSchema: schema314.properties.gaps, data: data43 };
          if (vErrors === null) {
            vErrors = [err118];
          } else {
            vErrors.push(err118);
          }
          errors++;
        }
        const len4 = data43.length;
        for (let i4 = 0; i4 < len4; i4++) {
          let data44 = data43[i4];
          if (data44 && typeof data44 == "object" && !Array.isArray(data44)) {
            if (data44.kind === void 0) {
              const err119 = { instancePath: instancePath + "/gaps/" + i4, schemaPath: "#/properties/gaps/items/required", keyword: "required", params: { missingProperty: "kind" }, message: "must have required property 'kind'", schema: schema314.properties.gaps.items.required, parentSchema: schema314.properties.gaps.items, data: data44 };
              if (vErrors === null) {
                vErrors = [err119];
              } else {
                vErrors.push(err119);
              }
              errors++;
            }
            if (data44.message === void 0) {
              const err120 = { instancePath: instancePath + "/gaps/" + i4, schemaPath: "#/properties/gaps/items/required", keyword: "required", params: { missingProperty: "message" }, message: "must have required property 'message'", schema: schema314.properties.gaps.items.required, parentSchema: schema314.properties.gaps.items, data: data44 };
              if (vErrors === null) {
                vErrors = [err120];
              } else {
                vErrors.push(err120);
              }
              errors++;
            }
            for (const key6 in data44) {
              if (!(key6 === "kind" || key6 === "message" || key6 === "path")) {
                const err121 = { instancePath: instancePath + "/gaps/" + i4, schemaPath: "#/properties/gaps/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key6 }, message: "must NOT have additional properties", schema: false, parentSchema: schema314.properties.gaps.items, data: data44 };
                if (vErrors === null) {
                  vErrors = [err121];
                } else {
                  vErrors.push(err121);
                }
                errors++;
              }
            }
            if (data44.kind !== void 0) {
              let data45 = data44.kind;
              if (!(data45 === "missing-dependency" || data45 === "outdated-secret" || data45 === "out-of-scope" || data45 === "missing-component" || data45 === "restore" || data45 === "other")) {
                const err122 = { instancePath: instancePath + "/gaps/" + i4 + "/kind", schemaPath: "#/properties/gaps/items/properties/kind/enum", keyword: "enum", params: { allowedValues: schema314.properties.gaps.items.properties.kind.enum }, message: "must be equal to one of the allowed values", schema: schema314.properties.gaps.items.properties.kind.enum, parentSchema: schema314.properties.gaps.items.properties.kind, data: data45 };
                if (vErrors === null) {
                  vErrors = [err122];
                } else {
                  vErrors.push(err122);
                }
                errors++;
              }
            }
            if (data44.message !== void 0) {
              let data46 = data44.message;
              if (typeof data46 === "string") {
                if (func23(data46) > 2e3) {
                  const err123 = { instancePath: instancePath + "/gaps/" + i4 + "/message", schemaPath: "#/properties/gaps/items/properties/message/maxLength", keyword: "maxLength", params: { limit: 2e3 }, message: "must NOT have more than 2000 characters", schema: 2e3, parentSchema: schema314.properties.gaps.items.properties.message, data: data46 };
                  if (vErrors === null) {
                    vErrors = [err123];
                  } else {
                    vErrors.push(err123);
                  }
                  errors++;
                }
              } else {
                const err124 = { instancePath: instancePath + "/gaps/" + i4 + "/message", schemaPath: "#/properties/gaps/items/properties/message/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema314.properties.gaps.items.properties.message.type, parentSchema: schema314.properties.gaps.items.properties.message, data: data46 };
                if (vErrors === null) {
                  vErrors = [err124];
                } else {
                  vErrors.push(err124);
                }
                errors++;
              }
            }
            if (data44.path !== void 0) {
              let data47 = data44.path;
              if (typeof data47 === "string") {
                if (func23(data47) > 4096) {
                  const err125 = { instancePath: instancePath + "/gaps/" + i4 + "/path", schemaPath: "#/properties/gaps/items/properties/path/maxLength", keyword: "maxLength", params: { limit: 4096 }, message: "must NOT have more than 4096 characters", schema: 4096, parentSchema: schema314.properties.gaps.items.properties.path, data: data47 };
                  if (vErrors === null) {
                    vErrors = [err125];
                  } else {
                    vErrors.push(err125);
                  }
                  errors++;
                }
              } else {
                const err126 = { instancePath: instancePath + "/gaps/" + i4 + "/path", schemaPath: "#/properties/gaps/items/properties/path/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema314.properties.gaps.items.properties.path.type, parentSchema: schema314.properties.gaps.items.properties.path, data: data47 };
                if (vErrors === null) {
                  vErrors = [err126];
                } else {
                  vErrors.push(err126);
                }
                errors++;
              }
            }
          } else {
            const err127 = { instancePath: instancePath + "/gaps/" + i4, schemaPath: "#/properties/gaps/items/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema314.properties.gaps.items.type, parentSchema: schema314.properties.gaps.items, data: data44 };
            if (vErrors === null) {
              vErrors = [err127];
            } else {
              vErrors.push(err127);
            }
            errors++;
          }
        }
      } else {
        const err128 = { instancePath: instancePath + "/gaps", schemaPath: "#/properties/gaps/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema314.properties.gaps.type, parentSchema: schema314.properties.gaps, data: data43 };
        if (vErrors === null) {
          vErrors = [err128];
        } else {
          vErrors.push(err128);
        }
        errors++;
      }
    }
    if (data.signature !== void 0) {
      let data48 = data.signature;
      if (data48 && typeof data48 == "object" && !Array.isArray(data48)) {
        if (data48.alg === void 0) {
          const err129 = { instancePath: instancePath + "/signature", schemaPath: "#/properties/signature/required", keyword: "required", params: { missingProperty: "alg" }, message: "must have required property 'alg'", schema: schema314.properties.signature.required, parentSchema: schema314.properties.signature, data: data48 };
          if (vErrors === null) {
            vErrors = [err129];
          } else {
            vErrors.push(err129);
          }
          errors++;
        }
        if (data48.key === void 0) {
          const err130 = { instancePath: instancePath + "/signature", schemaPath: "#/properties/signature/required", keyword: "required", params: { missingProperty: "key" }, message: "must have required property 'key'", schema: schema314.properties.signature.required, parentSchema: schema314.properties.signature, data: data48 };
          if (vErrors === null) {
            vErrors = [err130];
          } else {
            vErrors.push(err130);
          }
          errors++;
        }
        if (data48.value === void 0) {
          const err131 = { instancePath: instancePath + "/signature", schemaPath: "#/properties/signature/required", keyword: "required", params: { missingProperty: "value" }, message: "must have required property 'value'", schema: schema314.properties.signature.required, parentSchema: schema314.properties.signature, data: data48 };
          if (vErrors === null) {
            vErrors = [err131];
          } else {
            vErrors.push(err131);
          }
          errors++;
        }
        for (const key7 in data48) {
          if (!(key7 === "alg" || key7 === "key" || key7 === "value")) {
            const err132 = { instancePath: instancePath + "/signature", schemaPath: "#/properties/signature/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key7 }, message: "must NOT have additional properties", schema: false, parentSchema: schema314.properties.signature, data: data48 };
            if (vErrors === null) {
              vErrors = [err132];
            } else {
              vErrors.push(err132);
            }
            errors++;
          }
        }
        if (data48.alg !== void 0) {
          let data49 = data48.alg;
          if ("ed25519" !== data49) {
            const err133 = { instancePath: instancePath + "/signature/alg", schemaPath: "#/properties/signature/properties/alg/const", keyword: "const", params: { allowedValue: "ed25519" }, message: "must be equal to constant", schema: "ed25519", parentSchema: schema314.properties.signature.properties.alg, data: data49 };
            if (vErrors === null) {
              vErrors = [err133];
            } else {
              vErrors.push(err133);
            }
            errors++;
          }
        }
        if (data48.key !== void 0) {
          let data50 = data48.key;
          if (typeof data50 === "string") {
            if (!pattern73.test(data50)) {
              const err134 = { instancePath: instancePath + "/signature/key", schemaPath: "#/properties/signature/properties/key/pattern", keyword: "pattern", params: { pattern: "^sgw1[02-9ac-hj-np-z]{58}$" }, message: 'must match pattern "^sgw1[02-9ac-hj-np-z]{58}$"', schema: "^sgw1[02-9ac-hj-np-z]{58}$", parentSchema: schema314.properties.signature.properties.key, data: data50 };
              if (vErrors === null) {
                vErrors = [err134];
              } else {
                vErrors.push(err134);
              }
              errors++;
            }
          } else {
            const err135 = { instancePath: instancePath + "/signature/key", schemaPath: "#/properties/signature/properties/key/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema314.properties.signature.properties.key.type, parentSchema: schema314.properties.signature.properties.key, data: data50 };
            if (vErrors === null) {
              vErrors = [err135];
            } else {
              vErrors.push(err135);
            }
            errors++;
          }
        }
        if (data48.value !== void 0) {
          let data51 = data48.value;
          if (typeof data51 === "string") {
            if (func23(data51) > 200) {
              const err136 = { instancePath: instancePath + "/signature/value", schemaPath: "#/properties/signature/properties/value/maxLength", keyword: "maxLength", params: { limit: 200 }, message: "must NOT have more than 200 characters", schema: 200, parentSchema: schema314.properties.signature.properties.value, data: data51 };
              if (vErrors === null) {
                vErrors = [err136];
              } else {
                vErrors.push(err136);
              }
              errors++;
            }
          } else {
            const err137 = { instancePath: instancePath + "/signature/value", schemaPath: "#/properties/signature/properties/value/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema314.properties.signature.properties.value.type, parentSchema: schema314.properties.signature.properties.value, data: data51 };
            if (vErrors === null) {
              vErrors = [err137];
            } else {
              vErrors.push(err137);
            }
            errors++;
          }
        }
      } else {
        const err138 = { instancePath: instancePath + "/signature", schemaPath: "#/properties/signature/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema314.properties.signature.type, parentSchema: schema314.properties.signature, data: data48 };
        if (vErrors === null) {
          vErrors = [err138];
        } else {
          vErrors.push(err138);
        }
        errors++;
      }
    }
  } else {
    const err139 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema314.type, parentSchema: schema314, data };
    if (vErrors === null) {
      vErrors = [err139];
    } else {
      vErrors.push(err139);
    }
    errors++;
  }
  validate204.errors = vErrors;
  return errors === 0;
}
validate204.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };

// core/operations/read-drill-record.ts
var validator3 = new JsonSchemaValidator(
  () => drill_validator_default
);
async function readDrillRecord(store, path, trustedKeys) {
  const bytes = await store.readRecord(path);
  if (!bytes) return { ok: false, reason: "missing", detail: `${path} is not in the store` };
  let value;
  try {
    value = JSON.parse(Buffer.from(bytes).toString("utf8"));
  } catch {
    value = void 0;
  }
  const checked = validator3.check(value);
  if (!checked.ok) {
    const first = checked.problems[0];
    return {
      ok: false,
      reason: "unreadable",
      detail: `${path} is not a drill record${first ? ` (${first.instancePath} ${first.message})` : ""}`
    };
  }
  const record2 = checked.value;
  const name = parseDrillPath(path);
  if (!name || name.stream !== record2.stream || name.snapshot !== record2.snapshot || name.ok !== record2.ok || Date.parse(name.time) !== Date.parse(record2.time)) {
    return { ok: false, reason: "mismatch", detail: `${path} does not say what its name says` };
  }
  const { signature, ...body } = record2;
  if (!trustedKeys.includes(signature.key)) {
    return {
      ok: false,
      reason: "unsigned",
      detail: `${path} is signed by ${signature.key.slice(0, 16)}..., which is not a trusted writer key`
    };
  }
  const sodium = await loadSodium();
  let valid;
  try {
    valid = sodium.crypto_sign_verify_detached(
      Buffer.from(signature.value, "base64"),
      new TextEncoder().encode(canonicalJson(body)),
      parseVerifyKey(signature.key)
    );
  } catch {
    valid = false;
  }
  return valid ? { ok: true, record: record2 } : { ok: false, reason: "unsigned", detail: `${path}: the signature does not match the record` };
}

// core/gate/drill-fact.ts
async function gatherDrillFact(store, policy, environment) {
  const tierName = policy.environments[environment]?.tier;
  if (!tierName || policy.tiers[tierName]?.drillIntervalMs === void 0) return void 0;
  const newest = (await store.listRecords(`drills/${environment}`)).map((path) => parseDrillPath(path)).filter((name) => name !== void 0 && name.stream === environment).sort((a, b) => (a?.time ?? "") < (b?.time ?? "") ? 1 : -1)[0];
  if (!newest) return null;
  const read = await readDrillRecord(
    store,
    newest.path,
    policy.keys.writers.map((writer) => writer.key)
  );
  const failed3 = read.ok ? [
    read.record.validation?.timedOut ? "the validation timed out" : null,
    read.record.validation && read.record.validation.exitCode !== 0 && !read.record.validation.timedOut ? `the validation exited ${read.record.validation.exitCode ?? "without starting"}` : null,
    ...read.record.gaps.filter((gap) => gap.kind === "restore").map((gap) => gap.message)
  ].filter((text2) => text2 !== null) : [];
  return {
    path: newest.path,
    time: newest.time,
    snapshot: newest.snapshot,
    ok: newest.ok,
    trusted: read.ok,
    detail: read.ok ? failed3.join("; ") || null : read.detail
  };
}

// core/gate/gather-gate-facts.ts
async function gatherGateFacts(store, policy, environment, now, options = {}) {
  const index = await store.readStreamIndex(environment);
  const complete = index.manifestSeqs.every(
    (seq) => index.catalog.some((entry) => entry.seq === seq)
  );
  const entries = complete ? index.catalog : await readCatalog(store, environment);
  const forgottenSeqs = new Set(index.tombstoneSeqs);
  const latest = entries.findLast((entry) => !forgottenSeqs.has(entry.seq)) ?? null;
  const verification = await findLatestVerification(
    store,
    index.verifications,
    new Set(entries.map((entry) => entry.id)),
    "restore"
  );
  const restore = {
    lastRestoreVerification: verification?.ok ? verification.time : null,
    failedRestoreVerification: verification && !verification.ok ? {
      time: verification.time,
      snapshot: verification.snapshot,
      detail: verification.problems.slice(0, 3).map((problem) => problem.message).join(" ") || "it reported problems."
    } : null
  };
  const lock = await lockFact(store, policy, environment, index.locks);
  const drill = await gatherDrillFact(store, policy, environment);
  const records = { ...restore, lock, ...drill !== void 0 ? { drill } : {} };
  if (latest === null) return { policy, environment, now, snapshot: null, ...records };
  const facts = {
    id: latest.id,
    seq: latest.seq,
    time: latest.time,
    writtenAt: latest.writtenAt,
    signature: null,
    chain: null,
    missingBlobs: null,
    recipientGaps: null,
    components: [],
    uncoveredTier0Paths: null,
    consistency: null
  };
  const bytes = await store.readManifest(environment, latest.seq);
  let manifest = null;
  if (!bytes) {
    facts.signature = { state: "bad", detail: "the manifest is missing from the store" };
  } else if (sha256Hex(bytes) !== latest.id) {
    facts.signature = { state: "bad", detail: "the manifest does not hash to its catalog id" };
  } else {
    try {
      manifest = parseManifest(bytes, `manifest ${environment}@${latest.seq}`);
    } catch (error) {
      if (!isSnapgateError(error)) throw error;
      facts.signature = { state: "bad", detail: error.summary };
    }
  }
  const chain = options.chain === "catalog" ? catalogChain(environment, entries, index.manifestSeqs, latest.seq, manifest) : await checkStreamChain(store, environment, latest.seq);
  facts.chain = chain.state === "ok" ? chain : { state: "broken", atSeq: chain.atSeq, detail: chain.detail };
  if (manifest) {
    facts.signature = signatureFact(
      manifest,
      policy.keys.writers.map((writer) => writer.key),
      await loadSodium()
    );
    facts.missingBlobs = await missingBlobs(store, manifest, options.blobs ?? "read", index.blobs);
    facts.recipientGaps = recipientGaps(manifest);
    facts.components = [
      ...new Set(manifest.files.flatMap((file) => file.component ? [file.component] : []))
    ].sort();
    facts.uncoveredTier0Paths = manifest.coverage?.uncoveredTier0Paths ?? null;
    facts.consistency = manifest.consistency ?? null;
  }
  return { policy, environment, now, snapshot: facts, ...records };
}
async function lockFact(store, policy, environment, revisions) {
  try {
    const lock = await readEnvironmentLock(store, environment, policy.keys.app ?? [], revisions);
    return lock === null ? { state: "unlocked" } : { state: "locked", lock };
  } catch (error) {
    if (!isSnapgateError(error) || error.code !== "INTEGRITY") throw error;
    return { state: "untrusted", detail: error.summary, fix: error.fix ?? null };
  }
}
function signatureFact(manifest, keys, sodium) {
  const check = verifyManifestSignature(sodium, manifest, keys);
  if (check.ok) return { state: "ok", key: check.key };
  if (check.reason === "unknown-key") return { state: "unknown-key", key: check.key };
  return { state: "bad", key: check.key, detail: "the signature does not match the manifest" };
}
async function missingBlobs(store, manifest, mode, listed) {
  const unique = /* @__PURE__ */ new Map();
  for (const file of manifest.files) {
    if (file.type === "file") unique.set(blobPath(blobRefOf(file)), file);
  }
  const files = [...unique.values()];
  if (mode === "list") {
    const present = new Set(listed.map(blobPath));
    return files.filter((file) => !present.has(blobPath(blobRefOf(file)))).map((file) => file.blob);
  }
  const bad = await forEachBlobWindow(
    store,
    files,
    async (file, ciphertext) => ciphertext && sha256Hex(ciphertext) === file.ciphertextSha256 ? null : file.blob
  );
  return bad.filter((id) => id !== null);
}
function catalogChain(stream, entries, manifestSeqs, upto, manifest) {
  const bySeq = new Map(entries.map((entry) => [entry.seq, entry]));
  const present = new Set(manifestSeqs);
  for (let seq = 1; seq <= upto; seq++) {
    const entry = bySeq.get(seq);
    if (!entry || !present.has(seq)) {
      return { state: "broken", atSeq: seq, detail: `manifest ${stream}@${seq} is missing` };
    }
    const previous = seq === 1 ? null : bySeq.get(seq - 1)?.id ?? null;
    if (entry.prev !== void 0 && entry.prev !== previous) {
      return {
        state: "broken",
        atSeq: seq,
        detail: `${stream}@${seq} does not link to ${stream}@${seq - 1}`
      };
    }
  }
  const expected = upto === 1 ? null : bySeq.get(upto - 1)?.id ?? null;
  if (manifest && manifest.prev !== expected) {
    return {
      state: "broken",
      atSeq: upto,
      detail: `manifest ${stream}@${upto} does not link to ${stream}@${upto - 1}`
    };
  }
  return { state: "ok" };
}

// core/gate/store-error-decision.ts
function storeErrorDecision(environment, detail, fix) {
  return {
    environment,
    conclusion: "failure",
    summary: "The backup repository could not be read, so the backup is unverified.",
    conditions: [{ name: "store", state: "unknown", detail, fix }]
  };
}

// core/store/record-path.ts
var RECORD_ROOTS = [
  "verifications",
  "tombstones",
  "requests",
  "approvals",
  "drills",
  "locks"
];
var SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._@:-]{0,127}$/;
function assertRecordPath(path) {
  const segments = path.split("/");
  const ok = segments.length >= 2 && RECORD_ROOTS.includes(segments[0] ?? "") && segments.every((segment) => SEGMENT.test(segment) && segment !== "." && segment !== "..");
  if (!ok) {
    throw new SnapgateError("UNSAFE_PATH", `'${path}' is not a valid record path.`, {
      fix: `Record paths are <${RECORD_ROOTS.join("|")}>/<name>... with letters, digits, '.', '_', '-', ':' and '@'.`
    });
  }
}

// core/store/check-head-manifest.ts
function checkHeadManifest(stream, seq, manifest, where) {
  let named;
  try {
    const parsed = JSON.parse(Buffer.from(manifest).toString("utf8"));
    named = `${String(parsed.stream)}@${String(parsed.seq)}`;
  } catch {
    named = void 0;
  }
  if (named !== `${stream}@${seq}`) {
    throw new SnapgateError(
      "INTEGRITY",
      `${manifestPath(stream, seq)}, the newest manifest of ${stream} in ${where}, ${named === void 0 ? "is not JSON" : `says it is ${named}`}: a snapshot cannot chain onto it.`,
      {
        fix: `Restore that file from a copy of the store and run \`snapgate verify --all --env ${stream}\`; nothing was written.`
      }
    );
  }
}

// core/store/check-head-pointer.ts
function checkHeadPointer(stream, raw, seqs, where) {
  if (raw === null) return;
  let named;
  try {
    const text2 = typeof raw === "string" ? raw : Buffer.from(raw).toString("utf8");
    named = JSON.parse(text2)?.seq;
  } catch {
    named = void 0;
  }
  if (typeof named !== "number" || !Number.isSafeInteger(named)) {
    throw new SnapgateError("INTEGRITY", `${headPath(stream)} in ${where} is damaged.`, {
      fix: `Check that manifests/${stream}/ holds every snapshot (\`snapgate verify --all --env ${stream}\`), then delete ${headPath(stream)}: the next snapshot writes it again.`
    });
  }
  const newest = seqs.at(-1) ?? 0;
  if (named > newest) {
    throw new SnapgateError(
      "INTEGRITY",
      `${headPath(stream)} names ${stream}@${named}, but ${manifestPath(stream, named)} is missing from ${where}: the newest snapshot${named > newest + 1 ? "s were" : " was"} deleted.`,
      {
        fix: `Restore manifests/${stream}/ from a copy of the store. If ${stream}@${named} is lost for good, accept the loss: delete its catalog line(s) in catalog/${stream}/ and write {"seq":${newest}} to ${headPath(stream)}.`,
        details: { head: named, newestManifest: newest }
      }
    );
  }
}

// core/store/github/github-committer.ts
var TREE_PAYLOAD_BUDGET = 2 * 1024 * 1024;
var GitHubCommitter = class {
  constructor(client, where, reader, location) {
    this.client = client;
    this.where = where;
    this.reader = reader;
    this.location = location;
  }
  client;
  where;
  reader;
  location;
  async createGitBlob(bytes) {
    try {
      const { data } = await this.client.rest.git.createBlob({
        owner: this.where.owner,
        repo: this.where.repo,
        content: Buffer.from(bytes).toString("base64"),
        encoding: "base64"
      });
      return data.sha;
    } catch (error) {
      throw githubError(error, "uploading a large blob", this.location);
    }
  }
  /**
   * One commit on top of the state's head: trees chained by base_tree within
   * the payload budget, a commit, and a ref update that fails rather than
   * overwrite another writer's commit.
   */
  async commitFiles(state, entries, message) {
    const { owner, repo } = this.where;
    let tree = state.treeOid;
    let commit = null;
    try {
      for (const chunk of chunkByPayload(entries)) {
        tree = (await this.client.rest.git.createTree({ owner, repo, base_tree: tree, tree: chunk })).data.sha;
      }
      commit = (await this.client.rest.git.createCommit({
        owner,
        repo,
        message,
        tree,
        parents: [state.oid]
      })).data.sha;
      await this.client.rest.git.updateRef({
        owner,
        repo,
        ref: `heads/${this.where.branch}`,
        sha: commit,
        force: false
      });
      return "committed";
    } catch (error) {
      const conflict = httpStatus(error) === 422 && /fast forward|not a fast-forward|reference cannot be updated/i.test(githubMessage(error));
      const status = httpStatus(error);
      if (commit === null || !(conflict || status === void 0 || status >= 500)) {
        if (conflict) return "conflict";
        throw githubError(error, "committing to the backup repository", this.location);
      }
      let landed;
      try {
        landed = await this.reader.branchContains(commit);
      } catch {
        const failure = githubError(error, "updating the branch", this.location, false);
        throw new SnapgateError(
          failure.code,
          `${failure.summary} The commit may have landed: GitHub lost the answer to the branch update and could not be read back.`,
          {
            fix: `Once GitHub answers again, check with \`snapgate list --store ${this.location}\` before writing again.`,
            cause: error
          }
        );
      }
      if (landed) return "committed";
      if (conflict) return "conflict";
      throw githubError(error, "committing to the backup repository", this.location);
    }
  }
  /** For writes outside a snapshot: re-read, rebuild the entries, commit; retry when another writer won. */
  async commitWithRetry(message, build) {
    for (let attempt = 1; attempt <= 10; attempt++) {
      const state = await this.reader.readWriteState("_", /* @__PURE__ */ new Date());
      if (!state)
        throw new SnapgateError(
          "STORE_MISSING",
          `There is no Snapgate store at ${this.location}.`,
          { fix: "Take a snapshot first." }
        );
      if (await this.commitFiles(state, await build(state), message) === "committed") return;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 50 * attempt));
    }
    throw new SnapgateError(
      "CONFLICT",
      `Could not commit to ${this.location}: other writers kept moving the branch.`,
      { fix: "Run the command again." }
    );
  }
};
function chunkByPayload(entries) {
  const chunks = [];
  let current = [];
  let size = 0;
  for (const entry of entries) {
    const weight = (entry.content?.length ?? 0) + entry.path.length + 64;
    if (current.length > 0 && size + weight > TREE_PAYLOAD_BUDGET) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(entry);
    size += weight;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

// core/store/parse-catalog-lines.ts
function entryProblem(value, stream) {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return "it is not a JSON object";
  const entry = value;
  if (typeof entry.id !== "string" || !/^[0-9a-f]{64}$/.test(entry.id))
    return "its id is not a sha256";
  if (typeof entry.seq !== "number" || !Number.isSafeInteger(entry.seq) || entry.seq < 1)
    return "its seq is not a positive whole number";
  if (entry.stream !== stream) return `it names the environment ${JSON.stringify(entry.stream)}`;
  if (typeof entry.time !== "string" || typeof entry.phase !== "string")
    return "its time or phase is missing";
  const metadata = entry.metadata;
  if (typeof metadata !== "object" || metadata === null || !Array.isArray(metadata.tags))
    return "its metadata is missing";
  if (typeof entry.files !== "number" || typeof entry.bytes !== "number" || !Array.isArray(entry.components))
    return "its file counts are missing";
  return null;
}
function parseCatalogLines(shards, stream) {
  const entries = [];
  for (const shard of shards) {
    shard.text.split("\n").forEach((line, index) => {
      if (line.trim() === "") return;
      let value;
      try {
        value = JSON.parse(line);
      } catch {
        return;
      }
      const problem = entryProblem(value, stream);
      if (problem) {
        throw new SnapgateError(
          "INTEGRITY",
          `Line ${index + 1} of ${shard.path} is not a catalog entry of ${stream}: ${problem}.`,
          {
            fix: `Delete that line: the catalog is only an index, rebuilt from the manifests where a line is missing. Then run \`snapgate verify --all --env ${stream}\` and find out what wrote it.`,
            details: { file: shard.path, line: index + 1 }
          }
        );
      }
      entries.push(value);
    });
  }
  return entries.sort((a, b) => a.seq - b.seq);
}

// core/store/github/github-reader.ts
var LANDED_SEARCH_DEPTH = 100;
var BLOB_READ_BATCH = 100;
var WRITE_STATE_QUERY = `
query SnapgateWriteState($owner: String!, $name: String!, $ref: String!, $head: String!, $manifests: String!, $catalog: String!, $audit: String!) {
  repository(owner: $owner, name: $name) {
    ref(qualifiedName: $ref) {
      target {
        oid
        ... on Commit {
          tree { oid }
          storeFile: file(path: "snapgate.json") { object { ... on Blob { text } } }
          head: file(path: $head) { object { ... on Blob { text } } }
          manifests: file(path: $manifests) { object { ... on Tree { entries { name } } } }
          catalog: file(path: $catalog) { object { ... on Blob { text isTruncated oid } } }
          auditHead: file(path: "${AUDIT_HEAD_PATH}") { object { ... on Blob { text } } }
          audit: file(path: $audit) { object { ... on Blob { text isTruncated oid } } }
          blobs: file(path: "blobs") { object { ... on Tree { entries { name object { ... on Tree { entries { name } } } } } } }
        }
      }
    }
  }
}`;
var GitHubReader = class {
  constructor(client, where, location) {
    this.client = client;
    this.where = where;
    this.location = location;
    this.qualifiedRef = `refs/heads/${where.branch}`;
  }
  client;
  where;
  location;
  qualifiedRef;
  async query(query, variables, doing) {
    try {
      return await this.client.graphql(query, {
        owner: this.where.owner,
        name: this.where.repo,
        ...variables
      });
    } catch (error) {
      throw githubError(error, doing, this.location);
    }
  }
  async readWriteState(stream, now) {
    const result = await this.query(
      WRITE_STATE_QUERY,
      {
        ref: this.qualifiedRef,
        head: headPath(stream),
        manifests: `manifests/${stream}`,
        catalog: catalogPath(stream, now),
        audit: auditPath(now)
      },
      "reading the backup repository"
    );
    if (!result.repository) {
      throw new SnapgateError(
        "PERMISSION",
        `The repository ${this.where.owner}/${this.where.repo} does not exist or the token cannot see it.`,
        {
          fix: "Check --store github://OWNER/REPO and that the token (a GitHub App installation token) has contents access to it."
        }
      );
    }
    const target = result.repository.ref?.target;
    if (!target) return null;
    return { ...target, treeOid: target.tree.oid };
  }
  async blobText(node) {
    const object = node?.object;
    if (!object) return null;
    if (object.text !== null && !object.isTruncated) return object.text;
    if (!object.oid) return null;
    return Buffer.from(await this.readGitBlob(object.oid)).toString("utf8");
  }
  async readGitBlob(oid) {
    try {
      const { data } = await this.client.rest.git.getBlob({
        owner: this.where.owner,
        repo: this.where.repo,
        file_sha: oid
      });
      return new Uint8Array(
        Buffer.from(data.content, data.encoding === "base64" ? "base64" : "utf8")
      );
    } catch (error) {
      throw githubError(error, "reading a blob", this.location);
    }
  }
  async readManifestAt(commitOid, stream, seq) {
    const path = manifestPath(stream, seq);
    const result = await this.query(
      `query SnapgateManifest($owner: String!, $name: String!, $oid: GitObjectID!, $path: String!) {
        repository(owner: $owner, name: $name) { object(oid: $oid) { ... on Commit { file(path: $path) { object { ... on Blob { text isTruncated oid } } } } } }
      }`,
      { oid: commitOid, path },
      `reading ${path}`
    );
    const text2 = await this.blobText(result.repository.object?.file ?? null);
    if (text2 === null) {
      throw new SnapgateError(
        "INTEGRITY",
        `${path} is missing from ${this.location} although heads/${stream}.json points at it.`,
        {
          fix: "The repository was changed by hand; run `snapgate verify --all` against it."
        }
      );
    }
    return new TextEncoder().encode(text2);
  }
  /** A directory's entries at the branch head, with their blobs' text when `withText`. */
  async readTree(path, withText = false) {
    const blob = withText ? "object { ... on Blob { text isTruncated oid } }" : "";
    const result = await this.query(
      `query SnapgateTree($owner: String!, $name: String!, $ref: String!, $path: String!) {
        repository(owner: $owner, name: $name) { ref(qualifiedName: $ref) { target { ... on Commit { file(path: $path) { object { ... on Tree { entries { name type oid ${blob} } } } } } } } }
      }`,
      { ref: this.qualifiedRef, path },
      `listing ${path}`
    );
    return result.repository.ref?.target.file?.object ?? null;
  }
  async readFile(path) {
    const result = await this.query(
      `query SnapgateFile($owner: String!, $name: String!, $ref: String!, $path: String!) {
        repository(owner: $owner, name: $name) { ref(qualifiedName: $ref) { target { ... on Commit { file(path: $path) { object { ... on Blob { text isTruncated isBinary oid } } } } } } }
      }`,
      { ref: this.qualifiedRef, path },
      `reading ${path}`
    );
    const object = result.repository.ref?.target.file?.object;
    if (!object) return null;
    if (object.text !== null && !object.isTruncated) return new TextEncoder().encode(object.text);
    return object.oid ? this.readGitBlob(object.oid) : null;
  }
  /** Catalog lines from the month shards of a catalog directory listing (text included). */
  async catalogFromShards(stream, shards) {
    const ordered = shards.filter((e) => /^\d{4}-\d{2}\.jsonl$/.test(e.name)).sort((a, b) => a.name.localeCompare(b.name));
    const texts = await Promise.all(
      ordered.map(
        async (shard) => shard.object?.text && !shard.object.isTruncated ? shard.object.text : shard.oid ? Buffer.from(await this.readGitBlob(shard.oid)).toString("utf8") : ""
      )
    );
    return parseCatalogLines(
      texts.map((text2, index) => ({ path: `catalog/${stream}/${ordered[index]?.name}`, text: text2 })),
      stream
    );
  }
  /** Which of `paths` exist at a commit: one query whatever their number. */
  async existingPaths(oid, paths) {
    const fields = paths.map((path, index) => `p${index}: file(path: ${JSON.stringify(path)}) { oid }`).join("\n");
    const result = await this.query(
      `query SnapgateExisting($owner: String!, $name: String!, $oid: GitObjectID!) {
        repository(owner: $owner, name: $name) { object(oid: $oid) { ... on Commit { ${fields} } } }
      }`,
      { oid },
      "checking records"
    );
    const object = result.repository.object ?? {};
    return paths.filter((_, index) => object[`p${index}`]);
  }
  /** Whether `commit` is the branch head or one of its recent ancestors (other writers may have built on it). */
  async branchContains(commit) {
    const result = await this.query(
      `query SnapgateLanded($owner: String!, $name: String!, $ref: String!) {
        repository(owner: $owner, name: $name) { ref(qualifiedName: $ref) { target { oid ... on Commit { history(first: ${LANDED_SEARCH_DEPTH}) { nodes { oid } } } } } }
      }`,
      { ref: this.qualifiedRef },
      "checking whether the commit landed"
    );
    const target = result.repository.ref?.target;
    if (!target) return false;
    return target.oid === commit || (target.history?.nodes ?? []).some((node) => node.oid === commit);
  }
  pendingReads = [];
  flushScheduled = false;
  /**
   * Reads are coalesced: every readBlob() issued in the same tick goes into
   * one GraphQL query (up to 100 blobs each), so a restore of 2,000 files costs
   * about 20 calls, not 2,000.
   */
  readBlob(blob) {
    return new Promise((resolve, reject) => {
      this.pendingReads.push({ ref: blob, resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => void this.flushReads());
      }
    });
  }
  async flushReads() {
    this.flushScheduled = false;
    const batch = this.pendingReads.splice(0);
    for (let start = 0; start < batch.length; start += BLOB_READ_BATCH) {
      const slice = batch.slice(start, start + BLOB_READ_BATCH);
      try {
        const fields = slice.map(
          (item, index) => `b${index}: file(path: ${JSON.stringify(blobPath(item.ref))}) { object { ... on Blob { text isTruncated isBinary oid } } }`
        ).join("\n");
        const result = await this.query(
          `query SnapgateBlobs($owner: String!, $name: String!, $ref: String!) {
            repository(owner: $owner, name: $name) { ref(qualifiedName: $ref) { target { ... on Commit { ${fields} } } } }
          }`,
          { ref: this.qualifiedRef },
          "reading blobs"
        );
        const target = result.repository.ref?.target ?? {};
        await Promise.all(
          slice.map(async (item, index) => {
            const object = target[`b${index}`]?.object;
            if (!object) return item.resolve(null);
            if (object.text !== null && !object.isTruncated && !object.isBinary)
              return item.resolve(new TextEncoder().encode(object.text));
            item.resolve(object.oid ? await this.readGitBlob(object.oid) : null);
          })
        );
      } catch (error) {
        for (const item of slice) item.reject(error);
      }
    }
  }
};

// core/store/github/github-write-view.ts
var GITHUB_MAX_BLOB_BYTES = 100 * 1024 * 1024;
var GitHubWriteView = class {
  constructor(stream, state, head, auditHead, blobs) {
    this.stream = stream;
    this.state = state;
    this.head = head;
    this.auditHead = auditHead;
    this.blobs = blobs;
  }
  stream;
  state;
  head;
  auditHead;
  blobs;
  staged = /* @__PURE__ */ new Map();
  async findBlobs(ids, recipientSet) {
    const found = /* @__PURE__ */ new Map();
    for (const id of ids) {
      const key = blobLookupKey(id, recipientSet);
      const ref = this.blobs.get(key) ?? this.staged.get(key);
      if (ref)
        found.set(id, {
          id: ref.id,
          sha256: ref.sha256,
          encoding: ref.encoding,
          ...ref.recipientSet ? { recipientSet: ref.recipientSet } : {}
        });
    }
    return found;
  }
  async stageBlob(blob) {
    if (blob.ciphertext.length > GITHUB_MAX_BLOB_BYTES) {
      throw new SnapgateError(
        "TOO_LARGE",
        `A blob of ${blob.ciphertext.length} bytes is over GitHub's 100 MB limit. Nothing was written.`,
        {
          fix: "Exclude the file from the snapshot: large artefacts are not configuration."
        }
      );
    }
    this.staged.set(blobLookupKey(blob.id, blob.recipientSet), blob);
  }
  /** Staged blobs the repository still lacks (after a conflict, another writer may have added some). */
  carryOver(into) {
    for (const [key, blob] of this.staged) {
      if (!into.blobs.has(key)) into.staged.set(key, blob);
    }
  }
};

// core/store/github-store.ts
var INLINE_BLOB_LIMIT = 512 * 1024;
var GitHubStore = class {
  constructor(client, where) {
    this.client = client;
    this.where = where;
    this.location = `github://${where.owner}/${where.repo}@${where.branch}`;
    this.reader = new GitHubReader(client, where, this.location);
    this.committer = new GitHubCommitter(client, where, this.reader, this.location);
  }
  client;
  where;
  location;
  armorBlobs = true;
  reader;
  committer;
  async initialize() {
    const state = await this.reader.readWriteState("_", /* @__PURE__ */ new Date());
    if (state?.storeFile?.object) return this.checkFormat(state.storeFile.object.text);
    const body = JSON.stringify({ format: STORE_FORMAT, created: (/* @__PURE__ */ new Date()).toISOString() }, null, 2) + "\n";
    if (!state) {
      try {
        await this.client.rest.repos.createOrUpdateFileContents({
          owner: this.where.owner,
          repo: this.where.repo,
          path: "snapgate.json",
          branch: this.where.branch,
          message: "snapgate: initialise the backup store",
          content: Buffer.from(body).toString("base64")
        });
      } catch (error) {
        if (httpStatus(error) === 409 || httpStatus(error) === 422) return this.assertExists();
        throw githubError(error, "initialising the backup repository", this.location);
      }
      return;
    }
    await this.committer.commitFiles(
      state,
      [{ path: "snapgate.json", mode: "100644", type: "blob", content: body }],
      "snapgate: initialise the backup store"
    );
  }
  checkFormat(text2) {
    let format;
    try {
      format = JSON.parse(text2 ?? "").format;
    } catch {
      format = void 0;
    }
    if (format !== STORE_FORMAT) {
      throw new SnapgateError(
        "STORE_MISSING",
        `${this.location} holds a snapgate.json that is not a ${STORE_FORMAT} store.`,
        {
          fix: "Use a Snapgate version that supports this store format, or point --store at another repository or branch."
        }
      );
    }
  }
  async assertExists() {
    const state = await this.reader.readWriteState("_", /* @__PURE__ */ new Date());
    if (!state?.storeFile?.object) {
      throw new SnapgateError("STORE_MISSING", `There is no Snapgate store at ${this.location}.`, {
        fix: "Check the repository and branch; a store is created by the first `snapgate snapshot`."
      });
    }
    this.checkFormat(state.storeFile.object.text);
  }
  async beginWrite(stream, previous) {
    const now = /* @__PURE__ */ new Date();
    const state = await this.reader.readWriteState(stream, now);
    if (!state?.storeFile?.object) {
      throw new SnapgateError("STORE_MISSING", `There is no Snapgate store at ${this.location}.`, {
        fix: "It is created by the first snapshot; if this persists, check the branch name."
      });
    }
    const blobs = /* @__PURE__ */ new Map();
    for (const prefix of state.blobs?.object?.entries ?? []) {
      for (const entry of prefix.object?.entries ?? []) {
        const ref = parseBlobFileName(entry.name);
        const key = ref && blobLookupKey(ref.id, ref.recipientSet);
        if (ref && key && !blobs.has(key)) blobs.set(key, ref);
      }
    }
    const seqs = manifestSeqsOf(state.manifests);
    checkHeadPointer(stream, await this.reader.blobText(state.head), seqs, this.location);
    const seq = seqs.at(-1);
    let head = null;
    if (seq !== void 0) {
      const manifest = await this.reader.readManifestAt(state.oid, stream, seq);
      checkHeadManifest(stream, seq, manifest, this.location);
      head = { seq, sha256: sha256Hex(manifest), loadManifest: async () => manifest };
    }
    const auditHeadText = await this.reader.blobText(state.auditHead);
    const auditHead = auditHeadText ? JSON.parse(auditHeadText) : null;
    const view = new GitHubWriteView(
      stream,
      state,
      head,
      auditHead ? { seq: auditHead.seq, hash: auditHead.hash } : null,
      blobs
    );
    if (previous instanceof GitHubWriteView) previous.carryOver(view);
    return view;
  }
  async commitSnapshot(commit) {
    const view = commit.view;
    const { state } = view;
    const catalogText = await this.reader.blobText(state.catalog) ?? "";
    const entries = [];
    const large = [];
    for (const blob of view.staged.values()) {
      if (blob.ciphertext.length > INLINE_BLOB_LIMIT || !isText(blob.ciphertext)) large.push(blob);
      else
        entries.push({
          path: blobPath(blob),
          mode: "100644",
          type: "blob",
          content: Buffer.from(blob.ciphertext).toString("utf8")
        });
    }
    for (const blob of large)
      entries.push({
        path: blobPath(blob),
        mode: "100644",
        type: "blob",
        sha: await this.committer.createGitBlob(blob.ciphertext)
      });
    entries.push(
      {
        path: manifestPath(view.stream, commit.seq),
        mode: "100644",
        type: "blob",
        content: Buffer.from(commit.manifest).toString("utf8")
      },
      {
        path: headPath(view.stream),
        mode: "100644",
        type: "blob",
        content: JSON.stringify({ seq: commit.seq, id: commit.catalogEntry.id }) + "\n"
      },
      {
        path: catalogPath(view.stream, commit.time),
        mode: "100644",
        type: "blob",
        content: appendLines(catalogText, [JSON.stringify(commit.catalogEntry)])
      },
      ...await this.auditEntries(state, commit.auditLines, commit.time)
    );
    return this.committer.commitFiles(
      state,
      entries,
      `snapgate: snapshot ${view.stream}@${commit.seq} ${commit.catalogEntry.id.slice(0, 12)}`
    );
  }
  async auditEntries(state, lines, time) {
    if (lines.length === 0) return [];
    const existing = await this.reader.blobText(state.audit) ?? "";
    const head = auditHeadOfLine(lines.at(-1) ?? "");
    const file = auditPath(time);
    return [
      { path: file, mode: "100644", type: "blob", content: appendLines(existing, lines) },
      ...head ? [
        {
          path: AUDIT_HEAD_PATH,
          mode: "100644",
          type: "blob",
          content: JSON.stringify({ ...head, file }) + "\n"
        }
      ] : []
    ];
  }
  async listStreams() {
    const tree = await this.reader.readTree("manifests");
    return (tree?.entries ?? []).filter((entry) => entry.type === "tree").map((entry) => entry.name).sort();
  }
  /** The catalog and, in the same query, the head pointer and manifest names it is checked against. */
  async readCatalog(stream) {
    const result = await this.reader.query(
      `query SnapgateCatalog($owner: String!, $name: String!, $ref: String!, $catalog: String!, $head: String!, $manifests: String!) {
        repository(owner: $owner, name: $name) { ref(qualifiedName: $ref) { target { ... on Commit {
          catalog: file(path: $catalog) { object { ... on Tree { entries { name oid object { ... on Blob { text isTruncated oid } } } } } }
          head: file(path: $head) { object { ... on Blob { text isTruncated oid } } }
          manifests: file(path: $manifests) { object { ... on Tree { entries { name } } } }
        } } } }
      }`,
      {
        ref: this.reader.qualifiedRef,
        catalog: `catalog/${stream}`,
        head: headPath(stream),
        manifests: `manifests/${stream}`
      },
      `listing catalog/${stream}`
    );
    const target = result.repository.ref?.target;
    const entries = await this.reader.catalogFromShards(
      stream,
      target?.catalog?.object?.entries ?? []
    );
    checkHeadPointer(
      stream,
      await this.reader.blobText(target?.head ?? null),
      manifestSeqsOf(target?.manifests),
      this.location
    );
    return entries;
  }
  async readStreamIndex(stream) {
    const names = "object { ... on Tree { entries { name } } }";
    const result = await this.reader.query(
      `query SnapgateStreamIndex($owner: String!, $name: String!, $ref: String!, $catalog: String!, $head: String!, $manifests: String!, $tombstones: String!, $verifications: String!, $locks: String!) {
        repository(owner: $owner, name: $name) { ref(qualifiedName: $ref) { target { ... on Commit {
          catalog: file(path: $catalog) { object { ... on Tree { entries { name oid object { ... on Blob { text isTruncated } } } } } }
          head: file(path: $head) { object { ... on Blob { text isTruncated oid } } }
          manifests: file(path: $manifests) { ${names} }
          tombstones: file(path: $tombstones) { ${names} }
          verifications: file(path: $verifications) { ${names} }
          locks: file(path: $locks) { ${names} }
          blobs: file(path: "blobs") { object { ... on Tree { entries { name ${names} } } } }
        } } } }
      }`,
      {
        ref: this.reader.qualifiedRef,
        catalog: `catalog/${stream}`,
        head: headPath(stream),
        manifests: `manifests/${stream}`,
        tombstones: `tombstones/${stream}`,
        verifications: `verifications/${stream}`,
        locks: `locks/${stream}`
      },
      `reading the index of ${stream}`
    );
    const target = result.repository.ref?.target;
    const manifestSeqs = manifestSeqsOf(target?.manifests);
    const catalog = await this.reader.catalogFromShards(
      stream,
      target?.catalog?.object?.entries ?? []
    );
    checkHeadPointer(
      stream,
      await this.reader.blobText(target?.head ?? null),
      manifestSeqs,
      this.location
    );
    const blobs = [];
    for (const prefix of target?.blobs?.object?.entries ?? []) {
      for (const entry of prefix.object?.entries ?? []) {
        const ref = parseBlobFileName(entry.name);
        if (ref) blobs.push(ref);
      }
    }
    return {
      catalog,
      manifestSeqs,
      tombstoneSeqs: manifestSeqsOf(target?.tombstones),
      verifications: (target?.verifications?.object?.entries ?? []).filter((entry) => entry.name.endsWith(".json")).map((entry) => `verifications/${stream}/${entry.name}`),
      blobs,
      locks: (target?.locks?.object?.entries ?? []).filter((entry) => entry.name.endsWith(".json")).map((entry) => `locks/${stream}/${entry.name}`)
    };
  }
  async listManifestSeqs(stream) {
    return manifestSeqsOf({ object: await this.reader.readTree(`manifests/${stream}`) });
  }
  readManifest(stream, seq) {
    return this.reader.readFile(manifestPath(stream, seq));
  }
  /** Coalesced with the other blob reads of the same tick: see GitHubReader.readBlob. */
  readBlob(blob) {
    return this.reader.readBlob(blob);
  }
  async listBlobs() {
    const result = await this.reader.query(
      `query SnapgateBlobList($owner: String!, $name: String!, $ref: String!) {
        repository(owner: $owner, name: $name) { ref(qualifiedName: $ref) { target { ... on Commit { file(path: "blobs") { object { ... on Tree { entries { name object { ... on Tree { entries { name } } } } } } } } } } }
      }`,
      { ref: this.reader.qualifiedRef },
      "listing blobs"
    );
    const blobs = [];
    for (const prefix of result.repository.ref?.target.file?.object?.entries ?? []) {
      for (const entry of prefix.object?.entries ?? []) {
        const ref = parseBlobFileName(entry.name);
        if (ref) blobs.push(ref);
      }
    }
    return blobs;
  }
  async deleteBlobs(blobs, recheck) {
    if (blobs.length === 0) return;
    await this.committer.commitWithRetry(
      `snapgate: prune ${blobs.length} blob(s)`,
      async () => (recheck ? await recheck(blobs) : blobs).map((blob) => ({
        path: blobPath(blob),
        mode: "100644",
        type: "blob",
        sha: null
      }))
    );
  }
  async readAuditLines() {
    const years = await this.reader.readTree("audit");
    const lines = [];
    for (const year of (years?.entries ?? []).filter((e) => /^\d{4}$/.test(e.name)).sort((a, b) => a.name.localeCompare(b.name))) {
      const months = await this.reader.readTree(`audit/${year.name}`, true);
      for (const file of (months?.entries ?? []).filter((e) => /^\d{2}\.jsonl$/.test(e.name)).sort((a, b) => a.name.localeCompare(b.name))) {
        const text2 = file.object?.text && !file.object.isTruncated ? file.object.text : file.oid ? Buffer.from(await this.reader.readGitBlob(file.oid)).toString("utf8") : "";
        lines.push(...text2.split("\n").filter((line) => line.trim() !== ""));
      }
    }
    return lines;
  }
  async currentAuditHead() {
    const text2 = await this.reader.readFile(AUDIT_HEAD_PATH);
    if (!text2) return null;
    const head = JSON.parse(Buffer.from(text2).toString("utf8"));
    return { seq: head.seq, hash: head.hash };
  }
  /** The same pointer: on GitHub the log and audit/head.json change in one commit. */
  async recordedAuditHead() {
    return parseAuditHeadPointer(await this.reader.readFile(AUDIT_HEAD_PATH));
  }
  async appendAudit(expected, lines, time) {
    const state = await this.reader.readWriteState("_", time);
    if (!state)
      throw new SnapgateError("STORE_MISSING", `There is no Snapgate store at ${this.location}.`, {
        fix: "Take a snapshot first."
      });
    const headText = await this.reader.blobText(state.auditHead);
    const current = headText ? JSON.parse(headText) : null;
    if ((current?.seq ?? 0) !== (expected?.seq ?? 0) || (current?.hash ?? null) !== (expected?.hash ?? null))
      return "conflict";
    return this.committer.commitFiles(
      state,
      await this.auditEntries(state, lines, time),
      `snapgate: audit ${lines.length} event(s)`
    );
  }
  async writeRecords(records) {
    if (records.length === 0) return;
    for (const record2 of records) assertRecordPath(record2.path);
    const message = records.length === 1 ? `snapgate: record ${records[0]?.path}` : `snapgate: ${records.length} records`;
    await this.committer.commitWithRetry(message, async (state) => {
      const existing = await this.reader.existingPaths(
        state.oid,
        records.map((record2) => record2.path)
      );
      if (existing.length > 0) {
        throw new SnapgateError(
          "CONFLICT",
          `The record ${existing[0]} already exists in ${this.location}.`,
          {
            fix: "Records are never overwritten; retry, which writes a record with a new name."
          }
        );
      }
      return records.map((record2) => ({
        path: record2.path,
        mode: "100644",
        type: "blob",
        content: Buffer.from(record2.bytes).toString("utf8")
      }));
    });
  }
  async readRecord(path) {
    assertRecordPath(path);
    return this.reader.readFile(path);
  }
  async listRecords(prefix) {
    const root = prefix.replace(/\/$/, "");
    assertRecordPath(`${root}/x`);
    const found = [];
    const walk = async (path) => {
      const tree = await this.reader.readTree(path);
      for (const entry of tree?.entries ?? []) {
        if (entry.type === "tree") await walk(`${path}/${entry.name}`);
        else found.push(`${path}/${entry.name}`);
      }
    };
    await walk(root);
    return found.sort();
  }
};
function manifestSeqsOf(tree) {
  return (tree?.object?.entries ?? []).map((entry) => /^(\d{10})\.json$/.exec(entry.name)?.[1]).filter((seq) => seq !== void 0).map(Number).sort((a, b) => a - b);
}
function appendLines(existing, lines) {
  const base = existing === "" || existing.endsWith("\n") ? existing : `${existing}
`;
  return base + lines.map((line) => `${line}
`).join("");
}
function isText(bytes) {
  for (const byte of bytes)
    if (byte > 126 || byte < 32 && byte !== 10 && byte !== 13) return false;
  return true;
}

// app/gate/decide-environment.ts
function mayUseBackup(gatedOwner, backupOwner, backupAccounts) {
  return gatedOwner.toLowerCase() === backupOwner.toLowerCase() || backupAccounts.has(backupOwner.toLowerCase());
}
async function decideEnvironment(policy, environment, access) {
  const { now, log } = access;
  if (!policy.environments[environment]) {
    return decideGate({ policy, environment, now, snapshot: null, lastRestoreVerification: null });
  }
  const backup = policy.backup;
  if (!backup) {
    return storeErrorDecision(
      environment,
      "The policy names no backup repository, so no snapshot can be checked.",
      "Add backup: { repository: OWNER/NAME } to .github/snapgate.yml on the default branch (docs/policy.md)."
    );
  }
  const [owner = "", repo = ""] = backup.repository.split("/");
  const location = `${backup.repository}@${backup.branch}`;
  if (!mayUseBackup(access.gatedOwner, owner, access.backupAccounts)) {
    return storeErrorDecision(
      environment,
      `The backup repository ${backup.repository} belongs to another account than ${access.gatedOwner}: the app reads backups across accounts only where its operator allows it.`,
      `Keep the backup repository in ${access.gatedOwner}, or have the app's operator add ${owner} to SNAPGATE_BACKUP_ACCOUNTS.`
    );
  }
  try {
    const store = new GitHubStore(await access.clientFor(owner, repo), {
      owner,
      repo,
      branch: backup.branch
    });
    const facts = await gatherGateFacts(store, policy, environment, now, {
      chain: "catalog",
      blobs: "list"
    });
    return decideGate(facts);
  } catch (error) {
    if (!isSnapgateError(error))
      log.error({ err: error }, `reading ${location} failed unexpectedly`);
    const failure = asSnapgateError(error);
    return storeErrorDecision(
      environment,
      `Reading the backup repository ${location} failed: ${failure.summary}`,
      failure.code === "PERMISSION" ? `Install the Snapgate App on ${backup.repository} (it reads snapshots with its installation token: contents read) and check backup.repository in the policy; then re-run this check.` : `${failure.fix ?? "Try again later."} Then re-run this check.`
    );
  }
}

// core/github/claim-ref.ts
async function claimRef(client, where, ref, sha) {
  try {
    await client.rest.git.createRef({ owner: where.owner, repo: where.repo, ref, sha });
    return true;
  } catch (error) {
    if (httpStatus(error) === 422 && /already exists/i.test(githubMessage(error))) return false;
    throw githubError(error, `creating ${ref}`, `${where.owner}/${where.repo}`);
  }
}

// app/gate/gate-lock-refs.ts
import { createHash as createHash3 } from "node:crypto";

// core/github/prune-gate-locks.ts
var GATE_LOCK_PREFIX = "refs/snapgate/checks/";
var DAY_MS3 = 24 * 60 * 60 * 1e3;

// app/gate/gate-lock-refs.ts
var GATE_LOCK_MIDNIGHT_MS = 10 * 60 * 1e3;
var DAY_MS4 = 24 * 60 * 60 * 1e3;
function day(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}
function gateLockRefs(key, now) {
  const hash = createHash3("sha256").update([key.source.toLowerCase(), key.headSha, key.checkName, key.deliveryId ?? ""].join("\n")).digest("hex").slice(0, 24);
  const name = `${key.headSha}-${hash}`;
  const ms = now.getTime();
  const intoDay = (ms % DAY_MS4 + DAY_MS4) % DAY_MS4;
  const days = intoDay < GATE_LOCK_MIDNIGHT_MS ? [day(ms - DAY_MS4), day(ms)] : DAY_MS4 - intoDay <= GATE_LOCK_MIDNIGHT_MS ? [day(ms), day(ms + DAY_MS4)] : [day(ms)];
  return days.map((d) => `${GATE_LOCK_PREFIX}${d}/${name}`);
}

// app/gate/open-gate-lock.ts
function openGateLock(event, place) {
  if (place === null) {
    return async (_key, run) => {
      await run();
      return true;
    };
  }
  let opened;
  const open = () => opened ??= (async () => {
    try {
      const client = await event.clientFor(place.owner, place.repo);
      const head = place.head ?? (await client.rest.git.getRef({
        owner: place.owner,
        repo: place.repo,
        ref: `heads/${place.branch}`
      }).catch((error) => {
        throw githubError(
          error,
          `reading ${place.branch}'s head for the gate's lock`,
          `${place.owner}/${place.repo}`
        );
      })).data.object.sha;
      return { client, head };
    } catch (error) {
      unlocked(event, place, error);
      return null;
    }
  })();
  return async (key, run) => {
    const target = await open();
    if (target === null) {
      await run();
      return true;
    }
    const refs = gateLockRefs({ ...key, source: `${event.owner}/${event.repo}` }, event.now);
    const created = [];
    for (const ref of refs) {
      let mine;
      try {
        mine = await claimRef(target.client, place, ref, target.head);
      } catch (error) {
        unlocked(event, place, error);
        break;
      }
      if (!mine) {
        event.log.info(
          `${key.checkName} on ${event.owner}/${event.repo}@${key.headSha.slice(0, 12)}: another instance holds ${ref}, it posts`
        );
        return false;
      }
      created.push(ref);
    }
    try {
      await run();
    } catch (error) {
      await Promise.allSettled(
        created.map(
          (ref) => target.client.rest.git.deleteRef({
            owner: place.owner,
            repo: place.repo,
            ref: ref.slice("refs/".length)
          })
        )
      );
      throw error;
    }
    return true;
  };
}
function unlocked(event, place, error) {
  if (!isSnapgateError(error)) throw error;
  event.log.warn(
    `the gate's lock in ${place.owner}/${place.repo} cannot be taken (${error.message} ${error.fix ?? ""}); posting without it: another app instance may post the same check run`
  );
}

// app/gate/post-once.ts
async function postOnce(event, target, environment, runs, claim2, post) {
  const name = gateCheckName(environment);
  const key = `${event.owner}/${event.repo}@${target.headSha}:${name}`.toLowerCase();
  await event.ledger.exclusive(key, async (postedHere) => {
    const existing = [
      ...runs.filter((run) => run.name === name).map((run) => run.externalId),
      ...postedHere
    ];
    if (existing.includes(event.deliveryId)) return null;
    if (target.mode === "first" && existing.length > 0) return null;
    const posted = await claim2(
      {
        headSha: target.headSha,
        checkName: name,
        deliveryId: target.mode === "again" ? event.deliveryId : null
      },
      async () => void await post()
    );
    return posted ? event.deliveryId : null;
  });
}

// core/gate/render-gate-markdown.ts
var STATE_LABEL = { pass: "\u2705 pass", fail: "\u274C fail", unknown: "\u26A0\uFE0F unknown" };
function renderGateMarkdown(decision) {
  const lines = [
    `### Snapgate / config backup (${decision.environment}): ${decision.conclusion === "success" ? "\u2705 success" : "\u274C failure"}`,
    "",
    cell(decision.summary),
    "",
    "| Condition | State | Detail | Fix |",
    "| --- | --- | --- | --- |",
    ...decision.conditions.map(
      (condition) => `| ${condition.name} | ${STATE_LABEL[condition.state]} | ${cell(condition.detail)} | ${cell(condition.fix ?? "")} |`
    )
  ];
  return `${lines.join("\n")}
`;
}
function cell(text2) {
  return text2.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\r?\n/g, "<br>");
}

// core/gate/gate-check-output.ts
var MAX_ANNOTATIONS = 50;
var MAX_OUTPUT_CHARS = 65e3;
function clip(text2) {
  return text2.length <= MAX_OUTPUT_CHARS ? text2 : `${text2.slice(0, MAX_OUTPUT_CHARS)}

(cut: the full list is in \`snapgate check\`)
`;
}
function gateCheckOutput(decision, details = []) {
  const annotations = [];
  for (const condition of decision.conditions) {
    if (condition.state === "pass") continue;
    for (const location of condition.locations ?? []) {
      if (location.file.includes(":")) continue;
      annotations.push({
        path: location.file,
        start_line: location.line ?? 1,
        end_line: location.line ?? 1,
        annotation_level: "failure",
        title: "Invalid Snapgate policy (read from the default branch)",
        message: location.message
      });
    }
    if (condition.name === "coverage") {
      for (const path of condition.paths ?? []) {
        annotations.push({
          path,
          start_line: 1,
          end_line: 1,
          annotation_level: "failure",
          title: "Tier-0 file in no component",
          message: `${path} is tier-0 but belongs to no component of the policy and no active exception. ${condition.fix ?? ""}`.trim()
        });
      }
    }
  }
  return {
    title: decision.summary,
    summary: clip(renderGateMarkdown(decision)),
    ...details.length > 0 ? { text: clip(details.join("\n")) } : {},
    annotations: annotations.slice(0, MAX_ANNOTATIONS)
  };
}

// app/gate/post-gate-check.ts
var SNAPSHOT_NOW_ACTION = {
  label: "Snapshot now",
  description: "Dispatch the snapshot workflow",
  identifier: "snapshot-now"
};
async function postGateCheck(event, headSha, environment, decision, details, snapshotWorkflow = null) {
  const response = await event.octokit.rest.checks.create({
    owner: event.owner,
    repo: event.repo,
    name: gateCheckName(environment),
    head_sha: headSha,
    external_id: event.deliveryId,
    status: "completed",
    conclusion: decision.conclusion,
    completed_at: event.now.toISOString(),
    output: gateCheckOutput(decision, details),
    ...snapshotWorkflow !== null && decision.conditions.some((condition) => condition.state !== "pass" && condition.name !== "lock") ? { actions: [SNAPSHOT_NOW_ACTION] } : {}
  });
  event.log.info(
    `${gateCheckName(environment)} on ${event.owner}/${event.repo}@${headSha.slice(0, 12)}: ${decision.conclusion}`
  );
  return response.data.id;
}

// app/gate/evaluate-gates.ts
var ALL_ENVIRONMENTS = "all environments";
async function evaluateGates(event, target) {
  const decided = `Decided at ${event.now.toISOString()} for ${target.reason} (delivery ${event.deliveryId}).`;
  let context;
  try {
    context = await readGateContext(event.octokit, {
      owner: event.owner,
      repo: event.repo,
      headSha: target.headSha,
      appId: event.appId
    });
  } catch (error) {
    if (target.environment === void 0 && !target.reportPolicyProblems) {
      event.log.warn(`${event.owner}/${event.repo}: ${String(error)}`);
      return;
    }
    const name = target.environment ?? null;
    await postOnce(
      event,
      target,
      name,
      [],
      openGateLock(event, null),
      async () => postGateCheck(
        event,
        target.headSha,
        name,
        policyReadErrorDecision(name ?? ALL_ENVIRONMENTS, error),
        [decided]
      )
    );
    return;
  }
  if (!context.hasPolicy && target.environment === void 0) {
    event.log.info(`${event.owner}/${event.repo} has no Snapgate policy: nothing to gate`);
    return;
  }
  const policyRead = `The policy is read from the default branch${context.defaultBranch ? ` (${context.defaultBranch})` : ""} only: a pull request cannot change its own gate.`;
  let policy;
  try {
    policy = await loadPolicy(context.policySource, { owner: event.owner, repo: event.repo });
  } catch (error) {
    const name = target.environment ?? null;
    if (name === null && !target.reportPolicyProblems) return;
    await postOnce(
      event,
      target,
      name,
      context.checkRuns,
      openGateLock(event, null),
      async () => postGateCheck(
        event,
        target.headSha,
        name,
        policyErrorDecision(name ?? ALL_ENVIRONMENTS, error),
        [decided, policyRead]
      )
    );
    return;
  }
  const environments = typeof target.environment === "string" ? [target.environment] : [...new Set(target.branches.flatMap((branch) => gatedEnvironments(policy, branch)))];
  const skipped = new Set(target.skipEnvironments?.(policy) ?? []);
  const claim2 = openGateLock(event, lockPlace(event, policy));
  const posts = environments.filter((environment) => !skipped.has(environment)).map(
    (environment) => postOnce(event, target, environment, context.checkRuns, claim2, async () => {
      const decision = await decideEnvironment(policy, environment, {
        ...event,
        gatedOwner: event.owner
      });
      const backup = policy.backup ? `Backup repository: ${policy.backup.repository}@${policy.backup.branch}.` : "No backup repository in the policy.";
      return postGateCheck(
        event,
        target.headSha,
        environment,
        decision,
        [decided, `Policy: ${policy.sources.join(" extends ")}. ${policyRead}`, backup],
        policy.environments[environment]?.snapshotWorkflow ?? null
      );
    })
  );
  if (target.environment === null) {
    posts.push(
      postOnce(
        event,
        target,
        null,
        context.checkRuns,
        claim2,
        async () => postGateCheck(event, target.headSha, null, policyLoadsDecision(policy), [
          decided,
          policyRead
        ])
      )
    );
  }
  await Promise.all(posts);
}
function lockPlace(event, policy) {
  const backup = policy.backup;
  if (!backup) return null;
  const [owner = "", repo = ""] = backup.repository.split("/");
  if (!mayUseBackup(event.owner, owner, event.backupAccounts)) return null;
  return { owner, repo, branch: backup.branch };
}
function policyLoadsDecision(policy) {
  return {
    environment: ALL_ENVIRONMENTS,
    conclusion: "success",
    summary: "The policy loads; each environment has its own check run.",
    conditions: [
      {
        name: "policy",
        state: "pass",
        detail: `Read from ${policy.sources.join(", ")}.`,
        fix: null
      }
    ]
  };
}

// app/handlers/check-run.ts
async function onCheckRunRerequested(context, event) {
  const run = context.payload.check_run;
  const environment = environmentOfCheckName(run.name);
  if (environment === void 0) return;
  await evaluateGates(event, {
    headSha: run.head_sha,
    branches: [
      ...run.check_suite.head_branch ? [run.check_suite.head_branch] : [],
      ...run.pull_requests.map((pull) => pull.base.ref)
    ],
    environment,
    mode: "again",
    reportPolicyProblems: true,
    reason: `a re-run of check run ${run.id}`
  });
}

// app/handlers/check-suite.ts
async function onCheckSuite(context, event) {
  const { action, check_suite: suite, repository } = context.payload;
  if (action === "requested") return;
  const bases = suite.pull_requests.map((pull) => pull.base.ref);
  await evaluateGates(event, {
    headSha: suite.head_sha,
    branches: [...suite.head_branch ? [suite.head_branch] : [], ...bases],
    mode: "again",
    reportPolicyProblems: bases.length > 0 || suite.head_branch === repository.default_branch,
    reason: `check suite ${suite.id} (${action})`
  });
}

// core/gate/render-gate-comment.ts
var MAX_COMMENT_CHARS = 4e3;
function renderGateComment(decision) {
  const lines = [
    `Snapgate / config backup (${decision.environment}): ${decision.conclusion === "success" ? "approved" : "rejected"}. ${decision.summary}`
  ];
  for (const condition of decision.conditions) {
    if (condition.state === "pass") continue;
    lines.push(
      `- ${condition.name} (${condition.state}): ${condition.detail.replace(/\s*\n\s*/g, " ")}${condition.fix ? ` Fix: ${condition.fix}` : ""}`
    );
  }
  const text2 = lines.join("\n");
  return text2.length <= MAX_COMMENT_CHARS ? text2 : `${text2.slice(0, MAX_COMMENT_CHARS - 1)}\u2026`;
}

// core/generated/request-validator.ts
import __ajvRuntime05 from "ajv/dist/runtime/ucs2length.js";
import __ajvRuntime15 from "ajv-formats/dist/formats.js";
var request_validator_default = validate205;
var schema315 = { "$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://snapgate.dev/schemas/request.schema.json", "title": "Snapgate request record (snapgate.request/v1)", "description": "requests/<id>.json in the store: a restore or forget request and the approvals it gathered. Each approval carries the request digest, which binds it to the action, the environment, exactly these snapshots (and paths), the policy digest, the requester and the expiry.", "type": "object", "additionalProperties": false, "required": ["format", "id", "action", "subject", "digest", "requester", "createdAt", "expiresAt", "approvals", "state"], "properties": { "format": { "const": "snapgate.request/v1" }, "id": { "$ref": "#/$defs/requestId" }, "action": { "enum": ["forget", "restore"] }, "subject": { "type": "object", "additionalProperties": false, "required": ["environment", "snapshots", "policyDigest"], "properties": { "environment": { "type": "string", "pattern": "^[a-z0-9][a-z0-9._-]{0,62}$" }, "snapshots": { "type": "array", "minItems": 1, "maxItems": 1e4, "uniqueItems": true, "items": { "type": "string", "pattern": "^[0-9a-f]{64}$" } }, "paths": { "description": "Restore only: globs of the paths to restore; absent = every path.", "type": "array", "items": { "type": "string", "minLength": 1, "maxLength": 1e3 } }, "policyDigest": { "oneOf": [{ "type": "null" }, { "$ref": "#/$defs/digest" }] } } }, "digest": { "$ref": "#/$defs/digest" }, "requester": { "$ref": "#/$defs/user" }, "reason": { "type": "string", "maxLength": 2e3 }, "createdAt": { "type": "string", "format": "date-time" }, "expiresAt": { "type": "string", "format": "date-time" }, "approvals": { "type": "array", "maxItems": 100, "items": { "type": "object", "additionalProperties": false, "required": ["user", "at", "digest"], "properties": { "user": { "$ref": "#/$defs/user" }, "at": { "type": "string", "format": "date-time" }, "digest": { "$ref": "#/$defs/digest" } } } }, "signature": { "description": "The Snapgate App's Ed25519 signature of the canonical JSON (RFC 8785) of the record without this field. The CLI and the restore action accept a record only when the key is one of the policy's keys.app.", "type": "object", "additionalProperties": false, "required": ["alg", "key", "value"], "properties": { "alg": { "const": "ed25519" }, "key": { "type": "string", "pattern": "^sga1[02-9ac-hj-np-z]{58}$" }, "value": { "type": "string", "pattern": "^[A-Za-z0-9+/]{86}==$" } } }, "state": { "enum": ["pending", "approved", "denied", "cancelled", "expired", "executed"] } }, "$defs": { "requestId": { "type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$" }, "digest": { "type": "string", "pattern": "^sha256:[0-9a-f]{64}$" }, "user": { "description": "A GitHub user: the numeric id is the identity (logins can be renamed).", "type": "object", "additionalProperties": false, "required": ["id", "login"], "properties": { "id": { "type": "integer", "minimum": 1 }, "login": { "type": "string", "pattern": "^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(\\[bot\\])?$" } } } } };
var schema324 = { "type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$" };
var schema334 = { "type": "string", "pattern": "^sha256:[0-9a-f]{64}$" };
var schema352 = { "description": "A GitHub user: the numeric id is the identity (logins can be renamed).", "type": "object", "additionalProperties": false, "required": ["id", "login"], "properties": { "id": { "type": "integer", "minimum": 1 }, "login": { "type": "string", "pattern": "^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(\\[bot\\])?$" } } };
var func15 = Object.prototype.hasOwnProperty;
var func24 = __ajvRuntime05.default;
var pattern47 = new RegExp("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$", "u");
var pattern56 = new RegExp("^[a-z0-9][a-z0-9._-]{0,62}$", "u");
var pattern63 = new RegExp("^[0-9a-f]{64}$", "u");
var pattern74 = new RegExp("^sha256:[0-9a-f]{64}$", "u");
var pattern9 = new RegExp("^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(\\[bot\\])?$", "u");
var pattern12 = new RegExp("^sga1[02-9ac-hj-np-z]{58}$", "u");
var pattern133 = new RegExp("^[A-Za-z0-9+/]{86}==$", "u");
var formats05 = __ajvRuntime15.fullFormats["date-time"];
function validate205(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate205.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.format === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "format" }, message: "must have required property 'format'", schema: schema315.required, parentSchema: schema315, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.id === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "id" }, message: "must have required property 'id'", schema: schema315.required, parentSchema: schema315, data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.action === void 0) {
      const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "action" }, message: "must have required property 'action'", schema: schema315.required, parentSchema: schema315, data };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    if (data.subject === void 0) {
      const err3 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "subject" }, message: "must have required property 'subject'", schema: schema315.required, parentSchema: schema315, data };
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
    if (data.digest === void 0) {
      const err4 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "digest" }, message: "must have required property 'digest'", schema: schema315.required, parentSchema: schema315, data };
      if (vErrors === null) {
        vErrors = [err4];
      } else {
        vErrors.push(err4);
      }
      errors++;
    }
    if (data.requester === void 0) {
      const err5 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "requester" }, message: "must have required property 'requester'", schema: schema315.required, parentSchema: schema315, data };
      if (vErrors === null) {
        vErrors = [err5];
      } else {
        vErrors.push(err5);
      }
      errors++;
    }
    if (data.createdAt === void 0) {
      const err6 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "createdAt" }, message: "must have required property 'createdAt'", schema: schema315.required, parentSchema: schema315, data };
      if (vErrors === null) {
        vErrors = [err6];
      } else {
        vErrors.push(err6);
      }
      errors++;
    }
    if (data.expiresAt === void 0) {
      const err7 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "expiresAt" }, message: "must have required property 'expiresAt'", schema: schema315.required, parentSchema: schema315, data };
      if (vErrors === null) {
        vErrors = [err7];
      } else {
        vErrors.push(err7);
      }
      errors++;
    }
    if (data.approvals === void 0) {
      const err8 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "approvals" }, message: "must have required property 'approvals'", schema: schema315.required, parentSchema: schema315, data };
      if (vErrors === null) {
        vErrors = [err8];
      } else {
        vErrors.push(err8);
      }
      errors++;
    }
    if (data.state === void 0) {
      const err9 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "state" }, message: "must have required property 'state'", schema: schema315.required, parentSchema: schema315, data };
      if (vErrors === null) {
        vErrors = [err9];
      } else {
        vErrors.push(err9);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!func15.call(schema315.properties, key0)) {
        const err10 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema315, data };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
    }
    if (data.format !== void 0) {
      let data0 = data.format;
      if ("snapgate.request/v1" !== data0) {
        const err11 = { instancePath: instancePath + "/format", schemaPath: "#/properties/format/const", keyword: "const", params: { allowedValue: "snapgate.request/v1" }, message: "must be equal to constant", schema: "snapgate.request/v1", parentSchema: schema315.properties.format, data: data0 };
        if (vErrors === null) {
          vErrors = [err11];
        } else {
          vErrors.push(err11);
        }
        errors++;
      }
    }
    if (data.id !== void 0) {
      let data1 = data.id;
      if (typeof data1 === "string") {
        if (!pattern47.test(data1)) {
          const err12 = { instancePath: instancePath + "/id", schemaPath: "#/$defs/requestId/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$" }, message: 'must match pattern "^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$"', schema: "^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$", parentSchema: schema324, data: data1 };
          if (vErrors === null) {
            vErrors = [err12];
          } else {
            vErrors.push(err12);
          }
          errors++;
        }
      } else {
        const err13 = { instancePath: instancePath + "/id", schemaPath: "#/$defs/requestId/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema324.type, parentSchema: schema324, data: data1 };
        if (vErrors === null) {
          vErrors = [err13];
        } else {
          vErrors.push(err13);
        }
        errors++;
      }
    }
    if (data.action !== void 0) {
      let data2 = data.action;
      if (!(data2 === "forget" || data2 === "restore")) {
        const err14 = { instancePath: instancePath + "/action", schemaPath: "#/properties/action/enum", keyword: "enum", params: { allowedValues: schema315.properties.action.enum }, message: "must be equal to one of the allowed values", schema: schema315.properties.action.enum, parentSchema: schema315.properties.action, data: data2 };
        if (vErrors === null) {
          vErrors = [err14];
        } else {
          vErrors.push(err14);
        }
        errors++;
      }
    }
    if (data.subject !== void 0) {
      let data3 = data.subject;
      if (data3 && typeof data3 == "object" && !Array.isArray(data3)) {
        if (data3.environment === void 0) {
          const err15 = { instancePath: instancePath + "/subject", schemaPath: "#/properties/subject/required", keyword: "required", params: { missingProperty: "environment" }, message: "must have required property 'environment'", schema: schema315.properties.subject.required, parentSchema: schema315.properties.subject, data: data3 };
          if (vErrors === null) {
            vErrors = [err15];
          } else {
            vErrors.push(err15);
          }
          errors++;
        }
        if (data3.snapshots === void 0) {
          const err16 = { instancePath: instancePath + "/subject", schemaPath: "#/properties/subject/required", keyword: "required", params: { missingProperty: "snapshots" }, message: "must have required property 'snapshots'", schema: schema315.properties.subject.required, parentSchema: schema315.properties.subject, data: data3 };
          if (vErrors === null) {
            vErrors = [err16];
          } else {
            vErrors.push(err16);
          }
          errors++;
        }
        if (data3.policyDigest === void 0) {
          const err17 = { instancePath: instancePath + "/subject", schemaPath: "#/properties/subject/required", keyword: "required", params: { missingProperty: "policyDigest" }, message: "must have required property 'policyDigest'", schema: schema315.properties.subject.required, parentSchema: schema315.properties.subject, data: data3 };
          if (vErrors === null) {
            vErrors = [err17];
          } else {
            vErrors.push(err17);
          }
          errors++;
        }
        for (const key1 in data3) {
          if (!(key1 === "environment" || key1 === "snapshots" || key1 === "paths" || key1 === "policyDigest")) {
            const err18 = { instancePath: instancePath + "/subject", schemaPath: "#/properties/subject/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties", schema: false, parentSchema: schema315.properties.subject, data: data3 };
            if (vErrors === null) {
              vErrors = [err18];
            } else {
              vErrors.push(err18);
            }
            errors++;
          }
        }
        if (data3.environment !== void 0) {
          let data4 = data3.environment;
          if (typeof data4 === "string") {
            if (!pattern56.test(data4)) {
              const err19 = { instancePath: instancePath + "/subject/environment", schemaPath: "#/properties/subject/properties/environment/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9][a-z0-9._-]{0,62}$" }, message: 'must match pattern "^[a-z0-9][a-z0-9._-]{0,62}$"', schema: "^[a-z0-9][a-z0-9._-]{0,62}$", parentSchema: schema315.properties.subject.properties.environment, data: data4 };
              if (vErrors === null) {
                vErrors = [err19];
              } else {
                vErrors.push(err19);
              }
              errors++;
            }
          } else {
            const err20 = { instancePath: instancePath + "/subject/environment", schemaPath: "#/properties/subject/properties/environment/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema315.properties.subject.properties.environment.type, parentSchema: schema315.properties.subject.properties.environment, data: data4 };
            if (vErrors === null) {
              vErrors = [err20];
            } else {
              vErrors.push(err20);
            }
            errors++;
          }
        }
        if (data3.snapshots !== void 0) {
          let data5 = data3.snapshots;
          if (Array.isArray(data5)) {
            if (data5.length > 1e4) {
              const err21 = { instancePath: instancePath + "/subject/snapshots", schemaPath: "#/properties/subject/properties/snapshots/maxItems", keyword: "maxItems", params: { limit: 1e4 }, message: "must NOT have more than 10000 items", schema: 1e4, parentSchema: schema315.properties.subject.properties.snapshots, data: data5 };
              if (vErrors === null) {
                vErrors = [err21];
              } else {
                vErrors.push(err21);
              }
              errors++;
            }
            if (data5.length < 1) {
              const err22 = { instancePath: instancePath + "/subject/snapshots", schemaPath: "#/properties/subject/properties/snapshots/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema315.properties.subject.properties.snapshots, data: data5 };
              if (vErrors === null) {
                vErrors = [err22];
              } else {
                vErrors.push(err22);
              }
              errors++;
            }
            const len0 = data5.length;
            for (let i0 = 0; i0 < len0; i0++) {
              let data6 = data5[i0];
              if (typeof data6 === "string") {
                if (!pattern63.test(data6)) {
                  const err23 = { instancePath: instancePath + "/subject/snapshots/" + i0, schemaPath: "#/properties/subject/properties/snapshots/items/pattern", keyword: "pattern", params: { pattern: "^[0-9a-f]{64}$" }, message: 'must match pattern "^[0-9a-f]{64}$"', schema: "^[0-9a-f]{64}$", parentSchema: schema315.properties.subject.properties.snapshots.items, data: data6 };
                  if (vErrors === null) {
                    vErrors = [err23];
                  } else {
                    vErrors.push(err23);
                  }
                  errors++;
                }
              } else {
                const err24 = { instancePath: instancePath + "/subject/snapshots/" + i0, schemaPath: "#/properties/subject/properties/snapshots/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema315.properties.subject.properties.snapshots.items.type, parentSchema: schema315.properties.subject.properties.snapshots.items, data: data6 };
                if (vErrors === null) {
                  vErrors = [err24];
                } else {
                  vErrors.push(err24);
                }
                errors++;
              }
            }
            let i1 = data5.length;
            let j0;
            if (i1 > 1) {
              const indices0 = {};
              for (; i1--; ) {
                let item0 = data5[i1];
                if (typeof item0 !== "string") {
                  continue;
                }
                if (typeof indices0[item0] == "number") {
                  j0 = indices0[item0];
                  const err25 = { instancePath: instancePath + "/subject/snapshots", schemaPath: "#/properties/subject/properties/snapshots/uniqueItems", keyword: "uniqueItems", params: { i: i1, j: j0 }, message: "must NOT have duplicate items (items ## " + j0 + " and " + i1 + " are identical)", schema: true, parentSchema: schema315.properties.subject.properties.snapshots, data: data5 };
                  if (vErrors === null) {
                    vErrors = [err25];
                  } else {
                    vErrors.push(err25);
                  }
                  errors++;
                  break;
                }
                indices0[item0] = i1;
              }
            }
          } else {
            const err26 = { instancePath: instancePath + "/subject/snapshots", schemaPath: "#/properties/subject/properties/snapshots/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema315.properties.subject.properties.snapshots.type, parentSchema: schema315.properties.subject.properties.snapshots, data: data5 };
            if (vErrors === null) {
              vErrors = [err26];
            } else {
              vErrors.push(err26);
            }
            errors++;
          }
        }
        if (data3.paths !== void 0) {
          let data7 = data3.paths;
          if (Array.isArray(data7)) {
            const len1 = data7.length;
            for (let i2 = 0; i2 < len1; i2++) {
              let data8 = data7[i2];
              if (typeof data8 === "string") {
                if (func24(data8) > 1e3) {
                  const err27 = { instancePath: instancePath + "/subject/paths/" + i2, schemaPath: "#/properties/subject/properties/paths/items/maxLength", keyword: "maxLength", params: { limit: 1e3 }, message: "must NOT have more than 1000 characters", schema: 1e3, parentSchema: schema315.properties.subject.properties.paths.items, data: data8 };
                  if (vErrors === null) {
                    vErrors = [err27];
                  } else {
                    vErrors.push(err27);
                  }
                  errors++;
                }
                if (func24(data8) < 1) {
                  const err28 = { instancePath: instancePath + "/subject/paths/" + i2, schemaPath: "#/properties/subject/properties/paths/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema315.properties.subject.properties.paths.items, data: data8 };
                  if (vErrors === null) {
                    vErrors = [err28];
                  } else {
                    vErrors.push(err28);
                  }
                  errors++;
                }
              } else {
                const err29 = { instancePath: instancePath + "/subject/paths/" + i2, schemaPath: "#/properties/subject/properties/paths/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema315.properties.subject.properties.paths.items.type, parentSchema: schema315.properties.subject.properties.paths.items, data: data8 };
                if (vErrors === null) {
                  vErrors = [err29];
                } else {
                  vErrors.push(err29);
                }
                errors++;
              }
            }
          } else {
            const err30 = { instancePath: instancePath + "/subject/paths", schemaPath: "#/properties/subject/properties/paths/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema315.properties.subject.properties.paths.type, parentSchema: schema315.properties.subject.properties.paths, data: data7 };
            if (vErrors === null) {
              vErrors = [err30];
            } else {
              vErrors.push(err30);
            }
            errors++;
          }
        }
        if (data3.policyDigest !== void 0) {
          let data9 = data3.policyDigest;
          const _errs21 = errors;
          let valid8 = false;
          let passing0 = null;
          const _errs22 = errors;
          if (data9 !== null) {
            const err31 = { instancePath: instancePath + "/subject/policyDigest", schemaPath: "#/properties/subject/properties/policyDigest/oneOf/0/type", keyword: "type", params: { type: "null" }, message: "must be null", schema: schema315.properties.subject.properties.policyDigest.oneOf[0].type, parentSchema: schema315.properties.subject.properties.policyDigest.oneOf[0], data: data9 };
            if (vErrors === null) {
              vErrors = [err31];
            } else {
              vErrors.push(err31);
            }
            errors++;
          }
          var _valid0 = _errs22 === errors;
          if (_valid0) {
            valid8 = true;
            passing0 = 0;
          }
          const _errs24 = errors;
          if (typeof data9 === "string") {
            if (!pattern74.test(data9)) {
              const err32 = { instancePath: instancePath + "/subject/policyDigest", schemaPath: "#/$defs/digest/pattern", keyword: "pattern", params: { pattern: "^sha256:[0-9a-f]{64}$" }, message: 'must match pattern "^sha256:[0-9a-f]{64}$"', schema: "^sha256:[0-9a-f]{64}$", parentSchema: schema334, data: data9 };
              if (vErrors === null) {
                vErrors = [err32];
              } else {
                vErrors.push(err32);
              }
              errors++;
            }
          } else {
            const err33 = { instancePath: instancePath + "/subject/policyDigest", schemaPath: "#/$defs/digest/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema334.type, parentSchema: schema334, data: data9 };
            if (vErrors === null) {
              vErrors = [err33];
            } else {
              vErrors.push(err33);
            }
            errors++;
          }
          var _valid0 = _errs24 === errors;
          if (_valid0 && valid8) {
            valid8 = false;
            passing0 = [passing0, 1];
          } else {
            if (_valid0) {
              valid8 = true;
              passing0 = 1;
            }
          }
          if (!valid8) {
            const err34 = { instancePath: instancePath + "/subject/policyDigest", schemaPath: "#/properties/subject/properties/policyDigest/oneOf", keyword: "oneOf", params: { passingSchemas: passing0 }, message: "must match exactly one schema in oneOf", schema: schema315.properties.subject.properties.policyDigest.oneOf, parentSchema: schema315.properties.subject.properties.policyDigest, data: data9 };
            if (vErrors === null) {
              vErrors = [err34];
            } else {
              vErrors.push(err34);
            }
            errors++;
          } else {
            errors = _errs21;
            if (vErrors !== null) {
              if (_errs21) {
                vErrors.length = _errs21;
              } else {
                vErrors = null;
              }
            }
          }
        }
      } else {
        const err35 = { instancePath: instancePath + "/subject", schemaPath: "#/properties/subject/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema315.properties.subject.type, parentSchema: schema315.properties.subject, data: data3 };
        if (vErrors === null) {
          vErrors = [err35];
        } else {
          vErrors.push(err35);
        }
        errors++;
      }
    }
    if (data.digest !== void 0) {
      let data10 = data.digest;
      if (typeof data10 === "string") {
        if (!pattern74.test(data10)) {
          const err36 = { instancePath: instancePath + "/digest", schemaPath: "#/$defs/digest/pattern", keyword: "pattern", params: { pattern: "^sha256:[0-9a-f]{64}$" }, message: 'must match pattern "^sha256:[0-9a-f]{64}$"', schema: "^sha256:[0-9a-f]{64}$", parentSchema: schema334, data: data10 };
          if (vErrors === null) {
            vErrors = [err36];
          } else {
            vErrors.push(err36);
          }
          errors++;
        }
      } else {
        const err37 = { instancePath: instancePath + "/digest", schemaPath: "#/$defs/digest/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema334.type, parentSchema: schema334, data: data10 };
        if (vErrors === null) {
          vErrors = [err37];
        } else {
          vErrors.push(err37);
        }
        errors++;
      }
    }
    if (data.requester !== void 0) {
      let data11 = data.requester;
      if (data11 && typeof data11 == "object" && !Array.isArray(data11)) {
        if (data11.id === void 0) {
          const err38 = { instancePath: instancePath + "/requester", schemaPath: "#/$defs/user/required", keyword: "required", params: { missingProperty: "id" }, message: "must have required property 'id'", schema: schema352.required, parentSchema: schema352, data: data11 };
          if (vErrors === null) {
            vErrors = [err38];
          } else {
            vErrors.push(err38);
          }
          errors++;
        }
        if (data11.login === void 0) {
          const err39 = { instancePath: instancePath + "/requester", schemaPath: "#/$defs/user/required", keyword: "required", params: { missingProperty: "login" }, message: "must have required property 'login'", schema: schema352.required, parentSchema: schema352, data: data11 };
          if (vErrors === null) {
            vErrors = [err39];
          } else {
            vErrors.push(err39);
          }
          errors++;
        }
        for (const key2 in data11) {
          if (!(key2 === "id" || key2 === "login")) {
            const err40 = { instancePath: instancePath + "/requester", schemaPath: "#/$defs/user/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties", schema: false, parentSchema: schema352, data: data11 };
            if (vErrors === null) {
              vErrors = [err40];
            } else {
              vErrors.push(err40);
            }
            errors++;
          }
        }
        if (data11.id !== void 0) {
          let data12 = data11.id;
          if (!(typeof data12 == "number" && (!(data12 % 1) && !isNaN(data12)) && isFinite(data12))) {
            const err41 = { instancePath: instancePath + "/requester/id", schemaPath: "#/$defs/user/properties/id/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema352.properties.id.type, parentSchema: schema352.properties.id, data: data12 };
            if (vErrors === null) {
              vErrors = [err41];
            } else {
              vErrors.push(err41);
            }
            errors++;
          }
          if (typeof data12 == "number" && isFinite(data12)) {
            if (data12 < 1 || isNaN(data12)) {
              const err42 = { instancePath: instancePath + "/requester/id", schemaPath: "#/$defs/user/properties/id/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema352.properties.id, data: data12 };
              if (vErrors === null) {
                vErrors = [err42];
              } else {
                vErrors.push(err42);
              }
              errors++;
            }
          }
        }
        if (data11.login !== void 0) {
          let data13 = data11.login;
          if (typeof data13 === "string") {
            if (!pattern9.test(data13)) {
              const err43 = { instancePath: instancePath + "/requester/login", schemaPath: "#/$defs/user/properties/login/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(\\[bot\\])?$" }, message: 'must match pattern "^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(\\[bot\\])?$"', schema: "^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(\\[bot\\])?$", parentSchema: schema352.properties.login, data: data13 };
              if (vErrors === null) {
                vErrors = [err43];
              } else {
                vErrors.push(err43);
              }
              errors++;
            }
          } else {
            const err44 = { instancePath: instancePath + "/requester/login", schemaPath: "#/$defs/user/properties/login/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema352.properties.login.type, parentSchema: schema352.properties.login, data: data13 };
            if (vErrors === null) {
              vErrors = [err44];
            } else {
              vErrors.push(err44);
            }
            errors++;
          }
        }
      } else {
        const err45 = { instancePath: instancePath + "/requester", schemaPath: "#/$defs/user/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema352.type, parentSchema: schema352, data: data11 };
        if (vErrors === null) {
          vErrors = [err45];
        } else {
          vErrors.push(err45);
        }
        errors++;
      }
    }
    if (data.reason !== void 0) {
      let data14 = data.reason;
      if (typeof data14 === "string") {
        if (func24(data14) > 2e3) {
          const err46 = { instancePath: instancePath + "/reason", schemaPath: "#/properties/reason/maxLength", keyword: "maxLength", params: { limit: 2e3 }, message: "must NOT have more than 2000 characters", schema: 2e3, parentSchema: schema315.properties.reason, data: data14 };
          if (vErrors === null) {
            vErrors = [err46];
          } else {
            vErrors.push(err46);
          }
          errors++;
        }
      } else {
        const err47 = { instancePath: instancePath + "/reason", schemaPath: "#/properties/reason/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema315.properties.reason.type, parentSchema: schema315.properties.reason, data: data14 };
        if (vErrors === null) {
          vErrors = [err47];
        } else {
          vErrors.push(err47);
        }
        errors++;
      }
    }
    if (data.createdAt !== void 0) {
      let data15 = data.createdAt;
      if (typeof data15 === "string") {
        if (!formats05.validate(data15)) {
          const err48 = { instancePath: instancePath + "/createdAt", schemaPath: "#/properties/createdAt/format", keyword: "format", params: { format: "date-time" }, message: 'must match format "date-time"', schema: "date-time", parentSchema: schema315.properties.createdAt, data: data15 };
          if (vErrors === null) {
            vErrors = [err48];
          } else {
            vErrors.push(err48);
          }
          errors++;
        }
      } else {
        const err49 = { instancePath: instancePath + "/createdAt", schemaPath: "#/properties/createdAt/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema315.properties.createdAt.type, parentSchema: schema315.properties.createdAt, data: data15 };
        if (vErrors === null) {
          vErrors = [err49];
        } else {
          vErrors.push(err49);
        }
        errors++;
      }
    }
    if (data.expiresAt !== void 0) {
      let data16 = data.expiresAt;
      if (typeof data16 === "string") {
        if (!formats05.validate(data16)) {
          const err50 = { instancePath: instancePath + "/expiresAt", schemaPath: "#/properties/expiresAt/format", keyword: "format", params: { format: "date-time" }, message: 'must match format "date-time"', schema: "date-time", parentSchema: schema315.properties.expiresAt, data: data16 };
          if (vErrors === null) {
            vErrors = [err50];
          } else {
            vErrors.push(err50);
          }
          errors++;
        }
      } else {
        const err51 = { instancePath: instancePath + "/expiresAt", schemaPath: "#/properties/expiresAt/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema315.properties.expiresAt.type, parentSchema: schema315.properties.expiresAt, data: data16 };
        if (vErrors === null) {
          vErrors = [err51];
        } else {
          vErrors.push(err51);
        }
        errors++;
      }
    }
    if (data.approvals !== void 0) {
      let data17 = data.approvals;
      if (Array.isArray(data17)) {
        if (data17.length > 100) {
          const err52 = { instancePath: instancePath + "/approvals", schemaPath: "#/properties/approvals/maxItems", keyword: "maxItems", params: { limit: 100 }, message: "must NOT have more than 100 items", schema: 100, parentSchema: schema315.properties.approvals, data: data17 };
          if (vErrors === null) {
            vErrors = [err52];
          } else {
            vErrors.push(err52);
          }
          errors++;
        }
        const len2 = data17.length;
        for (let i3 = 0; i3 < len2; i3++) {
          let data18 = data17[i3];
          if (data18 && typeof data18 == "object" && !Array.isArray(data18)) {
            if (data18.user === void 0) {
              const err53 = { instancePath: instancePath + "/approvals/" + i3, schemaPath: "#/properties/approvals/items/required", keyword: "required", params: { missingProperty: "user" }, message: "must have required property 'user'", schema: schema315.properties.approvals.items.required, parentSchema: schema315.properties.approvals.items, data: data18 };
              if (vErrors === null) {
                vErrors = [err53];
              } else {
                vErrors.push(err53);
              }
              errors++;
            }
            if (data18.at === void 0) {
              const err54 = { instancePath: instancePath + "/approvals/" + i3, schemaPath: "#/properties/approvals/items/required", keyword: "required", params: { missingProperty: "at" }, message: "must have required property 'at'", schema: schema315.properties.approvals.items.required, parentSchema: schema315.properties.approvals.items, data: data18 };
              if (vErrors === null) {
                vErrors = [err54];
              } else {
                vErrors.push(err54);
              }
              errors++;
            }
            if (data18.digest === void 0) {
              const err55 = { instancePath: instancePath + "/approvals/" + i3, schemaPath: "#/properties/approvals/items/required", keyword: "required", params: { missingProperty: "digest" }, message: "must have required property 'digest'", schema: schema315.properties.approvals.items.required, parentSchema: schema315.properties.approvals.items, data: data18 };
              if (vErrors === null) {
                vErrors = [err55];
              } else {
                vErrors.push(err55);
              }
              errors++;
            }
            for (const key3 in data18) {
              if (!(key3 === "user" || key3 === "at" || key3 === "digest")) {
                const err56 = { instancePath: instancePath + "/approvals/" + i3, schemaPath: "#/properties/approvals/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key3 }, message: "must NOT have additional properties", schema: false, parentSchema: schema315.properties.approvals.items, data: data18 };
                if (vErrors === null) {
                  vErrors = [err56];
                } else {
                  vErrors.push(err56);
                }
                errors++;
              }
            }
            if (data18.user !== void 0) {
              let data19 = data18.user;
              if (data19 && typeof data19 == "object" && !Array.isArray(data19)) {
                if (data19.id === void 0) {
                  const err57 = { instancePath: instancePath + "/approvals/" + i3 + "/user", schemaPath: "#/$defs/user/required", keyword: "required", params: { missingProperty: "id" }, message: "must have required property 'id'", schema: schema352.required, parentSchema: schema352, data: data19 };
                  if (vErrors === null) {
                    vErrors = [err57];
                  } else {
                    vErrors.push(err57);
                  }
                  errors++;
                }
                if (data19.login === void 0) {
                  const err58 = { instancePath: instancePath + "/approvals/" + i3 + "/user", schemaPath: "#/$defs/user/required", keyword: "required", params: { missingProperty: "login" }, message: "must have required property 'login'", schema: schema352.required, parentSchema: schema352, data: data19 };
                  if (vErrors === null) {
                    vErrors = [err58];
                  } else {
                    vErrors.push(err58);
                  }
                  errors++;
                }
                for (const key4 in data19) {
                  if (!(key4 === "id" || key4 === "login")) {
                    const err59 = { instancePath: instancePath + "/approvals/" + i3 + "/user", schemaPath: "#/$defs/user/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key4 }, message: "must NOT have additional properties", schema: false, parentSchema: schema352, data: data19 };
                    if (vErrors === null) {
                      vErrors = [err59];
                    } else {
                      vErrors.push(err59);
                    }
                    errors++;
                  }
                }
                if (data19.id !== void 0) {
                  let data20 = data19.id;
                  if (!(typeof data20 == "number" && (!(data20 % 1) && !isNaN(data20)) && isFinite(data20))) {
                    const err60 = { instancePath: instancePath + "/approvals/" + i3 + "/user/id", schemaPath: "#/$defs/user/properties/id/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema352.properties.id.type, parentSchema: schema352.properties.id, data: data20 };
                    if (vErrors === null) {
                      vErrors = [err60];
                    } else {
                      vErrors.push(err60);
                    }
                    errors++;
                  }
                  if (typeof data20 == "number" && isFinite(data20)) {
                    if (data20 < 1 || isNaN(data20)) {
                      const err61 = { instancePath: instancePath + "/approvals/" + i3 + "/user/id", schemaPath: "#/$defs/user/properties/id/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema352.properties.id, data: data20 };
                      if (vErrors === null) {
                        vErrors = [err61];
                      } else {
                        vErrors.push(err61);
                      }
                      errors++;
                    }
                  }
                }
                if (data19.login !== void 0) {
                  let data21 = data19.login;
                  if (typeof data21 === "string") {
                    if (!pattern9.test(data21)) {
                      const err62 = { instancePath: instancePath + "/approvals/" + i3 + "/user/login", schemaPath: "#/$defs/user/properties/login/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(\\[bot\\])?$" }, message: 'must match pattern "^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(\\[bot\\])?$"', schema: "^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(\\[bot\\])?$", parentSchema: schema352.properties.login, data: data21 };
                      if (vErrors === null) {
                        vErrors = [err62];
                      } else {
                        vErrors.push(err62);
                      }
                      errors++;
                    }
                  } else {
                    const err63 = { instancePath: instancePath + "/approvals/" + i3 + "/user/login", schemaPath: "#/$defs/user/properties/login/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema352.properties.login.type, parentSchema: schema352.properties.login, data: data21 };
                    if (vErrors === null) {
                      vErrors = [err63];
                    } else {
                      vErrors.push(err63);
                    }
                    errors++;
                  }
                }
              } else {
                const err64 = { instancePath: instancePath + "/approvals/" + i3 + "/user", schemaPath: "#/$defs/user/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema352.type, parentSchema: schema352, data: data19 };
                if (vErrors === null) {
                  vErrors = [err64];
                } else {
                  vErrors.push(err64);
                }
                errors++;
              }
            }
            if (data18.at !== void 0) {
              let data22 = data18.at;
              if (typeof data22 === "string") {
                if (!formats05.validate(data22)) {
                  const err65 = { instancePath: instancePath + "/approvals/" + i3 + "/at", schemaPath: "#/properties/approvals/items/properties/at/format", keyword: "format", params: { format: "date-time" }, message: 'must match format "date-time"', schema: "date-time", parentSchema: schema315.properties.approvals.items.properties.at, data: data22 };
                  if (vErrors === null) {
                    vErrors = [err65];
                  } else {
                    vErrors.push(err65);
                  }
                  errors++;
                }
              } else {
                const err66 = { instancePath: instancePath + "/approvals/" + i3 + "/at", schemaPath: "#/properties/approvals/items/properties/at/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema315.properties.approvals.items.properties.at.type, parentSchema: schema315.properties.approvals.items.properties.at, data: data22 };
                if (vErrors === null) {
                  vErrors = [err66];
                } else {
                  vErrors.push(err66);
                }
                errors++;
              }
            }
            if (data18.digest !== void 0) {
              let data23 = data18.digest;
              if (typeof data23 === "string") {
                if (!pattern74.test(data23)) {
                  const err67 = { instancePath: instancePath + "/approvals/" + i3 + "/digest", schemaPath: "#/$defs/digest/pattern", keyword: "pattern", params: { pattern: "^sha256:[0-9a-f]{64}$" }, message: 'must match pattern "^sha256:[0-9a-f]{64}$"', schema: "^sha256:[0-9a-f]{64}$", parentSchema: schema334, data: data23 };
                  if (vErrors === null) {
                    vErrors = [err67];
                  } else {
                    vErrors.push(err67);
                  }
                  errors++;
                }
              } else {
                const err68 = { instancePath: instancePath + "/approvals/" + i3 + "/digest", schemaPath: "#/$defs/digest/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema334.type, parentSchema: schema334, data: data23 };
                if (vErrors === null) {
                  vErrors = [err68];
                } else {
                  vErrors.push(err68);
                }
                errors++;
              }
            }
          } else {
            const err69 = { instancePath: instancePath + "/approvals/" + i3, schemaPath: "#/properties/approvals/items/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema315.properties.approvals.items.type, parentSchema: schema315.properties.approvals.items, data: data18 };
            if (vErrors === null) {
              vErrors = [err69];
            } else {
              vErrors.push(err69);
            }
            errors++;
          }
        }
      } else {
        const err70 = { instancePath: instancePath + "/approvals", schemaPath: "#/properties/approvals/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema315.properties.approvals.type, parentSchema: schema315.properties.approvals, data: data17 };
        if (vErrors === null) {
          vErrors = [err70];
        } else {
          vErrors.push(err70);
        }
        errors++;
      }
    }
    if (data.signature !== void 0) {
      let data24 = data.signature;
      if (data24 && typeof data24 == "object" && !Array.isArray(data24)) {
        if (data24.alg === void 0) {
          const err71 = { instancePath: instancePath + "/signature", schemaPath: "#/properties/signature/required", keyword: "required", params: { missingProperty: "alg" }, message: "must have required property 'alg'", schema: schema315.properties.signature.required, parentSchema: schema315.properties.signature, data: data24 };
          if (vErrors === null) {
            vErrors = [err71];
          } else {
            vErrors.push(err71);
          }
          errors++;
        }
        if (data24.key === void 0) {
          const err72 = { instancePath: instancePath + "/signature", schemaPath: "#/properties/signature/required", keyword: "required", params: { missingProperty: "key" }, message: "must have required property 'key'", schema: schema315.properties.signature.required, parentSchema: schema315.properties.signature, data: data24 };
          if (vErrors === null) {
            vErrors = [err72];
          } else {
            vErrors.push(err72);
          }
          errors++;
        }
        if (data24.value === void 0) {
          const err73 = { instancePath: instancePath + "/signature", schemaPath: "#/properties/signature/required", keyword: "required", params: { missingProperty: "value" }, message: "must have required property 'value'", schema: schema315.properties.signature.required, parentSchema: schema315.properties.signature, data: data24 };
          if (vErrors === null) {
            vErrors = [err73];
          } else {
            vErrors.push(err73);
          }
          errors++;
        }
        for (const key5 in data24) {
          if (!(key5 === "alg" || key5 === "key" || key5 === "value")) {
            const err74 = { instancePath: instancePath + "/signature", schemaPath: "#/properties/signature/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key5 }, message: "must NOT have additional properties", schema: false, parentSchema: schema315.properties.signature, data: data24 };
            if (vErrors === null) {
              vErrors = [err74];
            } else {
              vErrors.push(err74);
            }
            errors++;
          }
        }
        if (data24.alg !== void 0) {
          let data25 = data24.alg;
          if ("ed25519" !== data25) {
            const err75 = { instancePath: instancePath + "/signature/alg", schemaPath: "#/properties/signature/properties/alg/const", keyword: "const", params: { allowedValue: "ed25519" }, message: "must be equal to constant", schema: "ed25519", parentSchema: schema315.properties.signature.properties.alg, data: data25 };
            if (vErrors === null) {
              vErrors = [err75];
            } else {
              vErrors.push(err75);
            }
            errors++;
          }
        }
        if (data24.key !== void 0) {
          let data26 = data24.key;
          if (typeof data26 === "string") {
            if (!pattern12.test(data26)) {
              const err76 = { instancePath: instancePath + "/signature/key", schemaPath: "#/properties/signature/properties/key/pattern", keyword: "pattern", params: { pattern: "^sga1[02-9ac-hj-np-z]{58}$" }, message: 'must match pattern "^sga1[02-9ac-hj-np-z]{58}$"', schema: "^sga1[02-9ac-hj-np-z]{58}$", parentSchema: schema315.properties.signature.properties.key, data: data26 };
              if (vErrors === null) {
                vErrors = [err76];
              } else {
                vErrors.push(err76);
              }
              errors++;
            }
          } else {
            const err77 = { instancePath: instancePath + "/signature/key", schemaPath: "#/properties/signature/properties/key/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema315.properties.signature.properties.key.type, parentSchema: schema315.properties.signature.properties.key, data: data26 };
            if (vErrors === null) {
              vErrors = [err77];
            } else {
              vErrors.push(err77);
            }
            errors++;
          }
        }
        if (data24.value !== void 0) {
          let data27 = data24.value;
          if (typeof data27 === "string") {
            if (!pattern133.test(data27)) {
              const err78 = { instancePath: instancePath + "/signature/value", schemaPath: "#/properties/signature/properties/value/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9+/]{86}==$" }, message: 'must match pattern "^[A-Za-z0-9+/]{86}==$"', schema: "^[A-Za-z0-9+/]{86}==$", parentSchema: schema315.properties.signature.properties.value, data: data27 };
              if (vErrors === null) {
                vErrors = [err78];
              } else {
                vErrors.push(err78);
              }
              errors++;
            }
          } else {
            const err79 = { instancePath: instancePath + "/signature/value", schemaPath: "#/properties/signature/properties/value/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema315.properties.signature.properties.value.type, parentSchema: schema315.properties.signature.properties.value, data: data27 };
            if (vErrors === null) {
              vErrors = [err79];
            } else {
              vErrors.push(err79);
            }
            errors++;
          }
        }
      } else {
        const err80 = { instancePath: instancePath + "/signature", schemaPath: "#/properties/signature/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema315.properties.signature.type, parentSchema: schema315.properties.signature, data: data24 };
        if (vErrors === null) {
          vErrors = [err80];
        } else {
          vErrors.push(err80);
        }
        errors++;
      }
    }
    if (data.state !== void 0) {
      let data28 = data.state;
      if (!(data28 === "pending" || data28 === "approved" || data28 === "denied" || data28 === "cancelled" || data28 === "expired" || data28 === "executed")) {
        const err81 = { instancePath: instancePath + "/state", schemaPath: "#/properties/state/enum", keyword: "enum", params: { allowedValues: schema315.properties.state.enum }, message: "must be equal to one of the allowed values", schema: schema315.properties.state.enum, parentSchema: schema315.properties.state, data: data28 };
        if (vErrors === null) {
          vErrors = [err81];
        } else {
          vErrors.push(err81);
        }
        errors++;
      }
    }
  } else {
    const err82 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema315.type, parentSchema: schema315, data };
    if (vErrors === null) {
      vErrors = [err82];
    } else {
      vErrors.push(err82);
    }
    errors++;
  }
  validate205.errors = vErrors;
  return errors === 0;
}
validate205.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };

// core/approvals/approval-request.ts
var REQUEST_FORMAT = "snapgate.request/v1";
var validator4 = new JsonSchemaValidator(
  () => request_validator_default
);
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
      fix: `Check the id; the app writes approved requests to ${requestPath(id)}.`
    });
  }
  let value;
  try {
    value = JSON.parse(Buffer.from(bytes).toString("utf8"));
  } catch {
    value = void 0;
  }
  const checked = validator4.check(value);
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
function requestDigest(request2) {
  const subject = {
    ...request2.subject,
    snapshots: [...request2.subject.snapshots].sort()
  };
  return `sha256:${sha256Hex(
    canonicalJson({
      format: request2.format,
      id: request2.id,
      action: request2.action,
      subject,
      requester: request2.requester,
      createdAt: request2.createdAt,
      expiresAt: request2.expiresAt
    })
  )}`;
}

// core/approvals/request-signature.ts
function signApprovalRequest(sodium, request2, key) {
  const signer = appSigner(sodium, key);
  const { signature: _unsigned, ...body } = request2;
  const value = sodium.crypto_sign_detached(
    new TextEncoder().encode(canonicalJson(body)),
    signer.signingSecretKey
  );
  return {
    ...body,
    signature: {
      alg: "ed25519",
      key: signer.verifyKey,
      value: Buffer.from(value).toString("base64")
    }
  };
}
function assertRequestSigned(sodium, request2, appKeys) {
  const refuse = (why, fix) => {
    throw new SnapgateError(
      "INTEGRITY",
      `Request ${request2.id} cannot be trusted: ${why}. Nothing was done.`,
      { fix, details: { request: request2.id } }
    );
  };
  const askAgain = "Do not act on it: anyone who can write the store could have made it. Ask for the request again through the Snapgate App, which signs the records it writes.";
  if (appKeys.length === 0) {
    refuse(
      "the policy lists no app key (keys.app) to check its signature with",
      "Create the app key with `snapgate keygen --app --out FILE`, give it to the Snapgate App (SNAPGATE_SIGNING_KEY), and add its verify key (sga1...) to keys.app in .github/snapgate.yml."
    );
  }
  const signature = request2.signature;
  if (!signature) refuse("it is not signed by the Snapgate App", askAgain);
  const { key, alg, value } = signature;
  if (!appKeys.includes(key)) {
    refuse(
      `it is signed by ${key.slice(0, 16)}..., which is not an app key of the policy (keys.app)`,
      askAgain
    );
  }
  const { signature: _signature, ...body } = request2;
  let valid;
  try {
    valid = alg === "ed25519" && sodium.crypto_sign_verify_detached(
      Buffer.from(value, "base64"),
      new TextEncoder().encode(canonicalJson(body)),
      parseAppVerifyKey(key)
    );
  } catch {
    valid = false;
  }
  if (!valid) refuse("its signature does not match its contents (it was altered)", askAgain);
}

// core/approvals/check-approval.ts
function checkApproval(sodium, request2, expected) {
  assertRequestSigned(sodium, request2, expected.appKeys);
  const problems = [];
  const digest = requestDigest(request2);
  if (request2.digest !== digest)
    problems.push("its digest does not match its contents (the record was altered after approval)");
  if (request2.state !== "approved") problems.push(`its state is ${request2.state}, not approved`);
  if (request2.action !== expected.action)
    problems.push(`it asks to ${request2.action}, not to ${expected.action}`);
  if (request2.subject.environment !== expected.environment)
    problems.push(
      `it is for environment ${request2.subject.environment}, not ${expected.environment}`
    );
  const asked = new Set(request2.subject.snapshots);
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
    const askedPaths = new Set(request2.subject.paths ?? []);
    const wantedPaths = new Set(expected.paths);
    const same = askedPaths.size === wantedPaths.size && [...wantedPaths].every((path) => askedPaths.has(path));
    if (!same)
      problems.push(`it covers ${describePaths(askedPaths)}, not ${describePaths(wantedPaths)}`);
  }
  if (request2.subject.policyDigest !== expected.policyDigest)
    problems.push("it was approved under another version of the policy");
  const created = Date.parse(request2.createdAt);
  const expires = Date.parse(request2.expiresAt);
  const now = expected.now.getTime();
  if (!(now < expires)) problems.push(`it expired at ${request2.expiresAt}`);
  if (now < created) problems.push(`it was created in the future (${request2.createdAt})`);
  const counted = /* @__PURE__ */ new Map();
  for (const approval of request2.approvals) {
    const at = Date.parse(approval.at);
    if (approval.user.id === request2.requester.id) continue;
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
      `Request ${request2.id} does not allow this ${expected.action}: ${problems.join("; ")}.`,
      {
        fix: `Ask for a new ${expected.action} request through the app for exactly these snapshots, and have it approved by ${expected.requiredApprovals} other people.`,
        details: { request: request2.id, problems }
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

// core/approvals/decide-restore-release.ts
function decideRestoreRelease(facts) {
  const { run, dispatch: dispatch2, request: request2 } = facts;
  const reasons = [];
  if (run.attempt > 1)
    reasons.push(
      `this is attempt ${run.attempt} of run ${run.id}: a re-run never gets the restore identity (a request runs once; ask for a new one)`
    );
  if (typeof dispatch2 === "string") {
    reasons.push(dispatch2);
    return { answer: "rejected", reasons, requestId: null };
  }
  if (dispatch2 === null) {
    const bot = run.triggeringActor.type === "Bot";
    if (bot && run.event === "workflow_dispatch" && reasons.length === 0)
      return { answer: "wait", reasons: [], requestId: null };
    reasons.push(
      `run ${run.id} (${run.event} by @${run.triggeringActor.login}) is not a run the Snapgate App dispatched for an approved request: a manual dispatch never gets the restore identity; ask with \`/snapgate restore\``
    );
    return { answer: "rejected", reasons, requestId: null };
  }
  const id = dispatch2.request;
  if (run.path !== `.github/workflows/${dispatch2.workflow}`)
    reasons.push(`run ${run.id} is of ${run.path}, not of the dispatched ${dispatch2.workflow}`);
  if (request2 === null) reasons.push(`there is no request ${id}`);
  else {
    if (request2.digest !== dispatch2.digest)
      reasons.push(`request ${id} is not the request the run was dispatched for (digest differs)`);
    if (request2.run?.id !== run.id)
      reasons.push(
        request2.run?.id ? `request ${id} runs as run ${request2.run.id}, not as run ${run.id}` : `request ${id} was not dispatched as run ${run.id}`
      );
    else if (request2.state !== "dispatched")
      reasons.push(`request ${id} is ${request2.state}, not waiting for its run`);
  }
  if (facts.lock !== null)
    reasons.push(
      `${facts.lock.environment} is locked by @${facts.lock.by.login}${facts.lock.reason ? ` (${facts.lock.reason})` : ""}`
    );
  if (facts.executed) reasons.push(`request ${id} already ran; a request runs once`);
  if (facts.recordProblem !== null) reasons.push(facts.recordProblem);
  return { answer: reasons.length === 0 ? "approved" : "rejected", reasons, requestId: id };
}

// core/approvals/request-state-record.ts
var REQUEST_STATE_FORMAT = "snapgate.request-state/v1";
function requestStatePath(id, revision) {
  return `requests/${id}/state-${String(revision).padStart(4, "0")}.json`;
}
function signedBytes2(body) {
  return new TextEncoder().encode(canonicalJson(body));
}
function sealRequestState(sodium, request2, revision, key) {
  const signer = appSigner(sodium, key);
  const body = { format: REQUEST_STATE_FORMAT, revision, request: request2 };
  const value = sodium.crypto_sign_detached(signedBytes2(body), signer.signingSecretKey);
  const record2 = {
    ...body,
    signature: {
      alg: "ed25519",
      key: signer.verifyKey,
      value: Buffer.from(value).toString("base64")
    }
  };
  return {
    path: requestStatePath(request2.id, revision),
    bytes: new TextEncoder().encode(`${JSON.stringify(record2, null, 2)}
`)
  };
}
function openRequestState(sodium, bytes, expected, appKeys) {
  const refuse = (why) => {
    throw new SnapgateError(
      "INTEGRITY",
      `The state of request ${expected.id} (revision ${expected.revision}) cannot be trusted: ${why}.`,
      {
        fix: "Do not act on it: anyone who can write the backup repository could have made it. Ask for a new request through the Snapgate App.",
        details: { request: expected.id, revision: expected.revision }
      }
    );
  };
  let record2;
  try {
    record2 = JSON.parse(Buffer.from(bytes).toString("utf8"));
  } catch {
    return refuse("it is not JSON");
  }
  const { signature, ...body } = record2 ?? {};
  if (!signature || signature.alg !== "ed25519" || typeof signature.value !== "string")
    return refuse("it is not signed by the Snapgate App");
  if (!appKeys.includes(signature.key))
    return refuse("it is signed by a key that is not an app key of the policy (keys.app)");
  let valid;
  try {
    valid = sodium.crypto_sign_verify_detached(
      Buffer.from(signature.value, "base64"),
      signedBytes2(body),
      parseAppVerifyKey(signature.key)
    );
  } catch {
    valid = false;
  }
  if (!valid) return refuse("its signature does not match its contents (it was altered)");
  if (body.format !== REQUEST_STATE_FORMAT || body.revision !== expected.revision || body.request?.id !== expected.id)
    return refuse("it is not the revision its path names");
  return body.request;
}

// core/approvals/read-newest-request-state.ts
var REVISION = /\/state-(\d{4,})\.json$/;
async function readNewestRequestState(store, sodium, id, appKeys) {
  const revisions = (await store.listRecords(`requests/${id}/`)).map((path) => Number(REVISION.exec(path)?.[1] ?? Number.NaN)).filter((revision2) => Number.isInteger(revision2) && revision2 > 0);
  if (revisions.length === 0) return null;
  const revision = Math.max(...revisions);
  const bytes = await store.readRecord(requestStatePath(id, revision));
  if (bytes === null) return null;
  return { request: openRequestState(sodium, bytes, { id, revision }, appKeys), revision };
}

// core/approvals/request-audit-event.ts
function requestAuditEvent(type, request2, actor, deliveryId, now, details) {
  return {
    type,
    time: now,
    actor: actor === null ? { kind: "app" } : { kind: "user", login: actor.login, id: actor.id },
    subject: {
      request: request2.id,
      action: request2.action,
      environment: request2.subject.environment,
      snapshots: [...request2.subject.snapshots],
      ...request2.subject.paths ? { paths: [...request2.subject.paths] } : {}
    },
    ...details ? { details } : {},
    deliveryId,
    requestDigest: request2.digest
  };
}

// core/approvals/request-dispatch-record.ts
var REQUEST_DISPATCH_FORMAT = "snapgate.request-dispatch/v1";
function requestDispatchPath(runId) {
  return `requests/runs/${runId}.json`;
}
function signedBytes3(body) {
  return new TextEncoder().encode(canonicalJson(body));
}
function sealRequestDispatch(sodium, body, key) {
  const signer = appSigner(sodium, key);
  const unsigned = { format: REQUEST_DISPATCH_FORMAT, ...body };
  const value = sodium.crypto_sign_detached(signedBytes3(unsigned), signer.signingSecretKey);
  const record2 = {
    ...unsigned,
    signature: {
      alg: "ed25519",
      key: signer.verifyKey,
      value: Buffer.from(value).toString("base64")
    }
  };
  return {
    path: requestDispatchPath(body.run.id),
    bytes: new TextEncoder().encode(`${JSON.stringify(record2, null, 2)}
`)
  };
}
function openRequestDispatch(sodium, bytes, runId, appKeys) {
  const refuse = (why) => {
    throw new SnapgateError(
      "INTEGRITY",
      `The dispatch record of run ${runId} cannot be trusted: ${why}.`,
      {
        fix: "Do not let the run restore: anyone who can write the backup repository could have made the record. Ask for a new request through the Snapgate App.",
        details: { run: runId }
      }
    );
  };
  let record2;
  try {
    record2 = JSON.parse(Buffer.from(bytes).toString("utf8"));
  } catch {
    return refuse("it is not JSON");
  }
  const { signature, ...body } = record2 ?? {};
  if (!signature || signature.alg !== "ed25519" || typeof signature.value !== "string")
    return refuse("it is not signed by the Snapgate App");
  if (!appKeys.includes(signature.key))
    return refuse("it is signed by a key that is not an app key of the policy (keys.app)");
  let valid;
  try {
    valid = sodium.crypto_sign_verify_detached(
      Buffer.from(signature.value, "base64"),
      signedBytes3(body),
      parseAppVerifyKey(signature.key)
    );
  } catch {
    valid = false;
  }
  if (!valid) return refuse("its signature does not match its contents (it was altered)");
  if (body.format !== REQUEST_DISPATCH_FORMAT || body.run?.id !== runId)
    return refuse("it is not the record of the run its path names");
  return record2;
}

// core/generated/request-execution-validator.ts
import __ajvRuntime06 from "ajv/dist/runtime/ucs2length.js";
import __ajvRuntime16 from "ajv-formats/dist/formats.js";
var request_execution_validator_default = validate206;
var schema316 = { "$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://snapgate.dev/schemas/request-execution.schema.json", "title": "Snapgate request execution record (snapgate.request-execution/v1)", "description": "requests/<id>/execution.json: written once: by the restore action just before it restores an approved request, or by the app just before it forgets the snapshots of an approved forget request. Records are never overwritten, so a request runs once: a second run finds the record and refuses.", "type": "object", "additionalProperties": false, "required": ["format", "request", "digest", "action", "environment", "snapshot", "paths", "run", "at"], "properties": { "format": { "const": "snapgate.request-execution/v1" }, "request": { "type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$" }, "digest": { "type": "string", "pattern": "^sha256:[0-9a-f]{64}$" }, "action": { "enum": ["forget", "restore"] }, "environment": { "type": "string", "pattern": "^[a-z0-9][a-z0-9._-]{0,62}$" }, "snapshot": { "type": "string", "pattern": "^[0-9a-f]{64}$" }, "paths": { "description": "The path globs restored; empty for every path.", "type": "array", "items": { "type": "string", "minLength": 1, "maxLength": 1e3 } }, "run": { "description": "The workflow run that executed it (its URL), or null outside GitHub Actions.", "oneOf": [{ "type": "null" }, { "type": "string", "format": "uri" }] }, "at": { "type": "string", "format": "date-time" } } };
var func16 = Object.prototype.hasOwnProperty;
var func25 = __ajvRuntime06.default;
var pattern48 = new RegExp("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$", "u");
var pattern57 = new RegExp("^sha256:[0-9a-f]{64}$", "u");
var pattern64 = new RegExp("^[a-z0-9][a-z0-9._-]{0,62}$", "u");
var pattern75 = new RegExp("^[0-9a-f]{64}$", "u");
var formats06 = __ajvRuntime16.fullFormats.uri;
var formats2 = __ajvRuntime16.fullFormats["date-time"];
function validate206(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate206.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.format === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "format" }, message: "must have required property 'format'", schema: schema316.required, parentSchema: schema316, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.request === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "request" }, message: "must have required property 'request'", schema: schema316.required, parentSchema: schema316, data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.digest === void 0) {
      const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "digest" }, message: "must have required property 'digest'", schema: schema316.required, parentSchema: schema316, data };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    if (data.action === void 0) {
      const err3 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "action" }, message: "must have required property 'action'", schema: schema316.required, parentSchema: schema316, data };
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
    if (data.environment === void 0) {
      const err4 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "environment" }, message: "must have required property 'environment'", schema: schema316.required, parentSchema: schema316, data };
      if (vErrors === null) {
        vErrors = [err4];
      } else {
        vErrors.push(err4);
      }
      errors++;
    }
    if (data.snapshot === void 0) {
      const err5 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "snapshot" }, message: "must have required property 'snapshot'", schema: schema316.required, parentSchema: schema316, data };
      if (vErrors === null) {
        vErrors = [err5];
      } else {
        vErrors.push(err5);
      }
      errors++;
    }
    if (data.paths === void 0) {
      const err6 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "paths" }, message: "must have required property 'paths'", schema: schema316.required, parentSchema: schema316, data };
      if (vErrors === null) {
        vErrors = [err6];
      } else {
        vErrors.push(err6);
      }
      errors++;
    }
    if (data.run === void 0) {
      const err7 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "run" }, message: "must have required property 'run'", schema: schema316.required, parentSchema: schema316, data };
      if (vErrors === null) {
        vErrors = [err7];
      } else {
        vErrors.push(err7);
      }
      errors++;
    }
    if (data.at === void 0) {
      const err8 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "at" }, message: "must have required property 'at'", schema: schema316.required, parentSchema: schema316, data };
      if (vErrors === null) {
        vErrors = [err8];
      } else {
        vErrors.push(err8);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!func16.call(schema316.properties, key0)) {
        const err9 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema316, data };
        if (vErrors === null) {
          vErrors = [err9];
        } else {
          vErrors.push(err9);
        }
        errors++;
      }
    }
    if (data.format !== void 0) {
      let data0 = data.format;
      if ("snapgate.request-execution/v1" !== data0) {
        const err10 = { instancePath: instancePath + "/format", schemaPath: "#/properties/format/const", keyword: "const", params: { allowedValue: "snapgate.request-execution/v1" }, message: "must be equal to constant", schema: "snapgate.request-execution/v1", parentSchema: schema316.properties.format, data: data0 };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
    }
    if (data.request !== void 0) {
      let data1 = data.request;
      if (typeof data1 === "string") {
        if (!pattern48.test(data1)) {
          const err11 = { instancePath: instancePath + "/request", schemaPath: "#/properties/request/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$" }, message: 'must match pattern "^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$"', schema: "^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$", parentSchema: schema316.properties.request, data: data1 };
          if (vErrors === null) {
            vErrors = [err11];
          } else {
            vErrors.push(err11);
          }
          errors++;
        }
      } else {
        const err12 = { instancePath: instancePath + "/request", schemaPath: "#/properties/request/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema316.properties.request.type, parentSchema: schema316.properties.request, data: data1 };
        if (vErrors === null) {
          vErrors = [err12];
        } else {
          vErrors.push(err12);
        }
        errors++;
      }
    }
    if (data.digest !== void 0) {
      let data2 = data.digest;
      if (typeof data2 === "string") {
        if (!pattern57.test(data2)) {
          const err13 = { instancePath: instancePath + "/digest", schemaPath: "#/properties/digest/pattern", keyword: "pattern", params: { pattern: "^sha256:[0-9a-f]{64}$" }, message: 'must match pattern "^sha256:[0-9a-f]{64}$"', schema: "^sha256:[0-9a-f]{64}$", parentSchema: schema316.properties.digest, data: data2 };
          if (vErrors === null) {
            vErrors = [err13];
          } else {
            vErrors.push(err13);
          }
          errors++;
        }
      } else {
        const err14 = { instancePath: instancePath + "/digest", schemaPath: "#/properties/digest/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema316.properties.digest.type, parentSchema: schema316.properties.digest, data: data2 };
        if (vErrors === null) {
          vErrors = [err14];
        } else {
          vErrors.push(err14);
        }
        errors++;
      }
    }
    if (data.action !== void 0) {
      let data3 = data.action;
      if (!(data3 === "forget" || data3 === "restore")) {
        const err15 = { instancePath: instancePath + "/action", schemaPath: "#/properties/action/enum", keyword: "enum", params: { allowedValues: schema316.properties.action.enum }, message: "must be equal to one of the allowed values", schema: schema316.properties.action.enum, parentSchema: schema316.properties.action, data: data3 };
        if (vErrors === null) {
          vErrors = [err15];
        } else {
          vErrors.push(err15);
        }
        errors++;
      }
    }
    if (data.environment !== void 0) {
      let data4 = data.environment;
      if (typeof data4 === "string") {
        if (!pattern64.test(data4)) {
          const err16 = { instancePath: instancePath + "/environment", schemaPath: "#/properties/environment/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9][a-z0-9._-]{0,62}$" }, message: 'must match pattern "^[a-z0-9][a-z0-9._-]{0,62}$"', schema: "^[a-z0-9][a-z0-9._-]{0,62}$", parentSchema: schema316.properties.environment, data: data4 };
          if (vErrors === null) {
            vErrors = [err16];
          } else {
            vErrors.push(err16);
          }
          errors++;
        }
      } else {
        const err17 = { instancePath: instancePath + "/environment", schemaPath: "#/properties/environment/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema316.properties.environment.type, parentSchema: schema316.properties.environment, data: data4 };
        if (vErrors === null) {
          vErrors = [err17];
        } else {
          vErrors.push(err17);
        }
        errors++;
      }
    }
    if (data.snapshot !== void 0) {
      let data5 = data.snapshot;
      if (typeof data5 === "string") {
        if (!pattern75.test(data5)) {
          const err18 = { instancePath: instancePath + "/snapshot", schemaPath: "#/properties/snapshot/pattern", keyword: "pattern", params: { pattern: "^[0-9a-f]{64}$" }, message: 'must match pattern "^[0-9a-f]{64}$"', schema: "^[0-9a-f]{64}$", parentSchema: schema316.properties.snapshot, data: data5 };
          if (vErrors === null) {
            vErrors = [err18];
          } else {
            vErrors.push(err18);
          }
          errors++;
        }
      } else {
        const err19 = { instancePath: instancePath + "/snapshot", schemaPath: "#/properties/snapshot/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema316.properties.snapshot.type, parentSchema: schema316.properties.snapshot, data: data5 };
        if (vErrors === null) {
          vErrors = [err19];
        } else {
          vErrors.push(err19);
        }
        errors++;
      }
    }
    if (data.paths !== void 0) {
      let data6 = data.paths;
      if (Array.isArray(data6)) {
        const len0 = data6.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data7 = data6[i0];
          if (typeof data7 === "string") {
            if (func25(data7) > 1e3) {
              const err20 = { instancePath: instancePath + "/paths/" + i0, schemaPath: "#/properties/paths/items/maxLength", keyword: "maxLength", params: { limit: 1e3 }, message: "must NOT have more than 1000 characters", schema: 1e3, parentSchema: schema316.properties.paths.items, data: data7 };
              if (vErrors === null) {
                vErrors = [err20];
              } else {
                vErrors.push(err20);
              }
              errors++;
            }
            if (func25(data7) < 1) {
              const err21 = { instancePath: instancePath + "/paths/" + i0, schemaPath: "#/properties/paths/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema316.properties.paths.items, data: data7 };
              if (vErrors === null) {
                vErrors = [err21];
              } else {
                vErrors.push(err21);
              }
              errors++;
            }
          } else {
            const err22 = { instancePath: instancePath + "/paths/" + i0, schemaPath: "#/properties/paths/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema316.properties.paths.items.type, parentSchema: schema316.properties.paths.items, data: data7 };
            if (vErrors === null) {
              vErrors = [err22];
            } else {
              vErrors.push(err22);
            }
            errors++;
          }
        }
      } else {
        const err23 = { instancePath: instancePath + "/paths", schemaPath: "#/properties/paths/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema316.properties.paths.type, parentSchema: schema316.properties.paths, data: data6 };
        if (vErrors === null) {
          vErrors = [err23];
        } else {
          vErrors.push(err23);
        }
        errors++;
      }
    }
    if (data.run !== void 0) {
      let data8 = data.run;
      const _errs17 = errors;
      let valid3 = false;
      let passing0 = null;
      const _errs18 = errors;
      if (data8 !== null) {
        const err24 = { instancePath: instancePath + "/run", schemaPath: "#/properties/run/oneOf/0/type", keyword: "type", params: { type: "null" }, message: "must be null", schema: schema316.properties.run.oneOf[0].type, parentSchema: schema316.properties.run.oneOf[0], data: data8 };
        if (vErrors === null) {
          vErrors = [err24];
        } else {
          vErrors.push(err24);
        }
        errors++;
      }
      var _valid0 = _errs18 === errors;
      if (_valid0) {
        valid3 = true;
        passing0 = 0;
      }
      const _errs20 = errors;
      if (typeof data8 === "string") {
        if (!formats06(data8)) {
          const err25 = { instancePath: instancePath + "/run", schemaPath: "#/properties/run/oneOf/1/format", keyword: "format", params: { format: "uri" }, message: 'must match format "uri"', schema: "uri", parentSchema: schema316.properties.run.oneOf[1], data: data8 };
          if (vErrors === null) {
            vErrors = [err25];
          } else {
            vErrors.push(err25);
          }
          errors++;
        }
      } else {
        const err26 = { instancePath: instancePath + "/run", schemaPath: "#/properties/run/oneOf/1/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema316.properties.run.oneOf[1].type, parentSchema: schema316.properties.run.oneOf[1], data: data8 };
        if (vErrors === null) {
          vErrors = [err26];
        } else {
          vErrors.push(err26);
        }
        errors++;
      }
      var _valid0 = _errs20 === errors;
      if (_valid0 && valid3) {
        valid3 = false;
        passing0 = [passing0, 1];
      } else {
        if (_valid0) {
          valid3 = true;
          passing0 = 1;
        }
      }
      if (!valid3) {
        const err27 = { instancePath: instancePath + "/run", schemaPath: "#/properties/run/oneOf", keyword: "oneOf", params: { passingSchemas: passing0 }, message: "must match exactly one schema in oneOf", schema: schema316.properties.run.oneOf, parentSchema: schema316.properties.run, data: data8 };
        if (vErrors === null) {
          vErrors = [err27];
        } else {
          vErrors.push(err27);
        }
        errors++;
      } else {
        errors = _errs17;
        if (vErrors !== null) {
          if (_errs17) {
            vErrors.length = _errs17;
          } else {
            vErrors = null;
          }
        }
      }
    }
    if (data.at !== void 0) {
      let data9 = data.at;
      if (typeof data9 === "string") {
        if (!formats2.validate(data9)) {
          const err28 = { instancePath: instancePath + "/at", schemaPath: "#/properties/at/format", keyword: "format", params: { format: "date-time" }, message: 'must match format "date-time"', schema: "date-time", parentSchema: schema316.properties.at, data: data9 };
          if (vErrors === null) {
            vErrors = [err28];
          } else {
            vErrors.push(err28);
          }
          errors++;
        }
      } else {
        const err29 = { instancePath: instancePath + "/at", schemaPath: "#/properties/at/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema316.properties.at.type, parentSchema: schema316.properties.at, data: data9 };
        if (vErrors === null) {
          vErrors = [err29];
        } else {
          vErrors.push(err29);
        }
        errors++;
      }
    }
  } else {
    const err30 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema316.type, parentSchema: schema316, data };
    if (vErrors === null) {
      vErrors = [err30];
    } else {
      vErrors.push(err30);
    }
    errors++;
  }
  validate206.errors = vErrors;
  return errors === 0;
}
validate206.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };

// core/approvals/request-execution.ts
var REQUEST_EXECUTION_FORMAT = "snapgate.request-execution/v1";
var validator5 = new JsonSchemaValidator(
  () => request_execution_validator_default
);
function requestExecutionPath(requestId) {
  return `requests/${requestId}/execution.json`;
}
async function readRequestExecution(store, requestId) {
  const bytes = await store.readRecord(requestExecutionPath(requestId));
  if (!bytes) return null;
  try {
    const checked = validator5.check(JSON.parse(Buffer.from(bytes).toString("utf8")));
    return checked.ok ? checked.value : { damaged: true };
  } catch {
    return { damaged: true };
  }
}
async function claimRequestExecution(store, request2, execution) {
  const record2 = {
    format: REQUEST_EXECUTION_FORMAT,
    request: request2.id,
    digest: request2.digest,
    action: request2.action,
    environment: request2.subject.environment,
    snapshot: execution.snapshot,
    paths: [...execution.paths],
    run: execution.run,
    at: execution.at.toISOString()
  };
  try {
    await store.writeRecords([
      {
        path: requestExecutionPath(request2.id),
        bytes: new TextEncoder().encode(`${JSON.stringify(record2, null, 2)}
`)
      }
    ]);
  } catch (error) {
    const existing = isSnapgateError(error, "CONFLICT") ? await readRequestExecution(store, request2.id) : null;
    if (existing) throw alreadyExecuted(request2.id, existing);
    throw error;
  }
  return record2;
}
function alreadyExecuted(requestId, execution) {
  const by = execution && "run" in execution && execution.run ? ` by ${execution.run}` : "";
  const at = execution && "at" in execution ? ` at ${execution.at}` : "";
  return new SnapgateError("POLICY", `Request ${requestId} was already executed${by}${at}.`, {
    fix: "A request runs once. Ask for a new restore request through the app if it is needed again.",
    details: { request: requestId }
  });
}

// core/policy/policy-digest.ts
import { createHash as createHash4 } from "node:crypto";
function policyDigest(policy) {
  const { sources: _sources, ...rules } = policy;
  return createHash4("sha256").update(canonicalJson(rules)).digest("hex");
}

// core/approvals/is-in-role.ts
async function isInRole(principals, user, teamMembership) {
  if (principals.length === 0) return null;
  const login = user.login.toLowerCase();
  const teams = [];
  for (const principal of principals) {
    const [owner, team] = principal.replace(/^@/, "").split("/", 2);
    if (team === void 0) {
      if (owner.toLowerCase() === login) return true;
    } else {
      teams.push([owner, team]);
    }
  }
  for (const [org, team] of teams) {
    if (await teamMembership(org, team, user)) return true;
  }
  return false;
}

// core/github/github-eligibility.ts
var PERMISSIONS = /* @__PURE__ */ new Set([
  "admin",
  "maintain",
  "write",
  "triage",
  "read",
  "none"
]);
function githubEligibility(client, where, roles) {
  const teamMembership = async (org, team, user) => {
    try {
      const { data } = await client.rest.teams.getMembershipForUserInOrg({
        org,
        team_slug: team,
        username: user.login
      });
      return data.state === "active";
    } catch (error) {
      if (httpStatus(error) === 404) return false;
      throw error;
    }
  };
  return async (user, role) => {
    const { data } = await client.rest.repos.getCollaboratorPermissionLevel({
      ...where,
      username: user.login
    });
    const permission = PERMISSIONS.has(data.permission) ? data.permission : "none";
    const principals = role === "restorer" ? roles.restorers : roles.approvers;
    return {
      permission,
      bot: data.user?.type === "Bot",
      inRole: await isInRole(principals, user, teamMembership)
    };
  };
}

// app/gate/open-backup-store.ts
async function openBackupStore(event) {
  const { owner, repo } = event;
  const gate = await readGateContext(event.octokit, {
    owner,
    repo,
    headSha: null,
    appId: event.appId
  });
  const policy = await loadPolicy(gate.policySource, { owner, repo });
  const backup = policy.backup;
  if (!backup) {
    throw new SnapgateError("CONFIG", "The policy names no backup repository.", {
      fix: "Add backup: { repository: OWNER/NAME } to .github/snapgate.yml on the default branch (docs/policy.md)."
    });
  }
  const [backupOwner = "", backupRepo = ""] = backup.repository.split("/");
  if (!mayUseBackup(owner, backupOwner, event.backupAccounts)) {
    throw new SnapgateError(
      "PERMISSION",
      `The backup repository ${backup.repository} belongs to another account.`,
      {
        fix: `Keep the backup repository in ${owner}, or have the app's operator add ${backupOwner} to SNAPGATE_BACKUP_ACCOUNTS.`
      }
    );
  }
  const client = await event.clientFor(backupOwner, backupRepo);
  const store = new GitHubStore(client, {
    owner: backupOwner,
    repo: backupRepo,
    branch: backup.branch
  });
  return {
    policy,
    store,
    backup: { client, owner: backupOwner, repo: backupRepo, branch: backup.branch }
  };
}

// app/handlers/open-request-store.ts
async function openRequestStore(event, signingKey) {
  if (signingKey === null) {
    throw new SnapgateError("CONFIG", "This Snapgate App has no key to sign requests with.", {
      fix: "The app's operator sets SNAPGATE_SIGNING_KEY to an app key (`snapgate keygen --app --out FILE`) and lists its verify key in the policy's keys.app."
    });
  }
  const { policy, store, backup } = await openBackupStore(event);
  const sodium = await loadSodium();
  const verifyKey = appSigner(sodium, signingKey).verifyKey;
  if (!(policy.keys.app ?? []).includes(verifyKey)) {
    throw new SnapgateError(
      "CONFIG",
      "The policy does not list this app's verify key in keys.app, so nothing could check the requests it signs.",
      {
        fix: `Add \`- { key: ${verifyKey} }\` to keys.app in .github/snapgate.yml on the default branch (docs/policy.md).`
      }
    );
  }
  const eligibility = githubEligibility(
    event.octokit,
    { owner: event.owner, repo: event.repo },
    policy.roles
  );
  return { policy, store, sodium, signingKey, eligibility, backup };
}

// app/handlers/answer-restore-run.ts
var RESTORE_ENVIRONMENT = "snapgate-restore";
async function answerRestoreRun(event, runId, environment, signingKey, opened) {
  const { octokit, owner, repo } = event;
  let release;
  let request2 = null;
  let store = opened ?? null;
  try {
    store ??= await openRequestStore(event, signingKey);
    ({ release, request: request2 } = await decide(event, store, runId));
  } catch (error) {
    if (!isSnapgateError(error)) event.log.error({ err: error }, "restore protection rule failed");
    const problem = asSnapgateError(error);
    release = {
      answer: "rejected",
      reasons: [`Snapgate could not check the run: ${problem.message}`],
      requestId: null
    };
  }
  if (release.answer === "wait") {
    event.log.info(`run ${runId} was dispatched by an app; its dispatcher answers ${environment}`);
    return "wait";
  }
  const approved = release.answer === "approved";
  try {
    await octokit.rest.actions.reviewCustomGatesForRun({
      owner,
      repo,
      run_id: runId,
      environment_name: environment,
      state: approved ? "approved" : "rejected",
      comment: approved ? `Snapgate: run ${runId} is the run dispatched for the approved request ${release.requestId}; ${environment} may release its secrets to it.` : `Snapgate refuses ${environment} to run ${runId}: ${release.reasons.join("; ")}.`
    });
  } catch (error) {
    if (httpStatus(error) !== 422) throw error;
    event.log.info(`the deployment of run ${runId} to ${environment} was already answered`);
    return release.answer;
  }
  if (store !== null && request2 !== null) {
    await appendAuditEvents(store.store, [
      requestAuditEvent(
        approved ? "request.run-released" : "request.run-refused",
        request2,
        null,
        event.deliveryId,
        event.now,
        { runId, environment, ...approved ? {} : { reasons: release.reasons } }
      )
    ]);
  }
  return release.answer;
}
async function decide(event, opened, runId) {
  const { octokit, owner, repo, now } = event;
  const { store, sodium, policy } = opened;
  const appKeys = policy.keys.app ?? [];
  const run = (await octokit.rest.actions.getWorkflowRun({ owner, repo, run_id: runId })).data;
  let dispatch2 = null;
  const bytes = await store.readRecord(requestDispatchPath(runId));
  if (bytes !== null) {
    try {
      dispatch2 = openRequestDispatch(sodium, bytes, runId, appKeys);
      if (dispatch2.repository !== `${owner}/${repo}`)
        dispatch2 = `the dispatch record of run ${runId} is for ${dispatch2.repository}, not ${owner}/${repo}`;
    } catch (error) {
      if (!isSnapgateError(error)) throw error;
      dispatch2 = error.message;
    }
  }
  let request2 = null;
  let recordProblem = null;
  let executed = false;
  let lock = null;
  if (dispatch2 !== null && typeof dispatch2 !== "string") {
    try {
      request2 = (await readNewestRequestState(store, sodium, dispatch2.request, appKeys))?.request ?? null;
      executed = await readRequestExecution(store, dispatch2.request) !== null;
      if (request2 !== null) {
        lock = await readEnvironmentLock(store, request2.subject.environment, appKeys);
        const decided = await readApprovalRequest(store, dispatch2.request);
        checkApproval(sodium, decided, {
          action: "restore",
          environment: request2.subject.environment,
          snapshots: request2.subject.snapshots,
          paths: request2.subject.paths ?? [],
          policyDigest: `sha256:${policyDigest(policy)}`,
          requiredApprovals: request2.quorum.required,
          appKeys,
          now
        });
      }
    } catch (error) {
      if (!isSnapgateError(error)) throw error;
      recordProblem = error.message;
    }
  }
  const release = decideRestoreRelease({
    run: {
      id: run.id,
      attempt: run.run_attempt ?? 1,
      event: run.event,
      path: run.path,
      triggeringActor: {
        login: run.triggering_actor?.login ?? run.actor?.login ?? "unknown",
        type: run.triggering_actor?.type ?? run.actor?.type ?? "User"
      }
    },
    dispatch: dispatch2,
    request: request2,
    recordProblem,
    executed,
    lock
  });
  return { release, request: request2 };
}

// app/handlers/deployment-protection-rule.ts
var CALLBACK_RUN = /\/actions\/runs\/(\d+)\/deployment_protection_rule$/;
async function onDeploymentProtectionRule(context, event, signingKey) {
  const { environment, deployment_callback_url: callback } = context.payload;
  const runId = CALLBACK_RUN.exec(callback ?? "")?.[1];
  if (!environment || !runId) {
    event.log.warn("deployment_protection_rule without an environment or a callback URL");
    return;
  }
  if (environment === RESTORE_ENVIRONMENT) {
    await answerRestoreRun(event, Number(runId), environment, signingKey);
    return;
  }
  const decision = await decide2(event, environment);
  try {
    await event.octokit.rest.actions.reviewCustomGatesForRun({
      owner: event.owner,
      repo: event.repo,
      run_id: Number(runId),
      environment_name: environment,
      state: decision.conclusion === "success" ? "approved" : "rejected",
      comment: renderGateComment(decision)
    });
  } catch (error) {
    if (httpStatus(error) !== 422) throw error;
    event.log.info(`deployment of run ${runId} to ${environment} was already answered`);
  }
}
async function decide2(event, environment) {
  const { owner, repo } = event;
  let gate;
  try {
    gate = await readGateContext(event.octokit, { owner, repo, headSha: null, appId: event.appId });
  } catch (error) {
    return policyReadErrorDecision(environment, error);
  }
  try {
    const policy = await loadPolicy(gate.policySource, { owner, repo });
    return await decideEnvironment(policy, environment, { ...event, gatedOwner: owner });
  } catch (error) {
    if (!isSnapgateError(error)) throw error;
    return policyErrorDecision(environment, error);
  }
}

// core/approvals/comment-command-grammar.ts
var COMMAND_TRIGGER = "/snapgate";
var REQUEST_ID_PATTERN = /^r-[a-z2-7]{12}$/;
var MAX_COMMAND_LINE = 1e3;
var MAX_COMMENT_BODY = 65536;
var MAX_REASON = 300;
var MAX_PATHS = 20;
var MAX_GLOB = 200;
var reason = (summary, required = false) => ({
  name: "reason",
  kind: "reason",
  required,
  repeatable: false,
  summary
});
var env = (summary, required) => ({
  name: "env",
  kind: "environment",
  required,
  repeatable: false,
  summary
});
var request = (required) => ({
  name: "request",
  kind: "request",
  required
});
var SUBCOMMANDS = [
  {
    name: "restore",
    summary: "Ask to restore a snapshot of an environment; it runs once enough eligible people approve.",
    args: [{ name: "snapshot", kind: "snapshot", required: true }],
    flags: [
      env("The environment (may be left out when the snapshot is <env>@<seq>).", false),
      {
        name: "paths",
        kind: "glob",
        required: false,
        repeatable: true,
        summary: "Restore only files matching this glob (repeatable)."
      },
      reason("Why (shown to approvers and in the audit log)."),
      {
        name: "dry-run",
        kind: null,
        required: false,
        repeatable: false,
        summary: "Show what would be restored; nothing is written."
      }
    ]
  },
  {
    name: "approve",
    summary: "Approve a pending request (not your own).",
    args: [request(true)],
    flags: []
  },
  {
    name: "deny",
    summary: "Deny a pending request; one eligible deny blocks it.",
    args: [request(true)],
    flags: [reason("Why it is denied.")]
  },
  {
    name: "cancel",
    summary: "Cancel your own pending request.",
    args: [request(true)],
    flags: []
  },
  {
    name: "status",
    summary: "Show a request, or an environment's lock (who holds it and why) and open requests.",
    args: [request(false)],
    flags: [env("Show this environment's lock and open requests.", false)]
  },
  {
    name: "list",
    summary: "List the snapshots of an environment (or of all).",
    args: [],
    flags: [env("Only this environment.", false)]
  },
  {
    name: "show",
    summary: "Show a snapshot's files and metadata.",
    args: [{ name: "snapshot", kind: "snapshot", required: true }],
    flags: [env("The environment (may be left out when the snapshot is <env>@<seq>).", false)]
  },
  {
    name: "diff",
    summary: "Compare two snapshots, or one with the one before it.",
    args: [
      { name: "a", kind: "snapshot", required: true },
      { name: "b", kind: "snapshot", required: false }
    ],
    flags: [env("The environment (may be left out when a snapshot is <env>@<seq>).", false)]
  },
  {
    name: "help",
    summary: "Show these commands, or one command's flags.",
    args: [{ name: "command", kind: "command", required: false }],
    flags: []
  },
  {
    name: "lock",
    summary: "Refuse restores of an environment until it is unlocked.",
    args: [],
    flags: [env("The environment to lock.", true), reason("Why it is locked.")]
  },
  {
    name: "unlock",
    summary: "Allow restores of a locked environment again.",
    args: [],
    flags: [env("The environment to unlock.", true)]
  },
  {
    name: "forget",
    summary: "Ask to delete a snapshot for good (approved like a restore).",
    args: [{ name: "snapshot", kind: "exact-snapshot", required: true }],
    flags: [
      env("The environment (may be left out when the snapshot is <env>@<seq>).", false),
      reason("Why it must go (required).", true)
    ]
  }
];

// core/approvals/comment-command-usage.ts
var PLACEHOLDER = {
  environment: "<env>",
  snapshot: "<snapshot>",
  "exact-snapshot": "<snapshot>",
  request: "<request>",
  glob: "<glob>",
  reason: '"..."',
  command: "<command>"
};
function flagUsage(flag) {
  const text2 = flag.kind === null ? `--${flag.name}` : `--${flag.name} ${PLACEHOLDER[flag.kind]}`;
  const once = flag.required ? text2 : `[${text2}]`;
  return flag.repeatable ? `${once}...` : once;
}
function commentCommandUsage(spec) {
  const args = spec.args.map((arg) => {
    const text2 = arg.name === "a" || arg.name === "b" ? `<${arg.name}>` : PLACEHOLDER[arg.kind];
    return arg.required ? text2 : `[${text2}]`;
  });
  return [COMMAND_TRIGGER, spec.name, ...args, ...spec.flags.map(flagUsage)].join(" ");
}

// core/approvals/comment-command-help.ts
function commentCommandHelp(subcommand = null) {
  const one = SUBCOMMANDS.find((spec) => spec.name === subcommand);
  if (one) {
    const flags = one.flags.map(
      (flag) => `- \`--${flag.name}\`${flag.required ? " (required)" : ""}: ${flag.summary}`
    );
    return [
      "```",
      commentCommandUsage(one),
      "```",
      "",
      one.summary,
      ...flags.length ? ["", ...flags] : []
    ].join("\n");
  }
  return [
    "Snapgate commands (the first line of a comment):",
    "",
    "```",
    ...SUBCOMMANDS.map(commentCommandUsage),
    "```",
    "",
    ...SUBCOMMANDS.map((spec) => `- \`${spec.name}\`: ${spec.summary}`),
    "",
    'Quote values with spaces (`--reason "INC-3321 bad ingress"`). `/snapgate help <command>` shows one command.'
  ].join("\n");
}

// core/snapshot/parse-snapshot-reference.ts
var AT = /^([a-z0-9][a-z0-9._-]{0,62})@(latest|\d+)$/;
var ID = /^[0-9a-f]{6,64}$/;
function parseSnapshotReference(spec) {
  if (spec === "latest") return { kind: "latest" };
  const at = AT.exec(spec);
  if (at) {
    const stream = at[1];
    return { kind: "stream", stream, seq: at[2] === "latest" ? null : Number(at[2]) };
  }
  if (ID.test(spec)) return { kind: "id", prefix: spec };
  return null;
}

// core/approvals/parse-comment-command.ts
var SHELL_METACHARACTERS = /* @__PURE__ */ new Set([";", "|", "&", "<", ">", "(", ")", "$", "`"]);
var DOUBLE_QUOTE_ESCAPES = /* @__PURE__ */ new Set(['"', "\\", "$", "`"]);
var HIDDEN = /[\p{Cc}\p{Cf}]/u;
var HIDDEN_BUT_TAB = /(?!\t)[\p{Cc}\p{Cf}]/u;
var CONFUSABLES = {
  "\u0430": "a",
  // Cyrillic a
  "\u0435": "e",
  // Cyrillic ie
  "\u0441": "c",
  "\u0455": "s",
  // Cyrillic dze
  "\u0440": "p",
  // Cyrillic er
  "\u0261": "g",
  // Latin script g
  "\u0442": "t",
  "\u03B1": "a",
  // Greek alpha
  "\u03C4": "t",
  // Greek tau
  "\u0251": "a",
  // Latin alpha
  "\u2215": "/",
  // division slash
  "\u2044": "/",
  // fraction slash
  "\u29F8": "/",
  // big solidus
  "\u2571": "/"
  // box drawings diagonal
};
var Refusal = class extends Error {
  constructor(error, suggestion = null, subcommand = null) {
    super(error.message);
    this.error = error;
    this.suggestion = suggestion;
    this.subcommand = subcommand;
  }
  error;
  suggestion;
  subcommand;
};
function refusal(message, fix, options = {}) {
  return new Refusal(
    new SnapgateError(options.code ?? "USAGE", message, { fix }),
    options.suggestion ?? null,
    options.subcommand ?? null
  );
}
function shown(text2) {
  const short2 = text2.length > 40 ? `${text2.slice(0, 40)}\u2026` : text2;
  return `\`${short2.replace(/`/g, "'")}\``;
}
function parseCommentCommand(body) {
  const head = body.slice(0, MAX_COMMAND_LINE + 2);
  const newline = head.indexOf("\n");
  let line = newline >= 0 ? head.slice(0, newline) : head;
  if (line.endsWith("\r")) line = line.slice(0, -1);
  const start = line.length - line.replace(/^[ \t]+/, "").length;
  const after = line[start + COMMAND_TRIGGER.length];
  const isTrigger = line.startsWith(COMMAND_TRIGGER, start) && (after === void 0 || after === " " || after === "	");
  try {
    if (!isTrigger) {
      lookAlike(line);
      return { kind: "none" };
    }
    if (body.length > MAX_COMMENT_BODY || line.length > MAX_COMMAND_LINE) {
      throw refusal(
        body.length > MAX_COMMENT_BODY ? `The comment is longer than ${MAX_COMMENT_BODY} characters.` : `The command line is longer than ${MAX_COMMAND_LINE} characters.`,
        "Put the command alone on the first line and keep the reason short.",
        { code: "TOO_LARGE" }
      );
    }
    const hidden = HIDDEN_BUT_TAB.exec(line);
    if (hidden) {
      throw refusal(
        `The command contains an invisible or control character (${codePoint(hidden[0])}).`,
        "Type the command again without pasting it (zero-width and direction-changing characters are not accepted)."
      );
    }
    const tokens = tokenize(line.slice(start + COMMAND_TRIGGER.length));
    return { kind: "command", command: parseTokens(tokens) };
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    return {
      kind: "refused",
      error: error.error,
      suggestion: error.suggestion,
      help: commentCommandHelp(error.subcommand)
    };
  }
}
function codePoint(char) {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
}
function lookAlike(line) {
  let folded = "";
  for (const char of line.normalize("NFKC")) {
    folded += HIDDEN_BUT_TAB.test(char) ? "" : CONFUSABLES[char] ?? char.toLowerCase();
  }
  folded = folded.trimStart();
  if (!folded.startsWith(COMMAND_TRIGGER)) return;
  const next = folded[COMMAND_TRIGGER.length];
  if (next !== void 0 && !/\s/.test(next)) return;
  const odd = [...line.replace(/^[ \t]+/, "").slice(0, COMMAND_TRIGGER.length + 4)].filter(
    (char) => char.codePointAt(0) > 126 || HIDDEN.test(char)
  );
  throw refusal(
    odd.length > 0 ? `This looks like a Snapgate command, but its start is not plain ASCII /snapgate (it contains ${[...new Set(odd)].map(codePoint).join(", ")}).` : "This looks like a Snapgate command, but its start is not lower-case /snapgate.",
    "Type /snapgate in plain lower-case ASCII at the start of the first line, followed by a space."
  );
}
function tokenize(text2) {
  const tokens = [];
  let current = null;
  let plainSoFar = true;
  let i = 0;
  while (i < text2.length) {
    const char = text2[i];
    if (char === " " || char === "	") {
      if (current) tokens.push(current);
      current = null;
      i += 1;
      continue;
    }
    if (!current) {
      current = { text: "", plain: 0 };
      plainSoFar = true;
    }
    if (char === "'") {
      const end = text2.indexOf("'", i + 1);
      if (end < 0)
        throw refusal(
          "A single quote is not closed.",
          "Close it, or escape a literal quote as \\'."
        );
      current.text += text2.slice(i + 1, end);
      plainSoFar = false;
      i = end + 1;
    } else if (char === '"') {
      i += 1;
      while (i < text2.length && text2[i] !== '"') {
        const next = text2[i + 1];
        if (text2[i] === "\\" && next !== void 0 && DOUBLE_QUOTE_ESCAPES.has(next)) {
          current.text += next;
          i += 2;
        } else {
          current.text += text2[i];
          i += 1;
        }
      }
      if (i >= text2.length)
        throw refusal(
          "A double quote is not closed.",
          'Close it, or escape a literal quote as \\".'
        );
      plainSoFar = false;
      i += 1;
    } else if (char === "\\") {
      const next = text2[i + 1];
      if (next === void 0)
        throw refusal(
          "The command ends with a backslash.",
          "A command is one line: remove the trailing backslash."
        );
      current.text += next;
      plainSoFar = false;
      i += 2;
    } else if (SHELL_METACHARACTERS.has(char)) {
      throw refusal(
        `${shown(char)} is not accepted outside quotes (nothing is run by a shell, and one comment is one command).`,
        `Quote the value that contains it, e.g. --reason "fix a | b".`
      );
    } else {
      current.text += char;
      if (plainSoFar) current.plain += 1;
      i += 1;
    }
  }
  if (current) tokens.push(current);
  return tokens;
}
function parseTokens(tokens) {
  const [first, ...rest] = tokens;
  const names = SUBCOMMANDS.map((spec2) => spec2.name);
  if (!first) {
    throw refusal("The command names no subcommand.", "Add one, e.g. `/snapgate help`.");
  }
  const spec = first.plain === first.text.length ? SUBCOMMANDS.find((s) => s.name === first.text) : void 0;
  if (!spec) {
    const suggestion = didYouMean(first.text, names);
    throw refusal(
      `${shown(first.text)} is not a Snapgate command.`,
      suggestion ? `Did you mean \`/snapgate ${suggestion}\`?` : "See `/snapgate help`.",
      { suggestion }
    );
  }
  const usage = `Usage: \`${commentCommandUsage(spec)}\`.`;
  const fail = (message, fix = usage, suggestion = null) => refusal(message, fix, { suggestion, subcommand: spec.name });
  const args = {};
  const flags = /* @__PURE__ */ new Map();
  let positional = 0;
  for (let index = 0; index < rest.length; index += 1) {
    const token = rest[index];
    if (token.plain > 0 && token.text.startsWith("-")) {
      const equals = token.text.indexOf("=");
      const name = token.text.slice(2, equals < 0 ? void 0 : equals);
      if (!token.text.startsWith("--") || name === "" || (equals < 0 ? token.text.length : equals) > token.plain) {
        const suggestion = didYouMean(
          token.text.replace(/^-+/, ""),
          spec.flags.map((f) => f.name)
        );
        throw fail(
          `${shown(token.text)} is not a flag of ${spec.name}.`,
          suggestion ? `Did you mean \`--${suggestion}\`? ${usage}` : usage,
          suggestion && `--${suggestion}`
        );
      }
      const flag = spec.flags.find((f) => f.name === name);
      if (!flag) {
        const suggestion = didYouMean(
          name,
          spec.flags.map((f) => f.name)
        );
        throw fail(
          `${shown(`--${name}`)} is not a flag of ${spec.name}${spec.flags.length ? "" : " (it takes none)"}.`,
          suggestion ? `Did you mean \`--${suggestion}\`? ${usage}` : usage,
          suggestion && `--${suggestion}`
        );
      }
      if (flags.has(name) && !flag.repeatable)
        throw fail(`--${name} is given twice.`, `Give it once. ${usage}`);
      if (flag.kind === null) {
        if (equals >= 0) throw fail(`--${name} takes no value.`, `Write just --${name}. ${usage}`);
        flags.set(name, true);
        continue;
      }
      let value;
      if (equals >= 0) {
        value = token.text.slice(equals + 1);
      } else {
        const next = rest[index + 1];
        if (!next || next.plain > 0 && next.text.startsWith("-")) {
          throw fail(
            `--${name} needs a value.`,
            `Write --${name} ${flag.kind === "reason" ? '"..."' : "VALUE"} (quote a value that starts with -). ${usage}`
          );
        }
        value = next.text;
        index += 1;
      }
      checkValue(spec, flag.kind, `--${name}`, value);
      const values = flags.get(name);
      flags.set(name, [...Array.isArray(values) ? values : [], value]);
      continue;
    }
    const arg = spec.args[positional];
    if (!arg) {
      throw fail(
        `${shown(token.text)} is one argument too many for ${spec.name}.`,
        `${usage} (Text in quotes is never a flag; quote a reason that contains spaces.)`
      );
    }
    checkValue(spec, arg.kind, `<${arg.name}>`, token.text);
    args[arg.name] = token.text;
    positional += 1;
  }
  for (const arg of spec.args) {
    if (arg.required && args[arg.name] === void 0)
      throw fail(`${spec.name} needs <${arg.name}>.`);
  }
  for (const flag of spec.flags) {
    if (flag.required && !flags.has(flag.name)) throw fail(`${spec.name} needs --${flag.name}.`);
  }
  const single = (name) => {
    const values = flags.get(name);
    return Array.isArray(values) ? values[0] : null;
  };
  const paths = flags.get("paths");
  if (Array.isArray(paths) && paths.length > MAX_PATHS) {
    throw fail(
      `A restore names at most ${MAX_PATHS} --paths globs.`,
      "Use fewer, broader globs (k8s/**)."
    );
  }
  let environment = single("env");
  for (const arg of spec.args) {
    const value = args[arg.name];
    if (value === void 0 || arg.kind !== "snapshot") continue;
    const reference = parseSnapshotReference(value);
    if (reference?.kind === "latest" && !spec.flags.some((f) => f.name === "env")) {
      throw fail(
        `${spec.name} cannot tell whose latest snapshot: it has no --env.`,
        "Name the environment, e.g. prod@latest."
      );
    }
    if (reference?.kind === "latest" && environment === null) {
      throw fail(
        "Which environment's latest snapshot?",
        `Add --env, or write <env>@latest. ${usage}`
      );
    }
    if (reference?.kind === "stream") {
      if (environment !== null && environment !== reference.stream) {
        throw fail(
          `${value} is a snapshot of ${reference.stream}, but --env says ${environment}.`,
          `Drop --env, or name a snapshot of ${environment}.`
        );
      }
      if (spec.flags.some((f) => f.name === "env")) environment = reference.stream;
    }
    if (reference?.kind === "id" && environment === null && spec.flags.some((f) => f.name === "env")) {
      throw fail(
        `${spec.name} of a snapshot id needs --env.`,
        `Add --env, or write <env>@<seq>. ${usage}`
      );
    }
  }
  return {
    name: spec.name,
    args,
    environment,
    paths: Array.isArray(paths) ? paths : [],
    reason: single("reason"),
    dryRun: flags.get("dry-run") === true
  };
}
function checkValue(spec, kind, what, value) {
  const fail = (problem, fix, suggestion = null) => refusal(`${what} ${shown(value)} ${problem}`, fix, { suggestion, subcommand: spec.name });
  switch (kind) {
    case "environment":
      if (!STREAM_PATTERN.test(value))
        throw fail(
          "is not an environment name.",
          "Environment names are as in the policy: lower case letters, digits, '.', '_' and '-', at most 63."
        );
      return;
    case "snapshot":
    case "exact-snapshot": {
      const reference = parseSnapshotReference(value);
      if (reference === null)
        throw fail(
          "is not a snapshot reference.",
          "Use <env>@<seq> such as prod@41, <env>@latest, latest with --env, or a snapshot id (at least 6 hex characters)."
        );
      if (kind === "exact-snapshot" && (reference.kind === "latest" || reference.kind === "stream" && reference.seq === null))
        throw fail(
          "does not name one snapshot for good (latest moves).",
          "Name it exactly: <env>@<seq> such as prod@41, or its id."
        );
      return;
    }
    case "request":
      if (!REQUEST_ID_PATTERN.test(value))
        throw fail(
          "is not a request id.",
          "Copy the id from the app's status comment (r- and 12 letters or digits, e.g. r-abcdefgh2345)."
        );
      return;
    case "glob":
      if (value.length === 0 || value.length > MAX_GLOB)
        throw fail(
          `must have 1 to ${MAX_GLOB} characters.`,
          "Give a relative glob such as k8s/**."
        );
      if (value.startsWith("/") || value.includes("\\") || value.split("/").includes(".."))
        throw fail(
          "must be relative, without '..' or backslashes.",
          "Give a glob relative to the snapshot's root, such as k8s/**."
        );
      return;
    case "reason":
      if (value.trim().length === 0 || value.length > MAX_REASON)
        throw fail(
          `must have 1 to ${MAX_REASON} characters.`,
          'Say briefly why, e.g. --reason "INC-3321 bad ingress".'
        );
      return;
    case "command":
      if (!SUBCOMMANDS.some((s) => s.name === value)) {
        const suggestion = didYouMean(
          value,
          SUBCOMMANDS.map((s) => s.name)
        );
        throw fail(
          "is not a Snapgate command.",
          suggestion ? `Did you mean \`/snapgate help ${suggestion}\`?` : "See `/snapgate help`.",
          suggestion
        );
      }
      return;
  }
}

// core/approvals/bounded-lines.ts
var MAX_LISTED_LINES = 300;
var MAX_LISTED_CHARACTERS = 5e4;
function boundedLines(lines) {
  const shown2 = [];
  let characters = 0;
  for (const line of lines) {
    if (shown2.length >= MAX_LISTED_LINES || characters + line.length + 1 > MAX_LISTED_CHARACTERS)
      break;
    shown2.push(line);
    characters += line.length + 1;
  }
  const left = lines.length - shown2.length;
  return {
    shown: shown2,
    note: left === 0 ? null : `\u2026 and ${left} more not shown here (a comment has room for ${shown2.length}); the CLI lists them all: \`snapgate show\` / \`snapgate diff\`.`
  };
}

// core/approvals/markdown-code.ts
var INVISIBLE = (
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u115f\u1160\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\u3164\ufeff]/g
);
function markdownCode(text2) {
  const shown2 = text2.replace(
    INVISIBLE,
    (character) => `\\u${(character.codePointAt(0) ?? 0).toString(16).padStart(4, "0")}`
  );
  const longest = Math.max(0, ...[...shown2.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = "`".repeat(longest + 1);
  const pad = /^[` ]|[` ]$/.test(shown2) || shown2 === "" ? " " : "";
  return `${fence}${pad}${shown2}${pad}${fence}`;
}

// core/approvals/render-diff-reply.ts
function renderDiffReply(diff) {
  const name = (ref) => `${markdownCode(`${ref.stream}@${ref.seq}`)} \`${ref.id.slice(0, 12)}\``;
  const changes = boundedLines([
    ...diff.added.map((file) => `- added ${markdownCode(file.path)}`),
    ...diff.removed.map((file) => `- removed ${markdownCode(file.path)}`),
    ...diff.changed.map(
      (change) => `- changed ${markdownCode(change.path)} (${change.kinds.join(", ")})`
    )
  ]);
  return [
    `**Diff** ${diff.from ? name(diff.from) : "(nothing before it)"} \u2192 ${name(diff.to)}: ${diff.added.length} added, ${diff.removed.length} removed, ${diff.changed.length} changed, ${diff.unchanged} unchanged (compared by keyed content id; nothing is decrypted)`,
    ...changes.shown.length > 0 ? ["", ...changes.shown] : [],
    ...changes.note ? ["", changes.note] : []
  ].join("\n");
}

// core/format-bytes.ts
function formatBytes(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KiB", "MiB", "GiB", "TiB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

// core/approvals/render-snapshot-reply.ts
function renderSnapshotReply(id, manifest) {
  const m = manifest.metadata;
  const metadata = Object.entries({
    application: m.application,
    version: m.appVersion,
    commit: m.commit,
    ref: m.ref,
    deployer: m.deployer,
    change: m.changeId,
    run: m.runUrl,
    tags: m.tags.length > 0 ? m.tags.join(", ") : void 0
  }).flatMap(([key, value]) => value ? [`- **${key}:** ${markdownCode(String(value))}`] : []);
  const bytes = manifest.files.reduce(
    (sum, file) => sum + (file.type === "file" ? file.size : 0),
    0
  );
  const files = boundedLines(
    manifest.files.map((file) => {
      const where = [
        file.component ? `component ${markdownCode(file.component)}` : null,
        file.tier ? `tier ${markdownCode(file.tier)}` : null
      ].filter((part) => part !== null).join(", ");
      const what = file.type === "file" ? formatBytes(file.size) : `link to ${markdownCode(file.target)}`;
      return `- ${markdownCode(file.path)} (${what}${where ? `, ${where}` : ""})`;
    })
  );
  return [
    `**Snapshot ${markdownCode(`${manifest.stream}@${manifest.seq}`)}** \`${id.slice(0, 12)}\`: ${manifest.phase}, taken ${markdownCode(manifest.time)} (written ${markdownCode(manifest.writtenAt)})`,
    "",
    ...metadata,
    `- **files:** ${manifest.files.length} (${formatBytes(bytes)}); contents are encrypted and not shown`,
    "",
    ...files.shown,
    ...files.note ? ["", files.note] : []
  ].join("\n");
}

// core/approvals/count-approvals.ts
function countApprovals(request2) {
  const created = Date.parse(request2.createdAt);
  const expires = Date.parse(request2.expiresAt);
  const seen = /* @__PURE__ */ new Set();
  const counted = [];
  for (const approval of request2.approvals) {
    const at = Date.parse(approval.at);
    if (approval.digest !== request2.digest) continue;
    if (approval.user.id === request2.requester.id) continue;
    if (approval.user.login.endsWith("[bot]")) continue;
    if (!(at >= created && at < expires)) continue;
    if (seen.has(approval.user.id)) continue;
    seen.add(approval.user.id);
    counted.push(approval);
  }
  return counted;
}

// core/approvals/render-status-reply.ts
var LISTED_OPEN_REQUESTS = 20;
function renderStatusReply(view) {
  if (view.kind === "request") {
    const { request: request2 } = view;
    const counted = countApprovals(request2);
    return [
      `**Request \`${request2.id}\`** (${request2.action} of **${request2.subject.environment}**): ${request2.state}`,
      "",
      `- **Asked by:** @${request2.requester.login} at ${request2.createdAt}${request2.reason ? `: ${markdownCode(request2.reason)}` : ""}`,
      `- **Approvals:** ${counted.length} of ${request2.quorum.required} (tier ${request2.quorum.tier})${counted.length > 0 ? `: ${counted.map((approval) => `@${approval.user.login}`).join(", ")}` : ""}`,
      ...request2.denials.length > 0 ? [
        `- **Denied by:** ${request2.denials.map((denial) => `@${denial.user.login}`).join(", ")}`
      ] : [],
      `- **Expires:** ${request2.expiresAt}`,
      ...request2.closed ? [`- **Closed:** ${request2.closed.at}: ${markdownCode(request2.closed.reason)}`] : [],
      `- ${lockLine(request2.subject.environment, view.lock)}`
    ].join("\n");
  }
  const lines = view.environments.map(
    ({ environment, lock }) => `- ${lockLine(environment, lock)}`
  );
  const shown2 = view.open.slice(0, LISTED_OPEN_REQUESTS);
  lines.push(
    "",
    view.open.length === 0 ? "No open requests." : "**Open requests** (newest first):"
  );
  for (const request2 of shown2) {
    lines.push(
      `- \`${request2.id}\`: ${request2.action} of **${request2.subject.environment}**, ${request2.state}, ${countApprovals(request2).length} of ${request2.quorum.required}, asked by @${request2.requester.login} at ${request2.createdAt}, expires ${request2.expiresAt}`
    );
  }
  if (view.open.length > shown2.length)
    lines.push(
      `- \u2026 and ${view.open.length - shown2.length} more (\`/snapgate status <request>\` shows one).`
    );
  if (view.unread > 0)
    lines.push(
      "",
      `(${view.unread} older request records were not read; name a request to see it: \`/snapgate status <request>\`.)`
    );
  return lines.join("\n");
}
function lockLine(environment, lock) {
  return lock === null ? `**${environment}** is not locked.` : `\u{1F512} **${environment}** is locked by @${lock.by.login} since ${lock.at}: ${lock.reason ? markdownCode(lock.reason) : "no reason given"}. Restores are refused and its gate fails until an approver runs \`/snapgate unlock --env ${environment}\`.`;
}

// core/approvals/render-command-reply.ts
var MAX_REPLY = 6e4;
function renderCommandReply(reply) {
  let text2;
  switch (reply.kind) {
    case "refused":
      text2 = [
        `**Not run:** ${reply.error.summary}`,
        "",
        reply.error.fix ?? "",
        "",
        "<details><summary>Usage</summary>",
        "",
        reply.help,
        "",
        "</details>"
      ].join("\n");
      break;
    case "help":
      text2 = reply.text;
      break;
    case "snapshots":
      text2 = reply.sections.map(
        ({ environment, snapshots }) => snapshots.length === 0 ? `**${environment}**: no snapshots yet.` : [
          `**${environment}** (newest first):`,
          "",
          "| snapshot | id | taken | phase | files | commit |",
          "| --- | --- | --- | --- | --- | --- |",
          ...[...snapshots].reverse().map(
            (entry) => `| ${entry.stream}@${entry.seq}${entry.forgotten ? " (forgotten)" : ""} | \`${entry.id.slice(0, 12)}\` | ${entry.time} | ${entry.phase} | ${entry.files} | ${entry.metadata.commit ? `\`${entry.metadata.commit.slice(0, 12)}\`` : ""} |`
          )
        ].join("\n")
      ).join("\n\n");
      break;
    case "status":
      text2 = renderStatusReply(reply.view);
      break;
    case "snapshot":
      text2 = renderSnapshotReply(reply.id, reply.manifest);
      break;
    case "diff":
      text2 = renderDiffReply(reply.diff);
      break;
    case "forbidden":
      text2 = `**Not run:** \`${reply.command}\` needs write access to this repository, which @${reply.login} does not have.`;
      break;
    case "unavailable":
      text2 = `**Not run:** \`${reply.command}\` is not available in this version of the Snapgate App yet. \`/snapgate help\` lists the commands; every other command answers now.`;
      break;
    case "failed":
      text2 = `**\`${reply.command}\` failed:** ${reply.error.summary}${reply.error.fix ? `

${reply.error.fix}` : ""}`;
      break;
  }
  return text2.length > MAX_REPLY ? `${text2.slice(0, MAX_REPLY)}

(cut: too long for a comment)` : text2;
}

// core/approvals/list-open-requests.ts
var MAX_SCANNED_REQUESTS = 50;
var REVISION2 = /^requests\/(r-[a-z2-7]{12})\/state-(\d{4,})\.json$/;
async function listOpenRequests(store, sodium, environments, appKeys, now) {
  const newest = /* @__PURE__ */ new Map();
  for (const path of await store.listRecords("requests/")) {
    const match = REVISION2.exec(path);
    if (!match?.[1] || !match[2]) continue;
    newest.set(match[1], Math.max(newest.get(match[1]) ?? 0, Number(match[2])));
  }
  const ids = [...newest.keys()].sort();
  const scanned = ids.slice(0, MAX_SCANNED_REQUESTS);
  const open = [];
  for (const id of scanned) {
    const revision = newest.get(id) ?? 0;
    const bytes = await store.readRecord(requestStatePath(id, revision));
    if (bytes === null) continue;
    try {
      const request2 = openRequestState(sodium, bytes, { id, revision }, appKeys);
      if ((request2.state === "pending" || request2.state === "approved") && environments.has(request2.subject.environment) && Date.parse(request2.expiresAt) > now.getTime())
        open.push(request2);
    } catch (error) {
      if (!isSnapgateError(error) || error.code !== "INTEGRITY") throw error;
    }
  }
  open.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return { open, unread: ids.length - scanned.length };
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

// core/snapshot/load-snapshot.ts
async function loadSnapshot(store, entry) {
  const where = `manifest ${entry.stream}@${entry.seq}`;
  const bytes = await store.readManifest(entry.stream, entry.seq);
  if (!bytes) {
    throw new SnapgateError("INTEGRITY", `The ${where} is missing from ${store.location}.`, {
      fix: "The store lost a manifest: run `snapgate verify --all`, restore the store from its replica, and restore from another snapshot meanwhile (ENV@SEQ)."
    });
  }
  const id = sha256Hex(bytes);
  if (id !== entry.id) {
    throw new SnapgateError(
      "INTEGRITY",
      `The ${where} does not match its catalog entry (sha256 ${id.slice(0, 16)}, catalog ${entry.id.slice(0, 16)}).`,
      {
        fix: "The manifest or catalog was altered; run `snapgate verify --all` and do not restore from it."
      }
    );
  }
  const manifest = parseManifest(bytes, where);
  if (manifest.stream !== entry.stream || manifest.seq !== entry.seq) {
    throw new SnapgateError(
      "INTEGRITY",
      `The ${where} says it is ${manifest.stream}@${manifest.seq}.`,
      {
        fix: "A manifest was copied to the wrong place; do not restore from it and run `snapgate verify --all`."
      }
    );
  }
  return { id, manifest, bytes };
}

// core/snapshot/diff-snapshots.ts
async function diffSnapshots(store, to, from) {
  let base = from;
  if (!base && to.seq > 1) {
    base = (await readCatalog(store, to.stream)).find((entry) => entry.seq === to.seq - 1);
    if (!base) {
      throw new SnapgateError(
        "NOT_FOUND",
        `The snapshot before ${to.stream}@${to.seq} is missing.`,
        {
          fix: "Name both snapshots: `snapgate diff A B`."
        }
      );
    }
  }
  const after = await loadSnapshot(store, to);
  const before = base ? await loadSnapshot(store, base) : void 0;
  const diff = diffFileStates(before?.manifest.files ?? [], after.manifest.files);
  const ref = (e) => ({ id: e.id, stream: e.stream, seq: e.seq });
  return { ...diff, from: base ? ref(base) : null, to: ref(to) };
}

// core/generated/tombstone-validator.ts
import __ajvRuntime07 from "ajv/dist/runtime/ucs2length.js";
import __ajvRuntime17 from "ajv-formats/dist/formats.js";
var tombstone_validator_default = validate207;
var schema317 = { "$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://snapgate.dev/schemas/tombstone.schema.json", "title": "Snapgate tombstone (snapgate.tombstone/v1)", "description": "tombstones/<stream>/<seq, 10 digits>.json: the snapshot was forgotten. Its manifest stays (the hash chain still verifies); prune may delete blobs only it referenced once the tombstone is older than the grace period.", "type": "object", "additionalProperties": false, "required": ["format", "stream", "seq", "snapshot", "time", "forgottenAt", "reasons", "rules", "approval", "policyDigest"], "properties": { "format": { "const": "snapgate.tombstone/v1" }, "stream": { "type": "string", "pattern": "^[a-z0-9][a-z0-9._-]{0,62}$" }, "seq": { "type": "integer", "minimum": 1 }, "snapshot": { "type": "string", "pattern": "^[0-9a-f]{64}$" }, "time": { "type": "string", "format": "date-time" }, "forgottenAt": { "type": "string", "format": "date-time" }, "reasons": { "type": "array", "items": { "type": "string", "maxLength": 500 }, "maxItems": 20 }, "rules": { "enum": ["policy", "flags"] }, "approval": { "oneOf": [{ "type": "null" }, { "type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$" }] }, "policyDigest": { "oneOf": [{ "type": "null" }, { "type": "string", "pattern": "^sha256:[0-9a-f]{64}$" }] } } };
var func17 = Object.prototype.hasOwnProperty;
var func26 = __ajvRuntime07.default;
var pattern49 = new RegExp("^[a-z0-9][a-z0-9._-]{0,62}$", "u");
var pattern58 = new RegExp("^[0-9a-f]{64}$", "u");
var pattern65 = new RegExp("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$", "u");
var pattern76 = new RegExp("^sha256:[0-9a-f]{64}$", "u");
var formats07 = __ajvRuntime17.fullFormats["date-time"];
function validate207(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate207.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.format === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "format" }, message: "must have required property 'format'", schema: schema317.required, parentSchema: schema317, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.stream === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "stream" }, message: "must have required property 'stream'", schema: schema317.required, parentSchema: schema317, data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.seq === void 0) {
      const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "seq" }, message: "must have required property 'seq'", schema: schema317.required, parentSchema: schema317, data };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    if (data.snapshot === void 0) {
      const err3 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "snapshot" }, message: "must have required property 'snapshot'", schema: schema317.required, parentSchema: schema317, data };
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
    if (data.time === void 0) {
      const err4 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "time" }, message: "must have required property 'time'", schema: schema317.required, parentSchema: schema317, data };
      if (vErrors === null) {
        vErrors = [err4];
      } else {
        vErrors.push(err4);
      }
      errors++;
    }
    if (data.forgottenAt === void 0) {
      const err5 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "forgottenAt" }, message: "must have required property 'forgottenAt'", schema: schema317.required, parentSchema: schema317, data };
      if (vErrors === null) {
        vErrors = [err5];
      } else {
        vErrors.push(err5);
      }
      errors++;
    }
    if (data.reasons === void 0) {
      const err6 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "reasons" }, message: "must have required property 'reasons'", schema: schema317.required, parentSchema: schema317, data };
      if (vErrors === null) {
        vErrors = [err6];
      } else {
        vErrors.push(err6);
      }
      errors++;
    }
    if (data.rules === void 0) {
      const err7 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "rules" }, message: "must have required property 'rules'", schema: schema317.required, parentSchema: schema317, data };
      if (vErrors === null) {
        vErrors = [err7];
      } else {
        vErrors.push(err7);
      }
      errors++;
    }
    if (data.approval === void 0) {
      const err8 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "approval" }, message: "must have required property 'approval'", schema: schema317.required, parentSchema: schema317, data };
      if (vErrors === null) {
        vErrors = [err8];
      } else {
        vErrors.push(err8);
      }
      errors++;
    }
    if (data.policyDigest === void 0) {
      const err9 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "policyDigest" }, message: "must have required property 'policyDigest'", schema: schema317.required, parentSchema: schema317, data };
      if (vErrors === null) {
        vErrors = [err9];
      } else {
        vErrors.push(err9);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!func17.call(schema317.properties, key0)) {
        const err10 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema317, data };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
    }
    if (data.format !== void 0) {
      let data0 = data.format;
      if ("snapgate.tombstone/v1" !== data0) {
        const err11 = { instancePath: instancePath + "/format", schemaPath: "#/properties/format/const", keyword: "const", params: { allowedValue: "snapgate.tombstone/v1" }, message: "must be equal to constant", schema: "snapgate.tombstone/v1", parentSchema: schema317.properties.format, data: data0 };
        if (vErrors === null) {
          vErrors = [err11];
        } else {
          vErrors.push(err11);
        }
        errors++;
      }
    }
    if (data.stream !== void 0) {
      let data1 = data.stream;
      if (typeof data1 === "string") {
        if (!pattern49.test(data1)) {
          const err12 = { instancePath: instancePath + "/stream", schemaPath: "#/properties/stream/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9][a-z0-9._-]{0,62}$" }, message: 'must match pattern "^[a-z0-9][a-z0-9._-]{0,62}$"', schema: "^[a-z0-9][a-z0-9._-]{0,62}$", parentSchema: schema317.properties.stream, data: data1 };
          if (vErrors === null) {
            vErrors = [err12];
          } else {
            vErrors.push(err12);
          }
          errors++;
        }
      } else {
        const err13 = { instancePath: instancePath + "/stream", schemaPath: "#/properties/stream/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema317.properties.stream.type, parentSchema: schema317.properties.stream, data: data1 };
        if (vErrors === null) {
          vErrors = [err13];
        } else {
          vErrors.push(err13);
        }
        errors++;
      }
    }
    if (data.seq !== void 0) {
      let data2 = data.seq;
      if (!(typeof data2 == "number" && (!(data2 % 1) && !isNaN(data2)) && isFinite(data2))) {
        const err14 = { instancePath: instancePath + "/seq", schemaPath: "#/properties/seq/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema317.properties.seq.type, parentSchema: schema317.properties.seq, data: data2 };
        if (vErrors === null) {
          vErrors = [err14];
        } else {
          vErrors.push(err14);
        }
        errors++;
      }
      if (typeof data2 == "number" && isFinite(data2)) {
        if (data2 < 1 || isNaN(data2)) {
          const err15 = { instancePath: instancePath + "/seq", schemaPath: "#/properties/seq/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema317.properties.seq, data: data2 };
          if (vErrors === null) {
            vErrors = [err15];
          } else {
            vErrors.push(err15);
          }
          errors++;
        }
      }
    }
    if (data.snapshot !== void 0) {
      let data3 = data.snapshot;
      if (typeof data3 === "string") {
        if (!pattern58.test(data3)) {
          const err16 = { instancePath: instancePath + "/snapshot", schemaPath: "#/properties/snapshot/pattern", keyword: "pattern", params: { pattern: "^[0-9a-f]{64}$" }, message: 'must match pattern "^[0-9a-f]{64}$"', schema: "^[0-9a-f]{64}$", parentSchema: schema317.properties.snapshot, data: data3 };
          if (vErrors === null) {
            vErrors = [err16];
          } else {
            vErrors.push(err16);
          }
          errors++;
        }
      } else {
        const err17 = { instancePath: instancePath + "/snapshot", schemaPath: "#/properties/snapshot/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema317.properties.snapshot.type, parentSchema: schema317.properties.snapshot, data: data3 };
        if (vErrors === null) {
          vErrors = [err17];
        } else {
          vErrors.push(err17);
        }
        errors++;
      }
    }
    if (data.time !== void 0) {
      let data4 = data.time;
      if (typeof data4 === "string") {
        if (!formats07.validate(data4)) {
          const err18 = { instancePath: instancePath + "/time", schemaPath: "#/properties/time/format", keyword: "format", params: { format: "date-time" }, message: 'must match format "date-time"', schema: "date-time", parentSchema: schema317.properties.time, data: data4 };
          if (vErrors === null) {
            vErrors = [err18];
          } else {
            vErrors.push(err18);
          }
          errors++;
        }
      } else {
        const err19 = { instancePath: instancePath + "/time", schemaPath: "#/properties/time/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema317.properties.time.type, parentSchema: schema317.properties.time, data: data4 };
        if (vErrors === null) {
          vErrors = [err19];
        } else {
          vErrors.push(err19);
        }
        errors++;
      }
    }
    if (data.forgottenAt !== void 0) {
      let data5 = data.forgottenAt;
      if (typeof data5 === "string") {
        if (!formats07.validate(data5)) {
          const err20 = { instancePath: instancePath + "/forgottenAt", schemaPath: "#/properties/forgottenAt/format", keyword: "format", params: { format: "date-time" }, message: 'must match format "date-time"', schema: "date-time", parentSchema: schema317.properties.forgottenAt, data: data5 };
          if (vErrors === null) {
            vErrors = [err20];
          } else {
            vErrors.push(err20);
          }
          errors++;
        }
      } else {
        const err21 = { instancePath: instancePath + "/forgottenAt", schemaPath: "#/properties/forgottenAt/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema317.properties.forgottenAt.type, parentSchema: schema317.properties.forgottenAt, data: data5 };
        if (vErrors === null) {
          vErrors = [err21];
        } else {
          vErrors.push(err21);
        }
        errors++;
      }
    }
    if (data.reasons !== void 0) {
      let data6 = data.reasons;
      if (Array.isArray(data6)) {
        if (data6.length > 20) {
          const err22 = { instancePath: instancePath + "/reasons", schemaPath: "#/properties/reasons/maxItems", keyword: "maxItems", params: { limit: 20 }, message: "must NOT have more than 20 items", schema: 20, parentSchema: schema317.properties.reasons, data: data6 };
          if (vErrors === null) {
            vErrors = [err22];
          } else {
            vErrors.push(err22);
          }
          errors++;
        }
        const len0 = data6.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data7 = data6[i0];
          if (typeof data7 === "string") {
            if (func26(data7) > 500) {
              const err23 = { instancePath: instancePath + "/reasons/" + i0, schemaPath: "#/properties/reasons/items/maxLength", keyword: "maxLength", params: { limit: 500 }, message: "must NOT have more than 500 characters", schema: 500, parentSchema: schema317.properties.reasons.items, data: data7 };
              if (vErrors === null) {
                vErrors = [err23];
              } else {
                vErrors.push(err23);
              }
              errors++;
            }
          } else {
            const err24 = { instancePath: instancePath + "/reasons/" + i0, schemaPath: "#/properties/reasons/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema317.properties.reasons.items.type, parentSchema: schema317.properties.reasons.items, data: data7 };
            if (vErrors === null) {
              vErrors = [err24];
            } else {
              vErrors.push(err24);
            }
            errors++;
          }
        }
      } else {
        const err25 = { instancePath: instancePath + "/reasons", schemaPath: "#/properties/reasons/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema317.properties.reasons.type, parentSchema: schema317.properties.reasons, data: data6 };
        if (vErrors === null) {
          vErrors = [err25];
        } else {
          vErrors.push(err25);
        }
        errors++;
      }
    }
    if (data.rules !== void 0) {
      let data8 = data.rules;
      if (!(data8 === "policy" || data8 === "flags")) {
        const err26 = { instancePath: instancePath + "/rules", schemaPath: "#/properties/rules/enum", keyword: "enum", params: { allowedValues: schema317.properties.rules.enum }, message: "must be equal to one of the allowed values", schema: schema317.properties.rules.enum, parentSchema: schema317.properties.rules, data: data8 };
        if (vErrors === null) {
          vErrors = [err26];
        } else {
          vErrors.push(err26);
        }
        errors++;
      }
    }
    if (data.approval !== void 0) {
      let data9 = data.approval;
      const _errs19 = errors;
      let valid3 = false;
      let passing0 = null;
      const _errs20 = errors;
      if (data9 !== null) {
        const err27 = { instancePath: instancePath + "/approval", schemaPath: "#/properties/approval/oneOf/0/type", keyword: "type", params: { type: "null" }, message: "must be null", schema: schema317.properties.approval.oneOf[0].type, parentSchema: schema317.properties.approval.oneOf[0], data: data9 };
        if (vErrors === null) {
          vErrors = [err27];
        } else {
          vErrors.push(err27);
        }
        errors++;
      }
      var _valid0 = _errs20 === errors;
      if (_valid0) {
        valid3 = true;
        passing0 = 0;
      }
      const _errs22 = errors;
      if (typeof data9 === "string") {
        if (!pattern65.test(data9)) {
          const err28 = { instancePath: instancePath + "/approval", schemaPath: "#/properties/approval/oneOf/1/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$" }, message: 'must match pattern "^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$"', schema: "^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$", parentSchema: schema317.properties.approval.oneOf[1], data: data9 };
          if (vErrors === null) {
            vErrors = [err28];
          } else {
            vErrors.push(err28);
          }
          errors++;
        }
      } else {
        const err29 = { instancePath: instancePath + "/approval", schemaPath: "#/properties/approval/oneOf/1/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema317.properties.approval.oneOf[1].type, parentSchema: schema317.properties.approval.oneOf[1], data: data9 };
        if (vErrors === null) {
          vErrors = [err29];
        } else {
          vErrors.push(err29);
        }
        errors++;
      }
      var _valid0 = _errs22 === errors;
      if (_valid0 && valid3) {
        valid3 = false;
        passing0 = [passing0, 1];
      } else {
        if (_valid0) {
          valid3 = true;
          passing0 = 1;
        }
      }
      if (!valid3) {
        const err30 = { instancePath: instancePath + "/approval", schemaPath: "#/properties/approval/oneOf", keyword: "oneOf", params: { passingSchemas: passing0 }, message: "must match exactly one schema in oneOf", schema: schema317.properties.approval.oneOf, parentSchema: schema317.properties.approval, data: data9 };
        if (vErrors === null) {
          vErrors = [err30];
        } else {
          vErrors.push(err30);
        }
        errors++;
      } else {
        errors = _errs19;
        if (vErrors !== null) {
          if (_errs19) {
            vErrors.length = _errs19;
          } else {
            vErrors = null;
          }
        }
      }
    }
    if (data.policyDigest !== void 0) {
      let data10 = data.policyDigest;
      const _errs25 = errors;
      let valid4 = false;
      let passing1 = null;
      const _errs26 = errors;
      if (data10 !== null) {
        const err31 = { instancePath: instancePath + "/policyDigest", schemaPath: "#/properties/policyDigest/oneOf/0/type", keyword: "type", params: { type: "null" }, message: "must be null", schema: schema317.properties.policyDigest.oneOf[0].type, parentSchema: schema317.properties.policyDigest.oneOf[0], data: data10 };
        if (vErrors === null) {
          vErrors = [err31];
        } else {
          vErrors.push(err31);
        }
        errors++;
      }
      var _valid1 = _errs26 === errors;
      if (_valid1) {
        valid4 = true;
        passing1 = 0;
      }
      const _errs28 = errors;
      if (typeof data10 === "string") {
        if (!pattern76.test(data10)) {
          const err32 = { instancePath: instancePath + "/policyDigest", schemaPath: "#/properties/policyDigest/oneOf/1/pattern", keyword: "pattern", params: { pattern: "^sha256:[0-9a-f]{64}$" }, message: 'must match pattern "^sha256:[0-9a-f]{64}$"', schema: "^sha256:[0-9a-f]{64}$", parentSchema: schema317.properties.policyDigest.oneOf[1], data: data10 };
          if (vErrors === null) {
            vErrors = [err32];
          } else {
            vErrors.push(err32);
          }
          errors++;
        }
      } else {
        const err33 = { instancePath: instancePath + "/policyDigest", schemaPath: "#/properties/policyDigest/oneOf/1/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema317.properties.policyDigest.oneOf[1].type, parentSchema: schema317.properties.policyDigest.oneOf[1], data: data10 };
        if (vErrors === null) {
          vErrors = [err33];
        } else {
          vErrors.push(err33);
        }
        errors++;
      }
      var _valid1 = _errs28 === errors;
      if (_valid1 && valid4) {
        valid4 = false;
        passing1 = [passing1, 1];
      } else {
        if (_valid1) {
          valid4 = true;
          passing1 = 1;
        }
      }
      if (!valid4) {
        const err34 = { instancePath: instancePath + "/policyDigest", schemaPath: "#/properties/policyDigest/oneOf", keyword: "oneOf", params: { passingSchemas: passing1 }, message: "must match exactly one schema in oneOf", schema: schema317.properties.policyDigest.oneOf, parentSchema: schema317.properties.policyDigest, data: data10 };
        if (vErrors === null) {
          vErrors = [err34];
        } else {
          vErrors.push(err34);
        }
        errors++;
      } else {
        errors = _errs25;
        if (vErrors !== null) {
          if (_errs25) {
            vErrors.length = _errs25;
          } else {
            vErrors = null;
          }
        }
      }
    }
  } else {
    const err35 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema317.type, parentSchema: schema317, data };
    if (vErrors === null) {
      vErrors = [err35];
    } else {
      vErrors.push(err35);
    }
    errors++;
  }
  validate207.errors = vErrors;
  return errors === 0;
}
validate207.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };

// core/snapshot/tombstone.ts
var TOMBSTONE_FORMAT = "snapgate.tombstone/v1";
var validator6 = new JsonSchemaValidator(
  () => tombstone_validator_default
);
function tombstonePath(stream, seq) {
  return `tombstones/${stream}/${String(seq).padStart(10, "0")}.json`;
}
var TOMBSTONE_NAME = /^tombstones\/([^/]+)\/(\d{10})\.json$/;
async function listForgotten(store, stream) {
  const forgotten = /* @__PURE__ */ new Map();
  for (const path of await store.listRecords(stream ? `tombstones/${stream}` : "tombstones")) {
    const match = TOMBSTONE_NAME.exec(path);
    if (!match?.[1] || !match[2]) continue;
    const seqs = forgotten.get(match[1]) ?? /* @__PURE__ */ new Set();
    seqs.add(Number(match[2]));
    forgotten.set(match[1], seqs);
  }
  return forgotten;
}

// core/snapshot/list-snapshots.ts
function matchesFilter(entry, filter) {
  const time = Date.parse(entry.time);
  if (filter.stream && entry.stream !== filter.stream) return false;
  if (filter.since && time < filter.since.getTime()) return false;
  if (filter.until && time > filter.until.getTime()) return false;
  if (filter.tags?.length && !filter.tags.every((tag) => entry.metadata.tags.includes(tag)))
    return false;
  if (filter.commit && !(entry.metadata.commit ?? "").startsWith(filter.commit)) return false;
  if (filter.changeId && entry.metadata.changeId !== filter.changeId) return false;
  if (filter.phase && entry.phase !== filter.phase) return false;
  if (filter.component && !entry.components.includes(filter.component)) return false;
  if (filter.run && !matchesRun(entry.metadata.runUrl, filter.run)) return false;
  return true;
}
function matchesRun(runUrl, run) {
  if (!runUrl) return false;
  if (runUrl === run) return true;
  const path = runUrl.replace(/[?#].*$/, "").replace(/\/+$/, "");
  return /^\d+$/.test(run) && new RegExp(`/runs/${run}(/attempts/\\d+)?$`).test(path);
}
async function listSnapshots(store, filter = {}) {
  await store.assertExists();
  const [entries, forgotten] = await Promise.all([
    filter.stream ? readCatalog(store, filter.stream) : readAllCatalogs(store),
    listForgotten(store, filter.stream)
  ]);
  const matching = entries.map((entry) => ({ ...entry, forgotten: forgotten.get(entry.stream)?.has(entry.seq) ?? false })).filter(
    (entry) => (filter.includeForgotten || !entry.forgotten) && matchesFilter(entry, filter)
  ).sort(
    (a, b) => a.time.localeCompare(b.time) || a.stream.localeCompare(b.stream) || a.seq - b.seq
  );
  return filter.limit ? matching.slice(-filter.limit) : matching;
}

// core/snapshot/resolve-snapshot.ts
async function resolveSnapshot(store, spec, options = {}) {
  await store.assertExists();
  const reference = parseSnapshotReference(spec);
  if (reference?.kind === "latest" || reference?.kind === "stream") {
    const stream = reference.kind === "stream" ? reference.stream : options.stream ?? await onlyStream(store);
    const entries2 = await readCatalog(store, stream);
    let wanted;
    if (reference.kind === "stream" && reference.seq !== null) {
      const seq = reference.seq;
      wanted = entries2.find((e) => e.seq === seq);
    } else {
      const forgotten = (await listForgotten(store, stream)).get(stream);
      wanted = entries2.findLast((e) => !forgotten?.has(e.seq));
    }
    if (!wanted) {
      throw new SnapgateError(
        "NOT_FOUND",
        `There is no snapshot ${spec} of environment '${stream}' in ${store.location}.`,
        {
          fix: entries2.length ? `It has seq 1..${entries2.at(-1)?.seq}; see \`snapgate list --env ${stream}\`.` : `Take one with \`snapgate snapshot --env ${stream} ...\`.`
        }
      );
    }
    return wanted;
  }
  if (reference === null) {
    throw new SnapgateError("USAGE", `'${spec}' is not a snapshot reference.`, {
      fix: "Use a snapshot id (at least 6 hex characters), latest with --env, or ENV@SEQ such as prod@12."
    });
  }
  const entries = options.stream ? await readCatalog(store, options.stream) : await readAllCatalogs(store);
  const matches = entries.filter((entry) => entry.id.startsWith(spec));
  if (matches.length === 1) return matches[0];
  if (matches.length === 0) {
    throw new SnapgateError(
      "NOT_FOUND",
      `No snapshot id starts with ${spec} in ${store.location}.`,
      {
        fix: "List snapshots with `snapgate list` and copy an id."
      }
    );
  }
  throw new SnapgateError("USAGE", `${spec} matches ${matches.length} snapshots.`, {
    fix: `Give more characters: ${matches.slice(0, 5).map((m) => `${m.id.slice(0, 16)} (${m.stream}@${m.seq})`).join(", ")}.`
  });
}
async function onlyStream(store) {
  const streams = await store.listStreams();
  if (streams.length === 1) return streams[0];
  throw new SnapgateError(
    "USAGE",
    streams.length ? "Which environment's latest snapshot?" : `${store.location} holds no snapshots yet.`,
    {
      fix: streams.length ? `Add --env with one of: ${streams.join(", ")}.` : "Take one with `snapgate snapshot`."
    }
  );
}

// core/approvals/decide-eligibility.ts
var WRITE_OR_MORE = /* @__PURE__ */ new Set(["admin", "maintain", "write"]);
function decideEligibility(user, facts, role) {
  if (facts.bot || user.login.endsWith("[bot]")) return `@${user.login} is a bot; bots never count`;
  if (!WRITE_OR_MORE.has(facts.permission))
    return `@${user.login} has ${facts.permission} access to this repository; ${role}s need write access or more`;
  if (facts.inRole === false)
    return `@${user.login} is not one of the policy's roles.${role}s (users and teams are checked live)`;
  return null;
}

// core/approvals/apply-lock-command.ts
function applyLockCommand(lock, command, actor, facts, now) {
  const environment = command.environment ?? "";
  const event = (type, details) => ({
    type,
    time: now,
    actor: { kind: "user", login: actor.login, id: actor.id },
    subject: { environment },
    details,
    deliveryId: facts.deliveryId
  });
  const refuse = (refusal2, reply) => ({
    state: lock,
    reply,
    reactions: ["confused"],
    // Someone who may not lock or unlock tried: that attempt is a decision, so it is audited.
    auditEvents: refusal2 === "bot" || refusal2 === "not-eligible" ? [event("environment.lock-refused", { command: command.name, refusal: refusal2 })] : [],
    refusal: refusal2
  });
  if (command.name !== "lock" && command.name !== "unlock")
    return refuse("unsupported", `\`${command.name}\` is not a lock command.`);
  const ineligible = decideEligibility(actor, facts.eligibility, "approver");
  if (ineligible !== null) {
    return refuse(
      facts.eligibility.bot || actor.login.endsWith("[bot]") ? "bot" : "not-eligible",
      `Not ${command.name === "lock" ? "locked" : "unlocked"}: ${ineligible}. Ask an eligible approver.`
    );
  }
  if (command.name === "lock") {
    if (lock !== null)
      return refuse(
        "locked",
        `${environment} is already locked by @${lock.by.login} since ${lock.at}${lock.reason ? `: ${lock.reason}` : ""}.`
      );
    const next = {
      environment,
      by: { id: actor.id, login: actor.login },
      reason: command.reason,
      at: now.toISOString(),
      commentId: facts.commentId
    };
    return {
      state: next,
      reply: `\u{1F512} ${environment} is locked by @${actor.login}${command.reason ? `: ${command.reason}` : ""}. Restores of ${environment} are refused until \`/snapgate unlock --env ${environment}\`.`,
      reactions: ["+1"],
      auditEvents: [event("environment.locked", { reason: command.reason })],
      refusal: null
    };
  }
  if (lock === null) return refuse("not-locked", `${environment} is not locked.`);
  return {
    state: null,
    reply: `\u{1F513} ${environment} is unlocked by @${actor.login} (it was locked by @${lock.by.login} since ${lock.at}). Restores may be requested again.`,
    reactions: ["+1"],
    auditEvents: [
      event("environment.unlocked", {
        lockedBy: { login: lock.by.login, id: lock.by.id },
        lockedAt: lock.at
      })
    ],
    refusal: null
  };
}

// core/policy/policy-environment.ts
function policyEnvironment(policy, name) {
  const environment = policy.environments[name];
  if (!environment) {
    throw new SnapgateError("CONFIG", `The policy has no environment '${name}'.`, {
      fix: `Add it under environments in the policy, or use one of: ${Object.keys(policy.environments).join(", ")}.`
    });
  }
  return environment;
}

// app/handlers/lock-command.ts
var ATTEMPTS = 3;
async function lockCommand(command, actor, commentId, event, signingKey) {
  const opened = await openRequestStore(event, signingKey);
  const { policy, store, sodium } = opened;
  const environment = command.environment ?? "";
  policyEnvironment(policy, environment);
  const eligibility = await opened.eligibility(actor, "approver");
  for (let attempt = 1; ; attempt++) {
    const newest = await readNewestEnvironmentLock(
      store,
      sodium,
      environment,
      policy.keys.app ?? []
    );
    const transition = applyLockCommand(
      newest?.lock ?? null,
      command,
      actor,
      { eligibility, deliveryId: event.deliveryId, commentId },
      event.now
    );
    if (transition.refusal === null) {
      try {
        await store.writeRecords([
          sealEnvironmentLock(
            sodium,
            {
              environment,
              revision: (newest?.revision ?? 0) + 1,
              lock: transition.state,
              by: { id: actor.id, login: actor.login },
              at: event.now.toISOString()
            },
            opened.signingKey
          )
        ]);
      } catch (error) {
        if (isSnapgateError(error) && error.code === "CONFLICT" && attempt < ATTEMPTS) continue;
        throw error;
      }
    }
    await appendAuditEvents(store, transition.auditEvents);
    if (transition.refusal !== null)
      return { body: `**Not run:** ${transition.reply}`, reactions: ["-1"] };
    return { body: transition.reply, reactions: transition.reactions };
  }
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

// core/approvals/request-quorum.ts
function requestQuorum(policy, environment, files, paths) {
  const own = policyEnvironment(policy, environment).tier;
  let best = { name: own, tier: policy.tiers[own], file: null };
  const matches = paths.length === 0 ? () => true : compileGlobs(paths);
  for (const file of [...files].sort()) {
    if (!matches(file)) continue;
    const name = classifyPath(policy, file, environment).tier;
    const tier = name === void 0 ? void 0 : policy.tiers[name];
    if (name !== void 0 && tier !== void 0 && tier.level < best.tier.level) {
      best = { name, tier, file };
    }
  }
  return {
    tier: best.name,
    level: best.tier.level,
    required: best.tier.approvals,
    ttlMs: best.tier.requestTtlMs,
    file: best.file
  };
}

// core/approvals/apply-command.ts
function applyCommand(request2, command, actor, facts, now) {
  if (command.name === "restore" || command.name === "forget")
    return create(request2, command.name, command, actor, facts, now);
  if (command.name !== "approve" && command.name !== "deny" && command.name !== "cancel")
    return refused(request2, "unsupported", `\`${command.name}\` does not change a request.`);
  if (request2 === null)
    return refused(
      null,
      "no-request",
      `There is no request ${command.args["request"] ?? ""} here. Check the id in the request's status comment.`
    );
  if (command.args["request"] !== request2.id)
    return refused(
      request2,
      "wrong-request",
      `This is request ${request2.id}; your command names ${command.args["request"] ?? "no request"}. Nothing was recorded: repeat it on the status comment of the request you mean.`
    );
  if (request2.state === "executed" || request2.state === "dispatched" || request2.state === "failed")
    return refused(
      request2,
      "already-executed",
      `Request ${request2.id} already ran (${request2.state}); a request runs once.`
    );
  if (request2.state !== "pending" && request2.state !== "approved")
    return refused(
      request2,
      "not-pending",
      `Request ${request2.id} is ${request2.state}${request2.closed ? ` (${request2.closed.reason})` : ""}. Ask for a new one if it is still needed.`
    );
  const closedNow = staleness(request2, facts.policy, now, facts.deliveryId);
  if (closedNow) return closedNow;
  if (command.name === "cancel") {
    if (actor.id !== request2.requester.id)
      return refused(
        request2,
        "not-requester",
        `Only @${request2.requester.login}, who asked, can cancel request ${request2.id}; approvers deny instead (\`/snapgate deny ${request2.id} --reason ...\`).`
      );
    const next = close(request2, "cancelled", actor, now, "cancelled by the requester");
    return {
      state: next,
      reply: `Request ${request2.id} is cancelled.`,
      reactions: ["+1"],
      auditEvents: [requestAuditEvent("request.cancelled", request2, actor, facts.deliveryId, now)],
      refusal: null
    };
  }
  const ineligible = decideEligibility(actor, facts.eligibility, "approver");
  if (ineligible !== null)
    return refusedAudited(
      request2,
      facts.eligibility.bot || actor.login.endsWith("[bot]") ? "bot" : "not-eligible",
      `Not recorded: ${ineligible}.`,
      actor,
      facts.deliveryId,
      now
    );
  if (actor.id === request2.requester.id)
    return refusedAudited(
      request2,
      "self-approval",
      `Not recorded: you asked for request ${request2.id}, so you cannot ${command.name} it. ${command.name === "deny" ? `Cancel it instead (\`/snapgate cancel ${request2.id}\`).` : "Other eligible approvers must approve it."}`,
      actor,
      facts.deliveryId,
      now
    );
  if (command.name === "deny") {
    const next = {
      ...close(request2, "denied", actor, now, `denied by @${actor.login}`),
      denials: [
        ...request2.denials,
        {
          user: { id: actor.id, login: actor.login },
          at: now.toISOString(),
          digest: request2.digest,
          commentId: facts.commentId,
          reason: command.reason
        }
      ]
    };
    return {
      state: next,
      reply: `Request ${request2.id} is denied by @${actor.login}${command.reason ? `: ${command.reason}` : ""}. One eligible deny blocks it; ask for a new request if it is still needed.`,
      reactions: ["-1"],
      auditEvents: [
        requestAuditEvent("request.denied", request2, actor, facts.deliveryId, now, {
          reason: command.reason
        })
      ],
      refusal: null
    };
  }
  if (request2.action === "restore" && facts.lock !== null)
    return refusedAudited(request2, "locked", lockedReply(facts.lock), actor, facts.deliveryId, now);
  if (request2.approvals.some((approval) => approval.user.id === actor.id))
    return refused(
      request2,
      "duplicate-approval",
      `@${actor.login} already approved request ${request2.id}; each person counts once.`
    );
  const approvals = [
    ...request2.approvals,
    {
      user: { id: actor.id, login: actor.login },
      at: now.toISOString(),
      digest: request2.digest,
      commentId: facts.commentId,
      deliveryId: facts.deliveryId
    }
  ];
  const counted = countApprovals({ ...request2, approvals }).length;
  const state = counted >= request2.quorum.required ? "approved" : "pending";
  return {
    state: { ...request2, approvals, state },
    reply: state === "approved" ? `Request ${request2.id} is approved (${counted} of ${request2.quorum.required}). It runs once, after everything is checked again.` : `Approval by @${actor.login} recorded: ${counted} of ${request2.quorum.required}.`,
    reactions: state === "approved" ? ["+1", "rocket"] : ["+1"],
    auditEvents: [
      requestAuditEvent("request.approved", request2, actor, facts.deliveryId, now, {
        approvals: counted,
        required: request2.quorum.required
      })
    ],
    refusal: null
  };
}
function create(request2, action, command, actor, facts, now) {
  if (command.dryRun)
    return refused(request2, "dry-run", "A dry run asks for nothing; no request was created.");
  if (request2 !== null || facts.create === void 0)
    return refused(
      request2,
      "unsupported",
      "A request is created once, from a new command comment."
    );
  const ineligible = decideEligibility(actor, facts.eligibility, "restorer");
  if (ineligible !== null)
    return refused(
      null,
      facts.eligibility.bot || actor.login.endsWith("[bot]") ? "bot" : "not-eligible",
      `No request created: ${ineligible}.`
    );
  const environment = facts.create.environment;
  if (command.environment !== null && command.environment !== environment)
    return refused(
      null,
      "wrong-environment",
      `The snapshot is of ${environment}, but the command says ${command.environment}. Name a snapshot of ${command.environment}, or drop --env.`
    );
  if (action === "restore" && facts.lock !== null)
    return refused(null, "locked", lockedReply(facts.lock));
  const paths = action === "restore" ? [...command.paths] : [];
  const quorum = requestQuorum(facts.policy, environment, facts.create.files, paths);
  const requester = { id: actor.id, login: actor.login };
  const createdAt = now.toISOString();
  const expiresAt = new Date(now.getTime() + quorum.ttlMs).toISOString();
  const subject = {
    environment,
    snapshots: [...facts.create.snapshots].sort(),
    ...action === "restore" ? { paths } : {},
    policyDigest: `sha256:${policyDigest(facts.policy)}`
  };
  const id = facts.create.id;
  const digest = requestDigest({
    format: REQUEST_FORMAT,
    id,
    action,
    subject,
    requester,
    createdAt,
    expiresAt
  });
  const next = {
    v: 1,
    id,
    action,
    subject,
    digest,
    requester,
    reason: command.reason,
    commentId: facts.commentId,
    createdAt,
    expiresAt,
    quorum,
    approvals: [],
    denials: [],
    state: quorum.required <= 0 ? "approved" : "pending",
    closed: null
  };
  return {
    state: next,
    reply: `Request ${id} created: ${action} in ${environment} needs ${quorum.required} approval(s) from eligible approvers other than @${actor.login} (tier ${quorum.tier}${quorum.file ? `, set by ${quorum.file}` : ""}) before ${expiresAt}. Approve with \`/snapgate approve ${id}\`.`,
    reactions: ["+1"],
    auditEvents: [
      requestAuditEvent("request.created", next, actor, facts.deliveryId, now, {
        reason: command.reason,
        tier: quorum.tier,
        required: quorum.required,
        expiresAt
      })
    ],
    refusal: null
  };
}
function staleness(request2, policy, now, deliveryId) {
  if (!(now.getTime() < Date.parse(request2.expiresAt))) {
    return {
      state: close(request2, "expired", null, now, `expired at ${request2.expiresAt}`),
      reply: `Request ${request2.id} expired at ${request2.expiresAt}; its approvals are void. Ask for a new request if it is still needed.`,
      reactions: ["confused"],
      auditEvents: [requestAuditEvent("request.expired", request2, null, deliveryId, now)],
      refusal: "expired"
    };
  }
  if (request2.subject.policyDigest !== `sha256:${policyDigest(policy)}`) {
    const reason2 = "the policy changed since it was asked; its approvals are void";
    return {
      state: close(request2, "cancelled", null, now, reason2),
      reply: `Request ${request2.id} is void: ${reason2}. Ask for a new request under the current policy.`,
      reactions: ["confused"],
      auditEvents: [
        requestAuditEvent("request.voided", request2, null, deliveryId, now, { reason: reason2 })
      ],
      refusal: "policy-changed"
    };
  }
  return null;
}
function close(request2, state, by, now, reason2) {
  return {
    ...request2,
    state,
    closed: { by: by && { id: by.id, login: by.login }, at: now.toISOString(), reason: reason2 }
  };
}
function lockedReply(lock) {
  return `${lock.environment} is locked by @${lock.by.login} since ${lock.at}${lock.reason ? `: ${lock.reason}` : ""}. Restores are refused until an approver runs \`/snapgate unlock --env ${lock.environment}\`.`;
}
function refused(state, refusal2, reply) {
  return { state, reply, reactions: ["confused"], auditEvents: [], refusal: refusal2 };
}
function refusedAudited(request2, refusal2, reply, actor, deliveryId, now) {
  return {
    ...refused(request2, refusal2, reply),
    auditEvents: [
      requestAuditEvent("request.refused", request2, actor, deliveryId, now, { refusal: refusal2 })
    ]
  };
}

// app/handlers/change-request.ts
var ATTEMPTS2 = 3;
async function changeRequest(opened, id, decide3, extra = []) {
  const { policy, store, sodium } = opened;
  for (let attempt = 1; ; attempt++) {
    const found = await readNewestRequestState(store, sodium, id, policy.keys.app ?? []);
    const transition = await decide3(found?.request ?? null);
    const next = transition.state;
    const changed = found !== null && next !== null && next !== found.request ? next : null;
    if (found !== null && changed !== null) {
      try {
        await store.writeRecords([
          sealRequestState(sodium, changed, found.revision + 1, opened.signingKey),
          ...extra
        ]);
      } catch (error) {
        if (isSnapgateError(error) && error.code === "CONFLICT" && attempt < ATTEMPTS2) continue;
        throw error;
      }
    }
    await appendAuditEvents(store, transition.auditEvents);
    return { transition, changed };
  }
}

// app/handlers/dispatch-request.ts
import { randomUUID } from "node:crypto";

// core/approvals/decided-request-record.ts
function decidedRequestRecord(request2) {
  return {
    format: REQUEST_FORMAT,
    id: request2.id,
    action: request2.action,
    subject: {
      environment: request2.subject.environment,
      snapshots: [...request2.subject.snapshots].sort(),
      ...request2.subject.paths ? { paths: [...request2.subject.paths] } : {},
      policyDigest: request2.subject.policyDigest
    },
    digest: request2.digest,
    requester: { id: request2.requester.id, login: request2.requester.login },
    ...request2.reason !== null ? { reason: request2.reason } : {},
    createdAt: request2.createdAt,
    expiresAt: request2.expiresAt,
    approvals: countApprovals(request2).map((approval) => ({
      user: { id: approval.user.id, login: approval.user.login },
      at: approval.at,
      digest: approval.digest
    })),
    state: "approved"
  };
}

// core/approvals/decide-dispatch.ts
function decideDispatch(request2, facts, now) {
  const reasons = [];
  const codes = [];
  const refuse = (code, reason2) => {
    codes.push(code);
    reasons.push(reason2);
  };
  if (facts.executed || request2.state === "executed" || request2.state === "dispatched" || request2.state === "failed")
    refuse("already-executed", "it already ran; a request runs once");
  else if (request2.state !== "approved")
    refuse("not-pending", `it is ${request2.state}, not approved`);
  if (!(now.getTime() < Date.parse(request2.expiresAt)))
    refuse("expired", `it expired at ${request2.expiresAt}`);
  if (requestDigest({ format: REQUEST_FORMAT, ...request2 }) !== request2.digest)
    refuse("tampered", "its digest does not match its contents");
  if (request2.subject.policyDigest !== `sha256:${policyDigest(facts.policy)}`)
    refuse("policy-changed", "the policy changed since it was asked");
  if (request2.action === "restore" && facts.lock !== null)
    refuse(
      "locked",
      `${facts.lock.environment} is locked by @${facts.lock.by.login}${facts.lock.reason ? ` (${facts.lock.reason})` : ""}`
    );
  if (!facts.backupVerified) refuse("backup-unverified", "the backup does not verify");
  const eligible = [];
  for (const approval of countApprovals(request2)) {
    const live = facts.approvers.get(approval.user.id);
    if (live && decideEligibility(approval.user, live, "approver") === null)
      eligible.push(approval.user);
  }
  if (eligible.length < request2.quorum.required)
    refuse(
      "not-eligible",
      `${eligible.length} of its approvers are eligible now; the tier needs ${request2.quorum.required}`
    );
  if (reasons.length > 0) {
    return {
      dispatch: false,
      reasons,
      state: request2,
      reply: `Request ${request2.id} does not run: ${reasons.join("; ")}.`,
      reactions: ["confused"],
      auditEvents: [
        requestAuditEvent("request.dispatch-refused", request2, null, facts.deliveryId, now, {
          reasons
        })
      ],
      refusal: codes[0]
    };
  }
  return {
    dispatch: true,
    reasons,
    state: { ...request2, state: "dispatched" },
    reply: `Request ${request2.id} runs now, approved by ${eligible.map((user) => `@${user.login}`).join(", ")}.`,
    reactions: ["rocket"],
    auditEvents: [
      requestAuditEvent("request.dispatched", request2, null, facts.deliveryId, now, {
        approvers: eligible.map((user) => ({ login: user.login, id: user.id }))
      })
    ],
    refusal: null
  };
}

// core/approvals/record-dispatch-failure.ts
function recordDispatchFailure(request2, attempt, problem, deliveryId, now) {
  const reason2 = `dispatching ${attempt.workflow} on ${attempt.ref} failed: ${problem.message}`;
  return {
    state: {
      ...request2,
      state: "failed",
      run: {
        ...attempt,
        id: null,
        url: null,
        dispatchedAt: now.toISOString(),
        conclusion: null,
        completedAt: null
      },
      closed: { by: null, at: now.toISOString(), reason: reason2 }
    },
    reply: `Request ${request2.id} was approved but did not run: ${reason2} ${problem.fix} A request runs once: ask for a new one once this is fixed.`,
    reactions: ["confused"],
    auditEvents: [
      requestAuditEvent("request.dispatch-failed", request2, null, deliveryId, now, {
        workflow: attempt.workflow,
        ref: attempt.ref,
        error: problem.message
      })
    ],
    refusal: null
  };
}

// core/approvals/request-claim-ref.ts
function requestClaimRef(requestId) {
  return `refs/snapgate/requests/${requestId}`;
}

// core/crypto/blob-id.ts
import { createHmac } from "node:crypto";
function computeBlobId(macKey, content) {
  return createHmac("sha256", macKey).update(content).digest("hex");
}

// core/snapshot/signature-problem.ts
function signatureProblem(sodium, manifest, trustedKeys, where) {
  const check = verifyManifestSignature(sodium, manifest, trustedKeys);
  if (check.ok) return void 0;
  if (check.reason === "unknown-key") {
    return {
      message: `${where} is signed by ${check.key || "no key"}, which is not a trusted writer key.`,
      fix: "If that writer is legitimate, add its verify key to keys.writers in the policy (or pass --verify-key); otherwise someone else wrote to the store: do not restore from it."
    };
  }
  return {
    message: `${where} has an invalid signature from ${check.key}: it was altered after it was signed.`,
    fix: "Do not restore from it; check who can write the store and restore an earlier snapshot."
  };
}

// core/snapshot/assert-blob-intact.ts
function assertBlobIntact(ciphertext, file, where, location) {
  if (!ciphertext) {
    throw new SnapgateError(
      "INTEGRITY",
      `The blob of ${file.path} in ${where} is missing from ${location}.`,
      {
        fix: "The store lost data: restore this file from another snapshot, and run `snapgate verify --all`.",
        details: { kind: "missing-blob", path: file.path, blob: file.blob }
      }
    );
  }
  if (sha256Hex(ciphertext) !== file.ciphertextSha256) {
    throw new SnapgateError(
      "INTEGRITY",
      `The blob of ${file.path} in ${where} was tampered with: its sha256 does not match the signed manifest.`,
      {
        fix: "Do not trust this copy: restore the file from another snapshot, and check who can write the store.",
        details: { kind: "tampered-blob", path: file.path, blob: file.blob }
      }
    );
  }
}

// core/snapshot/open-verified-blob.ts
async function openVerifiedBlob(store, opener, manifest, file, where, ciphertext) {
  assertBlobIntact(ciphertext, file, where, store.location);
  const content = await opener.open(ciphertext, file.encoding, {
    describe: `${file.path} in ${where}`,
    recipients: recipientsOfFile(manifest, file)
  });
  if (content.length !== file.size) {
    throw new SnapgateError(
      "INTEGRITY",
      `${file.path} in ${where} decrypted to ${content.length} bytes; the manifest says ${file.size}.`,
      {
        fix: "The snapshot was written by a faulty writer; restore the file from another snapshot.",
        details: { kind: "decrypt", path: file.path }
      }
    );
  }
  return content;
}

// core/snapshot/verify-snapshots.ts
async function verifySnapshots(options) {
  if (options.trustedKeys.length === 0) {
    throw new SnapgateError("USAGE", "No trusted writer keys to check signatures against.", {
      fix: "Pass --verify-key sgw1... (printed by `snapgate keygen --writer`) or use a policy that lists keys.writers."
    });
  }
  if (options.level === "restore" && !options.opener) {
    throw new SnapgateError(
      "USAGE",
      "Restore-level verification decrypts every file and needs an identity.",
      {
        fix: "Pass --identity FILE (or SNAPGATE_IDENTITY), or verify at structure level."
      }
    );
  }
  const sodium = await loadSodium();
  const checkedBlobs = /* @__PURE__ */ new Map();
  let bytesChecked = 0;
  const results = [];
  let done = 0;
  for (const entry of options.snapshots) {
    const where = `snapshot ${entry.stream}@${entry.seq}`;
    const problems = [];
    const bytes = await options.store.readManifest(entry.stream, entry.seq);
    let manifest;
    if (!bytes) {
      problems.push({
        kind: "manifest",
        message: `The manifest of ${where} is missing.`,
        fix: "Restore the store from a replica; the chain is broken here."
      });
    } else {
      if (sha256Hex(bytes) !== entry.id) {
        problems.push({
          kind: "manifest",
          message: `The manifest of ${where} does not hash to its id ${entry.id.slice(0, 12)}.`,
          fix: "The manifest or the catalog was altered; do not restore from this snapshot."
        });
      }
      try {
        manifest = parseManifest(bytes, `the manifest of ${where}`);
      } catch (error) {
        if (!isSnapgateError(error)) throw error;
        problems.push({ kind: "manifest", message: error.summary, fix: error.fix ?? "" });
      }
    }
    const forgotten = options.forgotten?.has(entry.id) ?? false;
    if (manifest) {
      const signature = signatureProblem(sodium, manifest, options.trustedKeys, where);
      if (signature) problems.push({ kind: "signature", ...signature });
      problems.push(...await chainProblems(options.store, manifest, entry, where));
      problems.push(...recipientProblems(manifest, where));
      if (!forgotten)
        problems.push(
          ...await blobProblems(
            options,
            manifest,
            where,
            checkedBlobs,
            (n) => bytesChecked += n
          )
        );
    }
    results.push({
      id: entry.id,
      stream: entry.stream,
      seq: entry.seq,
      ok: problems.length === 0,
      forgotten,
      problems
    });
    options.onProgress?.(++done, options.snapshots.length);
  }
  return {
    level: options.level,
    ok: results.every((r) => r.ok),
    snapshots: results,
    blobsChecked: checkedBlobs.size,
    bytesChecked
  };
}
async function chainProblems(store, manifest, entry, where) {
  if (manifest.stream !== entry.stream || manifest.seq !== entry.seq) {
    return [
      {
        kind: "chain",
        message: `The manifest stored as ${where} says it is ${manifest.stream}@${manifest.seq}.`,
        fix: "A manifest was moved or copied; do not restore from it."
      }
    ];
  }
  if (manifest.seq === 1) {
    return manifest.prev === null ? [] : [
      {
        kind: "chain",
        message: `${where} is the first of its stream but links to a previous manifest.`,
        fix: "Earlier manifests were removed from the store; restore it from a replica."
      }
    ];
  }
  const previous = await store.readManifest(entry.stream, entry.seq - 1);
  if (!previous) {
    return [
      {
        kind: "chain",
        message: `The chain is broken at seq ${entry.seq - 1} of ${entry.stream}: that manifest is missing.`,
        fix: "A manifest was deleted from the store; restore it from a replica and find out who deleted it."
      }
    ];
  }
  if (sha256Hex(previous) !== manifest.prev) {
    return [
      {
        kind: "chain",
        message: `The chain is broken between seq ${entry.seq - 1} and ${entry.seq} of ${entry.stream}: ${entry.seq - 1} is not the manifest ${entry.seq} was written after.`,
        fix: `Manifest ${entry.seq - 1} was replaced or altered; treat it as untrusted and investigate the store's history.`
      }
    ];
  }
  return [];
}
function recipientProblems(manifest, where) {
  return recipientGaps(manifest).map((gap) => ({
    kind: "recipients",
    message: `${gap.path} in ${where} cannot be opened by ${gap.cannotOpen.join(", ")}: its blob is sealed to other keys, though the snapshot lists them as recipients.`,
    fix: "Take a new snapshot (it seals every file to the current recipients again); until then restore this file with a key it is sealed to.",
    path: gap.path
  }));
}
function blobKey(file) {
  return `${file.blob}-${file.ciphertextSha256}-${file.encoding}-${file.recipientSet ?? ""}-${file.size}`;
}
async function blobProblems(options, manifest, where, checked, addBytes) {
  const regular = manifest.files.filter((file) => file.type === "file");
  const fresh = /* @__PURE__ */ new Map();
  for (const file of regular) {
    const key = blobKey(file);
    if (!checked.has(key) && !fresh.has(key)) fresh.set(key, file);
  }
  await forEachBlobWindow(options.store, [...fresh.values()], async (file, ciphertext) => {
    checked.set(
      blobKey(file),
      await checkBlobOnce(options, manifest, file, where, ciphertext, addBytes)
    );
  });
  return regular.flatMap((file) => {
    const problem = checked.get(blobKey(file));
    return problem ? [{ ...problem, path: file.path }] : [];
  });
}
async function checkBlobOnce(options, manifest, file, where, ciphertext, addBytes) {
  let problem = null;
  try {
    if (options.level === "restore" && options.opener) {
      const content = await openVerifiedBlob(
        options.store,
        options.opener,
        manifest,
        file,
        where,
        ciphertext
      );
      addBytes(content.length);
      if (options.writerKey && computeBlobId(options.writerKey.macKey, content) !== file.blob) {
        problem = {
          kind: "content-id",
          message: `${file.path} in ${where} decrypts to content whose keyed id is not the recorded one.`,
          fix: "The snapshot's writer key differs from yours, or the blob was swapped; restore the file from another snapshot."
        };
      }
    } else {
      if (!ciphertext) {
        problem = {
          kind: "missing-blob",
          message: `The blob of ${file.path} in ${where} is missing.`,
          fix: "The store lost data: restore this file from another snapshot; find out how the blob was deleted."
        };
      } else {
        addBytes(ciphertext.length);
        if (sha256Hex(ciphertext) !== file.ciphertextSha256) {
          problem = {
            kind: "tampered-blob",
            message: `The blob of ${file.path} in ${where} does not match the signed ciphertext sha256.`,
            fix: "Do not trust this copy: restore the file from another snapshot and check who can write the store."
          };
        }
      }
    }
  } catch (error) {
    if (!isSnapgateError(error)) throw error;
    if (error.code === "WRONG_KEY") {
      const identity = options.opener?.recipients ?? [];
      const listedFor = (recipients) => identity.some((recipient) => recipients.includes(recipient));
      if (!listedFor(manifest.recipients)) throw error;
      if (!listedFor(recipientsOfFile(manifest, file))) return null;
      return {
        kind: "decrypt",
        message: `${file.path} in ${where} is not sealed to ${identity.join(", ")}, though its manifest says it is.`,
        fix: "Take a new snapshot (it seals every file to the current recipients); until then restore this file from an older snapshot or with another recipient's key."
      };
    }
    const kind = error.details.kind ?? "decrypt";
    problem = { kind, message: error.summary, fix: error.fix ?? "" };
  }
  return problem;
}

// app/handlers/dispatch-request.ts
var DEFAULT_RESTORE_WORKFLOW = "snapgate-restore.yml";
async function dispatchRequest(opened, approved, event, where) {
  const { policy, store, sodium, signingKey } = opened;
  const approvers = /* @__PURE__ */ new Map();
  for (const approval of countApprovals(approved))
    approvers.set(approval.user.id, await opened.eligibility(approval.user, "approver"));
  const decision = decideDispatch(
    approved,
    {
      deliveryId: event.deliveryId,
      policy,
      approvers,
      // Read live; a lock record that is not the app's throws INTEGRITY: nothing is claimed.
      lock: await readEnvironmentLock(store, approved.subject.environment, policy.keys.app ?? []),
      backupVerified: await backupVerifies(opened, approved),
      executed: await readRequestExecution(store, approved.id) !== null
    },
    event.now
  );
  if (!decision.dispatch) {
    await appendAuditEvents(store, decision.auditEvents);
    return { request: approved, reply: decision.reply, reactions: [] };
  }
  if (!await claim(opened, approved.id, event)) {
    return {
      request: approved,
      reply: `Request ${approved.id} is already being dispatched (${requestClaimRef(approved.id)} exists): nothing more runs.`,
      reactions: []
    };
  }
  const workflow = policy.environments[approved.subject.environment]?.restoreWorkflow ?? DEFAULT_RESTORE_WORKFLOW;
  const attempt = { workflow, ref: where.defaultBranch, issue: where.issueNumber };
  let run;
  try {
    await store.writeRecords([
      {
        path: requestPath(approved.id),
        bytes: new TextEncoder().encode(
          `${JSON.stringify(signApprovalRequest(sodium, decidedRequestRecord(approved), signingKey), null, 2)}
`
        )
      }
    ]);
    run = await dispatchWorkflow(event, approved.id, attempt);
  } catch (error) {
    return failed(opened, approved, attempt, error, event);
  }
  const at = event.now.toISOString();
  const dispatchRecord = sealRequestDispatch(
    sodium,
    {
      request: approved.id,
      digest: approved.digest,
      repository: `${event.owner}/${event.repo}`,
      workflow,
      ref: attempt.ref,
      issue: attempt.issue,
      run,
      at,
      deliveryId: event.deliveryId
    },
    signingKey
  );
  const requestRun = {
    ...attempt,
    id: run.id,
    url: run.url,
    dispatchedAt: at,
    conclusion: null,
    completedAt: null
  };
  let changed;
  try {
    ({ changed } = await changeRequest(
      opened,
      approved.id,
      async (current) => ({
        ...decision,
        // The run started: whatever moved the request meanwhile, it is now this run's.
        state: current === null ? null : { ...current, state: "dispatched", run: requestRun },
        auditEvents: decision.auditEvents.map((audit) => ({
          ...audit,
          details: { ...audit.details, runId: run.id, run: run.url, workflow, ref: attempt.ref }
        }))
      }),
      [dispatchRecord]
    ));
  } catch (error) {
    const problem = asSnapgateError(error);
    return failed(
      opened,
      approved,
      attempt,
      new SnapgateError(
        problem.code,
        `run ${run.url} started, but recording it failed (${problem.summary}); it never gets the restore identity.`,
        problem.fix ? { fix: problem.fix } : {}
      ),
      event
    );
  }
  await answerRestoreRun(event, run.id, RESTORE_ENVIRONMENT, signingKey, opened).catch(
    (error) => event.log.warn({ err: error }, `answering the protection rule of run ${run.id} failed`)
  );
  return {
    request: changed ?? { ...decision.state, run: requestRun },
    reply: `${decision.reply} Run: ${run.url}`,
    reactions: ["rocket"]
  };
}
async function claim(opened, requestId, event) {
  const { client, owner, repo, branch } = opened.backup;
  const head = (await client.rest.git.getRef({ owner, repo, ref: `heads/${branch}` })).data.object.sha;
  const tree = (await client.rest.git.getCommit({ owner, repo, commit_sha: head })).data.tree.sha;
  const mine = (await client.rest.git.createCommit({
    owner,
    repo,
    tree,
    parents: [head],
    message: `snapgate: claim request ${requestId} (delivery ${event.deliveryId}, ${randomUUID()})`
  })).data.sha;
  const ref = requestClaimRef(requestId);
  try {
    await client.rest.git.createRef({ owner, repo, ref, sha: mine });
    return true;
  } catch (error) {
    if (httpStatus(error) !== 422) throw error;
    const held = await client.rest.git.getRef({ owner, repo, ref: ref.slice("refs/".length) });
    return held.data.object.sha === mine;
  }
}
async function backupVerifies(opened, request2) {
  try {
    const entries = await Promise.all(
      request2.subject.snapshots.map(
        (id) => resolveSnapshot(opened.store, id, { stream: request2.subject.environment })
      )
    );
    const report = await verifySnapshots({
      store: opened.store,
      snapshots: entries,
      trustedKeys: opened.policy.keys.writers.map((writer) => writer.key),
      level: "structure"
    });
    return report.ok;
  } catch (error) {
    if (isSnapgateError(error)) return false;
    throw error;
  }
}
async function dispatchWorkflow(event, requestId, attempt) {
  const { octokit, owner, repo } = event;
  let answer2;
  try {
    answer2 = await octokit.request(
      "POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches",
      {
        owner,
        repo,
        workflow_id: attempt.workflow,
        ref: attempt.ref,
        inputs: { "request-id": requestId },
        return_run_details: true,
        request: { retries: 0 }
      }
    );
  } catch (error) {
    const status = httpStatus(error);
    throw new SnapgateError(
      "REMOTE",
      `GitHub answered ${status ?? "nothing"} to dispatching ${attempt.workflow} on ${attempt.ref} of ${owner}/${repo}${error instanceof Error ? ` (${error.message})` : ""}.`,
      {
        fix: status === 404 ? `Add .github/workflows/${attempt.workflow} (docs/examples/snapgate-restore.yml) to the default branch, or name the restore workflow in the policy (environments.<env>.restore_workflow).` : status === 422 ? "The workflow must have a workflow_dispatch trigger with a request-id input, as docs/examples/snapgate-restore.yml does." : "Check GitHub's status; if a run started anyway, it never gets the restore identity (it is not in a dispatch record)."
      }
    );
  }
  const details = answer2.data;
  if (typeof details.workflow_run_id !== "number" || typeof details.html_url !== "string") {
    throw new SnapgateError(
      "REMOTE",
      `GitHub dispatched ${attempt.workflow} but did not say which run it started (no return_run_details).`,
      {
        fix: "The run cannot be told apart from a manual one, so it never gets the restore identity. Ask for a new request once GitHub returns run details."
      }
    );
  }
  return { id: details.workflow_run_id, url: details.html_url };
}
async function failed(opened, approved, attempt, error, event) {
  if (!isSnapgateError(error)) event.log.error({ err: error }, "dispatching a request failed");
  const problem = asSnapgateError(error);
  const fix = problem.fix ?? "";
  let transition = null;
  const { changed } = await changeRequest(opened, approved.id, async (current) => {
    transition = recordDispatchFailure(
      current ?? approved,
      attempt,
      { message: problem.summary, fix },
      event.deliveryId,
      event.now
    );
    return transition;
  });
  await claimRequestExecution(
    opened.store,
    signApprovalRequest(opened.sodium, decidedRequestRecord(approved), opened.signingKey),
    {
      snapshot: approved.subject.snapshots[0] ?? "",
      paths: approved.subject.paths ?? [],
      run: null,
      at: event.now
    }
  ).catch(
    (burn) => event.log.warn({ err: burn }, `burning request ${approved.id} failed`)
  );
  const done = transition;
  return {
    request: changed ?? done?.state ?? approved,
    reply: done?.reply ?? `Request ${approved.id} did not run: ${problem.message}`,
    reactions: ["confused"]
  };
}

// app/handlers/edit-status-comment.ts
async function editStatusComment(event, issueNumber, askingCommentId, render) {
  const { octokit, owner, repo } = event;
  const marker = `<!-- snapgate:reply-to ${askingCommentId} -->`;
  const comments = await octokit.paginate(octokit.rest.issues.listComments, {
    owner,
    repo,
    issue_number: issueNumber,
    per_page: 100
  });
  const status = comments.find(
    (comment) => comment.user?.type === "Bot" && comment.body?.includes(marker)
  );
  if (!status) return false;
  await octokit.rest.issues.updateComment({
    owner,
    repo,
    comment_id: status.id,
    body: `${await render()}

${marker}`
  });
  return true;
}

// core/approvals/plan-against-snapshot.ts
function planAgainstSnapshot(current, wanted, paths) {
  const matches = paths.length === 0 ? () => true : compileGlobs(paths);
  const inScope = (files) => files.filter((file) => matches(file.path));
  const after = inScope(wanted);
  const diff = diffFileStates(inScope(current ?? []), after);
  const touched = new Set([...diff.added, ...diff.changed].map((file) => file.path));
  const plan = [
    ...diff.added.map((file) => ({ path: file.path, action: "create" })),
    ...diff.changed.map((change) => ({
      path: change.path,
      action: "update",
      changes: change.kinds
    })),
    ...diff.removed.map((file) => ({ path: file.path, action: "extra" })),
    ...after.filter((file) => !touched.has(file.path)).map((file) => ({ path: file.path, action: "unchanged" }))
  ];
  return plan.sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
}

// core/approvals/request-state-mac.ts
import { createHmac as createHmac2 } from "node:crypto";
var DOMAIN = "snapgate.request-state/v1\0";
function requestStateMac(key, json) {
  if (key.length < 32) {
    throw new SnapgateError("CONFIG", "The key for request status comments is too short.", {
      fix: "Derive it from the app's secret as 32 random bytes or more."
    });
  }
  return createHmac2("sha256", key).update(DOMAIN).update(json).digest("hex");
}

// core/approvals/render-request-status.ts
var REQUEST_STATE_MARKER = "snapgate:request";
var LISTED_CHANGES = 10;
function renderRequestStatus(request2, view) {
  const counted = countApprovals(request2);
  const snapshots = request2.subject.snapshots.map((id) => `\`${id.slice(0, 12)}\``).join(", ");
  const paths = request2.subject.paths;
  const lines = [
    `### Snapgate ${request2.action} request \`${request2.id}\`: ${request2.state === "dispatched" ? "dispatched, running" : request2.state}`,
    "",
    `- **Snapshot:** ${snapshots} of **${request2.subject.environment}**${request2.action === "restore" ? `, ${paths && paths.length > 0 ? paths.map((path) => `\`${path}\``).join(" ") : "every file"}` : ""}`,
    `- **Asked by:** @${request2.requester.login}${request2.reason ? `: ${oneLine(request2.reason)}` : ""}`,
    `- **What would change${view.planBase ? ` (against ${oneLine(view.planBase)})` : ""}:** ${describePlan(request2, view.plan)}`,
    `- **Who may approve:** ${view.approvers.length > 0 ? view.approvers.join(", ") : "anyone with write access"}, except @${request2.requester.login}; bots never count`,
    `- **Approvals:** ${counted.length} of ${request2.quorum.required} (tier ${request2.quorum.tier}${request2.quorum.file ? `, set by \`${request2.quorum.file}\`` : ""})${counted.length > 0 ? `: ${counted.map((a) => `@${a.user.login}`).join(", ")}` : ""}`,
    ...request2.denials.length > 0 ? [`- **Denied by:** ${request2.denials.map((d) => `@${d.user.login}`).join(", ")}`] : [],
    `- **Expires:** ${request2.expiresAt}`,
    ...request2.run ? [`- **Run:** ${describeRun(request2.run)}`] : [],
    ...view.lock ? [
      `- **Locked:** ${view.lock.environment} by @${view.lock.by.login} since ${view.lock.at}${view.lock.reason ? `: ${oneLine(view.lock.reason)}` : ""}`
    ] : [],
    ...request2.closed ? [`- **Closed:** ${oneLine(request2.closed.reason)}`] : [],
    "",
    request2.state === "pending" ? `Approve with \`/snapgate approve ${request2.id}\`, deny with \`/snapgate deny ${request2.id} --reason ...\`.` : "",
    "",
    hiddenBlock(request2, view.macKey)
  ];
  return lines.join("\n");
}
function hiddenBlock(request2, key) {
  const json = canonicalJson(request2);
  const block = JSON.stringify({ mac: requestStateMac(key, json), request: request2 }).replace(/</g, "\\u003c").replace(/>/g, "\\u003e");
  return `<!-- ${REQUEST_STATE_MARKER} ${block} -->`;
}
function describePlan(request2, plan) {
  if (request2.action === "forget")
    return "the snapshots are forgotten (tombstoned), no files change";
  if (plan === null) return "unknown (no dry run)";
  const count2 = (action) => plan.filter((change) => change.action === action).length;
  const changing = plan.filter((change) => change.action !== "unchanged");
  const summary = `${count2("create")} to create, ${count2("update")} to update, ${count2("delete")} to delete, ${count2("extra")} kept as extra, ${count2("unchanged")} unchanged`;
  if (changing.length === 0) return summary;
  const listed = changing.slice(0, LISTED_CHANGES).map((change) => `\`${change.path}\` (${change.action})`).join(", ");
  return `${summary}: ${listed}${changing.length > LISTED_CHANGES ? `, and ${changing.length - LISTED_CHANGES} more` : ""}`;
}
function describeRun(run) {
  if (run.id === null || run.url === null)
    return `\`${run.workflow}\` on ${run.ref} was not dispatched`;
  const state = run.conclusion === null ? "running" : `finished: ${run.conclusion}`;
  return `[run ${run.id}](${run.url}) of \`${run.workflow}\` on ${run.ref}, dispatched ${run.dispatchedAt}, ${state}`;
}
function oneLine(text2) {
  return text2.replace(/\s+/g, " ").replace(/[<>]/g, "");
}

// app/handlers/render-status-body.ts
async function renderStatusBody(store, request2, policy, signingKey) {
  const stream = request2.subject.environment;
  const [id = ""] = request2.subject.snapshots;
  const wanted = await resolveSnapshot(store, id, { stream });
  const newest = await resolveSnapshot(store, "latest", { stream }).catch(() => null);
  const [snapshot, other] = await Promise.all([
    loadSnapshot(store, wanted),
    newest && newest.id !== wanted.id ? loadSnapshot(store, newest) : null
  ]);
  const current = newest === null ? null : other ?? snapshot;
  return renderRequestStatus(request2, {
    plan: planAgainstSnapshot(
      current?.manifest.files ?? null,
      snapshot.manifest.files,
      request2.subject.paths ?? []
    ),
    planBase: newest ? `${newest.stream}@${newest.seq}, the newest snapshot` : "no snapshot: every one is forgotten",
    approvers: policy.roles.approvers,
    lock: await readEnvironmentLock(store, stream, policy.keys.app ?? []).catch((error) => {
      if (isSnapgateError(error) && error.code === "INTEGRITY") return null;
      throw error;
    }),
    macKey: requestStateMacKey(signingKey)
  });
}

// core/snapshot/forget-snapshots.ts
async function forgetSnapshots(store, plan, options) {
  let approvers = [];
  if (plan.tier0Drops.length > 0) {
    if (!options.approval) {
      throw new SnapgateError(
        "POLICY",
        `Forgetting ${plan.tier0Drops.length} tier-0 snapshot(s) of ${plan.environment} needs an approved request (${plan.requiredApprovals} approval(s), the requester excluded).`,
        {
          fix: "Ask for a forget request through the app for exactly these snapshots (`snapgate forget --dry-run --json` lists them), then pass --approval REQUEST-ID.",
          details: { snapshots: plan.tier0Drops }
        }
      );
    }
    approvers = checkApproval(await loadSodium(), options.approval, {
      action: "forget",
      environment: plan.environment,
      snapshots: plan.tier0Drops,
      policyDigest: options.policyDigest,
      requiredApprovals: plan.requiredApprovals,
      appKeys: options.appKeys,
      now: options.now
    }).approvers;
  }
  const tombstoneOf = (decision) => ({
    format: TOMBSTONE_FORMAT,
    stream: decision.stream,
    seq: decision.seq,
    snapshot: decision.id,
    time: decision.time,
    forgottenAt: options.now.toISOString(),
    reasons: decision.reasons,
    rules: plan.rules,
    approval: decision.tier0 ? options.approval?.id ?? null : null,
    policyDigest: options.policyDigest
  });
  const tombstones = [];
  const alreadyForgotten = [];
  for (let attempt = 1; ; attempt++) {
    const forgotten = await listForgotten(store);
    const pending = plan.drop.filter((decision) => {
      const done = forgotten.get(decision.stream)?.has(decision.seq) ?? false;
      if (done && !alreadyForgotten.includes(decision.id)) alreadyForgotten.push(decision.id);
      return !done;
    });
    try {
      await store.writeRecords(
        pending.map((decision) => ({
          path: tombstonePath(decision.stream, decision.seq),
          bytes: new TextEncoder().encode(`${JSON.stringify(tombstoneOf(decision), null, 2)}
`)
        }))
      );
      tombstones.push(...pending.map((decision) => tombstonePath(decision.stream, decision.seq)));
      break;
    } catch (error) {
      if (!isSnapgateError(error, "CONFLICT") || attempt >= 3) throw error;
    }
  }
  await appendAuditEvents(
    store,
    plan.drop.filter((decision) => !alreadyForgotten.includes(decision.id)).map((decision) => ({
      type: "snapshot.forgotten",
      time: options.now,
      actor: { ...options.actor, kind: options.actor?.kind ?? "cli" },
      subject: { stream: decision.stream, seq: decision.seq, snapshot: decision.id },
      details: {
        reasons: decision.reasons,
        rules: plan.rules,
        ...decision.tier0 && options.approval ? { approval: options.approval.id, approvers } : {}
      },
      ...decision.tier0 && options.approval ? { requestDigest: options.approval.digest } : {}
    }))
  );
  return { tombstones, alreadyForgotten, approvers };
}

// core/policy/snapshot-tier.ts
function snapshotTier(policy, environment, held = {}) {
  const environmentTierName = policy.environments[environment]?.tier;
  const environmentTier = environmentTierName === void 0 ? void 0 : policy.tiers[environmentTierName];
  if (!environmentTierName || !environmentTier) {
    throw new SnapgateError("CONFIG", `The policy has no environment '${environment}'.`, {
      fix: `Add it under environments in the policy, or use one of: ${Object.keys(policy.environments).join(", ")}.`
    });
  }
  let best = environmentTier;
  const consider = (name) => {
    const tier = name ? policy.tiers[name] : void 0;
    if (tier && tier.level < best.level) best = tier;
  };
  for (const name of held.components ?? []) {
    const component = policy.components.find((candidate) => candidate.name === name);
    consider(component?.tier ?? null);
  }
  for (const name of held.tiers ?? []) consider(name);
  return best;
}

// core/snapshot/plan-forget-snapshots.ts
async function planForgetSnapshots(store, policy, environment, snapshots, reason2) {
  const tierName = policy.environments[environment]?.tier;
  const tier = tierName === void 0 ? void 0 : policy.tiers[tierName];
  if (tierName === void 0 || tier === void 0) {
    throw new SnapgateError("CONFIG", `The policy has no environment '${environment}'.`, {
      fix: `Add it under environments in the policy, or name a snapshot of one of: ${Object.keys(policy.environments).join(", ")}.`
    });
  }
  const entries = await readCatalog(store, environment);
  const decisions = snapshots.map((id) => {
    const entry = entries.find((candidate) => candidate.id === id);
    if (!entry) {
      throw new SnapgateError(
        "NOT_FOUND",
        `There is no snapshot ${id.slice(0, 12)} of ${environment} in ${store.location}.`,
        { fix: "Name a snapshot that `snapgate list --forgotten` shows for this environment." }
      );
    }
    const own = snapshotTier(policy, environment, entry);
    const hold = own.retention.floor.legalHold ?? tier.retention.floor.legalHold;
    if (hold) {
      throw new SnapgateError(
        "POLICY",
        `${environment}@${entry.seq} is under legal hold (${hold.reason}); it cannot be forgotten.`,
        {
          fix: "Ask whoever set the legal hold to lift it in the policy (tiers.<tier>.retention.floor.legal_hold); no approval overrides it."
        }
      );
    }
    return {
      id: entry.id,
      time: entry.time,
      keep: false,
      reasons: [reason2],
      stream: entry.stream,
      seq: entry.seq,
      tier0: own.level === 0,
      tier: own.name
    };
  });
  const tier0 = decisions.filter((decision) => decision.tier0);
  return {
    environment,
    tier: tierName,
    rules: "policy",
    retention: tier.retention,
    decisions,
    drop: decisions,
    tier0Drops: tier0.map((decision) => decision.id),
    requiredApprovals: Math.max(
      tier.approvals,
      ...tier0.map((decision) => policy.tiers[decision.tier].approvals)
    )
  };
}

// app/handlers/run-approved-forget.ts
async function runApprovedForget(opened, request2, event) {
  const { policy, store, sodium, signingKey } = opened;
  const now = event.now;
  const refuse = async (reasons) => {
    await appendAuditEvents(store, [
      requestAuditEvent("request.dispatch-refused", request2, null, event.deliveryId, now, {
        reasons
      })
    ]);
    return {
      request: request2,
      reply: `Request ${request2.id} does not run: ${reasons.join("; ")}. Nothing was forgotten.`,
      reactions: ["confused"]
    };
  };
  const approvers = /* @__PURE__ */ new Map();
  for (const approval of countApprovals(request2))
    approvers.set(approval.user.id, await opened.eligibility(approval.user, "approver"));
  let plan = null;
  let planProblem = null;
  try {
    plan = await planForgetSnapshots(
      store,
      policy,
      request2.subject.environment,
      request2.subject.snapshots,
      `forget request ${request2.id}${request2.reason ? `: ${request2.reason}` : ""}`
    );
    for (const decision2 of plan.drop) await loadSnapshot(store, decision2);
  } catch (error) {
    if (!isSnapgateError(error)) throw error;
    planProblem = error.message;
  }
  const decision = decideDispatch(
    request2,
    {
      deliveryId: event.deliveryId,
      policy,
      approvers,
      lock: null,
      // locks hold restores, not deletions
      backupVerified: plan !== null,
      executed: await readRequestExecution(store, request2.id) !== null
    },
    now
  );
  if (!decision.dispatch || plan === null)
    return refuse([...decision.reasons, ...planProblem ? [planProblem] : []]);
  const digest = `sha256:${policyDigest(policy)}`;
  const record2 = signApprovalRequest(sodium, decidedRequestRecord(request2), signingKey);
  if (plan.tier0Drops.length > 0) {
    try {
      checkApproval(sodium, record2, {
        action: "forget",
        environment: plan.environment,
        snapshots: plan.tier0Drops,
        policyDigest: digest,
        requiredApprovals: plan.requiredApprovals,
        appKeys: policy.keys.app ?? [],
        now
      });
    } catch (error) {
      if (!isSnapgateError(error)) throw error;
      return refuse([error.message]);
    }
  }
  try {
    await claimRequestExecution(store, record2, {
      snapshot: record2.subject.snapshots[0] ?? "",
      paths: [],
      run: null,
      at: now
    });
  } catch (error) {
    if (!isSnapgateError(error, "POLICY")) throw error;
    return refuse([asSnapgateError(error).message]);
  }
  await store.writeRecords([
    {
      path: requestPath(request2.id),
      bytes: new TextEncoder().encode(`${JSON.stringify(record2, null, 2)}
`)
    }
  ]);
  const outcome = await forgetSnapshots(store, plan, {
    approval: record2,
    policyDigest: digest,
    appKeys: policy.keys.app ?? [],
    now,
    actor: { kind: "app" }
  });
  const approvedBy = record2.approvals.map((approval) => approval.user);
  const { changed } = await changeRequest(opened, request2.id, async (current) => ({
    state: current?.state === "approved" ? { ...current, state: "executed" } : current,
    reply: "",
    reactions: [],
    auditEvents: current?.state === "approved" ? [
      ...decision.auditEvents,
      requestAuditEvent("request.executed", request2, null, event.deliveryId, now, {
        approvers: approvedBy.map((user) => ({ login: user.login, id: user.id })),
        tombstones: outcome.tombstones,
        alreadyForgotten: outcome.alreadyForgotten
      })
    ] : [],
    refusal: null
  }));
  const seqs = plan.drop.map((drop) => `${drop.stream}@${drop.seq}`).join(", ");
  return {
    request: changed ?? { ...request2, state: "executed" },
    reply: `Forgotten: ${seqs} (tombstoned, approved by ${approvedBy.map((user) => `@${user.login}`).join(", ")}). The manifests and the audit log stay; \`snapgate prune\` deletes the blobs after its grace period.`,
    reactions: ["rocket"]
  };
}

// app/handlers/move-request.ts
async function moveRequest(command, actor, where, event, signingKey) {
  const opened = await openRequestStore(event, signingKey);
  const { policy, store } = opened;
  const { transition, changed } = await changeRequest(
    opened,
    command.args["request"] ?? "",
    async (request2) => applyCommand(
      request2,
      command,
      actor,
      {
        deliveryId: event.deliveryId,
        commentId: where.commentId,
        policy,
        eligibility: await opened.eligibility(actor, "approver"),
        // Read live when it decides (an approval of a restore); a lock record that is not
        // the app's throws INTEGRITY. Deny and cancel never wait for a lock.
        lock: request2 === null || command.name !== "approve" || request2.action !== "restore" ? null : await readEnvironmentLock(
          store,
          request2.subject.environment,
          policy.keys.app ?? []
        )
      },
      event.now
    )
  );
  let reply = transition.reply;
  const current = transition.state;
  const forgot = changed?.state === "approved" && changed.action === "forget" ? await runApprovedForget(opened, changed, event) : null;
  let dispatched = null;
  if (command.name === "approve" && current?.state === "approved" && current.action === "restore") {
    dispatched = await dispatchRequest(opened, current, event, where);
    reply = transition.refusal === null ? `${reply} ${dispatched.reply}` : dispatched.reply;
  }
  if (forgot !== null) reply = `${reply} ${forgot.reply}`;
  const shown2 = forgot !== null ? forgot.request : dispatched !== null && dispatched.request !== current ? dispatched.request : changed;
  if (shown2 !== null) {
    const edited = await editStatusComment(
      event,
      where.issueNumber,
      shown2.commentId,
      () => renderStatusBody(store, shown2, policy, opened.signingKey)
    );
    if (!edited)
      reply += ` (Its status comment is in the conversation where it was asked; it was not updated from here.)`;
  }
  if (forgot !== null)
    return {
      body: forgot.reactions.includes("confused") ? `**Not run:** ${reply}` : reply,
      reactions: ["+1", ...forgot.reactions]
    };
  const extra = dispatched?.reactions ?? [];
  if (transition.refusal !== null && dispatched === null)
    return { body: `**Not run:** ${reply}`, reactions: ["-1"] };
  return {
    body: reply,
    reactions: [
      ...transition.reactions.filter(
        (reaction) => reaction !== "rocket" && transition.refusal === null
      ),
      ...extra
    ]
  };
}

// core/approvals/new-request-id.ts
import { createHash as createHash5 } from "node:crypto";
import { base32nopad } from "@scure/base";
function newRequestId(repository, commentId) {
  const digest = createHash5("sha256").update(`snapgate.request-id/v1\0${repository.toLowerCase()}\0${commentId}`).digest();
  return `r-${base32nopad.encode(digest).slice(0, 12).toLowerCase()}`;
}

// app/handlers/restore-command.ts
async function askForRestore(command, actor, commentId, event, signingKey) {
  const opened = await openRequestStore(event, signingKey);
  const { policy, store } = opened;
  const eligibility = await opened.eligibility(actor, "restorer");
  const ineligible = decideEligibility(actor, eligibility, "restorer");
  if (ineligible !== null) return refused2(`No request created: ${ineligible}.`);
  const wanted = await resolveSnapshot(store, command.args["snapshot"] ?? "", {
    ...command.environment !== null ? { stream: command.environment } : {}
  });
  const snapshot = await loadSnapshot(store, wanted);
  const lock = await readEnvironmentLock(store, wanted.stream, policy.keys.app ?? []);
  const transition = applyCommand(
    null,
    command,
    actor,
    {
      deliveryId: event.deliveryId,
      commentId,
      policy,
      eligibility,
      lock,
      create: {
        id: newRequestId(`${event.owner}/${event.repo}`, commentId),
        environment: wanted.stream,
        snapshots: [wanted.id],
        files: snapshot.manifest.files.map((file) => file.path)
      }
    },
    event.now
  );
  const request2 = transition.state;
  if (transition.refusal !== null || request2 === null) return refused2(transition.reply);
  await store.writeRecords([sealRequestState(opened.sodium, request2, 1, opened.signingKey)]);
  await appendAuditEvents(store, transition.auditEvents);
  const status = await renderStatusBody(store, request2, policy, opened.signingKey);
  return { body: `${transition.reply}

${status}`, reactions: transition.reactions };
}
function refused2(reply) {
  return { body: `**Not run:** ${reply}`, reactions: ["-1"] };
}

// app/handlers/forget-command.ts
async function askForForget(command, actor, commentId, event, signingKey) {
  const opened = await openRequestStore(event, signingKey);
  const { policy, store } = opened;
  const eligibility = await opened.eligibility(actor, "restorer");
  const ineligible = decideEligibility(actor, eligibility, "restorer");
  if (ineligible !== null) return refused3(`No request created: ${ineligible}.`);
  const wanted = await resolveSnapshot(store, command.args["snapshot"] ?? "", {
    ...command.environment !== null ? { stream: command.environment } : {}
  });
  const snapshot = await loadSnapshot(store, wanted);
  const transition = applyCommand(
    null,
    command,
    actor,
    {
      deliveryId: event.deliveryId,
      commentId,
      policy,
      eligibility,
      lock: null,
      create: {
        id: newRequestId(`${event.owner}/${event.repo}`, commentId),
        environment: wanted.stream,
        snapshots: [wanted.id],
        files: snapshot.manifest.files.map((file) => file.path)
      }
    },
    event.now
  );
  let request2 = transition.state;
  if (transition.refusal !== null || request2 === null) return refused3(transition.reply);
  await opened.store.writeRecords([sealRequestState(opened.sodium, request2, 1, opened.signingKey)]);
  await appendAuditEvents(store, transition.auditEvents);
  let reply = transition.reply;
  let reactions = transition.reactions;
  if (request2.state === "approved") {
    const ran = await runApprovedForget(opened, request2, event);
    ({ request: request2, reactions } = ran);
    reply = `${reply} ${ran.reply}`;
  }
  const status = await renderStatusBody(store, request2, policy, opened.signingKey);
  return { body: `${reply}

${status}`, reactions };
}
function refused3(reply) {
  return { body: `**Not run:** ${reply}`, reactions: ["-1"] };
}

// app/handlers/issue-comment.ts
var REQUEST_COMMANDS = /* @__PURE__ */ new Set([
  "restore",
  "forget",
  "approve",
  "deny",
  "cancel",
  "lock",
  "unlock"
]);
var READ_COMMANDS = /* @__PURE__ */ new Set(["list", "status", "show", "diff"]);
var LISTED = 10;
var MAY_READ_BACKUPS = /* @__PURE__ */ new Set(["admin", "write"]);
async function onIssueComment(context, event, signingKey) {
  const { comment, issue, sender } = context.payload;
  if (sender.type === "Bot") return;
  const parsed = parseCommentCommand(comment.body);
  if (parsed.kind === "none") return;
  const { octokit, owner, repo } = event;
  const marker = `<!-- snapgate:reply-to ${comment.id} -->`;
  const since = await octokit.paginate(octokit.rest.issues.listComments, {
    owner,
    repo,
    issue_number: issue.number,
    since: comment.created_at,
    per_page: 100
  });
  if (since.some((reply) => reply.user?.type === "Bot" && reply.body?.includes(marker))) return;
  const react = (content) => octokit.rest.reactions.createForIssueComment({ owner, repo, comment_id: comment.id, content });
  await react("eyes");
  let body;
  let reactions = [];
  if (parsed.kind === "command" && REQUEST_COMMANDS.has(parsed.command.name)) {
    const { command } = parsed;
    const actor = { id: sender.id, login: sender.login };
    try {
      ({ body, reactions } = command.name === "restore" ? await askForRestore(command, actor, comment.id, event, signingKey) : command.name === "forget" ? await askForForget(command, actor, comment.id, event, signingKey) : command.name === "lock" || command.name === "unlock" ? await lockCommand(command, actor, comment.id, event, signingKey) : await moveRequest(
        command,
        actor,
        {
          commentId: comment.id,
          issueNumber: issue.number,
          defaultBranch: context.payload.repository.default_branch
        },
        event,
        signingKey
      ));
    } catch (error) {
      body = renderCommandReply(failed2(command.name, error, event));
      reactions = ["-1"];
    }
  } else {
    body = renderCommandReply(
      parsed.kind === "refused" ? { kind: "refused", error: parsed.error, help: parsed.help } : await answer(parsed.command, sender.login, event)
    );
  }
  await octokit.rest.issues.createComment({
    owner,
    repo,
    issue_number: issue.number,
    body: `${body}

${marker}`
  });
  for (const content of reactions) await react(content);
}
function failed2(command, error, event) {
  if (!isSnapgateError(error)) event.log.error({ err: error }, `${command} failed unexpectedly`);
  return { kind: "failed", command, error: asSnapgateError(error) };
}
async function answer(command, login, event) {
  if (command.name === "help")
    return { kind: "help", text: commentCommandHelp(command.args["command"] ?? null) };
  if (!READ_COMMANDS.has(command.name)) return { kind: "unavailable", command: command.name };
  try {
    const { octokit, owner, repo } = event;
    const level = (await octokit.rest.repos.getCollaboratorPermissionLevel({ owner, repo, username: login })).data.permission;
    if (!MAY_READ_BACKUPS.has(level)) return { kind: "forbidden", login, command: command.name };
    if (command.name === "list")
      return { kind: "snapshots", sections: await listEnvironments(event, command.environment) };
    const { policy, store } = await openBackupStore(event);
    if (command.name === "status")
      return { kind: "status", view: await statusView(command, policy, store, event.now) };
    const stream = command.environment !== null ? { stream: command.environment } : {};
    const first = await resolveSnapshot(
      store,
      command.args["snapshot"] ?? command.args["a"] ?? "",
      stream
    );
    if (command.name === "show") {
      const { id, manifest } = await loadSnapshot(store, first);
      return { kind: "snapshot", id, manifest };
    }
    const second = command.args["b"];
    return {
      kind: "diff",
      diff: second === void 0 ? await diffSnapshots(store, first) : await diffSnapshots(store, await resolveSnapshot(store, second, stream), first)
    };
  } catch (error) {
    return failed2(command.name, error, event);
  }
}
async function statusView(command, policy, store, now) {
  const sodium = await loadSodium();
  const appKeys = policy.keys.app ?? [];
  const id = command.args["request"];
  if (id !== void 0) {
    const found = await readNewestRequestState(store, sodium, id, appKeys);
    if (found === null) {
      throw new SnapgateError("NOT_FOUND", `There is no request ${id} here.`, {
        fix: "Copy the id from the request's status comment (r- and 12 characters)."
      });
    }
    const environment = found.request.subject.environment;
    if (command.environment !== null && command.environment !== environment) {
      throw new SnapgateError(
        "USAGE",
        `Request ${id} is for ${environment}, but --env says ${command.environment}.`,
        { fix: "Drop --env, or name a request of that environment." }
      );
    }
    return {
      kind: "request",
      request: found.request,
      lock: await readEnvironmentLock(store, environment, appKeys)
    };
  }
  const environments = knownEnvironments(policy, command.environment);
  const locks = [];
  for (const environment of environments)
    locks.push({ environment, lock: await readEnvironmentLock(store, environment, appKeys) });
  return {
    kind: "environments",
    environments: locks,
    ...await listOpenRequests(store, sodium, new Set(environments), appKeys, now)
  };
}
function knownEnvironments(policy, only) {
  const names = Object.keys(policy.environments);
  if (only !== null && !names.includes(only)) {
    const close2 = didYouMean(only, names);
    throw new SnapgateError("NOT_FOUND", `The policy has no environment ${only}.`, {
      fix: close2 ? `Did you mean ${close2}?` : `It has: ${names.join(", ")}.`
    });
  }
  return only !== null ? [only] : names;
}
async function listEnvironments(event, only) {
  const { policy, store } = await openBackupStore(event);
  const environments = knownEnvironments(policy, only);
  return Promise.all(
    environments.map(async (environment) => ({
      environment,
      snapshots: await listSnapshots(store, {
        stream: environment,
        limit: LISTED,
        includeForgotten: true
      })
    }))
  );
}

// core/approvals/revoke-comment.ts
function revokeComment(request2, change, now) {
  const unchanged = (reply) => ({
    state: request2,
    reply,
    reactions: [],
    auditEvents: [],
    refusal: null
  });
  const open = request2.state === "pending" || request2.state === "approved";
  const actor = { id: change.actor.id, login: change.actor.login };
  const details = { commentId: change.commentId, change: change.kind };
  if (change.commentId === request2.commentId) {
    if (!open) return unchanged("");
    return {
      state: {
        ...request2,
        state: "cancelled",
        closed: {
          by: actor,
          at: now.toISOString(),
          reason: `the request's comment was ${change.kind}`
        }
      },
      reply: `Request ${request2.id} is cancelled: the comment that asked for it was ${change.kind}.`,
      reactions: [],
      auditEvents: [
        requestAuditEvent("request.revoked", request2, actor, change.deliveryId, now, details)
      ],
      refusal: null
    };
  }
  const revoked = request2.approvals.filter((approval) => approval.commentId === change.commentId);
  if (revoked.length === 0 || !open) return unchanged("");
  const approvals = request2.approvals.filter((approval) => approval.commentId !== change.commentId);
  const counted = countApprovals({ ...request2, approvals }).length;
  const state = counted >= request2.quorum.required ? "approved" : "pending";
  const who = revoked.map((approval) => `@${approval.user.login}`).join(", ");
  return {
    state: { ...request2, approvals, state },
    reply: `The approval by ${who} is withdrawn: its comment was ${change.kind}. Request ${request2.id} has ${counted} of ${request2.quorum.required}.`,
    reactions: [],
    auditEvents: [
      requestAuditEvent("approval.revoked", request2, actor, change.deliveryId, now, {
        ...details,
        approvers: revoked.map((approval) => ({
          login: approval.user.login,
          id: approval.user.id
        })),
        approvals: counted
      })
    ],
    refusal: null
  };
}

// app/handlers/issue-comment-change.ts
async function onIssueCommentChange(context, event, signingKey) {
  const { payload } = context;
  const before = payload.action === "edited" ? payload.changes.body?.from : payload.comment.body ?? void 0;
  if (before === void 0) return;
  const parsed = parseCommentCommand(before);
  if (parsed.kind !== "command") return;
  const { command } = parsed;
  const id = command.name === "restore" ? newRequestId(`${event.owner}/${event.repo}`, payload.comment.id) : command.name === "approve" ? command.args["request"] ?? "" : null;
  if (id === null) return;
  try {
    const opened = await openRequestStore(event, signingKey);
    const { transition, changed } = await changeRequest(
      opened,
      id,
      async (request2) => request2 === null ? { state: null, reply: "", reactions: [], auditEvents: [], refusal: "no-request" } : revokeComment(
        request2,
        {
          commentId: payload.comment.id,
          kind: payload.action,
          actor: { id: payload.sender.id, login: payload.sender.login },
          deliveryId: event.deliveryId
        },
        event.now
      )
    );
    if (changed === null) return;
    const { octokit, owner, repo } = event;
    await editStatusComment(
      event,
      payload.issue.number,
      changed.commentId,
      () => renderStatusBody(opened.store, changed, opened.policy, opened.signingKey)
    );
    await octokit.rest.issues.createComment({
      owner,
      repo,
      issue_number: payload.issue.number,
      body: `${transition.reply}

<!-- snapgate:revoked ${payload.comment.id} -->`
    });
  } catch (error) {
    if (isSnapgateError(error))
      event.log.warn(`revoking comment ${payload.comment.id} failed: ${error.message}`);
    else event.log.error({ err: error }, `revoking comment ${payload.comment.id} failed`);
    throw error;
  }
}

// app/handlers/merge-group.ts
async function onMergeGroup(context, event) {
  const group = context.payload.merge_group;
  await evaluateGates(event, {
    headSha: group.head_sha,
    branches: [group.base_ref.replace(/^refs\/heads\//, "")],
    mode: "first",
    reportPolicyProblems: true,
    reason: `the merge queue (${group.head_ref})`
  });
}

// app/handlers/pull-request.ts
async function onPullRequest(context, event) {
  const { action, pull_request: pull } = context.payload;
  const headPushedHere = action === "synchronize" && pull.head.repo?.id === pull.base.repo.id;
  await evaluateGates(event, {
    headSha: pull.head.sha,
    branches: [pull.base.ref],
    // Reopening is a fresh look; opened and synchronize gate a head the first time.
    mode: action === "reopened" ? "again" : "first",
    ...headPushedHere ? { skipEnvironments: (policy) => gatedEnvironments(policy, pull.head.ref) } : {},
    reportPolicyProblems: true,
    reason: `pull request #${pull.number} (${action})`
  });
}

// core/github/read-check-runs.ts
var COMMITS_PER_QUERY = 50;
async function readCheckRuns(client, options) {
  const shas = [...new Set(options.shas)].filter((sha) => /^[0-9a-f]{40}$/.test(sha));
  const runs = /* @__PURE__ */ new Map();
  for (let start = 0; start < shas.length; start += COMMITS_PER_QUERY) {
    const slice = shas.slice(start, start + COMMITS_PER_QUERY);
    const aliases = slice.map(
      (sha, index) => `c${index}: object(oid: "${sha}") { ... on Commit { ${COMMIT_CHECK_RUNS_FIELDS} } }`
    ).join("\n");
    let result;
    try {
      result = await client.graphql(
        `query SnapgateCheckRuns($owner: String!, $name: String!, $appId: Int!) {
          repository(owner: $owner, name: $name) { ${aliases} }
        }`,
        { owner: options.owner, name: options.repo, appId: options.appId }
      );
    } catch (error) {
      throw githubError(
        error,
        `reading the check runs of ${options.owner}/${options.repo}`,
        `${options.owner}/${options.repo}`
      );
    }
    slice.forEach((sha, index) => runs.set(sha, commitCheckRuns(result.repository[`c${index}`])));
  }
  return runs;
}

// core/github/read-gate-heads.ts
var GATE_HEADS_LIMIT = 100;
async function readGateHeads(client, options) {
  const path = options.policyPath ?? DEFAULT_POLICY_PATH;
  const policyFiles = policyFilesQuery(options, path);
  let result;
  try {
    result = await queryAllowingMissing(
      client,
      `query SnapgateGateHeads($owner: String!, $name: String!, $path: String!) {
        repository(owner: $owner, name: $name) {
          ${policyFiles.fields}
          pullRequests(states: [OPEN], first: ${GATE_HEADS_LIMIT}, orderBy: { field: UPDATED_AT, direction: DESC }) { nodes { number headRefOid baseRefName } }
          refs(refPrefix: "refs/heads/", first: ${GATE_HEADS_LIMIT}) { nodes { name target { oid } } }
        }
        ${policyFiles.orgPolicy}
      }`,
      { owner: options.owner, name: options.repo, path },
      ["orgPolicy"]
    );
  } catch (error) {
    throw githubError(
      error,
      `listing the open pull requests and branches of ${options.owner}/${options.repo}`,
      `${options.owner}/${options.repo}`
    );
  }
  return {
    ...policyFiles.read(client, result),
    pulls: result.repository.pullRequests.nodes.map((pull) => ({
      number: pull.number,
      headSha: pull.headRefOid,
      baseBranch: pull.baseRefName
    })),
    branches: (result.repository.refs?.nodes ?? []).flatMap(
      (ref) => ref.target ? [{ name: ref.name, sha: ref.target.oid }] : []
    )
  };
}

// core/store/streams-of-store-paths.ts
var STREAM_DIRECTORIES = /^(?:manifests|catalog|verifications|tombstones|locks)\/([^/]+)\//;
var HEAD_POINTER = /^heads\/([^/]+)\.json$/;
function streamsOfStorePaths(paths) {
  const streams = /* @__PURE__ */ new Set();
  for (const path of paths) {
    const stream = STREAM_DIRECTORIES.exec(path)?.[1] ?? HEAD_POINTER.exec(path)?.[1];
    if (stream !== void 0 && STREAM_PATTERN.test(stream)) streams.add(stream);
  }
  return [...streams].sort();
}

// app/gate/reevaluate-backup-push.ts
var MAX_SOURCES_PER_PUSH = 20;
var REPOSITORY_NAME = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/;
async function reevaluateBackupPush(event, push) {
  const environments = streamsOfStorePaths(push.paths);
  if (environments.length === 0) return;
  const relocked = new Set(
    streamsOfStorePaths(push.paths.filter((path) => path.startsWith("locks/")))
  );
  const store = new GitHubStore(event.octokit, {
    owner: event.owner,
    repo: event.repo,
    branch: push.branch
  });
  const sources = /* @__PURE__ */ new Map();
  for (const environment of environments) {
    let catalog;
    try {
      catalog = (await store.readStreamIndex(environment)).catalog;
    } catch (error) {
      event.log.warn(
        `re-evaluation: reading the catalog of ${environment} failed: ${String(error)}`
      );
      continue;
    }
    for (const entry of [...catalog].reverse()) {
      const match = REPOSITORY_NAME.exec(entry.metadata.repository ?? "");
      if (!match?.[1] || !match[2]) continue;
      const key = `${match[1]}/${match[2]}`.toLowerCase();
      if (!sources.has(key)) {
        if (sources.size >= MAX_SOURCES_PER_PUSH) continue;
        sources.set(key, { owner: match[1], repo: match[2], environments: /* @__PURE__ */ new Set() });
      }
      sources.get(key).environments.add(environment);
    }
  }
  for (const source of sources.values()) {
    try {
      await reevaluateSource(event, push, source.owner, source.repo, source.environments, relocked);
    } catch (error) {
      if (!isSnapgateError(error)) throw error;
      event.log.warn(`re-evaluation of ${source.owner}/${source.repo} failed: ${error.message}`);
    }
  }
}
async function reevaluateSource(event, push, owner, repo, environments, relocked) {
  if (!mayUseBackup(owner, event.owner, event.backupAccounts)) return;
  const client = await event.clientFor(owner, repo);
  const heads = await readGateHeads(client, { owner, repo });
  if (!heads.hasPolicy) return;
  let policy;
  try {
    policy = await loadPolicy(heads.policySource, { owner, repo });
  } catch {
    return;
  }
  const backup = policy.backup;
  const backupBranch = push.branch;
  if (!backup || backup.repository.toLowerCase() !== `${event.owner}/${event.repo}`.toLowerCase() || backup.branch !== backupBranch)
    return;
  const candidates = [];
  for (const environment of environments) {
    const gated = policy.environments[environment];
    if (!gated) continue;
    const matches = compileGlobs(gated.releaseBranches);
    for (const branch of heads.branches) {
      if (matches(branch.name))
        candidates.push({ environment, sha: branch.sha, where: `branch ${branch.name}` });
    }
    for (const pull of heads.pulls) {
      if (matches(pull.baseBranch))
        candidates.push({ environment, sha: pull.headSha, where: `pull request #${pull.number}` });
    }
  }
  if (candidates.length === 0) return;
  const runs = await readCheckRuns(client, {
    owner,
    repo,
    appId: event.appId,
    shas: candidates.map((candidate) => candidate.sha)
  });
  const stale = /* @__PURE__ */ new Map();
  for (const candidate of candidates) {
    const named = (runs.get(candidate.sha) ?? []).filter(
      (run) => run.name === gateCheckName(candidate.environment)
    );
    if (named.some((run) => run.externalId === event.deliveryId)) continue;
    const latest = named.at(-1);
    if (!latest) continue;
    const passed = latest.status === "completed" && latest.conclusion === "success";
    if (passed && !relocked.has(candidate.environment)) continue;
    const heads2 = stale.get(candidate.environment) ?? /* @__PURE__ */ new Map();
    if (!heads2.has(candidate.sha)) heads2.set(candidate.sha, candidate.where);
    stale.set(candidate.environment, heads2);
  }
  const target = { ...event, octokit: client, owner, repo };
  const claim2 = openGateLock(target, {
    owner: event.owner,
    repo: event.repo,
    branch: backupBranch,
    head: push.after
  });
  for (const [environment, shas] of stale) {
    let decision;
    for (const [sha, where] of shas) {
      await postOnce(
        target,
        { headSha: sha, mode: "again" },
        environment,
        [],
        claim2,
        async () => postGateCheck(
          target,
          sha,
          environment,
          await (decision ??= decideEnvironment(policy, environment, {
            ...event,
            gatedOwner: owner
          })),
          [
            `Decided at ${event.now.toISOString()} again because ${event.owner}/${event.repo}@${backupBranch} changed (delivery ${event.deliveryId}); this head is ${where}.`,
            `Policy: ${policy.sources.join(" extends ")}, read from the default branch.`,
            `Backup repository: ${backup.repository}@${backup.branch}.`
          ],
          policy.environments[environment]?.snapshotWorkflow ?? null
        )
      );
    }
  }
}

// app/handlers/push.ts
var DELETED = /^0{40}$/;
async function onPush(context, event) {
  const { ref, after, repository, commits } = context.payload;
  if (!ref.startsWith("refs/heads/") || DELETED.test(after)) return;
  const branch = ref.slice("refs/heads/".length);
  await evaluateGates(event, {
    headSha: after,
    branches: [branch],
    mode: "first",
    reportPolicyProblems: branch === repository.default_branch,
    reason: `a push to ${branch}`
  });
  const paths = commits.flatMap((commit) => [
    ...commit.added ?? [],
    ...commit.modified ?? [],
    ...commit.removed ?? []
  ]);
  await reevaluateBackupPush(event, { branch, after, paths });
}

// app/handlers/snapshot-now.ts
async function onSnapshotNow(context, event) {
  const { check_run: run, requested_action: action, sender } = context.payload;
  if (action?.identifier !== SNAPSHOT_NOW_ACTION.identifier) return;
  const environment = environmentOfCheckName(run.name);
  if (typeof environment !== "string") return;
  const { octokit, owner, repo } = event;
  const marker = `(delivery ${event.deliveryId})`;
  const current = (await octokit.rest.checks.get({ owner, repo, check_run_id: run.id })).data;
  if (current.output.text?.includes(marker)) return;
  let note;
  try {
    const gate = await readGateContext(octokit, { owner, repo, headSha: null, appId: event.appId });
    const policy = await loadPolicy(gate.policySource, { owner, repo });
    const workflow = policy.environments[environment]?.snapshotWorkflow ?? null;
    if (workflow === null || gate.defaultBranch === null) {
      note = `@${sender.login} asked for a snapshot, but the policy names no snapshot workflow for ${environment}: add environments.${environment}.snapshot_workflow to .github/snapgate.yml.`;
    } else {
      note = await dispatch(event, workflow, gate.defaultBranch, environment, sender.login);
    }
  } catch (error) {
    note = `@${sender.login} asked for a snapshot, but the policy could not be used: ${asSnapgateError(error).message}`;
  }
  await octokit.rest.checks.update({
    owner,
    repo,
    check_run_id: run.id,
    output: {
      title: current.output.title ?? run.name,
      summary: current.output.summary ?? "",
      text: `${current.output.text ? `${current.output.text}

` : ""}${note} ${marker}`
    }
  });
}
async function dispatch(event, workflow, ref, environment, login) {
  try {
    await event.octokit.rest.actions.createWorkflowDispatch({
      owner: event.owner,
      repo: event.repo,
      workflow_id: workflow,
      ref,
      inputs: { environment }
    });
  } catch (error) {
    return `@${login} asked for a snapshot, but dispatching ${workflow} on ${ref} failed (${httpStatus(error) ?? "no response"}: ${githubMessage(error)}). Check that .github/workflows/${workflow} exists on ${ref} with a workflow_dispatch trigger that takes an \`environment\` input, and that the app may run workflows (actions: write).`;
  }
  return `Snapshot requested by @${login} at ${event.now.toISOString()}: ${workflow} dispatched on ${ref} with environment=${environment}. This check is decided again when the snapshot reaches the backup repository.`;
}

// core/approvals/close-request-run.ts
function closeRequestRun(request2, run, deliveryId, now) {
  if (request2.state !== "dispatched" || request2.run?.id !== run.id) {
    return {
      state: request2,
      reply: `Request ${request2.id} is ${request2.state}; run ${run.id} changes nothing.`,
      reactions: [],
      auditEvents: [],
      refusal: "not-pending"
    };
  }
  const conclusion = run.conclusion ?? "unknown";
  const succeeded = conclusion === "success";
  const at = now.toISOString();
  return {
    state: {
      ...request2,
      state: succeeded ? "executed" : "failed",
      run: { ...request2.run, url: run.url, conclusion, completedAt: at },
      closed: succeeded ? null : { by: null, at, reason: `the restore run ended with ${conclusion}: ${run.url}` }
    },
    reply: succeeded ? `Request ${request2.id} is executed: ${run.url}` : `Request ${request2.id} failed: its run ended with ${conclusion} (${run.url}).`,
    reactions: [],
    auditEvents: [
      requestAuditEvent(
        succeeded ? "request.executed" : "request.failed",
        request2,
        null,
        deliveryId,
        now,
        { run: run.url, runId: run.id, conclusion }
      )
    ],
    refusal: null
  };
}

// app/handlers/workflow-run.ts
async function onWorkflowRun(context, event, signingKey) {
  const run = context.payload.workflow_run;
  if (signingKey === null || run.event !== "workflow_dispatch") return;
  const opened = await openRequestStore(event, signingKey).catch((error) => {
    event.log.info(`workflow_run ${run.id}: no request store (${String(error)})`);
    return null;
  });
  if (opened === null) return;
  const bytes = await opened.store.readRecord(requestDispatchPath(run.id));
  if (bytes === null) return;
  const dispatch2 = openRequestDispatch(opened.sodium, bytes, run.id, opened.policy.keys.app ?? []);
  if (dispatch2.repository !== `${event.owner}/${event.repo}`) return;
  const { changed } = await changeRequest(
    opened,
    dispatch2.request,
    async (request2) => request2 === null ? { state: null, reply: "", reactions: [], auditEvents: [], refusal: "no-request" } : closeRequestRun(
      request2,
      { id: run.id, url: run.html_url, conclusion: run.conclusion },
      event.deliveryId,
      event.now
    )
  );
  if (changed === null) return;
  await editStatusComment(
    event,
    dispatch2.issue,
    changed.commentId,
    () => renderStatusBody(opened.store, changed, opened.policy, opened.signingKey)
  );
}

// app/index.ts
function snapgateApp(options = {}) {
  const now = options.now ?? (() => /* @__PURE__ */ new Date());
  const backupAccounts = new Set(
    (options.backupAccounts ?? []).map((login) => login.toLowerCase())
  );
  return (app) => {
    const clients = new InstallationClients(app);
    const ledger = new GateRunLedger();
    let appId;
    const ownAppId = () => {
      appId ??= app.auth().then(async (octokit) => (await octokit.auth({ type: "app" })).appId).catch((error) => {
        appId = void 0;
        throw error;
      });
      return appId;
    };
    const tracked = (handler) => (context) => {
      const work = handler(context);
      options.track?.(work);
      return work;
    };
    const eventOf = async (context) => {
      const repository = context.payload.repository;
      const owner = repository?.owner.login ?? "";
      return {
        deliveryId: context.id,
        appId: await ownAppId(),
        octokit: context.octokit,
        owner,
        repo: repository?.name ?? "",
        clientFor: (otherOwner, otherRepo) => clients.clientFor(owner, context.octokit, otherOwner, otherRepo),
        backupAccounts,
        now: now(),
        log: context.log,
        ledger
      };
    };
    app.on(
      ["pull_request.opened", "pull_request.synchronize", "pull_request.reopened"],
      tracked(async (context) => onPullRequest(context, await eventOf(context)))
    );
    app.on(
      "push",
      tracked(async (context) => onPush(context, await eventOf(context)))
    );
    app.on(
      ["check_suite.requested", "check_suite.rerequested"],
      tracked(async (context) => onCheckSuite(context, await eventOf(context)))
    );
    app.on(
      "check_run.rerequested",
      tracked(async (context) => onCheckRunRerequested(context, await eventOf(context)))
    );
    app.on(
      "check_run.requested_action",
      tracked(async (context) => onSnapshotNow(context, await eventOf(context)))
    );
    app.on(
      "merge_group.checks_requested",
      tracked(async (context) => onMergeGroup(context, await eventOf(context)))
    );
    app.on(
      "deployment_protection_rule.requested",
      tracked(
        async (context) => onDeploymentProtectionRule(context, await eventOf(context), options.signingKey ?? null)
      )
    );
    app.on(
      "issue_comment.created",
      tracked(
        async (context) => onIssueComment(context, await eventOf(context), options.signingKey ?? null)
      )
    );
    app.on(
      "workflow_run.completed",
      tracked(
        async (context) => onWorkflowRun(context, await eventOf(context), options.signingKey ?? null)
      )
    );
    app.on(
      ["issue_comment.edited", "issue_comment.deleted"],
      tracked(
        async (context) => onIssueCommentChange(context, await eventOf(context), options.signingKey ?? null)
      )
    );
  };
}
var app_default = snapgateApp();

// app/check-webhook-signature.ts
import { createHmac as createHmac3, timingSafeEqual } from "node:crypto";
function checkWebhookSignature(secret, body, signature) {
  const expected = Buffer.from(
    `sha256=${createHmac3("sha256", secret).update(body, "utf8").digest("hex")}`
  );
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

// app/start-snapgate-server.ts
function readBody(request2) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    request2.on("data", (chunk) => chunks.push(chunk));
    request2.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request2.on("error", reject);
  });
}
function refuseForgedDelivery(request2, response, log) {
  const header = (name) => String(request2.headers[name] ?? "?").replace(/[^\w.:-]/g, "?").slice(0, 64);
  log.warn(
    `refused webhook delivery ${header("x-github-delivery")} (${header("x-github-event")}): its signature does not match the webhook secret (check WEBHOOK_SECRET against the App's settings)`
  );
  response.writeHead(400, { "content-type": "application/json" }).end(
    JSON.stringify({
      error: "Error: [@octokit/webhooks] signature does not match event payload and secret"
    })
  );
}
async function startSnapgateServer(options) {
  const probot = createSnapgateProbot(options);
  const webhookPath = options.webhookPath ?? DEFAULT_WEBHOOK_PATH;
  const running = /* @__PURE__ */ new Set();
  const middleware = await createNodeMiddleware(
    snapgateApp({
      track: (work) => {
        running.add(work);
        const done = () => running.delete(work);
        work.then(done, done);
      },
      ...options.now ? { now: options.now } : {},
      ...options.backupAccounts ? { backupAccounts: options.backupAccounts } : {},
      ...options.signingKey ? { signingKey: options.signingKey } : {}
    }),
    { probot, webhooksPath: webhookPath }
  );
  const server = createServer((request2, response) => {
    if (request2.method === "GET" && (request2.url === "/" || request2.url === "/healthz")) {
      response.writeHead(200, { "content-type": "text/plain" }).end("snapgate app: ok\n");
      return;
    }
    const next = () => {
      response.writeHead(404, { "content-type": "text/plain" }).end("Not Found\n");
    };
    const signature = request2.headers["x-hub-signature-256"];
    if (request2.method !== "POST" || typeof signature !== "string" || new URL(request2.url ?? "/", "http://localhost").pathname !== webhookPath) {
      void middleware(request2, response, next);
      return;
    }
    void readBody(request2).then(
      (body) => {
        if (!checkWebhookSignature(options.webhookSecret, body, signature)) {
          refuseForgedDelivery(request2, response, probot.log);
          return;
        }
        request2.body = body;
        void middleware(request2, response, next);
      },
      () => response.writeHead(400).end()
    );
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address();
  const host = options.host ?? "127.0.0.1";
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${address.port}`;
  return {
    url,
    webhookUrl: `${url}${webhookPath}`,
    idle: async () => {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
    close: () => new Promise((resolve, reject) => {
      server.closeAllConnections();
      server.close((error) => error ? reject(error) : resolve());
    })
  };
}

// app/server.ts
try {
  const server = await startSnapgateServer(readAppEnvironment(process.env));
  console.log(`snapgate app: listening, webhooks at ${server.webhookUrl}`);
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
} catch (error) {
  console.error(`snapgate app: ${asSnapgateError(error).message}`);
  process.exitCode = 1;
}
