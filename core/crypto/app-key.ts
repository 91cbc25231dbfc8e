import { randomBytes } from "node:crypto";
import { bech32 } from "@scure/base";
import { SnapgateError } from "../errors.js";
import { decodeBech32Key } from "./decode-bech32-key.js";
import { describeKeyText } from "./describe-key-text.js";
import { keyKind } from "./key-kind.js";
import type { Sodium } from "./sodium.js";
import { deriveSubkey, formatWriterKeyFile } from "./writer-key.js";

/**
 * The app key is the Snapgate App's secret: it signs the request records the
 * app writes (restore and forget approvals), so that someone who can only
 * write the store cannot forge a quorum. Its own prefixes keep it apart from
 * writer keys: a snapshot job's key can never pass for the app's.
 */
const APP_KEY_PREFIX = "SNAPGATE-APP-KEY-";
const APP_VERIFY_KEY_PREFIX = "sga";

export interface AppKey {
  /** Seed of the Ed25519 signing key. */
  signingSeed: Uint8Array;
}

export interface AppSigner {
  signingSecretKey: Uint8Array;
  /** The public verify key (sga1...), listed in the policy's keys.app. */
  verifyKey: string;
}

export function generateAppKeyText(): string {
  return bech32.encodeFromBytes(APP_KEY_PREFIX, new Uint8Array(randomBytes(32))).toUpperCase();
}

/** The 32-byte Ed25519 public key of an app verify key (sga1...); CONFIG error otherwise, naming only the kind of what was given. */
export function parseAppVerifyKey(text: string): Uint8Array {
  const trimmed = text.trim();
  const key = decodeBech32Key(trimmed, APP_VERIFY_KEY_PREFIX);
  if (key) return key;
  const described = describeKeyText(trimmed);
  throw new SnapgateError(
    "CONFIG",
    `${described[0]?.toUpperCase()}${described.slice(1)} is not a Snapgate app verify key.`,
    {
      fix: `${keyKind(trimmed)?.secret ? "A secret key does not belong there (rotate it if it was shared). " : ""}Use the sga1... key printed by \`snapgate keygen --app\` (it is public; put it in the policy's keys.app).`,
    },
  );
}

/** Parses an app key (a key file or the SNAPGATE_SIGNING_KEY secret); the error never echoes the text. */
export function parseAppKey(text: string, source: string): AppKey {
  const secret = decodeBech32Key(text, APP_KEY_PREFIX, "key-file");
  if (!secret) {
    throw new SnapgateError("CONFIG", `${source} does not hold a Snapgate app key.`, {
      fix: "Create one with `snapgate keygen --app --out FILE`, give its contents to the Snapgate App (SNAPGATE_SIGNING_KEY), and list its verify key in the policy's keys.app.",
    });
  }
  return { signingSeed: deriveSubkey(secret, "request-signing") };
}

/**
 * The key of the MAC over the request state cached in status comments: a
 * subkey, so the signing key never serves two purposes.
 */
export function requestStateMacKey(key: AppKey): Uint8Array {
  return deriveSubkey(key.signingSeed, "request-state-mac");
}

/** The Ed25519 key pair of an app key. */
export function appSigner(sodium: Sodium, key: AppKey): AppSigner {
  const pair = sodium.crypto_sign_seed_keypair(key.signingSeed);
  return {
    signingSecretKey: pair.privateKey,
    verifyKey: bech32.encodeFromBytes(APP_VERIFY_KEY_PREFIX, pair.publicKey),
  };
}

/** The key file: the same layout as a writer key file (creation time, verify key, secret). */
export function formatAppKeyFile(keyText: string, verifyKey: string, created: Date): string {
  return formatWriterKeyFile(keyText, verifyKey, created);
}
