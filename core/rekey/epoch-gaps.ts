import type { Sodium } from "../crypto/sodium.js";
import { epochRecipients } from "../policy/epoch-recipients.js";
import type { Policy } from "../policy/policy.js";
import { recipientsOfFile } from "../snapshot/recipients-of-file.js";
import type { Store } from "../store/store.js";
import type { Manifest } from "../types.js";
import { rewrappedManifestView } from "./rewrapped-manifest-view.js";

/**
 * Files of a snapshot that no current identity opens: none of their
 * recipients (after re-wrap records) is in keys.recipients or in a key epoch
 * valid at `now` for the snapshot's tier. Such a snapshot becomes unreadable
 * when its epoch is retired: re-wrap it (`snapgate rekey`) or let it expire.
 * Empty for a policy without epochs.
 */
export async function epochGaps(
  store: Store,
  manifest: Manifest,
  policy: Pick<Policy, "keys" | "environments">,
  sodium: Sodium,
  trustedKeys: readonly string[],
  now: Date,
): Promise<string[]> {
  const epochs = policy.keys.epochs ?? [];
  if (epochs.length === 0) return [];
  const tier = policy.environments[manifest.stream]?.tier;
  if (tier === undefined) return [];
  const ms = now.getTime();
  const current = new Set([
    ...policy.keys.recipients,
    ...epochRecipients(policy, tier, now).recipients,
    ...epochs
      .filter(
        (epoch) =>
          (epoch.tiers === null || epoch.tiers.includes(tier)) &&
          (epoch.validFromMs === null || ms >= epoch.validFromMs) &&
          (epoch.validUntilMs === null || ms < epoch.validUntilMs),
      )
      .flatMap((epoch) => epoch.recipients),
  ]);
  const view = await rewrappedManifestView(store, manifest, sodium, trustedKeys);
  return view.files
    .filter(
      (file) => file.type === "file" && !recipientsOfFile(view, file).some((r) => current.has(r)),
    )
    .map((file) => file.path);
}
