/** Every gate check run's name starts so; a ruleset requires it per environment. */
export const GATE_CHECK_NAME = "Snapgate / config backup";

/**
 * `Snapgate / config backup (prod)`; without an environment, the check run
 * that reports a policy that cannot be read (its environments are unknown).
 */
export function gateCheckName(environment: string | null): string {
  return environment === null ? GATE_CHECK_NAME : `${GATE_CHECK_NAME} (${environment})`;
}

/**
 * The environment a gate check run is for: its name, null for the
 * policy-wide check run, undefined when the name is not a gate check's.
 */
export function environmentOfCheckName(name: string): string | null | undefined {
  if (name === GATE_CHECK_NAME) return null;
  const match = /^Snapgate \/ config backup \(([^()]+)\)$/.exec(name);
  return match?.[1];
}
