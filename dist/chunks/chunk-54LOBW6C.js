import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);

// core/crypto/key-kind.ts
var KINDS = [
  { pattern: /^AGE-SECRET-KEY-1/i, name: "an age identity (a secret key)", secret: true },
  { pattern: /^AGE-PLUGIN-/i, name: "an age plugin identity (a secret key)", secret: true },
  {
    pattern: /^SNAPGATE-WRITER-KEY-1/i,
    name: "a Snapgate writer key (a secret key)",
    secret: true
  },
  {
    pattern: /^-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/,
    name: "a private key (a secret key)",
    secret: true
  },
  {
    pattern: /^(gh[pousr]_[A-Za-z0-9]{20,}|github_pat_)/,
    name: "a GitHub token (a secret)",
    secret: true
  },
  { pattern: /^age1/i, name: "an age recipient", secret: false },
  { pattern: /^sgw1/i, name: "a writer verify key", secret: false },
  { pattern: /^(ssh-|ecdsa-sha2-|sk-)/, name: "an SSH public key", secret: false }
];
function keyKind(text) {
  const trimmed = text.trim();
  const kind = KINDS.find((entry) => entry.pattern.test(trimmed));
  return kind ? { name: kind.name, secret: kind.secret } : null;
}

// core/crypto/describe-key-text.ts
function describeKeyText(text) {
  const kind = keyKind(text);
  const length = `${text.trim().length} characters`;
  if (!kind) return `a value of ${length}`;
  return kind.secret ? kind.name : `${kind.name} (${length})`;
}

export {
  keyKind,
  describeKeyText
};
