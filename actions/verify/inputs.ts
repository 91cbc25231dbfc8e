import { defineAction } from "../lib/action-spec.js";
import { IDENTITY_COMMAND_INPUT, POLICY_INPUT, STORE_INPUTS } from "../lib/common-inputs.js";

/** The verify action's inputs and outputs (action.yml must agree: a contract test). */
export const verifyAction = defineAction({
  id: "verify",
  name: "Snapgate verify",
  description:
    "Check snapshots in the backup repository: signature, hash chain and blobs (structure level), or decrypt every file (restore level).",
  inputs: {
    ...STORE_INPUTS,
    ...POLICY_INPUT,
    environment: {
      kind: "string",
      description:
        "The environment whose snapshots are checked (needed for latest when the store holds several).",
    },
    snapshot: {
      kind: "string",
      default: "latest",
      description:
        "The snapshot to check: an id (or a prefix of 6+ characters), ENV@SEQ, or latest.",
    },
    all: {
      kind: "boolean",
      default: "false",
      description:
        "Check every snapshot (of the environment, or of the whole store) instead of one.",
    },
    level: {
      kind: "choice",
      values: ["structure", "restore"],
      default: "structure",
      description:
        "structure: signature, chain and each blob's ciphertext hash (no key needed). restore: also decrypt every file (needs identity).",
    },
    identity: {
      kind: "string",
      secret: true,
      description:
        "An age identity (AGE-SECRET-KEY-1...) the snapshots are encrypted to; needed for level restore (or identity-command).",
    },
    ...IDENTITY_COMMAND_INPUT,
    "writer-key": {
      kind: "string",
      secret: true,
      description: "At level restore, also recompute each file's keyed id with the writer key.",
    },
    "verify-keys": {
      kind: "lines",
      description:
        "Trusted writer verify keys (sgw1...), one per line. Default: the policy's keys.writers.",
    },
    record: {
      kind: "boolean",
      default: "false",
      description:
        "Write a verification record per snapshot into the store (verifications/<id>/<time>.json): the gate reads the newest restore-level one.",
    },
    "fail-on-problems": {
      kind: "boolean",
      default: "true",
      description: "Fail the step when a problem is found (the outputs are set either way).",
    },
  },
  outputs: {
    verified: { description: "true when every checked snapshot passed." },
    problems: { description: "The number of problems found." },
    level: { description: "The level checked: structure or restore." },
    snapshots: { description: "The number of snapshots checked." },
    "snapshot-id": { description: "The id of the snapshot checked (empty with all)." },
    records: {
      description: "The verification records written (paths in the store, one per line).",
    },
  },
});
