import sodiumModule from "libsodium-wrappers";

export type Sodium = typeof sodiumModule;

let ready: Promise<Sodium> | undefined;

/** libsodium compiles its WebAssembly once per process; every caller awaits the same promise. */
export function loadSodium(): Promise<Sodium> {
  ready ??= sodiumModule.ready.then(() => sodiumModule);
  return ready;
}
