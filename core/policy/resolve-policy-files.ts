import { LineCounter, isMap, parseDocument, type Document } from "yaml";
import { SnapgateError } from "../errors.js";
import { locateYamlLine } from "./locate-yaml-line.js";
import type { PolicyProblem } from "./policy-problem.js";
import { formatPolicyRef, type PolicyRef, type PolicySource } from "./policy-source.js";

/** One parsed file of an `_extends` chain. */
export interface PolicyFile {
  ref: PolicyRef;
  /** The name used in messages. */
  display: string;
  document: Document;
  lineCounter: LineCounter;
  /** The top-level mapping without `_extends`; null when the file did not parse as one. */
  data: Record<string, unknown> | null;
}

export interface ResolvedPolicyFiles {
  /** The entry file first, then what it extends, in order. */
  files: PolicyFile[];
  problems: PolicyProblem[];
}

/** More than this many `_extends` hops is refused: a longer chain is a mistake, not a design. */
export const MAX_EXTENDS_DEPTH = 5;
/** Policies are small; a huge file is refused before parsing. */
export const MAX_POLICY_BYTES = 256 * 1024;

/**
 * Probot's `_extends` grammar (@probot/octokit-plugin-config): an optional
 * owner (a GitHub login), a repository name, and an optional `:path` ending in
 * .yml or .yaml.
 */
const EXTENDS_PATTERN =
  /^(?:([a-z\d](?:[a-z\d]|-(?=[a-z\d])){0,38})\/)?([-_.\w]+)(?::([-_./\w]+\.ya?ml))?$/i;
const EXTENDS_FORMS =
  "write repo, owner/repo, repo:path.yml or owner/repo:path.yml (e.g. .github:snapgate-org.yml)";

/**
 * Reads the entry policy and every file it extends, following Probot's rules:
 * a missing owner is the entry repository's owner, a missing path is the entry
 * path, and when the repository itself has no policy file the owner's `.github`
 * repository is tried at the same path. Unlike Probot, an `_extends` that names
 * a missing file is an error (a gate must not silently lose its keys), and
 * chains are limited to MAX_EXTENDS_DEPTH hops.
 */
export async function resolvePolicyFiles(
  source: PolicySource,
  entry: PolicyRef,
): Promise<ResolvedPolicyFiles> {
  const files: PolicyFile[] = [];
  const problems: PolicyProblem[] = [];

  let ref = entry;
  let text = await source.read(entry);
  if (
    text === null &&
    entry.owner !== undefined &&
    entry.repo !== undefined &&
    entry.repo !== ".github"
  ) {
    ref = { owner: entry.owner, repo: ".github", path: entry.path };
    text = await source.read(ref);
  }
  if (text === null) {
    throw new SnapgateError("CONFIG", `No Snapgate policy at ${entry.path}.`, {
      fix: `Create ${entry.path} (docs/policy.md shows a complete example) on the default branch.`,
      details: { problems: [] },
    });
  }

  for (;;) {
    const file = parsePolicyFile(ref, entry, text, problems);
    files.push(file);
    const extendsValue = file.data?.["_extends"];
    if (file.data) delete file.data["_extends"];
    if (extendsValue === undefined || extendsValue === null) break;

    const problemAtExtends = (message: string, fix: string): void => {
      problems.push({
        file: file.display,
        line: locateYamlLine(file.document, file.lineCounter, ["_extends"]),
        path: "_extends",
        message,
        fix,
      });
    };
    const match = typeof extendsValue === "string" ? EXTENDS_PATTERN.exec(extendsValue) : null;
    if (!match) {
      problemAtExtends(`${JSON.stringify(extendsValue)} is not a policy reference`, EXTENDS_FORMS);
      break;
    }
    const next: PolicyRef = {
      ...(match[1] !== undefined || entry.owner !== undefined
        ? { owner: match[1] ?? entry.owner }
        : {}),
      repo: match[2] as string,
      path: match[3] ?? entry.path,
    };
    const nextDisplay = formatPolicyRef(next, entry);
    const seen = files.find(
      (loaded) =>
        loaded.ref.owner === next.owner &&
        loaded.ref.repo === next.repo &&
        loaded.ref.path === next.path,
    );
    if (seen) {
      const chain = [...files.map((loaded) => loaded.display), nextDisplay].join(" -> ");
      problemAtExtends(
        `'${extendsValue}' makes a cycle: ${chain}`,
        "remove _extends from one of these files",
      );
      break;
    }
    if (files.length > MAX_EXTENDS_DEPTH) {
      problemAtExtends(
        `'${extendsValue}' goes deeper than ${MAX_EXTENDS_DEPTH} levels of _extends`,
        "extend the organisation's base policy directly instead of through a chain",
      );
      break;
    }
    const nextText = await source.read(next);
    if (nextText === null) {
      problemAtExtends(
        `'${extendsValue}' names ${nextDisplay}, which does not exist or cannot be read`,
        `create that file or correct _extends (${EXTENDS_FORMS})`,
      );
      break;
    }
    ref = next;
    text = nextText;
  }
  return { files, problems };
}

function parsePolicyFile(
  ref: PolicyRef,
  entry: PolicyRef,
  text: string,
  problems: PolicyProblem[],
): PolicyFile {
  const display = formatPolicyRef(ref, entry);
  const lineCounter = new LineCounter();
  if (text.length > MAX_POLICY_BYTES) {
    problems.push({
      file: display,
      line: null,
      path: "",
      message: `the file is larger than ${MAX_POLICY_BYTES / 1024} KiB`,
      fix: "a policy is a few hundred lines; move generated lists out of it",
    });
    return { ref, display, document: parseDocument("", { lineCounter }), lineCounter, data: null };
  }
  const document = parseDocument(text, {
    lineCounter,
    merge: true,
    prettyErrors: false,
    uniqueKeys: true,
  });
  for (const error of document.errors) {
    const line = lineCounter.linePos(error.pos[0]).line;
    const firstLine = error.message.split("\n")[0] as string;
    problems.push({
      file: display,
      line: line === 0 ? 1 : line,
      path: "",
      message: `YAML syntax error: ${firstLine.replace(/ at line \d+, column \d+:?$/, "")}`,
      fix: "correct the YAML (indentation with spaces, quotes around values with : or #)",
    });
  }
  if (document.errors.length > 0) return { ref, display, document, lineCounter, data: null };
  if (document.contents === null) return { ref, display, document, lineCounter, data: {} };
  if (!isMap(document.contents)) {
    problems.push({
      file: display,
      line: 1,
      path: "",
      message: "the policy is not a mapping of keys",
      fix: "start the file with top-level keys such as keys:, tiers: and environments:",
    });
    return { ref, display, document, lineCounter, data: null };
  }
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    problems.push({
      file: display,
      line: null,
      path: "",
      message: `the YAML cannot be read: ${(error as Error).message}`,
      fix: "use fewer aliases (*name); write the values out",
    });
    return { ref, display, document, lineCounter, data: null };
  }
  return { ref, display, document, lineCounter, data: data as Record<string, unknown> };
}
