import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  KEY_OPTIONS,
  loadOpener,
  loadWriterKey,
  trustedKeys
} from "./chunk-5AV4R2DH.js";
import {
  STORE_OPTION,
  openStore
} from "./chunk-3DD7AWWT.js";
import {
  EXIT_PROBLEMS
} from "./chunk-D6PZSJD3.js";
import {
  flag,
  json,
  listValue,
  stringValue
} from "./chunk-6P64A6B4.js";
import "./chunk-S5A4YI2O.js";
import "./chunk-PCQS3LOH.js";
import "./chunk-CPZT5EG3.js";
import "./chunk-AYS4OF2G.js";
import {
  rewrapRecordPath,
  trustedRewrapRecord
} from "./chunk-LNWDKVHM.js";
import {
  recipientSetId
} from "./chunk-PZ5T2MZR.js";
import {
  blobRefOf
} from "./chunk-CY3L4U4E.js";
import "./chunk-K3D2YTSH.js";
import {
  openManifest
} from "./chunk-7BAZV6R7.js";
import "./chunk-L3YJLP3Q.js";
import {
  loadSodium
} from "./chunk-AXJEESJ2.js";
import "./chunk-MVZIGVV4.js";
import {
  writerSigner
} from "./chunk-JAZ2OF6U.js";
import "./chunk-26DBSQQT.js";
import {
  canonicalJson
} from "./chunk-2NBA2BLU.js";
import "./chunk-ZITD4ZB6.js";
import "./chunk-K6EMEHOA.js";
import {
  OpenSslX25519Identity,
  OpenSslX25519Recipient,
  loadAge
} from "./chunk-FHIUXZPM.js";
import {
  distinctRecipients
} from "./chunk-RXFM76GD.js";
import {
  parseRecipient
} from "./chunk-6R3LO6XJ.js";
import "./chunk-54LOBW6C.js";
import {
  base64nopad
} from "./chunk-4NNPXXFU.js";
import {
  sha256Hex
} from "./chunk-U2VA4CFL.js";
import {
  blobPath
} from "./chunk-ZUEUDRMP.js";
import {
  SnapgateError,
  isSnapgateError
} from "./chunk-6KERQ4ZL.js";
import "./chunk-H5NHOGLY.js";

// core/rekey/rewrap-age-file.ts
import { createHmac, hkdfSync } from "node:crypto";

// core/crypto/byte-streams.ts
function toByteStream(bytes) {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    }
  });
}
async function readByteStream(stream) {
  const reader = stream.getReader();
  const chunks = [];
  let length = 0;
  for (; ; ) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    length += value.length;
  }
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

