/**
 * What the dashboard's GitHub sign-in needs: the app's OAuth client (its
 * user authorization), where the app is reached from browsers, and where
 * GitHub's web pages and REST API are.
 */
export interface DashboardSettings {
  /** GITHUB_CLIENT_ID: the app's Client ID (settings page). */
  clientId: string;
  /** GITHUB_CLIENT_SECRET: a client secret generated on the app's settings page. */
  clientSecret: string;
  /** SNAPGATE_PUBLIC_URL: the app's address as browsers reach it, e.g. https://snapgate.example.com. */
  publicUrl: string;
  /** GitHub's web root (https://github.com, https://HOST for GHES): /login/oauth/... live there. */
  webUrl: string;
}
