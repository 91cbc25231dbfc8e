import type { ChildResult } from "./run-child.js";

/** What measureNodeProcess and measureProcess report about one child process. */
export interface ProcessMeasurement extends ChildResult {
  /** Peak resident set size in bytes; null if the process died before it could be read. */
  peakRssBytes: number | null;
  /** How the peak was read: see bench/README.md. */
  rssSource: "node-resource-usage" | "gnu-time";
}
