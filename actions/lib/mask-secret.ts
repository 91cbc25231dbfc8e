import { setSecret } from "@actions/core";

/**
 * Registers a secret with the runner, line by line: the runner matches
 * masked values within a line, so a multi-line secret (an identity file) is
 * masked only if each line is. Comment lines (`# created: ...`, `# public key:
 * age1...`) are public and not masked, or every date in the log would be.
 */
export function maskSecret(secret: string): void {
  for (const line of secret.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (trimmed !== "" && !trimmed.startsWith("#")) setSecret(trimmed);
  }
}
