import { parseIdentities } from "../../core/crypto/age-keys.js";
import { BlobOpener } from "../../core/crypto/blob-opener.js";
import { readIdentityCommand } from "../../core/crypto/read-identity-command.js";
import { isSnapgateError, SnapgateError } from "../../core/errors.js";
import { openerFromIdentityInput } from "./parse-secret-key.js";

/**
 * The identity from the `identity` input (a secret) or the `identity-command`
 * input (a secret manager's CLI on the runner; its output stays in memory and
 * is never logged). Undefined when neither is given; both is a usage error.
 */
export async function identityOpener(
  identity: string | undefined,
  command: string | undefined,
  context: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<BlobOpener | undefined> {
  if (identity && command) {
    throw new SnapgateError("USAGE", "Both identity and identity-command are given.", {
      fix: "Pass one: identity: ${{ secrets.SNAPGATE_IDENTITY }}, or identity-command: a command that prints the identity (e.g. vault kv get -field=identity secret/snapgate).",
    });
  }
  if (identity) return openerFromIdentityInput(identity);
  if (!command) return undefined;
  const text = await readIdentityCommand(command, { ...context, source: "The identity-command" });
  try {
    return await BlobOpener.create(parseIdentities(text, "The output of identity-command"));
  } catch (error) {
    if (!isSnapgateError(error, "CONFIG")) throw error;
    throw new SnapgateError("CONFIG", error.summary, {
      fix: "Make the command print only the identity file's text (AGE-SECRET-KEY-1... lines, # comments allowed), e.g. a single field of the secret.",
    });
  }
}
