import type { SandboxUrls } from "../representations/urls.js";
import type { World } from "../state/world.js";
import type { RefWriter } from "./ref-writer.js";
import type { WorkflowRunRecord } from "../state/entities.js";

/** Limits GitHub applies that tests may want smaller. */
export interface SandboxLimits {
  /** Entries a recursive tree listing returns before it says `truncated` (GitHub: 100,000). */
  treeEntries: number;
  /** Bytes of a file the contents API returns inline (GitHub: 1 MB). */
  contentsInlineBytes: number;
  /** Requests per hour per token before the primary rate limit (GitHub: 5,000). */
  requestsPerHour: number;
}

/** What request handlers use besides the request itself. */
export interface SandboxServices {
  world: World;
  urls: SandboxUrls;
  refs: RefWriter;
  limits: SandboxLimits;
  /** Tells subscribed apps that a run completed (workflow_run webhooks). */
  workflowRunCompleted(run: WorkflowRunRecord): void;
}
