import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  decodeBech32Key,
  deriveSubkey,
  formatWriterKeyFile
} from "./chunk-JAZ2OF6U.js";
import {
  describeKeyText,
  keyKind
} from "./chunk-54LOBW6C.js";
import {
  bech32
} from "./chunk-4NNPXXFU.js";
import {
  SnapgateError
} from "./chunk-6KERQ4ZL.js";

// core/crypto/app-key.ts
import { randomBytes } from "node:crypto";
var APP_KEY_PREFIX = "SNAPGATE-APP-KEY-";
var APP_VERIFY_KEY_PREFIX = "sga";
function generateAppKeyText() {
  return bech32.encodeFromBytes(APP_KEY_PREFIX, new Uint8Array(randomBytes(32))).toUpperCase();
}
function parseAppVerifyKey(text) {
  const trimmed = text.trim();
  const key = decodeBech32Key(trimmed, APP_VERIFY_KEY_PREFIX);
  if (key) return key;
  const described = describeKeyText(trimmed);
  throw new SnapgateError(
    "CONFIG",
    `${described[0]?.toUpperCase()}${described.slice(1)} is not a Snapgate app verify key.`,
    {
      fix: `${keyKind(trimmed)?.secret ? "A secret key does not belong there (rotate it if it was shared). " : ""}Use the sga1... key printed by \`snapgate keygen --app\` (it is public; put it in the policy's keys.app).`
    }
  );
}
function parseAppKey(text, source) {
  const secret = decodeBech32Key(text, APP_KEY_PREFIX, "key-file");
  if (!secret) {
    throw new SnapgateError("CONFIG", `${source} does not hold a Snapgate app key.`, {
      fix: "Create one with `snapgate keygen --app --out FILE`, give its contents to the Snapgate App (SNAPGATE_SIGNING_KEY), and list its verify key in the policy's keys.app."
    });
  }
  return { signingSeed: deriveSubkey(secret, "request-signing") };
}
function appSigner(sodium, key) {
  const pair = sodium.crypto_sign_seed_keypair(key.signingSeed);
  return {
    signingSecretKey: pair.privateKey,
    verifyKey: bech32.encodeFromBytes(APP_VERIFY_KEY_PREFIX, pair.publicKey)
  };
}
function formatAppKeyFile(keyText, verifyKey, created) {
  return formatWriterKeyFile(keyText, verifyKey, created);
}

export {
  generateAppKeyText,
  parseAppVerifyKey,
  parseAppKey,
  appSigner,
  formatAppKeyFile
};
