import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  flag,
  json,
  requireValue
} from "./chunk-H7HHPLOE.js";
import {
  writeFileAtomic
} from "./chunk-WHUW7ABC.js";
import {
  formatWriterKeyFile,
  generateWriterKeyText,
  parseWriterKey,
  writerSigner
} from "./chunk-QGYJZUSD.js";
import "./chunk-ZITD4ZB6.js";
import {
  loadSodium
} from "./chunk-JFMH5QSK.js";
import {
  formatIdentityFile,
  generateAgeKeyPair
} from "./chunk-3BJVJWY4.js";
import "./chunk-RJWDBZ2U.js";
import {
  SnapgateError
} from "./chunk-6KERQ4ZL.js";
import "./chunk-HPEAIKBF.js";

// cli/commands/keygen.ts
import { resolve } from "node:path";
var keygenCommand = {
  name: "keygen",
  summary: "Create an age identity (decrypts backups) or, with --writer, a writer key (signs snapshots)",
  usage: "snapgate keygen [--writer] --out FILE [--force] [--json]",
  help: [
    "--out FILE      where to write the secret key (mode 0600); its public half is printed",
    "--writer        make a writer key (for the snapshot job) instead of an age identity",
    "--force         replace FILE if it exists"
  ],
  options: { out: { type: "string" }, writer: { type: "boolean" }, force: { type: "boolean" } },
  async run(args, context) {
    const out = resolve(
      context.cwd,
      requireValue(args, "out", this, "Name the file for the new secret key.")
    );
    const now = /* @__PURE__ */ new Date();
    const sodium = await loadSodium();
    let text;
    let publicKey;
    if (flag(args, "writer")) {
      const keyText = generateWriterKeyText();
      publicKey = writerSigner(sodium, parseWriterKey(keyText, "new key")).verifyKey;
      text = formatWriterKeyFile(keyText, publicKey, now);
    } else {
      const pair = generateAgeKeyPair(sodium);
      publicKey = pair.recipient;
      text = formatIdentityFile(pair, now);
    }
    const written = await writeFileAtomic(out, text, {
      mode: 384,
      exactMode: true,
      exclusive: !flag(args, "force")
    });
    if (!written) {
      throw new SnapgateError("USAGE", `${out} already exists; a key was not overwritten.`, {
        fix: "Choose another --out, or pass --force if you really mean to replace that key (data encrypted to it stays readable only with the old one)."
      });
    }
    const kind = flag(args, "writer") ? "writer" : "identity";
    if (flag(args, "json")) {
      context.stdout(
        json(
          kind === "writer" ? { file: out, verifyKey: publicKey } : { file: out, recipient: publicKey }
        )
      );
    } else {
      context.stderr(
        kind === "writer" ? `Wrote a writer key to ${out} (keep it as the snapshot job's secret). Its verify key (public, for keys.writers in the policy):
` : `Wrote an age identity to ${out} (keep it secret; it decrypts backups). Its recipient (public, for keys.recipients in the policy):
`
      );
      context.stdout(`${publicKey}
`);
    }
    return 0;
  }
};
export {
  keygenCommand
};
