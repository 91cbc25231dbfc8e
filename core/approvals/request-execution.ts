import { isSnapgateError, SnapgateError } from "../errors.js";
import type { ValidateFunction } from "ajv/dist/2020.js";
import { JsonSchemaValidator } from "../json-schema-validator.js";
import validateRequestExecution from "../generated/request-execution-validator.js";
import type { Store } from "../store/store.js";
import type { ApprovalRequest, RequestAction } from "./approval-request.js";

export const REQUEST_EXECUTION_FORMAT = "snapgate.request-execution/v1";

/** requests/<id>/execution.json: proof that an approved request was carried out, and by which run. */
export interface RequestExecution {
  format: typeof REQUEST_EXECUTION_FORMAT;
  request: string;
  digest: string;
  action: RequestAction;
  environment: string;
  snapshot: string;
  paths: string[];
  run: string | null;
  at: string;
}

const validator = new JsonSchemaValidator<RequestExecution>(
  () => validateRequestExecution as unknown as ValidateFunction,
);

export function requestExecutionPath(requestId: string): string {
  return `requests/${requestId}/execution.json`;
}

/** The execution record of a request, or null when it never ran (a damaged record still counts as run). */
export async function readRequestExecution(
  store: Store,
  requestId: string,
): Promise<RequestExecution | { damaged: true } | null> {
  const bytes = await store.readRecord(requestExecutionPath(requestId));
  if (!bytes) return null;
  try {
    const checked = validator.check(JSON.parse(Buffer.from(bytes).toString("utf8")));
    return checked.ok ? checked.value : { damaged: true };
  } catch {
    return { damaged: true };
  }
}

/**
 * Claims the request for one run by writing its execution record. Records are
 * write-once in every store, so of two runs racing on the same request only
 * one gets here; the other is refused with POLICY. Written before acting: a
 * run that fails after claiming does not leave the request open for another try.
 */
export async function claimRequestExecution(
  store: Store,
  request: ApprovalRequest,
  execution: Pick<RequestExecution, "snapshot" | "paths" | "run"> & { at: Date },
): Promise<RequestExecution> {
  const record: RequestExecution = {
    format: REQUEST_EXECUTION_FORMAT,
    request: request.id,
    digest: request.digest,
    action: request.action,
    environment: request.subject.environment,
    snapshot: execution.snapshot,
    paths: [...execution.paths],
    run: execution.run,
    at: execution.at.toISOString(),
  };
  try {
    await store.writeRecords([
      {
        path: requestExecutionPath(request.id),
        bytes: new TextEncoder().encode(`${JSON.stringify(record, null, 2)}\n`),
      },
    ]);
  } catch (error) {
    // A conflict is another run's record, unless the store gave up on racing writers.
    const existing = isSnapgateError(error, "CONFLICT")
      ? await readRequestExecution(store, request.id)
      : null;
    if (existing) throw alreadyExecuted(request.id, existing);
    throw error;
  }
  return record;
}

/** The refusal for a request that already ran. */
export function alreadyExecuted(
  requestId: string,
  execution: RequestExecution | { damaged: true } | null,
): SnapgateError {
  const by = execution && "run" in execution && execution.run ? ` by ${execution.run}` : "";
  const at = execution && "at" in execution ? ` at ${execution.at}` : "";
  return new SnapgateError("POLICY", `Request ${requestId} was already executed${by}${at}.`, {
    fix: "A request runs once. Ask for a new restore request through the app if it is needed again.",
    details: { request: requestId },
  });
}
