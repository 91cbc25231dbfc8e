import { isSnapgateError } from "../../errors.js";
import type { Manifest, RegularFileEntry } from "../../types.js";
import type { Store } from "../../store/store.js";
import { verifyManifestSignature } from "../../crypto/manifest-signature.js";
import { sha256Hex } from "../../crypto/sha256-hex.js";
import { loadSodium, type Sodium } from "../../crypto/sodium.js";
import { checkStreamChain } from "../../snapshot/check-stream-chain.js";
import { forEachBlobWindow } from "../../snapshot/for-each-blob-window.js";
import { parseManifest } from "../../snapshot/parse-manifest.js";
import { readCatalog } from "../../snapshot/read-catalog.js";
import { listForgotten } from "../../snapshot/tombstone.js";
import { findLatestVerification } from "../../snapshot/verification-record.js";
import type { Policy } from "../policy.js";
import type { GateInput, SignatureFact, SnapshotFacts } from "./gate-decision.js";

export interface GatherGateFactsOptions {
  /**
   * How blobs are checked: "read" reads each blob of the snapshot and hashes
   * it (the default); "list" compares names from one listing (id and
   * ciphertext sha256 are in each name), for stores where a read per blob costs
   * a request: presence, not content.
   */
  blobs?: "read" | "list";
}

/**
 * The facts the gate decides on, read from the store: the environment's
 * newest snapshot that was not forgotten, its signature against the policy's
 * writer keys, the hash chain up to it, its blobs, the coverage and
 * consistency it recorded, and the newest restore-level verification record
 * of the environment. The CLI's `check` and the app's check run call this.
 */
export async function gatherGateFacts(
  store: Store,
  policy: Policy,
  environment: string,
  now: Date,
  options: GatherGateFactsOptions = {},
): Promise<GateInput> {
  await store.assertExists();
  const [entries, forgotten] = await Promise.all([
    readCatalog(store, environment),
    listForgotten(store, environment),
  ]);
  const forgottenSeqs = forgotten.get(environment);
  const latest = entries.findLast((entry) => !forgottenSeqs?.has(entry.seq)) ?? null;

  const verification = await findLatestVerification(
    store,
    new Set(entries.map((entry) => entry.id)),
    "restore",
  );
  const restore = {
    lastRestoreVerification: verification?.ok ? verification.time : null,
    failedRestoreVerification:
      verification && !verification.ok
        ? {
            time: verification.time,
            snapshot: verification.snapshot,
            detail:
              verification.problems
                .slice(0, 3)
                .map((problem) => problem.message)
                .join(" ") || "it reported problems.",
          }
        : null,
  };
  if (latest === null) return { policy, environment, now, snapshot: null, ...restore };

  const facts: SnapshotFacts = {
    id: latest.id,
    seq: latest.seq,
    time: latest.time,
    writtenAt: latest.writtenAt,
    signature: null,
    chain: null,
    missingBlobs: null,
    components: [],
    uncoveredTier0Paths: null,
    consistency: null,
  };
  const bytes = await store.readManifest(environment, latest.seq);
  let manifest: Manifest | null = null;
  if (!bytes) {
    facts.signature = { state: "bad", detail: "the manifest is missing from the store" };
  } else if (sha256Hex(bytes) !== latest.id) {
    facts.signature = { state: "bad", detail: "the manifest does not hash to its catalog id" };
  } else {
    try {
      manifest = parseManifest(bytes, `manifest ${environment}@${latest.seq}`);
    } catch (error) {
      if (!isSnapgateError(error)) throw error;
      facts.signature = { state: "bad", detail: error.summary };
    }
  }
  const chain = await checkStreamChain(store, environment, latest.seq);
  facts.chain =
    chain.state === "ok" ? chain : { state: "broken", atSeq: chain.atSeq, detail: chain.detail };
  if (manifest) {
    facts.signature = signatureFact(
      manifest,
      policy.keys.writers.map((writer) => writer.key),
      await loadSodium(),
    );
    facts.missingBlobs = await missingBlobs(store, manifest, options.blobs ?? "read");
    facts.components = [
      ...new Set(manifest.files.flatMap((file) => (file.component ? [file.component] : []))),
    ].sort();
    facts.uncoveredTier0Paths = manifest.coverage?.uncoveredTier0Paths ?? null;
    facts.consistency = manifest.consistency ?? null;
  }
  return { policy, environment, now, snapshot: facts, ...restore };
}

function signatureFact(manifest: Manifest, keys: string[], sodium: Sodium): SignatureFact {
  const check = verifyManifestSignature(sodium, manifest, keys);
  if (check.ok) return { state: "ok", key: check.key };
  if (check.reason === "unknown-key") return { state: "unknown-key", key: check.key };
  return { state: "bad", key: check.key, detail: "the signature does not match the manifest" };
}

/** Blob ids of the snapshot that are absent or whose ciphertext does not hash to the signed sha256. */
async function missingBlobs(
  store: Store,
  manifest: Manifest,
  mode: "read" | "list",
): Promise<string[]> {
  const unique = new Map<string, RegularFileEntry>();
  for (const file of manifest.files) {
    if (file.type === "file")
      unique.set(`${file.blob}-${file.ciphertextSha256}-${file.encoding}`, file);
  }
  const files = [...unique.values()];
  if (mode === "list") {
    const present = new Set(
      (await store.listBlobs()).map((blob) => `${blob.id}-${blob.sha256}-${blob.encoding}`),
    );
    return files
      .filter((file) => !present.has(`${file.blob}-${file.ciphertextSha256}-${file.encoding}`))
      .map((file) => file.blob);
  }
  // A window of reads at a time: a GitHub store answers each window with one request.
  const bad = await forEachBlobWindow(store, files, async (file, ciphertext) =>
    ciphertext && sha256Hex(ciphertext) === file.ciphertextSha256 ? null : file.blob,
  );
  return bad.filter((id): id is string => id !== null);
}
