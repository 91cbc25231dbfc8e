import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  require_tunnel,
  require_undici
} from "./chunk-FB3T34OJ.js";
import {
  parseGitHubStoreSpec
} from "./chunk-2KSFO5QY.js";
import {
  loadPolicy
} from "./chunk-HO3VK4TK.js";
import {
  DEFAULT_POLICY_PATH
} from "./chunk-CU3A7CPO.js";
import {
  parseWriterKey
} from "./chunk-JAZ2OF6U.js";
import {
  localPolicySource
} from "./chunk-BNOD7A53.js";
import {
  didYouMean
} from "./chunk-ZITD4ZB6.js";
import {
  BlobOpener
} from "./chunk-Q3ELO5XW.js";
import {
  parseIdentities
} from "./chunk-6R3LO6XJ.js";
import {
  SnapgateError,
  asSnapgateError,
  isSnapgateError
} from "./chunk-6KERQ4ZL.js";
import {
  __toESM
} from "./chunk-H5NHOGLY.js";

// node_modules/@actions/core/lib/command.js
import * as os from "os";

// node_modules/@actions/core/lib/utils.js
function toCommandValue(input) {
  if (input === null || input === void 0) {
    return "";
  } else if (typeof input === "string" || input instanceof String) {
    return input;
  }
  return JSON.stringify(input);
}
function toCommandProperties(annotationProperties) {
  if (!Object.keys(annotationProperties).length) {
    return {};
  }
  return {
    title: annotationProperties.title,
    file: annotationProperties.file,
    line: annotationProperties.startLine,
    endLine: annotationProperties.endLine,
    col: annotationProperties.startColumn,
    endColumn: annotationProperties.endColumn
  };
}

// node_modules/@actions/core/lib/command.js
function issueCommand(command, properties, message) {
  const cmd = new Command(command, properties, message);
  process.stdout.write(cmd.toString() + os.EOL);
}
var CMD_STRING = "::";
var Command = class {
  constructor(command, properties, message) {
    if (!command) {
      command = "missing.command";
    }
    this.command = command;
    this.properties = properties;
    this.message = message;
  }
  toString() {
    let cmdStr = CMD_STRING + this.command;
    if (this.properties && Object.keys(this.properties).length > 0) {
      cmdStr += " ";
      let first = true;
      for (const key in this.properties) {
        if (this.properties.hasOwnProperty(key)) {
          const val = this.properties[key];
          if (val) {
            if (first) {
              first = false;
            } else {
              cmdStr += ",";
            }
            cmdStr += `${key}=${escapeProperty(val)}`;
          }
        }
      }
    }
    cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
    return cmdStr;
  }
};
function escapeData(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A").replace(/:/g, "%3A").replace(/,/g, "%2C");
}

// node_modules/@actions/core/lib/file-command.js
import * as crypto from "crypto";
import * as fs from "fs";
import * as os2 from "os";
function issueFileCommand(command, message) {
  const filePath = process.env[`GITHUB_${command}`];
  if (!filePath) {
    throw new Error(`Unable to find environment variable for file command ${command}`);
  }
  if (!fs.existsSync(filePath)) {
    throw new Error(`Missing file at path: ${filePath}`);
  }
  fs.appendFileSync(filePath, `${toCommandValue(message)}${os2.EOL}`, {
    encoding: "utf8"
  });
}
function prepareKeyValueMessage(key, value) {
  const delimiter = `ghadelimiter_${crypto.randomUUID()}`;
  const convertedValue = toCommandValue(value);
  if (key.includes(delimiter)) {
    throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
  }
  if (convertedValue.includes(delimiter)) {
    throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
  }
  return `${key}<<${delimiter}${os2.EOL}${convertedValue}${os2.EOL}${delimiter}`;
}

// node_modules/@actions/core/lib/core.js
import * as os4 from "os";

