import { hkdfSync, randomBytes } from "node:crypto";
import { bech32 } from "@scure/base";
import { SnapgateError } from "../errors.js";
import { decodeBech32Key } from "./decode-bech32-key.js";
import { describeKeyText } from "./describe-key-text.js";
import { keyKind } from "./key-kind.js";
import type { Sodium } from "./sodium.js";

/**
 * The writer key is the snapshot job's only secret. From it we derive a MAC key
 * (keyed blob ids, so a reader of the backup repository cannot confirm a guess
 * of a low-entropy file) and an Ed25519 key that signs manifests. The job can
 * write but never read: it holds no age identity.
 */
const WRITER_KEY_PREFIX = "SNAPGATE-WRITER-KEY-";
const VERIFY_KEY_PREFIX = "sgw";

export interface WriterKey {
  macKey: Uint8Array;
  /** Seed of the Ed25519 signing key; expanded with libsodium only when something is signed. */
  signingSeed: Uint8Array;
}

export interface WriterSigner {
  signingSecretKey: Uint8Array;
  verifyKey: string;
}

/** A 32-byte sub-key of a secret, one per purpose (HKDF-SHA256). */
export function deriveSubkey(secret: Uint8Array, purpose: string): Uint8Array {
  return new Uint8Array(
    hkdfSync("sha256", secret, new Uint8Array(0), `snapgate/v1/${purpose}`, 32),
  );
}

export function generateWriterKeyText(): string {
  return bech32.encodeFromBytes(WRITER_KEY_PREFIX, new Uint8Array(randomBytes(32))).toUpperCase();
}

export function encodeVerifyKey(publicKey: Uint8Array): string {
  return bech32.encodeFromBytes(VERIFY_KEY_PREFIX, publicKey);
}

export function parseVerifyKey(text: string): Uint8Array {
  const trimmed = text.trim();
  const key = decodeBech32Key(trimmed, VERIFY_KEY_PREFIX);
  if (key) return key;
  const described = describeKeyText(trimmed);
  throw new SnapgateError(
    "CONFIG",
    `${described[0]?.toUpperCase()}${described.slice(1)} is not a valid Snapgate writer verify key.`,
    {
      fix: `${keyKind(trimmed)?.secret ? "A secret key does not belong there (rotate it if it was shared). " : ""}Use the sgw1... key printed by \`snapgate keygen --writer\` (it is public; put it in the policy's keys.writers).`,
    },
  );
}

/**
 * Parses a writer key (from a file or the SNAPGATE_WRITER_KEY secret) and
 * derives its sub-keys. Needs no libsodium, so a snapshot that turns out
 * unchanged never loads it.
 */
export function parseWriterKey(text: string, source: string): WriterKey {
  const secret = decodeBech32Key(text, WRITER_KEY_PREFIX, "key-file");
  if (!secret) {
    throw new SnapgateError("CONFIG", `${source} does not hold a Snapgate writer key.`, {
      fix: "Create one with `snapgate keygen --writer --out FILE` and pass --writer-key FILE or set SNAPGATE_WRITER_KEY to its contents.",
    });
  }
  return {
    macKey: deriveSubkey(secret, "blob-id"),
    signingSeed: deriveSubkey(secret, "manifest-signing"),
  };
}

const signers = new WeakMap<WriterKey, WriterSigner>();

/** The Ed25519 key pair of a writer key: signs manifests; its public half is the verify key (sgw1...). */
export function writerSigner(sodium: Sodium, key: WriterKey): WriterSigner {
  let signer = signers.get(key);
  if (!signer) {
    const pair = sodium.crypto_sign_seed_keypair(key.signingSeed);
    signer = { signingSecretKey: pair.privateKey, verifyKey: encodeVerifyKey(pair.publicKey) };
    signers.set(key, signer);
  }
  return signer;
}

export function formatWriterKeyFile(keyText: string, verifyKey: string, created: Date): string {
  return `# created: ${created.toISOString().replace(/\.\d{3}Z$/, "Z")}\n# verify key: ${verifyKey}\n${keyText}\n`;
}
