export interface KeyKind {
  /** What the text is, for messages: "an age identity (a secret key)". Never any of its characters. */
  name: string;
  /** A secret key: a message should say to move (and, once shared, rotate) it. */
  secret: boolean;
}

const KINDS: ReadonlyArray<{ pattern: RegExp } & KeyKind> = [
  { pattern: /^AGE-SECRET-KEY-1/i, name: "an age identity (a secret key)", secret: true },
  { pattern: /^AGE-PLUGIN-/i, name: "an age plugin identity (a secret key)", secret: true },
  {
    pattern: /^SNAPGATE-WRITER-KEY-1/i,
    name: "a Snapgate writer key (a secret key)",
    secret: true,
  },
  {
    pattern: /^-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/,
    name: "a private key (a secret key)",
    secret: true,
  },
  {
    pattern: /^(gh[pousr]_[A-Za-z0-9]{20,}|github_pat_)/,
    name: "a GitHub token (a secret)",
    secret: true,
  },
  { pattern: /^age1/i, name: "an age recipient", secret: false },
  { pattern: /^sgw1/i, name: "a writer verify key", secret: false },
  { pattern: /^(ssh-|ecdsa-sha2-|sk-)/, name: "an SSH public key", secret: false },
];

/**
 * What kind of key a piece of text is, from its prefix alone, so a message
 * about a key in the wrong place can name it without echoing any of it (a
 * pasted secret key must not end up in a CI log). Null for text that is no
 * kind of key Snapgate knows.
 */
export function keyKind(text: string): KeyKind | null {
  const trimmed = text.trim();
  const kind = KINDS.find((entry) => entry.pattern.test(trimmed));
  return kind ? { name: kind.name, secret: kind.secret } : null;
}
