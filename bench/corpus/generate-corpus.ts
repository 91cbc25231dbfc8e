import { chmod, mkdir, readdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { SnapgateError } from "../../core/errors.js";
import { mapWithConcurrency } from "../../core/map-with-concurrency.js";
import { FakeValues } from "./content/fake-values.js";
import { generateFileContent } from "./generate-file-content.js";
import { MIN_CORPUS_FILES, planCorpus } from "./plan-corpus.js";
import { SeededRandom } from "./seeded-random.js";
import { summarizeCorpus, type CorpusSummary } from "./summarize-corpus.js";

export type { CorpusSummary } from "./summarize-corpus.js";

export interface CorpusOptions {
  /** Same seed, same options -> byte-identical tree (paths, contents, modes). Default 1. */
  seed?: number;
  /** Number of files. Default 2,000. */
  files?: number;
  /** Total size in bytes (SI: 25 MB = 25,000,000). Default 25,000,000. */
  targetBytes?: number;
}

export const DEFAULT_CORPUS = { seed: 1, files: 2000, targetBytes: 25_000_000 } as const;

/** The smallest average file size the generators can honour (their documents have a header). */
const MIN_BYTES_PER_FILE = 2048;

/**
 * Writes a deterministic, realistic deploy-repository tree into `dir` (new or
 * empty): Kubernetes, Helm, Terraform, .env, nginx, JSON, a few 1-5 MB files,
 * binary keystores and unicode names. Returns the summary of what was written.
 */
export async function generateCorpus(
  dir: string,
  options: CorpusOptions = {},
): Promise<CorpusSummary> {
  const seed = options.seed ?? DEFAULT_CORPUS.seed;
  const files = options.files ?? DEFAULT_CORPUS.files;
  const targetBytes = options.targetBytes ?? DEFAULT_CORPUS.targetBytes;
  validate(seed, files, targetBytes);
  await ensureEmptyDirectory(dir);

  const plan = planCorpus(seed, files, targetBytes);
  // Each file draws from its own stream, so its content depends on its path,
  // not on the order of generation.
  let remainingBudget = targetBytes;
  let remainingPlanned = plan.reduce((sum, file) => sum + file.targetBytes, 0);
  const contents = plan.map((file) => {
    const fake = new FakeValues(new SeededRandom(`corpus-file:${seed}:${file.path}`));
    // Small documents cannot shrink below their header; later files give the difference back.
    const scale = remainingPlanned > 0 ? Math.max(0, remainingBudget) / remainingPlanned : 0;
    const content = generateFileContent(file.kind, fake, file.targetBytes * scale, file.context);
    remainingBudget -= content.length;
    remainingPlanned -= file.targetBytes;
    return content;
  });

  const directories = [...new Set(plan.map((file) => dirname(join(dir, file.path))))];
  await mapWithConcurrency(directories, 16, (path) => mkdir(path, { recursive: true }));
  await mapWithConcurrency(plan, 16, async (file, index) => {
    const path = join(dir, file.path);
    await writeFile(path, contents[index] as Buffer, { flag: "wx" });
    // Explicit chmod: the mode given to writeFile is filtered by the umask.
    await chmod(path, file.mode);
  });
  return summarizeCorpus(dir);
}

function validate(seed: number, files: number, targetBytes: number): void {
  if (!Number.isSafeInteger(seed)) {
    throw new SnapgateError("USAGE", `The corpus seed must be an integer, got ${seed}.`, {
      fix: "Pass a whole number such as 1.",
    });
  }
  if (!Number.isSafeInteger(files) || files < MIN_CORPUS_FILES) {
    throw new SnapgateError(
      "USAGE",
      `The corpus needs at least ${MIN_CORPUS_FILES} files (one of each kind and every unicode name), got ${files}.`,
      { fix: `Pass files >= ${MIN_CORPUS_FILES}.` },
    );
  }
  if (!Number.isFinite(targetBytes) || targetBytes < files * MIN_BYTES_PER_FILE) {
    throw new SnapgateError(
      "USAGE",
      `targetBytes ${targetBytes} is too small for ${files} files: each file needs ${MIN_BYTES_PER_FILE} bytes on average.`,
      { fix: `Pass targetBytes >= ${files * MIN_BYTES_PER_FILE} or fewer files.` },
    );
  }
}

async function ensureEmptyDirectory(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const entries = await readdir(dir);
  if (entries.length > 0) {
    throw new SnapgateError(
      "USAGE",
      `The corpus directory ${dir} is not empty, so the tree would not match its seed.`,
      { fix: "Pass a new or empty directory." },
    );
  }
}
