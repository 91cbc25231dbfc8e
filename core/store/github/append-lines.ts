/** A JSON-lines file's text with `lines` appended (a missing final newline added first). */
export function appendLines(existing: string, lines: readonly string[]): string {
  const base = existing === "" || existing.endsWith("\n") ? existing : `${existing}\n`;
  return base + lines.map((line) => `${line}\n`).join("");
}
