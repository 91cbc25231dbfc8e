import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  listForgotten
} from "./chunk-TITZY4GY.js";
import {
  readAllCatalogs,
  readCatalog
} from "./chunk-WSRUPF57.js";
import {
  SnapgateError
} from "./chunk-6KERQ4ZL.js";

// core/snapshot/parse-snapshot-reference.ts
var AT = /^([a-z0-9][a-z0-9._-]{0,62})@(latest|\d+)$/;
var ID = /^[0-9a-f]{6,64}$/;
function parseSnapshotReference(spec) {
  if (spec === "latest") return { kind: "latest" };
  const at = AT.exec(spec);
  if (at) {
    const stream = at[1];
    return { kind: "stream", stream, seq: at[2] === "latest" ? null : Number(at[2]) };
  }
  if (ID.test(spec)) return { kind: "id", prefix: spec };
  return null;
}

// core/snapshot/resolve-snapshot.ts
async function resolveSnapshot(store, spec, options = {}) {
  await store.assertExists();
  const reference = parseSnapshotReference(spec);
  if (reference?.kind === "latest" || reference?.kind === "stream") {
    const stream = reference.kind === "stream" ? reference.stream : options.stream ?? await onlyStream(store);
    const entries2 = await readCatalog(store, stream);
    let wanted;
    if (reference.kind === "stream" && reference.seq !== null) {
      const seq = reference.seq;
      wanted = entries2.find((e) => e.seq === seq);
    } else {
      const forgotten = (await listForgotten(store, stream)).get(stream);
      wanted = entries2.findLast((e) => !forgotten?.has(e.seq));
    }
    if (!wanted) {
      throw new SnapgateError(
        "NOT_FOUND",
        `There is no snapshot ${spec} of environment '${stream}' in ${store.location}.`,
        {
          fix: entries2.length ? `It has seq 1..${entries2.at(-1)?.seq}; see \`snapgate list --env ${stream}\`.` : `Take one with \`snapgate snapshot --env ${stream} ...\`.`
        }
      );
    }
    return wanted;
  }
  if (reference === null) {
    throw new SnapgateError("USAGE", `'${spec}' is not a snapshot reference.`, {
      fix: "Use a snapshot id (at least 6 hex characters), latest with --env, or ENV@SEQ such as prod@12."
    });
  }
  const entries = options.stream ? await readCatalog(store, options.stream) : await readAllCatalogs(store);
  const matches = entries.filter((entry) => entry.id.startsWith(spec));
  if (matches.length === 1) return matches[0];
  if (matches.length === 0) {
    throw new SnapgateError(
      "NOT_FOUND",
      `No snapshot id starts with ${spec} in ${store.location}.`,
      {
        fix: "List snapshots with `snapgate list` and copy an id."
      }
    );
  }
  throw new SnapgateError("USAGE", `${spec} matches ${matches.length} snapshots.`, {
    fix: `Give more characters: ${matches.slice(0, 5).map((m) => `${m.id.slice(0, 16)} (${m.stream}@${m.seq})`).join(", ")}.`
  });
}
async function onlyStream(store) {
  const streams = await store.listStreams();
  if (streams.length === 1) return streams[0];
  throw new SnapgateError(
    "USAGE",
    streams.length ? "Which environment's latest snapshot?" : `${store.location} holds no snapshots yet.`,
    {
      fix: streams.length ? `Add --env with one of: ${streams.join(", ")}.` : "Take one with `snapgate snapshot`."
    }
  );
}

export {
  resolveSnapshot
};
