import type { ActionSpec } from "./lib/action-spec.js";
import { drillAction } from "./drill/inputs.js";
import { driftAction } from "./drift/inputs.js";
import { restoreAction } from "./restore/inputs.js";
import { snapshotAction } from "./snapshot/inputs.js";
import { verifyAction } from "./verify/inputs.js";

/** Every action's registry, for the contract tests and the docs (one per actions/<id>/action.yml). */
export const ACTION_SPECS: readonly ActionSpec[] = [
  snapshotAction,
  verifyAction,
  restoreAction,
  driftAction,
  drillAction,
];
