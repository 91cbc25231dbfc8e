import type { SeededRandom } from "./seeded-random.js";

/** A line holding one editable value: prefix, value, suffix; the value is replaced. */
const JSON_VALUE =
  /^(\s*"(?:[^"\\]|\\.)*": )("(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)(,?)$/;
const YAML_VALUE = /^(\s*(?:- )?[A-Za-z_][\w./-]*: )([^\s|>{}[\]&*!#@%`'][^#]*?)()$/;
/** nginx: the last argument when it is numeric (`60s`, `32`, `fail_timeout=15s`). */
const NGINX_VALUE = /^(\s*[a-z_]+ (?:[^;{}#]* )?(?:[a-z_]+=)?)(\d[^\s;{}#=]*)(;)$/;
const ASSIGNMENT_VALUE = /^(\s*(?:export )?[A-Za-z_]\w*\s*=\s*)([^\s{[(<].*?)()$/;

/**
 * Changes one value in a configuration file the way a person would (a new
 * image tag, a new timeout, a rotated secret), keeping the file's syntax.
 * Binary files get a few bytes rewritten, as when a keystore is re-issued.
 */
export function editValue(path: string, content: Buffer, rng: SeededRandom): Buffer {
  if (/\.(jks|p12)$/.test(path) || content.includes(0)) return editBytes(content, rng);
  const pattern = path.endsWith(".json")
    ? JSON_VALUE
    : /\.ya?ml$/.test(path)
      ? YAML_VALUE
      : path.endsWith(".conf")
        ? NGINX_VALUE
        : ASSIGNMENT_VALUE;
  const lines = content.toString("utf8").split("\n");
  const candidates: number[] = [];
  lines.forEach((line, index) => {
    if (pattern.test(line)) candidates.push(index);
  });
  if (candidates.length === 0) {
    // Nothing that looks like a value: append a line, as a person adding a setting would.
    const addition = path.endsWith(".json") ? "\n" : `# changed ${rng.hex(8)}\n`;
    return Buffer.concat([content, Buffer.from(addition)]);
  }
  const index = rng.pick(candidates);
  const match = pattern.exec(lines[index] as string) as RegExpExecArray;
  const [, prefix, value, suffix] = match as unknown as [string, string, string, string];
  lines[index] = prefix + newValue(value, rng) + suffix;
  return Buffer.from(lines.join("\n"));
}

function newValue(old: string, rng: SeededRandom): string {
  let next: string;
  const unit = /^(\d+)([A-Za-z]+)$/.exec(old);
  if (/^".*"$/.test(old)) next = `"${token(rng)}"`;
  else if (/^-?\d+(\.\d+)?$/.test(old)) next = String(rng.int(0, 100_000));
  else if (unit) next = `${rng.int(1, 999)}${unit[2]}`;
  else if (old === "true" || old === "false") next = old === "true" ? "false" : "true";
  else next = token(rng);
  return next === old ? `${next}1` : next;
}

/** A plain scalar that is safe unquoted in YAML, HCL, .env and nginx. */
function token(rng: SeededRandom): string {
  return `v${rng.hex(10)}`;
}

function editBytes(content: Buffer, rng: SeededRandom): Buffer {
  const edited = Buffer.from(content);
  const length = Math.min(16, edited.length);
  // Keep the magic header (first 8 bytes) when the file is big enough to have one.
  const start = edited.length > 24 + length ? rng.int(8, edited.length - length) : 0;
  rng.bytes(length).copy(edited, start);
  if (edited.equals(content)) edited[start] = ((edited[start] as number) + 1) & 255;
  return edited;
}
