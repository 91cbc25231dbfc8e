import type { Eligibility } from "../../core/approvals/decide-eligibility.js";
import { appSigner, type AppKey } from "../../core/crypto/app-key.js";
import { loadSodium, type Sodium } from "../../core/crypto/sodium.js";
import { SnapgateError } from "../../core/errors.js";
import { githubEligibility } from "../../core/github/github-eligibility.js";
import type { Policy } from "../../core/policy/policy.js";
import type { Store } from "../../core/store/store.js";
import type { GateEvent } from "../gate/gate-event.js";
import { openBackupStore, type BackupRepository } from "../gate/open-backup-store.js";

/** What every request command needs: the policy, the backup store, the app key and live eligibility. */
export interface RequestStore {
  policy: Policy;
  store: Store;
  sodium: Sodium;
  signingKey: AppKey;
  eligibility: Eligibility;
  backup: BackupRepository;
  /** The event repository's default branch (the policy's branch); null for an empty repository. */
  defaultBranch: string | null;
}

/**
 * Opens the backup repository for a request command. Refuses (CONFIG) when
 * the app has no signing key, or when the policy's keys.app does not list
 * it: nothing could check the records it would sign.
 */
export async function openRequestStore(
  event: GateEvent,
  signingKey: AppKey | null,
): Promise<RequestStore> {
  if (signingKey === null) {
    throw new SnapgateError("CONFIG", "This Snapgate App has no key to sign requests with.", {
      fix: "The app's operator sets SNAPGATE_SIGNING_KEY to an app key (`snapgate keygen --app --out FILE`) and lists its verify key in the policy's keys.app.",
    });
  }
  const { policy, store, backup, defaultBranch } = await openBackupStore(event);
  const sodium = await loadSodium();
  const verifyKey = appSigner(sodium, signingKey).verifyKey;
  if (!(policy.keys.app ?? []).includes(verifyKey)) {
    throw new SnapgateError(
      "CONFIG",
      "The policy does not list this app's verify key in keys.app, so nothing could check the requests it signs.",
      {
        fix: `Add \`- { key: ${verifyKey} }\` to keys.app in .github/snapgate.yml on the default branch (docs/policy.md).`,
      },
    );
  }
  const eligibility = githubEligibility(
    event.octokit,
    { owner: event.owner, repo: event.repo },
    policy.roles,
  );
  return { policy, store, sodium, signingKey, eligibility, backup, defaultBranch };
}
