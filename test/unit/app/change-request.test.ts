import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import { changeRequest } from "../../../app/handlers/change-request.js";
import { applyCommand } from "../../../core/approvals/apply-command.js";
import type { LifecycleRequest } from "../../../core/approvals/request-lifecycle.js";
import { sealRequestState } from "../../../core/approvals/request-state-record.js";
import { loadSodium } from "../../../core/crypto/sodium.js";
import { LocalDirStore } from "../../../core/store/local-dir-store.js";
import type { StoreRecord } from "../../../core/store/store.js";
import { makeKeys } from "../../helpers/keys.js";
import { tempDir } from "../../helpers/temp-dir.js";
import { BOB, CAROL, ELIGIBLE, NOW, command } from "../approvals/lifecycle-fixtures.js";
import { approved, askedRestore, commandFacts } from "../approvals/lifecycle-requests.js";

const work = tempDir("snapgate-change-request-");

/** A local store in which another app instance writes `racing` just before this one's first write. */
class RacedStore extends LocalDirStore {
  racing: StoreRecord[] = [];
  writes = 0;
  override async writeRecords(records: readonly StoreRecord[]): Promise<void> {
    this.writes += 1;
    const other = this.racing.splice(0);
    if (other.length > 0) await super.writeRecords(other);
    return super.writeRecords(records);
  }
}

describe("changeRequest", () => {
  it("a change that lost the race for its revision reads the winner's and decides again: both approvals count", async () => {
    const sodium = await loadSodium();
    const keys = await makeKeys();
    const { policy, request } = await askedRestore();
    const store = new RacedStore(join(work, "store"));
    await store.initialize();
    await store.writeRecords([sealRequestState(sodium, request, 1, keys.app)]);
    // Carol's approval, written by another instance at the same moment as Bob's.
    const byCarol = approved(request, policy, CAROL, NOW, 900);
    store.racing = [sealRequestState(sodium, byCarol, 2, keys.app)];

    const seen: Array<number> = [];
    const { changed, transition } = await changeRequest(
      {
        // The records are checked against keys.app; the request's own policy is unchanged.
        policy: { ...policy, keys: { ...policy.keys, app: [keys.appVerifyKey] } },
        store,
        sodium,
        signingKey: keys.app,
        eligibility: async () => ELIGIBLE,
        defaultBranch: "main",
      },
      request.id,
      async (current) => {
        seen.push(current?.approvals.length ?? -1);
        return applyCommand(
          current,
          command("approve", { args: { request: request.id } }),
          BOB,
          commandFacts(policy),
          NOW,
        );
      },
    );
    expect(seen).toEqual([0, 1]);
    expect(transition.refusal).toBeNull();
    expect((changed as LifecycleRequest).approvals.map((a) => a.user.login)).toEqual([
      "carol",
      "bob",
    ]);
    expect((changed as LifecycleRequest).state).toBe("approved");
    expect(await store.listRecords(`requests/${request.id}/`)).toHaveLength(3);
    expect(store.writes).toBe(3);
  });
});
