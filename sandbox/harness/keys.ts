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
import {
  appSigner,
  generateAppKeyText,
  parseAppKey,
  type AppKey,
} from "../../core/crypto/app-key.js";
import type { ApprovalRequest } from "../../core/approvals/approval-request.js";
import { signApprovalRequest } from "../../core/approvals/request-signature.js";

export interface TestKeys {
  age: AgeKeyPair;
  writerText: string;
  writer: WriterKey;
  /** The writer key's public verify key (sgw1...). */
  verifyKey: string;
  opener: BlobOpener;
  /** The Snapgate App's key: signs request records. */
  appText: string;
  app: AppKey;
  /** Its public verify key (sga1...), for keys.app. */
  appVerifyKey: string;
}

export async function makeKeys(): Promise<TestKeys> {
  const sodium = await loadSodium();
  const age = generateAgeKeyPair(sodium);
  const writerText = generateWriterKeyText();
  const appText = generateAppKeyText();
  const app = parseAppKey(appText, "test");
  return {
    age,
    writerText,
    writer: parseWriterKey(writerText, "test"),
    verifyKey: writerSigner(sodium, parseWriterKey(writerText, "test")).verifyKey,
    opener: await BlobOpener.create(parseIdentities(age.identity, "test")),
    appText,
    app,
    appVerifyKey: appSigner(sodium, app).verifyKey,
  };
}

/** Signs a request record with an app key, as the Snapgate App does. */
export async function signRequest(
  request: Omit<ApprovalRequest, "signature">,
  key: AppKey,
): Promise<ApprovalRequest> {
  return signApprovalRequest(await loadSodium(), request, key);
}
