/**
 * Splits a value path: `db.schemaVersion`, `servers[0].port`, `["key.with.dots"].x`.
 * Returns null when the path is malformed.
 */
export function parseValuePath(path: string): (string | number)[] | null {
  const segments: (string | number)[] = [];
  let rest = path;
  let first = true;
  while (rest.length > 0) {
    const index = /^\[(\d+)\]/.exec(rest);
    const quoted = /^\["((?:[^"\\]|\\.)*)"\]/.exec(rest);
    const plain = first ? /^([^.[\]]+)/.exec(rest) : /^\.([^.[\]]+)/.exec(rest);
    if (index) {
      segments.push(Number(index[1]));
      rest = rest.slice(index[0].length);
    } else if (quoted) {
      segments.push(JSON.parse(`"${quoted[1] as string}"`) as string);
      rest = rest.slice(quoted[0].length);
    } else if (plain) {
      segments.push(plain[1] as string);
      rest = rest.slice(plain[0].length);
    } else {
      return null;
    }
    first = false;
  }
  return segments.length > 0 ? segments : null;
}
