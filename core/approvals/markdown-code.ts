/**
 * Controls, line and paragraph separators, and the invisible format
 * characters that reorder or hide text (bidi overrides and isolates,
 * zero-width characters): shown as \uXXXX so a crafted path or reason cannot
 * break a line or make a comment read differently from what it says.
 */
const INVISIBLE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u115f\u1160\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\u3164\ufeff]/g;

/**
 * Text from the store or from a comment (paths, reasons, metadata) as one
 * Markdown code span: nothing in it mentions anyone, links, or renders as
 * Markdown or HTML, and invisible characters are shown as escapes.
 */
export function markdownCode(text: string): string {
  const shown = text.replace(
    INVISIBLE,
    (character) => `\\u${(character.codePointAt(0) ?? 0).toString(16).padStart(4, "0")}`,
  );
  // A fence longer than any run of backticks inside, padded when the text starts or ends with one.
  const longest = Math.max(0, ...[...shown.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = "`".repeat(longest + 1);
  const pad = /^[` ]|[` ]$/.test(shown) || shown === "" ? " " : "";
  return `${fence}${pad}${shown}${pad}${fence}`;
}
