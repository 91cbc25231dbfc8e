import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  recipientGaps
} from "./chunk-ARYQANWC.js";
import {
  epochRecipients
} from "./chunk-CDLC5QT7.js";
import {
  openVerifiedBlob
} from "./chunk-P4WFFHAC.js";
import {
  forEachBlobWindow,
  rewrapResolver
} from "./chunk-RQLDRNH6.js";
import {
  rewrappedManifestView
} from "./chunk-J7IEGQJ6.js";
import {
  recipientsOfFile
} from "./chunk-HVMTTQAX.js";
import {
  signatureProblem
} from "./chunk-4R5A4MEX.js";
import {
  blobSha256,
  verifiedRewraps
} from "./chunk-KVN77OIJ.js";
import {
  computeBlobId
} from "./chunk-KKUHDW3D.js";
import {
  recipientSetId
} from "./chunk-PZ5T2MZR.js";
import {
  openManifest
} from "./chunk-7BAZV6R7.js";
import {
  parseManifest
} from "./chunk-L3YJLP3Q.js";
import {
  loadSodium
} from "./chunk-AXJEESJ2.js";
import {
  sha256Hex
} from "./chunk-U2VA4CFL.js";
import {
  SnapgateError,
  isSnapgateError
} from "./chunk-6KERQ4ZL.js";

// core/rekey/epoch-gaps.ts
async function epochGaps(store, manifest, policy, sodium, trustedKeys, now) {
  const epochs = policy.keys.epochs ?? [];
  if (epochs.length === 0) return [];
  const tier = policy.environments[manifest.stream]?.tier;
  if (tier === void 0) return [];
  const ms = now.getTime();
  const current = /* @__PURE__ */ new Set([
    ...policy.keys.recipients,
    ...epochRecipients(policy, tier, now).recipients,
    ...epochs.filter(
      (epoch) => (epoch.tiers === null || epoch.tiers.includes(tier)) && (epoch.validFromMs === null || ms >= epoch.validFromMs) && (epoch.validUntilMs === null || ms < epoch.validUntilMs)
    ).flatMap((epoch) => epoch.recipients)
  ]);
  const view = await rewrappedManifestView(store, manifest, sodium, trustedKeys);
  return view.files.filter(
    (file) => file.type === "file" && !recipientsOfFile(view, file).some((r) => current.has(r))
  ).map((file) => file.path);
}

