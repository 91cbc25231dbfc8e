import { parseDrillPath, type DrillName } from "./drill-path.js";

/** The two sign-offs a drill needs (docs/adr/1203-drill-sign-off.md): one person each. */
export const SIGNOFF_ROLES = ["ops", "security"] as const;
export type SignoffRole = (typeof SIGNOFF_ROLES)[number];

/**
 * drills/<env>/signoffs/<drill file name without .json>-<role>.json: one
 * write-once file per drill and role, so two app instances (or a redelivered
 * webhook) race for the same name and the store refuses the second. Flat in
 * one folder beside the drills, so one listing of the environment's drills
 * (one more tree) shows which drills are signed off, however many there are.
 */
export function drillSignoffPath(drill: string, role: SignoffRole): string {
  const name = parseDrillPath(drill);
  if (!name) throw new Error(`drillSignoffPath: ${drill} is not a drill record path`);
  return `drills/${name.stream}/signoffs/${drill.slice(`drills/${name.stream}/`.length, -".json".length)}-${role}.json`;
}

export interface DrillSignoffName {
  path: string;
  role: SignoffRole;
  /** The drill it signs off, by its record's path. */
  drill: DrillName;
}

const SIGNOFF_NAME =
  /^drills\/([a-z0-9][a-z0-9._-]{0,62})\/signoffs\/(\d{8}T\d{6}\.\d{3}Z-(?:ok|fail)-[0-9a-f]{64})-(ops|security)\.json$/;

/** Reads a sign-off record's path back; undefined for anything else. */
export function parseDrillSignoffPath(path: string): DrillSignoffName | undefined {
  const match = SIGNOFF_NAME.exec(path);
  if (!match?.[1] || !match[2] || !match[3]) return undefined;
  const drill = parseDrillPath(`drills/${match[1]}/${match[2]}.json`);
  return drill ? { path, role: match[3] as SignoffRole, drill } : undefined;
}
