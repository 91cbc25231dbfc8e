/** `20261126T120000.123Z`: sorts as time does, and is a safe file name everywhere. */
function compactTime(time: Date): string {
  return time.toISOString().replace(/[-:]/g, "");
}

/**
 * drills/<env>/<time>-<ok|fail>-<snapshot>.json: like verification records,
 * the name alone tells the gate and `health` when and how a drill went (one
 * listing per environment); the signed file holds the rest.
 */
export function drillPath(stream: string, time: Date, ok: boolean, snapshot: string): string {
  return `drills/${stream}/${compactTime(time)}-${ok ? "ok" : "fail"}-${snapshot}.json`;
}

export interface DrillName {
  path: string;
  stream: string;
  time: string;
  ok: boolean;
  snapshot: string;
}

const DRILL_NAME =
  /^drills\/([a-z0-9][a-z0-9._-]{0,62})\/(\d{8}T\d{6}\.\d{3}Z)-(ok|fail)-([0-9a-f]{64})\.json$/;

/** Reads a drill record's path back into what it says; undefined for anything else. */
export function parseDrillPath(path: string): DrillName | undefined {
  const match = DRILL_NAME.exec(path);
  if (!match?.[1] || !match[2] || !match[3] || !match[4]) return undefined;
  const t = match[2];
  const time = `${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6, 8)}T${t.slice(9, 11)}:${t.slice(11, 13)}:${t.slice(13)}`;
  return { path, stream: match[1], time, ok: match[3] === "ok", snapshot: match[4] };
}
