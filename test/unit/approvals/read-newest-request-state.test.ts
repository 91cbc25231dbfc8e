import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import { readNewestRequestState } from "../../../core/approvals/read-newest-request-state.js";
import { sealRequestState } from "../../../core/approvals/request-state-record.js";
import { loadSodium } from "../../../core/crypto/sodium.js";
import { LocalDirStore } from "../../../core/store/local-dir-store.js";
import { makeKeys } from "../../helpers/keys.js";
import { tempDir } from "../../helpers/temp-dir.js";
import { askedRestore } from "./lifecycle-requests.js";

const work = tempDir("snapgate-newest-request-");

describe("readNewestRequestState", () => {
  it("reads the newest revision, refuses a forged one, and refuses to overwrite a revision", async () => {
    const sodium = await loadSodium();
    const keys = await makeKeys();
    const forger = await makeKeys();
    const store = new LocalDirStore(join(work, "store"));
    await store.initialize();
    const { request } = await askedRestore();
    const keysApp = [keys.appVerifyKey];
    expect(await readNewestRequestState(store, sodium, request.id, keysApp)).toBeNull();

    await store.writeRecords([sealRequestState(sodium, request, 1, keys.app)]);
    const approved = { ...request, state: "approved" as const };
    for (let revision = 2; revision <= 10; revision++) {
      const next = revision === 10 ? approved : { ...request, reason: `r${revision}` };
      await store.writeRecords([sealRequestState(sodium, next, revision, keys.app)]);
    }
    // 10 sorts before 2 as text: the newest is found by number.
    expect(await readNewestRequestState(store, sodium, request.id, keysApp)).toEqual({
      request: approved,
      revision: 10,
    });
    // Two writers of the same revision: the second is refused, so neither change is lost silently.
    await expect(
      store.writeRecords([sealRequestState(sodium, request, 10, keys.app)]),
    ).rejects.toMatchObject({ code: "CONFLICT" });

    await store.writeRecords([sealRequestState(sodium, approved, 11, forger.app)]);
    await expect(readNewestRequestState(store, sodium, request.id, keysApp)).rejects.toThrow(
      "not an app key of the policy",
    );
  });
});
