import { defineAction } from "../lib/action-spec.js";
import { IDENTITY_COMMAND_INPUT, POLICY_INPUT, STORE_INPUTS } from "../lib/common-inputs.js";

/** The restore action's inputs and outputs (action.yml must agree: a contract test). */
export const restoreAction = defineAction({
  id: "restore",
  name: "Snapgate restore",
  description:
    "Decrypt a snapshot into a directory: an approved restore request (dispatched by the Snapgate App), or this run's own pre-deploy snapshot (automatic rollback).",
  inputs: {
    ...STORE_INPUTS,
    ...POLICY_INPUT,
    snapshot: {
      kind: "string",
      description:
        "The snapshot: an id (or a prefix of 6+ characters), ENV@SEQ, latest (with environment), or a snapshot step's snapshot-id output. Default: the one the request names.",
    },
    environment: {
      kind: "string",
      description: "The environment the snapshot must belong to (needed for latest).",
    },
    identity: {
      kind: "string",
      secret: true,
      description:
        "An age identity (AGE-SECRET-KEY-1...) the snapshot is encrypted to: a secret of the restore environment. Needed unless identity-command is given.",
    },
    ...IDENTITY_COMMAND_INPUT,
    target: {
      kind: "string",
      required: true,
      description:
        "The directory to restore into (relative to the workspace). It must be empty or new unless overwrite is true.",
    },
    include: {
      kind: "lines",
      description:
        "Restore only paths matching these globs, one per line. With a request: exactly its paths (the default).",
    },
    "request-id": {
      kind: "string",
      description:
        "The approved restore request to carry out (the app passes it). Without one, only a snapshot taken by this same workflow run can be restored.",
    },
    "dry-run": {
      kind: "boolean",
      default: "false",
      description:
        "Decrypt and compare with the target; write nothing. The job summary lists what would be created or updated.",
    },
    overwrite: {
      kind: "boolean",
      default: "false",
      description:
        "Restore into a non-empty directory, replacing the snapshot's files (other files are left alone): what a rollback into the workspace needs.",
    },
    "verify-keys": {
      kind: "lines",
      description:
        "Trusted writer verify keys (sgw1...), one per line; the snapshot's signature must match one. Default: the policy's keys.writers.",
    },
  },
  outputs: {
    "snapshot-id": { description: "The id of the snapshot restored." },
    environment: { description: "Its environment." },
    seq: { description: "Its sequence number." },
    files: { description: "Files and symlinks restored (or, in a dry run, compared)." },
    changes: {
      description: "Files written (in a dry run: files that would be created or updated).",
    },
    authorization: {
      description: "request (an approved request) or same-run (this run's own snapshot).",
    },
    "request-id": { description: "The request carried out (empty for a rollback)." },
  },
});
