import { canonicalJson } from "../crypto/canonical-json.js";
import { appSigner, parseAppVerifyKey, type AppKey } from "../crypto/app-key.js";
import type { Sodium } from "../crypto/sodium.js";
import { SnapgateError } from "../errors.js";
import type { StoreRecord } from "../store/store.js";
import type { RequestSignature } from "./approval-request.js";

export const REQUEST_DISPATCH_FORMAT = "snapgate.request-dispatch/v1";

/**
 * `requests/runs/<run id>.json`: the workflow run the app dispatched for a
 * request, signed with the app key. Keyed by run id because a protection rule
 * and a completed run name only the run; only a run named here may restore.
 */
export interface RequestDispatchRecord {
  format: typeof REQUEST_DISPATCH_FORMAT;
  request: string;
  /** The request digest the run was dispatched for. */
  digest: string;
  /** owner/name of the repository whose workflow runs. */
  repository: string;
  workflow: string;
  ref: string;
  /** The issue or pull request holding the request's status comment. */
  issue: number;
  run: { id: number; url: string };
  at: string;
  deliveryId: string;
  signature: RequestSignature;
}

export function requestDispatchPath(runId: number): string {
  return `requests/runs/${runId}.json`;
}

function signedBytes(body: Omit<RequestDispatchRecord, "signature">): Uint8Array {
  return new TextEncoder().encode(canonicalJson(body));
}

/** The store record of a dispatch, signed with the app key. */
export function sealRequestDispatch(
  sodium: Sodium,
  body: Omit<RequestDispatchRecord, "format" | "signature">,
  key: AppKey,
): StoreRecord {
  const signer = appSigner(sodium, key);
  const unsigned = { format: REQUEST_DISPATCH_FORMAT, ...body } as const;
  const value = sodium.crypto_sign_detached(signedBytes(unsigned), signer.signingSecretKey);
  const record: RequestDispatchRecord = {
    ...unsigned,
    signature: {
      alg: "ed25519",
      key: signer.verifyKey,
      value: Buffer.from(value).toString("base64"),
    },
  };
  return {
    path: requestDispatchPath(body.run.id),
    bytes: new TextEncoder().encode(`${JSON.stringify(record, null, 2)}\n`),
  };
}

/**
 * Reads a dispatch record back; INTEGRITY when it is not JSON, not signed by
 * one of `appKeys`, altered, or not about the run its path names.
 */
export function openRequestDispatch(
  sodium: Sodium,
  bytes: Uint8Array,
  runId: number,
  appKeys: readonly string[],
): RequestDispatchRecord {
  const refuse = (why: string): never => {
    throw new SnapgateError(
      "INTEGRITY",
      `The dispatch record of run ${runId} cannot be trusted: ${why}.`,
      {
        fix: "Do not let the run restore: anyone who can write the backup repository could have made the record. Ask for a new request through the Snapgate App.",
        details: { run: runId },
      },
    );
  };
  let record: Partial<RequestDispatchRecord>;
  try {
    record = JSON.parse(Buffer.from(bytes).toString("utf8")) as Partial<RequestDispatchRecord>;
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
      signedBytes(body as Omit<RequestDispatchRecord, "signature">),
      parseAppVerifyKey(signature.key),
    );
  } catch {
    valid = false;
  }
  if (!valid) return refuse("its signature does not match its contents (it was altered)");
  if (body.format !== REQUEST_DISPATCH_FORMAT || body.run?.id !== runId)
    return refuse("it is not the record of the run its path names");
  return record as RequestDispatchRecord;
}
