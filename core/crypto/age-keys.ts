import { randomBytes } from "node:crypto";
import { bech32 } from "@scure/base";
import { SnapgateError } from "../errors.js";
import { describeKeyText } from "./describe-key-text.js";
import { keyKind } from "./key-kind.js";
import type { Sodium } from "./sodium.js";

/** Key formats shared with the `age` tools: `age1...` recipients and `AGE-SECRET-KEY-1...` identities. */
const RECIPIENT_PREFIX = "age";
const IDENTITY_PREFIX = "AGE-SECRET-KEY-";

export interface AgeKeyPair {
  identity: string;
  recipient: string;
}

function decodeBech32(text: string, prefix: string): Uint8Array | undefined {
  try {
    const decoded = bech32.decodeToBytes(text as `${string}1${string}`);
    if (decoded.prefix.toLowerCase() !== prefix.toLowerCase() || decoded.bytes.length !== 32) {
      return undefined;
    }
    return decoded.bytes;
  } catch {
    return undefined;
  }
}

export function encodeRecipient(publicKey: Uint8Array): string {
  return bech32.encodeFromBytes(RECIPIENT_PREFIX, publicKey);
}

export function encodeIdentity(secretKey: Uint8Array): string {
  return bech32.encodeFromBytes(IDENTITY_PREFIX, secretKey).toUpperCase();
}

/** Parses an `age1...` X25519 recipient; the error says what a valid one looks like. */
export function parseRecipient(text: string): Uint8Array {
  const trimmed = text.trim();
  const key = trimmed.startsWith("age1") ? decodeBech32(trimmed, RECIPIENT_PREFIX) : undefined;
  if (!key) {
    const described = describeKeyText(trimmed);
    throw new SnapgateError(
      "CONFIG",
      `${described[0]?.toUpperCase()}${described.slice(1)} is not a valid age X25519 recipient.`,
      {
        fix: `${keyKind(trimmed)?.secret ? "A secret key does not belong there (rotate it if it was shared). " : ""}Give the public key printed by \`snapgate keygen\` or \`age-keygen\`: it starts with age1 and is 62 characters long.`,
      },
    );
  }
  return key;
}

/**
 * Reads identities from the text of an identity file (age-keygen's format:
 * comment lines start with #) or from a secret holding one key.
 */
export function parseIdentities(text: string, source: string): Uint8Array[] {
  const keys: Uint8Array[] = [];
  const lines = text.split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const key = line.startsWith("AGE-SECRET-KEY-1")
      ? decodeBech32(line, IDENTITY_PREFIX)
      : undefined;
    if (!key) {
      throw new SnapgateError("CONFIG", `${source} line ${index + 1} is not an age identity.`, {
        fix: "An identity line starts with AGE-SECRET-KEY-1 (from `snapgate keygen` or `age-keygen`). Post-quantum and plugin identities are not supported.",
      });
    }
    keys.push(key);
  }
  if (keys.length === 0) {
    throw new SnapgateError("CONFIG", `${source} holds no age identity.`, {
      fix: "Point --identity at the file written by `snapgate keygen --out FILE` (or `age-keygen -o FILE`).",
    });
  }
  return keys;
}

export function recipientOfSecretKey(sodium: Sodium, secretKey: Uint8Array): string {
  return encodeRecipient(sodium.crypto_scalarmult_base(secretKey));
}

export function generateAgeKeyPair(sodium: Sodium): AgeKeyPair {
  const secretKey = new Uint8Array(randomBytes(32));
  return {
    identity: encodeIdentity(secretKey),
    recipient: recipientOfSecretKey(sodium, secretKey),
  };
}

/** The text of an identity file, the same layout age-keygen writes. */
export function formatIdentityFile(pair: AgeKeyPair, created: Date): string {
  return `# created: ${created.toISOString().replace(/\.\d{3}Z$/, "Z")}\n# public key: ${pair.recipient}\n${pair.identity}\n`;
}
