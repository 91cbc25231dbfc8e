/** An option or argument and its description, separated by two or more spaces. */
const ENTRY = /^(\S.*?) {2,}(\S.*)$/;

/**
 * Lays a command's help lines out in two columns. Commands write their help
 * lines with any spacing; aligning them here keeps every command's options
 * lined up however long its longest option is. A line that starts with
 * spaces continues the description above; a line with no gap is a note.
 */
export function alignHelpLines(lines: readonly string[]): string[] {
  const parsed = lines.map((line) => {
    if (/^\s/.test(line)) return { term: null, text: line.trim(), continues: true };
    const match = ENTRY.exec(line);
    return match
      ? { term: match[1] ?? "", text: match[2] ?? "", continues: false }
      : { term: null, text: line, continues: false };
  });
  const width = Math.max(0, ...parsed.map((entry) => entry.term?.length ?? 0));
  return parsed.map((entry) => {
    if (entry.term !== null) return `${entry.term.padEnd(width)}  ${entry.text}`;
    return entry.continues ? `${" ".repeat(width + 2)}${entry.text}` : entry.text;
  });
}
