import {
  COMMAND_TRIGGER,
  type FlagSpec,
  type SubcommandSpec,
  type ValueKind,
} from "./comment-command-grammar.js";

const PLACEHOLDER: Record<ValueKind, string> = {
  environment: "<env>",
  snapshot: "<snapshot>",
  "exact-snapshot": "<snapshot>",
  request: "<request>",
  glob: "<glob>",
  reason: '"..."',
  command: "<command>",
  drill: "<drill>",
};

function flagUsage(flag: FlagSpec): string {
  const text = flag.kind === null ? `--${flag.name}` : `--${flag.name} ${PLACEHOLDER[flag.kind]}`;
  const once = flag.required ? text : `[${text}]`;
  return flag.repeatable ? `${once}...` : once;
}

/** One subcommand's usage line, e.g. `/snapgate lock --env <env> [--reason "..."]`. */
export function commentCommandUsage(spec: SubcommandSpec): string {
  const args = spec.args.map((arg) => {
    const text = arg.name === "a" || arg.name === "b" ? `<${arg.name}>` : PLACEHOLDER[arg.kind];
    return arg.required ? text : `[${text}]`;
  });
  return [COMMAND_TRIGGER, spec.name, ...args, ...spec.flags.map(flagUsage)].join(" ");
}
