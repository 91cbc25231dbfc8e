import type * as AgeModule from "age-encryption";

export type AgeLibrary = typeof AgeModule;

let loading: Promise<AgeLibrary> | undefined;

/** age-encryption initialises post-quantum and P-256 code at import (~70 ms); load it only to encrypt or decrypt. */
export function loadAge(): Promise<AgeLibrary> {
  loading ??= import("age-encryption");
  return loading;
}
