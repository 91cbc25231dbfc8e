import { loadSodium } from "../../core/crypto/sodium.js";
import {
  generateAgeKeyPair,
  parseIdentities,
  type AgeKeyPair,
} from "../../core/crypto/age-keys.js";
import {
  generateWriterKeyText,
  parseWriterKey,
  writerSigner,
  type WriterKey,
} from "../../core/crypto/writer-key.js";
import { BlobOpener } from "../../core/crypto/blob-opener.js";

export interface TestKeys {
  age: AgeKeyPair;
  writerText: string;
  writer: WriterKey;
  /** The writer key's public verify key (sgw1...). */
  verifyKey: string;
  opener: BlobOpener;
}

export async function makeKeys(): Promise<TestKeys> {
  const sodium = await loadSodium();
  const age = generateAgeKeyPair(sodium);
  const writerText = generateWriterKeyText();
  return {
    age,
    writerText,
    writer: parseWriterKey(writerText, "test"),
    verifyKey: writerSigner(sodium, parseWriterKey(writerText, "test")).verifyKey,
    opener: await BlobOpener.create(parseIdentities(age.identity, "test")),
  };
}
