import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  headPath,
  manifestPath
} from "./chunk-ZUEUDRMP.js";
import {
  SnapgateError
} from "./chunk-6KERQ4ZL.js";

// core/store/parse-catalog-lines.ts
function entryProblem(value, stream) {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return "it is not a JSON object";
  const entry = value;
  if (typeof entry.id !== "string" || !/^[0-9a-f]{64}$/.test(entry.id))
    return "its id is not a sha256";
  if (typeof entry.seq !== "number" || !Number.isSafeInteger(entry.seq) || entry.seq < 1)
    return "its seq is not a positive whole number";
  if (entry.stream !== stream) return `it names the environment ${JSON.stringify(entry.stream)}`;
  if (typeof entry.time !== "string" || typeof entry.phase !== "string")
    return "its time or phase is missing";
  const metadata = entry.metadata;
  if (typeof metadata !== "object" || metadata === null || !Array.isArray(metadata.tags))
    return "its metadata is missing";
  if (typeof entry.files !== "number" || typeof entry.bytes !== "number" || !Array.isArray(entry.components))
    return "its file counts are missing";
  return null;
}
function parseCatalogLines(shards, stream) {
  const entries = [];
  for (const shard of shards) {
    shard.text.split("\n").forEach((line, index) => {
      if (line.trim() === "") return;
      let value;
      try {
        value = JSON.parse(line);
      } catch {
        return;
      }
      const problem = entryProblem(value, stream);
      if (problem) {
        throw new SnapgateError(
          "INTEGRITY",
          `Line ${index + 1} of ${shard.path} is not a catalog entry of ${stream}: ${problem}.`,
          {
            fix: `Delete that line: the catalog is only an index, rebuilt from the manifests where a line is missing. Then run \`snapgate verify --all --env ${stream}\` and find out what wrote it.`,
            details: { file: shard.path, line: index + 1 }
          }
        );
      }
      entries.push(value);
    });
  }
  return entries.sort((a, b) => a.seq - b.seq);
}

// core/store/record-path.ts
var RECORD_ROOTS = [
  "verifications",
  "tombstones",
  "requests",
  "approvals",
  "drills",
  "locks",
  "rewraps",
  "epochs"
];
var SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._@:-]{0,127}$/;
function assertRecordPath(path) {
  const segments = path.split("/");
  const ok = segments.length >= 2 && RECORD_ROOTS.includes(segments[0] ?? "") && segments.every((segment) => SEGMENT.test(segment) && segment !== "." && segment !== "..");
  if (!ok) {
    throw new SnapgateError("UNSAFE_PATH", `'${path}' is not a valid record path.`, {
      fix: `Record paths are <${RECORD_ROOTS.join("|")}>/<name>... with letters, digits, '.', '_', '-', ':' and '@'.`
    });
  }
}

// core/store/check-head-manifest.ts
function checkHeadManifest(stream, seq, manifest, where) {
  let named;
  try {
    const parsed = JSON.parse(Buffer.from(manifest).toString("utf8"));
    named = `${String(parsed.stream)}@${String(parsed.seq)}`;
  } catch {
    named = void 0;
  }
  if (named !== `${stream}@${seq}`) {
    throw new SnapgateError(
      "INTEGRITY",
      `${manifestPath(stream, seq)}, the newest manifest of ${stream} in ${where}, ${named === void 0 ? "is not JSON" : `says it is ${named}`}: a snapshot cannot chain onto it.`,
      {
        fix: `Restore that file from a copy of the store and run \`snapgate verify --all --env ${stream}\`; nothing was written.`
      }
    );
  }
}

// core/store/check-head-pointer.ts
function checkHeadPointer(stream, raw, seqs, where) {
  if (raw === null) return;
  let named;
  try {
    const text = typeof raw === "string" ? raw : Buffer.from(raw).toString("utf8");
    named = JSON.parse(text)?.seq;
  } catch {
    named = void 0;
  }
  if (typeof named !== "number" || !Number.isSafeInteger(named)) {
    throw new SnapgateError("INTEGRITY", `${headPath(stream)} in ${where} is damaged.`, {
      fix: `Check that manifests/${stream}/ holds every snapshot (\`snapgate verify --all --env ${stream}\`), then delete ${headPath(stream)}: the next snapshot writes it again.`
    });
  }
  const newest = seqs.at(-1) ?? 0;
  if (named > newest) {
    throw new SnapgateError(
      "INTEGRITY",
      `${headPath(stream)} names ${stream}@${named}, but ${manifestPath(stream, named)} is missing from ${where}: the newest snapshot${named > newest + 1 ? "s were" : " was"} deleted.`,
      {
        fix: `Restore manifests/${stream}/ from a copy of the store. If ${stream}@${named} is lost for good, accept the loss: delete its catalog line(s) in catalog/${stream}/ and write {"seq":${newest}} to ${headPath(stream)}.`,
        details: { head: named, newestManifest: newest }
      }
    );
  }
}

export {
  parseCatalogLines,
  RECORD_ROOTS,
  assertRecordPath,
  checkHeadManifest,
  checkHeadPointer
};
