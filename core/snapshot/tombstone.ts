import { SnapgateError } from "../errors.js";
import type { ValidateFunction } from "ajv/dist/2020.js";
import { JsonSchemaValidator } from "../json-schema-validator.js";
import validateTombstone from "../generated/tombstone-validator.js";
import type { Store } from "../store/store.js";

export const TOMBSTONE_FORMAT = "snapgate.tombstone/v1";

/** A forgotten snapshot: written by forget, never deleting its manifest. */
export interface Tombstone {
  format: typeof TOMBSTONE_FORMAT;
  stream: string;
  seq: number;
  /** The snapshot id (sha256 of its manifest). */
  snapshot: string;
  /** The snapshot's time. */
  time: string;
  forgottenAt: string;
  /** Why retention dropped it. */
  reasons: string[];
  /** Whether the tier's rules or --keep-* flags decided. */
  rules: "policy" | "flags";
  /** The approval request that allowed forgetting a tier-0 snapshot. */
  approval: string | null;
  policyDigest: string | null;
}

const validator = new JsonSchemaValidator<Tombstone>(
  () => validateTombstone as unknown as ValidateFunction,
);

export function tombstonePath(stream: string, seq: number): string {
  return `tombstones/${stream}/${String(seq).padStart(10, "0")}.json`;
}

const TOMBSTONE_NAME = /^tombstones\/([^/]+)\/(\d{10})\.json$/;

/**
 * The seqs of a stream's forgotten snapshots (or of every stream, keyed by
 * stream), from the record names alone: list and `latest` need no record reads.
 */
export async function listForgotten(
  store: Store,
  stream?: string,
): Promise<Map<string, Set<number>>> {
  const forgotten = new Map<string, Set<number>>();
  for (const path of await store.listRecords(stream ? `tombstones/${stream}` : "tombstones")) {
    const match = TOMBSTONE_NAME.exec(path);
    if (!match?.[1] || !match[2]) continue;
    const seqs = forgotten.get(match[1]) ?? new Set<number>();
    seqs.add(Number(match[2]));
    forgotten.set(match[1], seqs);
  }
  return forgotten;
}

/** Reads and checks one tombstone record. */
export async function readTombstone(store: Store, path: string): Promise<Tombstone> {
  const bytes = await store.readRecord(path);
  let value: unknown;
  try {
    value = bytes ? JSON.parse(Buffer.from(bytes).toString("utf8")) : undefined;
  } catch {
    value = undefined;
  }
  const checked = validator.check(value);
  const match = TOMBSTONE_NAME.exec(path);
  if (
    !checked.ok ||
    checked.value.stream !== match?.[1] ||
    checked.value.seq !== Number(match[2])
  ) {
    throw new SnapgateError("INTEGRITY", `The tombstone ${path} in ${store.location} is damaged.`, {
      fix: "Restore it from the store's history; until then prune leaves the snapshot's blobs alone.",
      details: checked.ok ? {} : { problems: checked.problems },
    });
  }
  return checked.value;
}
