/** A commit author or committer as git records it: seconds since the epoch plus a UTC offset. */
export interface GitSignature {
  name: string;
  email: string;
  /** Seconds since the epoch. */
  time: number;
  /** Offset from UTC in minutes, east positive (git's "+0200" is 120). */
  offsetMinutes: number;
}

export interface CommitObject {
  tree: string;
  parents: string[];
  author: GitSignature;
  committer: GitSignature;
  message: string;
  /** An armored signature (gpgsig header), if the commit is signed. */
  signature?: string;
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const absolute = Math.abs(minutes);
  const hours = String(Math.floor(absolute / 60)).padStart(2, "0");
  return `${sign}${hours}${String(absolute % 60).padStart(2, "0")}`;
}

function formatSignature(signature: GitSignature): string {
  return `${signature.name} <${signature.email}> ${signature.time} ${formatOffset(signature.offsetMinutes)}`;
}

function parseSignature(text: string): GitSignature {
  const match = /^(.*) <(.*)> (\d+) ([+-])(\d\d)(\d\d)$/.exec(text);
  if (!match) return { name: text, email: "", time: 0, offsetMinutes: 0 };
  const [, name, email, time, sign, hours, minutes] = match as unknown as string[];
  const offset = Number(hours) * 60 + Number(minutes);
  return {
    name: name!,
    email: email!,
    time: Number(time),
    offsetMinutes: sign === "-" ? -offset : offset,
  };
}

export function encodeCommit(commit: CommitObject): Buffer {
  const lines = [`tree ${commit.tree}`, ...commit.parents.map((parent) => `parent ${parent}`)];
  lines.push(`author ${formatSignature(commit.author)}`);
  lines.push(`committer ${formatSignature(commit.committer)}`);
  if (commit.signature) lines.push(`gpgsig ${commit.signature.split("\n").join("\n ")}`);
  return Buffer.from(`${lines.join("\n")}\n\n${commit.message}`);
}

export function parseCommit(content: Buffer): CommitObject {
  const text = content.toString("utf8");
  const split = text.indexOf("\n\n");
  const header = split === -1 ? text : text.slice(0, split);
  const message = split === -1 ? "" : text.slice(split + 2);
  const commit: CommitObject = {
    tree: "",
    parents: [],
    author: parseSignature(""),
    committer: parseSignature(""),
    message,
  };
  let lastKey = "";
  for (const line of header.split("\n")) {
    if (line.startsWith(" ")) {
      // A continuation line of a multi-line header (gpgsig, mergetag).
      if (lastKey === "gpgsig") commit.signature += `\n${line.slice(1)}`;
      continue;
    }
    const space = line.indexOf(" ");
    const key = line.slice(0, space);
    const value = line.slice(space + 1);
    lastKey = key;
    if (key === "tree") commit.tree = value;
    else if (key === "parent") commit.parents.push(value);
    else if (key === "author") commit.author = parseSignature(value);
    else if (key === "committer") commit.committer = parseSignature(value);
    else if (key === "gpgsig") commit.signature = value;
  }
  return commit;
}
