import type sodiumModule from "libsodium-wrappers";

export type Sodium = typeof sodiumModule;

let ready: Promise<Sodium> | undefined;

/**
 * libsodium is loaded and its WebAssembly compiled on first use (~70 ms), not
 * at start-up: a snapshot that turns out unchanged never needs it.
 */
export function loadSodium(): Promise<Sodium> {
  ready ??= import("libsodium-wrappers").then(async (module) => {
    const sodium =
      (module as unknown as { default: Sodium }).default ?? (module as unknown as Sodium);
    await sodium.ready;
    return sodium;
  });
  return ready;
}
