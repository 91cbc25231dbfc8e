import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  JsonSchemaValidator,
  catalogEntryOf,
  parseManifest
} from "./chunk-PA7UVKRQ.js";
import {
  sha256Hex
} from "./chunk-U2VA4CFL.js";
import {
  SnapgateError
} from "./chunk-6KERQ4ZL.js";

// core/snapshot/read-catalog.ts
async function readCatalog(store, stream) {
  const [entries, seqs] = await Promise.all([
    store.readCatalog(stream),
    store.listManifestSeqs(stream)
  ]);
  const bySeq = new Map(entries.map((entry) => [entry.seq, entry]));
  const complete = [];
  for (const seq of seqs) {
    const known = bySeq.get(seq);
    if (known) {
      complete.push(known);
      continue;
    }
    const bytes = await store.readManifest(stream, seq);
    if (!bytes) continue;
    try {
      complete.push(
        catalogEntryOf(parseManifest(bytes, `manifest ${stream}#${seq}`), sha256Hex(bytes))
      );
    } catch {
    }
  }
  return complete;
}
async function readAllCatalogs(store) {
  const streams = await store.listStreams();
  return (await Promise.all(streams.map((stream) => readCatalog(store, stream)))).flat();
}

// schemas/tombstone.schema.json
var tombstone_schema_default = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://snapgate.dev/schemas/tombstone.schema.json",
  title: "Snapgate tombstone (snapgate.tombstone/v1)",
  description: "records/tombstones/<stream>/<seq>.json: the snapshot was forgotten. Its manifest stays (the hash chain still verifies); prune may delete blobs only it referenced once the tombstone is older than the grace period.",
  type: "object",
  additionalProperties: false,
  required: [
    "format",
    "stream",
    "seq",
    "snapshot",
    "time",
    "forgottenAt",
    "reasons",
    "rules",
    "approval",
    "policyDigest"
  ],
  properties: {
    format: { const: "snapgate.tombstone/v1" },
    stream: { type: "string", pattern: "^[a-z0-9][a-z0-9._-]{0,62}$" },
    seq: { type: "integer", minimum: 1 },
    snapshot: { type: "string", pattern: "^[0-9a-f]{64}$" },
    time: { type: "string", format: "date-time" },
    forgottenAt: { type: "string", format: "date-time" },
    reasons: { type: "array", items: { type: "string", maxLength: 500 }, maxItems: 20 },
    rules: { enum: ["policy", "flags"] },
    approval: {
      oneOf: [
        { type: "null" },
        { type: "string", pattern: "^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$" }
      ]
    },
    policyDigest: {
      oneOf: [{ type: "null" }, { type: "string", pattern: "^sha256:[0-9a-f]{64}$" }]
    }
  }
};

// core/snapshot/tombstone.ts
var TOMBSTONE_FORMAT = "snapgate.tombstone/v1";
var validator = new JsonSchemaValidator(tombstone_schema_default);
function tombstonePath(stream, seq) {
  return `tombstones/${stream}/${String(seq).padStart(10, "0")}.json`;
}
var TOMBSTONE_NAME = /^tombstones\/([^/]+)\/(\d{10})\.json$/;
async function listForgotten(store, stream) {
  const forgotten = /* @__PURE__ */ new Map();
  for (const path of await store.listRecords(stream ? `tombstones/${stream}` : "tombstones")) {
    const match = TOMBSTONE_NAME.exec(path);
    if (!match?.[1] || !match[2]) continue;
    const seqs = forgotten.get(match[1]) ?? /* @__PURE__ */ new Set();
    seqs.add(Number(match[2]));
    forgotten.set(match[1], seqs);
  }
  return forgotten;
}
async function readTombstone(store, path) {
  const bytes = await store.readRecord(path);
  let value;
  try {
    value = bytes ? JSON.parse(Buffer.from(bytes).toString("utf8")) : void 0;
  } catch {
    value = void 0;
  }
  const checked = validator.check(value);
  const match = TOMBSTONE_NAME.exec(path);
  if (!checked.ok || checked.value.stream !== match?.[1] || checked.value.seq !== Number(match[2])) {
    throw new SnapgateError("INTEGRITY", `The tombstone ${path} in ${store.location} is damaged.`, {
      fix: "Restore it from the store's history; until then prune leaves the snapshot's blobs alone.",
      details: checked.ok ? {} : { problems: checked.problems }
    });
  }
  return checked.value;
}

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
  readCatalog,
  readAllCatalogs,
  TOMBSTONE_FORMAT,
  tombstonePath,
  listForgotten,
  readTombstone,
  resolveSnapshot
};
