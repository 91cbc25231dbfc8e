/**
 * The "email" format as GitHub's payloads use it. ajv-formats' email is
 * stricter than what GitHub sends: a commit made with an app's installation
 * token is authored by `<id>+<slug>[bot]@users.noreply.github.com`, brackets
 * and all. One @ with no spaces around it is what the description means.
 */
export const GITHUB_EMAIL_FORMAT = /^[^\s@]+@[^\s@]+$/;
