import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  listValue,
  stringValue
} from "./chunk-H7HHPLOE.js";
import {
  parseVerifyKey,
  parseWriterKey
} from "./chunk-QGYJZUSD.js";
import {
  BlobOpener
} from "./chunk-PCRNZOG5.js";
import {
  parseIdentities
} from "./chunk-3BJVJWY4.js";
import {
  SnapgateError
} from "./chunk-6KERQ4ZL.js";

// cli/load-keys.ts
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
async function readKeyFile(path, what, context) {
  try {
    return await readFile(resolve(context.cwd, path), "utf8");
  } catch (error) {
    throw new SnapgateError(
      "CONFIG",
      `Cannot read the ${what} file ${path}: ${error.code ?? "error"}.`,
      {
        fix: `Check the path; create one with \`snapgate keygen${what === "writer key" ? " --writer" : ""} --out ${path}\`.`
      }
    );
  }
}
async function loadWriterKey(args, context, required) {
  const path = stringValue(args, "writer-key");
  const text = path ? await readKeyFile(path, "writer key", context) : context.env.SNAPGATE_WRITER_KEY;
  if (!text) {
    if (!required) return void 0;
    throw new SnapgateError("USAGE", "No writer key was given.", {
      fix: "Pass --writer-key FILE or set SNAPGATE_WRITER_KEY (create a key with `snapgate keygen --writer --out FILE`)."
    });
  }
  return parseWriterKey(text, path ?? "SNAPGATE_WRITER_KEY");
}
async function loadOpener(args, context) {
  const path = stringValue(args, "identity");
  const text = path ? await readKeyFile(path, "identity", context) : context.env.SNAPGATE_IDENTITY;
  if (!text) return void 0;
  return BlobOpener.create(parseIdentities(text, path ?? "SNAPGATE_IDENTITY"));
}
function trustedKeys(args, context) {
  const keys = [
    ...listValue(args, "verify-key"),
    ...(context.env.SNAPGATE_VERIFY_KEYS ?? "").split(/[\s,]+/)
  ].map((key) => key.trim()).filter((key) => key !== "");
  for (const key of keys) parseVerifyKey(key);
  return [...new Set(keys)];
}
var KEY_OPTIONS = {
  "verify-key": { type: "string", multiple: true },
  identity: { type: "string" },
  "writer-key": { type: "string" }
};

export {
  loadWriterKey,
  loadOpener,
  trustedKeys,
  KEY_OPTIONS
};
