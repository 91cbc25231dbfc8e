import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  parseDrillPath
} from "./chunk-NG32LOAZ.js";

// core/operations/drill-signoff-path.ts
var SIGNOFF_ROLES = ["ops", "security"];
function drillSignoffPath(drill, role) {
  const name = parseDrillPath(drill);
  if (!name) throw new Error(`drillSignoffPath: ${drill} is not a drill record path`);
  return `drills/${name.stream}/signoffs/${drill.slice(`drills/${name.stream}/`.length, -".json".length)}-${role}.json`;
}

export {
  SIGNOFF_ROLES,
  drillSignoffPath
};
