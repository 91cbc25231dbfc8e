import type { SandboxUrls } from "../representations/urls.js";
import type { World } from "../state/world.js";
import type { PendingDeployment } from "./deployment-gates.js";
import type { RefWriter } from "./ref-writer.js";
import type { WorkflowRunRecord } from "../state/entities.js";
import type { ViolationLog } from "../log/violation-log.js";

/** Limits GitHub applies that tests may want smaller. */
export interface SandboxLimits {
  /** Entries a recursive tree listing returns before it says `truncated` (GitHub: 100,000). */
  treeEntries: number;
  /** Bytes of a file the contents API returns inline (GitHub: 1 MB). */
  contentsInlineBytes: number;
  /** Requests per hour per token before the primary rate limit (GitHub: 5,000). */
  requestsPerHour: number;
  /** Bytes of one blob (create-blob content, inline tree content) before a 422 (GitHub: 100 MiB). */
  blobBytes: number;
  /** Bytes of a request body before GitHub's front end answers 413. */
  requestBodyBytes: number;
}

/** GitHub refuses files over 100 MiB ("About large files on GitHub"). */
const GITHUB_BLOB_BYTES = 100 * 1024 * 1024;

/**
 * GitHub's limits, which tests may shrink. GitHub documents no REST request
 * body limit; its front end answers oversized bodies with an nginx
 * "413 Request Entity Too Large" page (octokat.js#169). The figure here is the
 * smallest that still lets the documented 100 MiB blob through create-blob as
 * base64 in JSON (4/3 of it, plus 1 MiB for the rest of the body): a body
 * larger than that can carry nothing GitHub would accept.
 */
export const DEFAULT_SANDBOX_LIMITS: Readonly<SandboxLimits> = {
  treeEntries: 100_000,
  contentsInlineBytes: 1024 * 1024,
  requestsPerHour: 5000,
  blobBytes: GITHUB_BLOB_BYTES,
  requestBodyBytes: Math.ceil((GITHUB_BLOB_BYTES * 4) / 3) + 1024 * 1024,
};

/** What request handlers use besides the request itself. */
export interface SandboxServices {
  world: World;
  urls: SandboxUrls;
  refs: RefWriter;
  limits: SandboxLimits;
  /** Tells subscribed apps that a run completed (workflow_run webhooks). */
  workflowRunCompleted(run: WorkflowRunRecord): void;
  /** Asks the app of a custom protection rule (deployment_protection_rule webhook). */
  protectionRuleRequested(run: WorkflowRunRecord, pending: PendingDeployment): void;
  /** Where a handler records a request it cannot honour (a setting the sandbox does not model). */
  violations: ViolationLog;
}
