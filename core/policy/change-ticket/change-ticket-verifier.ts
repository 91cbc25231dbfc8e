/**
 * The port to the change system (ServiceNow, Jira, ...): does it know this
 * ticket, and is it approved now? Adapters never throw for an answer they got
 * or failed to get; they return a refusal that says what to do.
 */
export type ChangeTicketRefusal =
  | "not-approved"
  | "unknown-ticket"
  | "unauthorized"
  | "unreachable"
  | "timeout"
  | "bad-response"
  | "outside-window";

export type ChangeTicketVerdict =
  | { ok: true; changeId: string; state: string; url: string | null }
  | { ok: false; changeId: string; reason: ChangeTicketRefusal; message: string; fix: string };

export interface ChangeTicketVerifier {
  verify(changeId: string): Promise<ChangeTicketVerdict>;
}
