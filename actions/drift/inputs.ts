import { defineAction } from "../lib/action-spec.js";
import { POLICY_INPUT, STORE_INPUTS } from "../lib/common-inputs.js";

/** The drift action's inputs and outputs (action.yml must agree: a contract test). */
export const driftAction = defineAction({
  id: "drift",
  name: "Snapgate drift",
  description:
    "Compare the workspace with the environment's latest snapshot by keyed id (nothing is decrypted): added, removed and changed files per component.",
  inputs: {
    ...STORE_INPUTS,
    ...POLICY_INPUT,
    environment: {
      kind: "string",
      required: true,
      description: "The environment whose latest snapshot the workspace is compared with.",
    },
    paths: {
      kind: "lines",
      description:
        "The files, directories or globs the snapshots take, one per line. Default: the policy's environments.<environment>.paths.",
    },
    exclude: { kind: "lines", description: "Globs to leave out, one per line." },
    "writer-key": {
      kind: "string",
      required: true,
      secret: true,
      description:
        "The writer key of the job that takes the environment's snapshots: blob ids are keyed with it, so only it gives comparable ids.",
    },
    "fail-on-drift": {
      kind: "boolean",
      default: "false",
      description:
        "Fail the step when the workspace differs from the snapshot (the outputs are set either way).",
    },
  },
  outputs: {
    drifted: { description: "true when the workspace differs from the latest snapshot." },
    files: { description: "The number of files added, removed or changed." },
    added: { description: "Files in the workspace that the snapshot does not have." },
    removed: { description: "Files of the snapshot missing from the workspace." },
    changed: { description: "Files whose content, mode, type or link target differ." },
    "snapshot-id": { description: "The id of the snapshot compared with." },
  },
});
