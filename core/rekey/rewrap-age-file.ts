import { createHmac, hkdfSync } from "node:crypto";
import { base64nopad } from "@scure/base";
import type { Identity, Recipient, Stanza } from "age-encryption";
import type { AgeLibrary } from "../crypto/age-library.js";
import { readByteStream, toByteStream } from "../crypto/byte-streams.js";
import { SnapgateError } from "../errors.js";

/**
 * age v1 (https://age-encryption.org/v1): a text header of recipient stanzas
 * and a MAC keyed from the 16-byte file key, then the binary payload (a
 * 16-byte nonce and the STREAM ciphertext, keyed from the file key and the
 * nonce). Re-wrapping unwraps the file key with an old identity, wraps it for
 * the new recipients and writes a new header and MAC before the same payload
 * bytes: the payload is never decrypted, and no plaintext is written anywhere.
 */
const VERSION_LINE = "age-encryption.org/v1";
const ARMOR_HEADER = "-----BEGIN AGE ENCRYPTED FILE-----";
const MAX_HEADER = 64 * 1024;

export interface RewrapResult {
  /** The new file: new header, the old payload bytes unchanged. */
  bytes: Uint8Array;
  /** The old file's payload offset and length (equal in the new file after its header). */
  payloadLength: number;
}

interface ParsedHeader {
  stanzas: Stanza[];
  mac: Uint8Array;
  /** The header bytes up to and including "---" (what the MAC covers). */
  headerNoMac: Uint8Array;
  /** Where the payload starts. */
  payloadOffset: number;
}

function damaged(what: string, reason: string): SnapgateError {
  return new SnapgateError("INTEGRITY", `${what} is not a valid age v1 file: ${reason}.`, {
    fix: "The blob was altered or truncated in the store; restore from another snapshot, then run `snapgate verify --all`.",
  });
}

function parseHeader(age: AgeLibrary, bytes: Uint8Array, what: string): ParsedHeader {
  const limit = Math.min(bytes.length, MAX_HEADER);
  const end = Buffer.from(bytes.subarray(0, limit)).indexOf("\n---");
  if (end < 0) throw damaged(what, "no header end");
  const macLineEnd = bytes.indexOf(0x0a, end + 4);
  if (macLineEnd < 0) throw damaged(what, "no header MAC");
  const text = Buffer.from(bytes.subarray(0, end)).toString("latin1");
  const lines = text.split("\n");
  if (lines[0] !== VERSION_LINE) throw damaged(what, "not age v1");
  const stanzas: Stanza[] = [];
  let index = 1;
  while (index < lines.length) {
    const line = lines[index++] as string;
    if (!line.startsWith("-> ")) throw damaged(what, "a stanza without its -> line");
    const args = line.slice(3).split(" ");
    const body: string[] = [];
    for (;;) {
      const bodyLine = lines[index++];
      if (bodyLine === undefined) throw damaged(what, "a stanza body without its last line");
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
    payloadOffset: macLineEnd + 1,
  };
}

function encodeHeaderNoMac(stanzas: readonly Stanza[]): Uint8Array {
  let text = `${VERSION_LINE}\n`;
  for (const stanza of stanzas) {
    text += `-> ${stanza.args.join(" ")}\n`;
    const body = base64nopad.encode(stanza.body);
    // Lines of 64 columns; the last one is always shorter (possibly empty).
    for (let at = 0; ; at += 64) {
      const line = body.slice(at, at + 64);
      text += `${line}\n`;
      if (line.length < 64) break;
    }
  }
  return new TextEncoder().encode(`${text}---`);
}

function headerMac(fileKey: Uint8Array, headerNoMac: Uint8Array): Uint8Array {
  const key = Buffer.from(hkdfSync("sha256", fileKey, new Uint8Array(0), "header", 32));
  return new Uint8Array(createHmac("sha256", key).update(headerNoMac).digest());
}

/** Hands a known file key to the age library's decrypter: checks a new header and payload without any identity. */
class FileKeyIdentity implements Identity {
  constructor(private readonly fileKey: Uint8Array) {}
  unwrapFileKey(): Uint8Array {
    return this.fileKey;
  }
}

/**
 * Re-wraps an age file (binary or armored, kept as it was) for new
 * recipients. The old header's MAC is checked with the unwrapped file key
 * first; the new file is checked end to end (header MAC and every payload
 * chunk, decrypted in memory and dropped) before it is returned.
 */
export async function rewrapAgeFile(
  age: AgeLibrary,
  bytes: Uint8Array,
  identities: readonly Identity[],
  recipients: readonly Recipient[],
  what: string,
): Promise<RewrapResult> {
  const armored =
    Buffer.from(bytes.subarray(0, ARMOR_HEADER.length)).toString("latin1") === ARMOR_HEADER;
  const binary = armored ? age.armor.decode(Buffer.from(bytes).toString("utf8")) : bytes;
  const header = parseHeader(age, binary, what);
  let fileKey: Uint8Array | null = null;
  for (const identity of identities) {
    fileKey = await identity.unwrapFileKey(header.stanzas);
    if (fileKey) break;
  }
  if (!fileKey) {
    throw new SnapgateError("WRONG_KEY", `No identity given can open ${what}.`, {
      fix: "Pass an identity (--identity) of the recipients the blob is sealed to now; a blob no identity opens cannot be re-wrapped, only sealed again from its plaintext by a new snapshot.",
    });
  }
  if (!Buffer.from(headerMac(fileKey, header.headerNoMac)).equals(header.mac)) {
    throw damaged(what, "its header MAC does not match");
  }
  const stanzas: Stanza[] = [];
  for (const recipient of recipients) stanzas.push(...(await recipient.wrapFileKey(fileKey)));
  const headerNoMac = encodeHeaderNoMac(stanzas);
  const payload = binary.subarray(header.payloadOffset);
  const rewrapped = Buffer.concat([
    headerNoMac,
    Buffer.from(` ${base64nopad.encode(headerMac(fileKey, headerNoMac))}\n`, "latin1"),
    payload,
  ]);
  // End to end: the new header parses, its MAC holds, and every payload chunk authenticates.
  const decrypter = new age.Decrypter();
  decrypter.addIdentity(new FileKeyIdentity(fileKey));
  try {
    await readByteStream(await decrypter.decrypt(toByteStream(rewrapped)));
  } catch (error) {
    throw damaged(what, `the payload does not authenticate (${(error as Error).message})`);
  } finally {
    fileKey.fill(0);
  }
  const out = armored ? new TextEncoder().encode(age.armor.encode(rewrapped)) : rewrapped;
  return { bytes: new Uint8Array(out), payloadLength: payload.length };
}
