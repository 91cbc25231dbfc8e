import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);

// core/operations/drill-path.ts
function compactTime(time) {
  return time.toISOString().replace(/[-:]/g, "");
}
function drillPath(stream, time, ok, snapshot) {
  return `drills/${stream}/${compactTime(time)}-${ok ? "ok" : "fail"}-${snapshot}.json`;
}
var DRILL_NAME = /^drills\/([a-z0-9][a-z0-9._-]{0,62})\/(\d{8}T\d{6}\.\d{3}Z)-(ok|fail)-([0-9a-f]{64})\.json$/;
function parseDrillPath(path) {
  const match = DRILL_NAME.exec(path);
  if (!match?.[1] || !match[2] || !match[3] || !match[4]) return void 0;
  const t = match[2];
  const time = `${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6, 8)}T${t.slice(9, 11)}:${t.slice(11, 13)}:${t.slice(13)}`;
  return { path, stream: match[1], time, ok: match[3] === "ok", snapshot: match[4] };
}

export {
  drillPath,
  parseDrillPath
};
