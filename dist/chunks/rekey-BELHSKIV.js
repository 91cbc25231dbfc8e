import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  KEY_OPTIONS,
  loadOpener,
  loadWriterKey,
  trustedKeys
} from "./chunk-EDN7UZ6D.js";
import {
  EXIT_PROBLEMS
} from "./chunk-D6PZSJD3.js";
import {
  STORE_OPTION,
  openStore
} from "./chunk-OCVFHPJN.js";
import {
  flag,
  json,
  listValue,
  stringValue
} from "./chunk-6P64A6B4.js";
import "./chunk-TZ3MBBSZ.js";
import "./chunk-ECMEO24E.js";
import "./chunk-AYS4OF2G.js";
import {
  rewrapRecordPath,
  trustedRewrapRecord
} from "./chunk-LNWDKVHM.js";
import {
  blobRefOf
} from "./chunk-YTP4PIXP.js";
import {
  recipientSetId
} from "./chunk-PZ5T2MZR.js";
import "./chunk-K3D2YTSH.js";
import {
  openManifest
} from "./chunk-M575O3TB.js";
import {
  loadSodium
} from "./chunk-JFMH5QSK.js";
import "./chunk-YBRVLGIF.js";
import {
  writerSigner
} from "./chunk-JAZ2OF6U.js";
import {
  blobPath
} from "./chunk-C7E5BCWB.js";
import {
  canonicalJson
} from "./chunk-2NBA2BLU.js";
import "./chunk-ZITD4ZB6.js";
import "./chunk-NF2MCW7R.js";
import {
  OpenSslX25519Identity,
  OpenSslX25519Recipient,
  loadAge,
  readByteStream,
  toByteStream
} from "./chunk-VZZ5TX74.js";
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
  SnapgateError,
  isSnapgateError
} from "./chunk-6KERQ4ZL.js";
import "./chunk-HPEAIKBF.js";

