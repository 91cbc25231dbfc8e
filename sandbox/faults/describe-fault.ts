import type { FaultSpec } from "./fault-spec.js";

/** A fault as the request log and assertClean show it (RegExp routes kept readable). */
export function describeFault(fault: FaultSpec): string {
  return JSON.stringify(fault, (_key, value: unknown) =>
    value instanceof RegExp ? String(value) : value,
  );
}
