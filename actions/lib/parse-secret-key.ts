import { BlobOpener } from "../../core/crypto/blob-opener.js";
import { parseIdentities } from "../../core/crypto/age-keys.js";
import { parseWriterKey, type WriterKey } from "../../core/crypto/writer-key.js";
import { isSnapgateError, SnapgateError } from "../../core/errors.js";

/** The writer-key input, with a fix that speaks of secrets rather than the CLI's files. */
export function parseWriterKeyInput(text: string): WriterKey {
  try {
    return parseWriterKey(text, "The writer-key input");
  } catch (error) {
    if (!isSnapgateError(error, "CONFIG")) throw error;
    throw new SnapgateError("CONFIG", error.summary, {
      fix: "Store the contents of the file `snapgate keygen --writer --out FILE` writes (SNAPGATE-WRITER-KEY-1...) as a secret and pass writer-key: ${{ secrets.SNAPGATE_WRITER_KEY }}.",
    });
  }
}

/** The identity input (the restore environment's secret) as a blob opener. */
export async function openerFromIdentityInput(text: string): Promise<BlobOpener> {
  try {
    return await BlobOpener.create(parseIdentities(text, "The identity input"));
  } catch (error) {
    if (!isSnapgateError(error, "CONFIG")) throw error;
    throw new SnapgateError("CONFIG", error.summary, {
      fix: "Store the age identity file (AGE-SECRET-KEY-1..., from `snapgate keygen` or `age-keygen`) as a secret of the restore environment and pass identity: ${{ secrets.SNAPGATE_IDENTITY }}.",
    });
  }
}
