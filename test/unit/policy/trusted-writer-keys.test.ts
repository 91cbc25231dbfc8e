import { describe, expect, it } from "@jest/globals";
import { trustedWriterKeys } from "../../../core/policy/trusted-writer-keys.js";
import { OTHER_WRITER, policyFromYaml, WRITER } from "./policy-from-yaml.js";

describe("trustedWriterKeys", () => {
  it("given keys win (checked, deduplicated); else the policy's writers; else none", async () => {
    const policy = await policyFromYaml(`tiers: { tier1: { max_age: 1d } }
environments: { prod: { tier: tier1 } }
`);
    expect(trustedWriterKeys([` ${OTHER_WRITER}`, OTHER_WRITER, ""], policy)).toEqual([
      OTHER_WRITER,
    ]);
    expect(trustedWriterKeys([], policy)).toEqual([WRITER]);
    expect(trustedWriterKeys([], null)).toEqual([]);
    expect(() => trustedWriterKeys(["sgw1typo"], policy)).toThrow(
      "A writer verify key (8 characters) is not a valid Snapgate writer verify key.",
    );
  });
});
