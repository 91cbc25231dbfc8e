import { SnapgateError } from "../errors.js";
import { headPath, manifestPath } from "./store.js";

/**
 * Checks that the manifest a stream's head pointer names is among `seqs`, the
 * manifests present. The pointer is written with (or after) its manifest, so
 * it is never ahead of the manifests unless one was deleted: without this
 * check `latest` would silently become the snapshot before. `raw` is the
 * pointer's bytes (null: there is none); `where` names the store in messages.
 */
export function checkHeadPointer(
  stream: string,
  raw: Uint8Array | string | null,
  seqs: readonly number[],
  where: string,
): void {
  if (raw === null) return;
  let named: unknown;
  try {
    const text = typeof raw === "string" ? raw : Buffer.from(raw).toString("utf8");
    named = (JSON.parse(text) as { seq?: unknown } | null)?.seq;
  } catch {
    named = undefined;
  }
  if (typeof named !== "number" || !Number.isSafeInteger(named)) {
    throw new SnapgateError("INTEGRITY", `${headPath(stream)} in ${where} is damaged.`, {
      fix: `Check that manifests/${stream}/ holds every snapshot (\`snapgate verify --all --env ${stream}\`), then delete ${headPath(stream)}: the next snapshot writes it again.`,
    });
  }
  const newest = seqs.at(-1) ?? 0;
  if (named > newest) {
    throw new SnapgateError(
      "INTEGRITY",
      `${headPath(stream)} names ${stream}@${named}, but ${manifestPath(stream, named)} is missing from ${where}: the newest snapshot${named > newest + 1 ? "s were" : " was"} deleted.`,
      {
        fix: `Restore manifests/${stream}/ from a copy of the store. If ${stream}@${named} is lost for good, accept the loss: delete its catalog line(s) in catalog/${stream}/ and write {"seq":${newest}} to ${headPath(stream)}.`,
        details: { head: named, newestManifest: newest },
      },
    );
  }
}
