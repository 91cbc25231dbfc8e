import type { BlobOpener } from "../../core/crypto/blob-opener.js";
import type { WriterKey } from "../../core/crypto/writer-key.js";
import { SnapgateError } from "../../core/errors.js";
import { parseDuration } from "../../core/policy/parse-duration.js";
import type { Policy } from "../../core/policy/policy.js";
import { trustedWriterKeys } from "../../core/policy/trusted-writer-keys.js";
import type { InputValues } from "../lib/action-spec.js";
import { openerFromIdentityInput, parseWriterKeyInput } from "../lib/parse-secret-key.js";
import type { RunContext } from "../lib/read-run-context.js";
import { storeSettings, type StoreSettings } from "../lib/store-settings.js";
import type { drillAction } from "./inputs.js";

export interface DrillSettings {
  store: StoreSettings;
  environment: string;
  snapshot: string | undefined;
  opener: BlobOpener;
  writerKey: WriterKey;
  validate: string | undefined;
  timeoutMs: number;
  baseline: string | undefined;
  trustedKeys: string[];
  failOnProblems: boolean;
}

/** The drill action's inputs as one typed object. */
export async function drillSettings(
  values: InputValues<typeof drillAction.inputs>,
  context: { policy: Policy | null; run: RunContext; cwd: string },
): Promise<DrillSettings> {
  const timeoutMs = parseDuration(values.timeout);
  if (timeoutMs === null || timeoutMs === 0) {
    throw new SnapgateError("USAGE", `timeout '${values.timeout}' is not a duration.`, {
      fix: "Write it like 30s, 10m or 1h.",
    });
  }
  const trustedKeys = trustedWriterKeys(values["verify-keys"], context.policy);
  if (trustedKeys.length === 0) {
    throw new SnapgateError(
      "USAGE",
      "No trusted writer keys to check snapshots and drills against.",
      {
        fix: "List keys.writers in the policy (.github/snapgate.yml), or pass verify-keys: sgw1... (printed by `snapgate keygen --writer`).",
      },
    );
  }
  if (context.policy && !context.policy.environments[values.environment]) {
    throw new SnapgateError("CONFIG", `The policy has no environment '${values.environment}'.`, {
      fix: `Drill one of: ${Object.keys(context.policy.environments).join(", ")}.`,
    });
  }
  return {
    store: storeSettings(values, context.policy, { apiUrl: context.run.apiUrl, cwd: context.cwd }),
    environment: values.environment,
    snapshot: values.snapshot,
    opener: await openerFromIdentityInput(values.identity),
    writerKey: parseWriterKeyInput(values["writer-key"]),
    validate: values.validate,
    timeoutMs,
    baseline: values.baseline,
    trustedKeys,
    failOnProblems: values["fail-on-problems"],
  };
}
