import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  githubError,
  githubMessage,
  httpStatus
} from "./chunk-AHAZ4DV7.js";
import "./chunk-MAIPYA2J.js";
import {
  SnapgateError
} from "./chunk-6KERQ4ZL.js";
import "./chunk-H5NHOGLY.js";

// core/github/github-alert-issues.ts
import { randomUUID } from "node:crypto";

// core/operations/health-alert.ts
var ALERT_LABEL = "snapgate-alert";

// core/github/claim-ref.ts
async function claimRef(client, where, ref, sha) {
  try {
    await client.rest.git.createRef({ owner: where.owner, repo: where.repo, ref, sha });
    return true;
  } catch (error) {
    if (httpStatus(error) === 422 && /already exists/i.test(githubMessage(error))) return false;
    throw githubError(error, `creating ${ref}`, `${where.owner}/${where.repo}`);
  }
}

// core/github/github-alert-issues.ts
var toIssue = (data) => ({
  number: data.number,
  url: data.html_url,
  state: data.state === "closed" ? "closed" : "open",
  body: data.body ?? ""
});
function alertClaimRef(issues, key) {
  return `refs/snapgate/alerts/${issues.owner}/${issues.repo}/${key}`;
}
function githubAlertIssues(options) {
  const { client, issues, backup } = options;
  const where = `${issues.owner}/${issues.repo}`;
  const staleClaimMs = options.staleClaimMs ?? 10 * 6e4;
  const fail = (doing, place = where) => (error) => {
    const status = httpStatus(error);
    if (place === where && (status === 403 || status === 404)) {
      throw new SnapgateError(
        "PERMISSION",
        `GitHub answered ${status} while ${doing} in ${where}: ${githubMessage(error)}.`,
        {
          fix: `Check the repository name, and that the token may use its issues: the Snapgate App (issues: write) installed on ${where}, its token minted for both ${where} and the backup repository (create-github-app-token's repositories).`,
          cause: error
        }
      );
    }
    throw githubError(error, doing, place, false);
  };
  async function claimCommit(parent, message) {
    const tree = (await client.request("GET /repos/{owner}/{repo}/git/commits/{commit_sha}", {
      owner: backup.owner,
      repo: backup.repo,
      commit_sha: parent
    })).data.tree.sha;
    return (await client.rest.git.createCommit({
      owner: backup.owner,
      repo: backup.repo,
      tree,
      parents: [parent],
      message
    })).data.sha;
  }
  return {
    where,
    async list() {
      const found = [];
      for (let page = 1; ; page++) {
        const { data } = await client.request("GET /repos/{owner}/{repo}/issues", {
          owner: issues.owner,
          repo: issues.repo,
          labels: ALERT_LABEL,
          state: "all",
          per_page: 100,
          page
        }).catch(fail("listing the alert issues"));
        found.push(...data.filter((d) => !d.pull_request).map(toIssue));
        if (data.length < 100) return found;
      }
    },
    async create(title, body) {
      const { data } = await client.request("POST /repos/{owner}/{repo}/issues", {
        owner: issues.owner,
        repo: issues.repo,
        title,
        body,
        labels: [ALERT_LABEL]
      }).catch(fail("opening an alert issue"));
      return toIssue(data);
    },
    async update(number, change) {
      await client.request("PATCH /repos/{owner}/{repo}/issues/{issue_number}", {
        owner: issues.owner,
        repo: issues.repo,
        issue_number: number,
        ...change.body !== void 0 ? { body: change.body } : {},
        ...change.state ? { state: change.state, state_reason: "completed" } : {}
      }).catch(fail(`updating alert issue #${number}`));
    },
    async comment(number, body) {
      await client.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
        owner: issues.owner,
        repo: issues.repo,
        issue_number: number,
        body
      }).catch(fail(`commenting on alert issue #${number}`));
    },
    /**
     * Creates the claim ref at a commit only this call made, so a retried
     * creation recognises its own claim. A claim older than staleClaimMs
     * whose issue never appeared is taken over by a fast-forward update from
     * the commit seen: of several takers, one moves the ref.
     */
    async claim(key) {
      const place = `${backup.owner}/${backup.repo}`;
      const ref = alertClaimRef(issues, key);
      const message = `snapgate: claim alert ${where} ${key} (${randomUUID()})`;
      const head = (await client.request("GET /repos/{owner}/{repo}/git/ref/{ref}", {
        owner: backup.owner,
        repo: backup.repo,
        ref: `heads/${backup.branch}`
      }).catch(fail(`reading ${backup.branch}`, place))).data.object.sha;
      const mine = await claimCommit(head, message).catch(fail(`claiming ${ref}`, place));
      if (await claimRef(client, backup, ref, mine)) return true;
      const held = (await client.request("GET /repos/{owner}/{repo}/git/ref/{ref}", {
        owner: backup.owner,
        repo: backup.repo,
        ref: ref.slice("refs/".length)
      }).catch(fail(`reading ${ref}`, place))).data.object.sha;
      if (held === mine) return true;
      const heldCommit = await client.request("GET /repos/{owner}/{repo}/git/commits/{commit_sha}", {
        owner: backup.owner,
        repo: backup.repo,
        commit_sha: held
      }).catch(fail(`reading ${ref}`, place));
      const age = options.now().getTime() - Date.parse(heldCommit.data.committer.date ?? "");
      if (!(age > staleClaimMs)) return false;
      const takeover = await claimCommit(held, `${message}: the claim of ${held} is stale`).catch(
        fail(`claiming ${ref}`, place)
      );
      try {
        await client.rest.git.updateRef({
          owner: backup.owner,
          repo: backup.repo,
          ref: ref.slice("refs/".length),
          sha: takeover,
          force: false
        });
        return true;
      } catch (error) {
        if (httpStatus(error) === 422 && /fast.forward/i.test(githubMessage(error))) return false;
        throw githubError(error, `claiming ${ref}`, place, false);
      }
    }
  };
}
export {
  alertClaimRef,
  githubAlertIssues
};
