import type { RouteDefinition } from "./route.js";

/** Parameters that may hold slashes (refs, file paths, branch names), as on GitHub. */
const GREEDY = new Set(["ref", "path", "branch", "tree_sha"]);

interface CompiledRoute {
  route: RouteDefinition;
  pattern: RegExp;
  names: string[];
  literalLength: number;
}

export interface RouteMatch {
  route: RouteDefinition;
  params: Record<string, string>;
}

function compile(route: RouteDefinition): CompiledRoute {
  const names: string[] = [];
  let literalLength = 0;
  // A file path may be empty: "/contents" and "/contents/" both list the root.
  const template = route.path.replace(/\/\{path\}$/, "{path}");
  const source = template.replace(/\{(\w+)\}|[^{]+/g, (part, name: string | undefined) => {
    if (name === undefined) {
      literalLength += part.length;
      return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    }
    names.push(name);
    if (!GREEDY.has(name)) return "([^/]+)";
    return name === "path" ? "(?:/(.*))?" : "(.+?)";
  });
  return { route, pattern: new RegExp(`^${source}/?$`), names, literalLength };
}

/** Matches a method and raw path to a route, decoding the parameters (Octokit encodes "/" in refs as %2F). */
export class Router {
  private readonly routes: CompiledRoute[];

  constructor(routes: readonly RouteDefinition[]) {
    // The most literal route wins: /issues/comments/{id} before /issues/{number}.
    this.routes = routes.map(compile).sort((a, b) => b.literalLength - a.literalLength);
  }

  get definitions(): RouteDefinition[] {
    return this.routes.map((compiled) => compiled.route);
  }

  match(method: string, rawPath: string): RouteMatch | null {
    for (const compiled of this.routes) {
      if (compiled.route.method !== method) continue;
      const found = compiled.pattern.exec(rawPath);
      if (!found) continue;
      const params: Record<string, string> = {};
      try {
        compiled.names.forEach((name, index) => {
          params[name] = decodeURIComponent(found[index + 1] ?? "");
        });
      } catch {
        return null;
      }
      return { route: compiled.route, params };
    }
    return null;
  }
}
