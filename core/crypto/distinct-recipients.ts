/** The recipients sorted, each once: a set's canonical form, and how messages list it. */
export function distinctRecipients(recipients: readonly string[]): string[] {
  return [...new Set(recipients)].sort();
}
