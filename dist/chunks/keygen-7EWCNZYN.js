import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  flag,
  json,
  requireValue
} from "./chunk-6P64A6B4.js";
import {
  writeFileAtomic
} from "./chunk-CPZT5EG3.js";
import {
  loadSodium
} from "./chunk-AXJEESJ2.js";
import {
  appSigner,
  formatAppKeyFile,
  generateAppKeyText,
  parseAppKey
} from "./chunk-WPITP5OQ.js";
import {
  formatWriterKeyFile,
  generateWriterKeyText,
  parseWriterKey,
  writerSigner
} from "./chunk-JAZ2OF6U.js";
import "./chunk-ZITD4ZB6.js";
import {
  formatIdentityFile,
  generateAgeKeyPair
} from "./chunk-6R3LO6XJ.js";
import "./chunk-54LOBW6C.js";
import "./chunk-4NNPXXFU.js";
import {
  SnapgateError
} from "./chunk-6KERQ4ZL.js";
import "./chunk-H5NHOGLY.js";

// cli/commands/keygen.ts
import { resolve } from "node:path";
var keygenCommand = {
  name: "keygen",
  summary: "Create an age identity (decrypts backups), a writer key (--writer: signs snapshots) or an app key (--app: signs request records)",
  usage: "snapgate keygen [--writer | --app] --out FILE [--force] [--json]",
  help: [
    "--out FILE      where to write the secret key (mode 0600); its public half is printed",
    "--writer        make a writer key (for the snapshot job) instead of an age identity",
    "--app           make an app key (for the Snapgate App: SNAPGATE_SIGNING_KEY); its sga1... verify key goes in keys.app",
    "--force         replace FILE if it exists"
  ],
  json: "`{file, recipient}`, or `{file, verifyKey}` with `--writer` or `--app`",
  options: {
    out: { type: "string" },
    writer: { type: "boolean" },
    app: { type: "boolean" },
    force: { type: "boolean" }
  },
  async run(args, context) {
    const out = resolve(
      context.cwd,
      requireValue(args, "out", this, "Name the file for the new secret key.")
    );
    if (flag(args, "writer") && flag(args, "app")) {
      throw new SnapgateError("USAGE", "--writer and --app make different keys; give one.", {
        fix: `Run keygen once for each key. Usage: ${this.usage}`
      });
    }
    const now = /* @__PURE__ */ new Date();
    const sodium = await loadSodium();
    let text;
    let publicKey;
    if (flag(args, "app")) {
      const keyText = generateAppKeyText();
      publicKey = appSigner(sodium, parseAppKey(keyText, "new key")).verifyKey;
      text = formatAppKeyFile(keyText, publicKey, now);
    } else if (flag(args, "writer")) {
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
    const kind = flag(args, "app") ? "app" : flag(args, "writer") ? "writer" : "identity";
    if (flag(args, "json")) {
      context.stdout(
        json(
          kind === "identity" ? { file: out, recipient: publicKey } : { file: out, verifyKey: publicKey }
        )
      );
    } else {
      context.stderr(
        {
          writer: `Wrote a writer key to ${out} (keep it as the snapshot job's secret). Its verify key (public, for keys.writers in the policy):
`,
          app: `Wrote an app key to ${out} (keep it as the Snapgate App's secret SNAPGATE_SIGNING_KEY; it signs request records). Its verify key (public, for keys.app in the policy):
`,
          identity: `Wrote an age identity to ${out} (keep it secret; it decrypts backups). Its recipient (public, for keys.recipients in the policy):
`
        }[kind]
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
