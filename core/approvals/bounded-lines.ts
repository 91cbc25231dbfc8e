/** The most list lines (files, changes) one reply shows. */
export const MAX_LISTED_LINES = 300;
/** The most characters those lines take: GitHub refuses comments over 65,536 characters. */
export const MAX_LISTED_CHARACTERS = 50_000;

/**
 * `lines` up to the bounds, and a note of how many were left out (null when
 * none were): a huge snapshot gives a readable reply that says it is cut.
 */
export function boundedLines(lines: readonly string[]): { shown: string[]; note: string | null } {
  const shown: string[] = [];
  let characters = 0;
  for (const line of lines) {
    if (shown.length >= MAX_LISTED_LINES || characters + line.length + 1 > MAX_LISTED_CHARACTERS)
      break;
    shown.push(line);
    characters += line.length + 1;
  }
  const left = lines.length - shown.length;
  return {
    shown,
    note:
      left === 0
        ? null
        : `… and ${left} more not shown here (a comment has room for ${shown.length}); the CLI lists them all: \`snapgate show\` / \`snapgate diff\`.`,
  };
}
