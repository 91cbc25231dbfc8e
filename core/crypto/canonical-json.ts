import canonicalize from "canonicalize";
import { SnapgateError } from "../errors.js";

/** RFC 8785 (JCS) serialisation: the bytes that are hashed and signed. */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) {
    throw new SnapgateError("INTEGRITY", "A value could not be serialised as canonical JSON.", {
      fix: "This is a bug: report the command you ran.",
    });
  }
  return text;
}
