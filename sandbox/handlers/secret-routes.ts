import { apiError } from "../http/api-error.js";
import type { RequestContext, RouteDefinition } from "../http/route.js";
import { isoTime } from "../representations/urls.js";
import type { RepoRecord, SecretBox, SecretRecord } from "../state/entities.js";
import { openSealedSecret } from "../state/secret-box.js";
import type { World } from "../state/world.js";
import { environmentOf } from "./environment-routes.js";
import { paginate } from "./paginate.js";
import { repoOf } from "./request-helpers.js";

const DOCS = "https://docs.github.com/rest/actions/secrets";

function publicKeyJson(box: SecretBox) {
  return { key_id: box.keyId, key: box.publicKey.toString("base64") };
}

function secretJson(secret: SecretRecord) {
  return {
    name: secret.name,
    created_at: isoTime(secret.createdAt),
    updated_at: isoTime(secret.updatedAt),
  };
}

/**
 * GitHub's naming rules for secrets: letters, digits and underscores, not
 * starting with a digit or GITHUB_. Names are case-insensitive and stored
 * upper-cased.
 */
function secretName(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) || /^GITHUB_/i.test(name)) {
    throw apiError(
      422,
      "Secret names can only contain alphanumeric characters ([a-z], [A-Z], [0-9]) or underscores (_), must not start with a number or GITHUB_.",
      { documentationUrl: DOCS },
    );
  }
  return name.toUpperCase();
}

/** Opens the sealed value with the key pair the sandbox published and stores it: 201 new, 204 updated. */
async function putSecret(
  context: RequestContext,
  secrets: Map<string, SecretRecord>,
  box: SecretBox,
) {
  const name = secretName(context.params.secret_name!);
  const body = context.body as { encrypted_value: string; key_id: string };
  if (body.key_id !== box.keyId) {
    throw apiError(
      422,
      `key_id ${body.key_id} is not the current public key's id (${box.keyId}).`,
      {
        documentationUrl: DOCS,
      },
    );
  }
  const value = await openSealedSecret(box, body.encrypted_value);
  if (value === null) {
    throw apiError(
      422,
      "encrypted_value is not a libsodium sealed box for the public key of key_id.",
      { documentationUrl: DOCS },
    );
  }
  const existing = secrets.get(name);
  if (existing) {
    existing.value = value;
    existing.updatedAt = context.now;
    return { status: 204 };
  }
  secrets.set(name, { name, value, createdAt: context.now, updatedAt: context.now });
  return { status: 201, body: {} };
}

function listSecrets(context: RequestContext, secrets: SecretRecord[], path: string) {
  const page = paginate(context, secrets, path);
  return {
    status: 200,
    headers: page.headers,
    body: { total_count: secrets.length, secrets: page.items.map(secretJson) },
  };
}

/** The organization secrets a repository's workflows receive (visibility and selection). */
export function orgSecretsFor(world: World, repo: RepoRecord): SecretRecord[] {
  const org = world.orgs.get(repo.owner.login.toLowerCase());
  if (!org) return [];
  return [...org.secrets.values()].filter(
    (secret) =>
      secret.visibility === "all" ||
      (secret.visibility === "private" && repo.private) ||
      secret.repositoryIds.has(repo.id),
  );
}

/** Repository, organization and environment secrets: names and sealed writes, never values. */
export const secretRoutes: RouteDefinition[] = [
  {
    operationId: "actions/get-repo-public-key",
    method: "GET",
    path: "/repos/{owner}/{repo}/actions/secrets/public-key",
    access: { scope: "repo", permissions: ["secrets"], level: "read" },
    handle: (context) => ({ status: 200, body: publicKeyJson(repoOf(context).secretBox) }),
  },
  {
    operationId: "actions/create-or-update-repo-secret",
    method: "PUT",
    path: "/repos/{owner}/{repo}/actions/secrets/{secret_name}",
    access: { scope: "repo", permissions: ["secrets"], level: "write" },
    handle: (context) => putSecret(context, repoOf(context).secrets, repoOf(context).secretBox),
  },
  {
    operationId: "actions/list-repo-secrets",
    method: "GET",
    path: "/repos/{owner}/{repo}/actions/secrets",
    access: { scope: "repo", permissions: ["secrets"], level: "read" },
    handle: (context) => {
      const repo = repoOf(context);
      return listSecrets(
        context,
        [...repo.secrets.values()],
        `/repos/${repo.fullName}/actions/secrets`,
      );
    },
  },
  {
    operationId: "actions/list-repo-organization-secrets",
    method: "GET",
    path: "/repos/{owner}/{repo}/actions/organization-secrets",
    access: { scope: "repo", permissions: ["secrets"], level: "read" },
    handle: (context) => {
      const repo = repoOf(context);
      return listSecrets(
        context,
        orgSecretsFor(context.services.world, repo),
        `/repos/${repo.fullName}/actions/organization-secrets`,
      );
    },
  },
  {
    operationId: "actions/get-environment-public-key",
    method: "GET",
    path: "/repos/{owner}/{repo}/environments/{environment_name}/secrets/public-key",
    access: { scope: "repo", permissions: ["environments"], level: "read" },
    handle: (context) => ({
      status: 200,
      body: publicKeyJson(environmentOf(context, DOCS).secretBox),
    }),
  },
  {
    operationId: "actions/create-or-update-environment-secret",
    method: "PUT",
    path: "/repos/{owner}/{repo}/environments/{environment_name}/secrets/{secret_name}",
    access: { scope: "repo", permissions: ["environments"], level: "write" },
    handle: (context) => {
      const environment = environmentOf(context, DOCS);
      return putSecret(context, environment.secrets, environment.secretBox);
    },
  },
  {
    operationId: "actions/list-environment-secrets",
    method: "GET",
    path: "/repos/{owner}/{repo}/environments/{environment_name}/secrets",
    access: { scope: "repo", permissions: ["environments"], level: "read" },
    handle: (context) => {
      const environment = environmentOf(context, DOCS);
      return listSecrets(
        context,
        [...environment.secrets.values()],
        `/repos/${environment.repo.fullName}/environments/${encodeURIComponent(environment.name)}/secrets`,
      );
    },
  },
];
