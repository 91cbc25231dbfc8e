import type { WriterKey } from "../../core/crypto/writer-key.js";
import type { Policy } from "../../core/policy/policy.js";
import { resolveScanPaths } from "../../core/policy/resolve-scan-paths.js";
import type { InputValues } from "../lib/action-spec.js";
import { parseWriterKeyInput } from "../lib/parse-secret-key.js";
import type { RunContext } from "../lib/read-run-context.js";
import { storeSettings, type StoreSettings } from "../lib/store-settings.js";
import type { driftAction } from "./inputs.js";

export interface DriftSettings {
  store: StoreSettings;
  environment: string;
  paths: string[];
  exclude: string[];
  writerKey: WriterKey;
  failOnDrift: boolean;
}

/** The drift action's inputs as one typed object; paths default to the policy's environment paths. */
export function driftSettings(
  values: InputValues<typeof driftAction.inputs>,
  context: { policy: Policy | null; run: RunContext; cwd: string },
): DriftSettings {
  return {
    store: storeSettings(values, context.policy, { apiUrl: context.run.apiUrl, cwd: context.cwd }),
    environment: values.environment,
    paths: resolveScanPaths(values.paths, context.policy, values.environment, "compare"),
    exclude: values.exclude,
    writerKey: parseWriterKeyInput(values["writer-key"]),
    failOnDrift: values["fail-on-drift"],
  };
}
