import { canonicalJson } from "../crypto/canonical-json.js";
import { appSigner, parseAppVerifyKey, type AppKey } from "../crypto/app-key.js";
import type { Sodium } from "../crypto/sodium.js";
import { SnapgateError } from "../errors.js";
import type { StoreRecord } from "../store/store.js";
import type { RequestSignature } from "./approval-request.js";
import type { LifecycleRequest } from "./request-lifecycle.js";

export const REQUEST_STATE_FORMAT = "snapgate.request-state/v1";

/** One revision of a request's state as the app wrote it, signed with the app key. */
export interface RequestStateRecord {
  format: typeof REQUEST_STATE_FORMAT;
  /** 1 for the request's creation, then one more per change. */
  revision: number;
  request: LifecycleRequest;
  signature: RequestSignature;
}

/**
 * Where revision `revision` of a request's state lives. Records are
 * write-once, so each change is a new revision: two app instances that both
 * move revision N race for N+1, and the store refuses the second.
 */
export function requestStatePath(id: string, revision: number): string {
  return `requests/${id}/state-${String(revision).padStart(4, "0")}.json`;
}

function signedBytes(body: Omit<RequestStateRecord, "signature">): Uint8Array {
  return new TextEncoder().encode(canonicalJson(body));
}

/** The store record of a request's state revision, signed with the app key. */
export function sealRequestState(
  sodium: Sodium,
  request: LifecycleRequest,
  revision: number,
  key: AppKey,
): StoreRecord {
  const signer = appSigner(sodium, key);
  const body = { format: REQUEST_STATE_FORMAT, revision, request } as const;
  const value = sodium.crypto_sign_detached(signedBytes(body), signer.signingSecretKey);
  const record: RequestStateRecord = {
    ...body,
    signature: {
      alg: "ed25519",
      key: signer.verifyKey,
      value: Buffer.from(value).toString("base64"),
    },
  };
  return {
    path: requestStatePath(request.id, revision),
    bytes: new TextEncoder().encode(`${JSON.stringify(record, null, 2)}\n`),
  };
}

/**
 * Reads a state revision back and refuses (INTEGRITY) one that is not JSON,
 * not signed by one of `appKeys`, altered after signing, or not the revision
 * or request its path names: nothing in it is trusted before that.
 */
export function openRequestState(
  sodium: Sodium,
  bytes: Uint8Array,
  expected: { id: string; revision: number },
  appKeys: readonly string[],
): LifecycleRequest {
  const refuse = (why: string): never => {
    throw new SnapgateError(
      "INTEGRITY",
      `The state of request ${expected.id} (revision ${expected.revision}) cannot be trusted: ${why}.`,
      {
        fix: "Do not act on it: anyone who can write the backup repository could have made it. Ask for a new request through the Snapgate App.",
        details: { request: expected.id, revision: expected.revision },
      },
    );
  };
  let record: Partial<RequestStateRecord>;
  try {
    record = JSON.parse(Buffer.from(bytes).toString("utf8")) as Partial<RequestStateRecord>;
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
      signedBytes(body as Omit<RequestStateRecord, "signature">),
      parseAppVerifyKey(signature.key),
    );
  } catch {
    valid = false;
  }
  if (!valid) return refuse("its signature does not match its contents (it was altered)");
  if (
    body.format !== REQUEST_STATE_FORMAT ||
    body.revision !== expected.revision ||
    body.request?.id !== expected.id
  )
    return refuse("it is not the revision its path names");
  return body.request;
}
