import { timingSafeEqual } from "node:crypto";
import { canonicalJson } from "../crypto/canonical-json.js";
import { SnapgateError } from "../errors.js";
import { REQUEST_FORMAT } from "./approval-request.js";
import { MAX_COMMENT_BODY } from "./comment-command-grammar.js";
import { REQUEST_STATE_MARKER } from "./render-request-status.js";
import { requestDigest } from "./request-digest.js";
import type { LifecycleRequest } from "./request-lifecycle.js";
import { requestStateMac } from "./request-state-mac.js";

const BLOCK = new RegExp(`<!-- ${REQUEST_STATE_MARKER} (.*?) -->`, "gs");

/**
 * The request state cached in a status comment, or null when the comment
 * has no hidden block. Refuses (INTEGRITY) a block whose MAC or digest does
 * not match, or a comment with more than one block, and (TOO_LARGE) a
 * comment larger than GitHub allows, before parsing anything. The state is a
 * cache: the app's record in the backup repository is the source of truth.
 */
export function readRequestState(body: string, macKey: Uint8Array): LifecycleRequest | null {
  if (body.length > MAX_COMMENT_BODY) {
    throw new SnapgateError(
      "TOO_LARGE",
      `The status comment is ${body.length} characters; GitHub allows ${MAX_COMMENT_BODY}.`,
      { fix: "It was not written by Snapgate; ask for a new request." },
    );
  }
  const blocks = [...body.matchAll(BLOCK)];
  if (blocks.length === 0) return null;
  const tampered = (why: string) =>
    new SnapgateError("INTEGRITY", `The request state in this status comment ${why}.`, {
      fix: "Someone edited the comment: nothing in it is acted on. The request record in the backup repository is the source of truth; ask for a new request if this one is still needed.",
    });
  if (blocks.length > 1) throw tampered("appears more than once");
  let parsed: unknown;
  try {
    parsed = JSON.parse((blocks[0] as RegExpMatchArray)[1] as string);
  } catch {
    throw tampered("is not JSON");
  }
  const { mac, request } = (parsed ?? {}) as { mac?: unknown; request?: unknown };
  if (
    typeof mac !== "string" ||
    !/^[0-9a-f]{64}$/.test(mac) ||
    typeof request !== "object" ||
    request === null
  )
    throw tampered("has no MAC");
  const expected = requestStateMac(macKey, canonicalJson(request));
  if (!timingSafeEqual(Buffer.from(mac, "hex"), Buffer.from(expected, "hex")))
    throw tampered("does not match its MAC");
  const state = request as LifecycleRequest;
  // The MAC proves the app wrote it; the digest that its contents are what was approved.
  if (requestDigest({ format: REQUEST_FORMAT, ...state }) !== state.digest)
    throw tampered("does not match its digest");
  return state;
}
