import { defineAction } from "../lib/action-spec.js";
import { POLICY_INPUT, STORE_INPUTS } from "../lib/common-inputs.js";

/** The drill action's inputs and outputs (action.yml must agree: a contract test). */
export const drillAction = defineAction({
  id: "drill",
  name: "Snapgate drill",
  description:
    "Recovery drill: restore a snapshot's configuration into a staging directory, run a validation command, measure RTO and RPO against the tier's SLA, and record a signed drill.",
  inputs: {
    ...STORE_INPUTS,
    ...POLICY_INPUT,
    environment: {
      kind: "string",
      required: true,
      description: "The environment to drill.",
    },
    snapshot: {
      kind: "string",
      description:
        "The snapshot to drill: an id (or a prefix of 6+ characters) or ENV@SEQ. Default: the latest.",
    },
    identity: {
      kind: "string",
      required: true,
      secret: true,
      description:
        "An age identity (AGE-SECRET-KEY-1...) the snapshot is encrypted to: the restore environment's secret.",
    },
    "writer-key": {
      kind: "string",
      required: true,
      secret: true,
      description: "The writer key that signs the drill record (as snapshots are signed).",
    },
    validate: {
      kind: "string",
      description:
        "A command run through /bin/sh in the restored directory (also $SNAPGATE_DRILL_DIR); exit code 0 passes. Lines `SNAPGATE_GAP <kind>: text` report gaps.",
    },
    timeout: {
      kind: "string",
      default: "10m",
      description: "How long the validation may run before it is killed (e.g. 30s, 10m, 1h).",
    },
    baseline: {
      kind: "string",
      description:
        "The drill record to compare with (its path in the store). Default: the newest passing, signed drill of the environment.",
    },
    "verify-keys": {
      kind: "lines",
      description:
        "Trusted writer verify keys (sgw1...), one per line. Default: the policy's keys.writers.",
    },
    "fail-on-problems": {
      kind: "boolean",
      default: "true",
      description:
        "Fail the step when the drill fails or misses the SLA (the outputs and the record are written either way).",
    },
  },
  outputs: {
    passed: { description: "true when the snapshot was restored and the validation passed." },
    "sla-met": {
      description:
        "true or false against the tier's rto and rpo; empty when the tier sets neither.",
    },
    record: { description: "The drill record's path in the store." },
    "rto-ms": {
      description: "The time from the start of the restore to the end of the validation, in ms.",
    },
    "rpo-ms": { description: "The drilled snapshot's age at the drill, in ms." },
    gaps: { description: "The number of gaps found." },
  },
});