// core/rekey/rewrap-age-file.ts
var VERSION_LINE = "age-encryption.org/v1";
var ARMOR_HEADER = "-----BEGIN AGE ENCRYPTED FILE-----";
var MAX_HEADER = 64 * 1024;
function damaged(what, reason) {
  return new SnapgateError("INTEGRITY", `${what} is not a valid age v1 file: ${reason}.`, {
    fix: "The blob was altered or truncated in the store; restore from another snapshot, then run `snapgate verify --all`."
  });
}
function parseHeader(age, bytes, what) {
  const limit = Math.min(bytes.length, MAX_HEADER);
  const end = Buffer.from(bytes.subarray(0, limit)).indexOf("\n---");
  if (end < 0) throw damaged(what, "no header end");
  const macLineEnd = bytes.indexOf(10, end + 4);
  if (macLineEnd < 0) throw damaged(what, "no header MAC");
  const text = Buffer.from(bytes.subarray(0, end)).toString("latin1");
  const lines = text.split("\n");
  if (lines[0] !== VERSION_LINE) throw damaged(what, "not age v1");
  const stanzas = [];
  let index = 1;
  while (index < lines.length) {
    const line = lines[index++];
    if (!line.startsWith("-> ")) throw damaged(what, "a stanza without its -> line");
    const args = line.slice(3).split(" ");
    const body = [];
    for (; ; ) {
      const bodyLine = lines[index++];
      if (bodyLine === void 0) throw damaged(what, "a stanza body without its last line");
      body.push(bodyLine);
      if (bodyLine.length < 64) break;
    }
    stanzas.push(new age.Stanza(args, base64nopad.decode(body.join(""))));
  }
  const macLine = Buffer.from(bytes.subarray(end + 1, macLineEnd)).toString("latin1");
  if (!macLine.startsWith("--- ")) throw damaged(what, "a malformed MAC line");
  return {
    stanzas,
    mac: base64nopad.decode(macLine.slice(4)),
    headerNoMac: bytes.subarray(0, end + 4),
    payloadOffset: macLineEnd + 1
  };
}
function encodeHeaderNoMac(stanzas) {
  let text = `${VERSION_LINE}
`;
  for (const stanza of stanzas) {
    text += `-> ${stanza.args.join(" ")}
`;
    const body = base64nopad.encode(stanza.body);
    for (let at = 0; ; at += 64) {
      const line = body.slice(at, at + 64);
      text += `${line}
`;
      if (line.length < 64) break;
    }
  }
  return new TextEncoder().encode(`${text}---`);
}
function headerMac(fileKey, headerNoMac) {
  const key2 = Buffer.from(hkdfSync("sha256", fileKey, new Uint8Array(0), "header", 32));
  return new Uint8Array(createHmac("sha256", key2).update(headerNoMac).digest());
}
var FileKeyIdentity = class {
  constructor(fileKey) {
    this.fileKey = fileKey;
  }
  fileKey;
  unwrapFileKey() {
    return this.fileKey;
  }
};
async function rewrapAgeFile(age, bytes, identities, recipients, what) {
  const armored = Buffer.from(bytes.subarray(0, ARMOR_HEADER.length)).toString("latin1") === ARMOR_HEADER;
  const binary = armored ? age.armor.decode(Buffer.from(bytes).toString("utf8")) : bytes;
  const header = parseHeader(age, binary, what);
  let fileKey = null;
  for (const identity of identities) {
    fileKey = await identity.unwrapFileKey(header.stanzas);
    if (fileKey) break;
  }
  if (!fileKey) {
    throw new SnapgateError("WRONG_KEY", `No identity given can open ${what}.`, {
      fix: "Pass an identity (--identity) of the recipients the blob is sealed to now; a blob no identity opens cannot be re-wrapped, only sealed again from its plaintext by a new snapshot."
    });
  }
  if (!Buffer.from(headerMac(fileKey, header.headerNoMac)).equals(header.mac)) {
    throw damaged(what, "its header MAC does not match");
  }
  const stanzas = [];
  for (const recipient of recipients) stanzas.push(...await recipient.wrapFileKey(fileKey));
  const headerNoMac = encodeHeaderNoMac(stanzas);
  const payload = binary.subarray(header.payloadOffset);
  const rewrapped = Buffer.concat([
    headerNoMac,
    Buffer.from(` ${base64nopad.encode(headerMac(fileKey, headerNoMac))}
`, "latin1"),
    payload
  ]);
  const decrypter = new age.Decrypter();
  decrypter.addIdentity(new FileKeyIdentity(fileKey));
  try {
    await readByteStream(await decrypter.decrypt(toByteStream(rewrapped)));
  } catch (error) {
    throw damaged(what, `the payload does not authenticate (${error.message})`);
  } finally {
    fileKey.fill(0);
  }
  const out = armored ? new TextEncoder().encode(age.armor.encode(rewrapped)) : rewrapped;
  return { bytes: new Uint8Array(out), payloadLength: payload.length };
}

// core/rekey/sign-rewrap-record.ts
function signRewrapRecord(sodium, body, writer) {
  const signer = writerSigner(sodium, writer);
  const value = sodium.crypto_sign_detached(
    new TextEncoder().encode(canonicalJson(body)),
    signer.signingSecretKey
  );
  return {
    ...body,
    signature: {
      alg: "ed25519",
      key: signer.verifyKey,
      value: Buffer.from(value).toString("base64")
    }
  };
}

