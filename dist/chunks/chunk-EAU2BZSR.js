import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  readAllCatalogs,
  readCatalog
} from "./chunk-6RIMPDLP.js";
import {
  listForgotten
} from "./chunk-EVV5HKRG.js";
import {
  SnapgateError
} from "./chunk-6KERQ4ZL.js";

// core/snapshot/resolve-snapshot.ts
async function resolveSnapshot(store, spec, options = {}) {
  await store.assertExists();
  const at = /^([a-z0-9][a-z0-9._-]{0,62})@(latest|\d+)$/.exec(spec);
  if (spec === "latest" || at) {
    const stream = at?.[1] ?? options.stream ?? await onlyStream(store);
    const entries2 = await readCatalog(store, stream);
    let wanted;
    if (at && at[2] !== "latest") {
      wanted = entries2.find((e) => e.seq === Number(at[2]));
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
  if (!/^[0-9a-f]{6,64}$/.test(spec)) {
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
