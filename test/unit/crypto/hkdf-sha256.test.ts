import { hkdfSync, randomBytes } from "node:crypto";
import { describe, expect, it } from "@jest/globals";
import { hkdfSha256 } from "../../../core/crypto/hkdf-sha256.js";

describe("hkdfSha256", () => {
  it("gives what hkdfSync gives for 32 bytes, with and without a salt", () => {
    for (let round = 0; round < 50; round++) {
      const ikm = randomBytes(round % 2 ? 16 : 32);
      const salt = round % 3 === 0 ? Buffer.alloc(0) : randomBytes(round % 2 ? 16 : 64);
      const info = ["header", "payload", "age-encryption.org/v1/X25519"][round % 3] as string;
      expect(hkdfSha256(ikm, salt, info).toString("hex")).toBe(
        Buffer.from(hkdfSync("sha256", ikm, salt, info, 32)).toString("hex"),
      );
    }
  });

  it("matches RFC 5869 test case 3 (no salt, no info), first 32 bytes", () => {
    const ikm = Buffer.alloc(22, 0x0b);
    expect(hkdfSha256(ikm, Buffer.alloc(0), "").toString("hex")).toBe(
      "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d",
    );
  });
});