// core/rekey/rekey-store.ts
var DEFAULT_REKEY_BATCH = 100;
var key = (ref) => blobPath(ref);
async function rekeyStore(options) {
  const { store } = options;
  await store.assertExists();
  const recipients = distinctRecipients(options.recipients);
  if (recipients.length === 0) {
    throw new SnapgateError("USAGE", "No new recipient was given.", {
      fix: "Pass --recipient age1... for each key that should open the backups from now on."
    });
  }
  const batchSize = options.batchSize ?? DEFAULT_REKEY_BATCH;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new SnapgateError("USAGE", `A batch size of ${batchSize} blobs is not possible.`, {
      fix: "Pass --batch-size with a whole number of blobs, 1 or more (default 100)."
    });
  }
  if (!options.dryRun && !store.putBlob && !store.putBlobsWithRecords) {
    throw new SnapgateError("USAGE", `Re-keying ${store.location} is not supported.`, {
      fix: "Re-key a local directory store or a GitHub store (github://OWNER/REPO)."
    });
  }
  const [sodium, age] = await Promise.all([loadSodium(), loadAge()]);
  const set = recipientSetId(recipients);
  const identities = options.identities.map(
    (secret) => new OpenSslX25519Identity(secret)
  );
  const sealers = recipients.map(
    (recipient) => new OpenSslX25519Recipient(parseRecipient(recipient))
  );
  const ownKey = writerSigner(sodium, options.writerKey).verifyKey;
  const trusted = [.../* @__PURE__ */ new Set([...options.trustedKeys ?? [], ownKey])];
  const now = options.now ?? (() => /* @__PURE__ */ new Date());
  const result = {
    dryRun: options.dryRun === true,
    recipientSet: set,
    recipients,
    batchSize,
    batches: 0,
    blobs: [],
    skipped: []
  };
  const named = /* @__PURE__ */ new Map();
  const streams = options.streams?.length ? options.streams : await store.listStreams();
  for (const stream of streams) {
    const seqs = await store.listManifestSeqs(stream);
    const manifests = await Promise.all(seqs.map((seq) => store.readManifest(stream, seq)));
    for (const [index, bytes] of manifests.entries()) {
      if (!bytes) continue;
      const where = `manifest ${stream}@${seqs[index]}`;
      for (const file of (await openManifest(store, bytes, where)).files) {
        if (file.type === "file") named.set(key(blobRefOf(file)), blobRefOf(file));
      }
    }
  }
  const listed = await store.listBlobs();
  const present = new Set(listed.map(({ modifiedAt: _m, ...ref }) => key(ref)));
  const sealedToSet = /* @__PURE__ */ new Map();
  for (const { modifiedAt: _m, ...ref } of listed) {
    if (ref.recipientSet === set) sealedToSet.set(`${ref.id}/${ref.encoding}`, ref);
  }
  const recordPaths = new Set(await store.listRecords("rewraps"));
  const traced = [...named.values()].map((start) => ({
    start,
    current: start,
    retire: [],
    dangling: false
  }));
  for (let hop = 0; hop < 16; hop++) {
    const moving = traced.filter(
      (t) => !t.dangling && recordPaths.has(rewrapRecordPath(t.current))
    );
    if (moving.length === 0) break;
    const bytes = await Promise.all(
      moving.map((t) => store.readRecord(rewrapRecordPath(t.current)))
    );
    let moved = false;
    for (const [index, t] of moving.entries()) {
      const raw = bytes[index];
      const record = raw ? trustedRewrapRecord(sodium, raw, trusted) : void 0;
      if (!record || record.old.id !== t.current.id || record.old.sha256 !== t.current.sha256) {
        recordPaths.delete(rewrapRecordPath(t.current));
        continue;
      }
      if (!present.has(key(record.new)) && !recordPaths.has(rewrapRecordPath(record.new))) {
        t.dangling = true;
        continue;
      }
      if (present.has(key(t.current))) t.retire.push({ old: t.current, next: record.new });
      t.current = record.new;
      moved = true;
    }
    if (!moved) break;
  }
  const work = [];
  const resumable = [];
  for (const t of traced) {
    if (t.current.recipientSet === set && present.has(key(t.current))) {
      if (t.retire.length > 0) resumable.push(t);
      else
        result.blobs.push({
          old: t.start,
          new: t.current === t.start ? null : t.current,
          state: "current"
        });
      continue;
    }
    if (t.dangling) {
      result.skipped.push({
        ref: t.current,
        reason: "its re-wrap record names a blob that is missing from the store"
      });
      continue;
    }
    if (!present.has(key(t.current))) {
      result.skipped.push({ ref: t.current, reason: "missing from the store" });
      continue;
    }
    if (t.retire.length > 0) resumable.push(t);
    work.push(t.current);
  }
  const total = named.size;
  const progress = (batch, batches2) => options.onProgress?.({
    batch,
    batches: batches2,
    done: result.blobs.length + result.skipped.length,
    total
  });
  if (resumable.length > 0) {
    const pairs = resumable.flatMap((t) => t.retire);
    let good = pairs;
    if (!options.dryRun) {
      const intact = await readBackIntact(
        store,
        pairs.map((p) => p.next)
      );
      good = pairs.filter((_, index) => intact[index]);
      await retire(
        store,
        good.map((p) => p.old),
        options
      );
    }
    for (const t of resumable) {
      if (t.current.recipientSet !== set) continue;
      const ok = t.retire.every((p) => good.includes(p));
      if (ok) result.blobs.push({ old: t.start, new: t.current, state: "resumed" });
      else
        result.skipped.push({
          ref: t.current,
          reason: "its re-wrapped blob does not hash to what its record says; the old blob was kept"
        });
    }
    progress(0, Math.ceil(work.length / batchSize));
  }
  const batches = Math.ceil(work.length / batchSize);
  for (let batch = 0; batch < batches; batch++) {
    const refs = work.slice(batch * batchSize, (batch + 1) * batchSize);
    if (options.dryRun) {
      for (const old of refs) {
        const existing = sealedToSet.get(`${old.id}/${old.encoding}`);
        result.blobs.push({ old, new: existing ?? null, state: "would-rewrap" });
      }
      progress(batch + 1, batches);
      continue;
    }
    const oldBytes = await Promise.all(refs.map((ref) => store.readBlob(ref)));
    const prepared = [];
    for (const [index, old] of refs.entries()) {
      const bytes = oldBytes[index];
      if (!bytes || sha256Hex(bytes) !== old.sha256) {
        result.skipped.push({ ref: old, reason: "damaged: its bytes do not match its name" });
        continue;
      }
      let rewrapped;
      try {
        rewrapped = await rewrapAgeFile(age, bytes, identities, sealers, blobPath(old));
      } catch (error) {
        if (!isSnapgateError(error) || error.code !== "WRONG_KEY" && error.code !== "INTEGRITY") {
          throw error;
        }
        result.skipped.push({ ref: old, reason: error.summary });
        continue;
      }
      const existing = sealedToSet.get(`${old.id}/${old.encoding}`);
      const next = existing ?? {
        ...old,
        sha256: sha256Hex(rewrapped.bytes),
        recipientSet: set
      };
      const signed = signRewrapRecord(
        sodium,
        {
          format: "snapgate.rewrap/v1",
          old,
          new: next,
          recipients,
          payloadBytes: rewrapped.payloadLength,
          time: now().toISOString()
        },
        options.writerKey
      );
      prepared.push({
        old,
        next,
        ...existing ? {} : { bytes: rewrapped.bytes },
        record: {
          path: rewrapRecordPath(old),
          bytes: new TextEncoder().encode(`${JSON.stringify(signed, null, 2)}
`)
        }
      });
    }
    if (store.putBlobsWithRecords) {
      await store.putBlobsWithRecords(
        prepared.flatMap((p) => p.bytes ? [{ ...p.next, ciphertext: p.bytes }] : []),
        prepared.map((p) => p.record)
      );
      for (const p of prepared) await options.onStep?.("written", p.old);
      for (const p of prepared) await options.onStep?.("recorded", p.old);
    } else {
      for (const p of prepared) {
        if (p.bytes) {
          await store.putBlob?.({ ...p.next, ciphertext: p.bytes });
          await options.onStep?.("written", p.old);
        }
        await assertReadBack(store, [p]);
        await store.writeRecords([p.record]);
        await options.onStep?.("recorded", p.old);
      }
    }
    if (store.putBlobsWithRecords) await assertReadBack(store, prepared);
    await retire(
      store,
      prepared.map((p) => p.old),
      options
    );
    for (const p of prepared) {
      present.delete(key(p.old));
      present.add(key(p.next));
      sealedToSet.set(`${p.next.id}/${p.next.encoding}`, p.next);
      result.blobs.push({ old: p.old, new: p.next, state: "rewrapped" });
    }
    result.batches++;
    progress(batch + 1, batches);
  }
  return result;
}
async function readBackIntact(store, refs) {
  const bytes = await Promise.all(refs.map((ref) => store.readBlob(ref)));
  return refs.map((ref, index) => {
    const read = bytes[index];
    return read !== null && read !== void 0 && sha256Hex(read) === ref.sha256;
  });
}
async function assertReadBack(store, prepared) {
  const intact = await readBackIntact(
    store,
    prepared.map((p) => p.next)
  );
  const bad = prepared.find((_, index) => !intact[index]);
  if (bad) {
    throw new SnapgateError(
      "INTEGRITY",
      `The re-wrapped blob ${blobPath(bad.next)} did not read back intact; ${blobPath(bad.old)} was kept.`,
      { fix: "Check the store, then run rekey again: it resumes where it stopped." }
    );
  }
}
async function retire(store, olds, options) {
  if (olds.length === 0) return;
  await store.deleteBlobs(olds);
  for (const old of olds) await options.onStep?.("retired", old);
}

