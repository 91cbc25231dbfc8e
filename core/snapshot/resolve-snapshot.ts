import { SnapgateError } from "../errors.js";
import type { CatalogEntry } from "../types.js";
import type { Store } from "../store/store.js";
import { readAllCatalogs, readCatalog } from "./read-catalog.js";
import { parseSnapshotReference } from "./parse-snapshot-reference.js";
import { listForgotten } from "./tombstone.js";

/**
 * Finds a snapshot by what a person types: `latest` (with an environment),
 * `<env>@<seq>`, `<env>@latest`, or a unique prefix (6+ hex) of its id.
 * `latest` skips forgotten snapshots; a seq or id names any snapshot.
 */
export async function resolveSnapshot(
  store: Store,
  spec: string,
  options: { stream?: string } = {},
): Promise<CatalogEntry> {
  await store.assertExists();
  const reference = parseSnapshotReference(spec);
  if (reference?.kind === "latest" || reference?.kind === "stream") {
    const stream =
      reference.kind === "stream"
        ? reference.stream
        : (options.stream ?? (await onlyStream(store)));
    const entries = await readCatalog(store, stream);
    let wanted: CatalogEntry | undefined;
    if (reference.kind === "stream" && reference.seq !== null) {
      const seq = reference.seq;
      wanted = entries.find((e) => e.seq === seq);
    } else {
      // "latest" is the newest snapshot that was not forgotten.
      const forgotten = (await listForgotten(store, stream)).get(stream);
      wanted = entries.findLast((e) => !forgotten?.has(e.seq));
    }
    if (!wanted) {
      throw new SnapgateError(
        "NOT_FOUND",
        `There is no snapshot ${spec} of environment '${stream}' in ${store.location}.`,
        {
          fix: entries.length
            ? `It has seq 1..${entries.at(-1)?.seq}; see \`snapgate list --env ${stream}\`.`
            : `Take one with \`snapgate snapshot --env ${stream} ...\`.`,
        },
      );
    }
    return wanted;
  }
  if (reference === null) {
    throw new SnapgateError("USAGE", `'${spec}' is not a snapshot reference.`, {
      fix: "Use a snapshot id (at least 6 hex characters), latest with --env, or ENV@SEQ such as prod@12.",
    });
  }
  const entries = options.stream
    ? await readCatalog(store, options.stream)
    : await readAllCatalogs(store);
  const matches = entries.filter((entry) => entry.id.startsWith(spec));
  if (matches.length === 1) return matches[0] as CatalogEntry;
  if (matches.length === 0) {
    throw new SnapgateError(
      "NOT_FOUND",
      `No snapshot id starts with ${spec} in ${store.location}.`,
      {
        fix: "List snapshots with `snapgate list` and copy an id.",
      },
    );
  }
  throw new SnapgateError("USAGE", `${spec} matches ${matches.length} snapshots.`, {
    fix: `Give more characters: ${matches
      .slice(0, 5)
      .map((m) => `${m.id.slice(0, 16)} (${m.stream}@${m.seq})`)
      .join(", ")}.`,
  });
}

async function onlyStream(store: Store): Promise<string> {
  const streams = await store.listStreams();
  if (streams.length === 1) return streams[0] as string;
  throw new SnapgateError(
    "USAGE",
    streams.length
      ? "Which environment's latest snapshot?"
      : `${store.location} holds no snapshots yet.`,
    {
      fix: streams.length
        ? `Add --env with one of: ${streams.join(", ")}.`
        : "Take one with `snapgate snapshot`.",
    },
  );
}