// node_modules/@actions/http-client/lib/index.js
var tunnel = __toESM(require_tunnel(), 1);
var import_undici = __toESM(require_undici(), 1);
var HttpCodes;
(function(HttpCodes2) {
  HttpCodes2[HttpCodes2["OK"] = 200] = "OK";
  HttpCodes2[HttpCodes2["MultipleChoices"] = 300] = "MultipleChoices";
  HttpCodes2[HttpCodes2["MovedPermanently"] = 301] = "MovedPermanently";
  HttpCodes2[HttpCodes2["ResourceMoved"] = 302] = "ResourceMoved";
  HttpCodes2[HttpCodes2["SeeOther"] = 303] = "SeeOther";
  HttpCodes2[HttpCodes2["NotModified"] = 304] = "NotModified";
  HttpCodes2[HttpCodes2["UseProxy"] = 305] = "UseProxy";
  HttpCodes2[HttpCodes2["SwitchProxy"] = 306] = "SwitchProxy";
  HttpCodes2[HttpCodes2["TemporaryRedirect"] = 307] = "TemporaryRedirect";
  HttpCodes2[HttpCodes2["PermanentRedirect"] = 308] = "PermanentRedirect";
  HttpCodes2[HttpCodes2["BadRequest"] = 400] = "BadRequest";
  HttpCodes2[HttpCodes2["Unauthorized"] = 401] = "Unauthorized";
  HttpCodes2[HttpCodes2["PaymentRequired"] = 402] = "PaymentRequired";
  HttpCodes2[HttpCodes2["Forbidden"] = 403] = "Forbidden";
  HttpCodes2[HttpCodes2["NotFound"] = 404] = "NotFound";
  HttpCodes2[HttpCodes2["MethodNotAllowed"] = 405] = "MethodNotAllowed";
  HttpCodes2[HttpCodes2["NotAcceptable"] = 406] = "NotAcceptable";
  HttpCodes2[HttpCodes2["ProxyAuthenticationRequired"] = 407] = "ProxyAuthenticationRequired";
  HttpCodes2[HttpCodes2["RequestTimeout"] = 408] = "RequestTimeout";
  HttpCodes2[HttpCodes2["Conflict"] = 409] = "Conflict";
  HttpCodes2[HttpCodes2["Gone"] = 410] = "Gone";
  HttpCodes2[HttpCodes2["TooManyRequests"] = 429] = "TooManyRequests";
  HttpCodes2[HttpCodes2["InternalServerError"] = 500] = "InternalServerError";
  HttpCodes2[HttpCodes2["NotImplemented"] = 501] = "NotImplemented";
  HttpCodes2[HttpCodes2["BadGateway"] = 502] = "BadGateway";
  HttpCodes2[HttpCodes2["ServiceUnavailable"] = 503] = "ServiceUnavailable";
  HttpCodes2[HttpCodes2["GatewayTimeout"] = 504] = "GatewayTimeout";
})(HttpCodes || (HttpCodes = {}));
var Headers;
(function(Headers2) {
  Headers2["Accept"] = "accept";
  Headers2["ContentType"] = "content-type";
})(Headers || (Headers = {}));
var MediaTypes;
(function(MediaTypes2) {
  MediaTypes2["ApplicationJson"] = "application/json";
})(MediaTypes || (MediaTypes = {}));
var HttpRedirectCodes = [
  HttpCodes.MovedPermanently,
  HttpCodes.ResourceMoved,
  HttpCodes.SeeOther,
  HttpCodes.TemporaryRedirect,
  HttpCodes.PermanentRedirect
];
var HttpResponseRetryCodes = [
  HttpCodes.BadGateway,
  HttpCodes.ServiceUnavailable,
  HttpCodes.GatewayTimeout
];

