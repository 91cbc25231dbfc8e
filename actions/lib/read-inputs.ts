import { SnapgateError } from "../../core/errors.js";
import { didYouMean } from "../../core/did-you-mean.js";
import type { ActionSpec, InputSpec, InputValues } from "./action-spec.js";

const TRUE = ["true", "True", "TRUE"];
const FALSE = ["false", "False", "FALSE"];

/**
 * Reads every input of the registry once, as the runner passes them
 * (INPUT_<NAME>; the registry's default when empty), masks secrets before
 * anything else can print them, and checks booleans, choices and required
 * inputs. Every problem is a USAGE error naming the input and what to write.
 */
export function readInputs<I extends Record<string, InputSpec>, O extends string>(
  spec: ActionSpec<I, O>,
  read: (name: string) => string,
  mask: (secret: string) => void,
): InputValues<I> {
  const raw = new Map<string, string>();
  for (const [name, input] of Object.entries(spec.inputs)) {
    const text = read(name).trim();
    if (input.secret && text !== "") mask(text);
    raw.set(name, text === "" ? (input.default ?? "") : text);
  }
  const values: Record<string, unknown> = {};
  for (const [name, input] of Object.entries(spec.inputs)) {
    values[name] = parseInput(spec.id, name, input, raw.get(name) ?? "");
  }
  return values as InputValues<I>;
}

function parseInput(action: string, name: string, input: InputSpec, text: string): unknown {
  if (text === "" && input.required) {
    throw new SnapgateError("USAGE", `The ${action} action needs the input '${name}'.`, {
      fix: `Add \`${name}:\` under \`with:\` (${input.description.replace(/\.$/, "")}).`,
    });
  }
  switch (input.kind) {
    case "boolean":
      if (TRUE.includes(text)) return true;
      if (FALSE.includes(text)) return false;
      throw new SnapgateError("USAGE", `The input '${name}' is '${text}', not a boolean.`, {
        fix: `Write ${name}: true or ${name}: false.`,
      });
    case "lines":
      return text
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line !== "");
    case "choice": {
      if (text === "") return undefined;
      if (input.values.includes(text)) return text;
      const suggestion = didYouMean(text, input.values);
      throw new SnapgateError("USAGE", `The input '${name}' is '${text}'.`, {
        fix: `Use one of ${input.values.join(", ")}${suggestion ? ` (did you mean ${suggestion}?)` : ""}.`,
      });
    }
    default:
      return text === "" ? undefined : text;
  }
}
