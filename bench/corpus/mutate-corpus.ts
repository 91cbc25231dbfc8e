import { readFile, rm, stat, writeFile, chmod } from "node:fs/promises";
import { join } from "node:path";
import { SnapgateError } from "../../core/errors.js";
import { listFiles } from "../harness/list-files.js";
import { FakeValues } from "./content/fake-values.js";
import { editValue } from "./edit-value.js";
import { generateFileContent } from "./generate-file-content.js";
import { kindOfPath } from "./kind-of-path.js";
import { SeededRandom } from "./seeded-random.js";
import { APPS, ENVIRONMENTS, REGIONS, TEAMS } from "./vocabulary.js";
import { withSuffix } from "./with-suffix.js";

export interface MutationOptions {
  /** Same seed on the same tree -> the same changes. Default 1. */
  seed?: number;
  /** Share of the files to touch, in (0, 1]. Default 0.01. */
  fraction?: number;
}

export interface MutationSummary {
  filesBefore: number;
  filesAfter: number;
  /** Relative POSIX paths, sorted. */
  changed: string[];
  added: string[];
  removed: string[];
}

/** Of the files touched, these shares are added and removed; the rest are edited. */
const ADD_SHARE = 0.15;
const REMOVE_SHARE = 0.15;
/** Added files are ordinary config files, whatever the size of the file they sit next to. */
const ADDED_MIN_BYTES = 1024;
const ADDED_MAX_BYTES = 32 * 1024;

/**
 * Changes about `fraction` of the files of a tree, deterministically: edits a
 * value in most of them, adds a few files next to existing ones and deletes
 * a few, as a deploy would. Returns what changed.
 */
export async function mutateCorpus(
  dir: string,
  options: MutationOptions = {},
): Promise<MutationSummary> {
  const seed = options.seed ?? 1;
  const fraction = options.fraction ?? 0.01;
  validate(seed, fraction);
  const paths = await listTree(dir);
  const rng = new SeededRandom(`corpus-mutate:${seed}`);

  const touched = Math.max(1, Math.round(fraction * paths.length));
  const addCount = Math.round(touched * ADD_SHARE);
  const removeCount = Math.min(Math.round(touched * REMOVE_SHARE), paths.length - 1);
  const editCount = Math.min(touched - addCount - removeCount, paths.length - removeCount);
  const shuffled = rng.shuffle(paths);
  const edits = shuffled.slice(0, editCount);
  const removals = shuffled.slice(editCount, editCount + removeCount);
  // New files sit next to files that stay, and take their format and mode.
  const survivors = shuffled.slice(editCount + removeCount).concat(edits);
  const templates = Array.from({ length: addCount }, () => rng.pick(survivors));

  for (const path of edits) {
    const file = join(dir, path);
    await writeFile(file, editValue(path, await readFile(file), rng));
  }
  for (const path of removals) await rm(join(dir, path));

  const taken = new Set(paths.map((path) => path.toLowerCase()));
  const added: string[] = [];
  for (const template of templates) {
    const path = freePath(
      withSuffix(template, rng.pick(["canary", "v2", "new", "override"])),
      taken,
    );
    const templateStat = await stat(join(dir, template));
    const size = Math.min(ADDED_MAX_BYTES, Math.max(ADDED_MIN_BYTES, templateStat.size));
    const fake = new FakeValues(new SeededRandom(`corpus-added:${seed}:${path}`));
    const appIndex = rng.int(0, APPS.length - 1);
    const content = generateFileContent(kindOfPath(path), fake, size, {
      app: APPS[appIndex] as string,
      team: TEAMS[appIndex % TEAMS.length] as string,
      env: rng.pick(ENVIRONMENTS),
      region: rng.pick(REGIONS),
    });
    const file = join(dir, path);
    await writeFile(file, content, { flag: "wx" });
    await chmod(file, templateStat.mode & 0o777);
    taken.add(path.toLowerCase());
    added.push(path);
  }

  return {
    filesBefore: paths.length,
    filesAfter: paths.length - removals.length + added.length,
    changed: edits.sort(),
    added: added.sort(),
    removed: removals.sort(),
  };
}

function validate(seed: number, fraction: number): void {
  if (!Number.isSafeInteger(seed)) {
    throw new SnapgateError("USAGE", `The mutation seed must be an integer, got ${seed}.`, {
      fix: "Pass a whole number such as 1.",
    });
  }
  if (!(fraction > 0 && fraction <= 1)) {
    throw new SnapgateError(
      "USAGE",
      `The mutation fraction must be above 0 and at most 1, got ${fraction}.`,
      { fix: "Pass a share of the files, such as 0.01 for 1%." },
    );
  }
}

async function listTree(dir: string): Promise<string[]> {
  let paths: string[];
  try {
    paths = await listFiles(dir);
  } catch (error) {
    throw new SnapgateError("NOT_FOUND", `Cannot read the corpus directory ${dir}.`, {
      fix: "Generate a corpus there first with generateCorpus().",
      cause: error,
    });
  }
  if (paths.length === 0) {
    throw new SnapgateError("USAGE", `The corpus directory ${dir} holds no files to mutate.`, {
      fix: "Generate a corpus there first with generateCorpus().",
    });
  }
  return paths;
}

/** `path`, or `path` with a number, whichever no other file uses (case-insensitively). */
function freePath(path: string, taken: Set<string>): string {
  for (let attempt = 1; ; attempt++) {
    const candidate = attempt === 1 ? path : withSuffix(path, attempt);
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}