// cli/commands/rekey.ts
var rekeyCommand = {
  name: "rekey",
  summary: "Re-wrap every blob's file key for new recipients (only the age header changes), with a signed re-wrap record per blob",
  usage: "snapgate rekey --store STORE --identity FILE|--identity-command CMD --recipient age1... [--recipient ...] --writer-key FILE [--env ENV] [--verify-key sgw1...] [--batch-size N] [--dry-run] [--json]",
  help: [
    "--identity FILE       an identity that opens the blobs now (or SNAPGATE_IDENTITY)",
    "--identity-command CMD  read that identity from a secret manager's command instead",
    "--recipient KEY       a recipient of the new set (repeatable): every blob opens with these only",
    "--writer-key FILE     signs the re-wrap records (a key in keys.writers, or SNAPGATE_WRITER_KEY)",
    "--env ENV             only the blobs of this environment's snapshots",
    "--verify-key KEY      also follow earlier re-wrap records signed by this key (repeatable)",
    `--batch-size N        blobs per batch (default ${DEFAULT_REKEY_BATCH}); on GitHub two commits per batch: new blobs with their records, then the old blobs' removal`,
    "--dry-run             list what would be re-wrapped; change nothing",
    "progress: one line per batch on stderr",
    "interrupted (killed, a full disk, GitHub down)? run it again: it finishes each blob where it stopped",
    "on a git store the old blobs stay in history: only destroying the old identity removes access (docs/runbooks/rotate-recipients.md)",
    `exit codes: 0 done, ${EXIT_PROBLEMS} some blobs were skipped (listed)`
  ],
  json: "`{dryRun, recipientSet, recipients[], batchSize, batches, blobs: [{old, new, state}], skipped: [{ref, reason}]}`; `state`: `rewrapped`, `resumed` (an interrupted run's blob finished), `current` (already sealed to the set) or `would-rewrap` (dry run)",
  options: {
    ...STORE_OPTION,
    ...KEY_OPTIONS,
    recipient: { type: "string", multiple: true },
    env: { type: "string" },
    "batch-size": { type: "string" },
    "dry-run": { type: "boolean" }
  },
  async run(args, context) {
    const recipients = listValue(args, "recipient");
    if (recipients.length === 0) {
      throw new SnapgateError("USAGE", "--recipient is required.", {
        fix: `Name each key of the new recipient set. Usage: ${this.usage}`
      });
    }
    const opener = await loadOpener(args, context);
    if (!opener) {
      throw new SnapgateError("USAGE", "Re-keying needs an identity that opens the blobs now.", {
        fix: "Pass --identity FILE, --identity-command CMD or set SNAPGATE_IDENTITY."
      });
    }
    const batchText = stringValue(args, "batch-size");
    const batchSize = batchText === void 0 ? DEFAULT_REKEY_BATCH : Number(batchText);
    if (!/^\d+$/.test(batchText ?? "1") || !Number.isSafeInteger(batchSize) || batchSize < 1) {
      throw new SnapgateError("USAGE", `--batch-size '${batchText}' is not a number of blobs.`, {
        fix: `Give a whole number, 1 or more (default ${DEFAULT_REKEY_BATCH}).`
      });
    }
    const store = await openStore(args, context);
    const env = stringValue(args, "env");
    const result = await rekeyStore({
      store,
      identities: opener.secretKeys(),
      recipients,
      writerKey: await loadWriterKey(args, context, true),
      trustedKeys: trustedKeys(args, context),
      ...env ? { streams: [env] } : {},
      dryRun: flag(args, "dry-run"),
      batchSize,
      onProgress: ({ batch, batches, done, total }) => context.stderr(
        batch === 0 ? `rekey: finished an interrupted run's blobs (${done}/${total})
` : `rekey: batch ${batch}/${batches} done (${done}/${total} blobs)
`
      )
    });
    if (flag(args, "json")) {
      context.stdout(json(result));
    } else {
      const count = (state) => result.blobs.filter((blob) => blob.state === state).length;
      for (const skipped of result.skipped) {
        context.stdout(`skipped ${blobPath(skipped.ref)}: ${skipped.reason}
`);
      }
      context.stdout(
        result.dryRun ? `Would re-wrap ${count("would-rewrap")} blob(s) for recipient set ${result.recipientSet}; ${count("current")} already sealed to it.
` : `Re-wrapped ${count("rewrapped")} blob(s) for recipient set ${result.recipientSet} (${count("resumed")} finished from an interrupted run, ${count("current")} already sealed to it).
`
      );
    }
    return result.skipped.length === 0 ? 0 : EXIT_PROBLEMS;
  }
};
export {
  rekeyCommand
};
