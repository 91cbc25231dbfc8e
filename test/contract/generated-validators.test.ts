import { readFileSync } from "node:fs";
import { describe, expect, it } from "@jest/globals";
// @ts-expect-error: the generator is plain JavaScript, run by `npm run build`.
import { generateValidator, PRECOMPILED } from "../../scripts/compile-validators.js";

describe("precompiled schema validators (core/generated)", () => {
  it.each(PRECOMPILED as Array<{ schema: string; out: string }>)(
    "$out is what $schema compiles to",
    ({ schema, out }) => {
      expect(readFileSync(out, "utf8")).toBe(
        (generateValidator as (path: string) => string)(schema),
      );
    },
  );
});
