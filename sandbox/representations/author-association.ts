import type { RepoRecord, UserRecord } from "../state/entities.js";
import type { World } from "../state/world.js";

/** How GitHub labels a person's relation to a repository on issues and comments. */
export function authorAssociation(world: World, user: UserRecord, repo: RepoRecord): string {
  if (user.id === repo.owner.id) return "OWNER";
  if (world.orgs.get(repo.owner.login.toLowerCase())?.members.has(user.login.toLowerCase()))
    return "MEMBER";
  if (repo.collaborators.has(user.login.toLowerCase())) return "COLLABORATOR";
  return "NONE";
}
