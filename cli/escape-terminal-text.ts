/**
 * Characters a terminal acts on instead of printing: C0 controls except
 * newline and tab, DEL, C1 controls (U+0080-U+009F, e.g. CSI) and the bidi
 * controls that reorder what is shown (Trojan Source).
 */
const CONTROL =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Shows control characters as escapes (\x1b, \u202e), so a file name or
 * metadata value from a crafted store or tree cannot move the cursor, erase
 * lines, set the window title or reorder a line on the user's terminal.
 */
export function escapeTerminalText(text: string): string {
  return text.replace(CONTROL, (character) => {
    const code = character.charCodeAt(0);
    return code <= 0xff
      ? `\\x${code.toString(16).padStart(2, "0")}`
      : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}
