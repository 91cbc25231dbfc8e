import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  readIdentityCommand
} from "./chunk-AYS4OF2G.js";
import {
  openerFromIdentityInput
} from "./chunk-WF5IQUBH.js";
import {
  BlobOpener
} from "./chunk-K6EMEHOA.js";
import {
  parseIdentities
} from "./chunk-6R3LO6XJ.js";
import {
  SnapgateError,
  isSnapgateError
} from "./chunk-6KERQ4ZL.js";

// actions/lib/identity-opener.ts
async function identityOpener(identity, command, context) {
  if (identity && command) {
    throw new SnapgateError("USAGE", "Both identity and identity-command are given.", {
      fix: "Pass one: identity: ${{ secrets.SNAPGATE_IDENTITY }}, or identity-command: a command that prints the identity (e.g. vault kv get -field=identity secret/snapgate)."
    });
  }
  if (identity) return openerFromIdentityInput(identity);
  if (!command) return void 0;
  const text = await readIdentityCommand(command, { ...context, source: "The identity-command" });
  try {
    return await BlobOpener.create(parseIdentities(text, "The output of identity-command"));
  } catch (error) {
    if (!isSnapgateError(error, "CONFIG")) throw error;
    throw new SnapgateError("CONFIG", error.summary, {
      fix: "Make the command print only the identity file's text (AGE-SECRET-KEY-1... lines, # comments allowed), e.g. a single field of the secret."
    });
  }
}

export {
  identityOpener
};
