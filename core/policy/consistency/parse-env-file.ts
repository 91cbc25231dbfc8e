/**
 * Variables of a .env file: KEY=value lines, optional `export `, # comments,
 * single quotes taken literally, double quotes with \n, \" and \\ escapes.
 */
export function parseEnvFile(text: string): Map<string, string> {
  const variables = new Map<string, string>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*)$/.exec(line);
    if (!match) continue;
    const value = match[2] as string;
    let parsed: string;
    if (value.startsWith("'")) {
      const end = value.indexOf("'", 1);
      parsed = end === -1 ? value.slice(1) : value.slice(1, end);
    } else if (value.startsWith('"')) {
      const body = /^"((?:[^"\\]|\\.)*)"/.exec(value)?.[1] ?? value.slice(1);
      parsed = body.replace(/\\(.)/g, (_, char: string) => (char === "n" ? "\n" : char));
    } else {
      parsed = value.replace(/\s+#.*$/, "").trim();
    }
    variables.set(match[1] as string, parsed);
  }
  return variables;
}
