import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  githubError
} from "./chunk-AHAZ4DV7.js";
import "./chunk-MAIPYA2J.js";
import "./chunk-6KERQ4ZL.js";
import "./chunk-H5NHOGLY.js";

// core/github/prune-gate-locks.ts
var GATE_LOCK_PREFIX = "refs/snapgate/checks/";
var MAX_PAGES = 20;
var DAY_MS = 24 * 60 * 60 * 1e3;
async function pruneGateLocks(client, where, now, options) {
  const yesterday = new Date(now.getTime() - DAY_MS).toISOString().slice(0, 10);
  const location = `${where.owner}/${where.repo}`;
  const deleted = [];
  let kept = 0;
  for (let page = 0; page < MAX_PAGES; page++) {
    let names;
    try {
      const result = await client.graphql(
        `query($owner: String!, $name: String!, $prefix: String!) {
          repository(owner: $owner, name: $name) { refs(refPrefix: $prefix, first: 100) { nodes { name } } }
        }`,
        { owner: where.owner, name: where.repo, prefix: GATE_LOCK_PREFIX }
      );
      names = (result.repository?.refs.nodes ?? []).map(
        (node) => node.name.startsWith(GATE_LOCK_PREFIX) ? node.name.slice(GATE_LOCK_PREFIX.length) : node.name
      );
    } catch (error) {
      throw githubError(error, "listing the gate's lock refs", location);
    }
    const dead = names.filter((name) => !deleted.includes(name) && name.slice(0, 10) < yesterday);
    kept = names.filter((name) => name.slice(0, 10) >= yesterday).length;
    if (dead.length === 0) break;
    for (const name of dead) {
      if (!options.dryRun) {
        try {
          await client.request("DELETE /repos/{owner}/{repo}/git/refs/{ref}", {
            owner: where.owner,
            repo: where.repo,
            ref: `${GATE_LOCK_PREFIX.slice("refs/".length)}${name}`
          });
        } catch (error) {
          throw githubError(error, `deleting ${GATE_LOCK_PREFIX}${name}`, location, false);
        }
      }
      deleted.push(name);
    }
    if (options.dryRun || names.length < 100) break;
  }
  return { deleted: deleted.map((name) => `${GATE_LOCK_PREFIX}${name}`), kept };
}
export {
  GATE_LOCK_PREFIX,
  pruneGateLocks
};