// node_modules/@actions/core/lib/summary.js
import { EOL as EOL3 } from "os";
import { constants, promises } from "fs";
var __awaiter = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve3) {
      resolve3(value);
    });
  }
  return new (P || (P = Promise))(function(resolve3, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve3(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
var { access, appendFile, writeFile } = promises;
var SUMMARY_ENV_VAR = "GITHUB_STEP_SUMMARY";
var Summary = class {
  constructor() {
    this._buffer = "";
  }
  /**
   * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
   * Also checks r/w permissions.
   *
   * @returns step summary file path
   */
  filePath() {
    return __awaiter(this, void 0, void 0, function* () {
      if (this._filePath) {
        return this._filePath;
      }
      const pathFromEnv = process.env[SUMMARY_ENV_VAR];
      if (!pathFromEnv) {
        throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
      }
      try {
        yield access(pathFromEnv, constants.R_OK | constants.W_OK);
      } catch (_a) {
        throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
      }
      this._filePath = pathFromEnv;
      return this._filePath;
    });
  }
  /**
   * Wraps content in an HTML tag, adding any HTML attributes
   *
   * @param {string} tag HTML tag to wrap
   * @param {string | null} content content within the tag
   * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
   *
   * @returns {string} content wrapped in HTML element
   */
  wrap(tag, content, attrs = {}) {
    const htmlAttrs = Object.entries(attrs).map(([key, value]) => ` ${key}="${value}"`).join("");
    if (!content) {
      return `<${tag}${htmlAttrs}>`;
    }
    return `<${tag}${htmlAttrs}>${content}</${tag}>`;
  }
  /**
   * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
   *
   * @param {SummaryWriteOptions} [options] (optional) options for write operation
   *
   * @returns {Promise<Summary>} summary instance
   */
  write(options) {
    return __awaiter(this, void 0, void 0, function* () {
      const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
      const filePath = yield this.filePath();
      const writeFunc = overwrite ? writeFile : appendFile;
      yield writeFunc(filePath, this._buffer, { encoding: "utf8" });
      return this.emptyBuffer();
    });
  }
  /**
   * Clears the summary buffer and wipes the summary file
   *
   * @returns {Summary} summary instance
   */
  clear() {
    return __awaiter(this, void 0, void 0, function* () {
      return this.emptyBuffer().write({ overwrite: true });
    });
  }
  /**
   * Returns the current summary buffer as a string
   *
   * @returns {string} string of summary buffer
   */
  stringify() {
    return this._buffer;
  }
  /**
   * If the summary buffer is empty
   *
   * @returns {boolen} true if the buffer is empty
   */
  isEmptyBuffer() {
    return this._buffer.length === 0;
  }
  /**
   * Resets the summary buffer without writing to summary file
   *
   * @returns {Summary} summary instance
   */
  emptyBuffer() {
    this._buffer = "";
    return this;
  }
  /**
   * Adds raw text to the summary buffer
   *
   * @param {string} text content to add
   * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
   *
   * @returns {Summary} summary instance
   */
  addRaw(text, addEOL = false) {
    this._buffer += text;
    return addEOL ? this.addEOL() : this;
  }
  /**
   * Adds the operating system-specific end-of-line marker to the buffer
   *
   * @returns {Summary} summary instance
   */
  addEOL() {
    return this.addRaw(EOL3);
  }
  /**
   * Adds an HTML codeblock to the summary buffer
   *
   * @param {string} code content to render within fenced code block
   * @param {string} lang (optional) language to syntax highlight code
   *
   * @returns {Summary} summary instance
   */
  addCodeBlock(code, lang) {
    const attrs = Object.assign({}, lang && { lang });
    const element = this.wrap("pre", this.wrap("code", code), attrs);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML list to the summary buffer
   *
   * @param {string[]} items list of items to render
   * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
   *
   * @returns {Summary} summary instance
   */
  addList(items, ordered = false) {
    const tag = ordered ? "ol" : "ul";
    const listItems = items.map((item) => this.wrap("li", item)).join("");
    const element = this.wrap(tag, listItems);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML table to the summary buffer
   *
   * @param {SummaryTableCell[]} rows table rows
   *
   * @returns {Summary} summary instance
   */
  addTable(rows) {
    const tableBody = rows.map((row) => {
      const cells = row.map((cell) => {
        if (typeof cell === "string") {
          return this.wrap("td", cell);
        }
        const { header, data, colspan, rowspan } = cell;
        const tag = header ? "th" : "td";
        const attrs = Object.assign(Object.assign({}, colspan && { colspan }), rowspan && { rowspan });
        return this.wrap(tag, data, attrs);
      }).join("");
      return this.wrap("tr", cells);
    }).join("");
    const element = this.wrap("table", tableBody);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds a collapsable HTML details element to the summary buffer
   *
   * @param {string} label text for the closed state
   * @param {string} content collapsable content
   *
   * @returns {Summary} summary instance
   */
  addDetails(label, content) {
    const element = this.wrap("details", this.wrap("summary", label) + content);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML image tag to the summary buffer
   *
   * @param {string} src path to the image you to embed
   * @param {string} alt text description of the image
   * @param {SummaryImageOptions} options (optional) addition image attributes
   *
   * @returns {Summary} summary instance
   */
  addImage(src, alt, options) {
    const { width, height } = options || {};
    const attrs = Object.assign(Object.assign({}, width && { width }), height && { height });
    const element = this.wrap("img", null, Object.assign({ src, alt }, attrs));
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML section heading element
   *
   * @param {string} text heading text
   * @param {number | string} [level=1] (optional) the heading level, default: 1
   *
   * @returns {Summary} summary instance
   */
  addHeading(text, level) {
    const tag = `h${level}`;
    const allowedTag = ["h1", "h2", "h3", "h4", "h5", "h6"].includes(tag) ? tag : "h1";
    const element = this.wrap(allowedTag, text);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML thematic break (<hr>) to the summary buffer
   *
   * @returns {Summary} summary instance
   */
  addSeparator() {
    const element = this.wrap("hr", null);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML line break (<br>) to the summary buffer
   *
   * @returns {Summary} summary instance
   */
  addBreak() {
    const element = this.wrap("br", null);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML blockquote to the summary buffer
   *
   * @param {string} text quote text
   * @param {string} cite (optional) citation url
   *
   * @returns {Summary} summary instance
   */
  addQuote(text, cite) {
    const attrs = Object.assign({}, cite && { cite });
    const element = this.wrap("blockquote", text, attrs);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML anchor tag to the summary buffer
   *
   * @param {string} text link text/content
   * @param {string} href hyperlink
   *
   * @returns {Summary} summary instance
   */
  addLink(text, href) {
    const element = this.wrap("a", text, { href });
    return this.addRaw(element).addEOL();
  }
};
var _summary = new Summary();
var summary = _summary;

// node_modules/@actions/core/lib/platform.js
import os3 from "os";

// node_modules/@actions/io/lib/io-util.js
import * as fs2 from "fs";
var { chmod, copyFile, lstat, mkdir, open, readdir, rename, rm, rmdir, stat, symlink, unlink } = fs2.promises;
var IS_WINDOWS = process.platform === "win32";
var READONLY = fs2.constants.O_RDONLY;

// node_modules/@actions/exec/lib/toolrunner.js
var IS_WINDOWS2 = process.platform === "win32";

// node_modules/@actions/core/lib/platform.js
var platform = os3.platform();
var arch = os3.arch();

// node_modules/@actions/core/lib/core.js
var ExitCode;
(function(ExitCode2) {
  ExitCode2[ExitCode2["Success"] = 0] = "Success";
  ExitCode2[ExitCode2["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
function setSecret(secret) {
  issueCommand("add-mask", {}, secret);
}
function getInput(name, options) {
  const val = process.env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] || "";
  if (options && options.required && !val) {
    throw new Error(`Input required and not supplied: ${name}`);
  }
  if (options && options.trimWhitespace === false) {
    return val;
  }
  return val.trim();
}
function setOutput(name, value) {
  const filePath = process.env["GITHUB_OUTPUT"] || "";
  if (filePath) {
    return issueFileCommand("OUTPUT", prepareKeyValueMessage(name, value));
  }
  process.stdout.write(os4.EOL);
  issueCommand("set-output", { name }, toCommandValue(value));
}
function setFailed(message) {
  process.exitCode = ExitCode.Failure;
  error(message);
}
function debug(message) {
  issueCommand("debug", {}, message);
}
function error(message, properties = {}) {
  issueCommand("error", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function warning(message, properties = {}) {
  issueCommand("warning", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function notice(message, properties = {}) {
  issueCommand("notice", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function info(message) {
  process.stdout.write(message + os4.EOL);
}

// actions/lib/run-action.ts
async function runAction(main) {
  try {
    await main();
  } catch (thrown) {
    const error2 = asSnapgateError(thrown);
    debug(String(thrown?.stack ?? thrown));
    setFailed(`${error2.summary.trimEnd()}${error2.fix ? `
Fix: ${error2.fix}` : ""}`);
  }
}

// actions/lib/load-action-policy.ts
import { existsSync as existsSync2 } from "node:fs";
import { resolve } from "node:path";
async function loadActionPolicy(root, path) {
  if (path === DEFAULT_POLICY_PATH && !existsSync2(resolve(root, path))) return null;
  return { policy: await loadPolicy(localPolicySource(root), { path }), file: path };
}

// actions/lib/mask-secret.ts
function maskSecret(secret) {
  for (const line of secret.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (trimmed !== "" && !trimmed.startsWith("#")) setSecret(trimmed);
  }
}

// actions/lib/open-action-store.ts
async function openActionStore(settings) {
  if (settings.kind === "local") {
    const { LocalDirStore } = await import("./local-dir-store-EL5Q2YLT.js");
    return new LocalDirStore(settings.dir);
  }
  const [{ createGitHubClient }, { GitHubStore }] = await Promise.all([
    import("./github-client-QPB33CWE.js"),
    import("./github-store-HF72ZWB7.js")
  ]);
  const client = createGitHubClient({
    token: settings.token,
    baseUrl: settings.apiUrl,
    userAgent: "snapgate-action"
  });
  return new GitHubStore(client, {
    owner: settings.owner,
    repo: settings.repo,
    branch: settings.branch
  });
}

// actions/lib/read-inputs.ts
var TRUE = ["true", "True", "TRUE"];
var FALSE = ["false", "False", "FALSE"];
function readInputs(spec, read, mask) {
  const raw = /* @__PURE__ */ new Map();
  for (const [name, input] of Object.entries(spec.inputs)) {
    const text = read(name).trim();
    if (input.secret && text !== "") mask(text);
    raw.set(name, text === "" ? input.default ?? "" : text);
  }
  const values = {};
  for (const [name, input] of Object.entries(spec.inputs)) {
    values[name] = parseInput(spec.id, name, input, raw.get(name) ?? "");
  }
  return values;
}
function parseInput(action, name, input, text) {
  if (text === "" && input.required) {
    throw new SnapgateError("USAGE", `The ${action} action needs the input '${name}'.`, {
      fix: `Add \`${name}:\` under \`with:\` (${input.description.replace(/\.$/, "")}).`
    });
  }
  switch (input.kind) {
    case "boolean":
      if (TRUE.includes(text)) return true;
      if (FALSE.includes(text)) return false;
      throw new SnapgateError("USAGE", `The input '${name}' is '${text}', not a boolean.`, {
        fix: `Write ${name}: true or ${name}: false.`
      });
    case "lines":
      return text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== "");
    case "choice": {
      if (text === "") return void 0;
      if (input.values.includes(text)) return text;
      const suggestion = didYouMean(text, input.values);
      throw new SnapgateError("USAGE", `The input '${name}' is '${text}'.`, {
        fix: `Use one of ${input.values.join(", ")}${suggestion ? ` (did you mean ${suggestion}?)` : ""}.`
      });
    }
    default:
      return text === "" ? void 0 : text;
  }
}

// core/github/workflow-run-url.ts
function workflowRunUrl(run) {
  return `${run.serverUrl.replace(/\/+$/, "")}/${run.repository}/actions/runs/${run.runId}`;
}

// actions/lib/read-run-context.ts
async function readRunContext() {
  const { context } = await import("./github-FVA4XWXK.js");
  const repository = process.env.GITHUB_REPOSITORY || void 0;
  const run = repository && Number.isSafeInteger(context.runId) && context.runId > 0 ? { serverUrl: context.serverUrl, repository, runId: String(context.runId) } : null;
  return {
    run,
    runUrl: run ? workflowRunUrl(run) : void 0,
    sha: context.sha || void 0,
    ref: context.ref || void 0,
    actor: context.actor || void 0,
    workflow: context.workflow || void 0,
    repository,
    apiUrl: context.apiUrl
  };
}

// actions/lib/write-summary.ts
async function writeSummary(markdown) {
  if (!process.env.GITHUB_STEP_SUMMARY) {
    info(markdown);
    return;
  }
  await summary.addRaw(markdown).write();
}

// actions/lib/markdown-table.ts
function markdownTable(headers, rows) {
  const line = (cells) => `| ${cells.map((cell) => escapeCell(String(cell))).join(" | ")} |`;
  return [line(headers), `|${headers.map(() => " --- ").join("|")}|`, ...rows.map(line)].join("\n");
}
function escapeCell(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

// actions/lib/action-spec.ts
function defineAction(spec) {
  return spec;
}

// actions/lib/common-inputs.ts
var STORE_INPUTS = {
  "backup-repository": {
    kind: "string",
    description: "The backup repository, owner/name or owner/name@branch. Default: the policy's backup.repository and backup.branch."
  },
  "store-dir": {
    kind: "string",
    description: "A local directory store instead of the backup repository (self-hosted runners with a mounted volume, tests)."
  },
  token: {
    kind: "string",
    secret: true,
    description: "A token that may read and write the backup repository: the Snapgate App's installation token (actions/create-github-app-token). Needed with a backup repository."
  }
};
var POLICY_INPUT = {
  policy: {
    kind: "string",
    default: DEFAULT_POLICY_PATH,
    description: "The policy file in the checkout. When the default file does not exist, the step runs without a policy."
  }
};
var IDENTITY_COMMAND_INPUT = {
  "identity-command": {
    kind: "string",
    description: "Instead of identity: a shell command that prints the identity (a secret manager's CLI, e.g. vault kv get -field=identity secret/snapgate). Its output is kept in memory only and never logged; it must finish within 30 s."
  }
};

// actions/lib/parse-secret-key.ts
function parseWriterKeyInput(text) {
  try {
    return parseWriterKey(text, "The writer-key input");
  } catch (error2) {
    if (!isSnapgateError(error2, "CONFIG")) throw error2;
    throw new SnapgateError("CONFIG", error2.summary, {
      fix: "Store the contents of the file `snapgate keygen --writer --out FILE` writes (SNAPGATE-WRITER-KEY-1...) as a secret and pass writer-key: ${{ secrets.SNAPGATE_WRITER_KEY }}."
    });
  }
}
async function openerFromIdentityInput(text) {
  try {
    return await BlobOpener.create(parseIdentities(text, "The identity input"));
  } catch (error2) {
    if (!isSnapgateError(error2, "CONFIG")) throw error2;
    throw new SnapgateError("CONFIG", error2.summary, {
      fix: "Store the age identity file (AGE-SECRET-KEY-1..., from `snapgate keygen` or `age-keygen`) as a secret of the restore environment and pass identity: ${{ secrets.SNAPGATE_IDENTITY }}."
    });
  }
}

// actions/lib/store-settings.ts
import { resolve as resolve2 } from "node:path";
function storeSettings(inputs, policy, context) {
  const repository = inputs["backup-repository"];
  const dir = inputs["store-dir"];
  if (repository && dir) {
    throw new SnapgateError("USAGE", "Both backup-repository and store-dir were given.", {
      fix: "Use one store: backup-repository (owner/name[@branch], the GitHub backup repository) or store-dir (a local directory on a self-hosted runner)."
    });
  }
  if (dir) return { kind: "local", dir: resolve2(context.cwd, dir) };
  const spec = repository ?? (policy?.backup ? `${policy.backup.repository}@${policy.backup.branch}` : void 0);
  if (!spec) {
    throw new SnapgateError("USAGE", "No backup repository was given, and the policy names none.", {
      fix: "Add backup-repository: owner/name to the step, or `backup: { repository: owner/name }` to .github/snapgate.yml (or store-dir for a local store)."
    });
  }
  let location;
  try {
    location = parseGitHubStoreSpec(`github://${spec}`);
  } catch (error2) {
    if (!isSnapgateError(error2, "USAGE")) throw error2;
    throw new SnapgateError(
      "USAGE",
      `The backup repository '${spec}' is not owner/name[@branch].`,
      {
        fix: "Write it as owner/name or owner/name@branch, e.g. acme/config-backups@main."
      }
    );
  }
  if (!inputs.token) {
    throw new SnapgateError(
      "USAGE",
      `The backup repository ${location.owner}/${location.repo} needs a token, and the token input is empty.`,
      {
        fix: "Pass token: ${{ steps.<id>.outputs.token }} from actions/create-github-app-token (the Snapgate App, scoped to the backup repository), or a fine-grained token with contents: write on it."
      }
    );
  }
  return { kind: "github", ...location, token: inputs.token, apiUrl: context.apiUrl };
}

export {
  getInput,
  setOutput,
  setFailed,
  error,
  warning,
  notice,
  info,
  runAction,
  loadActionPolicy,
  maskSecret,
  openActionStore,
  readInputs,
  workflowRunUrl,
  readRunContext,
  writeSummary,
  markdownTable,
  defineAction,
  STORE_INPUTS,
  POLICY_INPUT,
  IDENTITY_COMMAND_INPUT,
  parseWriterKeyInput,
  openerFromIdentityInput,
  storeSettings
};
