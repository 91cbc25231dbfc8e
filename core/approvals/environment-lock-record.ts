import { canonicalJson } from "../crypto/canonical-json.js";
import { appSigner, parseAppVerifyKey, type AppKey } from "../crypto/app-key.js";
import type { Sodium } from "../crypto/sodium.js";
import { SnapgateError } from "../errors.js";
import type { StoreRecord } from "../store/store.js";
import type { RequestSignature, RequestUser } from "./approval-request.js";
import type { EnvironmentLock } from "./request-lifecycle.js";

export const ENVIRONMENT_LOCK_FORMAT = "snapgate.lock/v1";

/**
 * One revision of an environment's lock as the app wrote it, signed with the
 * app key (docs/adr/0608-environment-locks.md). The newest revision decides.
 */
export interface EnvironmentLockRecord {
  format: typeof ENVIRONMENT_LOCK_FORMAT;
  environment: string;
  /** 1 for the environment's first lock, then one more per lock or unlock. */
  revision: number;
  /** The lock from this revision on; null: this revision unlocks. */
  lock: EnvironmentLock | null;
  /** Who wrote this revision (the locker, or the unlocker), and when. */
  by: RequestUser;
  at: string;
  signature: RequestSignature;
}

/** The pattern of a revision's file name under locks/<env>/. */
export const LOCK_REVISION_NAME = /^(\d{4,})\.json$/;

/**
 * Where revision `revision` of an environment's lock lives. Write-once, like
 * request states: two app instances that both move revision N race for N+1,
 * and the store refuses the second.
 */
export function environmentLockPath(environment: string, revision: number): string {
  return `locks/${environment}/${String(revision).padStart(4, "0")}.json`;
}

function signedBytes(body: Omit<EnvironmentLockRecord, "signature">): Uint8Array {
  return new TextEncoder().encode(canonicalJson(body));
}

/** The store record of a lock revision, signed with the app key. */
export function sealEnvironmentLock(
  sodium: Sodium,
  body: Omit<EnvironmentLockRecord, "signature" | "format">,
  key: AppKey,
): StoreRecord {
  const signer = appSigner(sodium, key);
  const unsigned = { format: ENVIRONMENT_LOCK_FORMAT, ...body } as const;
  const value = sodium.crypto_sign_detached(signedBytes(unsigned), signer.signingSecretKey);
  const record: EnvironmentLockRecord = {
    ...unsigned,
    signature: {
      alg: "ed25519",
      key: signer.verifyKey,
      value: Buffer.from(value).toString("base64"),
    },
  };
  return {
    path: environmentLockPath(body.environment, body.revision),
    bytes: new TextEncoder().encode(`${JSON.stringify(record, null, 2)}\n`),
  };
}

/**
 * Reads a lock revision back and refuses (INTEGRITY) one that is not JSON,
 * not signed by one of `appKeys`, altered after signing, or not the
 * environment and revision its path names. A lock that cannot be trusted is
 * never read as "unlocked": the caller refuses what the lock would guard.
 */
export function openEnvironmentLock(
  sodium: Sodium,
  bytes: Uint8Array,
  expected: { environment: string; revision: number },
  appKeys: readonly string[],
): EnvironmentLockRecord {
  const refuse = (why: string): never => {
    throw new SnapgateError(
      "INTEGRITY",
      `The lock record of ${expected.environment} (${environmentLockPath(expected.environment, expected.revision)}) cannot be trusted: ${why}.`,
      {
        fix: `Nothing that the lock guards runs until this is resolved: anyone who can write the backup repository could have made it. Check who pushed it (git log), remove it, and lock or unlock ${expected.environment} again through the Snapgate App (/snapgate lock|unlock --env ${expected.environment}).`,
        details: { environment: expected.environment, revision: expected.revision },
      },
    );
  };
  let record: Partial<EnvironmentLockRecord>;
  try {
    record = JSON.parse(Buffer.from(bytes).toString("utf8")) as Partial<EnvironmentLockRecord>;
  } catch {
    return refuse("it is not JSON");
  }
  const { signature, ...body } = record ?? {};
  if (!signature || signature.alg !== "ed25519" || typeof signature.value !== "string")
    return refuse("it is not signed by the Snapgate App");
  if (!appKeys.includes(signature.key))
    return refuse("it is signed by a key that is not an app key of the policy (keys.app)");
  let valid: boolean;
  try {
    valid = sodium.crypto_sign_verify_detached(
      Buffer.from(signature.value, "base64"),
      signedBytes(body as Omit<EnvironmentLockRecord, "signature">),
      parseAppVerifyKey(signature.key),
    );
  } catch {
    valid = false;
  }
  if (!valid) return refuse("its signature does not match its contents (it was altered)");
  if (
    body.format !== ENVIRONMENT_LOCK_FORMAT ||
    body.environment !== expected.environment ||
    body.revision !== expected.revision ||
    (body.lock !== null && body.lock?.environment !== expected.environment)
  )
    return refuse("it is not the environment and revision its path names");
  return record as EnvironmentLockRecord;
}
