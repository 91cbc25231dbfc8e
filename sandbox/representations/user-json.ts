import type { UserRecord } from "../state/entities.js";
import { nodeId, type SandboxUrls } from "./urls.js";

/** A user, bot or organization as `simple-user`. */
export function userJson(urls: SandboxUrls, user: UserRecord) {
  // Bot logins end in "[bot]", which GitHub percent-encodes in URLs.
  const api = urls.api(`/users/${encodeURIComponent(user.login)}`);
  const html =
    user.type === "Bot"
      ? urls.html(`/apps/${encodeURIComponent(user.login.replace(/\[bot\]$/, ""))}`)
      : urls.html(`/${user.login}`);
  return {
    login: user.login,
    id: user.id,
    node_id: nodeId(
      user.type === "Organization" ? "O" : user.type === "Bot" ? "BOT" : "U",
      user.id,
    ),
    avatar_url: urls.api(`/avatars/u/${user.id}`),
    gravatar_id: "",
    url: api,
    html_url: html,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: user.type,
    user_view_type: "public",
    site_admin: false,
  };
}
