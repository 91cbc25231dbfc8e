import type { EnvironmentHealth } from "./environment-health.js";

/** What the dashboard shows per environment: its health, open requests and lock. */
export interface DashboardEnvironment extends EnvironmentHealth {
  openRequests: Array<{
    id: string;
    action: string;
    state: string;
    requester: string;
    expiresAt: string;
  }>;
  lock: { by: string; at: string; reason: string | null } | null;
}

export interface Dashboard {
  generatedAt: string;
  store: string;
  environments: DashboardEnvironment[];
  /** Request records that failed their app-key check (tampered or from an unknown key). */
  untrustedRequests: string[];
  /** Why open requests are not shown, when they cannot be (no keys.app in the policy). */
  requestsNote: string | null;
}