// core/rekey/rewrap-age-file.ts
import { createHmac, hkdfSync } from "node:crypto";
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
  if (!options.dryRun && !store.putBlob) {
    throw new SnapgateError("USAGE", `Re-keying ${store.location} is not supported yet.`, {
      fix: "Re-key a local directory store (a clone of the backup repository's blobs), or wait for GitHub store support (issue 13)."
    });
  }
  const [sodium, age] = await Promise.all([loadSodium(), loadAge()]);
  const set = recipientSetId(recipients);
  const identities = options.identities.map(
    (secret) => new OpenSslX25519Identity(secret)
  );
  const sealers = recipients.map(
    (recipient) => new OpenSslX25519Recipient(age, parseRecipient(recipient))
  );
  const ownKey = writerSigner(sodium, options.writerKey).verifyKey;
  const trusted = [.../* @__PURE__ */ new Set([...options.trustedKeys ?? [], ownKey])];
  const now = options.now ?? (() => /* @__PURE__ */ new Date());
  const result = {
    dryRun: options.dryRun === true,
    recipientSet: set,
    recipients,
    blobs: [],
    skipped: []
  };
  const named = /* @__PURE__ */ new Map();
  const streams = options.streams?.length ? options.streams : await store.listStreams();
  for (const stream of streams) {
    for (const seq of await store.listManifestSeqs(stream)) {
      const bytes = await store.readManifest(stream, seq);
      if (!bytes) continue;
      for (const file of (await openManifest(store, bytes, `manifest ${stream}@${seq}`)).files) {
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
  for (const start of named.values()) {
    let current = start;
    let resumed = false;
    let dangling = false;
    for (let hop = 0; hop < 16; hop++) {
      const bytes = await store.readRecord(rewrapRecordPath(current));
      const record = bytes ? trustedRewrapRecord(sodium, bytes, trusted) : void 0;
      if (!record) break;
      if (!present.has(key(record.new))) {
        dangling = true;
        break;
      }
      if (present.has(key(current))) {
        if (!options.dryRun) await retire(store, current, options);
        present.delete(key(current));
        resumed = true;
      }
      current = record.new;
    }
    if (current.recipientSet === set && present.has(key(current))) {
      result.blobs.push({
        old: start,
        new: current === start ? null : current,
        state: resumed ? "resumed" : "current"
      });
      continue;
    }
    if (dangling) {
      result.skipped.push({
        ref: current,
        reason: "its re-wrap record names a blob that is missing from the store"
      });
      continue;
    }
    if (!present.has(key(current))) {
      result.skipped.push({ ref: current, reason: "missing from the store" });
      continue;
    }
    const existing = sealedToSet.get(`${current.id}/${current.encoding}`);
    if (options.dryRun) {
      result.blobs.push({ old: current, new: existing ?? null, state: "would-rewrap" });
      continue;
    }
    let next;
    let payloadBytes;
    const oldBytes = await store.readBlob(current);
    if (!oldBytes || sha256Hex(oldBytes) !== current.sha256) {
      result.skipped.push({ ref: current, reason: "damaged: its bytes do not match its name" });
      continue;
    }
    try {
      const rewrapped = await rewrapAgeFile(age, oldBytes, identities, sealers, blobPath(current));
      payloadBytes = rewrapped.payloadLength;
      if (existing) {
        next = existing;
      } else {
        next = { ...current, sha256: sha256Hex(rewrapped.bytes), recipientSet: set };
        await store.putBlob?.({ ...next, ciphertext: rewrapped.bytes });
        await options.onStep?.("written", current);
      }
    } catch (error) {
      if (!isSnapgateError(error) || error.code !== "WRONG_KEY" && error.code !== "INTEGRITY") {
        throw error;
      }
      result.skipped.push({ ref: current, reason: error.summary });
      continue;
    }
    const readBack = await store.readBlob(next);
    if (!readBack || sha256Hex(readBack) !== next.sha256) {
      throw new SnapgateError(
        "INTEGRITY",
        `The re-wrapped blob ${blobPath(next)} did not read back intact; ${blobPath(current)} was kept.`,
        { fix: "Check the store's disk, then run rekey again: it resumes where it stopped." }
      );
    }
    const signed = signRewrapRecord(
      sodium,
      {
        format: "snapgate.rewrap/v1",
        old: current,
        new: next,
        recipients,
        payloadBytes,
        time: now().toISOString()
      },
      options.writerKey
    );
    await store.writeRecords([
      {
        path: rewrapRecordPath(current),
        bytes: new TextEncoder().encode(`${JSON.stringify(signed, null, 2)}
`)
      }
    ]);
    await options.onStep?.("recorded", current);
    await retire(store, current, options);
    present.delete(key(current));
    present.add(key(next));
    sealedToSet.set(`${next.id}/${next.encoding}`, next);
    result.blobs.push({ old: current, new: next, state: "rewrapped" });
  }
  return result;
}
async function retire(store, old, options) {
  await store.deleteBlobs([old]);
  await options.onStep?.("retired", old);
}

// cli/commands/rekey.ts
var rekeyCommand = {
  name: "rekey",
  summary: "Re-wrap every blob's file key for new recipients (only the age header changes), with a signed re-wrap record per blob",
  usage: "snapgate rekey --store STORE --identity FILE|--identity-command CMD --recipient age1... [--recipient ...] --writer-key FILE [--env ENV] [--verify-key sgw1...] [--dry-run] [--json]",
  help: [
    "--identity FILE       an identity that opens the blobs now (or SNAPGATE_IDENTITY)",
    "--identity-command CMD  read that identity from a secret manager's command instead",
    "--recipient KEY       a recipient of the new set (repeatable): every blob opens with these only",
    "--writer-key FILE     signs the re-wrap records (a key in keys.writers, or SNAPGATE_WRITER_KEY)",
    "--env ENV             only the blobs of this environment's snapshots",
    "--verify-key KEY      also follow earlier re-wrap records signed by this key (repeatable)",
    "--dry-run             list what would be re-wrapped; change nothing",
    "interrupted (killed, a full disk)? run it again: it finishes each blob where it stopped",
    "on a git store the old blobs stay in history: see docs/runbooks/rotate-recipients.md",
    `exit codes: 0 done, ${EXIT_PROBLEMS} some blobs were skipped (listed)`
  ],
  json: "`{dryRun, recipientSet, recipients[], blobs: [{old, new, state}], skipped: [{ref, reason}]}`; `state`: `rewrapped`, `resumed` (an interrupted run's blob finished), `current` (already sealed to the set) or `would-rewrap` (dry run)",
  options: {
    ...STORE_OPTION,
    ...KEY_OPTIONS,
    recipient: { type: "string", multiple: true },
    env: { type: "string" },
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
    const store = await openStore(args, context);
    const env = stringValue(args, "env");
    const result = await rekeyStore({
      store,
      identities: opener.secretKeys(),
      recipients,
      writerKey: await loadWriterKey(args, context, true),
      trustedKeys: trustedKeys(args, context),
      ...env ? { streams: [env] } : {},
      dryRun: flag(args, "dry-run")
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