// core/snapshot/verify-snapshots.ts
async function verifySnapshots(options) {
  if (options.trustedKeys.length === 0) {
    throw new SnapgateError("USAGE", "No trusted writer keys to check signatures against.", {
      fix: "Pass --verify-key sgw1... (printed by `snapgate keygen --writer`) or use a policy that lists keys.writers."
    });
  }
  if (options.level === "restore" && !options.opener) {
    throw new SnapgateError(
      "USAGE",
      "Restore-level verification decrypts every file and needs an identity.",
      {
        fix: "Pass --identity FILE (or SNAPGATE_IDENTITY), or verify at structure level."
      }
    );
  }
  const sodium = await loadSodium();
  const epochGapsOf = /* @__PURE__ */ new Map();
  const checkedBlobs = /* @__PURE__ */ new Map();
  let bytesChecked = 0;
  const results = [];
  let done = 0;
  for (const entry of options.snapshots) {
    const where = `snapshot ${entry.stream}@${entry.seq}`;
    const problems = [];
    const bytes = await options.store.readManifest(entry.stream, entry.seq);
    const forgotten = options.forgotten?.has(entry.id) ?? false;
    let manifest;
    if (!bytes) {
      problems.push({
        kind: "manifest",
        message: `The manifest of ${where} is missing.`,
        fix: "Restore the store from a replica; the chain is broken here."
      });
    } else {
      if (sha256Hex(bytes) !== entry.id) {
        problems.push({
          kind: "manifest",
          message: `The manifest of ${where} does not hash to its id ${entry.id.slice(0, 12)}.`,
          fix: "The manifest or the catalog was altered; do not restore from this snapshot."
        });
      }
      try {
        manifest = forgotten ? rootOnly(parseManifest(bytes, `the manifest of ${where}`)) : await openManifest(options.store, bytes, `the manifest of ${where}`);
      } catch (error) {
        if (!isSnapgateError(error)) throw error;
        problems.push({ kind: "manifest", message: error.summary, fix: error.fix ?? "" });
      }
    }
    if (manifest) {
      const signature = signatureProblem(
        sodium,
        manifest,
        options.trustedKeys,
        where,
        options.writerPeriods
      );
      if (signature) problems.push({ kind: "signature", ...signature });
      problems.push(...await chainProblems(options.store, manifest, entry, where));
      problems.push(...recipientProblems(manifest, where));
      if (options.epochPolicy && !forgotten) {
        const gaps = await epochGaps(
          options.store,
          manifest,
          options.epochPolicy,
          sodium,
          options.trustedKeys,
          /* @__PURE__ */ new Date()
        );
        if (gaps.length > 0) epochGapsOf.set(entry.id, gaps);
      }
      if (!forgotten)
        problems.push(
          ...await blobProblems(
            options,
            manifest,
            where,
            checkedBlobs,
            (n) => bytesChecked += n
          )
        );
    }
    results.push({
      id: entry.id,
      stream: entry.stream,
      seq: entry.seq,
      ok: problems.length === 0,
      forgotten,
      problems,
      ...epochGapsOf.has(entry.id) ? { epochGaps: epochGapsOf.get(entry.id) } : {}
    });
    options.onProgress?.(++done, options.snapshots.length);
  }
  return {
    level: options.level,
    ok: results.every((r) => r.ok),
    snapshots: results,
    blobsChecked: checkedBlobs.size,
    bytesChecked
  };
}
async function chainProblems(store, manifest, entry, where) {
  if (manifest.stream !== entry.stream || manifest.seq !== entry.seq) {
    return [
      {
        kind: "chain",
        message: `The manifest stored as ${where} says it is ${manifest.stream}@${manifest.seq}.`,
        fix: "A manifest was moved or copied; do not restore from it."
      }
    ];
  }
  if (manifest.seq === 1) {
    return manifest.prev === null ? [] : [
      {
        kind: "chain",
        message: `${where} is the first of its stream but links to a previous manifest.`,
        fix: "Earlier manifests were removed from the store; restore it from a replica."
      }
    ];
  }
  const previous = await store.readManifest(entry.stream, entry.seq - 1);
  if (!previous) {
    return [
      {
        kind: "chain",
        message: `The chain is broken at seq ${entry.seq - 1} of ${entry.stream}: that manifest is missing.`,
        fix: "A manifest was deleted from the store; restore it from a replica and find out who deleted it."
      }
    ];
  }
  if (sha256Hex(previous) !== manifest.prev) {
    return [
      {
        kind: "chain",
        message: `The chain is broken between seq ${entry.seq - 1} and ${entry.seq} of ${entry.stream}: ${entry.seq - 1} is not the manifest ${entry.seq} was written after.`,
        fix: `Manifest ${entry.seq - 1} was replaced or altered; treat it as untrusted and investigate the store's history.`
      }
    ];
  }
  return [];
}
function recipientProblems(manifest, where) {
  return recipientGaps(manifest).map((gap) => ({
    kind: "recipients",
    message: `${gap.path} in ${where} cannot be opened by ${gap.cannotOpen.join(", ")}: its blob is sealed to other keys, though the snapshot lists them as recipients.`,
    fix: "Take a new snapshot (it seals every file to the current recipients again); until then restore this file with a key it is sealed to.",
    path: gap.path
  }));
}
function blobKey(file) {
  return `${file.blob}-${file.ciphertextSha256}-${file.encoding}-${file.recipientSet ?? ""}-${file.size}`;
}
async function blobProblems(options, manifest, where, checked, addBytes) {
  const regular = manifest.files.filter((file) => file.type === "file");
  const fresh = /* @__PURE__ */ new Map();
  const counted = /* @__PURE__ */ new WeakSet();
  for (const file of regular) {
    const key = blobKey(file);
    if (!checked.has(key) && !fresh.has(key)) fresh.set(key, file);
  }
  await forEachBlobWindow(
    options.store,
    [...fresh.values()],
    async (file, ciphertext) => {
      checked.set(
        blobKey(file),
        await checkBlobOnce(options, manifest, file, where, ciphertext, (n) => {
          if (!file.pack || !ciphertext || options.level === "restore") return addBytes(n);
          if (counted.has(ciphertext)) return;
          counted.add(ciphertext);
          addBytes(n);
        })
      );
    },
    4,
    void 0,
    rewrapResolver(options.store, await loadSodium(), options.trustedKeys)
  );
  return regular.flatMap((file) => {
    const problem = checked.get(blobKey(file));
    return problem ? [{ ...problem, path: file.path }] : [];
  });
}
async function checkBlobOnce(options, manifest, file, where, ciphertext, addBytes) {
  let problem = null;
  try {
    if (options.level === "restore" && options.opener) {
      const content = await openVerifiedBlob(
        options.store,
        options.opener,
        manifest,
        file,
        where,
        ciphertext
      );
      addBytes(content.length);
      if (options.writerKey && computeBlobId(options.writerKey.macKey, content) !== file.blob) {
        problem = {
          kind: "content-id",
          message: `${file.path} in ${where} decrypts to content whose keyed id is not the recorded one.`,
          fix: "The snapshot's writer key differs from yours, or the blob was swapped; restore the file from another snapshot."
        };
      }
    } else {
      if (!ciphertext) {
        problem = {
          kind: "missing-blob",
          message: `The blob of ${file.path} in ${where} is missing.`,
          fix: "The store lost data: restore this file from another snapshot; find out how the blob was deleted."
        };
      } else {
        addBytes(ciphertext.length);
        if (blobSha256(ciphertext) !== file.ciphertextSha256 && verifiedRewraps.get(ciphertext)?.standsFor !== file.ciphertextSha256) {
          problem = {
            kind: "tampered-blob",
            message: `The blob of ${file.path} in ${where} does not match the signed ciphertext sha256.`,
            fix: "Do not trust this copy: restore the file from another snapshot and check who can write the store."
          };
        }
      }
    }
  } catch (error) {
    if (!isSnapgateError(error)) throw error;
    if (error.code === "WRONG_KEY") {
      const identity = options.opener?.recipients ?? [];
      const rewrap = ciphertext ? verifiedRewraps.get(ciphertext) : void 0;
      if (rewrap) return rewrappedProblem(file, where, identity, rewrap.record);
      const listedFor = (recipients) => identity.some((recipient) => recipients.includes(recipient));
      if (!listedFor(manifest.recipients)) throw error;
      if (!listedFor(recipientsOfFile(manifest, file))) return null;
      return {
        kind: "decrypt",
        message: `${file.path} in ${where} is not sealed to ${identity.join(", ")}, though its manifest says it is.`,
        fix: "Take a new snapshot (it seals every file to the current recipients); until then restore this file from an older snapshot or with another recipient's key."
      };
    }
    const kind = error.details.kind ?? "decrypt";
    problem = { kind, message: error.summary, fix: error.fix ?? "" };
  }
  return problem;
}
function rewrappedProblem(file, where, identity, record) {
  const set = record.new.recipientSet ?? recipientSetId(record.recipients);
  return {
    kind: "rewrapped",
    message: `${file.path} in ${where} was re-wrapped by \`snapgate rekey\` at ${record.time} to recipient set ${set} (${record.recipients.join(", ")}); ${identity.join(", ")} is not in it.`,
    fix: `Verify or restore with the identity of one of ${record.recipients.join(", ")}. The old identity opens only copies from before the rekey (and, on a git store, the history).`
  };
}
function rootOnly(record) {
  return "files" in record ? record : { ...record, files: [] };
}

export {
  verifySnapshots
};
