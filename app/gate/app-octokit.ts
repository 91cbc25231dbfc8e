import type { Context } from "probot";

/** The installation-authenticated Octokit Probot gives each event (a GitHubClient too). */
export type AppOctokit = Context["octokit"];

/** What the app writes its log through (Probot's pino logger fits). */
export type AppLog = Pick<Context["log"], "info" | "warn" | "error">;
