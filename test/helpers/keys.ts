import { loadSodium } from "../../core/crypto/sodium.js";
import {
  generateAgeKeyPair,
  parseIdentities,
  type AgeKeyPair,
} from "../../core/crypto/age-keys.js";
import {
  generateWriterKeyText,
  parseWriterKey,
  type WriterKey,
} from "../../core/crypto/writer-key.js";
import { BlobOpener } from "../../core/crypto/blob-opener.js";

export interface TestKeys {
  age: AgeKeyPair;
  writerText: string;
  writer: WriterKey;
  opener: BlobOpener;
}

export async function makeKeys(): Promise<TestKeys> {
  const sodium = await loadSodium();
  const age = generateAgeKeyPair(sodium);
  const writerText = generateWriterKeyText();
  return {
    age,
    writerText,
    writer: parseWriterKey(sodium, writerText, "test"),
    opener: new BlobOpener(sodium, parseIdentities(age.identity, "test")),
  };
}
