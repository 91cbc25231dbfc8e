import { parseDrillPath, type DrillName } from "./drill-path.js";

/**
 * A drill as people name it in `/snapgate signoff`: its record's path as
 * `snapgate drill` and the drill action print it
 * (drills/prod/20261126T120000.123Z-ok-<snapshot>.json), or `prod/<name>`
 * with or without .json. Anything else (other folders, `..`, a short
 * snapshot id) is undefined: the name is the whole path, so nothing a
 * comment says can point outside drills/<env>/.
 */
export function parseDrillReference(text: string): DrillName | undefined {
  const path = text.startsWith("drills/") ? text : `drills/${text}`;
  return parseDrillPath(path.endsWith(".json") ? path : `${path}.json`);
}
