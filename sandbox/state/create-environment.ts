import type { EnvironmentRecord, RepoRecord } from "./entities.js";
import { newSecretBox } from "./secret-box.js";
import type { World } from "./world.js";

/**
 * The repository's environment `name`, created unprotected when missing: by
 * the REST API, or by GitHub itself when a job first names it.
 */
export function ensureEnvironment(
  world: World,
  repo: RepoRecord,
  name: string,
  now: Date,
): EnvironmentRecord {
  const existing = repo.environments.get(name.toLowerCase());
  if (existing) return existing;
  const environment: EnvironmentRecord = {
    id: world.nextId("environment"),
    name,
    repo,
    createdAt: now,
    updatedAt: now,
    branchPolicy: null,
    branchPolicies: [],
    protectionRules: [],
    // GitHub's default for a new environment.
    canAdminsBypass: true,
    secrets: new Map(),
    secretBox: newSecretBox(String(world.nextId("secretKey"))),
  };
  repo.environments.set(name.toLowerCase(), environment);
  return environment;
}
