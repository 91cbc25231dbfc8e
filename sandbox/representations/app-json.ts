import type { AppRecord, InstallationRecord } from "../state/entities.js";
import type { World } from "../state/world.js";
import { isoTime, nodeId, type SandboxUrls } from "./urls.js";
import { userJson } from "./user-json.js";

/** A GitHub App as `integration`. */
export function integrationJson(urls: SandboxUrls, world: World, app: AppRecord) {
  return {
    id: app.id,
    slug: app.slug,
    node_id: nodeId("A", app.id),
    client_id: app.clientId,
    owner: userJson(urls, app.owner),
    name: app.name,
    description: null,
    external_url: urls.html(`/apps/${app.slug}`),
    html_url: urls.html(`/apps/${app.slug}`),
    created_at: isoTime(app.createdAt),
    updated_at: isoTime(app.createdAt),
    permissions: { ...app.permissions },
    events: [...app.events],
    installations_count: [...world.installations.values()].filter(
      (installation) => installation.app === app,
    ).length,
  };
}

/** An installation as `installation` (REST and the installation webhook). */
export function installationJson(urls: SandboxUrls, installation: InstallationRecord) {
  const { app, account } = installation;
  return {
    id: installation.id,
    account: userJson(urls, account),
    repository_selection: installation.repositorySelection,
    access_tokens_url: urls.api(`/app/installations/${installation.id}/access_tokens`),
    repositories_url: urls.api("/installation/repositories"),
    html_url: urls.html(`/settings/installations/${installation.id}`),
    app_id: app.id,
    app_slug: app.slug,
    client_id: app.clientId,
    target_id: account.id,
    target_type: account.type === "Organization" ? "Organization" : "User",
    permissions: { ...app.permissions },
    events: [...app.events],
    created_at: isoTime(installation.createdAt),
    updated_at: isoTime(installation.createdAt),
    single_file_name: null,
    has_multiple_single_files: false,
    single_file_paths: [],
    suspended_by: null,
    suspended_at: null,
  };
}
