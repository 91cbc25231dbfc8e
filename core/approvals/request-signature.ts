import { canonicalJson } from "../crypto/canonical-json.js";
import { appSigner, parseAppVerifyKey, type AppKey } from "../crypto/app-key.js";
import type { Sodium } from "../crypto/sodium.js";
import { SnapgateError } from "../errors.js";
import type { ApprovalRequest } from "./approval-request.js";

/**
 * Signs a decided request record with the app key: the Ed25519 signature of
 * the canonical JSON of everything but the signature (state and approvals
 * included), so that nobody who can merely write the store can make or edit one.
 */
export function signApprovalRequest(
  sodium: Sodium,
  request: Omit<ApprovalRequest, "signature">,
  key: AppKey,
): ApprovalRequest {
  const signer = appSigner(sodium, key);
  const { signature: _unsigned, ...body } = request as ApprovalRequest;
  const value = sodium.crypto_sign_detached(
    new TextEncoder().encode(canonicalJson(body)),
    signer.signingSecretKey,
  );
  return {
    ...body,
    signature: {
      alg: "ed25519",
      key: signer.verifyKey,
      value: Buffer.from(value).toString("base64"),
    },
  };
}

/**
 * Refuses a request record that is not signed by one of the policy's app keys
 * (keys.app): unsigned, signed by another key, or altered after signing. An
 * INTEGRITY error that says what to do; nothing about the record is trusted.
 */
export function assertRequestSigned(
  sodium: Sodium,
  request: ApprovalRequest,
  appKeys: readonly string[],
): void {
  const refuse = (why: string, fix: string): never => {
    throw new SnapgateError(
      "INTEGRITY",
      `Request ${request.id} cannot be trusted: ${why}. Nothing was done.`,
      { fix, details: { request: request.id } },
    );
  };
  const askAgain =
    "Do not act on it: anyone who can write the store could have made it. Ask for the request again through the Snapgate App, which signs the records it writes.";
  if (appKeys.length === 0) {
    refuse(
      "the policy lists no app key (keys.app) to check its signature with",
      "Create the app key with `snapgate keygen --app --out FILE`, give it to the Snapgate App (SNAPGATE_SIGNING_KEY), and add its verify key (sga1...) to keys.app in .github/snapgate.yml.",
    );
  }
  const signature = request.signature;
  if (!signature) refuse("it is not signed by the Snapgate App", askAgain);
  const { key, alg, value } = signature as NonNullable<ApprovalRequest["signature"]>;
  if (!appKeys.includes(key)) {
    refuse(
      `it is signed by ${key.slice(0, 16)}..., which is not an app key of the policy (keys.app)`,
      askAgain,
    );
  }
  const { signature: _signature, ...body } = request;
  let valid: boolean;
  try {
    valid =
      alg === "ed25519" &&
      sodium.crypto_sign_verify_detached(
        Buffer.from(value, "base64"),
        new TextEncoder().encode(canonicalJson(body)),
        parseAppVerifyKey(key),
      );
  } catch {
    valid = false;
  }
  if (!valid) refuse("its signature does not match its contents (it was altered)", askAgain);
}
