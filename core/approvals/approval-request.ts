import { SnapgateError } from "../errors.js";
import type { ValidateFunction } from "ajv/dist/2020.js";
import { JsonSchemaValidator } from "../json-schema-validator.js";
import validateRequest from "../generated/request-validator.js";
import type { Store } from "../store/store.js";

export const REQUEST_FORMAT = "snapgate.request/v1";

export type RequestAction = "forget" | "restore";
export type RequestState = "pending" | "approved" | "denied" | "cancelled" | "expired" | "executed";

/** A GitHub user: the numeric id is the identity, the login is for people. */
export interface RequestUser {
  id: number;
  login: string;
}

export interface RequestSubject {
  environment: string;
  /** Snapshot ids (sha256 of their manifests): exactly the snapshots the request covers. */
  snapshots: string[];
  /** Restore only: the path globs to restore. */
  paths?: string[];
  policyDigest: string | null;
}

export interface Approval {
  user: RequestUser;
  at: string;
  /** The request digest the approver saw: an approval of anything else does not count. */
  digest: string;
}

/** The app key's signature of the record (see request-signature.ts). */
export interface RequestSignature {
  alg: "ed25519";
  /** The app verify key (sga1...) that signed. */
  key: string;
  value: string;
}

/**
 * A restore or forget request (requests/<id>.json in the store). The app
 * writes it (its state machine lives in issue comments) and signs it with the
 * app key; the CLI and the restore action check the signature and the rest
 * before acting. Records are write-once: the app writes the record once the
 * request is decided.
 */
export interface ApprovalRequest {
  format: typeof REQUEST_FORMAT;
  id: string;
  action: RequestAction;
  subject: RequestSubject;
  digest: string;
  requester: RequestUser;
  reason?: string;
  createdAt: string;
  expiresAt: string;
  approvals: Approval[];
  state: RequestState;
  /** Absent on a record the app did not sign: such a record is refused. */
  signature?: RequestSignature;
}

const validator = new JsonSchemaValidator<ApprovalRequest>(
  () => validateRequest as unknown as ValidateFunction,
);

export function requestPath(id: string): string {
  return `requests/${id}.json`;
}

/** Reads and schema-checks `requests/<id>.json` (checkApproval checks its signature). */
export async function readApprovalRequest(store: Store, id: string): Promise<ApprovalRequest> {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(id)) {
    throw new SnapgateError("USAGE", `'${id}' is not a request id.`, {
      fix: "Give the id of the approved request (letters, digits, '.', '_', '-'), as the app shows it.",
    });
  }
  const bytes = await store.readRecord(requestPath(id));
  if (!bytes) {
    throw new SnapgateError("NOT_FOUND", `There is no request ${id} in ${store.location}.`, {
      fix: `Check the id; the app writes approved requests to ${requestPath(id)}.`,
    });
  }
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(bytes).toString("utf8"));
  } catch {
    value = undefined;
  }
  const checked = validator.check(value);
  if (!checked.ok) {
    const first = checked.problems
      .slice(0, 3)
      .map((problem) => `${problem.instancePath} ${problem.message}`)
      .join("; ");
    throw new SnapgateError(
      "INTEGRITY",
      `The request ${id} is not a valid ${REQUEST_FORMAT} record: ${first}.`,
      {
        fix: "Ask for a new request through the app; do not act on a damaged record.",
        details: { problems: checked.problems },
      },
    );
  }
  return checked.value;
}
