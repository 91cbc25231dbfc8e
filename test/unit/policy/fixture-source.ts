import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { PolicyRef, PolicySource } from "../../../core/policy/policy-source.js";

export const FIXTURES = join(
  dirname(fileURLToPath(import.meta.url)),
  "..",
  "..",
  "fixtures",
  "policy",
);

/**
 * Policy fixtures as a PolicySource: the repository itself is the fixtures
 * directory; another repository owner/repo is fixtures/repos/owner/repo (the
 * owner defaults to acme, as a local checkout does not know its owner).
 */
export function fixtureSource(): PolicySource & { reads: PolicyRef[] } {
  const reads: PolicyRef[] = [];
  return {
    reads,
    async read(ref) {
      reads.push(ref);
      const file =
        ref.repo === undefined
          ? join(FIXTURES, ref.path)
          : join(FIXTURES, "repos", ref.owner ?? "acme", ref.repo, ref.path);
      try {
        return await readFile(file, "utf8");
      } catch {
        return null;
      }
    },
  };
}
