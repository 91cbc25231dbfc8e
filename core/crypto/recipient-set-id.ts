import { createHash } from "node:crypto";
import { distinctRecipients } from "./distinct-recipients.js";

/** Hex digits of a recipient-set id (128 bits): short enough for blob file names. */
export const RECIPIENT_SET_ID_PATTERN = /^[0-9a-f]{32}$/;

/**
 * Names a set of recipients (order and repeats do not matter): a blob's file
 * name and its manifest entry carry it, so a writer can tell, from a listing
 * alone, whether a stored blob was sealed to exactly the current recipients.
 */
export function recipientSetId(recipients: readonly string[]): string {
  return createHash("sha256")
    .update(`snapgate.recipient-set/v1\n${distinctRecipients(recipients).join("\n")}`)
    .digest("hex")
    .slice(0, 32);
}
