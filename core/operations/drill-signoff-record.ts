import type { RequestSignature, RequestUser } from "../approvals/approval-request.js";
import { appSigner, parseAppVerifyKey, type AppKey } from "../crypto/app-key.js";
import { canonicalJson } from "../crypto/canonical-json.js";
import type { Sodium } from "../crypto/sodium.js";
import type { StoreRecord } from "../store/store.js";
import { drillSignoffPath, type SignoffRole } from "./drill-signoff-path.js";

export const DRILL_SIGNOFF_FORMAT = "snapgate.drill-signoff/v1";

/**
 * One person's sign-off of one drill for one role, as the app wrote it after
 * checking the role live, signed with the app key
 * (docs/adr/1203-drill-sign-off.md): a writer key cannot forge it.
 */
export interface DrillSignoffRecord {
  format: typeof DRILL_SIGNOFF_FORMAT;
  stream: string;
  /** The drill record's path (drills/<env>/<time>-ok-<snapshot>.json). */
  drill: string;
  snapshot: string;
  role: SignoffRole;
  by: RequestUser;
  at: string;
  /** The comment that signed off, and the webhook delivery it came in. */
  commentId: number;
  deliveryId: string;
  signature: RequestSignature;
}

export type DrillSignoffBody = Omit<DrillSignoffRecord, "signature" | "format">;

function signedBytes(body: Omit<DrillSignoffRecord, "signature">): Uint8Array {
  return new TextEncoder().encode(canonicalJson(body));
}

/** The write-once store record of a sign-off, signed with the app key. */
export function sealDrillSignoff(sodium: Sodium, body: DrillSignoffBody, key: AppKey): StoreRecord {
  const signer = appSigner(sodium, key);
  const unsigned = { format: DRILL_SIGNOFF_FORMAT, ...body } as const;
  const value = sodium.crypto_sign_detached(signedBytes(unsigned), signer.signingSecretKey);
  const record: DrillSignoffRecord = {
    ...unsigned,
    signature: {
      alg: "ed25519",
      key: signer.verifyKey,
      value: Buffer.from(value).toString("base64"),
    },
  };
  return {
    path: drillSignoffPath(body.drill, body.role),
    bytes: new TextEncoder().encode(`${JSON.stringify(record, null, 2)}\n`),
  };
}

export type DrillSignoffRead =
  | { state: "signed"; record: DrillSignoffRecord }
  | { state: "untrusted"; path: string; detail: string };

/**
 * Reads a sign-off back and trusts it only when it is signed by one of
 * `appKeys`, unaltered, and is the drill and role its path names: anyone who
 * can write the backup repository could otherwise sign off a drill.
 */
export function openDrillSignoff(
  sodium: Sodium,
  bytes: Uint8Array,
  expected: { drill: string; role: SignoffRole },
  appKeys: readonly string[],
): DrillSignoffRead {
  const path = drillSignoffPath(expected.drill, expected.role);
  const refuse = (detail: string): DrillSignoffRead => ({ state: "untrusted", path, detail });
  let record: Partial<DrillSignoffRecord>;
  try {
    record = JSON.parse(Buffer.from(bytes).toString("utf8")) as Partial<DrillSignoffRecord>;
  } catch {
    return refuse(`${path} is not JSON`);
  }
  const { signature, ...body } = record ?? {};
  if (!signature || signature.alg !== "ed25519" || typeof signature.value !== "string")
    return refuse(`${path} is not signed by the Snapgate App`);
  if (!appKeys.includes(signature.key))
    return refuse(`${path} is signed by a key that is not an app key of the policy (keys.app)`);
  let valid: boolean;
  try {
    valid = sodium.crypto_sign_verify_detached(
      Buffer.from(signature.value, "base64"),
      signedBytes(body as Omit<DrillSignoffRecord, "signature">),
      parseAppVerifyKey(signature.key),
    );
  } catch {
    valid = false;
  }
  if (!valid) return refuse(`${path}: its signature does not match its contents (it was altered)`);
  if (
    body.format !== DRILL_SIGNOFF_FORMAT ||
    body.drill !== expected.drill ||
    body.role !== expected.role ||
    typeof body.by?.login !== "string" ||
    typeof body.at !== "string"
  )
    return refuse(`${path} is not the drill and role its path names`);
  return { state: "signed", record: record as DrillSignoffRecord };
}
