import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);

// cli/cli-actor.ts
function cliActor(context) {
  const { GITHUB_ACTOR, GITHUB_RUN_ID, GITHUB_REPOSITORY, GITHUB_SERVER_URL } = context.env;
  if (!GITHUB_RUN_ID || !GITHUB_REPOSITORY) return { kind: "cli" };
  return {
    kind: "workflow",
    ...GITHUB_ACTOR ? { login: GITHUB_ACTOR } : {},
    run: `${GITHUB_SERVER_URL ?? "https://github.com"}/${GITHUB_REPOSITORY}/actions/runs/${GITHUB_RUN_ID}`
  };
}

export {
  cliActor
};
