import { constants, type Stats } from "node:fs";
import { open, type FileHandle } from "node:fs/promises";
import { resolve } from "node:path";
import { isSnapgateError, SnapgateError } from "../core/errors.js";
import { readIdentityCommand } from "../core/crypto/read-identity-command.js";
import { parseIdentities } from "../core/crypto/age-keys.js";
import { keyKind } from "../core/crypto/key-kind.js";
import { parseVerifyKey, parseWriterKey, type WriterKey } from "../core/crypto/writer-key.js";
import { BlobOpener } from "../core/crypto/blob-opener.js";
import { listValue, stringValue, type CliContext, type ParsedArgs } from "./command.js";

/** Key files already warned about, per command run: a warning is given once. */
const warned = new WeakMap<CliContext, Set<string>>();

function describeFileType(stats: Stats): string {
  if (stats.isFIFO()) return "a FIFO";
  if (stats.isDirectory()) return "a directory";
  if (stats.isSocket()) return "a socket";
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return "a device";
  return "not a regular file";
}

/**
 * Reads a secret key file. Opened without blocking, so a FIFO is refused
 * instead of hanging; a file group or others may read is used with a warning
 * (as ssh warns), naming the chmod that fixes it.
 */
async function readKeyFile(path: string, what: string, context: CliContext): Promise<string> {
  const option = what === "writer key" ? "--writer-key" : "--identity";
  const kind = keyKind(path);
  if (kind) {
    // The key itself was given instead of a file: never echo it.
    throw new SnapgateError(
      "CONFIG",
      `${option} takes a file name, and it was given ${kind.name}.`,
      {
        fix: `Put the key in a file only you can read (chmod 600) and pass its path, or set ${what === "writer key" ? "SNAPGATE_WRITER_KEY" : "SNAPGATE_IDENTITY"} to it.${kind.secret ? " A secret key on the command line is visible to other users of the machine: rotate it." : ""}`,
      },
    );
  }
  const file = resolve(context.cwd, path);
  let handle: FileHandle;
  try {
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw new SnapgateError(
      "CONFIG",
      `Cannot read the ${what} file ${path}: ${(error as NodeJS.ErrnoException).code ?? "error"}.`,
      {
        fix: `Check the path; create one with \`snapgate keygen${what === "writer key" ? " --writer" : ""} --out ${path}\`.`,
      },
    );
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) {
      throw new SnapgateError(
        "CONFIG",
        `The ${what} file ${path} is ${describeFileType(stats)}, not a regular file.`,
        { fix: `Pass the key file itself to ${option}.` },
      );
    }
    if ((stats.mode & 0o077) !== 0) {
      const seen = warned.get(context) ?? new Set<string>();
      warned.set(context, seen);
      if (!seen.has(file)) {
        seen.add(file);
        const mode = (stats.mode & 0o777).toString(8).padStart(4, "0");
        context.stderr(
          `warning: the ${what} file ${path} is accessible by group or others (mode ${mode}); it is a secret key. Run: chmod 600 ${path}\n`,
        );
      }
    }
    return await handle.readFile("utf8");
  } finally {
    await handle.close();
  }
}

/** --writer-key FILE, or the SNAPGATE_WRITER_KEY secret's contents. */
export async function loadWriterKey(
  args: ParsedArgs,
  context: CliContext,
  required: true,
): Promise<WriterKey>;
export async function loadWriterKey(
  args: ParsedArgs,
  context: CliContext,
  required: false,
): Promise<WriterKey | undefined>;
export async function loadWriterKey(
  args: ParsedArgs,
  context: CliContext,
  required: boolean,
): Promise<WriterKey | undefined> {
  const path = stringValue(args, "writer-key");
  const text = path
    ? await readKeyFile(path, "writer key", context)
    : context.env.SNAPGATE_WRITER_KEY;
  if (!text) {
    if (!required) return undefined;
    throw new SnapgateError("USAGE", "No writer key was given.", {
      fix: "Pass --writer-key FILE or set SNAPGATE_WRITER_KEY (create a key with `snapgate keygen --writer --out FILE`).",
    });
  }
  return parseWriterKey(text, path ?? "SNAPGATE_WRITER_KEY");
}

/**
 * --identity FILE, --identity-command CMD (a secret manager's command; its
 * output stays in memory), or the SNAPGATE_IDENTITY secret's contents.
 */
export async function loadOpener(
  args: ParsedArgs,
  context: CliContext,
): Promise<BlobOpener | undefined> {
  const path = stringValue(args, "identity");
  const command = stringValue(args, "identity-command");
  if (path !== undefined && command !== undefined) {
    throw new SnapgateError("USAGE", "--identity and --identity-command both name an identity.", {
      fix: "Give one: --identity FILE for a key file, or --identity-command CMD to read it from a secret manager.",
    });
  }
  if (command !== undefined) {
    const text = await readIdentityCommand(command, { cwd: context.cwd, env: context.env });
    try {
      return await BlobOpener.create(parseIdentities(text, "The output of --identity-command"));
    } catch (error) {
      if (!isSnapgateError(error, "CONFIG")) throw error;
      throw new SnapgateError("CONFIG", error.summary, {
        fix: "Make the command print only the identity file's text (AGE-SECRET-KEY-1... lines, # comments allowed), e.g. a single field of the secret.",
      });
    }
  }
  const text = path ? await readKeyFile(path, "identity", context) : context.env.SNAPGATE_IDENTITY;
  if (!text) return undefined;
  return BlobOpener.create(parseIdentities(text, path ?? "SNAPGATE_IDENTITY"));
}

/** Trusted writer verify keys: --verify-key (repeatable) and SNAPGATE_VERIFY_KEYS (comma or space separated). */
export function trustedKeys(args: ParsedArgs, context: CliContext): string[] {
  const keys = [
    ...listValue(args, "verify-key"),
    ...(context.env.SNAPGATE_VERIFY_KEYS ?? "").split(/[\s,]+/),
  ]
    .map((key) => key.trim())
    .filter((key) => key !== "");
  for (const key of keys) parseVerifyKey(key);
  return [...new Set(keys)];
}

export const KEY_OPTIONS = {
  "verify-key": { type: "string" as const, multiple: true as const },
  identity: { type: "string" as const },
  "identity-command": { type: "string" as const },
  "writer-key": { type: "string" as const },
};
