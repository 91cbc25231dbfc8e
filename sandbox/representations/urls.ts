/** GitHub prints times to the second, in UTC, with a Z. */
export function isoTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** A global node id in GitHub's style ("<prefix>_<base64>"), stable for a kind and id. */
export function nodeId(prefix: string, id: number | string): string {
  return `${prefix}_${Buffer.from(`sandbox:${prefix}:${id}`).toString("base64url")}`;
}

/**
 * The sandbox's addresses. The API lives at the root (like api.github.com);
 * "html" pages and git smart HTTP share the same host, as github.com does.
 */
export class SandboxUrls {
  constructor(readonly base: string) {}

  api(path: string): string {
    return `${this.base}${path}`;
  }

  html(path: string): string {
    return `${this.base}${path}`;
  }

  repoApi(fullName: string, path = ""): string {
    return `${this.base}/repos/${fullName}${path}`;
  }
}
