import { isMap, isScalar, isSeq, parseDocument, type Node } from "yaml";
import { inferValueFormat } from "../infer-value-format.js";
import type { ValueFormat, ValueRef } from "../policy.js";
import { parseEnvFile } from "./parse-env-file.js";
import { parseValuePath } from "./value-path.js";

export type ExtractedValue =
  { ok: true; value: string; where: string } | { ok: false; message: string; fix: string };

/**
 * Reads one value from a file's bytes. YAML and JSON scalars keep their source
 * text (so `1.10` stays 1.10, not 1.1); text files give their trimmed content.
 */
export function extractValue(bytes: Uint8Array, ref: ValueRef): ExtractedValue {
  const format: ValueFormat = ref.format ?? inferValueFormat(ref.file);
  const where = ref.path === null ? ref.file : `${ref.file} ${ref.path}`;
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return {
      ok: false,
      message: `${ref.file} is not UTF-8 text`,
      fix: "point the rule at a text file",
    };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);

  if (format === "text") return { ok: true, value: text.trim(), where };
  if (ref.path === null) {
    return {
      ok: false,
      message: `no path given for ${ref.file} (read as ${format})`,
      fix: "add path: to the rule",
    };
  }

  if (format === "env") {
    const variables = parseEnvFile(text);
    const value = variables.get(ref.path);
    if (value === undefined) {
      return {
        ok: false,
        message: `${ref.file} has no variable ${ref.path}`,
        fix: `add ${ref.path}=... to ${ref.file} or correct the rule's path (variables there: ${[...variables.keys()].slice(0, 10).join(", ") || "none"})`,
      };
    }
    return { ok: true, value: value.trim(), where };
  }

  const segments = parseValuePath(ref.path);
  if (segments === null) {
    return {
      ok: false,
      message: `'${ref.path}' is not a value path`,
      fix: 'write a dotted path such as db.schemaVersion or servers[0].port (["a.b"] for a key with dots)',
    };
  }
  // Parser messages quote the text they stopped at (a secret, perhaps): only the line is shown.
  if (format === "json") {
    try {
      JSON.parse(text);
    } catch (error) {
      const position = /at position (\d+)/.exec((error as Error).message)?.[1];
      return {
        ok: false,
        message: `${ref.file} is not valid JSON${position === undefined ? "" : ` (line ${lineAt(text, Number(position))})`}`,
        fix: `fix ${ref.file} or set format: to what it is`,
      };
    }
  }
  const document = parseDocument(text, { prettyErrors: false });
  const [error] = document.errors;
  if (error) {
    return {
      ok: false,
      message: `${ref.file} is not valid YAML (line ${lineAt(text, error.pos[0])}, ${error.code})`,
      fix: `fix ${ref.file} or set format: to what it is`,
    };
  }
  let node: unknown = document.contents;
  const walked: (string | number)[] = [];
  for (const segment of segments) {
    let next: unknown;
    if (isMap(node)) next = node.get(segment, true);
    else if (isSeq(node) && typeof segment === "number") next = node.items[segment];
    if (next === undefined) {
      const at = walked.length === 0 ? "the top level" : walked.join(".");
      const keys = isMap(node)
        ? node.items
            .map((pair) => String(isScalar(pair.key) ? pair.key.value : pair.key))
            .slice(0, 10)
            .join(", ")
        : isSeq(node)
          ? `${node.items.length} items`
          : "a plain value";
      return {
        ok: false,
        message: `${ref.file} has no ${ref.path} (stopped at ${String(segment)} under ${at}, which has: ${keys || "nothing"})`,
        fix: `add ${ref.path} to ${ref.file} or correct the rule's path`,
      };
    }
    walked.push(segment);
    node = next;
  }
  if (isScalar(node)) {
    const scalar = node as Node & { value: unknown; source?: string };
    if (scalar.value === null)
      return {
        ok: false,
        message: `${where} is empty`,
        fix: `give ${ref.path} a value in ${ref.file}`,
      };
    const value =
      typeof scalar.value === "string" ? scalar.value : (scalar.source ?? String(scalar.value));
    return { ok: true, value: value.trim(), where };
  }
  if (node === null)
    return {
      ok: false,
      message: `${where} is empty`,
      fix: `give ${ref.path} a value in ${ref.file}`,
    };
  return {
    ok: false,
    message: `${where} is a ${isSeq(node) ? "list" : "mapping"}, not a single value`,
    fix: "point path at a single value (a string or number)",
  };
}

/** The 1-based line of a character offset. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
