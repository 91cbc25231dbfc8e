import type { Policy } from "../../core/policy/policy.js";
import { snapshotLockDefaults } from "../../core/snapshot/snapshot-lock-defaults.js";
import type { Phase, SnapshotMetadata } from "../../core/types.js";
import type { WriterKey } from "../../core/crypto/writer-key.js";
import type { InputValues } from "../lib/action-spec.js";
import { parseWriterKeyInput } from "../lib/parse-secret-key.js";
import type { RunContext } from "../lib/read-run-context.js";
import { storeSettings, type StoreSettings } from "../lib/store-settings.js";
import type { snapshotAction } from "./inputs.js";

export interface SnapshotSettings {
  store: StoreSettings;
  environment: string;
  phase: Phase;
  /** Empty: the policy's environments.<env>.paths (takeSnapshot decides). */
  paths: string[];
  exclude: string[];
  recipients: string[];
  writerKey: WriterKey;
  skipUnchanged: boolean;
  allowInconsistent: boolean;
  metadata: Partial<Omit<SnapshotMetadata, "environment">>;
}

/**
 * The snapshot action's inputs as one typed object, with the metadata of the
 * GitHub context (commit, ref, actor as deployer, run URL, workflow,
 * repository). A pre-deploy snapshot is always written, whatever
 * skip-unchanged says: the automatic rollback may restore only a snapshot
 * this run took.
 */
export function snapshotSettings(
  values: InputValues<typeof snapshotAction.inputs>,
  context: { policy: Policy | null; run: RunContext; cwd: string },
): SnapshotSettings {
  const { run } = context;
  return {
    store: storeSettings(values, context.policy, {
      apiUrl: run.apiUrl,
      cwd: context.cwd,
      // An Object Lock store: retain-until defaults to the tier's floor, as in the CLI (ADR 1404).
      lockDefaults: snapshotLockDefaults(context.policy, values.environment),
    }),
    environment: values.environment,
    phase: values.phase,
    paths: values.paths,
    exclude: values.exclude,
    recipients: values.recipients,
    writerKey: parseWriterKeyInput(values["writer-key"]),
    skipUnchanged: values["skip-unchanged"] && values.phase !== "pre",
    allowInconsistent: values["allow-inconsistent"],
    metadata: {
      commit: run.sha,
      ref: run.ref,
      deployer: run.actor,
      runUrl: run.runUrl,
      workflow: run.workflow,
      repository: run.repository,
      changeId: values["change-id"],
      appVersion: values["app-version"],
      application: values.application,
      tags: values.tags,
    },
  };
}
