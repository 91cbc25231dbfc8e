import { PHASES } from "../../core/types.js";
import { defineAction } from "../lib/action-spec.js";
import { POLICY_INPUT, STORE_INPUTS } from "../lib/common-inputs.js";

/** The snapshot action's inputs and outputs (action.yml and the root action.yml must agree: a contract test). */
export const snapshotAction = defineAction({
  id: "snapshot",
  name: "Snapgate snapshot",
  description:
    "Encrypt, sign and store a snapshot of configuration files in the backup repository (pre/post-deploy, scheduled or manual).",
  inputs: {
    ...STORE_INPUTS,
    environment: {
      kind: "string",
      required: true,
      description: "The environment (stream) the snapshot belongs to, e.g. prod.",
    },
    phase: {
      kind: "choice",
      values: PHASES,
      required: true,
      description: "pre, post, scheduled or manual.",
    },
    paths: {
      kind: "lines",
      description:
        "Files, directories or globs to back up, one per line. Default: the policy's environments.<environment>.paths.",
    },
    exclude: {
      kind: "lines",
      description:
        "Globs to leave out, one per line (after the policy's exclude list). Excluded files still count for coverage.",
    },
    ...POLICY_INPUT,
    recipients: {
      kind: "lines",
      description:
        "age recipients (age1...) who may decrypt, one per line: added to the policy's keys.recipients. Required without a policy.",
    },
    "writer-key": {
      kind: "string",
      required: true,
      secret: true,
      description:
        "The snapshot job's writer key (SNAPGATE-WRITER-KEY-1...): signs the manifest and keys the blob ids. Keep it in a secret.",
    },
    "change-id": {
      kind: "string",
      description:
        "The change ticket of this deployment (checked against the policy's change_tickets).",
    },
    "app-version": {
      kind: "string",
      description: "The version being deployed, recorded in the manifest.",
    },
    application: {
      kind: "string",
      description: "The application's name, recorded in the manifest.",
    },
    tags: { kind: "lines", description: "Tags for the snapshot, one per line (e.g. release)." },
    "skip-unchanged": {
      kind: "boolean",
      default: "true",
      description:
        "Write nothing when every file matches the environment's latest snapshot (outputs name that snapshot). Not for phase pre: a pre-deploy snapshot is always written, so a rollback restores a snapshot this run took.",
    },
    "allow-inconsistent": {
      kind: "boolean",
      default: "false",
      description:
        "Record failing consistency rules instead of refusing the snapshot (the gate then fails until a consistent snapshot exists).",
    },
  },
  outputs: {
    "snapshot-id": {
      description:
        "The snapshot's id (sha256 of its manifest): the new one, or with skipped=true the latest one that still matches.",
    },
    "manifest-sha256": {
      description: "The sha256 of the manifest file (the same value as snapshot-id).",
    },
    skipped: { description: "true when nothing changed and no snapshot was written." },
    seq: { description: "The snapshot's sequence number in its environment." },
    environment: { description: "The environment (stream)." },
    files: { description: "Files (and symlinks) in the snapshot." },
    "bytes-added": {
      description: "Encrypted bytes this snapshot added to the store (new content only).",
    },
  },
});
