import { resolve } from "node:path";
import type { BlobOpener } from "../../core/crypto/blob-opener.js";
import { SnapgateError } from "../../core/errors.js";
import type { Policy, WriterKeyRule } from "../../core/policy/policy.js";
import { trustedWriterKeys } from "../../core/policy/trusted-writer-keys.js";
import type { InputValues } from "../lib/action-spec.js";
import { identityOpener } from "../lib/identity-opener.js";
import type { RunContext } from "../lib/read-run-context.js";
import { storeSettings, type StoreSettings } from "../lib/store-settings.js";
import type { restoreAction } from "./inputs.js";

export interface RestoreSettings {
  store: StoreSettings;
  snapshot: string | undefined;
  environment: string | undefined;
  opener: BlobOpener;
  target: string;
  include: string[];
  requestId: string | null;
  dryRun: boolean;
  overwrite: boolean;
  trustedKeys: string[];
  /** The policy's keys.writers: a key outside its validity period is refused. */
  writerPeriods: WriterKeyRule[];
}

/** The restore action's inputs as one typed object; a restore never runs without a trusted writer key. */
export async function restoreSettings(
  values: InputValues<typeof restoreAction.inputs>,
  context: { policy: Policy | null; run: RunContext; cwd: string },
): Promise<RestoreSettings> {
  const opener = await identityOpener(values.identity, values["identity-command"], {
    cwd: context.cwd,
    env: process.env,
  });
  if (!opener) {
    throw new SnapgateError("USAGE", "The restore action needs the input 'identity'.", {
      fix: "Add `identity: ${{ secrets.SNAPGATE_IDENTITY }}` under `with:` (a secret of the restore environment), or `identity-command:` with a command that prints it.",
    });
  }
  const trustedKeys = trustedWriterKeys(values["verify-keys"], context.policy);
  if (trustedKeys.length === 0) {
    throw new SnapgateError(
      "USAGE",
      "No trusted writer key to check the snapshot's signature against.",
      {
        fix: "Run the restore in a checkout that holds the policy (keys.writers), or pass verify-keys: sgw1... (printed by `snapgate keygen --writer`).",
      },
    );
  }
  return {
    store: storeSettings(values, context.policy, { apiUrl: context.run.apiUrl, cwd: context.cwd }),
    snapshot: values.snapshot,
    environment: values.environment,
    opener,
    target: resolve(context.cwd, values.target),
    include: values.include,
    requestId: values["request-id"] ?? null,
    dryRun: values["dry-run"],
    overwrite: values.overwrite,
    trustedKeys,
    writerPeriods: context.policy?.keys.writers ?? [],
  };
}
