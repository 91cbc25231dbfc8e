import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  listValue,
  stringValue
} from "./chunk-6P64A6B4.js";
import {
  readIdentityCommand
} from "./chunk-AYS4OF2G.js";
import {
  parseVerifyKey,
  parseWriterKey
} from "./chunk-JAZ2OF6U.js";
import {
  BlobOpener
} from "./chunk-K6EMEHOA.js";
import {
  parseIdentities
} from "./chunk-6R3LO6XJ.js";
import {
  keyKind
} from "./chunk-54LOBW6C.js";
import {
  SnapgateError,
  isSnapgateError
} from "./chunk-6KERQ4ZL.js";

// cli/load-keys.ts
import { constants } from "node:fs";
import { open } from "node:fs/promises";
import { resolve } from "node:path";
var warned = /* @__PURE__ */ new WeakMap();
function describeFileType(stats) {
  if (stats.isFIFO()) return "a FIFO";
  if (stats.isDirectory()) return "a directory";
  if (stats.isSocket()) return "a socket";
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return "a device";
  return "not a regular file";
}
async function readKeyFile(path, what, context) {
  const option = what === "writer key" ? "--writer-key" : "--identity";
  const kind = keyKind(path);
  if (kind) {
    throw new SnapgateError(
      "CONFIG",
      `${option} takes a file name, and it was given ${kind.name}.`,
      {
        fix: `Put the key in a file only you can read (chmod 600) and pass its path, or set ${what === "writer key" ? "SNAPGATE_WRITER_KEY" : "SNAPGATE_IDENTITY"} to it.${kind.secret ? " A secret key on the command line is visible to other users of the machine: rotate it." : ""}`
      }
    );
  }
  const file = resolve(context.cwd, path);
  let handle;
  try {
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw new SnapgateError(
      "CONFIG",
      `Cannot read the ${what} file ${path}: ${error.code ?? "error"}.`,
      {
        fix: `Check the path; create one with \`snapgate keygen${what === "writer key" ? " --writer" : ""} --out ${path}\`.`
      }
    );
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) {
      throw new SnapgateError(
        "CONFIG",
        `The ${what} file ${path} is ${describeFileType(stats)}, not a regular file.`,
        { fix: `Pass the key file itself to ${option}.` }
      );
    }
    if ((stats.mode & 63) !== 0) {
      const seen = warned.get(context) ?? /* @__PURE__ */ new Set();
      warned.set(context, seen);
      if (!seen.has(file)) {
        seen.add(file);
        const mode = (stats.mode & 511).toString(8).padStart(4, "0");
        context.stderr(
          `warning: the ${what} file ${path} is accessible by group or others (mode ${mode}); it is a secret key. Run: chmod 600 ${path}
`
        );
      }
    }
    return await handle.readFile("utf8");
  } finally {
    await handle.close();
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
  const command = stringValue(args, "identity-command");
  if (path !== void 0 && command !== void 0) {
    throw new SnapgateError("USAGE", "--identity and --identity-command both name an identity.", {
      fix: "Give one: --identity FILE for a key file, or --identity-command CMD to read it from a secret manager."
    });
  }
  if (command !== void 0) {
    const text2 = await readIdentityCommand(command, { cwd: context.cwd, env: context.env });
    try {
      return await BlobOpener.create(parseIdentities(text2, "The output of --identity-command"));
    } catch (error) {
      if (!isSnapgateError(error, "CONFIG")) throw error;
      throw new SnapgateError("CONFIG", error.summary, {
        fix: "Make the command print only the identity file's text (AGE-SECRET-KEY-1... lines, # comments allowed), e.g. a single field of the secret."
      });
    }
  }
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
  "identity-command": { type: "string" },
  "writer-key": { type: "string" }
};

export {
  loadWriterKey,
  loadOpener,
  trustedKeys,
  KEY_OPTIONS
};
