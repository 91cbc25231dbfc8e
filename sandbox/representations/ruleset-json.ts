import type { RepoRecord, RulesetRecord } from "../state/entities.js";
import { isoTime, nodeId, type SandboxUrls } from "./urls.js";

/** A repository ruleset as `repository-ruleset`; the list endpoint omits rules and conditions. */
export function rulesetJson(
  urls: SandboxUrls,
  repo: RepoRecord,
  ruleset: RulesetRecord,
  detail: {
    full: boolean;
    currentUserCanBypass: "always" | "never";
    /** Shown only to those who may edit the ruleset. */
    bypassActors?: boolean;
  },
) {
  const summary = {
    id: ruleset.id,
    name: ruleset.name,
    target: ruleset.target,
    source_type: "Repository",
    source: repo.fullName,
    enforcement: ruleset.enforcement,
    node_id: nodeId("RRS", ruleset.id),
    _links: {
      self: { href: urls.repoApi(repo.fullName, `/rulesets/${ruleset.id}`) },
      html: { href: urls.html(`/${repo.fullName}/rules/${ruleset.id}`) },
    },
    created_at: isoTime(ruleset.createdAt),
    updated_at: isoTime(ruleset.updatedAt),
  };
  if (!detail.full) return summary;
  return {
    ...summary,
    ...(detail.bypassActors
      ? {
          bypass_actors: ruleset.bypassActors.map((actor) => ({
            actor_id: actor.actor_id,
            actor_type: actor.actor_type,
            bypass_mode: actor.bypass_mode ?? "always",
          })),
        }
      : {}),
    current_user_can_bypass: detail.currentUserCanBypass,
    conditions: { ref_name: { include: [...ruleset.include], exclude: [...ruleset.exclude] } },
    rules: ruleset.rules.map((rule) => ({ ...rule })),
  };
}
