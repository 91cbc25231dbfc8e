import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { SnapgateError } from "../core/errors.js";
import { parseIdentities } from "../core/crypto/age-keys.js";
import { parseVerifyKey, parseWriterKey, type WriterKey } from "../core/crypto/writer-key.js";
import { BlobOpener } from "../core/crypto/blob-opener.js";
import { listValue, stringValue, type CliContext, type ParsedArgs } from "./command.js";

async function readKeyFile(path: string, what: string, context: CliContext): Promise<string> {
  try {
    return await readFile(resolve(context.cwd, path), "utf8");
  } catch (error) {
    throw new SnapgateError(
      "CONFIG",
      `Cannot read the ${what} file ${path}: ${(error as NodeJS.ErrnoException).code ?? "error"}.`,
      {
        fix: `Check the path; create one with \`snapgate keygen${what === "writer key" ? " --writer" : ""} --out ${path}\`.`,
      },
    );
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

/** --identity FILE, or the SNAPGATE_IDENTITY secret's contents. */
export async function loadOpener(
  args: ParsedArgs,
  context: CliContext,
): Promise<BlobOpener | undefined> {
  const path = stringValue(args, "identity");
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
  "writer-key": { type: "string" as const },
};
