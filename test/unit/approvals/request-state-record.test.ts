import { describe, expect, it } from "@jest/globals";
import { newRequestId } from "../../../core/approvals/new-request-id.js";
import { REQUEST_ID_PATTERN } from "../../../core/approvals/comment-command-grammar.js";
import {
  openRequestState,
  requestStatePath,
  sealRequestState,
} from "../../../core/approvals/request-state-record.js";
import { loadSodium } from "../../../core/crypto/sodium.js";
import { makeKeys } from "../../helpers/keys.js";
import { askedRestore } from "./lifecycle-requests.js";

describe("request state records", () => {
  it("seals a revision the app key opens again, at a write-once path per revision", async () => {
    const sodium = await loadSodium();
    const keys = await makeKeys();
    const { request } = await askedRestore();
    const record = sealRequestState(sodium, request, 1, keys.app);
    expect(record.path).toBe(`requests/${request.id}/state-0001.json`);
    expect(requestStatePath(request.id, 12)).toBe(`requests/${request.id}/state-0012.json`);
    expect(
      openRequestState(sodium, record.bytes, { id: request.id, revision: 1 }, [keys.appVerifyKey]),
    ).toEqual(request);
  });

  it("refuses an altered, foreign-key, unsigned or misplaced revision", async () => {
    const sodium = await loadSodium();
    const keys = await makeKeys();
    const other = await makeKeys();
    const { request } = await askedRestore();
    const { bytes } = sealRequestState(sodium, request, 1, keys.app);
    const json = JSON.parse(Buffer.from(bytes).toString("utf8")) as Record<string, unknown>;
    const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
    const open =
      (raw: Uint8Array, revision = 1, appKeys = [keys.appVerifyKey]) =>
      () =>
        openRequestState(sodium, raw, { id: request.id, revision }, appKeys);

    const approvedByForger = {
      ...json,
      request: { ...request, state: "approved" },
    };
    expect(open(encode(approvedByForger))).toThrow("it was altered");
    expect(open(bytes, 1, [other.appVerifyKey])).toThrow("not an app key of the policy");
    const { signature: _s, ...unsigned } = json;
    expect(open(encode(unsigned))).toThrow("it is not signed by the Snapgate App");
    expect(open(bytes, 2)).toThrow("not the revision its path names");
    expect(open(new TextEncoder().encode("{"))).toThrow("it is not JSON");
    expect(open(bytes, 1, [keys.appVerifyKey])()).toEqual(request);
  });

  it("derives a request id of the grammar's shape from the repository and comment", () => {
    const id = newRequestId("acme/svc", 42);
    expect(id).toMatch(REQUEST_ID_PATTERN);
    expect(newRequestId("ACME/svc", 42)).toBe(id);
    expect(new Set([id, newRequestId("acme/svc", 43), newRequestId("acme/other", 42)]).size).toBe(
      3,
    );
  });
});
