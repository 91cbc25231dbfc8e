import type { AuditActor } from "../core/audit/audit-event.js";
import type { CliContext } from "./command.js";

/** Who audit events name: the workflow run when the CLI runs in one (GITHUB_* variables), else the CLI. */
export function cliActor(context: CliContext): AuditActor {
  const { GITHUB_ACTOR, GITHUB_RUN_ID, GITHUB_REPOSITORY, GITHUB_SERVER_URL } = context.env;
  if (!GITHUB_RUN_ID || !GITHUB_REPOSITORY) return { kind: "cli" };
  return {
    kind: "workflow",
    ...(GITHUB_ACTOR ? { login: GITHUB_ACTOR } : {}),
    run: `${GITHUB_SERVER_URL ?? "https://github.com"}/${GITHUB_REPOSITORY}/actions/runs/${GITHUB_RUN_ID}`,
  };
}
