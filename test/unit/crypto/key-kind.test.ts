import { describe, expect, it } from "@jest/globals";
import { describeKeyText } from "../../../core/crypto/describe-key-text.js";
import { keyKind } from "../../../core/crypto/key-kind.js";
import { makeKeys } from "../../helpers/keys.js";

describe("keyKind and describeKeyText", () => {
  it("names each kind of key by its prefix, and says which are secret", async () => {
    const keys = await makeKeys();
    const cases: Array<[string, string, boolean]> = [
      [keys.age.identity, "an age identity (a secret key)", true],
      [keys.writerText, "a Snapgate writer key (a secret key)", true],
      ["-----BEGIN OPENSSH PRIVATE KEY-----\nb3Blbn\n", "a private key (a secret key)", true],
      [`ghp_${"a".repeat(36)}`, "a GitHub token (a secret)", true],
      [keys.age.recipient, "an age recipient", false],
      [keys.verifyKey, "a writer verify key", false],
    ];
    for (const [text, name, secret] of cases) expect(keyKind(text)).toEqual({ name, secret });
  });

  it("describes a key by kind (and a public one by length), anything else by length only", async () => {
    const keys = await makeKeys();
    expect(describeKeyText(keys.age.identity)).toBe("an age identity (a secret key)");
    expect(describeKeyText(`  ${keys.verifyKey}\n`)).toBe("a writer verify key (62 characters)");
    expect(describeKeyText("hunter2")).toBe("a value of 7 characters");
    expect(keyKind("a description that mentions a PRIVATE KEY")).toBeNull();
  });
});
