import { SnapgateError } from "../../core/errors.js";
import type { FaultSpec, InjectedFault } from "./fault-spec.js";

interface ActiveFault {
  spec: FaultSpec;
  remaining: number;
}

function globToRegExp(glob: string): RegExp {
  const source = glob
    .split(/(\*\*|\*)/)
    .map((part) =>
      part === "**" ? ".*" : part === "*" ? "[^/]+" : part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"),
    )
    .join("");
  return new RegExp(`^${source}$`);
}

/**
 * Faults that tests inject per request pattern. Each applies to `times`
 * matching requests; one that never fires is a test bug that
 * `assertClean()` reports, as an unused mock would be.
 */
export class FaultInjector {
  private readonly active: ActiveFault[] = [];

  inject(spec: FaultSpec): InjectedFault {
    const effects = [spec.status, spec.rateLimit, spec.delayMs, spec.drop, spec.concurrentRefMove];
    if (effects.every((effect) => effect === undefined || effect === false)) {
      throw new SnapgateError("USAGE", "A fault needs an effect.", {
        fix: "Set one of status, rateLimit, delayMs, drop or concurrentRefMove.",
      });
    }
    if (spec.status !== undefined && spec.rateLimit !== undefined) {
      throw new SnapgateError("USAGE", "A fault cannot both fail with a status and a rate limit.", {
        fix: "Inject two faults instead.",
      });
    }
    if (spec.afterHandling && !spec.status && !spec.drop) {
      throw new SnapgateError(
        "USAGE",
        "A fault after handling needs a status or drop: the answer is what it replaces.",
        { fix: "Set status: 502 (or 500/503) or drop: true with afterHandling." },
      );
    }
    const times = spec.times ?? 1;
    if (!Number.isInteger(times) || times < 1) {
      throw new SnapgateError("USAGE", `Fault times must be a positive integer, not ${times}.`, {
        fix: "Pass times: 1 or more.",
      });
    }
    const fault: ActiveFault = { spec, remaining: times };
    this.active.push(fault);
    return {
      spec,
      get remaining() {
        return fault.remaining;
      },
    };
  }

  /**
   * The fault for a request, if one matches; it counts as applied once.
   * `repo` is the repository the request is about ("owner/name"), if any.
   */
  take(
    method: string,
    operationId: string | null,
    path: string,
    repo: string | null = null,
  ): FaultSpec | null {
    const fault = this.active.find(
      (candidate) =>
        candidate.remaining > 0 && this.matches(candidate.spec, method, operationId, path, repo),
    );
    if (!fault) return null;
    fault.remaining -= 1;
    return fault.spec;
  }

  unused(): InjectedFault[] {
    return this.active
      .filter((fault) => fault.remaining > 0)
      .map((fault) => ({ spec: fault.spec, remaining: fault.remaining }));
  }

  clear(): void {
    this.active.splice(0);
  }

  private matches(
    spec: FaultSpec,
    method: string,
    operationId: string | null,
    path: string,
    repo: string | null,
  ): boolean {
    if (spec.method && spec.method.toUpperCase() !== method) return false;
    if (spec.repo !== undefined && spec.repo.toLowerCase() !== repo?.toLowerCase()) return false;
    const route = spec.route;
    if (route === undefined) return true;
    if (route instanceof RegExp) return route.test(path);
    if (route.startsWith("/")) return globToRegExp(route).test(path);
    return route === operationId;
  }
}
