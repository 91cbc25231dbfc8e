#!/usr/bin/env node
/**
 * Regenerates the committed OpenAPI subsets the sandbox validates against:
 *
 *   sandbox/openapi/api.github.com.subset.json   REST operations in served.json
 *   sandbox/openapi/webhooks.subset.json         webhook events in served.json
 *
 * GitHub's full descriptions are 385 MB of npm package, so they are installed
 * into a temporary directory, never into package.json. The subsets keep only
 * the listed operations and the components they reference, transitively;
 * examples are dropped (they are not schemas and triple the size).
 *
 * Usage: node sandbox/scripts/extract-openapi.js [--from <dir with node_modules/@octokit>]
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const openapiDir = join(dirname(fileURLToPath(import.meta.url)), "..", "openapi");
const served = JSON.parse(readFileSync(join(openapiDir, "served.json"), "utf8"));
const HTTP_METHODS = ["get", "put", "post", "delete", "patch", "head", "options"];

function installDescriptions() {
  const fromIndex = process.argv.indexOf("--from");
  if (fromIndex !== -1) return { root: process.argv[fromIndex + 1], cleanup: () => {} };
  const root = mkdtempSync(join(tmpdir(), "snapgate-openapi-"));
  console.log(`installing ${served.packages.rest} and ${served.packages.webhooks} into ${root}`);
  execFileSync(
    "npm",
    [
      "install",
      "--prefix",
      root,
      "--no-save",
      "--ignore-scripts",
      "--no-audit",
      "--no-fund",
      served.packages.rest,
      served.packages.webhooks,
    ],
    { stdio: "inherit" },
  );
  return { root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

function readPackageJson(root, name, file) {
  return JSON.parse(readFileSync(join(root, "node_modules", name, file), "utf8"));
}

/**
 * Deep copy without `example`/`examples` keywords: they document, they do not
 * constrain. A property that happens to be named "examples" is kept.
 */
function withoutExamples(value, isPropertyMap = false) {
  if (Array.isArray(value)) return value.map((item) => withoutExamples(item));
  if (value === null || typeof value !== "object") return value;
  const copy = {};
  for (const [key, inner] of Object.entries(value)) {
    if (!isPropertyMap && (key === "example" || key === "examples")) continue;
    copy[key] = withoutExamples(inner, !isPropertyMap && key === "properties");
  }
  return copy;
}

/** Copies every component reachable from `roots` into a fresh components object. */
function collectComponents(document, roots) {
  const components = {};
  const pending = [...roots];
  const seen = new Set();
  while (pending.length > 0) {
    const value = pending.pop();
    if (Array.isArray(value)) {
      pending.push(...value);
      continue;
    }
    if (value === null || typeof value !== "object") continue;
    for (const [key, inner] of Object.entries(value)) {
      if (key === "$ref" && typeof inner === "string") {
        const match = /^#\/components\/([^/]+)\/(.+)$/.exec(inner);
        if (!match)
          throw new Error(`Unsupported $ref ${inner}: extend collectComponents to follow it.`);
        const [, kind, name] = match;
        if (seen.has(inner)) continue;
        seen.add(inner);
        const target = document.components?.[kind]?.[name];
        if (target === undefined)
          throw new Error(
            `Dangling $ref ${inner} in the description: check the package version in served.json.`,
          );
        components[kind] ??= {};
        components[kind][name] = withoutExamples(target);
        pending.push(components[kind][name]);
      } else {
        pending.push(inner);
      }
    }
  }
  return sortKeysDeep(components, 2);
}

function sortKeysDeep(object, depth) {
  if (depth === 0 || object === null || typeof object !== "object" || Array.isArray(object)) {
    return object;
  }
  return Object.fromEntries(
    Object.keys(object)
      .sort()
      .map((key) => [key, sortKeysDeep(object[key], depth - 1)]),
  );
}

function extractRest(document, packageVersion) {
  const paths = {};
  const found = new Set();
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!operation || !served.operations.includes(operation.operationId)) continue;
      found.add(operation.operationId);
      paths[path] ??= {};
      paths[path][method] = withoutExamples(operation);
      if (item.parameters) paths[path].parameters = withoutExamples(item.parameters);
    }
  }
  const missing = served.operations.filter((id) => !found.has(id));
  if (missing.length > 0)
    throw new Error(`Operations not in the description: ${missing}. Fix their ids in served.json.`);
  return {
    openapi: document.openapi,
    info: { ...document.info, "x-subset-of": packageVersion },
    servers: document.servers,
    paths: sortKeysDeep(paths, 1),
    components: collectComponents(document, [paths]),
  };
}

function extractWebhooks(document, packageVersion) {
  const webhooks = {};
  for (const key of served.webhooks) {
    if (!document.webhooks[key])
      throw new Error(`Webhook ${key} is not in the description. Fix its key in served.json.`);
    webhooks[key] = withoutExamples(document.webhooks[key]);
  }
  return {
    openapi: document.openapi,
    info: { ...document.info, "x-subset-of": packageVersion },
    webhooks,
    components: collectComponents(document, [webhooks]),
  };
}

function writeJson(file, value) {
  const text = `${JSON.stringify(value, null, 1)}\n`;
  writeFileSync(join(openapiDir, file), text);
  console.log(`wrote sandbox/openapi/${file} (${(text.length / 1024).toFixed(0)} KiB)`);
}

const { root, cleanup } = installDescriptions();
try {
  const rest = readPackageJson(root, "@octokit/openapi", "generated/api.github.com.json");
  const webhooks = readPackageJson(
    root,
    "@octokit/openapi-webhooks",
    "generated/api.github.com.json",
  );
  const restVersion = readPackageJson(root, "@octokit/openapi", "package.json").version;
  const hooksVersion = readPackageJson(root, "@octokit/openapi-webhooks", "package.json").version;
  writeJson("api.github.com.subset.json", extractRest(rest, `@octokit/openapi@${restVersion}`));
  writeJson(
    "webhooks.subset.json",
    extractWebhooks(webhooks, `@octokit/openapi-webhooks@${hooksVersion}`),
  );
} finally {
  cleanup();
}
