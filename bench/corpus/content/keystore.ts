import type { FakeValues } from "./fake-values.js";

/** A binary keystore: the right magic bytes, then random bytes, which do not compress. */
export function keystore(fake: FakeValues, targetBytes: number, format: "jks" | "p12"): Buffer {
  const size = Math.max(64, Math.round(targetBytes));
  // JKS files start with 0xFEEDFEED; PKCS#12 files are a DER SEQUENCE (0x30 0x82 + length).
  const magic =
    format === "jks"
      ? Buffer.from([0xfe, 0xed, 0xfe, 0xed, 0, 0, 0, 2])
      : Buffer.from([0x30, 0x82, (size >> 8) & 0xff, size & 0xff]);
  return Buffer.concat([magic, fake.rng.bytes(size - magic.length)]);
}
