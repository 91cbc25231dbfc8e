/**
 * An action's inputs and outputs as a typed registry: the single source the
 * action's code reads its inputs through, and what a contract test checks
 * every action.yml against (names, required flags, defaults, outputs).
 */

interface InputBase {
  description: string;
  /** The runner refuses nothing: a required input is checked by readInputs. */
  required?: boolean;
  /** As written in action.yml (the runner passes it when the input is not given). */
  default?: string;
  /** Masked (every line) before anything is logged. */
  secret?: boolean;
}

export interface StringInput extends InputBase {
  kind: "string";
}

export interface BooleanInput extends InputBase {
  kind: "boolean";
  default: "true" | "false";
}

/** One value per line; blank lines are ignored. */
export interface LinesInput extends InputBase {
  kind: "lines";
}

export interface ChoiceInput<V extends string = string> extends InputBase {
  kind: "choice";
  values: readonly V[];
}

export type InputSpec = StringInput | BooleanInput | LinesInput | ChoiceInput;

export interface OutputSpec {
  description: string;
}

export interface ActionSpec<
  I extends Record<string, InputSpec> = Record<string, InputSpec>,
  O extends string = string,
> {
  /** The directory under actions/ (and the bundle's name). */
  id: string;
  name: string;
  description: string;
  inputs: I;
  outputs: Record<O, OutputSpec>;
}

type Given<S extends InputSpec> = S extends { required: true }
  ? true
  : S extends { default: string }
    ? true
    : false;

/** What readInputs gives for one input: typed by its kind, undefined only when it may be absent. */
export type InputValue<S extends InputSpec> = S extends BooleanInput
  ? boolean
  : S extends LinesInput
    ? string[]
    : S extends ChoiceInput<infer V>
      ? Given<S> extends true
        ? V
        : V | undefined
      : Given<S> extends true
        ? string
        : string | undefined;

export type InputValues<I extends Record<string, InputSpec>> = {
  [K in keyof I]: InputValue<I[K]>;
};

/** Declares an action with its literal types kept (so readInputs knows each input's type). */
export function defineAction<const I extends Record<string, InputSpec>, const O extends string>(
  spec: ActionSpec<I, O>,
): ActionSpec<I, O> {
  return spec;
}
