import type { BlobOpener } from "../../core/crypto/blob-opener.js";
import type { WriterKey } from "../../core/crypto/writer-key.js";
import { SnapgateError } from "../../core/errors.js";
import type { Policy, WriterKeyRule } from "../../core/policy/policy.js";
import { trustedWriterKeys } from "../../core/policy/trusted-writer-keys.js";
import type { VerifyLevel } from "../../core/snapshot/verify-snapshots.js";
import type { InputValues } from "../lib/action-spec.js";
import { parseWriterKeyInput } from "../lib/parse-secret-key.js";
import { identityOpener } from "../lib/identity-opener.js";
import type { RunContext } from "../lib/read-run-context.js";
import { storeSettings, type StoreSettings } from "../lib/store-settings.js";
import type { verifyAction } from "./inputs.js";

export interface VerifySettings {
  store: StoreSettings;
  environment: string | undefined;
  snapshot: string;
  all: boolean;
  level: VerifyLevel;
  opener: BlobOpener | undefined;
  writerKey: WriterKey | undefined;
  trustedKeys: string[];
  /** The policy's keys.writers: a key outside its validity period is refused. */
  writerPeriods: WriterKeyRule[];
  record: boolean;
  failOnProblems: boolean;
}

/** The verify action's inputs as one typed object; restore level needs the identity. */
export async function verifySettings(
  values: InputValues<typeof verifyAction.inputs>,
  context: { policy: Policy | null; run: RunContext; cwd: string },
): Promise<VerifySettings> {
  if (values.level === "restore" && !values.identity && !values["identity-command"]) {
    throw new SnapgateError(
      "USAGE",
      "level: restore decrypts every file and needs the identity input.",
      {
        fix: "Pass identity: ${{ secrets.SNAPGATE_IDENTITY }} (in a job whose environment holds it) or identity-command:, or use level: structure.",
      },
    );
  }
  const trustedKeys = trustedWriterKeys(values["verify-keys"], context.policy);
  if (trustedKeys.length === 0) {
    throw new SnapgateError("USAGE", "No trusted writer keys to check signatures against.", {
      fix: "List keys.writers in the policy (.github/snapgate.yml), or pass verify-keys: sgw1... (printed by `snapgate keygen --writer`).",
    });
  }
  return {
    store: storeSettings(values, context.policy, { apiUrl: context.run.apiUrl, cwd: context.cwd }),
    environment: values.environment,
    snapshot: values.snapshot,
    all: values.all,
    level: values.level,
    opener:
      values.level === "restore"
        ? await identityOpener(values.identity, values["identity-command"], {
            cwd: context.cwd,
            env: process.env,
          })
        : undefined,
    writerKey: values["writer-key"] ? parseWriterKeyInput(values["writer-key"]) : undefined,
    trustedKeys,
    writerPeriods: context.policy?.keys.writers ?? [],
    record: values.record,
    failOnProblems: values["fail-on-problems"],
  };
}
